package dev.claudecode.internal.protocol;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Fails futures that are not completed in time, for every session of the JVM, on one daemon
 * thread.
 *
 * <p>A control round trip is a few hundred microseconds, and every thread that has to run for it
 * waits for a core. {@link CompletableFuture#orTimeout} schedules a task on the JDK's shared timer
 * for every request and cancels it when the answer comes, which wakes the timer's thread for
 * each. Here a request costs an entry in a sorted set, removed when its future completes, and
 * wakes the thread only when its deadline is earlier than every other: with the same timeout for
 * every request, never while earlier requests are pending.
 */
public final class Deadlines {

    private record Entry(long deadline, long sequence, CompletableFuture<?> future, Supplier<? extends Throwable> failure)
            implements Comparable<Entry> {

        @Override
        public int compareTo(Entry other) {
            int byDeadline = Long.compare(deadline - ORIGIN, other.deadline - ORIGIN);
            return byDeadline != 0 ? byDeadline : Long.compare(sequence, other.sequence);
        }
    }

    /** Deadlines are compared relative to this, since {@link System#nanoTime} values may be negative or wrap. */
    private static final long ORIGIN = System.nanoTime();
    private static final ConcurrentSkipListSet<Entry> PENDING = new ConcurrentSkipListSet<>();
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final Thread SWEEPER = Thread.ofPlatform().daemon().name("claude-code-deadlines")
            .stackSize(256 * 1024).unstarted(Deadlines::sweep);
    /** When the sweeper wakes next, relative to {@link #ORIGIN}; {@code Long.MAX_VALUE} when it waits for work. */
    private static volatile long nextWake = Long.MAX_VALUE;

    static {
        SWEEPER.start();
    }

    private Deadlines() {
    }

    /**
     * Completes {@code future} exceptionally with what {@code failure} supplies unless it
     * completes within {@code timeout}.
     *
     * @param future the future to watch
     * @param timeout how long it may take
     * @param failure the exception it fails with when it does not complete in time
     * @param <T> the future's type
     * @return {@code future}
     */
    public static <T> CompletableFuture<T> failAfter(CompletableFuture<T> future, Duration timeout,
            Supplier<? extends Throwable> failure) {
        if (future.isDone()) {
            return future;
        }
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        Entry entry = new Entry(deadline, SEQUENCE.incrementAndGet(), future, failure);
        PENDING.add(entry);
        future.whenComplete((value, error) -> PENDING.remove(entry));
        if (deadline - ORIGIN < nextWake) {
            LockSupport.unpark(SWEEPER);
        }
        return future;
    }

    /** @return how many deadlines are being watched, for tests */
    static int pending() {
        return PENDING.size();
    }

    private static void sweep() {
        while (true) {
            Entry first = firstOrNull();
            long now = System.nanoTime();
            if (first != null && first.deadline() - now <= 0) {
                if (PENDING.remove(first)) {
                    first.future().completeExceptionally(first.failure().get());
                }
                continue;
            }
            long wake = first == null ? Long.MAX_VALUE : first.deadline() - ORIGIN;
            nextWake = wake;
            // a deadline added before nextWake was set may be earlier than it: look once more
            Entry again = firstOrNull();
            if (again != null && again.deadline() - ORIGIN < wake) {
                continue;
            }
            if (first == null) {
                LockSupport.park(Deadlines.class);
            } else {
                LockSupport.parkNanos(Deadlines.class, first.deadline() - now);
            }
        }
    }

    private static Entry firstOrNull() {
        try {
            return PENDING.first();
        } catch (java.util.NoSuchElementException e) {
            return null;
        }
    }
}
