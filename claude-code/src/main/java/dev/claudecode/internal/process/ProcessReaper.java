package dev.claudecode.internal.process;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers every CLI process this JVM started and kills what is left of them when the JVM exits,
 * so that no CLI outlives the program that started it.
 */
public final class ProcessReaper {

    private static final Set<ProcessHandle> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::reapAll, "claude-code-reaper"));
    }

    private ProcessReaper() {
    }

    /**
     * Tracks a process until it exits.
     *
     * @param process the process to reap at JVM exit if still alive
     */
    public static void track(ProcessHandle process) {
        track(process, process.onExit());
    }

    /**
     * Tracks a process whose exit is watched elsewhere (asking its handle would start a JDK
     * thread to wait for it).
     *
     * @param process the process to reap at JVM exit if still alive
     * @param exit completes when it has exited
     */
    public static void track(ProcessHandle process, java.util.concurrent.CompletableFuture<?> exit) {
        LIVE.add(process);
        exit.whenComplete((status, error) -> LIVE.remove(process));
    }

    /** @return how many tracked processes are alive */
    public static int liveCount() {
        LIVE.removeIf(p -> !p.isAlive());
        return LIVE.size();
    }

    private static void reapAll() {
        for (ProcessHandle process : LIVE) {
            if (process.isAlive()) {
                ProcessTree.kill(process);
            }
        }
    }
}
