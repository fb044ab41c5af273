package io.hydralogger.fallbacks.benchmarks;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.WriteResult;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.recovery.CorruptionDetector;
import io.hydralogger.fallbacks.recovery.CorruptionReport;
import io.hydralogger.fallbacks.recovery.DataRecovery;
import io.hydralogger.fallbacks.recovery.SalvageReader;
import io.hydralogger.fallbacks.write.Durability;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Corruption detection and salvage of 100 MB JSON Lines and JSON array files (100,000 records
 * of 1 KB): {@code verify} of the intact files (the detection cache emptied before each, so every
 * operation reads the file), and salvage of copies damaged in the middle. Compare reports MB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
public class VerifyBenchmark {
    private Path folder;
    private Path jsonLines;
    private Path json;
    private Path damagedLines;
    private Path damagedJson;

    /**
     * The size of the files one operation reads (the damaged copies have the same size): the
     * records written as the handler writes them, to a scratch file.
     *
     * @param format {@link Format#JSON_LINES} or {@link Format#JSON}
     * @return the bytes
     * @throws IOException if the scratch file cannot be written
     */
    static long fileBytes(Format format) throws IOException {
        var records = Records.kilobyte(ParallelReadBenchmark.RECORDS);
        Path folder = BenchFiles.newFolder();
        try {
            WriteResult written = FallbackHandler.builder().durability(Durability.NONE).backups(0).build()
                    .write(records, folder.resolve("size"), format);
            if (!written.ok()) {
                throw new IOException("could not write the scratch file", written.error().orElse(null));
            }
            return written.bytes();
        } finally {
            BenchFiles.delete(folder);
        }
    }

    /**
     * Writes the files and damages the copies.
     *
     * @throws IOException if writing fails
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        folder = BenchFiles.newFolder();
        FallbackHandler handler = FallbackHandler.builder().build();
        var records = Records.kilobyte(ParallelReadBenchmark.RECORDS);
        jsonLines = folder.resolve("big.jsonl");
        json = folder.resolve("big.json");
        WriteBenchmark.ok(handler.writeJsonLines(records, jsonLines));
        WriteBenchmark.ok(handler.writeJson(records, json));
        damagedLines = damagedCopy(jsonLines);
        damagedJson = damagedCopy(json);
    }

    private Path damagedCopy(Path file) throws IOException {
        Path copy = file.resolveSibling("damaged-" + file.getFileName());
        Files.copy(file, copy);
        try (RandomAccessFile raf = new RandomAccessFile(copy.toString(), "rw")) {
            raf.seek(raf.length() / 2);
            raf.write("#garbage{[\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return copy;
    }

    /** Removes the files. */
    @TearDown(Level.Trial)
    public void tearDown() {
        BenchFiles.delete(folder);
    }

    /** {@return the report of an intact JSON Lines file} */
    @Benchmark
    public CorruptionReport verifyJsonLines() {
        return intact(jsonLines, Format.JSON_LINES);
    }

    /** {@return the report of an intact JSON array file} */
    @Benchmark
    public CorruptionReport verifyJson() {
        return intact(json, Format.JSON);
    }

    private static CorruptionReport intact(Path file, Format format) {
        CorruptionReport report = CorruptionDetector.inspect(file, format);
        if (!report.problems().isEmpty()) {
            throw new IllegalStateException("the intact file was reported damaged: " + report);
        }
        return report;
    }

    /**
     * {@return how many records were salvaged from the damaged JSON Lines file, streaming}
     *
     * @throws IOException if reading fails
     */
    @Benchmark
    public long salvageJsonLines() throws IOException {
        return salvage(damagedLines, Format.JSON_LINES);
    }

    /**
     * {@return how many records were salvaged from the damaged JSON array file, streaming}
     *
     * @throws IOException if reading fails
     */
    @Benchmark
    public long salvageJson() throws IOException {
        return salvage(damagedJson, Format.JSON);
    }

    private static long salvage(Path file, Format format) throws IOException {
        long count = 0;
        try (SalvageReader reader = DataRecovery.open(file, format)) {
            while (reader.hasNext()) {
                reader.next();
                count++;
            }
            if (count == 0 || reader.report().problems().isEmpty()) {
                throw new IllegalStateException("the damaged copy was not salvaged as damaged: " + reader.report());
            }
        }
        return count;
    }
}
