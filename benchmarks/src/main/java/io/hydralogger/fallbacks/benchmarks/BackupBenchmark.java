package io.hydralogger.fallbacks.benchmarks;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.WriteResult;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.write.Durability;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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
 * What a backup costs: durable JSON Lines writes of a 100 MB file (100,000 records of 1 KB)
 * over the previous version, with one backup generation and with none. With backups each write
 * links the old version to {@code .bak} and so drops the generation before it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class BackupBenchmark {
    /** Records per write: 100,000 of about 1 KB, so about 100 MB. */
    public static final int RECORDS = 100_000;

    private List<Map<String, Object>> distinct;
    private Path folder;
    private FallbackHandler withBackups;
    private FallbackHandler withoutBackups;

    /** Makes the handlers and the records. */
    @Setup(Level.Trial)
    public void setUp() {
        distinct = Records.kilobyte(1_000);
        folder = BenchFiles.newFolder();
        withBackups = FallbackHandler.builder().durability(Durability.SYNC).backups(1).build();
        withoutBackups = FallbackHandler.builder().durability(Durability.SYNC).backups(0).build();
    }

    /** Removes the files. */
    @TearDown(Level.Trial)
    public void tearDown() {
        BenchFiles.delete(folder);
    }

    /** {@return a 100 MB durable write keeping one backup} */
    @Benchmark
    public WriteResult backupsOn() {
        return WriteBenchmark.ok(withBackups.write(records(), folder.resolve("on.jsonl"), Format.JSON_LINES));
    }

    /** {@return a 100 MB durable write keeping no backup} */
    @Benchmark
    public WriteResult backupsOff() {
        return WriteBenchmark.ok(withoutBackups.write(records(), folder.resolve("off.jsonl"), Format.JSON_LINES));
    }

    /** The 1,000 distinct records over and over, 100,000 in all, without holding 100 MB of maps. */
    private Iterator<Map<String, Object>> records() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < RECORDS;
            }

            @Override
            public Map<String, Object> next() {
                if (next >= RECORDS) {
                    throw new NoSuchElementException();
                }
                return distinct.get(next++ % distinct.size());
            }
        };
    }
}
