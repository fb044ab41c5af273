package io.hydralogger.fallbacks.interop;

import io.hydralogger.fallbacks.format.Dialect;
import io.hydralogger.fallbacks.format.Format;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The interoperability corpus ({@code corpus/files/<writer>/}, made by {@code corpus/generate.sh}):
 * each file with the records its writer meant, from {@code NAME.expected.json}.
 */
final class Corpus {
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The corpus folder; the tests run in the module folder. */
    static final Path FILES = Path.of(System.getProperty("corpus.dir", "../corpus/files")).toAbsolutePath().normalize();

    private Corpus() {
    }

    /** One file of the corpus and what its writer meant. */
    record Entry(Path file, JsonNode expected) {
        /** {@return the name under the corpus folder, e.g. {@code python/csv-lf.csv}} */
        String name() {
            return FILES.relativize(file).toString().replace('\\', '/');
        }

        /** {@return the format: a tab-separated file is TSV} */
        Format format() {
            Format format = Format.parse(expected.get("format").asString());
            return format == Format.CSV && "\t".equals(delimiter()) ? Format.TSV : format;
        }

        private String delimiter() {
            return expected.has("delimiter") ? expected.get("delimiter").asString() : ",";
        }

        /** {@return the delimiter and charset the file is read with, as its writer wrote it} */
        Dialect dialect() {
            Dialect dialect = Dialect.CSV.withDelimiter(delimiter().charAt(0));
            return expected.has("charset") ? dialect.withCharset(Charset.forName(expected.get("charset").asString()))
                    : dialect;
        }

        /** {@return the records as the writer meant them} */
        JsonNode records() {
            return expected.get("records");
        }

        /** {@return whether the file starts with a UTF-16 byte order mark} */
        boolean utf16() {
            try (java.io.InputStream in = Files.newInputStream(file)) {
                byte[] head = in.readNBytes(2);
                return head.length == 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                        || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** {@return whether the file is one JSON value that is not an array (its one record)} */
        boolean singleValue() {
            return expected.has("single_value");
        }

        /**
         * {@return whether reading the file needs an option the default reads do not have: a
         * delimiter other than the comma, or a charset other than UTF-8}
         */
        boolean needsOptions() {
            return expected.has("delimiter") || expected.has("charset");
        }

        /**
         * {@return the indexes of records the writer wrote in a way the reading rules cannot take
         * as meant (with the writer's reason in {@code limit}); empty for most files}
         */
        List<Integer> lostByRule() {
            List<Integer> lost = new ArrayList<>();
            if (expected.has("lost_records")) {
                expected.get("lost_records").forEach(index -> lost.add(index.asInt()));
            }
            return lost;
        }

        /** {@return the records a reader following the rules should find when the file is taken as it is} */
        JsonNode readableRecords() {
            List<Integer> lost = lostByRule();
            List<JsonNode> kept = new ArrayList<>();
            for (int i = 0; i < records().size(); i++) {
                if (!lost.contains(i)) {
                    kept.add(records().get(i));
                }
            }
            return JSON.valueToTree(kept);
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** {@return every file of the corpus, in name order} */
    static List<Entry> entries() {
        try (Stream<Path> files = Files.walk(FILES)) {
            List<Entry> entries = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".expected.json"))
                    .sorted().toList()) {
                Path expected = file.resolveSibling(file.getFileName() + ".expected.json");
                entries.add(new Entry(file, JSON.readTree(Files.readAllBytes(expected))));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
