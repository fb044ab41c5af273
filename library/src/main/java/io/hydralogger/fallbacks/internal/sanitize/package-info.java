/**
 * The sanitiser's machinery, not API: {@link io.hydralogger.fallbacks.internal.sanitize.Sanitizer}
 * walks any value into a {@link io.hydralogger.fallbacks.internal.sanitize.ValueSink} by the
 * rules of {@code DataSanitizer}, using a bounded per-class cache of shapes;
 * {@link io.hydralogger.fallbacks.internal.sanitize.CsvFlattener} turns records into CSV rows.
 */
@NullMarked
package io.hydralogger.fallbacks.internal.sanitize;

import org.jspecify.annotations.NullMarked;
