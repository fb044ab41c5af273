package io.hydralogger.fallbacks.recovery;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.samples.SampleRecords;
import io.hydralogger.fallbacks.write.Durability;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Files written by the library, and ways to damage them. */
final class DamageFixtures {
    static final FallbackHandler HANDLER = FallbackHandler.builder().durability(Durability.NONE).backups(0).build();

    private DamageFixtures() {
    }

    /** The record number {@code i}, the shape of the baseline benchmark. */
    static Map<String, Object> record(int i) {
        return SampleRecords.user(i);
    }

    static List<Map<String, Object>> records(int count) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(record(i));
        }
        return records;
    }

    static String extension(Format format) {
        return switch (format) {
            case JSON -> ".json";
            case JSON_LINES -> ".jsonl";
            case CSV -> ".csv";
            case TSV -> ".tsv";
        };
    }

    /** Writes {@code count} records through the library and returns the file's bytes. */
    static byte[] write(Path dir, Format format, int count) throws IOException {
        Path file = dir.resolve("source" + extension(format));
        if (!HANDLER.write(records(count), file, format).ok()) {
            throw new IOException("could not write " + file);
        }
        return Files.readAllBytes(file);
    }

    /** What a strict read of the intact file gives: the records as a reader sees them. */
    static List<Object> intactRecords(Path dir, Format format, int count) throws IOException {
        write(dir, format, count);
        Path file = dir.resolve("source" + extension(format));
        DataRecovery.Recovered recovered = DataRecovery.recover(file, format);
        if (!recovered.report().intact()) {
            throw new IllegalStateException("the intact file is reported damaged: " + recovered.report());
        }
        return recovered.records();
    }

    static byte[] overwrite(byte[] bytes, int at, byte[] with) {
        byte[] copy = bytes.clone();
        System.arraycopy(with, 0, copy, at, Math.min(with.length, copy.length - at));
        return copy;
    }

    static byte[] insert(byte[] bytes, int at, byte[] what) {
        byte[] copy = new byte[bytes.length + what.length];
        System.arraycopy(bytes, 0, copy, 0, at);
        System.arraycopy(what, 0, copy, at, what.length);
        System.arraycopy(bytes, at, copy, at + what.length, bytes.length - at);
        return copy;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] zeros(int count) {
        return new byte[count];
    }

    static byte[] zeroTail(byte[] bytes, int from) {
        byte[] copy = bytes.clone();
        Arrays.fill(copy, from, copy.length, (byte) 0);
        return copy;
    }

    /** Offset of the first byte of a string field value inside the middle of the file. */
    static int middleStringByte(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        return text.indexOf("user", bytes.length / 2) + 1;
    }
}
