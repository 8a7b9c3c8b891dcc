package dev.claudecode.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Child processes of the harness: read their one answer within a time limit, kill them with their descendants. */
final class Processes {

    private Processes() {
    }

    /**
     * Reads a child's first JSON output line, killing it when it takes longer than {@code timeout}.
     *
     * @return the line
     */
    static String readWithin(BufferedReader out, Process process, Duration timeout) {
        return readWithin(out, process, timeout, "child process " + process.pid());
    }

    /**
     * Reads a child's first JSON output line, killing it when it takes longer than {@code timeout};
     * the failure names the driver and the last line the child wrote.
     *
     * @param driver names the child's driver and workload, for failures
     * @return the line
     */
    static String readWithin(BufferedReader out, Process process, Duration timeout, String driver) {
        java.util.concurrent.atomic.AtomicReference<String> lastLine = new java.util.concurrent.atomic.AtomicReference<>("(nothing)");
        CompletableFuture<String> last = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    lastLine.set(line.length() > 300 ? line.substring(0, 300) + "…" : line);
                    if (line.startsWith("{")) {
                        return line;
                    }
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, runnable -> Thread.ofPlatform().daemon().start(runnable));
        try {
            String answer = last.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                Log.progress("the child process %d did not exit after its answer; killing it", process.pid());
                kill(process);
            }
            if (answer == null) {
                throw new IllegalStateException(driver + " printed no JSON line (exit " + process.exitValue() + "); the last line it wrote: "
                        + lastLine.get());
            }
            return answer;
        } catch (TimeoutException e) {
            kill(process);
            throw new IllegalStateException(driver + ": no result within " + timeout.toSeconds() + " s; the last line it wrote: "
                    + lastLine.get(), e);
        } catch (ExecutionException e) {
            kill(process);
            throw new IllegalStateException("reading " + driver + " failed; the last line it wrote: " + lastLine.get(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Kills a process and everything it started. */
    static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts this harness's main class {@code mainClass} in a fresh JVM with the same class path. */
    static Process startJvm(Class<?> mainClass, java.util.List<String> jvmOptions, String argument) {
        String java = ProcessHandle.current().info().command().orElse("java");
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.add(argument);
        try {
            return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@link #startJvm} and returns the JSON line the child printed last. */
    static String runJvm(Class<?> mainClass, java.util.List<String> jvmOptions, String argument, Duration timeout) {
        Process process = startJvm(mainClass, jvmOptions, argument);
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // nothing to write anyway
        }
        try (BufferedReader out = process.inputReader()) {
            return readWithin(out, process, timeout, "Java SDK (" + mainClass.getSimpleName() + " " + jvmOptions + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
