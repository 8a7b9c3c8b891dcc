package dev.claudecode.internal.protocol;

import dev.claudecode.errors.ProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a byte stream into {@code \n}-terminated lines of any length and hands each one to a
 * consumer as a slice of a buffer. Lines have no size limit unless a cap is given; what happens to a
 * line over the cap is the reader's {@link Overflow}: by default it fails with a {@link
 * ProtocolException} that names the cap, and a reader made with {@link Overflow#CUT} passes on its
 * first bytes and drops the rest up to the line's end, so that a stream of diagnostics that never
 * ends a line costs no more than the cap.
 *
 * <p>A line that the heap cannot hold fails the same way, never with an {@link OutOfMemoryError}:
 * before it takes another piece for a long line, the reader checks that the line, joined, can fit
 * (it needs twice its size for a moment), and an allocation that fails anyway is turned into a
 * {@link ProtocolException} after the pieces are let go.
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

    /** What happens to a line longer than the cap. */
    public enum Overflow {
        /** The read fails with a {@link ProtocolException} that names the cap. */
        FAIL,
        /** The line's first bytes, up to the cap, are passed on; the rest is read and dropped. */
        CUT
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
    private final Overflow overflow;
    private final String limitName;
    /** In {@link Overflow#CUT}: the rest of a cut line is being dropped up to its end. */
    private boolean dropping;
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
        this(in, maxLineBytes, Overflow.FAIL, "the limit");
    }

    /**
     * Creates a reader.
     *
     * @param in the stream to read
     * @param maxLineBytes the largest line accepted, or {@code Long.MAX_VALUE} for no limit
     * @param overflow what happens to a longer line
     * @param limitName how failures name the cap, such as the option that sets it
     */
    public LineReader(InputStream in, long maxLineBytes, Overflow overflow, String limitName) {
        if (maxLineBytes <= 0) {
            throw new IllegalArgumentException("maxLineBytes must be positive: " + maxLineBytes);
        }
        if (overflow == Overflow.CUT && maxLineBytes >= SPILL_BYTES) {
            throw new IllegalArgumentException("a cutting reader's cap must be below " + SPILL_BYTES + " bytes: " + maxLineBytes);
        }
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.overflow = overflow;
        this.limitName = limitName;
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
            if (dropping) {
                // the rest of a cut line: nothing of it is kept
                if (newline < 0) {
                    start = end = scanned = 0;
                } else {
                    dropping = false;
                    start = newline + 1;
                    scanned = start;
                    continue;
                }
            } else if (newline >= 0) {
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
                if (overflow == Overflow.FAIL) {
                    throw tooLong(-1);
                }
                cut(consumer);
                passedOn = true;
                scanned = start;
                continue;
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
                if (!dropping && spilledBytes + end - start > 0) {
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
            throw tooLong(length);
        }
        if (length > MAX_LINE_ARRAY) {
            dropPieces();
            throw new ProtocolException("a line of " + length + " bytes is longer than the largest array this JVM can hold ("
                    + limitName + " is " + maxLineBytes + " bytes)");
        }
        byte[] line;
        try {
            line = new byte[(int) length];
        } catch (OutOfMemoryError e) {
            dropPieces();
            throw noRoom(length);
        }
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
            if (overflow == Overflow.FAIL) {
                throw tooLong(to - from);
            }
            consumer.line(bytes, from, (int) maxLineBytes);
            return;
        }
        consumer.line(bytes, from, to - from);
    }

    /**
     * Passes on the first {@link #maxLineBytes} of the pending line, which has no end yet, and
     * drops the rest of it as it arrives. Only lines that fit in the buffer are cut: the cap of a
     * cutting reader is below {@link #SPILL_BYTES}.
     */
    private void cut(LineConsumer consumer) {
        consumer.line(buffer, start, (int) maxLineBytes);
        start = end = 0;
        dropping = true;
    }

    /** @param length the line's length, or -1 when its end has not arrived */
    private ProtocolException tooLong(long length) {
        dropPieces();
        return new ProtocolException((length < 0 ? "a line" : "a line of " + length + " bytes") + " is over the limit of "
                + maxLineBytes + " bytes (" + limitName + ")");
    }

    private ProtocolException noRoom(long length) {
        return new ProtocolException("a line of " + length + " bytes does not fit in this JVM's heap (maximum "
                + Runtime.getRuntime().maxMemory() + " bytes; a line needs about twice its size while it is joined); "
                + limitName + " is " + maxLineBytes + " bytes");
    }

    /** Lets go of a long line's pieces, so that a failure leaves the heap as it was. */
    private void dropPieces() {
        spilled.clear();
        spilledBytes = 0;
        buffer = NONE;
        start = end = 0;
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
            long line = spilledBytes + buffer.length;
            if ((line + SPILL_BYTES) * 2 > Runtime.getRuntime().maxMemory()) {
                dropPieces();
                throw noRoom(line);
            }
            spilled.add(buffer);
            spilledBytes = line;
            try {
                buffer = new byte[SPILL_BYTES];
            } catch (OutOfMemoryError e) {
                dropPieces();
                throw noRoom(line);
            }
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
