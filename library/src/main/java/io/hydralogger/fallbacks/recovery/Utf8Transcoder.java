package io.hydralogger.fallbacks.recovery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a stream in another charset (UTF-16, Latin-1, ...) as UTF-8 bytes, so that the
 * salvage engines, which work on UTF-8, read it unchanged. Bytes that are not valid in the source
 * charset become the byte {@code 0xFF}, which is never valid UTF-8: the engine then reports the
 * line they are on as {@code invalid_utf8}, as it would for a UTF-8 file. Offsets in reports
 * count the UTF-8 bytes of the decoded text. Not thread-safe.
 */
final class Utf8Transcoder extends InputStream {
    private static final byte INVALID = (byte) 0xFF;

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer source = ByteBuffer.allocate(16 * 1024);
    private final CharBuffer chars = CharBuffer.allocate(16 * 1024);
    private final ByteBuffer out = ByteBuffer.allocate(64 * 1024);
    private boolean ended;
    private boolean flushed;

    Utf8Transcoder(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        out.flip();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!out.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        int count = Math.min(length, out.remaining());
        out.get(bytes, offset, count);
        return count;
    }

    /** Decodes and encodes the next piece; false at the end. */
    private boolean fill() throws IOException {
        if (flushed) {
            return false;
        }
        out.clear();
        if (!ended) {
            int read = in.read(source.array(), source.position(), source.remaining());
            if (read < 0) {
                ended = true;
            } else {
                source.position(source.position() + read);
            }
        }
        source.flip();
        while (true) {
            CoderResult result = decoder.decode(source, chars, ended);
            if (result.isError()) {
                source.position(source.position() + result.length());
                encode();
                if (out.remaining() < 1) {
                    break;
                }
                out.put(INVALID);
                continue;
            }
            break;
        }
        if (ended && !source.hasRemaining()) {
            decoder.flush(chars);
            flushed = true;
        }
        encode();
        source.compact();
        out.flip();
        return out.hasRemaining() || !flushed;
    }

    private void encode() {
        chars.flip();
        encoder.encode(chars, out, false);
        chars.compact();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
