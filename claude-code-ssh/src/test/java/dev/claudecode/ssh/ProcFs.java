package dev.claudecode.ssh;

import dev.claudecode.internal.process.ProcessEnvironment;
import dev.claudecode.internal.process.ProcessStat;
import dev.claudecode.testkit.ProcessTable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** What the tests read from Linux's /proc: the "remote" host is this machine. */
public final class ProcFs {

    private ProcFs() {
    }

    /** @return the ids of the live (not zombie) processes in a process group */
    public static List<Long> liveProcessesInGroup(long pgid) {
        List<Long> members = new ArrayList<>();
        for (long pid : ProcessTable.pids()) {
            // state ppid pgrp ...
            List<String> fields = ProcessStat.fields(pid);
            if (fields.size() > 2 && !fields.get(0).equals("Z") && !fields.get(0).equals("X") && Long.parseLong(fields.get(2)) == pgid) {
                members.add(pid);
            }
        }
        return members;
    }

    /**
     * @param variable a {@code NAME=value} entry
     * @return the ids of the live processes whose initial environment holds the entry
     */
    public static List<Long> processesWithEnvironment(String variable) {
        List<Long> found = new ArrayList<>();
        for (long pid : ProcessTable.pids()) {
            if (("\0" + environment(pid)).contains("\0" + variable + "\0")
                    && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                found.add(pid);
            }
        }
        return found;
    }

    /** @return the environment of a process, NUL-separated, or empty when it is gone */
    public static String environment(long pid) {
        return new String(ProcessEnvironment.read(pid), StandardCharsets.UTF_8);
    }

    /** Waits until a condition holds; returns whether it did within the timeout. */
    public static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
