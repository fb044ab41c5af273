package io.hydralogger.fallbacks.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds every state a disk may hold after a crash or power loss during a recorded sequence of
 * operations (in the manner of the ALICE study's crash-state exploration).
 *
 * <p>The model is deliberately pessimistic, as POSIX allows:
 * <ul>
 *   <li>Data written to a file survives only once the file is forced. At a crash, a file's
 *       unforced writes may all be lost, all be kept, or be torn (kept up to half their bytes).
 *   <li>A change to a folder (create, rename, link, delete, new folder) survives only once that
 *       folder is forced. At a crash, any subset of the unforced folder changes may have reached
 *       the disk, in order.
 *   <li>A forced file keeps its data; a forced folder keeps all earlier changes to its entries.
 * </ul>
 * For every prefix of the recorded operations (a crash after each one) and every combination of
 * the above, {@link #explore} builds the state on disk in a fresh folder and hands it to a check.
 * States that are byte-for-byte the same are checked once.
 */
public final class CrashStates {
    /** Above this many combinations per prefix, only "all lost" and "all kept" are built. */
    private static final int MAX_COMBINATIONS = 1 << 12;

    private final Path root;
    private final Map<String, byte[]> initialFiles = new TreeMap<>();
    private final Map<String, Object> initialKeys = new HashMap<>();
    private final Set<String> initialDirs = new HashSet<>();

    /** Checks one crash state. */
    @FunctionalInterface
    public interface Check {
        /**
         * Checks a state.
         *
         * @param state the folder that holds the state (standing for the recorded root)
         * @param completed whether the crash came after the last recorded operation, that is
         *     after the operation under test had returned
         * @param description which prefix and which losses made this state
         * @throws Exception if the state breaks a promise
         */
        void check(Path state, boolean completed, String description) throws Exception;
    }

    private CrashStates(Path root) {
        this.root = root;
    }

    /**
     * Takes the durable starting state: everything under {@code root} now is on stable storage.
     * Call before the operations under test are recorded.
     *
     * @param root the real folder the operations act in
     * @return the explorer
     * @throws IOException if the folder cannot be read
     */
    public static CrashStates startingFrom(Path root) throws IOException {
        CrashStates states = new CrashStates(root);
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : (Iterable<Path>) all::iterator) {
                String name = root.relativize(path).toString();
                if (name.isEmpty()) {
                    continue;
                }
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    states.initialDirs.add(name);
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    states.initialFiles.put(name, Files.readAllBytes(path));
                    states.initialKeys.put(name, Files.readAttributes(path,
                            java.nio.file.attribute.BasicFileAttributes.class).fileKey());
                }
            }
        }
        return states;
    }

    /**
     * Explores every crash state of the operations and checks each.
     *
     * @param ops the recorded operations, starting from the state taken by {@link #startingFrom}
     * @param scratch a folder for the states (each gets a subfolder, removed after its check)
     * @param check the check
     * @return how many distinct states were checked
     * @throws Exception if a check fails; the message names the prefix and the losses
     */
    public int explore(List<Op> ops, Path scratch, Check check) throws Exception {
        Set<String> seen = new HashSet<>();
        int checked = 0;
        for (int prefix = 0; prefix <= ops.size(); prefix++) {
            Model model = new Model();
            for (Op op : ops.subList(0, prefix)) {
                model.apply(op);
            }
            boolean completed = prefix == ops.size();
            String lastOp = prefix == 0 ? "before the first operation" : "after " + ops.get(prefix - 1);
            for (Variant variant : model.variants()) {
                Map<String, byte[]> files = variant.files;
                String key = completed + ":" + fingerprint(files, variant.dirs);
                if (!seen.add(key)) {
                    continue;
                }
                Path state = Files.createDirectories(scratch.resolve("state-" + checked));
                materialise(state, files, variant.dirs);
                check.check(state, completed, "crash " + lastOp + " (prefix " + prefix + " of " + ops.size()
                        + "), " + variant.description);
                deleteTree(state);
                checked++;
            }
        }
        return checked;
    }

    private static String fingerprint(Map<String, byte[]> files, Set<String> dirs) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(files).forEach((name, content) -> {
                digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(content);
                digest.update((byte) 0);
            });
            new java.util.TreeSet<>(dirs).forEach(d -> digest.update(("/" + d).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)));
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void materialise(Path state, Map<String, byte[]> files, Set<String> dirs) throws IOException {
        for (String dir : new java.util.TreeSet<>(dirs)) {
            Files.createDirectories(state.resolve(dir));
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(state.resolve(file.getKey()), file.getValue());
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    /** One state on disk: the reachable files with their content, and the folders. */
    private record Variant(Map<String, byte[]> files, Set<String> dirs, String description) {
    }

    /** A change to a folder's entries that has not been forced yet. */
    private record DirChange(String folder, String description, String removed, String added, Integer inode,
            boolean directory) {
    }

    /** A write or truncate to a file that has not been forced yet. */
    private record DataChange(long position, byte[] data, long truncateTo) {
    }

    /** A file's content: what was forced, and the changes since. */
    private static final class Inode {
        byte[] durable;
        final List<DataChange> unforced = new ArrayList<>();

        Inode(byte[] durable) {
            this.durable = durable;
        }

        byte[] current() {
            return applied(unforced.size(), Long.MAX_VALUE);
        }

        /** The durable content plus the first {@code count} changes, writing at most {@code budget} bytes. */
        byte[] applied(int count, long budget) {
            byte[] content = durable;
            long left = budget;
            for (DataChange change : unforced.subList(0, count)) {
                if (change.data == null) {
                    content = Arrays.copyOf(content, (int) Math.min(content.length, change.truncateTo));
                    continue;
                }
                int length = (int) Math.min(change.data.length, left);
                left -= length;
                int end = (int) change.position + length;
                if (end > content.length) {
                    content = Arrays.copyOf(content, end);
                }
                System.arraycopy(change.data, 0, content, (int) change.position, length);
                if (left <= 0) {
                    break;
                }
            }
            return content;
        }

        long unforcedBytes() {
            return unforced.stream().mapToLong(c -> c.data == null ? 0 : c.data.length).sum();
        }
    }

    /** The file system as the recorded operations left it, forced and unforced parts apart. */
    private final class Model {
        private final List<Inode> inodes = new ArrayList<>();
        /** Entries on stable storage: path to inode (null for a folder). */
        private final Map<String, Integer> durable = new LinkedHashMap<>();
        /** Entries as the running program saw them. */
        private final Map<String, Integer> current = new LinkedHashMap<>();
        private final List<DirChange> pending = new ArrayList<>();
        private final Map<Integer, Integer> handleInode = new HashMap<>();
        private final Map<Integer, String> handleFolder = new HashMap<>();
        private final Set<String> folders = new HashSet<>();

        Model() {
            Map<Object, Integer> byKey = new HashMap<>();
            for (String dir : initialDirs) {
                durable.put(dir, null);
                current.put(dir, null);
                folders.add(dir);
            }
            for (Map.Entry<String, byte[]> file : initialFiles.entrySet()) {
                Object fileKey = initialKeys.get(file.getKey());
                Integer inode = fileKey == null ? null : byKey.get(fileKey);
                if (inode == null) {
                    inode = inodes.size();
                    inodes.add(new Inode(file.getValue()));
                    if (fileKey != null) {
                        byKey.put(fileKey, inode);
                    }
                }
                durable.put(file.getKey(), inode);
                current.put(file.getKey(), inode);
            }
        }

        private String rel(Path path) {
            if (!path.startsWith(root)) {
                return null;
            }
            return root.relativize(path).toString();
        }

        private String folderOf(String name) {
            int slash = name.lastIndexOf('/');
            return slash < 0 ? "" : name.substring(0, slash);
        }

        void apply(Op op) {
            if (op.failed()) {
                return;
            }
            String name = op.path() == null ? null : rel(op.path());
            if (name == null) {
                return;
            }
            switch (op.kind()) {
                case CREATE -> {
                    int inode = inodes.size();
                    inodes.add(new Inode(new byte[0]));
                    current.put(name, inode);
                    pending.add(new DirChange(folderOf(name), "create " + name, null, name, inode, false));
                    handleInode.put(op.handle(), inode);
                }
                case OPEN -> {
                    if (name.isEmpty() || folders.contains(name)) {
                        handleFolder.put(op.handle(), name);
                    } else if (current.get(name) != null) {
                        handleInode.put(op.handle(), current.get(name));
                    }
                }
                case WRITE -> inode(op).ifPresent(i -> i.unforced.add(new DataChange(op.position(), op.data(), -1)));
                case TRUNCATE -> inode(op).ifPresent(i -> i.unforced.add(new DataChange(0, null, op.position())));
                case FORCE -> inode(op).ifPresent(i -> {
                    i.durable = i.current();
                    i.unforced.clear();
                });
                case FORCE_DIRECTORY -> {
                    String folder = handleFolder.get(op.handle());
                    for (DirChange change : List.copyOf(pending)) {
                        if (change.folder.equals(folder)) {
                            applyTo(durable, change);
                            pending.remove(change);
                        }
                    }
                }
                case RENAME -> {
                    String to = rel(op.other());
                    Integer inode = current.remove(name);
                    current.put(to, inode);
                    pending.add(new DirChange(folderOf(to), "rename " + name + " -> " + to, name, to, inode, false));
                }
                case LINK -> {
                    String link = rel(op.other());
                    Integer inode = current.get(name);
                    current.put(link, inode);
                    pending.add(new DirChange(folderOf(link), "link " + link, null, link, inode, false));
                }
                case DELETE -> {
                    current.remove(name);
                    folders.remove(name);
                    pending.add(new DirChange(folderOf(name), "delete " + name, name, null, null, false));
                }
                case CREATE_DIRECTORY -> {
                    current.put(name, null);
                    folders.add(name);
                    pending.add(new DirChange(folderOf(name), "mkdir " + name, null, name, null, true));
                }
                case COPY -> {
                    String to = rel(op.other());
                    Inode copy = new Inode(new byte[0]);
                    copy.unforced.add(new DataChange(0, inodes.get(current.get(name)).current(), -1));
                    int inode = inodes.size();
                    inodes.add(copy);
                    current.put(to, inode);
                    pending.add(new DirChange(folderOf(to), "copy to " + to, null, to, inode, false));
                }
                case CLOSE, READ, LOCK, LIST, SET_ATTRIBUTE, SYMLINK -> {
                    // no effect on what a crash leaves (attributes and symbolic links are not modelled)
                }
                default -> throw new IllegalStateException("unmodelled operation " + op);
            }
        }

        private java.util.Optional<Inode> inode(Op op) {
            Integer inode = handleInode.get(op.handle());
            return java.util.Optional.ofNullable(inode).map(inodes::get);
        }

        private void applyTo(Map<String, Integer> entries, DirChange change) {
            if (change.removed != null) {
                entries.remove(change.removed);
            }
            if (change.added != null) {
                entries.put(change.added, change.directory ? null : change.inode);
            }
        }

        List<Variant> variants() {
            int dirChoices = pending.size();
            List<Integer> dirty = new ArrayList<>();
            for (int i = 0; i < inodes.size(); i++) {
                if (!inodes.get(i).unforced.isEmpty()) {
                    dirty.add(i);
                }
            }
            long combinations = (1L << dirChoices) * (long) Math.pow(3, dirty.size());
            List<Variant> variants = new ArrayList<>();
            if (combinations > MAX_COMBINATIONS) {
                variants.add(build((1 << dirChoices) - 1, new int[dirty.size()], dirty));
                int[] all = new int[dirty.size()];
                Arrays.fill(all, 2);
                variants.add(build((1 << dirChoices) - 1, all, dirty));
                variants.add(build(0, new int[dirty.size()], dirty));
                return variants;
            }
            for (int mask = 0; mask < 1 << dirChoices; mask++) {
                int[] data = new int[dirty.size()];
                do {
                    variants.add(build(mask, data.clone(), dirty));
                } while (next(data));
            }
            return variants;
        }

        private boolean next(int[] digits) {
            for (int i = 0; i < digits.length; i++) {
                if (++digits[i] < 3) {
                    return true;
                }
                digits[i] = 0;
            }
            return false;
        }

        /** A state: the folder changes in {@code mask} reached the disk; data choice per dirty inode. */
        private Variant build(int mask, int[] dataChoice, List<Integer> dirty) {
            Map<String, Integer> entries = new LinkedHashMap<>(durable);
            StringBuilder description = new StringBuilder("unforced folder changes kept: [");
            for (int i = 0; i < pending.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    applyTo(entries, pending.get(i));
                    description.append(pending.get(i).description).append("; ");
                }
            }
            description.append("], unforced data:");
            Map<Integer, byte[]> contents = new HashMap<>();
            for (int i = 0; i < inodes.size(); i++) {
                contents.put(i, inodes.get(i).durable);
            }
            for (int d = 0; d < dirty.size(); d++) {
                Integer id = dirty.get(d);
                Inode inode = inodes.get(id);
                String file = current.entrySet().stream().filter(e -> id.equals(e.getValue()))
                        .map(Map.Entry::getKey).findFirst().orElse("inode " + id);
                switch (dataChoice[d]) {
                    case 0 -> description.append(' ').append(file).append(" lost");
                    case 1 -> {
                        contents.put(dirty.get(d), inode.applied(inode.unforced.size(), inode.unforcedBytes() / 2));
                        description.append(' ').append(file).append(" torn");
                    }
                    default -> {
                        contents.put(dirty.get(d), inode.current());
                        description.append(' ').append(file).append(" kept");
                    }
                }
            }
            Map<String, byte[]> files = new TreeMap<>();
            Set<String> dirs = new HashSet<>();
            for (Map.Entry<String, Integer> entry : entries.entrySet()) {
                if (!reachable(entry.getKey(), entries)) {
                    continue;
                }
                if (entry.getValue() == null) {
                    dirs.add(entry.getKey());
                } else {
                    files.put(entry.getKey(), contents.get(entry.getValue()));
                }
            }
            return new Variant(files, dirs, description.toString());
        }

        private boolean reachable(String name, Map<String, Integer> entries) {
            for (String folder = folderOf(name); !folder.isEmpty(); folder = folderOf(folder)) {
                if (!entries.containsKey(folder) || entries.get(folder) != null) {
                    return false;
                }
            }
            return true;
        }
    }
}
