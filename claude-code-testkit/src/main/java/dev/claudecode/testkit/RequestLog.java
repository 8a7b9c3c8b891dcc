package dev.claudecode.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Every request a {@link FakeClaudeApi} received, in arrival order. Thread-safe: the server
 * appends while a test reads or waits.
 */
public final class RequestLog {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private int nextIndex;

    RequestLog() {
    }

    /**
     * Appends a request built with the next index.
     *
     * @param factory builds the request from its index
     * @return the recorded request
     */
    RecordedRequest append(IntFunction<RecordedRequest> factory) {
        lock.lock();
        try {
            RecordedRequest request = factory.apply(nextIndex++);
            requests.add(request);
            changed.signalAll();
            return request;
        } finally {
            lock.unlock();
        }
    }

    /** @return a snapshot of all requests, oldest first */
    public List<RecordedRequest> all() {
        return matching(request -> true);
    }

    /** @return a snapshot of the main-loop {@code /v1/messages} requests, oldest first */
    public List<RecordedRequest> main() {
        return matching(RecordedRequest::isMain);
    }

    /** @return a snapshot of the side {@code /v1/messages} requests (title and others), oldest first */
    public List<RecordedRequest> side() {
        return matching(RecordedRequest::isSide);
    }

    /**
     * A snapshot of the requests that match a condition.
     *
     * @param condition which requests to keep
     * @return the matching requests, oldest first
     */
    public List<RecordedRequest> matching(Predicate<? super RecordedRequest> condition) {
        lock.lock();
        try {
            return requests.stream().filter(condition).toList();
        } finally {
            lock.unlock();
        }
    }

    /** @return how many requests are in the log */
    public int size() {
        lock.lock();
        try {
            return requests.size();
        } finally {
            lock.unlock();
        }
    }

    /** @return the newest request, when there is one */
    public Optional<RecordedRequest> last() {
        List<RecordedRequest> all = all();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    /** @return the newest main-loop request, when there is one */
    public Optional<RecordedRequest> lastMain() {
        List<RecordedRequest> main = main();
        return main.isEmpty() ? Optional.empty() : Optional.of(main.getLast());
    }

    /**
     * Waits until the log holds at least {@code count} requests.
     *
     * @param count how many requests to wait for
     * @param timeout the longest wait
     * @return a snapshot of all requests
     * @throws AssertionError on timeout, listing what did arrive
     */
    public List<RecordedRequest> await(int count, Duration timeout) {
        return await(request -> true, count, timeout);
    }

    /**
     * Waits until the log holds at least {@code count} main-loop requests.
     *
     * @param count how many main requests to wait for
     * @param timeout the longest wait
     * @return a snapshot of the main requests
     * @throws AssertionError on timeout, listing what did arrive
     */
    public List<RecordedRequest> awaitMain(int count, Duration timeout) {
        return await(RecordedRequest::isMain, count, timeout);
    }

    /**
     * Waits until at least {@code count} requests match a condition.
     *
     * @param condition which requests count
     * @param count how many to wait for
     * @param timeout the longest wait
     * @return a snapshot of the matching requests
     * @throws AssertionError on timeout, listing what did arrive
     * @throws IllegalStateException when the waiting thread is interrupted (its flag stays set)
     */
    public List<RecordedRequest> await(Predicate<? super RecordedRequest> condition, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                List<RecordedRequest> found = requests.stream().filter(condition).toList();
                if (found.size() >= count) {
                    return found;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " matching requests within " + timeout
                            + " but " + found.size() + " matched; all requests: " + requests);
                }
                changed.awaitNanos(Math.min(left, TimeUnit.SECONDS.toNanos(1)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for requests", e);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets all requests; indices keep counting up. */
    public void clear() {
        lock.lock();
        try {
            requests.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** @return the requests, one summary each */
    @Override
    public String toString() {
        return all().toString();
    }
}
