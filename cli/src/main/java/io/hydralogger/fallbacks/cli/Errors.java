package io.hydralogger.fallbacks.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Turns exceptions into the one line a user reads. */
final class Errors {
    private Errors() {
    }

    /**
     * Describes a failure in one line: what went wrong and with which file, without the class
     * names of the exceptions on the way.
     *
     * @param e the failure
     * @return one line of text
     */
    static String describe(Throwable e) {
        if (e instanceof UncheckedIOException unchecked) {
            return describe(unchecked.getCause());
        }
        if (e instanceof CliException) {
            return firstLine(e.getMessage());
        }
        if (e instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (e instanceof NotDirectoryException notDir) {
            return "not a folder: " + notDir.getFile();
        }
        if (e instanceof DirectoryNotEmptyException notEmpty) {
            return "folder not empty: " + notEmpty.getFile();
        }
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            return fs.getFile() + ": " + (fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName());
        }
        String message = firstLine(e.getMessage());
        return message.isEmpty() ? e.getClass().getSimpleName() : message;
    }

    /** {@return the first line of a message, or "" for null} */
    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
