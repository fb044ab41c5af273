package io.hydralogger.fallbacks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tool's {@code verify}, {@code cat}, {@code convert}, {@code recover} and {@code repair} over
 * the interoperability corpus ({@code corpus/}) and the fuzz seeds of damaged files: every command
 * takes a file for intact or damaged alike and hands out the same records, and a file another
 * program wrote comes out with the records its writer meant. The commands run in this JVM (one
 * JVM start per command would take minutes); {@link #theShadedJarAgreesOnTheWholeCorpus} runs the
 * real jar once over every file.
 */
class CorpusCliIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path CORPUS = Tool.ROOT.resolve("corpus/files");
    private static final Path SEEDS = Tool.ROOT.resolve("library/src/test/resources/io/hydralogger/fallbacks/"
            + "reliability/ReaderFuzzTestInputs/anyBytesAreReportedNeverThrown");

    @TempDir
    Path dir;

    /** A file to read and, for a corpus file, what its writer meant ({@code expected.json}), else null. */
    record Case(Path file, JsonNode expected) {
        String format() {
            if (expected == null) {
                return null;
            }
            String format = expected.get("format").asString();
            if (format.equals("csv") && "\t".equals(delimiter())) {
                return "tsv";
            }
            return format.equals("json_lines") ? "jsonl" : format;
        }

        private String delimiter() {
            return expected != null && expected.has("delimiter") ? expected.get("delimiter").asString() : null;
        }

        /** {@return the options that say how the writer wrote a CSV file: delimiter, charset} */
        List<String> dialect() {
            List<String> options = new ArrayList<>();
            if (delimiter() != null && !delimiter().equals("\t")) {
                options.addAll(List.of("--delimiter", delimiter()));
            }
            if (expected != null && expected.has("charset")) {
                options.addAll(List.of("--charset", expected.get("charset").asString()));
            }
            return options;
        }

        /** {@return whether the writer's records are what the rules must read} */
        boolean readableAsIs() {
            return expected != null && !expected.has("lost_records");
        }

        @Override
        public String toString() {
            return file.getParent().getFileName() + "/" + file.getFileName();
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CORPUS)) {
            for (Path file : files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".expected.json"))
                    .sorted().toList()) {
                cases.add(new Case(file, JSON.readTree(Files.readAllBytes(
                        file.resolveSibling(file.getFileName() + ".expected.json")))));
            }
        }
        try (Stream<Path> seeds = Files.list(SEEDS)) {
            seeds.sorted().forEach(seed -> cases.add(new Case(seed, null)));
        }
        return cases.stream();
    }

    /** What one in-process run of the tool did. */
    private record Ran(int exit, String stdout, String stderr) {
        List<JsonNode> lines() {
            return stdout.lines().filter(line -> !line.isBlank()).map(JSON::readTree).toList();
        }
    }

    private static synchronized Ran run(List<String> args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.run(args.toArray(String[]::new));
            System.out.flush();
            return new Ran(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static List<String> command(Case c, String name, String... more) {
        List<String> args = new ArrayList<>(List.of(name, "--quiet"));
        args.addAll(List.of(more));
        if (c.format() != null) {
            args.addAll(List.of(name.equals("convert") ? "--from" : "--format", c.format()));
        }
        args.addAll(c.dialect());
        return args;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCommandReadsTheFileAlike(Case c) throws IOException {
        Ran verify = run(command(c, "verify", "--json", c.file().toString()));
        assertThat(verify.exit()).as("%s: verify's exit code; %s", c, verify.stderr()).isIn(0, 1);
        JsonNode report = verify.lines().get(0);
        boolean intact = report.get("intact").asBoolean();
        assertThat(verify.exit()).as("%s: verify's exit code", c).isEqualTo(intact ? 0 : 1);

        Ran cat = run(command(c, "cat", c.file().toString()));
        assertThat(cat.exit()).as("%s: cat's exit code; %s", c, cat.stderr()).isEqualTo(intact ? 0 : 1);
        List<JsonNode> records = cat.lines();
        assertThat((long) records.size()).as("%s: cat prints the records verify counts", c)
                .isEqualTo(report.get("records").asLong());

        Path converted = dir.resolve("converted.jsonl");
        Ran convert = run(command(c, "convert", c.file().toString(), converted.toString()));
        assertThat(convert.exit()).as("%s: convert's exit code; %s", c, convert.stderr()).isEqualTo(intact ? 0 : 1);
        assertThat(Files.readAllLines(converted).stream().map(JSON::readTree).toList())
                .as("%s: convert writes the records cat prints", c).isEqualTo(records);

        Ran recover = run(command(c, "recover", c.file().toString()));
        if (intact || !records.isEmpty()) {
            assertThat(recover.exit()).as("%s: recover's exit code; %s", c, recover.stderr()).isEqualTo(intact ? 0 : 1);
            assertThat(recover.lines()).as("%s: recover prints the records cat prints", c).isEqualTo(records);
        } else {
            assertThat(recover.exit()).as("%s: nothing to recover; %s", c, recover.stderr()).isEqualTo(2);
        }

        Path copy = Files.copy(c.file(), dir.resolve(c.file().getFileName()));
        Ran repair = run(command(c, "repair", copy.toString()));
        if (intact) {
            assertThat(repair.exit()).as("%s: repair of an intact file; %s", c, repair.stderr()).isZero();
            assertThat(repair.stdout()).contains("intact, nothing to do");
            assertThat(Files.readAllBytes(copy)).as("%s: repair left it alone", c).isEqualTo(Files.readAllBytes(c.file()));
        }

        if (c.readableAsIs()) {
            assertThat(intact).as("%s is intact: %s", c, report).isTrue();
            JsonNode read = JSON.valueToTree(records);
            assertThat(read).as("%s: the records its writer wrote", c)
                    .isEqualTo(c.expected().get("records"));
        }
    }

    @Test
    void theShadedJarAgreesOnTheWholeCorpus() throws Exception {
        List<Case> all = cases().toList();
        List<String> args = new ArrayList<>(List.of("verify", "--json"));
        all.forEach(c -> args.add(c.file().toString()));
        Tool.Run jar = Tool.run(dir, args.toArray(String[]::new));
        Ran inProcess = run(args);
        assertThat(jar.exit()).isEqualTo(inProcess.exit()).isEqualTo(1);
        assertThat(jar.stdout().lines().map(JSON::readTree).toList()).hasSize(all.size())
                .isEqualTo(inProcess.lines());
    }
}
