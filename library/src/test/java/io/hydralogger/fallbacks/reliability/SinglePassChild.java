package io.hydralogger.fallbacks.reliability;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.RecoveryPolicy;
import io.hydralogger.fallbacks.WriteResult;
import io.hydralogger.fallbacks.format.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The child JVM of {@link SinglePassFallbackTest}'s full-disk case, started in a mount namespace
 * of its own whose {@code DISK} folder is a small tmpfs (it vanishes with the child): writes one
 * record to {@code DISK/data.<ext>} (the old version), then {@code COUNT} records from a
 * single-pass source, which fills the disk half way. Started as {@code java -cp <test class
 * path> io.hydralogger.fallbacks.reliability.SinglePassChild DISK FORMAT COUNT FALLBACK_FOLDER};
 * prints what the test checks (the tmpfs is gone once it has ended), one {@code key=value} a
 * line: {@code ok}, {@code error}, {@code fallback}, {@code handedOut} (records the source
 * handed out), {@code untouched} (the old version is still the file), {@code temps} (temp files
 * left on the disk).
 */
public final class SinglePassChild {
    private SinglePassChild() {
    }

    /**
     * Runs the write.
     *
     * @param args the tmpfs folder, the format's name, the number of records, the fallback folder
     * @throws IOException if the old version cannot be read back
     */
    public static void main(String[] args) throws IOException {
        Path disk = Path.of(args[0]);
        Format format = Format.valueOf(args[1]);
        int count = Integer.parseInt(args[2]);
        Path target = disk.resolve(SinglePassFallbackTest.name(format));
        FallbackHandler strict = FallbackHandler.builder().recoveryPolicy(RecoveryPolicy.STRICT).build();
        if (!strict.write(List.of(Map.of("id", -1)), target, format).ok()) {
            throw new IllegalStateException("the old version could not be written");
        }
        byte[] old = Files.readAllBytes(target);
        FallbackHandler handler = FallbackHandler.builder().fallbackFolder(Path.of(args[3])).build();
        SinglePassFallbackTest.Source source = new SinglePassFallbackTest.Source(count, false);
        WriteResult result = handler.write(source, target, format);
        long temps;
        try (Stream<Path> entries = Files.list(disk)) {
            temps = entries.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        }
        System.out.println("ok=" + result.ok());
        System.out.println("error=" + result.error().map(Throwable::getMessage).orElse("").replace('\n', ' '));
        System.out.println("fallback=" + result.fallback().map(Path::toString).orElse(""));
        System.out.println("handedOut=" + source.handedOutCount());
        System.out.println("untouched=" + Arrays.equals(old, Files.readAllBytes(target)));
        System.out.println("temps=" + temps);
    }
}
