/**
 * Sanitising: any Java value made writable as JSON or as a flat CSV row. The entry point is
 * {@link io.hydralogger.fallbacks.sanitize.DataSanitizer}; {@link
 * io.hydralogger.fallbacks.internal.sanitize.CsvFlattener} turns records into CSV rows and {@link
 * io.hydralogger.fallbacks.internal.sanitize.ValueSink} receives a value as a stream of events.
 */
@NullMarked
package io.hydralogger.fallbacks.sanitize;

import org.jspecify.annotations.NullMarked;
