package dev.claudecode.internal.session;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ends a CLI that goes quiet during a turn: one virtual thread per turn wakes when the inactivity
 * timeout would pass, and if the CLI has shown no sign of life since (see {@link OutputClock}),
 * ends it with an {@link dev.claudecode.errors.InactivityTimeoutException}, which fails the turn. The
 * clock starts when the turn's user message is written; the start-up handshake and the time the
 * library spends answering the CLI do not count. The thread ends with the turn.
 */
public final class InactivityWatchdog {

    private final Turn turn;
    private final LiveConnection live;
    private final long limitNanos;
    private final long startedAt = System.nanoTime();

    private InactivityWatchdog(Turn turn, LiveConnection live, Duration limit) {
        this.turn = turn;
        this.live = live;
        this.limitNanos = limit.toNanos();
    }

    /**
     * Watches a turn that was just written to a CLI.
     *
     * @param turn the turn
     * @param live the CLI it was written to
     * @param limit the longest quiet stretch allowed
     */
    public static void watch(Turn turn, LiveConnection live, Duration limit) {
        InactivityWatchdog watchdog = new InactivityWatchdog(turn, live, limit);
        Thread.ofVirtual().name("claude-code-inactivity-" + live.connection().pid().orElse(0)).start(watchdog::run);
    }

    private void run() {
        try {
            awaitHandshake();
            while (live.connection().isAlive()) {
                OutputClock clock = live.connection().clock();
                long quietSince = Math.max(startedAt, clock.lastSign());
                long remaining = quietSince + limitNanos - System.nanoTime();
                if (clock.isAnswering()) {
                    // the CLI waits for us: look again once the answer is likely out
                    remaining = limitNanos;
                } else if (remaining <= 0) {
                    if (!turn.awaitDone(Duration.ZERO)) {
                        live.connection().endInactive(Duration.ofNanos(limitNanos));
                    }
                    return;
                }
                if (turn.awaitDone(Duration.ofNanos(remaining))) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A CLI still starting is not quiet: its handshake has a timeout of its own. */
    private void awaitHandshake() throws InterruptedException {
        while (!live.initialized().isDone()) {
            try {
                live.initialized().get(limitNanos, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (turn.awaitDone(Duration.ZERO)) {
                    return;
                }
            } catch (java.util.concurrent.ExecutionException e) {
                return; // the failed handshake fails the turn
            }
        }
    }
}
