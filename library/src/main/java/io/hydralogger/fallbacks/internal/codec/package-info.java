/**
 * The formats' codecs, not API: {@link io.hydralogger.fallbacks.internal.codec.Codecs} streams
 * records through the sanitiser into Jackson and FastCSV and reads them back strictly;
 * {@link io.hydralogger.fallbacks.internal.codec.ParallelReader} parses large files on several
 * threads with the one-thread result.
 */
@NullMarked
package io.hydralogger.fallbacks.internal.codec;

import org.jspecify.annotations.NullMarked;
