package dev.claudecode.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A time limit for every wait of the harness: a driver's run goes on a thread of its own, and when
 * it takes longer than its limit the workload fails with a message that names the driver and the
 * last line (or message) it read, instead of the harness hanging on a pipe.
 */
final class Watchdog {

    /** What a driver has read so far; the driver updates it as it reads. */
    static final class Progress {

        private static final int PREVIEW_CHARS = 300;
        private volatile Object last;

        /** @param lineOrMessage the line or message just read; rendered only if the run times out */
        void saw(Object lineOrMessage) {
            last = lineOrMessage;
        }

        String describe() {
            Object seen = last;
            if (seen == null) {
                return "(nothing)";
            }
            String text = String.valueOf(seen);
            return text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) + "…" : text;
        }
    }

    /** A driver's run. */
    @FunctionalInterface
    interface Run<T> {
        /**
         * @param progress where the run records what it read
         * @return the run's result
         * @throws Exception when it fails
         */
        T run(Progress progress) throws Exception;
    }

    private Watchdog() {
    }

    /**
     * Runs one driver's run within a time limit.
     *
     * @param driver names the driver and the workload, for the failure message
     * @param timeout the limit
     * @param run the run
     * @return its result
     * @throws IllegalStateException when it fails or takes too long
     */
    static <T> T within(String driver, Duration timeout, Run<T> run) {
        Progress progress = new Progress();
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = Thread.ofPlatform().daemon().name("bench-" + driver).start(() -> {
            try {
                result.complete(run.run(progress));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            throw new IllegalStateException(driver + ": no result within " + timeout.toSeconds() + " s; the last line it read: "
                    + progress.describe(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(driver + " failed (the last line it read: " + progress.describe() + ")", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(driver + ": interrupted", e);
        }
    }
}
