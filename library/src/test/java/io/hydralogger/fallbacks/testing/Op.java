package io.hydralogger.fallbacks.testing;

import java.nio.file.Path;

/**
 * One recorded file-system operation.
 *
 * @param index its position in the recording, from 0
 * @param kind what it was
 * @param path the file or folder it acted on (for a rename or link: the source, or the existing file)
 * @param other the second path of a rename (destination), link (the new link), copy (destination)
 *     or symbolic link (the link's text), else null
 * @param handle the channel it acted on (for OPEN, CREATE, READ, WRITE, TRUNCATE, FORCE,
 *     FORCE_DIRECTORY, CLOSE, LOCK), else -1
 * @param position where a write or truncate acted (the byte offset, or the new size)
 * @param data the bytes written by a WRITE, else an empty array
 * @param failed whether this operation was made to fail (it then did not happen)
 */
public record Op(int index, OpKind kind, Path path, Path other, int handle, long position, byte[] data,
        boolean failed) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append('#').append(index).append(' ').append(kind).append(' ')
                .append(path == null ? "-" : path.getFileName());
        if (other != null) {
            text.append(" -> ").append(other.getFileName());
        }
        if (handle >= 0) {
            text.append(" [h").append(handle).append(']');
        }
        if (kind == OpKind.WRITE) {
            text.append(" @").append(position).append('+').append(data.length);
        }
        return failed ? text.append(" (failed)").toString() : text.toString();
    }
}
