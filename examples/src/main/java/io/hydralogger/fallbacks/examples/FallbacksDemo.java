package io.hydralogger.fallbacks.examples;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.Fallbacks;
import io.hydralogger.fallbacks.ReadResult;
import io.hydralogger.fallbacks.WriteResult;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every way the library falls back instead of losing data: the original guide's fallbacks demo.
 * A write that cannot land goes to a fallback file; a damaged file is read from what can be
 * salvaged or from its backup; the statistics count it all. Run: {@code FallbacksDemo [folder]}.
 */
public final class FallbacksDemo {
    private FallbacksDemo() {
    }

    /**
     * Runs the example.
     *
     * @param args an optional folder to work in
     * @throws IOException if the folder cannot be prepared
     */
    public static void main(String[] args) throws IOException {
        Path folder = Examples.folder(args);
        FallbackHandler handler = Fallbacks.handler();
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            orders.add(Map.of("order", i, "item", "book-" + i, "amount", i * 9.99));
        }

        Path blocked = Files.createDirectories(folder.resolve("orders.json"));
        WriteResult failed = handler.writeJson(orders, blocked);
        System.out.println("1. Writing over a folder cannot land: ok=" + failed.ok());
        System.out.println("   the target is untouched, and the " + orders.size() + " orders are in "
                + failed.fallback().map(Path::toString).orElse("(no fallback file)"));

        Path file = folder.resolve("orders.jsonl");
        handler.writeJsonLines(orders.subList(0, 3), file);
        handler.writeJsonLines(orders, file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 7); // a crash tore the last line
        }
        ReadResult<List<Object>> torn = handler.readJsonLines(file);
        System.out.println("2. A torn last line: read from " + torn.source().name().toLowerCase() + ", "
                + torn.value().map(List::size).orElse(0) + " records, " + torn.recordsSkipped() + " skipped");
        torn.report().ifPresent(report -> System.out.println("   problems: " + report.problems()));

        Files.write(file, new byte[] {0, 0, 0, 0});
        ReadResult<List<Object>> zeroed = handler.readJsonLines(file);
        System.out.println("3. The file zeroed: read from " + zeroed.source().name().toLowerCase()
                + zeroed.sourcePath().map(p -> " (" + p.getFileName() + ")").orElse("") + ", "
                + zeroed.value().map(List::size).orElse(0) + " records");

        System.out.println("4. What the library counted:");
        Examples.printStatistics("     ");
    }
}
