package io.hydralogger.fallbacks.internal.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creating and forcing folders, so that new names in them survive a power loss. */
public final class Folders {
    private static final Logger LOG = LoggerFactory.getLogger(Folders.class);

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
                force(level.getParent());
            }
        }
    }

    /**
     * Forces a folder so that a rename, creation or link in it survives a power loss. Where
     * folders cannot be opened (Windows) this does nothing.
     *
     * @param folder the folder
     * @throws IOException if the force itself fails
     */
    public static void force(Path folder) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(folder, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot open folder {} to force it: {}", folder, e.toString());
            return;
        }
        try (channel) {
            channel.force(true);
        }
    }
}
