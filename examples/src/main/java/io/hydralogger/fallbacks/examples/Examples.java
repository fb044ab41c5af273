package io.hydralogger.fallbacks.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What every example needs: a folder to work in. */
final class Examples {
    private Examples() {
    }

    /**
     * The folder named by the first argument (created), or a new temp folder when there is none or
     * it is empty (as {@code exec:exec} passes it without {@code -Dexample.dir=...}).
     *
     * @param args the program's arguments
     * @return the folder
     * @throws IOException if it cannot be created
     */
    static Path folder(String[] args) throws IOException {
        Path folder = args.length > 0 && !args[0].isBlank() ? Files.createDirectories(Path.of(args[0]))
                : Files.createTempDirectory("hydra-example-");
        System.out.println("Working in " + folder.toAbsolutePath());
        return folder;
    }

    /**
     * The argument at an index as a number, or a default.
     *
     * @param args the program's arguments
     * @param index which one
     * @param otherwise the default
     * @return the number
     */
    static int number(String[] args, int index, int otherwise) {
        return args.length > index ? Integer.parseInt(args[index]) : otherwise;
    }
}
