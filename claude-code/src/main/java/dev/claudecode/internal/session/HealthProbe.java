package dev.claudecode.internal.session;

import dev.claudecode.control.Health;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Tells a session's {@link Health} from its state, without touching the CLI. */
public final class HealthProbe {

    private HealthProbe() {
    }

    /**
     * @param stopped whether the session is stopped
     * @param launching whether a CLI is being launched right now
     * @param live the current CLI, or null when none runs
     * @param lastFailure why the last CLI exited unexpectedly, or null when it did not
     * @return the health
     */
    public static Health assess(boolean stopped, boolean launching, LiveConnection live, RuntimeException lastFailure) {
        if (stopped) {
            return Health.of(Health.Reason.STOPPED, "the session is stopped", OptionalLong.empty());
        }
        if (launching && (live == null || !live.connection().isAlive())) {
            return Health.of(Health.Reason.STARTING, "launching the CLI", OptionalLong.empty());
        }
        if (live == null) {
            if (lastFailure != null) {
                return Health.of(Health.Reason.PROCESS_DEAD,
                        lastFailure.getMessage() + "; the next turn or control call starts a new CLI", OptionalLong.empty());
            }
            return Health.of(Health.Reason.IDLE, "no CLI runs; the next turn starts one", OptionalLong.empty());
        }
        CliConnection connection = live.connection();
        OptionalLong pid = connection.pid();
        if (!connection.isAlive()) {
            return Health.of(Health.Reason.PROCESS_DEAD, "the CLI" + pidText(pid) + " has exited", pid);
        }
        CompletableFuture<InitializeAnswer> initialized = live.initialized();
        if (!initialized.isDone()) {
            return Health.of(Health.Reason.INITIALIZING, "the CLI" + pidText(pid) + " runs; its answer to initialize is pending", pid);
        }
        if (initialized.isCompletedExceptionally()) {
            return Health.of(Health.Reason.INITIALIZE_FAILED, "initialize failed: " + failureOf(initialized), pid);
        }
        return Health.of(Health.Reason.READY, "the CLI" + pidText(pid) + " runs and is initialized", pid);
    }

    private static String pidText(OptionalLong pid) {
        return pid.isPresent() ? " (pid " + pid.getAsLong() + ")" : "";
    }

    private static String failureOf(CompletableFuture<?> future) {
        try {
            future.join();
            return "";
        } catch (CompletionException e) {
            return e.getCause() == null ? e.toString() : e.getCause().getMessage();
        } catch (java.util.concurrent.CancellationException e) {
            return "cancelled";
        }
    }
}
