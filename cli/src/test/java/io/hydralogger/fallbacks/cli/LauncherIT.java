package io.hydralogger.fallbacks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's start-up archive (AppCDS) is made once next to the jar, used by later runs, made
 * again when the jar or the java changes, and never changes what a run prints: a run with an
 * archive that does not fit, or with a JVM that cannot make one, prints exactly what a run
 * without any prints. Each test runs the real launcher, copied with the built jar into a folder
 * of its own (the layout of a clone whose tool is built), so the repository's archive is left
 * alone.
 */
class LauncherIT {
    @TempDir
    Path dir;

    private Path clone;
    private Path archive;
    private Path data;

    @BeforeEach
    void copyTheTool() throws IOException {
        clone = dir.resolve("clone");
        Path target = Files.createDirectories(clone.resolve("cli/target"));
        Files.copy(Tool.ROOT.resolve("hydra-fallbacks"), clone.resolve("hydra-fallbacks"));
        Files.copy(Tool.JAR, target.resolve("hydra-fallbacks-cli-all.jar"));
        archive = target.resolve("hydra-fallbacks-cli-all.jsa");
        data = dir.resolve("records.jsonl");
        Files.writeString(data, "{\"id\":1}\n{\"id\":2}\n{\"id\":3,\"torn\":\n", StandardCharsets.UTF_8);
    }

    private Tool.Run launch(Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(clone.resolve("hydra-fallbacks").toString()));
        command.addAll(List.of(args));
        return Tool.exec(dir, command, env);
    }

    private Tool.Run verify(Map<String, String> env) throws Exception {
        return launch(env, "verify", "--json", data.toString());
    }

    @Test
    void theArchiveIsMadeOnceAndChangesNothingThatARunPrints() throws Exception {
        Tool.Run without = verify(Map.of("HYDRA_FALLBACKS_CDS", "0"));
        assertThat(archive).as("no archive when told not to").doesNotExist();
        assertThat(without.exit()).isEqualTo(Main.CORRUPTED);

        Tool.Run first = verify(Map.of());
        assertThat(archive).as("made by the first run").isRegularFile();
        assertThat(Files.size(archive)).isPositive();
        FileTime made = Files.getLastModifiedTime(archive);
        Tool.Run second = verify(Map.of());
        assertThat(Files.getLastModifiedTime(archive)).as("used, not made again").isEqualTo(made);

        for (Tool.Run run : List.of(first, second)) {
            assertThat(run.exit()).isEqualTo(without.exit());
            assertThat(run.stdout()).isEqualTo(without.stdout());
            assertThat(run.stderr()).isEqualTo(without.stderr());
        }
    }

    @Test
    void aNewerJarOrAnotherJavaGetsANewArchive() throws Exception {
        verify(Map.of());
        FileTime made = Files.getLastModifiedTime(archive);
        Path jar = clone.resolve("cli/target/hydra-fallbacks-cli-all.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(made.toMillis() + 5_000));
        verify(Map.of());
        FileTime remade = Files.getLastModifiedTime(archive);
        assertThat(remade).as("the jar changed").isNotEqualTo(made);

        Path key = archive.resolveSibling(archive.getFileName() + ".key");
        Files.writeString(key, "made for another java\n");
        verify(Map.of());
        assertThat(Files.getLastModifiedTime(archive)).as("the key did not fit").isNotEqualTo(remade);
        assertThat(Files.readString(key)).doesNotContain("another java");
    }

    @Test
    void anArchiveThatDoesNotFitIsIgnoredWithoutAWord() throws Exception {
        Tool.Run without = verify(Map.of("HYDRA_FALLBACKS_CDS", "0"));
        verify(Map.of());
        // the key fits but the archive is garbage: the JVM must not say so on stdout or stderr
        Files.write(archive, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        Files.setLastModifiedTime(archive, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Tool.Run damaged = verify(Map.of());
        assertThat(damaged.exit()).isEqualTo(without.exit());
        assertThat(damaged.stdout()).isEqualTo(without.stdout());
        assertThat(damaged.stderr()).isEqualTo(without.stderr());
    }

    /**
     * Issue 13: {@code ln -s .../hydra-fallbacks ~/bin/} and the tool runs from anywhere; it used
     * to look for the jar beside the link and try to build there ("Could not find the selected
     * project in the reactor: cli"). A link to a link, given relative to its folder, too.
     */
    @Test
    void theLauncherRunsThroughSymbolicLinks() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("home/bin"));
        Path link = Files.createSymbolicLink(bin.resolve("hydra-fallbacks"), clone.resolve("hydra-fallbacks"));
        Path other = Files.createDirectories(dir.resolve("home/other"));
        Path chained = Files.createSymbolicLink(other.resolve("hf"), Path.of("../bin/hydra-fallbacks"));
        Tool.Run direct = verify(Map.of("HYDRA_FALLBACKS_CDS", "0"));

        for (Path launcher : List.of(link, chained)) {
            Tool.Run run = Tool.exec(other, List.of(launcher.toString(), "verify", "--json", data.toString()),
                    Map.of("HYDRA_FALLBACKS_CDS", "0"));
            assertThat(run.stderr()).as("no build attempted beside the link").isEqualTo(direct.stderr());
            assertThat(run.exit()).isEqualTo(direct.exit());
            assertThat(run.stdout()).isEqualTo(direct.stdout());
        }
        assertThat(bin).as("nothing made beside the link").isDirectoryNotContaining(p -> !p.equals(link));
    }

    @Test
    void aJavaThatCannotMakeAnArchiveStillRunsTheTool() throws Exception {
        Tool.Run without = verify(Map.of("HYDRA_FALLBACKS_CDS", "0"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\n"
                + "for a in \"$@\"; do case \"$a\" in -XX:ArchiveClassesAtExit=*) echo 'no CDS here' >&2; exit 1;; esac;"
                + " done\nexec '" + Tool.java() + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        String path = bin + ":" + System.getenv("PATH");

        Tool.Run run = verify(Map.of("PATH", path));
        assertThat(archive).doesNotExist();
        assertThat(run.exit()).isEqualTo(without.exit());
        assertThat(run.stdout()).isEqualTo(without.stdout());
        assertThat(run.stderr()).isEqualTo(without.stderr());
        assertThat(launch(Map.of("PATH", path), "--version").stdout()).startsWith("hydra-fallbacks ");
    }
}
