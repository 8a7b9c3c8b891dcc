package dev.claudecode.internal.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a command's output stream to its end, keeping at most a fixed number of bytes: a command
 * that prints without end must neither block on a full pipe nor fill the heap.
 */
public final class BoundedOutput {

    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private volatile boolean truncated;

    /**
     * Creates an empty capture.
     *
     * @param limit how many bytes to keep; what comes after them is read and dropped
     */
    public BoundedOutput(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
    }

    /**
     * Reads a stream to its end (or until it fails, which ends the output just the same) and
     * closes it.
     *
     * @param in the stream
     */
    public void drain(InputStream in) {
        byte[] buffer = new byte[8192];
        try (in) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                synchronized (kept) {
                    int room = limit - kept.size();
                    if (room < read) {
                        truncated = true;
                    }
                    if (room > 0) {
                        kept.write(buffer, 0, Math.min(room, read));
                    }
                }
            }
        } catch (IOException e) {
            // the process ended or its stream was closed: what was read is kept
        }
    }

    /** @return whether bytes beyond the limit were dropped */
    public boolean truncated() {
        return truncated;
    }

    /** @return what was kept, decoded as UTF-8 */
    public String text() {
        synchronized (kept) {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }
}
