package io.hydralogger.fallbacks.format;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How a delimited file (CSV, TSV) is written out: its field delimiter and the charset of its
 * text. On reading, a byte order mark at the start of a file decides the charset when there is
 * one (UTF-8, UTF-16 little- or big-endian, see {@link ReadRules#bomCharset}); the charset given
 * here is for files without one. Writing is always UTF-8. Immutable.
 *
 * @param delimiter the field delimiter: {@code ','} for CSV, {@code ';'} as Excel writes it in
 *     much of Europe, {@code '\t'} for TSV, or any other character but a quote or a line break
 * @param charset the charset of files without a byte order mark
 */
public record Dialect(char delimiter, Charset charset) {
    /** RFC 4180: a comma, UTF-8. */
    public static final Dialect CSV = new Dialect(',', StandardCharsets.UTF_8);
    /** Tab-separated, UTF-8. */
    public static final Dialect TSV = new Dialect('\t', StandardCharsets.UTF_8);

    /**
     * Checks the components.
     *
     * @param delimiter the field delimiter
     * @param charset the charset of files without a byte order mark
     * @throws IllegalArgumentException if the delimiter is a quote or a line break
     * @throws NullPointerException if the charset is null
     */
    public Dialect {
        if (delimiter == '"' || ReadRules.isLineBreak(delimiter)) {
            throw new IllegalArgumentException("a delimiter cannot be a quote or a line break: "
                    + (int) delimiter);
        }
        Objects.requireNonNull(charset, "charset must not be null");
    }

    /**
     * {@return the dialect of a format: TSV for {@link Format#TSV}, CSV for anything else}
     *
     * @param format the format
     */
    public static Dialect of(Format format) {
        return format == Format.TSV ? TSV : CSV;
    }

    /**
     * {@return this dialect with another delimiter}
     *
     * @param other the delimiter
     */
    public Dialect withDelimiter(char other) {
        return new Dialect(other, charset);
    }

    /**
     * {@return this dialect with another charset for files without a byte order mark}
     *
     * @param other the charset
     */
    public Dialect withCharset(Charset other) {
        return new Dialect(delimiter, other);
    }

    /**
     * {@return this dialect as it applies to a format: a TSV file is always tab-separated}
     *
     * @param format the format the file is read or written as
     */
    public Dialect forFormat(Format format) {
        return format == Format.TSV ? withDelimiter('\t') : this;
    }

    /** {@return whether the text is read as UTF-8 when it has no byte order mark} */
    public boolean utf8() {
        return charset.equals(StandardCharsets.UTF_8);
    }
}
