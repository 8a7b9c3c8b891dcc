package dev.claudecode.internal.process;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Ends a process together with every process it started. */
public final class ProcessTree {

    private ProcessTree() {
    }

    /**
     * Sends the polite termination signal to a process and its descendants, waits up to {@code
     * grace} for the process to exit, then kills whatever of the tree is left.
     *
     * <p>Descendants are collected before the parent is signalled: once the parent is gone they
     * are re-parented and could no longer be found from it.
     *
     * @param process the root of the tree
     * @param grace how long the tree may take to exit after the polite signal
     * @return whether the root process has exited
     */
    public static boolean terminate(ProcessHandle process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        boolean exited = awaitExit(process, grace);
        if (!exited) {
            process.destroyForcibly();
        }
        for (ProcessHandle descendant : descendants) {
            if (descendant.isAlive()) {
                descendant.destroyForcibly();
            }
        }
        return exited || awaitExit(process, Duration.ofSeconds(5));
    }

    /** Kills a process and its descendants at once, without waiting. */
    public static void kill(ProcessHandle process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
