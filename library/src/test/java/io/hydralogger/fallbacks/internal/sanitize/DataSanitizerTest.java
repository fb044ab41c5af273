package io.hydralogger.fallbacks.internal.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.Fallbacks;
import io.hydralogger.fallbacks.sanitize.DataSanitizer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Calendar;
import java.util.Currency;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sanitiser's rules of SPEC §5, one by one, on {@link DataSanitizer}'s public methods. */
class DataSanitizerTest {

    private static Object json(Object value) {
        return DataSanitizer.sanitizeForJson(value);
    }

    /** The sanitised value, which must be an object, as a map. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        Object result = json(value);
        assertThat(result).isInstanceOf(Map.class);
        return (Map<String, Object>) result;
    }

    @Nested
    class Scalars {
        @Test
        void stringsBooleansAndNumbersStayAsTheyAre() {
            assertThat(json("text")).isEqualTo("text");
            assertThat(json(new StringBuilder("built"))).isEqualTo("built");
            assertThat(json(true)).isEqualTo(true);
            assertThat(json(42)).isEqualTo(42L);
            assertThat(json(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
            assertThat(json((short) 7)).isEqualTo(7L);
            assertThat(json((byte) -3)).isEqualTo(-3L);
            assertThat(json(1.5)).isEqualTo(1.5);
            assertThat(json(2.5f)).isEqualTo(2.5);
            assertThat(json(new BigInteger("123456789012345678901234567890")))
                    .isEqualTo(new BigInteger("123456789012345678901234567890"));
            assertThat(json(new BigDecimal("0.10"))).isEqualTo(new BigDecimal("0.10"));
            assertThat(json('c')).isEqualTo("c");
            assertThat(json(null)).isNull();
        }

        @Test
        void nanAndInfinitiesBecomeStrings() {
            assertThat(json(Double.NaN)).isEqualTo("NaN");
            assertThat(json(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
            assertThat(json(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
            assertThat(json(Float.NaN)).isEqualTo("NaN");
            assertThat(json(Float.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
            assertThat(json(new double[] {1.0, Double.NaN, Double.POSITIVE_INFINITY}))
                    .isEqualTo(List.of(1.0, "NaN", "Infinity"));
            assertThat(json(Map.of("score", Double.NaN))).isEqualTo(Map.of("score", "NaN"));
        }

        @Test
        void bytesAndByteBuffersBecomeBase64() {
            byte[] bytes = {0, 1, 2, (byte) 0xff, 'h', 'i'};
            String base64 = Base64.getEncoder().encodeToString(bytes);
            assertThat(json(bytes)).isEqualTo(base64);
            assertThat(json(ByteBuffer.wrap(bytes))).isEqualTo(base64);

            ByteBuffer partlyRead = ByteBuffer.wrap(bytes);
            partlyRead.position(4);
            assertThat(json(partlyRead)).isEqualTo(Base64.getEncoder().encodeToString(new byte[] {'h', 'i'}));
            assertThat(partlyRead.position()).as("the caller's buffer is not consumed").isEqualTo(4);

            ByteBuffer direct = ByteBuffer.allocateDirect(3).put(new byte[] {9, 8, 7}).flip();
            assertThat(json(direct)).isEqualTo(Base64.getEncoder().encodeToString(new byte[] {9, 8, 7}));
        }
    }

    @Nested
    class Containers {
        @Test
        void setsAndCollectionsBecomeArrays() {
            assertThat(json(new LinkedHashSet<>(List.of("b", "a")))).isEqualTo(List.of("b", "a"));
            assertThat(json(new ArrayDeque<>(List.of(1, 2, 3)))).isEqualTo(List.of(1L, 2L, 3L));
            assertThat(json(List.of())).isEqualTo(List.of());
        }

        @Test
        void iterablesIteratorsAndStreamsBecomeArrays() {
            Iterable<String> iterable = () -> List.of("x", "y").iterator();
            assertThat(json(iterable)).isEqualTo(List.of("x", "y"));
            assertThat(json(List.of(1, 2).iterator())).isEqualTo(List.of(1L, 2L));
            assertThat(json(Stream.of("s", "t"))).isEqualTo(List.of("s", "t"));
            assertThat(json(IntStream.range(0, 3))).isEqualTo(List.of(0L, 1L, 2L));
        }

        @Test
        void aStreamIsClosedAfterItWasWritten() {
            boolean[] closed = {false};
            Stream<String> stream = Stream.of("a").onClose(() -> closed[0] = true);
            assertThat(json(stream)).isEqualTo(List.of("a"));
            assertThat(closed[0]).isTrue();
        }

        @Test
        void objectAndPrimitiveArraysBecomeArrays() {
            assertThat(json(new Object[] {"a", 1, null})).isEqualTo(java.util.Arrays.asList("a", 1L, null));
            assertThat(json(new String[][] {{"a"}, {"b", "c"}})).isEqualTo(List.of(List.of("a"), List.of("b", "c")));
            assertThat(json(new int[] {1, 2})).isEqualTo(List.of(1L, 2L));
            assertThat(json(new long[] {3L})).isEqualTo(List.of(3L));
            assertThat(json(new short[] {4})).isEqualTo(List.of(4L));
            assertThat(json(new boolean[] {true, false})).isEqualTo(List.of(true, false));
            assertThat(json(new float[] {0.5f, Float.POSITIVE_INFINITY})).isEqualTo(List.of(0.5, "Infinity"));
        }

        @Test
        void mapsKeepTheirOrderAndGetStringKeys() {
            Map<Object, Object> map = new LinkedHashMap<>();
            map.put("name", "n");
            map.put(1, "one");
            map.put(Color.RED, "enum key");
            map.put(LocalDate.of(2024, 2, 29), "date key");
            map.put(UUID.fromString("00000000-0000-0000-0000-000000000001"), "uuid key");
            map.put(null, "null key");
            map.put(2.5, "double key");

            Map<String, Object> result = object(map);

            assertThat(result.keySet()).containsExactly("name", "1", "RED", "2024-02-29",
                    "00000000-0000-0000-0000-000000000001", "null", "2.5");
            assertThat(result.values()).containsExactly("n", "one", "enum key", "date key",
                    "uuid key", "null key", "double key");
        }

        @Test
        void sortedMapsKeepTheirOwnOrder() {
            Map<Integer, String> sorted = new TreeMap<>(Map.of(10, "ten", 2, "two"));
            assertThat(object(sorted).keySet()).containsExactly("2", "10");
        }
    }

    @Nested
    class ValueTypes {
        @Test
        void optionalsBecomeTheirValueOrNull() {
            assertThat(json(Optional.of("here"))).isEqualTo("here");
            assertThat(json(Optional.empty())).isNull();
            assertThat(json(Optional.of(List.of(1)))).isEqualTo(List.of(1L));
            assertThat(json(OptionalInt.of(3))).isEqualTo(3L);
            assertThat(json(OptionalInt.empty())).isNull();
            assertThat(json(OptionalLong.of(4L))).isEqualTo(4L);
            assertThat(json(OptionalDouble.of(Double.NaN))).isEqualTo("NaN");
            assertThat(json(OptionalDouble.empty())).isNull();
            Map<String, Object> withEmpty = new LinkedHashMap<>();
            withEmpty.put("missing", Optional.empty());
            assertThat(json(withEmpty)).isEqualTo(java.util.Collections.singletonMap("missing", null));
        }

        @Test
        void enumsBecomeTheirName() {
            assertThat(json(Color.GREEN)).isEqualTo("GREEN");
            assertThat(json(Operation.PLUS)).as("a constant with a body").isEqualTo("PLUS");
            assertThat(json(List.of(Color.RED, Operation.MINUS))).isEqualTo(List.of("RED", "MINUS"));
        }

        @Test
        void javaTimeValuesBecomeIso8601() {
            assertThat(json(LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29");
            assertThat(json(LocalDateTime.of(2024, 1, 2, 3, 4, 5))).isEqualTo("2024-01-02T03:04:05");
            assertThat(json(Instant.parse("2024-01-02T03:04:05.123Z"))).isEqualTo("2024-01-02T03:04:05.123Z");
            assertThat(json(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(-5))))
                    .isEqualTo("2024-01-02T03:04:05-05:00");
            assertThat(json(Duration.ofMinutes(90))).isEqualTo("PT1H30M");
            assertThat(json(ZoneId.of("Europe/Paris"))).isEqualTo("Europe/Paris");
        }

        @Test
        void zonedDateTimeIsTheIsoOffsetFormWithoutTheZoneName() {
            ZonedDateTime paris = ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneId.of("Europe/Paris"));
            assertThat(json(paris)).isEqualTo("2024-01-02T03:04:05+01:00");
            ZonedDateTime summer = ZonedDateTime.of(2024, 7, 2, 3, 4, 5, 0, ZoneId.of("Europe/Paris"));
            assertThat(json(summer)).isEqualTo("2024-07-02T03:04:05+02:00");
            assertThat(json(ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC))).isEqualTo("2024-01-02T03:04:05Z");
        }

        @Test
        void datesAndCalendarsBecomeIsoInstants() {
            assertThat(json(new Date(0))).isEqualTo("1970-01-01T00:00:00Z");
            assertThat(json(new java.sql.Timestamp(1_000))).isEqualTo("1970-01-01T00:00:01Z");
            Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("Asia/Tokyo"));
            calendar.setTimeInMillis(Instant.parse("2024-05-06T07:08:09Z").toEpochMilli());
            assertThat(json(calendar)).isEqualTo("2024-05-06T07:08:09Z");
        }

        @Test
        void identifiersAndNamesBecomeText() throws Exception {
            UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
            assertThat(json(uuid)).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
            assertThat(json(URI.create("https://example.com/a?b=c"))).isEqualTo("https://example.com/a?b=c");
            assertThat(json(new URL("https://example.com/x"))).isEqualTo("https://example.com/x");
            assertThat(json(Path.of("/tmp/a/b.json"))).as("a Path is text, not an iterable of names")
                    .isEqualTo("/tmp/a/b.json");
            assertThat(json(Locale.CANADA_FRENCH)).isEqualTo("fr-CA");
            assertThat(json(Currency.getInstance("EUR"))).isEqualTo("EUR");
            assertThat(json(StandardCharsets.UTF_8)).isEqualTo("UTF-8");
        }
    }

    @Nested
    class ObjectsByTheirProperties {
        @Test
        void recordsBecomeObjectsOfTheirComponentsInOrder() {
            Map<String, Object> result = object(new Point(3, -4, "origin-ish"));
            assertThat(result).isEqualTo(Map.of("x", 3L, "y", -4L, "label", "origin-ish"));
            assertThat(result.keySet()).containsExactly("x", "y", "label");
        }

        @Test
        void nestedRecordsAndCollectionsOfThemAreTakenApart() {
            Object result = json(new Line(new Point(0, 0, "a"), new Point(1, 1, "b"), List.of(Color.RED)));
            assertThat(result).isEqualTo(Map.of(
                    "from", Map.of("x", 0L, "y", 0L, "label", "a"),
                    "to", Map.of("x", 1L, "y", 1L, "label", "b"),
                    "colors", List.of("RED")));
        }

        @Test
        void beansGiveGettersAndPublicFieldsInDeclarationOrder() {
            Map<String, Object> map = object(new Bean());
            assertThat(map.keySet()).as("declared fields first, in their order, then the rest by name")
                    .containsExactly("base", "zeta", "count", "active", "alpha", "computed", "derived");
            assertThat(map).containsEntry("base", "from the superclass").containsEntry("zeta", "z")
                    .containsEntry("count", 3L).containsEntry("active", true).containsEntry("alpha", "a")
                    .containsEntry("computed", "c").containsEntry("derived", 6L)
                    .doesNotContainKey("secret").doesNotContainKey("class");
        }

        @Test
        void aGetterThatThrowsGivesAMarkerForThatPropertyOnly() {
            Object result = json(new FragileBean());
            assertThat(result).isEqualTo(Map.of("broken", "[unreadable: java.lang.IllegalStateException]",
                    "fine", "ok"));
        }

        @Test
        void throwablesBecomeTypeMessageAndCause() {
            Exception error = new IllegalStateException("outer", new IOException("inner"));
            assertThat(json(error)).isEqualTo(Map.of(
                    "type", "java.lang.IllegalStateException",
                    "message", "outer",
                    "cause", Map.of("type", "java.io.IOException", "message", "inner")));
            Map<String, Object> noMessage = new LinkedHashMap<>();
            noMessage.put("type", "java.lang.NullPointerException");
            noMessage.put("message", null);
            assertThat(json(new NullPointerException())).isEqualTo(noMessage);
        }

        @Test
        void anyOtherObjectBecomesItsToString() {
            assertThat(json(new Opaque())).isEqualTo("opaque!");
            assertThat(json(new Object() {
                @Override
                public String toString() {
                    return "anonymous";
                }
            })).isEqualTo("anonymous");
        }
    }

    @Nested
    class HostileValues {
        @Test
        void aMapThatContainsItselfGivesACircularMarker() {
            Map<String, Object> map = new HashMap<>();
            map.put("name", "loop");
            map.put("self", map);
            assertThat(json(map)).isEqualTo(Map.of("name", "loop", "self", "[circular reference: java.util.HashMap]"));
        }

        @Test
        void aListThatContainsItselfGivesACircularMarker() {
            List<Object> list = new ArrayList<>();
            list.add(1);
            list.add(list);
            assertThat(json(list)).isEqualTo(List.of(1L, "[circular reference: java.util.ArrayList]"));
        }

        @Test
        void aCycleThroughBeansGivesACircularMarker() {
            Node a = new Node("a");
            Node b = new Node("b");
            a.next = b;
            b.next = a;
            assertThat(json(a)).isEqualTo(Map.of("name", "a", "next",
                    Map.of("name", "b", "next", "[circular reference: " + Node.class.getName() + "]")));
        }

        @Test
        void theSameObjectTwiceSideBySideIsNoCycle() {
            List<String> shared = List.of("s");
            assertThat(json(List.of(shared, shared))).isEqualTo(List.of(List.of("s"), List.of("s")));
        }

        @Test
        void deepNestingEndsInAMarkerAt500Levels() {
            List<Object> root = new ArrayList<>();
            List<Object> current = root;
            for (int i = 0; i < 700; i++) {
                List<Object> child = new ArrayList<>();
                current.add(child);
                current = child;
            }
            Object value = json(root);
            int levels = 0;
            while (value instanceof List<?> list) {
                levels++;
                assertThat(list).hasSize(1);
                value = list.get(0);
            }
            assertThat(levels).isEqualTo(500);
            assertThat(value).isEqualTo("[nesting deeper than 500]");
        }

        @Test
        void aToStringThatThrowsGivesAMarker() {
            assertThat(json(new ThrowingToString()))
                    .isEqualTo("[unrepresentable " + ThrowingToString.class.getName() + ": java.lang.IllegalStateException]");
            assertThat(json(Map.of("bad", new ThrowingToString()))).isEqualTo(Map.of("bad",
                    "[unrepresentable " + ThrowingToString.class.getName() + ": java.lang.IllegalStateException]"));
        }

        @Test
        void aMapKeyWhoseToStringThrowsBecomesAMarkerKey() {
            Map<Object, Object> map = new LinkedHashMap<>();
            map.put(new ThrowingToString(), "value kept");
            assertThat(json(map)).isEqualTo(Map.of(
                    "[unrepresentable " + ThrowingToString.class.getName() + ": java.lang.IllegalStateException]",
                    "value kept"));
        }

        @Test
        void aToStringThatReturnsNullGivesAMarker() {
            assertThat(json(new NullToString())).isEqualTo("[null toString: " + NullToString.class.getName() + "]");
        }

        @Test
        void aCollectionThatThrowsWhileIteratedEndsWithAMarker() {
            assertThat(json(new FailingIterable(2))).isEqualTo(List.of(0L, 1L,
                    "[iteration failed: java.util.ConcurrentModificationException]"));
            assertThat(json(Map.of("list", new FailingIterable(0)))).isEqualTo(Map.of("list",
                    List.of("[iteration failed: java.util.ConcurrentModificationException]")));
        }

        @Test
        void aMapThatThrowsWhileIteratedEndsWithAMarkerEntry() {
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("k0", 0L);
            expected.put("[iteration failed]", "[iteration failed: java.util.ConcurrentModificationException]");
            assertThat(json(new FailingMap(1))).isEqualTo(expected);
        }
    }

    @Nested
    class Csv {
        @Test
        void nestedMapsAreFlattenedToDottedColumns() {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id", 1);
            record.put("data", Map.of("nested", Map.of("deep", "x")));
            record.put("tags", List.of("a", "b"));
            record.put("none", null);
            record.put("empty", Map.of());
            record.put("score", Double.NaN);

            Map<String, String> row = DataSanitizer.sanitizeForCsv(record);

            assertThat(row.keySet()).containsExactly("id", "data.nested.deep", "tags", "none", "empty", "score");
            assertThat(row).containsEntry("id", "1").containsEntry("data.nested.deep", "x")
                    .containsEntry("tags", "[\"a\",\"b\"]").containsEntry("empty", "{}").containsEntry("score", "NaN");
            assertThat(row).as("every cell is a string, as the original module's").containsEntry("none", "")
                    .doesNotContainValue(null);
        }

        @Test
        void recordsAndBeansAreFlattenedByTheirProperties() {
            assertThat(DataSanitizer.sanitizeForCsv(new Line(new Point(1, 2, "a"), new Point(3, 4, "b"), List.of())))
                    .containsExactly(Map.entry("from.x", "1"), Map.entry("from.y", "2"), Map.entry("from.label", "a"),
                            Map.entry("to.x", "3"), Map.entry("to.y", "4"), Map.entry("to.label", "b"),
                            Map.entry("colors", "[]"));
        }

        @Test
        void aScalarRecordIsTheSingleColumnValue() {
            assertThat(DataSanitizer.sanitizeForCsv("just text")).containsExactly(Map.entry("value", "just text"));
            assertThat(DataSanitizer.sanitizeForCsv(List.of(1, 2))).containsExactly(Map.entry("value", "[1,2]"));
        }

        @Test
        void aNullRecordIsARowWithoutCells() {
            assertThat(DataSanitizer.sanitizeForCsv(null)).isEmpty();
            assertThat(DataSanitizer.sanitizeForCsv(Optional.empty())).isEmpty();
        }

        @Test
        void formulasAreLeftAloneBySanitizeForCsv() {
            assertThat(DataSanitizer.sanitizeForCsv(Map.of("f", "=1+1"))).containsEntry("f", "=1+1");
        }

        @Test
        void neutralisationPrefixesFormulaStartsOnly() {
            assertThat(CsvFlattener.neutralize("=SUM(A1)")).isEqualTo("'=SUM(A1)");
            assertThat(CsvFlattener.neutralize("+1")).isEqualTo("'+1");
            assertThat(CsvFlattener.neutralize("-2")).isEqualTo("'-2");
            assertThat(CsvFlattener.neutralize("@cmd")).isEqualTo("'@cmd");
            assertThat(CsvFlattener.neutralize("\tx")).isEqualTo("'\tx");
            assertThat(CsvFlattener.neutralize("\rx")).isEqualTo("'\rx");
            assertThat(CsvFlattener.neutralize("plain")).isEqualTo("plain");
            assertThat(CsvFlattener.neutralize("")).isEmpty();
        }
    }

    @Nested
    class Cache {
        @TempDir
        Path dir;

        private final DataSanitizer sanitizer = DataSanitizer.create();

        @Test
        void theCacheGrowsOncePerClassAndClearCacheEmptiesIt() {
            assertThat(sanitizer.cacheSize()).isZero();

            sanitizer.toJson(new CacheProbeA("a", 1));
            int afterFirst = sanitizer.cacheSize();
            assertThat(afterFirst).isPositive();

            sanitizer.toJson(new CacheProbeA("b", 2));
            sanitizer.toJson(List.of(new CacheProbeA("c", 3), new CacheProbeA("d", 4)));
            int afterSameClass = sanitizer.cacheSize();
            sanitizer.toJson(new CacheProbeA("e", 5));
            assertThat(sanitizer.cacheSize()).as("same class again: no new entry").isEqualTo(afterSameClass);

            sanitizer.toJson(new CacheProbeB(true));
            assertThat(sanitizer.cacheSize()).as("a new class: one more entry").isEqualTo(afterSameClass + 1);

            sanitizer.clearCache();
            assertThat(sanitizer.cacheSize()).isZero();
            assertThat(sanitizer.toJson(new CacheProbeA("again", 6))).as("works again after clearing")
                    .isEqualTo(Map.of("name", "again", "n", 6L));
        }

        @Test
        void getPerformanceStatsReportsTheCacheOfTheDefaultRuntimeAndClearAllCachesEmptiesIt() {
            Fallbacks.clearAllCaches();
            assertThat(Fallbacks.getPerformanceStats()).containsEntry("sanitizer_cache_size", 0);
            assertThat(Fallbacks.safeWriteJson(new CacheProbeB(false), dir.resolve("probe.json"))).isTrue();
            assertThat(Fallbacks.handler().stats().sanitizerCacheSize()).isPositive();
            assertThat(Fallbacks.getPerformanceStats())
                    .containsEntry("sanitizer_cache_size", Fallbacks.handler().stats().sanitizerCacheSize());
            Fallbacks.clearAllCaches();
            assertThat(Fallbacks.getPerformanceStats()).containsEntry("sanitizer_cache_size", 0);
        }

        @Test
        void theOneShotCallsLeaveNoCacheBehind() {
            Fallbacks.clearAllCaches();
            DataSanitizer.sanitizeForJson(new CacheProbeA("x", 1));
            DataSanitizer.sanitizeForCsv(new CacheProbeB(true));
            assertThat(Fallbacks.getPerformanceStats()).containsEntry("sanitizer_cache_size", 0);
        }
    }

    // ---------------------------------------------------------------- fixtures

    enum Color { RED, GREEN }

    enum Operation {
        PLUS {
            @Override
            int apply(int a, int b) {
                return a + b;
            }
        },
        MINUS {
            @Override
            int apply(int a, int b) {
                return a - b;
            }
        };

        abstract int apply(int a, int b);
    }

    record Point(int x, int y, String label) {
    }

    record Line(Point from, Point to, List<Color> colors) {
    }

    record CacheProbeA(String name, int n) {
    }

    record CacheProbeB(boolean flag) {
    }

    static class BaseBean {
        private final String base = "from the superclass";

        public String getBase() {
            return base;
        }
    }

    /** A bean whose field order differs from the alphabetical order of its properties. */
    public static class Bean extends BaseBean {
        private final String zeta = "z";
        public int count = 3;
        private final boolean active = true;
        private final String alpha = "a";
        private final String secret = "not a property";

        public String getZeta() {
            return zeta;
        }

        public boolean isActive() {
            return active;
        }

        public String getAlpha() {
            return alpha;
        }

        public String getComputed() {
            return "c";
        }

        public int getDerived() {
            return count * 2;
        }

        public static String getStatic() {
            return "static getters are not properties";
        }
    }

    public static class FragileBean {
        public String getBroken() {
            throw new IllegalStateException("boom");
        }

        public String getFine() {
            return "ok";
        }
    }

    public static class Node {
        private final String name;
        private Node next;

        Node(String name) {
            this.name = name;
        }

        public String getName() {
            return name;
        }

        public Node getNext() {
            return next;
        }
    }

    static class Opaque {
        @Override
        public String toString() {
            return "opaque!";
        }
    }

    static class ThrowingToString {
        @Override
        public String toString() {
            throw new IllegalStateException("no text for you");
        }
    }

    static class NullToString {
        @Override
        public String toString() {
            return null;
        }
    }

    /** Hands out {@code goodElements} numbers, then fails as a concurrently modified list does. */
    static final class FailingIterable implements Iterable<Integer> {
        private final int goodElements;

        FailingIterable(int goodElements) {
            this.goodElements = goodElements;
        }

        @Override
        public Iterator<Integer> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public Integer next() {
                    if (next == goodElements) {
                        throw new java.util.ConcurrentModificationException();
                    }
                    return next++;
                }
            };
        }
    }

    /** A map whose entry iteration fails after {@code goodEntries} entries. */
    static final class FailingMap extends AbstractMap<String, Object> {
        private final int goodEntries;

        FailingMap(int goodEntries) {
            this.goodEntries = goodEntries;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            if (next == goodEntries) {
                                throw new java.util.ConcurrentModificationException();
                            }
                            return true;
                        }

                        @Override
                        public Entry<String, Object> next() {
                            if (next > goodEntries) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return Map.entry("k" + i, i);
                        }
                    };
                }

                @Override
                public int size() {
                    return goodEntries + 1;
                }
            };
        }
    }
}
