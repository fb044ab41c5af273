package io.hydralogger.fallbacks.apitest;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.FallbackRuntime;
import io.hydralogger.fallbacks.ReadResult;
import io.hydralogger.fallbacks.WriteResult;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.write.Durability;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What an application does with the library, through its exported API only. */
public final class Client implements AutoCloseable {
    private final FallbackRuntime runtime = FallbackRuntime.create();
    private final FallbackHandler handler = FallbackHandler.builder().runtime(runtime)
            .durability(Durability.SYNC).backups(1).build();

    /** Makes a client with a runtime of its own. */
    public Client() {
        // the fields are the whole client
    }

    /**
     * Writes records and reads them back.
     *
     * @param file the file
     * @param records the records
     * @return what the read gave
     */
    public ReadResult<List<Object>> roundTrip(Path file, List<Map<String, Object>> records) {
        WriteResult written = handler.write(records, file, Format.JSON_LINES);
        if (!written.ok()) {
            throw new IllegalStateException("write failed: " + written.error());
        }
        return handler.readJsonLines(file);
    }

    /** {@return the handler, for calls of the tests} */
    public FallbackHandler handler() {
        return handler;
    }

    @Override
    public void close() {
        handler.close();
        runtime.close();
    }
}
