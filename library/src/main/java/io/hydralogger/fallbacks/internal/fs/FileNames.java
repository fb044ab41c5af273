package io.hydralogger.fallbacks.internal.fs;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The names this library gives the files it makes beside a target {@code <name>} (see the table
 * in the package documentation): one place, so that writers, sweepers and readers agree.
 */
public final class FileNames {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TEMP_SUFFIX = ".tmp";

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
        return target.resolveSibling(target.getFileName() + ".bak" + (generation == 0 ? "" : "." + generation));
    }
}
