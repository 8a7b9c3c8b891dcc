package dev.claudecode.internal.history;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into {@code \n}-terminated lines without ever holding a whole line in
 * memory: each line is offered as its own {@link InputStream} that ends at the newline, so a JSON
 * parser can stream through a 5 MB line (or a 5 GB one) with a fixed buffer. It also knows the byte
 * offset of every line, which lets a second pass jump straight to the lines it needs.
 */
public final class LineReader implements Closeable {

    private static final int BUFFER_SIZE = 64 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private final LineStream line = new LineStream();
    private int pos;
    private int limit;
    private long bufferStart;
    private boolean inputEnded;
    private boolean lineOpen;
    private boolean lineEnded;
    private long lineStart = -1;

    /**
     * Creates a reader over a stream positioned at a line start; closing the reader closes it.
     *
     * @param in the bytes, typically from {@code Files.newInputStream}
     */
    public LineReader(InputStream in) {
        this.in = in;
    }

    /**
     * Moves to the next line, skipping whatever is left of the current one.
     *
     * @return false when the input has no more bytes
     * @throws IOException when reading fails
     */
    public boolean next() throws IOException {
        if (lineOpen && !lineEnded) {
            drainLine();
        }
        lineOpen = false;
        if (!ensureBuffered()) {
            return false;
        }
        lineStart = bufferStart + pos;
        lineOpen = true;
        lineEnded = false;
        return true;
    }

    /** @return the byte offset at which the current line starts */
    public long lineStart() {
        return lineStart;
    }

    /**
     * The bytes of the current line, without its newline. The stream ignores {@code close()}, so a
     * parser that closes its source does not end the reader.
     *
     * @return the current line as a stream
     */
    public InputStream line() {
        if (!lineOpen) {
            throw new IllegalStateException("no current line: call next() first");
        }
        return line;
    }

    /**
     * Jumps forward to a line start at {@code offset}, skipping the bytes in between without
     * splitting them into lines. The next {@link #next()} starts the line at that offset.
     *
     * @param offset an offset not before the current position
     * @throws IOException when skipping fails or the input ends first
     */
    public void seek(long offset) throws IOException {
        long position = bufferStart + pos;
        if (offset < position) {
            throw new IllegalArgumentException("cannot seek backwards from " + position + " to " + offset);
        }
        if (offset <= bufferStart + limit) {
            pos = (int) (offset - bufferStart);
        } else {
            Streams.skipFully(in, offset - (bufferStart + limit));
            bufferStart = offset;
            pos = 0;
            limit = 0;
        }
        lineOpen = false;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean ensureBuffered() throws IOException {
        if (pos < limit) {
            return true;
        }
        if (inputEnded) {
            return false;
        }
        bufferStart += limit;
        pos = 0;
        limit = 0;
        while (limit == 0) {
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                inputEnded = true;
                return false;
            }
            limit = n;
        }
        return true;
    }

    private void drainLine() throws IOException {
        while (!lineEnded) {
            if (!ensureBuffered()) {
                lineEnded = true;
                return;
            }
            int newline = indexOfNewline(pos, limit);
            if (newline >= 0) {
                pos = newline + 1;
                lineEnded = true;
            } else {
                pos = limit;
            }
        }
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The current line as a stream; it reads from the shared buffer and stops at the newline. */
    private final class LineStream extends InputStream {

        private final byte[] one = new byte[1];

        @Override
        public int read() throws IOException {
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (lineEnded || !ensureBuffered()) {
                lineEnded = true;
                return -1;
            }
            int end = Math.min(limit, pos + length);
            int newline = indexOfNewline(pos, end);
            int stop = newline >= 0 ? newline : end;
            int count = stop - pos;
            System.arraycopy(buffer, pos, target, offset, count);
            pos = stop;
            if (newline >= 0) {
                pos++;
                lineEnded = true;
                return count == 0 ? -1 : count;
            }
            return count;
        }

        @Override
        public void close() {
            // the reader owns the underlying stream
        }
    }
}
