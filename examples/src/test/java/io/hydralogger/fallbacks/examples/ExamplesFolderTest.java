package io.hydralogger.fallbacks.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folder an example works in: the README's command passes {@code -Dexample.dir=FOLDER} as the
 * first argument, and without it an empty one, which means "a new temp folder".
 */
class ExamplesFolderTest {
    @TempDir
    Path dir;

    @Test
    void theFirstArgumentIsTheFolderMadeWhenMissing() throws Exception {
        Path wanted = dir.resolve("a").resolve("b");
        assertThat(Examples.folder(new String[] {wanted.toString()})).isEqualTo(wanted).isDirectory();
    }

    @Test
    void anEmptyOrMissingArgumentIsANewTempFolder() throws Exception {
        for (String[] args : new String[][] {{""}, {}}) {
            Path folder = Examples.folder(args);
            try {
                assertThat(folder).isDirectory().isEmptyDirectory();
                assertThat(folder.getFileName().toString()).startsWith("hydra-example-");
            } finally {
                Files.deleteIfExists(folder);
            }
        }
    }
}
