package io.hydralogger.fallbacks.internal.fs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The names this library gives the files it makes for a target {@code <name>}: one place, so
 * that writers, sweepers and readers agree. The table is in the package documentation; a
 * {@code <stamp>} is UTC, {@code yyyyMMdd'T'HHmmss.SSS'Z'}, and a name already taken gets
 * {@code -1}, {@code -2}, ... after its stamp.
 */
public final class FileNames {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TEMP_SUFFIX = ".tmp";
    /** What marks a fallback file: {@code <name>.fallback-<stamp>.jsonl}. */
    public static final String FALLBACK = ".fallback-";
    /** The extension of every fallback file (they hold JSON Lines). */
    public static final String FALLBACK_EXTENSION = ".jsonl";
    /** The extension of backups: {@code <name>.bak}, {@code <name>.bak.N}, {@code <name>.<stamp>.bak}. */
    public static final String BACKUP = ".bak";

    private FileNames() {
    }

    /**
     * The UTC timestamp in the names of fallback, evidence and folder-backup files.
     *
     * @param clock the clock to read
     * @return the time now, as {@code yyyyMMdd'T'HHmmss.SSS'Z'}
     */
    public static String timestamp(Clock clock) {
        return STAMP.format(clock.instant());
    }

    /**
     * A fresh temp-file name beside a target: {@code .<name>.<random>.tmp}.
     *
     * @param target the file a write will replace
     * @return a name in the target's folder that no other writer picks
     */
    public static Path newTemp(Path target) {
        return target.resolveSibling("." + target.getFileName() + "."
                + Long.toUnsignedString(RANDOM.nextLong(), 36) + TEMP_SUFFIX);
    }

    /**
     * Whether a file name is a temp file of a target: {@code .<name>.<letters or digits>.tmp}.
     *
     * @param name a file name
     * @param target the target
     * @return whether a writer of the target made it
     */
    public static boolean isTemp(String name, Path target) {
        String prefix = "." + target.getFileName() + ".";
        if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) {
            return false;
        }
        String random = name.substring(prefix.length(), name.length() - TEMP_SUFFIX.length());
        return !random.isEmpty() && random.chars().allMatch(Character::isLetterOrDigit);
    }

    /**
     * The sidecar lock file of a target.
     *
     * @param target the file
     * @return {@code .<name>.lock} beside it
     */
    public static Path lockFile(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".lock");
    }

    /**
     * The name of one backup generation beside a target.
     *
     * @param target the file
     * @param generation 0 for the newest ({@code <name>.bak}), n for {@code <name>.bak.n}
     * @return the path of that backup
     */
    public static Path backup(Path target, int generation) {
        return target.resolveSibling(target.getFileName() + BACKUP + (generation == 0 ? "" : "." + generation));
    }

    /**
     * A backup in a backup folder: {@code <name>.<stamp>.bak}.
     *
     * @param folder the backup folder
     * @param target the file
     * @param stamp the timestamp
     * @param attempt 0, or how many names were taken already
     * @return the name
     */
    public static Path folderBackup(Path folder, Path target, String stamp, int attempt) {
        return folder.resolve(target.getFileName() + "." + numbered(stamp, attempt) + BACKUP);
    }

    /**
     * Whether a file name is a backup of a target in a backup folder.
     *
     * @param name a file name
     * @param target the target
     * @return whether {@link #folderBackup} made it
     */
    public static boolean isFolderBackup(String name, Path target) {
        String prefix = target.getFileName() + ".";
        return name.startsWith(prefix) && name.endsWith(BACKUP) && name.length() > prefix.length() + BACKUP.length()
                && Character.isDigit(name.charAt(prefix.length()));
    }

    /**
     * The kept damaged original of a repair or restore: {@code <name>.corrupt-<stamp>} beside it.
     *
     * @param file the file
     * @param stamp the timestamp
     * @param attempt 0, or how many names were taken already
     * @return the name
     */
    public static Path corrupt(Path file, String stamp, int attempt) {
        return file.resolveSibling(file.getFileName() + ".corrupt-" + numbered(stamp, attempt));
    }

    /**
     * The evidence of a torn last line cut off by an append: {@code <name>.torn-<stamp>} beside it.
     *
     * @param target the file
     * @param stamp the timestamp
     * @param attempt 0, or how many names were taken already
     * @return the name
     */
    public static Path torn(Path target, String stamp, int attempt) {
        return target.resolveSibling(target.getFileName() + ".torn-" + numbered(stamp, attempt));
    }

    /**
     * The stem of a fallback file beside its target, {@code <name>.fallback-<stamp>}; the file
     * itself is {@link #fallbackFile the stem numbered, plus .jsonl}.
     *
     * @param target the file whose write failed
     * @param stamp the timestamp
     * @return the stem
     */
    public static Path fallbackBeside(Path target, String stamp) {
        return target.toAbsolutePath().resolveSibling(fallbackPrefix(target, false) + stamp);
    }

    /**
     * The stem of a fallback file in the shared fallback folder,
     * {@code <name>.<hash of the target's folder>.fallback-<stamp>}.
     *
     * @param folder the fallback folder
     * @param target the file whose write failed
     * @param stamp the timestamp
     * @return the stem
     */
    public static Path fallbackShared(Path folder, Path target, String stamp) {
        return folder.resolve(fallbackPrefix(target, true) + stamp);
    }

    /**
     * The start of the names of a target's fallback files.
     *
     * @param target the file
     * @param shared whether in the shared fallback folder (with the folder's hash) or beside it
     * @return the prefix
     */
    public static String fallbackPrefix(Path target, boolean shared) {
        return target.getFileName() + (shared ? "." + folderHash(target) : "") + FALLBACK;
    }

    /**
     * A fallback file: its stem, numbered, with {@code .jsonl}.
     *
     * @param stem {@link #fallbackBeside} or {@link #fallbackShared}
     * @param attempt 0, or how many names were taken already
     * @return the file
     */
    public static Path fallbackFile(Path stem, int attempt) {
        return stem.resolveSibling(numbered(stem.getFileName().toString(), attempt) + FALLBACK_EXTENSION);
    }

    private static String numbered(String base, int attempt) {
        return attempt == 0 ? base : base + "-" + attempt;
    }

    /** A short, stable hash of the target's folder, so same-named targets do not mix. */
    static String folderHash(Path target) {
        Path parent = target.toAbsolutePath().normalize().getParent();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(parent).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
