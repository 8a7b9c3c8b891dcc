package dev.claudecode.internal.history;

import dev.claudecode.errors.HistoryException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Runs file reads on virtual threads, a bounded number at a time. On a local disk this hardly
 * matters; on a remote file system (SFTP) each read waits for round trips, and overlapping them
 * is what keeps a listing of a thousand sessions fast.
 */
final class Parallel {

    /** How many reads run at once. */
    static final int CONCURRENCY = 16;

    /** A function that may fail with an {@link IOException}. */
    @FunctionalInterface
    interface IoFunction<T, R> {
        R apply(T value) throws IOException;
    }

    private Parallel() {
    }

    /**
     * Applies a function to every item and returns the results in item order.
     *
     * @param items the inputs
     * @param function the work for one input
     * @param <T> the input type
     * @param <R> the result type
     * @return the results
     * @throws HistoryException when a call fails or the calling thread is interrupted (its flag stays set)
     */
    static <T, R> List<R> map(List<T> items, IoFunction<T, R> function) {
        if (items.size() <= 1) {
            List<R> results = new ArrayList<>(items.size());
            for (T item : items) {
                results.add(call(function, item));
            }
            return results;
        }
        Semaphore permits = new Semaphore(CONCURRENCY);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        return call(function, item);
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<R> results = new ArrayList<>(items.size());
            try {
                for (Future<R> future : futures) {
                    results.add(future.get());
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
                throw new HistoryException("interrupted while reading session files", e);
            } catch (ExecutionException e) {
                executor.shutdownNow();
                throw e.getCause() instanceof RuntimeException runtime
                        ? runtime
                        : new HistoryException("reading session files failed", e.getCause());
            }
            return results;
        }
    }

    private static <T, R> R call(IoFunction<T, R> function, T item) {
        try {
            return function.apply(item);
        } catch (IOException e) {
            throw new HistoryException("reading session files failed: " + e, e);
        }
    }
}
