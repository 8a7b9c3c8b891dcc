package dev.claudecode.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The processes of this machine as Linux's {@code /proc} lists them, for tests that check what
 * other processes see: their ids and their arguments. Processes come and go while it is read: one
 * that has gone has no arguments.
 */
public final class ProcessTable {

    private static final Path PROC = Path.of("/proc");

    private ProcessTable() {
    }

    /**
     * {@return the ids of every process on the machine}
     *
     * @throws UncheckedIOException when {@code /proc} cannot be listed
     */
    public static List<Long> pids() {
        try (Stream<Path> entries = Files.list(PROC)) {
            return entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + PROC, e);
        }
    }

    /**
     * {@return a process's arguments from {@code /proc/<pid>/cmdline}, the program first; empty when
     * the process is gone, is a kernel thread or cannot be read}
     *
     * @param pid the process
     */
    public static List<String> arguments(long pid) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline"));
        } catch (IOException e) {
            return List.of();
        }
        if (raw.length == 0) {
            return List.of();
        }
        return Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
    }
}
