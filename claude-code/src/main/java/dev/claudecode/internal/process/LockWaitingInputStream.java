package dev.claudecode.internal.process;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream whose reads wait on {@code java.util.concurrent} locks, not in a system call (an SSH
 * channel's pipe, filled by the SSH library's I/O threads), marked as a {@link PolledStream} so
 * that it is read on a virtual thread. Single-byte reads go through the array read: some such
 * streams take a monitor for them, and a virtual thread that waits inside a monitor pins its
 * carrier on Java 21.
 */
public final class LockWaitingInputStream extends FilterInputStream implements PolledStream {

    /**
     * Wraps a stream.
     *
     * @param in a stream whose reads wait on {@code java.util.concurrent} locks
     */
    public LockWaitingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = in.read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xff;
    }
}
