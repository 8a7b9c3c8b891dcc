package dev.claudecode.ssh;

import dev.claudecode.internal.process.ProcessEnvironment;
import dev.claudecode.internal.process.ProcessStat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** What the tests read from Linux's /proc: the "remote" host is this machine. */
public final class ProcFs {

    private static final Path PROC = Path.of("/proc");

    private ProcFs() {
    }

    /** @return the ids of the live (not zombie) processes in a process group */
    public static List<Long> liveProcessesInGroup(long pgid) {
        List<Long> members = new ArrayList<>();
        for (Path entry : processDirectories()) {
            long pid = Long.parseLong(entry.getFileName().toString());
            // state ppid pgrp ...
            List<String> fields = ProcessStat.fields(pid);
            if (fields.size() > 2 && !fields.get(0).equals("Z") && !fields.get(0).equals("X") && Long.parseLong(fields.get(2)) == pgid) {
                members.add(pid);
            }
        }
        return members;
    }

    /** @return the command lines (NULs shown as spaces) of all processes that contain the text */
    public static List<String> commandLinesContaining(String text) {
        List<String> found = new ArrayList<>();
        for (Path entry : processDirectories()) {
            String cmdline = read(entry.resolve("cmdline"));
            if (cmdline.contains(text)) {
                found.add(entry.getFileName() + ": " + cmdline.replace('\0', ' '));
            }
        }
        return found;
    }

    /**
     * @param variable a {@code NAME=value} entry
     * @return the ids of the live processes whose initial environment holds the entry
     */
    public static List<Long> processesWithEnvironment(String variable) {
        List<Long> found = new ArrayList<>();
        for (Path entry : processDirectories()) {
            long pid = Long.parseLong(entry.getFileName().toString());
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

    private static List<Path> processDirectories() {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(PROC, path -> path.getFileName().toString().chars().allMatch(Character::isDigit))) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return entries;
    }

    // processes come and go while /proc is read
    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
