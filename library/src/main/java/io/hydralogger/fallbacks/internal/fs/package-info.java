/**
 * The file-system protocol's machinery, not API: per-path locks across threads and processes
 * ({@link io.hydralogger.fallbacks.internal.fs.PathLocks}), whole-line appends with torn-tail
 * repair ({@link io.hydralogger.fallbacks.internal.fs.LineAppender}), fallback files
 * ({@link io.hydralogger.fallbacks.internal.fs.FallbackFiles}), temp files, folders, links, and
 * the names of every file the library makes beside a target
 * ({@link io.hydralogger.fallbacks.internal.fs.FileNames}). Not exported by the module.
 */
package io.hydralogger.fallbacks.internal.fs;
