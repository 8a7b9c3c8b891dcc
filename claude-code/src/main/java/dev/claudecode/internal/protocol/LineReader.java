package dev.claudecode.internal.protocol;

import dev.claudecode.ProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into {@code \n}-terminated lines of any length and hands each one to a
 * consumer as a slice of an internal buffer. Lines have no size limit unless a cap is given; a
 * line over the cap fails with a {@link ProtocolException} instead of being cut.
 *
 * <p>An idle reader holds no buffer: when everything read so far has been handed on and nothing
 * more is waiting, it drops its buffer and blocks in a one-byte read, and takes a buffer sized to
 * what is waiting once bytes arrive. A thousand idle sessions then cost no line buffers at all.
 * Buffers grow by doubling up to {@value #DOUBLING_LIMIT} bytes and by a quarter beyond, so that
 * a line of many megabytes needs at most about 1.25 times its size (2.25 times while the last
 * growth copies it).
 */
public final class LineReader {

    /** Receives one line, without its terminator, as a slice that is valid only during the call. */
    @FunctionalInterface
    public interface LineConsumer {
        /**
         * Handles a line.
         *
         * @param buffer the bytes
         * @param offset where the line starts
         * @param length its length, excluding {@code \n} and any {@code \r} before it
         */
        void line(byte[] buffer, int offset, int length);
    }

    /** The most a single read asks for, and the size a busy stream's buffer settles at. */
    private static final int CHUNK = 64 * 1024;
    /** The smallest buffer taken when bytes arrive. */
    private static final int MIN_BUFFER = 1024;
    private static final int DOUBLING_LIMIT = 1 << 20;
    private static final byte[] NONE = new byte[0];

    private final InputStream in;
    private final long maxLineBytes;
    private byte[] buffer = NONE;
    private int start;
    private int end;

    /**
     * Creates a reader.
     *
     * @param in the stream to read
     * @param maxLineBytes the largest line accepted, or {@code Long.MAX_VALUE} for no limit
     */
    public LineReader(InputStream in, long maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Reads until the end of the stream, passing every line to {@code consumer}. A last line
     * without a terminator is passed too.
     *
     * @param consumer the line handler
     * @throws IOException when reading fails
     * @throws ProtocolException when a line exceeds the cap
     */
    public void readAll(LineConsumer consumer) throws IOException {
        int scanFrom = 0;
        while (true) {
            int newline = indexOf((byte) '\n', start + scanFrom, end);
            if (newline >= 0) {
                emit(consumer, start, newline);
                start = newline + 1;
                scanFrom = 0;
                continue;
            }
            scanFrom = end - start;
            if (scanFrom > maxLineBytes) {
                throw new ProtocolException("a stdout line exceeded the limit of " + maxLineBytes + " bytes");
            }
            if (start == end && !bytesWaiting()) {
                // idle: no buffer held while blocked; scan what arrives before reading on
                if (!awaitFirstByte()) {
                    return;
                }
                continue;
            }
            makeRoom();
            int read = in.read(buffer, end, Math.min(CHUNK, buffer.length - end));
            if (read < 0) {
                if (end > start) {
                    emit(consumer, start, end);
                }
                start = end = 0;
                return;
            }
            end += read;
        }
    }

    private void emit(LineConsumer consumer, int from, int newline) {
        int to = newline > from && buffer[newline - 1] == '\r' ? newline - 1 : newline;
        if (to - from > maxLineBytes) {
            throw new ProtocolException("a stdout line of " + (to - from) + " bytes exceeded the limit of " + maxLineBytes + " bytes");
        }
        consumer.line(buffer, from, to - from);
    }

    /** @return whether the stream has bytes that a read returns without blocking */
    private boolean bytesWaiting() throws IOException {
        start = end = 0;
        return buffer.length > 0 && in.available() > 0;
    }

    /**
     * Drops the buffer, blocks until a byte arrives, then takes a buffer sized for what is waiting.
     *
     * @return false at the end of the stream
     */
    private boolean awaitFirstByte() throws IOException {
        buffer = NONE;
        int first = in.read();
        if (first < 0) {
            return false;
        }
        int waiting = Math.max(0, in.available());
        buffer = new byte[Math.max(MIN_BUFFER, Integer.highestOneBit(Math.min(CHUNK, waiting + 1)) << 1)];
        buffer[0] = (byte) first;
        end = 1;
        return true;
    }

    /** Compacts the pending bytes to the front, or grows the buffer when a line fills it. */
    private void makeRoom() {
        int pending = end - start;
        if (start > 0 && (pending == 0 || buffer.length - end < Math.min(CHUNK, buffer.length / 2))) {
            System.arraycopy(buffer, start, buffer, 0, pending);
            start = 0;
            end = pending;
        }
        if (buffer.length - end < Math.min(CHUNK / 4, buffer.length / 4)) {
            long length = buffer.length;
            long grown = length < DOUBLING_LIMIT ? Math.max(length * 2, MIN_BUFFER) : length + (length >> 2);
            if (grown > Integer.MAX_VALUE - 16) {
                grown = Integer.MAX_VALUE - 16;
                if (end >= grown) {
                    throw new ProtocolException("a stdout line exceeded the largest array this JVM can hold");
                }
            }
            buffer = Arrays.copyOf(buffer, (int) grown);
        } else if (pending == 0 && buffer.length > 4 * CHUNK) {
            buffer = new byte[CHUNK];
        }
    }

    private int indexOf(byte target, int from, int to) {
        byte[] b = buffer;
        for (int i = from; i < to; i++) {
            if (b[i] == target) {
                return i;
            }
        }
        return -1;
    }
}
