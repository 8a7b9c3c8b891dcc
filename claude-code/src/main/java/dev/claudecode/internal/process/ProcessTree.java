package dev.claudecode.internal.process;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

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
        return terminate(process, process.onExit(), process::isAlive, grace);
    }

    /**
     * Does what {@link #terminate(ProcessHandle, Duration)} does for a process whose exit is
     * watched elsewhere: its handle's own {@link ProcessHandle#onExit()} would start a JDK thread
     * to wait for it.
     *
     * @param process the root of the tree
     * @param exit completes when the root has exited
     * @param alive whether the root still runs
     * @param grace how long the tree may take to exit after the polite signal
     * @return whether the root process has exited
     */
    public static boolean terminate(ProcessHandle process, Future<?> exit, BooleanSupplier alive, Duration grace) {
        List<ProcessHandle> descendants = alive.getAsBoolean() ? descendantsOf(process) : List.of();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        boolean exited = awaitExit(exit, alive, grace);
        if (!exited) {
            process.destroyForcibly();
        }
        for (ProcessHandle descendant : descendants) {
            if (descendant.isAlive()) {
                descendant.destroyForcibly();
            }
        }
        return exited || awaitExit(exit, alive, Duration.ofSeconds(5));
    }

    /** Kills a process and its descendants at once, without waiting. */
    public static void kill(ProcessHandle process) {
        List<ProcessHandle> descendants = descendantsOf(process);
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * An exited process has no descendants left to find: they were re-parented. Asking anyway is
     * wrong, not just useless: the JDK matches a parent by its id alone, so once the id names a
     * new process, the exited one's handle reports the new one's children as its own.
     */
    private static List<ProcessHandle> descendantsOf(ProcessHandle process) {
        return process.isAlive() ? process.descendants().toList() : List.of();
    }

    /**
     * Kills every process whose environment carries {@code name=value}, with its descendants. A
     * process that a killed CLI started in a session of its own (as the CLI's Bash tool does) is
     * re-parented when the CLI dies and can no longer be found from it; the variable it inherited
     * still names it. Works where {@code /proc} exists (Linux); elsewhere it finds nothing.
     *
     * @param name the variable's name
     * @param value the variable's value, unique to one launch
     * @return how many processes were found and killed
     */
    public static int killTagged(String name, String value) {
        if (!Files.isDirectory(Path.of("/proc"))) {
            return 0;
        }
        byte[] entry = (name + "=" + value).getBytes(StandardCharsets.UTF_8);
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> tagged = ProcessHandle.allProcesses()
                .filter(process -> process.pid() != self && carries(ProcessEnvironment.read(process.pid()), entry))
                .toList();
        tagged.forEach(ProcessTree::kill);
        return tagged.size();
    }

    private static boolean carries(byte[] environment, byte[] entry) {
        // entries are NUL-separated: match a whole entry, not a suffix of a longer one
        outer:
        for (int start = 0; start + entry.length <= environment.length; ) {
            for (int i = 0; i < entry.length; i++) {
                if (environment[start + i] != entry[i]) {
                    int nul = indexOfNul(environment, start);
                    start = nul < 0 ? environment.length : nul + 1;
                    continue outer;
                }
            }
            int end = start + entry.length;
            if (end == environment.length || environment[end] == 0) {
                return true;
            }
            int nul = indexOfNul(environment, start);
            start = nul < 0 ? environment.length : nul + 1;
        }
        return false;
    }

    private static int indexOfNul(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean awaitExit(Future<?> exit, BooleanSupplier alive, Duration timeout) {
        return !alive.getAsBoolean() || ExitWait.await(exit, alive, timeout);
    }
}
