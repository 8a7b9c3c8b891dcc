package dev.claudecode.internal.store;

import dev.claudecode.errors.SessionStoreException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls into a session store with a time limit. A store is the application's code and may hang;
 * the call runs on a virtual thread of its own, and the caller stops waiting at the limit (the call
 * itself may still finish later: a store has no way to be cancelled).
 */
final class StoreCalls {

    /** A call that did not finish in time. */
    static final class TimedOut extends SessionStoreException {
        private static final long serialVersionUID = 1L;

        TimedOut(String message) {
            super(message);
        }
    }

    private StoreCalls() {
    }

    /**
     * Runs a call and waits for it at most {@code timeout}.
     *
     * @param what the call, for messages ({@code SessionStore.load(key)})
     * @param timeout the limit
     * @param call the call
     * @param <T> what it returns
     * @return what it returned
     * @throws TimedOut when it did not finish in time
     * @throws SessionStoreException when it failed, with its failure as cause (unchecked failures
     *     that are already {@code SessionStoreException}s are thrown as they are)
     */
    static <T> T call(String what, Duration timeout, Callable<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofVirtual().name("claude-code-store-call").start(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new TimedOut(what + " did not finish within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionStoreException("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SessionStoreException failure) {
                throw failure;
            }
            throw new SessionStoreException(what + " failed: " + cause, cause);
        }
    }
}
