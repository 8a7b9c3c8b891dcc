package dev.claudecode.internal.protocol;

import dev.claudecode.errors.ProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a byte stream into {@code \n}-terminated lines of any length and hands each one to a
 * consumer as a slice of a buffer. Lines have no size limit unless a cap is given; a line over the
 * cap fails with a {@link ProtocolException} instead of being cut.
 *
 * <p>An idle reader holds no buffer: when everything read so far has been handed on and nothing
 * more is waiting, it drops its buffer and blocks in a one-byte read, and takes a buffer sized to
 * what is waiting once bytes arrive. A thousand idle sessions then cost no line buffers at all.
 *
 * <p>The buffer doubles up to {@value #SPILL_BYTES} bytes. A longer line is not grown in one
 * array, which would copy it again at every growth and leave every earlier array behind as
 * garbage (four times the line in all): each full buffer is set aside as it is, and once the line
 * ends its pieces are joined into one array of its exact size. A line of many megabytes then
 * costs its pieces and one copy, and nothing else.
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

        /**
         * Every complete line read so far has been passed on, and the reader is about to wait
         * for more bytes (or the stream has ended): a batch of lines ends here.
         */
        default void caughtUp() {
        }
    }

    /** The most a single read asks for, and the size a busy stream's buffer settles at. */
    private static final int CHUNK = 64 * 1024;
    /** The smallest buffer taken when bytes arrive. */
    private static final int MIN_BUFFER = 1024;
    /**
     * The largest buffer, and the size of the pieces of a longer line. Just under 4 MiB, so that
     * with G1 such a piece fills whole heap regions of 1, 2 or 4 MiB instead of leaving most of
     * the last one empty.
     */
    static final int SPILL_BYTES = (4 << 20) - 64;
    private static final int MAX_LINE_ARRAY = Integer.MAX_VALUE - 16;
    private static final byte[] NONE = new byte[0];

    private final InputStream in;
    private final long maxLineBytes;
    private byte[] buffer = NONE;
    private int start;
    private int end;
    /** The first pieces of a line longer than the buffer, each full. */
    private final List<byte[]> spilled = new ArrayList<>(0);
    private long spilledBytes;

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
        // bytes of the pending line before this index hold no newline
        int scanned = start;
        boolean passedOn = false;
        while (true) {
            int newline = indexOf((byte) '\n', scanned, end);
            if (newline >= 0) {
                emit(consumer, newline);
                start = newline + 1;
                scanned = start;
                passedOn = true;
                continue;
            }
            if (passedOn) {
                consumer.caughtUp();
                passedOn = false;
            }
            long pending = spilledBytes + end - start;
            if (pending > maxLineBytes) {
                throw new ProtocolException("a stdout line exceeded the limit of " + maxLineBytes + " bytes");
            }
            if (pending == 0 && !bytesWaiting()) {
                // idle: no buffer held while blocked; scan what arrives before reading on
                if (!awaitFirstByte()) {
                    return;
                }
                scanned = 0;
                continue;
            }
            makeRoom();
            scanned = end;
            int read = in.read(buffer, end, Math.min(CHUNK, buffer.length - end));
            if (read < 0) {
                if (spilledBytes + end - start > 0) {
                    emit(consumer, end);
                    consumer.caughtUp();
                }
                start = end = 0;
                return;
            }
            end += read;
        }
    }

    /** Passes on the pending line, which ends at {@code newline} in the buffer. */
    private void emit(LineConsumer consumer, int newline) {
        if (spilled.isEmpty()) {
            emit(consumer, buffer, start, newline);
            return;
        }
        long length = spilledBytes + newline - start;
        if (length - 1 > maxLineBytes) { // one byte may be a \r, which is not part of the line
            throw new ProtocolException("a stdout line of " + length + " bytes exceeded the limit of " + maxLineBytes + " bytes");
        }
        if (length > MAX_LINE_ARRAY) {
            throw new ProtocolException("a stdout line exceeded the largest array this JVM can hold");
        }
        byte[] line = new byte[(int) length];
        int at = 0;
        for (byte[] piece : spilled) {
            System.arraycopy(piece, 0, line, at, piece.length);
            at += piece.length;
        }
        System.arraycopy(buffer, start, line, at, newline - start);
        spilled.clear();
        spilledBytes = 0;
        emit(consumer, line, 0, line.length);
    }

    private void emit(LineConsumer consumer, byte[] bytes, int from, int newline) {
        int to = newline > from && bytes[newline - 1] == '\r' ? newline - 1 : newline;
        if (to - from > maxLineBytes) {
            throw new ProtocolException("a stdout line of " + (to - from) + " bytes exceeded the limit of " + maxLineBytes + " bytes");
        }
        consumer.line(bytes, from, to - from);
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

    /**
     * Compacts the pending bytes to the front, grows the buffer when a line fills it, or sets the
     * full buffer aside when it is as large as it gets.
     */
    private void makeRoom() {
        int pending = end - start;
        if (start > 0 && (pending == 0 || buffer.length - end < Math.min(CHUNK, buffer.length / 2))) {
            System.arraycopy(buffer, start, buffer, 0, pending);
            start = 0;
            end = pending;
        }
        if (end == buffer.length && buffer.length >= SPILL_BYTES) {
            // the whole buffer is one unfinished line (it was just compacted)
            spilled.add(buffer);
            spilledBytes += buffer.length;
            buffer = new byte[SPILL_BYTES];
            end = 0;
        } else if (buffer.length < SPILL_BYTES && buffer.length - end < Math.min(CHUNK / 4, buffer.length / 4)) {
            buffer = Arrays.copyOf(buffer, Math.min(SPILL_BYTES, Math.max(buffer.length * 2, MIN_BUFFER)));
        } else if (pending == 0 && spilled.isEmpty() && buffer.length > 4 * CHUNK) {
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
