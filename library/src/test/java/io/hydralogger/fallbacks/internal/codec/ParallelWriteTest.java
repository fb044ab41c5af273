package io.hydralogger.fallbacks.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.hydralogger.fallbacks.internal.sanitize.Sanitizer;

import io.hydralogger.fallbacks.FallbackHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A write on several threads gives the very bytes of the write on one thread, for every format,
 * every kind of source (list, array, iterator, stream) and awkward records (CSV columns that come
 * and go in any order, cycles, a source that fails part-way, a source that reuses one object).
 * Small switch and chunk sizes stand in for large files: many chunks from little data, and the
 * splitting does not depend on the size.
 */
class ParallelWriteTest {
    private static final Sanitizer SANITIZER = new Sanitizer();
    private final JsonMapper mapper = FallbackHandler.builder().build().mapper();
    private final ExecutorService pool = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "test-write-helper");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger forcesAhead = new AtomicInteger();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /** Switch after 1.5 KB, chunks of 3 KB, a force ahead every 5 KB. */
    private WriteThreads parallel(int threads) {
        return new WriteThreads(pool, threads, forcesAhead::incrementAndGet, 1500, 3000, 5000);
    }

    /** The bytes a write makes, and the count it returned. */
    private record Written(byte[] bytes, long count) {
        String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private Written json(Object data, int indent, WriteThreads threads) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long count = Codecs.writeJson(mapper, SANITIZER, data, indent, out, threads);
        return new Written(out.toByteArray(), count);
    }

    private Written jsonLines(Iterator<?> records, WriteThreads threads) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long count = Codecs.writeJsonLines(mapper, SANITIZER, records, out, threads);
        return new Written(out.toByteArray(), count);
    }

    private static Written csv(Iterator<?> records, WriteThreads threads) throws IOException {
        ByteArrayOutputStream[] file = {new ByteArrayOutputStream()};
        Codecs.Rewrite rewrite = transform -> {
            ByteArrayOutputStream fresh = new ByteArrayOutputStream();
            transform.apply(new ByteArrayInputStream(file[0].toByteArray()), fresh);
            file[0] = fresh;
        };
        long count = Codecs.writeCsv(SANITIZER, records, false, ',', file[0], rewrite, threads);
        return new Written(file[0].toByteArray(), count);
    }

    /** User-like records of one shape (about 130 bytes of JSON each). */
    private static List<Object> users(int count) {
        List<Object> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("id", i);
            user.put("name", "user" + i + (i % 50 == 0 ? " \"quoted\", with\nnewline \ud800 lone" : ""));
            user.put("email", "user" + i + "@example.com");
            user.put("score", i * 1.5);
            user.put("active", i % 2 == 0);
            user.put("tags", List.of("a", "b"));
            user.put("meta", Map.of("k", i));
            users.add(user);
        }
        return users;
    }

    /**
     * Records whose CSV columns come and go: keys in random order from a pool, nested objects,
     * empty objects, nulls, null records, records that are plain values, one-column records with
     * an empty cell. Seeded, so a failure repeats.
     */
    private static List<Object> shiftingRecords(long seed, int count) {
        Random random = new Random(seed);
        List<String> keys = List.of("a", "b", "c", "d", "e", "f", "g", "h");
        List<Object> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(40);
            if (kind == 0) {
                records.add(null);
                continue;
            }
            if (kind == 1) {
                records.add("plain value " + i);
                continue;
            }
            if (kind == 2) {
                records.add(Map.of());
                continue;
            }
            Map<String, Object> record = new LinkedHashMap<>();
            List<String> shuffled = new ArrayList<>(keys);
            java.util.Collections.shuffle(shuffled, random);
            int width = kind == 3 ? 1 : 1 + random.nextInt(i < count / 2 ? 3 : keys.size());
            for (String key : shuffled.subList(0, width)) {
                record.put(key, switch (random.nextInt(6)) {
                    case 0 -> null;
                    case 1 -> "";
                    case 2 -> Map.of("x", i, "y", "=formula," + i);
                    case 3 -> List.of(i, "t\"q");
                    case 4 -> Map.of();
                    default -> "v" + i + ",\n" + "z".repeat(random.nextInt(60));
                });
            }
            records.add(record);
        }
        return records;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void jsonLinesOnSeveralThreadsAreTheBytesOfOneThread(int threads) throws IOException {
        List<Object> records = users(3000);
        Written one = jsonLines(records.iterator(), WriteThreads.NONE);
        Written many = jsonLines(records.iterator(), parallel(threads));
        assertThat(many.count()).isEqualTo(3000);
        assertThat(many.bytes()).isEqualTo(one.bytes());
        assertThat(forcesAhead.get()).as("forces ahead while writing").isGreaterThan(10);
        assertThat(jsonLines(records.stream().iterator(), parallel(threads)).bytes()).isEqualTo(one.bytes());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 2, 4})
    void jsonDocumentsOnSeveralThreadsAreTheBytesOfOneThread(int indent) throws IOException {
        List<Object> records = users(2500);
        Written one = json(records, indent, WriteThreads.NONE);
        assertThat(one.count()).isEqualTo(2500);
        List<Supplier<Object>> sources = List.of(() -> records, records::iterator, records::stream,
                records::toArray, () -> records.stream().map(r -> r));
        for (Supplier<Object> source : sources) {
            Written many = json(source.get(), indent, parallel(2));
            assertThat(many.count()).isEqualTo(2500);
            assertThat(many.text()).isEqualTo(one.text());
        }
    }

    @Test
    void documentsThatAreNoArraysAndSmallArraysStayOnOneThreadWithTheSameBytes() throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("users", users(2000));
        assertThat(json(document, 2, parallel(2)).bytes()).isEqualTo(json(document, 2, WriteThreads.NONE).bytes());
        for (Object small : List.of(List.of(), List.of(1, 2), new int[] {1, 2, 3}, "text", users(5))) {
            Written many = json(small, 2, parallel(2));
            Written one = json(small, 2, WriteThreads.NONE);
            assertThat(many.text()).isEqualTo(one.text());
            assertThat(many.count()).isEqualTo(one.count());
        }
        assertThat(forcesAhead.get()).isZero();
    }

    @Test
    void anElementThatHoldsTheDocumentIsACycleMarkerOnEveryThread() throws IOException {
        List<Object> records = new ArrayList<>(users(2000));
        for (int i = 100; i < records.size(); i += 150) {
            records.set(i, Map.of("self", records));
        }
        records.add(records);
        Written one = json(records, -1, WriteThreads.NONE);
        assertThat(one.text()).contains("[circular reference: java.util.ArrayList]");
        assertThat(json(records, -1, parallel(3)).text()).isEqualTo(one.text());
    }

    @Test
    void aSourceThatFailsPartWayEndsTheDocumentWithTheSameMarker() throws IOException {
        List<Object> records = users(3000);
        Supplier<Iterator<Object>> failing = () -> IntStream.range(0, 3000).mapToObj(i -> {
            if (i == 2222) {
                throw new IllegalStateException("the source broke");
            }
            return records.get(i);
        }).iterator();
        Written one = json(failing.get(), -1, WriteThreads.NONE);
        assertThat(one.text()).endsWith(",\"[iteration failed: java.lang.IllegalStateException]\"]");
        Written many = json(failing.get(), -1, parallel(2));
        assertThat(many.text()).isEqualTo(one.text());
        assertThat(many.count()).isEqualTo(one.count()).isEqualTo(2223);

        assertThatThrownBy(() -> jsonLines(failing.get(), WriteThreads.NONE))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> jsonLines(failing.get(), parallel(2))).isInstanceOf(IllegalStateException.class)
                .hasMessage("the source broke");
        assertThatThrownBy(() -> csv(failing.get(), parallel(2))).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void csvWithColumnsThatComeAndGoIsTheFileOfOneThread(long seed) throws IOException {
        List<Object> records = shiftingRecords(seed, 1500);
        Written one = csv(records.iterator(), WriteThreads.NONE);
        for (int threads : new int[] {2, 4}) {
            Written many = csv(records.iterator(), new WriteThreads(pool, threads, () -> { }, 800 + seed * 97,
                    700 + (int) seed * 300, 5000));
            assertThat(many.count()).isEqualTo(1500);
            assertThat(many.text()).as("seed %d, %d threads", seed, threads).isEqualTo(one.text());
        }
    }

    @Test
    void csvOfOneShapeIsTheFileOfOneThread() throws IOException {
        List<Object> records = users(3000);
        Written one = csv(records.iterator(), WriteThreads.NONE);
        assertThat(csv(records.iterator(), parallel(2)).bytes()).isEqualTo(one.bytes());
        assertThat(csv(records.stream().iterator(), parallel(4)).bytes()).isEqualTo(one.bytes());
    }

    @Test
    void csvWhoseHeaderGrowsOnlyAfterTheSwitchIsRewrittenAsOnOneThread() throws IOException {
        List<Object> records = new ArrayList<>(users(3000));
        Map<String, Object> late = new LinkedHashMap<>();
        late.put("late", "column");
        late.put("id", -1);
        records.set(2900, late);
        records.set(1700, Map.of("value", ""));
        Written one = csv(records.iterator(), WriteThreads.NONE);
        assertThat(one.text()).startsWith("id,name,email,score,active,tags,meta.k,value,late\n");
        assertThat(csv(records.iterator(), parallel(2)).text()).isEqualTo(one.text());
    }

    @Test
    void aSourceThatReusesOneObjectIsWrittenRecordByRecord() throws IOException {
        Supplier<Iterator<Object>> reusing = () -> new Iterator<>() {
            private final Map<String, Object> shared = new LinkedHashMap<>();
            private int next;

            @Override
            public boolean hasNext() {
                return next < 3000;
            }

            @Override
            public Object next() {
                shared.put("id", next);
                shared.put("text", "record number " + next++ + " of a source that reuses one map");
                return shared;
            }
        };
        assertThat(jsonLines(reusing.get(), parallel(2)).bytes())
                .isEqualTo(jsonLines(reusing.get(), WriteThreads.NONE).bytes());
        assertThat(json(reusing.get(), -1, parallel(2)).bytes())
                .isEqualTo(json(reusing.get(), -1, WriteThreads.NONE).bytes());
        assertThat(csv(reusing.get(), parallel(2)).bytes()).isEqualTo(csv(reusing.get(), WriteThreads.NONE).bytes());
        assertThat(jsonLines(reusing.get(), WriteThreads.NONE).text()).contains("record number 2999");
    }

    @Test
    void aFailingStreamStopsTheWriteAndItsHelpers() {
        List<Object> records = users(3000);
        for (int failAt : new int[] {100, 2_000, 60_000, 200_000}) {
            OutputStream failing = new OutputStream() {
                private int written;

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    written += length;
                    if (written > failAt) {
                        throw new IOException("disk full");
                    }
                }
            };
            assertThatThrownBy(() -> Codecs.writeJsonLines(mapper, SANITIZER, records.iterator(), failing, parallel(2)))
                    .hasMessageContaining("disk full");
            assertThatThrownBy(() -> Codecs.writeJson(mapper, SANITIZER, records, 2, failing, parallel(2)))
                    .hasMessageContaining("disk full");
            assertThatThrownBy(() -> Codecs.writeCsv(SANITIZER, records.iterator(), false, ',', failing, transform -> { },
                    parallel(2))).hasMessageContaining("disk full");
        }
    }

    @Test
    void aFailedForceAheadFailsTheWrite() {
        WriteThreads failingForce = new WriteThreads(pool, 2, () -> {
            throw new IOException("force failed");
        }, 1500, 3000, 5000);
        assertThatThrownBy(() -> jsonLines(users(3000).iterator(), failingForce))
                .isInstanceOf(IOException.class).hasMessage("force failed");
    }

    @Test
    void chunksHoldAboutTheirBytesWithinBounds() {
        assertThat(ChunkPipeline.recordsPerChunk(1 << 20, 1000, 130_000)).isEqualTo(8065);
        assertThat(ChunkPipeline.recordsPerChunk(1 << 20, 1, 50 << 20)).isEqualTo(1);
        assertThat(ChunkPipeline.recordsPerChunk(1 << 20, 1_000_000, 10)).isEqualTo(1 << 16);
        assertThat(Arrays.asList(WriteThreads.of(pool, () -> { }).threads()))
                .allMatch(t -> t >= 1 && t <= WriteThreads.MAX_THREADS);
    }
}
