package dev.claudecode.internal.process;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The parent's end of one non-blocking pipe to a child: reads and writes go straight to the
 * descriptor, and when it is not ready the calling thread waits on a condition until the {@link
 * Poller} says it is. Nothing is buffered here. Once the child has exited, a read that finds the
 * pipe empty is its end, and a write that finds it full fails, as with the JDK's process streams:
 * a process the child left behind cannot hold the reader.
 */
final class PolledPipe implements Poller.Watcher {

    private final Poller poller;
    private final int fd;
    private final boolean output;
    private final long token;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readyOrClosed = lock.newCondition();
    /** Scratch room for {@code errno} and one {@code epoll_event}: small, native, freed when the pipe is collected. */
    private final MemorySegment scratch;
    private final MemorySegment state;
    private final MemorySegment event;
    private final MemorySegment count;
    private boolean registered;
    private boolean ready;
    private volatile boolean closed;
    private volatile boolean childExited;
    /** The end was read: the descriptor is closed, and reads keep returning the end. */
    private boolean ended;
    /** Until when ({@link System#nanoTime()}) a read that finds the pipe empty waits for due bytes in the kernel. */
    private volatile long lookUntil;
    /** Bytes are due: the waiting reader is woken to look for them itself. */
    private boolean due;

    /** {@code struct pollfd} of this pipe, for a reader that waits for due bytes in the kernel. */
    private final MemorySegment pollfd;

    /**
     * How long a reader waits in the kernel for bytes said to be due, before it waits on the
     * poller: about what a CLI takes to answer a control request that needs no model call.
     */
    static final int DUE_MILLIS = 1;

    /**
     * How many readers may wait in {@code poll(2)} at once: each holds its carrier, and at least
     * one carrier stays free for every other virtual thread. Readers past that wait on the poller.
     */
    private static final java.util.concurrent.Semaphore DUE_WAITS =
            new java.util.concurrent.Semaphore(Math.max(0, Runtime.getRuntime().availableProcessors() - 1));

    /** The native scratch room a pipe needs, 8-aligned. */
    static final long SCRATCH_BYTES = 48;

    /**
     * @param scratch {@link #SCRATCH_BYTES} of native memory of its own, kept alive by the pipe
     */
    PolledPipe(Poller poller, int fd, boolean output, MemorySegment scratch) {
        this.poller = poller;
        this.fd = fd;
        this.output = output;
        this.token = poller.add(this);
        this.scratch = scratch;
        this.event = scratch.asSlice(0, Libc.EPOLL_EVENT_BYTES);
        this.count = scratch.asSlice(16, 4);
        this.state = scratch.asSlice(24, Libc.ERRNO_BYTES);
        this.pollfd = scratch.asSlice(32, 8);
        pollfd.set(java.lang.foreign.ValueLayout.JAVA_INT, 0, fd);
        pollfd.set(java.lang.foreign.ValueLayout.JAVA_SHORT, 4, (short) Libc.POLLIN);
    }

    @Override
    public void ready() {
        lock.lock();
        try {
            ready = true;
            readyOrClosed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Bytes are due within microseconds: wakes a reader waiting for them, which then waits for
     * them in {@code poll(2)}, for at most {@link #DUE_MILLIS}, before it waits on the poller
     * again. So the reader's wake-up happens now, while the child is still working on its answer,
     * and the answer wakes the reader's thread straight from the kernel, as a blocking read
     * would, instead of waking the poller, which then wakes a carrier for the reader. For that
     * moment the reader holds its carrier, and the pipe is disarmed in the poller, so that the
     * answer wakes one thread, not two; the next wait on the poller arms it again.
     */
    void bytesDueSoon() {
        lookUntil = System.nanoTime() + DUE_MILLIS * 1_000_000L;
        lock.lock();
        try {
            due = true;
            readyOrClosed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The child has exited: an empty pipe is at its end from now on. */
    void childExited() {
        childExited = true;
        if (output) {
            close(); // as the JDK does: nothing can be written to an exited process
        } else {
            ready();
        }
    }

    /**
     * Reads what the pipe holds, waiting for bytes when it is empty.
     *
     * @return how many bytes were read, or -1 at the end
     */
    int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        lock.lock();
        try {
            while (true) {
                if (ended) {
                    return -1;
                }
                ensureOpen();
                long n;
                try {
                    n = (long) Libc.READ.invokeExact(state, fd, MemorySegment.ofArray(bytes).asSlice(offset, length), (long) length);
                } catch (Throwable e) {
                    throw new IOException(e);
                }
                if (n > 0) {
                    return (int) n;
                }
                if (n == 0) {
                    return end();
                }
                int error = Libc.errno(state);
                if (error == Libc.EINTR) {
                    continue;
                }
                if (error != Libc.EAGAIN) {
                    throw new IOException("read: " + Libc.strerror(error));
                }
                if (childExited) {
                    return end();
                }
                if (System.nanoTime() - lookUntil < 0 && DUE_WAITS.tryAcquire()) {
                    lookUntil = System.nanoTime(); // once per hint: the next empty read waits on the poller
                    awaitDue();
                    continue;
                }
                awaitReady(Libc.EPOLLIN);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Writes all of the bytes, waiting for room while the pipe is full. */
    void write(byte[] bytes, int offset, int length) throws IOException {
        lock.lock();
        try {
            while (length > 0) {
                ensureOpen();
                long n;
                try {
                    n = (long) Libc.WRITE.invokeExact(state, fd, MemorySegment.ofArray(bytes).asSlice(offset, length), (long) length);
                } catch (Throwable e) {
                    throw new IOException(e);
                }
                if (n > 0) {
                    offset += (int) n;
                    length -= (int) n;
                    continue;
                }
                int error = n < 0 ? Libc.errno(state) : Libc.EAGAIN;
                if (error == Libc.EINTR) {
                    continue;
                }
                if (error != Libc.EAGAIN) {
                    throw new IOException(Libc.strerror(error));
                }
                if (childExited) {
                    throw new IOException("the process has exited");
                }
                awaitReady(Libc.EPOLLOUT);
            }
        } finally {
            lock.unlock();
        }
    }

    /** @return how many bytes wait in the pipe */
    int available() throws IOException {
        lock.lock();
        try {
            if (ended) {
                return 0;
            }
            ensureOpen();
            int result;
            try {
                result = (int) Libc.IOCTL.invokeExact(state, fd, Libc.FIONREAD, count);
            } catch (Throwable e) {
                throw new IOException(e);
            }
            return result < 0 ? 0 : count.get(java.lang.foreign.ValueLayout.JAVA_INT, 0);
        } finally {
            lock.unlock();
        }
    }

    /** The end of the stream: the descriptor is no longer needed. The lock is held. */
    private int end() {
        ended = true;
        close();
        return -1;
    }

    /** Closes the descriptor; a thread waiting on it fails. */
    void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            poller.remove(token, fd, registered, state);
            Libc.closeQuietly(fd);
            readyOrClosed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("Stream closed");
        }
    }

    /**
     * Waits in {@code poll(2)} for bytes said to be due, with the pipe disarmed in the poller so
     * that they wake this reader and not the poller too; the lock is held on entry and on return,
     * and the caller's {@link #DUE_WAITS} permit is given back whatever happens.
     */
    private void awaitDue() throws IOException {
        try {
            if (registered) {
                poller.arm(fd, token, Libc.EPOLLONESHOT, true, event, state);
            }
            lock.unlock();
            try {
                int ignored = (int) Libc.POLL.invokeExact(pollfd, 1L, DUE_MILLIS);
            } catch (Throwable e) {
                // the read that follows finds out
            } finally {
                lock.lock();
            }
        } finally {
            DUE_WAITS.release();
        }
    }

    /**
     * Arms the descriptor for one event and waits for it; the lock is held. Not interruptible, as
     * the JDK's pipe streams are not: an interrupt that cut a write short would leave half a line
     * in the CLI's input. Closing the pipe ends the wait.
     */
    private void awaitReady(int events) throws IOException {
        ready = false;
        due = false;
        poller.arm(fd, token, events | Libc.EPOLLONESHOT, registered, event, state);
        registered = true;
        while (!ready && !closed && !due) {
            readyOrClosed.awaitUninterruptibly();
        }
    }
}
