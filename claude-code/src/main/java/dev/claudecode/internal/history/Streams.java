package dev.claudecode.internal.history;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Stream helpers for file systems whose streams cannot skip. */
final class Streams {

    private static final int DISCARD_BUFFER = 64 * 1024;

    private Streams() {
    }

    /**
     * Skips exactly {@code count} bytes: by {@link InputStream#skip} where the stream supports it
     * (a seek on most file systems), else by reading and discarding.
     *
     * @param in the stream
     * @param count how many bytes to skip
     * @throws EOFException when the stream ends first
     * @throws IOException when reading fails
     */
    static void skipFully(InputStream in, long count) throws IOException {
        long remaining = count;
        boolean canSkip = true;
        byte[] discard = null;
        while (remaining > 0) {
            long skipped = 0;
            if (canSkip) {
                try {
                    skipped = in.skip(remaining);
                } catch (UnsupportedOperationException e) {
                    canSkip = false;
                }
            }
            if (skipped <= 0) {
                if (discard == null) {
                    discard = new byte[(int) Math.min(DISCARD_BUFFER, remaining)];
                }
                int n = in.read(discard, 0, (int) Math.min(discard.length, remaining));
                if (n < 0) {
                    throw new EOFException("stream ended " + remaining + " bytes before the skip target");
                }
                skipped = n;
            }
            remaining -= skipped;
        }
    }
}
