package io.hydralogger.fallbacks.internal.codec;

import io.hydralogger.fallbacks.format.ReadRules;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** The first bytes of a file, looked at before it is cut into chunks by {@link ParallelReader}. */
final class FileHead {
    private FileHead() {
    }

    /**
     * Whether the file's bytes may be cut as UTF-8 (see {@link ReadRules#mayBeUtf8}): a UTF-16
     * file (a byte order mark and a zero byte in every ASCII character) is parsed on one thread,
     * where Jackson detects its encoding.
     */
    static boolean mayBeUtf8(FileChannel channel) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(4);
        while (head.hasRemaining() && channel.read(head, head.position()) > 0) {
            // reads the first bytes
        }
        return ReadRules.mayBeUtf8(head.array(), head.position());
    }
}
