package dev.claudecode.internal.observe;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a session's observer events one at a time, in the order they came, on a virtual thread that
 * exists only while events wait. It holds at most a fixed number of events: a reader thread hands
 * events over and never waits, so when observers fall that far behind, new events are dropped
 * (with one warning) rather than let memory grow.
 */
final class EventQueue {

    private static final Logger LOG = LoggerFactory.getLogger(EventQueue.class);

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Queue<Runnable> events = new ArrayDeque<>();
    private final AtomicBoolean warned = new AtomicBoolean();
    private boolean running;

    EventQueue(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Queues an event.
     *
     * @param event what to run; it must not throw
     */
    void add(Runnable event) {
        lock.lock();
        try {
            if (events.size() >= capacity) {
                if (warned.compareAndSet(false, true)) {
                    LOG.warn("session observers are {} events behind; further events are dropped", capacity);
                }
                return;
            }
            events.add(event);
            if (running) {
                return;
            }
            running = true;
        } finally {
            lock.unlock();
        }
        Thread.ofVirtual().name("claude-code-observers").start(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable event;
            lock.lock();
            try {
                event = events.poll();
                if (event == null) {
                    running = false;
                    return;
                }
            } finally {
                lock.unlock();
            }
            try {
                event.run();
            } catch (RuntimeException e) {
                LOG.debug("a session observer event failed", e);
            }
        }
    }
}
