package io.hydralogger.fallbacks.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a command writes: text lines and JSON objects on stdout or stderr (picocli's writers, so
 * that a caller that sets them gets the output), and records as JSON Lines on stdout. The one
 * way commands write; none touches {@code System.out} itself. Not thread-safe.
 */
final class Output {
    private final CommandSpec spec;
    private JsonMapper mapper;

    private Output(CommandSpec spec) {
        this.spec = spec;
    }

    /**
     * {@return the output of a command}
     *
     * @param spec the command, as picocli gives it
     */
    static Output of(CommandSpec spec) {
        return new Output(spec);
    }

    /** {@return standard output, for text} */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** {@return standard error, for text} */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * Prints a value as one line of JSON.
     *
     * @param to {@link #out()} or {@link #err()}
     * @param value maps, lists, strings, numbers, booleans, null
     */
    void json(PrintWriter to, Object value) {
        if (mapper == null) {
            // made only when needed: making a mapper takes a good part of a short run
            mapper = JsonMapper.builder().build();
        }
        to.println(mapper.writeValueAsString(value));
    }

    /**
     * Starts printing records as JSON Lines on stdout; close it to flush.
     *
     * @param recordMapper the mapper that writes the records
     * @return the printer
     */
    Records records(JsonMapper recordMapper) {
        out().flush();
        return new Records(recordMapper);
    }

    /** Records as JSON Lines on stdout, buffered. */
    static final class Records implements AutoCloseable {
        private final PrintStream stdout = System.out;
        private final JsonGenerator generator;
        private long count;

        private Records(JsonMapper mapper) {
            this.generator = mapper.writer().withRootValueSeparator("").without(StreamWriteFeature.AUTO_CLOSE_TARGET)
                    .createGenerator(stdout);
        }

        /**
         * Prints one record on a line of its own.
         *
         * @param record the record
         * @return false when nobody reads any more (a closed pipe): the caller may stop
         */
        boolean print(Object record) {
            generator.writePOJO(record);
            generator.writeRaw('\n');
            if (++count % 1024 == 0) {
                generator.flush();
                return !stdout.checkError();
            }
            return true;
        }

        /** {@return how many records were printed} */
        long count() {
            return count;
        }

        @Override
        public void close() {
            generator.close();
            stdout.flush();
        }
    }
}
