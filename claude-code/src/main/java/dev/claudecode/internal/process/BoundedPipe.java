package dev.claudecode.internal.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A byte pipe with a fixed capacity between the thread that demultiplexes an engine stream and
 * the reader of one of its streams: the writer waits while the pipe is full, so a slow reader
 * slows the stream instead of filling the heap. Unlike {@link java.io.PipedInputStream} it does
 * not care which threads read and write.
 */
public final class BoundedPipe extends InputStream {

    private final byte[] buffer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int start;
    private int length;
    private boolean writerClosed;
    private boolean readerClosed;

    /**
     * Creates an empty pipe.
     *
     * @param capacity how many bytes may wait for the reader
     */
    public BoundedPipe(int capacity) {
        this.buffer = new byte[capacity];
    }

    /**
     * Adds bytes, waiting for room; bytes written after the reader closed are dropped.
     *
     * @throws InterruptedIOException when interrupted while waiting
     */
    public void write(byte[] bytes, int offset, int count) throws InterruptedIOException {
        lock.lock();
        try {
            while (count > 0) {
                while (length == buffer.length && !readerClosed) {
                    changed.await();
                }
                if (readerClosed) {
                    return;
                }
                int end = (start + length) % buffer.length;
                int chunk = Math.min(count, Math.min(buffer.length - length, buffer.length - end));
                System.arraycopy(bytes, offset, buffer, end, chunk);
                length += chunk;
                offset += chunk;
                count -= chunk;
                changed.signalAll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while passing on a container's output");
        } finally {
            lock.unlock();
        }
    }

    /** Ends the stream: the reader sees its end once it has read what is buffered. */
    public void closeWriter() {
        lock.lock();
        try {
            writerClosed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] destination, int offset, int count) throws IOException {
        if (count == 0) {
            return 0;
        }
        lock.lock();
        try {
            while (length == 0 && !writerClosed && !readerClosed) {
                changed.await();
            }
            if (readerClosed) {
                throw new IOException("stream closed");
            }
            if (length == 0) {
                return -1;
            }
            int chunk = Math.min(count, Math.min(length, buffer.length - start));
            System.arraycopy(buffer, start, destination, offset, chunk);
            start = (start + chunk) % buffer.length;
            length -= chunk;
            changed.signalAll();
            return chunk;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading a container's output");
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int available() {
        lock.lock();
        try {
            return length;
        } finally {
            lock.unlock();
        }
    }

    /** Drops what is buffered; the writer drops what it writes from now on. */
    @Override
    public void close() {
        lock.lock();
        try {
            readerClosed = true;
            length = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
