package dev.claudecode.internal.control;

import dev.claudecode.errors.ClaudeCodeException;
import dev.claudecode.errors.ControlException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Waits for a control answer on the caller's thread and turns its failure into the library's
 * exceptions: a {@link ClaudeCodeException} is rethrown as it is, anything else becomes a
 * {@link ControlException}. The wait always ends: every future given here has a timeout.
 */
public final class Await {

    private Await() {
    }

    /**
     * @param answer the pending answer
     * @param subtype the request's subtype, for messages
     * @param <T> the answer's type
     * @return the answer
     * @throws ClaudeCodeException when the request failed, timed out, or the waiting thread was
     *     interrupted (its interrupt flag is then set again)
     */
    public static <T> T answer(CompletableFuture<T> answer, String subtype) {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlException(subtype, "interrupted while waiting for the answer", e);
        } catch (CancellationException e) {
            throw new ControlException(subtype, "cancelled", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ClaudeCodeException failure) {
                throw failure;
            }
            throw new ControlException(subtype, String.valueOf(cause), cause);
        }
    }
}
