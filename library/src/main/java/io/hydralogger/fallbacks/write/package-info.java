/**
 * The atomic, durable write protocol: {@link io.hydralogger.fallbacks.write.AtomicWriter} starts
 * a {@link io.hydralogger.fallbacks.write.PendingFile} (temp file → forced → backup → renamed →
 * folder forced), and {@link io.hydralogger.fallbacks.write.BackupManager} keeps the previous
 * versions by hard link.
 */
@NullMarked
package io.hydralogger.fallbacks.write;

import org.jspecify.annotations.NullMarked;
