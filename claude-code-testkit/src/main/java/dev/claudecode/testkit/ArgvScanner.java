package dev.claudecode.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches every process's arguments on this machine ({@code /proc/<pid>/cmdline}) for secrets, scan
 * after scan on a thread of its own, until {@link #stop() stopped}: a test starts it, runs the code
 * that must keep the secrets off every command line, stops it and asserts that {@link #leaks()} is
 * empty and that {@link #scans()} ran often enough to have seen the processes.
 *
 * <pre>{@code
 * ArgvScanner scanner = ArgvScanner.start(List.of(secret));
 * try {
 *     // start the session that is handed the secret
 * } finally {
 *     scanner.stop();
 * }
 * assertThat(scanner.leaks()).isEmpty();
 * assertThat(scanner.scans()).isGreaterThan(3);
 * }</pre>
 */
public final class ArgvScanner {

    /** The pause between two scans when none is given. */
    public static final Duration DEFAULT_PAUSE = Duration.ofMillis(20);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final List<String> secrets;
    private final Duration pause;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<String> leaks = Collections.synchronizedList(new ArrayList<>());
    private final Set<Long> seen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger scans = new AtomicInteger();
    private final Thread thread;

    private ArgvScanner(List<String> secrets, Duration pause) {
        this.secrets = secrets;
        this.pause = pause;
        this.thread = Thread.ofPlatform().daemon().name("argv-scanner").start(this::scan);
    }

    /**
     * Starts scanning, with {@link #DEFAULT_PAUSE} between two scans.
     *
     * @param secrets the texts no process's arguments may hold
     * @return the running scanner
     */
    public static ArgvScanner start(Collection<String> secrets) {
        return start(secrets, DEFAULT_PAUSE);
    }

    /**
     * Starts scanning.
     *
     * @param secrets the texts no process's arguments may hold; none may be empty
     * @param pause how long to wait between two scans (a command line lives as long as its
     *     process: a short pause misses none but the briefest)
     * @return the running scanner
     * @throws IllegalArgumentException when a secret is empty or the pause is negative
     */
    public static ArgvScanner start(Collection<String> secrets, Duration pause) {
        List<String> copy = List.copyOf(secrets);
        if (copy.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        if (Objects.requireNonNull(pause, "pause").isNegative()) {
            throw new IllegalArgumentException("the pause must not be negative: " + pause);
        }
        return new ArgvScanner(copy, pause);
    }

    private void scan() {
        while (running.get()) {
            for (long pid : ProcessTable.pids()) {
                List<String> argv = ProcessTable.arguments(pid);
                if (argv.isEmpty()) {
                    continue;
                }
                seen.add(pid);
                String joined = String.join(" ", argv);
                if (secrets.stream().anyMatch(joined::contains)) {
                    leaks.add(pid + ": " + argv);
                }
            }
            scans.incrementAndGet();
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Stops scanning and waits for the scan under way to end.
     *
     * @throws InterruptedException when interrupted while waiting
     * @throws IllegalStateException when the scan does not end within 5 s
     */
    public void stop() throws InterruptedException {
        running.set(false);
        if (!thread.join(STOP_TIMEOUT)) {
            thread.interrupt();
            throw new IllegalStateException("the argv scanner did not stop within " + STOP_TIMEOUT.toSeconds() + " s");
        }
    }

    /** {@return the command lines that held a secret, each as {@code <pid>: [arguments]}} */
    public List<String> leaks() {
        synchronized (leaks) {
            return List.copyOf(leaks);
        }
    }

    /** {@return how many times every process was scanned so far} */
    public int scans() {
        return scans.get();
    }

    /** {@return how many different processes with arguments the scans saw} */
    public int processes() {
        return seen.size();
    }
}
