package io.hydralogger.fallbacks.internal.sanitize;

import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns records into CSV rows by the rules of {@code DataSanitizer.sanitizeForCsv}:
 * nested maps (and records, beans) are flattened to dotted column names ({@code data.nested}),
 * lists and other arrays become JSON text in one cell, null is an empty cell, and a record that
 * is not an object at all becomes the single column {@code value}. The header is the union of
 * every record's columns in first-seen order, so a row flattened earlier is a prefix of the
 * final header: {@link #row()} holds {@link #width()} cells, and columns that appear later are
 * empty for it.
 *
 * <p>One flattener serves one file; not thread-safe.
 */
public final class CsvFlattener implements ValueSink {
    private static final JsonMapper CELL_MAPPER = JsonMapper.builder().build();

    private final boolean neutralizeFormulas;
    private final Walker walker;
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private final List<String> columns = new ArrayList<>();
    private String[] row = new String[16];

    /** The dotted prefix of each open object; prefixes[1] is "" for the record itself. */
    private String[] prefixes = new String[8];
    /** The column of each open nested object, and whether it has had a member yet. */
    private String[] objectKeys = new String[8];
    private boolean[] objectEmpty = new boolean[8];
    private int depth;
    private @Nullable String currentKey;

    private final StringBuilder cellText = new StringBuilder();
    private @Nullable JsonGenerator capture;
    private int captureDepth;
    private @Nullable String captureKey;

    /**
     * Creates a flattener.
     *
     * @param sanitizer the sanitiser whose per-class cache takes records apart
     * @param neutralizeFormulas whether text cells that a spreadsheet would run as a formula
     *     (starting with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return) get
     *     a leading apostrophe; numbers are never changed
     */
    public CsvFlattener(Sanitizer sanitizer, boolean neutralizeFormulas) {
        this.neutralizeFormulas = neutralizeFormulas;
        this.walker = new Walker(sanitizer.shapes, this);
    }

    /**
     * Flattens one record into {@link #row()}, adding any new columns to the header.
     *
     * @param record any value; null gives a row of empty cells
     */
    public void flatten(@Nullable Object record) {
        Arrays.fill(row, 0, columns.size(), null);
        depth = 0;
        captureDepth = 0;
        walker.walk(record);
    }

    /** {@return the header so far: every column seen, in first-seen order (unmodifiable)} */
    public List<String> columns() {
        return Collections.unmodifiableList(columns);
    }

    /** {@return the number of columns so far, which is the number of meaningful cells in row()} */
    public int width() {
        return columns.size();
    }

    /**
     * The cells of the last flattened record, by column index; null is an empty cell. The array
     * is reused by the next {@link #flatten(Object)} and may be longer than {@link #width()}.
     *
     * @return the cells
     */
    public String[] row() {
        return row;
    }

    @Override
    public void beginObject() {
        if (captureDepth > 0) {
            captured().writeStartObject();
            captureDepth++;
            return;
        }
        if (depth + 1 >= prefixes.length) {
            prefixes = Arrays.copyOf(prefixes, prefixes.length * 2);
            objectKeys = Arrays.copyOf(objectKeys, objectKeys.length * 2);
            objectEmpty = Arrays.copyOf(objectEmpty, objectEmpty.length * 2);
        }
        if (depth == 0) {
            prefixes[1] = "";
        } else {
            String key = keyHere();
            prefixes[depth + 1] = key + ".";
            objectKeys[depth + 1] = key;
        }
        depth++;
        objectEmpty[depth] = true;
    }

    @Override
    public void name(String name) {
        if (captureDepth > 0) {
            captured().writeName(name);
            return;
        }
        objectEmpty[depth] = false;
        String prefix = prefixes[depth];
        currentKey = prefix.isEmpty() ? name : prefix.concat(name);
    }

    @Override
    public void endObject() {
        if (captureDepth > 0) {
            captured().writeEndObject();
            endCaptured();
            return;
        }
        if (depth > 1 && objectEmpty[depth]) {
            cell(objectKeys[depth], "{}");
        }
        depth--;
    }

    @Override
    public void beginArray() {
        if (captureDepth == 0) {
            captureKey = keyHere();
            if (capture == null) {
                capture = CELL_MAPPER.writer().withRootValueSeparator("")
                        .createGenerator(new StringBuilderWriter(cellText));
            }
        }
        captured().writeStartArray();
        captureDepth++;
    }

    @Override
    public void endArray() {
        captured().writeEndArray();
        endCaptured();
    }

    @Override
    public void string(String value) {
        if (captureDepth > 0) {
            captured().writeString(value);
        } else {
            cell(keyHere(), neutralizeFormulas ? neutralize(value) : value);
        }
    }

    @Override
    public void number(long value) {
        if (captureDepth > 0) {
            captured().writeNumber(value);
        } else {
            cell(keyHere(), Long.toString(value));
        }
    }

    @Override
    public void number(double value) {
        if (captureDepth > 0) {
            captured().writeNumber(value);
        } else {
            cell(keyHere(), Double.toString(value));
        }
    }

    @Override
    public void number(BigInteger value) {
        if (captureDepth > 0) {
            captured().writeNumber(value);
        } else {
            cell(keyHere(), value.toString());
        }
    }

    @Override
    public void number(BigDecimal value) {
        if (captureDepth > 0) {
            captured().writeNumber(value);
        } else {
            cell(keyHere(), value.toString());
        }
    }

    @Override
    public void bool(boolean value) {
        if (captureDepth > 0) {
            captured().writeBoolean(value);
        } else {
            cell(keyHere(), value ? "true" : "false");
        }
    }

    @Override
    public void nullValue() {
        if (captureDepth > 0) {
            captured().writeNull();
        } else if (depth > 0) {
            cell(keyHere(), null);
        }
        // else: the record itself is null, a row of empty cells, not a column "value" of its own
    }

    /** The column the next scalar belongs to: the current key, or "value" outside any object. */
    private String keyHere() {
        return depth == 0 ? "value" : Objects.requireNonNull(currentKey, "a value in an object comes after its name");
    }

    /** {@return the generator of the value being captured into one cell} */
    private JsonGenerator captured() {
        return Objects.requireNonNull(capture, "no value is being captured");
    }

    private void endCaptured() {
        if (--captureDepth == 0) {
            captured().flush();
            cell(Objects.requireNonNull(captureKey), cellText.toString());
            cellText.setLength(0);
        }
    }

    private void cell(String column, @Nullable String text) {
        Integer index = columnIndex.get(column);
        if (index == null) {
            index = columns.size();
            columnIndex.put(column, index);
            columns.add(column);
            if (index >= row.length) {
                row = Arrays.copyOf(row, row.length * 2);
            }
        }
        row[index] = text;
    }

    /**
     * Prefixes text that a spreadsheet would evaluate as a formula with an apostrophe.
     *
     * @param text the cell text
     * @return the text, neutralised when needed
     */
    static String neutralize(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text
                : text;
    }

    /** An unsynchronised Writer into a StringBuilder (java.io.StringWriter locks on every call). */
    private static final class StringBuilderWriter extends Writer {
        private final StringBuilder target;

        StringBuilderWriter(StringBuilder target) {
            this.target = target;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            target.append(chars, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) {
            target.append(text, offset, offset + length);
        }

        @Override
        public void flush() {
            // nothing buffered here
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
