package dev.claudecode.internal.transport;

import dev.claudecode.transport.CliProcess;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The CLI processes a transport has launched and that still run, oldest first: each leaves the
 * list when it exits.
 *
 * @param <P> the transport's process type
 */
public final class LaunchedProcesses<P extends CliProcess> {

    private final List<P> processes = new CopyOnWriteArrayList<>();

    /**
     * Keeps a process until it exits.
     *
     * @param process a process just launched
     * @return the process
     */
    public P add(P process) {
        processes.add(process);
        process.onExit().whenComplete((status, failure) -> processes.remove(process));
        return process;
    }

    /** {@return the newest process that still runs} */
    public Optional<P> newest() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            P process = processes.get(i);
            if (process.isAlive()) {
                return Optional.of(process);
            }
        }
        return Optional.empty();
    }

    /**
     * Terminates every process, one after the other.
     *
     * @param grace each one's time between the polite and the forced step
     */
    public void terminateAll(Duration grace) {
        for (P process : processes) {
            process.terminate(grace);
        }
    }
}
