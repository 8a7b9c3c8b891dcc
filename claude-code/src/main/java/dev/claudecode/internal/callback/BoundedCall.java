package dev.claudecode.internal.callback;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.claudecode.observe.Observation;

/**
 * Runs user code on a virtual thread of its own while the thread answering the CLI waits for it
 * with a deadline. The answering thread therefore always regains control: at the deadline, or
 * when it is interrupted because the CLI cancelled the request, it cancels the call (setting its
 * flag, then interrupting its thread) and goes on, even if the user code ignores interruption.
 */
final class BoundedCall {

    private BoundedCall() {
    }

    /**
     * Runs {@code body} and waits for it.
     *
     * @param threadName the name of the thread that runs the code
     * @param timeout how long to wait
     * @param cancelled set just before the call is abandoned, for code that polls it
     * @param body the user code
     * @param <T> what it returns
     * @return what it returned
     * @throws InterruptedException when the waiting thread was interrupted (the call is cancelled)
     * @throws TimeoutException when the deadline passed (the call is cancelled)
     * @throws ExecutionException wrapping what the user code threw
     */
    static <T> T run(String threadName, Duration timeout, AtomicBoolean cancelled, Callable<T> body)
            throws InterruptedException, TimeoutException, ExecutionException {
        return run(threadName, timeout, cancelled, Observation.none(), body);
    }

    /**
     * Runs {@code body} within an observation, opened on the thread that runs it, and waits for it.
     *
     * @param threadName the name of the thread that runs the code
     * @param timeout how long to wait
     * @param cancelled set just before the call is abandoned, for code that polls it
     * @param within the callback's observation, current while the user code runs
     * @param body the user code
     * @param <T> what it returns
     * @return what it returned
     * @throws InterruptedException when the waiting thread was interrupted (the call is cancelled)
     * @throws TimeoutException when the deadline passed (the call is cancelled)
     * @throws ExecutionException wrapping what the user code threw
     */
    static <T> T run(String threadName, Duration timeout, AtomicBoolean cancelled, Observation<?> within,
            Callable<T> body) throws InterruptedException, TimeoutException, ExecutionException {
        FutureTask<T> task = new FutureTask<>(() -> {
            try (Observation.Scope scope = within.open()) {
                return body.call();
            }
        });
        Thread.ofVirtual().name(threadName).start(task);
        try {
            return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException | TimeoutException e) {
            cancelled.set(true);
            task.cancel(true);
            throw e;
        }
    }
}
