package io.hydralogger.fallbacks.internal.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;

/** Creating and forcing folders, so that new names in them survive a power loss. */
public final class Folders {
    private Folders() {
    }

    /**
     * Creates a folder and its missing parents. With {@code sync} the parent of each new level is
     * forced after the level is made, so that the new folders survive a power loss (the last
     * level is forced by the write that puts a file in it).
     *
     * @param folder the folder
     * @param sync whether to force the new levels' parents
     * @throws IOException if a level cannot be created (for example a parent is a file)
     */
    public static void create(Path folder, boolean sync) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Deque<Path> missing = new ArrayDeque<>();
        for (Path level = absolute; level != null && !Files.exists(level); level = level.getParent()) {
            missing.push(level);
        }
        for (Path level : missing) {
            try {
                Files.createDirectory(level);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(level)) {
                    throw e;
                }
                continue;
            }
            if (sync) {
                force(parentOf(level));
            }
        }
    }

    /**
     * The folder a file is in.
     *
     * @param file the file
     * @return the parent of its absolute path
     * @throws IllegalArgumentException for a root, which is in no folder
     */
    public static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null) {
            throw new IllegalArgumentException(file + " is a root: it is in no folder");
        }
        return parent;
    }

    /**
     * Forces a folder so that a rename, creation or link in it survives a power loss. A folder
     * that cannot be opened to be forced (Windows, some network file systems) is an error: the
     * durability asked for cannot be given ({@code Durability.SYNC_FILES_ONLY} is the opt-in that
     * does not force folders).
     *
     * @param folder the folder
     * @throws IOException if the folder cannot be opened or the force fails
     */
    public static void force(Path folder) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(folder, StandardOpenOption.READ);
        } catch (UnsupportedOperationException e) {
            throw new IOException("cannot open the folder " + folder + " to force it (this platform or file"
                    + " system cannot force folders: see Durability.SYNC_FILES_ONLY)", e);
        }
        try (channel) {
            channel.force(true);
        }
    }
}
