package io.hydralogger.fallbacks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool as a named module on the module path ({@code java -p ... -m io.hydralogger.fallbacks.cli}),
 * where only the library's exports are readable and reflection needs the module's {@code opens}:
 * picocli setting options, the sanitiser reading the demo's records, Jackson writing records, the
 * logging binding found as a service.
 */
class ModulePathIT {
    @TempDir
    Path dir;

    private Tool.Run run(String... args) throws Exception {
        Path jar = Path.of(System.getProperty("cli.module.jar", "target/hydra-fallbacks-cli.jar"));
        String dependencies = Files.readString(Path.of(System.getProperty("cli.module.path",
                "target/module-path.txt"))).strip();
        List<String> command = new ArrayList<>(List.of(Tool.java(), "--module-path",
                jar + File.pathSeparator + dependencies, "-m",
                "io.hydralogger.fallbacks.cli/io.hydralogger.fallbacks.cli.Main"));
        command.addAll(List.of(args));
        return Tool.exec(dir, command, Map.of());
    }

    @Test
    void theDemoRunsOnTheModulePath() throws Exception {
        Tool.Run demo = run("demo", "--dir", dir.resolve("demo").toString());

        assertThat(demo.exit()).as("stderr: %s", demo.stderr()).isZero();
        assertThat(demo.stdout()).contains("\"record\"").contains("Ada").contains("Done.");
    }

    @Test
    void commandsReadOptionsAndWriteRecordsOnTheModulePath() throws Exception {
        Path file = dir.resolve("data.csv");
        Files.writeString(file, "a;b\n1;2\n3\n");

        Tool.Run cat = run("cat", "--delimiter", "semicolon", file.toString());
        assertThat(cat.exit()).isEqualTo(1);
        assertThat(cat.stdout()).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}\n");
        assertThat(cat.errLines()).singleElement().asString().contains("is damaged");

        run("verify", "--format", "xml", file.toString()).failsWith(2, "unknown format 'xml'");
        Tool.Run verify = run("verify", "--json", "--delimiter", ";", file.toString());
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.stdout()).contains("\"intact\":false").contains("\"records\":1");
        assertThat(verify.stderr()).isEmpty();
    }
}
