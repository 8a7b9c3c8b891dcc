package dev.claudecode.internal.process;

import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code epoll} instance and the one daemon thread that waits on it for every process the
 * epoll spawner started: pipe descriptors are armed one shot at a time by the thread that wants
 * to read or write them, and a process's {@code pidfd} stays armed until its exit is reaped. The
 * thread only wakes whoever waits (and reaps exits); it runs no other code.
 */
final class Poller {

    /** Something waiting on a descriptor. */
    interface Watcher {
        /** The descriptor is ready (or hung up, or failed): called on the poller thread, must not block. */
        void ready();
    }

    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);
    private static final int BATCH = 256;
    private static volatile Poller instance;

    private final int epfd;
    private final Map<Long, Watcher> watchers = new ConcurrentHashMap<>();
    private final AtomicLong tokens = new AtomicLong();

    private Poller(int epfd) {
        this.epfd = epfd;
        Thread.ofPlatform().daemon().name("claude-code-poller").stackSize(256 * 1024).start(this::run);
    }

    /** @return the poller, started at first use */
    static Poller get() throws IOException {
        Poller poller = instance;
        if (poller == null) {
            synchronized (Poller.class) {
                poller = instance;
                if (poller == null) {
                    try (Arena arena = Arena.ofConfined()) {
                        MemorySegment state = arena.allocate(Libc.ERRNO_BYTES);
                        int fd = (int) Libc.EPOLL_CREATE1.invokeExact(state, Libc.O_CLOEXEC);
                        if (fd < 0) {
                            throw new IOException("epoll_create1: " + Libc.strerror(Libc.errno(state)));
                        }
                        poller = new Poller(fd);
                    } catch (IOException | RuntimeException | Error e) {
                        throw e;
                    } catch (Throwable e) {
                        throw new IOException(e);
                    }
                    instance = poller;
                }
            }
        }
        return poller;
    }

    /**
     * Starts watching: the token ties the descriptor's events to the watcher, and a token never
     * comes back, so a late event for a descriptor closed (and its number reused) meanwhile finds
     * nobody.
     *
     * @return the token
     */
    long add(Watcher watcher) {
        long token = tokens.incrementAndGet();
        watchers.put(token, watcher);
        return token;
    }

    /** Stops watching; call before the descriptor is closed. */
    void remove(long token, int fd, boolean registered, MemorySegment state) {
        watchers.remove(token);
        if (registered) {
            try {
                int ignored = (int) Libc.EPOLL_CTL.invokeExact(state, epfd, Libc.EPOLL_CTL_DEL, fd, MemorySegment.NULL);
            } catch (Throwable e) {
                // the descriptor is about to be closed, which removes it from the set anyway
            }
        }
    }

    /**
     * Arms a descriptor for one event.
     *
     * @param events {@code EPOLLIN} or {@code EPOLLOUT}, with {@code EPOLLONESHOT} for pipes
     * @param registered whether it was added before (then it is modified)
     * @param event scratch room for one {@code epoll_event}
     */
    void arm(int fd, long token, int events, boolean registered, MemorySegment event, MemorySegment state) throws IOException {
        event.set(JAVA_INT_UNALIGNED, 0, events);
        event.set(JAVA_LONG_UNALIGNED, Libc.EPOLL_DATA_OFFSET, token);
        int result;
        try {
            result = (int) Libc.EPOLL_CTL.invokeExact(state, epfd, registered ? Libc.EPOLL_CTL_MOD : Libc.EPOLL_CTL_ADD, fd, event);
        } catch (Throwable e) {
            throw new IOException(e);
        }
        if (result < 0) {
            throw new IOException("epoll_ctl: " + Libc.strerror(Libc.errno(state)));
        }
    }

    /** @return how many descriptors are watched */
    int watched() {
        return watchers.size();
    }

    private void run() {
        MemorySegment events = Arena.global().allocate(Libc.EPOLL_EVENT_BYTES * BATCH, 8);
        MemorySegment state = Arena.global().allocate(Libc.ERRNO_BYTES);
        while (true) {
            int count;
            try {
                count = (int) Libc.EPOLL_WAIT.invokeExact(state, epfd, events, BATCH, -1);
            } catch (Throwable e) {
                LOG.error("the process poller failed", e);
                return;
            }
            if (count < 0) {
                if (Libc.errno(state) != Libc.EINTR) {
                    LOG.error("epoll_wait failed: {}", Libc.strerror(Libc.errno(state)));
                    return;
                }
                continue;
            }
            for (int i = 0; i < count; i++) {
                long token = events.get(JAVA_LONG_UNALIGNED, i * Libc.EPOLL_EVENT_BYTES + Libc.EPOLL_DATA_OFFSET);
                Watcher watcher = watchers.get(token);
                if (watcher != null) {
                    try {
                        watcher.ready();
                    } catch (RuntimeException e) {
                        LOG.warn("a process watcher failed", e);
                    }
                }
            }
        }
    }

}
