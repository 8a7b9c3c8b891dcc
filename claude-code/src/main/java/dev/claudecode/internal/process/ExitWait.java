package dev.claudecode.internal.process;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Waits, for a bounded time, for a process to exit. */
public final class ExitWait {

    private ExitWait() {
    }

    /**
     * Waits up to {@code timeout} for a process's exit future. An interrupt ends the wait at once
     * and keeps the thread's interrupt flag; then, as when the future fails, the answer is whether
     * the process is gone by now.
     *
     * @param exit completes when the process has exited
     * @param alive whether the process still runs
     * @param timeout how long to wait at most
     * @return whether the process has exited
     */
    public static boolean await(Future<?> exit, BooleanSupplier alive, Duration timeout) {
        try {
            exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !alive.getAsBoolean();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !alive.getAsBoolean();
        }
    }
}
