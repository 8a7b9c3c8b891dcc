package dev.claudecode.internal.session;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time in submission order, each batch on a fresh virtual thread (or, through
 * {@link #runOrExecute}, on the caller's), and holds no thread while idle. A task that throws is
 * logged and does not stop later tasks.
 */
public final class SerialExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    /**
     * Creates an executor.
     *
     * @param name the name of its threads
     */
    public SerialExecutor(String name) {
        this.name = name;
    }

    @Override
    public void execute(Runnable task) {
        lock.lock();
        try {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        } finally {
            lock.unlock();
        }
        Thread.ofVirtual().name(name).start(this::drain);
    }

    /**
     * Runs a task on the calling thread when nothing runs or waits, else queues it like {@link
     * #execute}. Tasks queued meanwhile go on on a thread of their own.
     *
     * @param task the task
     */
    public void runOrExecute(Runnable task) {
        lock.lock();
        try {
            if (running) {
                tasks.add(task);
                return;
            }
            running = true;
        } finally {
            lock.unlock();
        }
        run(task);
        lock.lock();
        try {
            if (tasks.isEmpty()) {
                running = false;
                return;
            }
        } finally {
            lock.unlock();
        }
        Thread.ofVirtual().name(name).start(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable task;
            lock.lock();
            try {
                task = tasks.poll();
                if (task == null) {
                    running = false;
                    return;
                }
            } finally {
                lock.unlock();
            }
            run(task);
        }
    }

    private void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("a {} task failed", name, e);
        }
    }
}
