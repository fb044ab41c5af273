/**
 * The vocabulary every layer shares: the file {@link io.hydralogger.fallbacks.format.Format}s
 * (JSON, JSON Lines, CSV) and the {@link io.hydralogger.fallbacks.format.ReadLimits} that guard
 * reads against hostile files. Depends on nothing else in the library.
 */
@NullMarked
package io.hydralogger.fallbacks.format;

import org.jspecify.annotations.NullMarked;
