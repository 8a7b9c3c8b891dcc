package dev.claudecode.internal.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short helper command ({@code claude --version}, {@code npm config get}) to completion
 * within a time limit, killing it and its descendants when the limit passes.
 */
public final class BoundedProcess {

    /** Output beyond this is dropped: these commands print a line, a runaway one must not fill the heap. */
    private static final int MAX_OUTPUT = 64 * 1024;

    private BoundedProcess() {
    }

    /**
     * What a finished command did.
     *
     * @param exitCode its exit status
     * @param output what it printed on stdout (and stderr when merged), at most 64 KiB
     */
    public record Result(int exitCode, String output) {
    }

    /**
     * Runs a command and waits for it.
     *
     * @param command the program and its arguments
     * @param directory the working directory, or empty for the current one
     * @param timeout how long it may run
     * @param mergeStderr whether stderr is part of the output (otherwise it is discarded)
     * @return the result, or empty when it did not finish in time (it has been killed then)
     * @throws IOException when the program cannot be started
     * @throws InterruptedException when the calling thread is interrupted (the process is killed)
     */
    public static Optional<Result> run(List<String> command, Optional<Path> directory, Duration timeout,
            boolean mergeStderr) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        directory.ifPresent(dir -> builder.directory(dir.toFile()));
        if (mergeStderr) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        Process process = builder.start();
        Capture capture = new Capture(process.getInputStream());
        Thread reader = Thread.ofVirtual().name("bounded-process-output").start(capture);
        try {
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
            // a grandchild may still hold the pipe open; what the command printed is in by now
            reader.join(Duration.ofSeconds(5));
            return Optional.of(new Result(process.exitValue(), capture.text()));
        } finally {
            kill(process);
            closeQuietly(process.getInputStream());
        }
    }

    private static void kill(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing left to read
        }
    }

    /** Reads a stream to its end, keeping the first {@link #MAX_OUTPUT} bytes. */
    private static final class Capture implements Runnable {

        private final InputStream in;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Capture(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (bytes) {
                        bytes.write(buffer, 0, Math.min(n, MAX_OUTPUT - bytes.size()));
                    }
                }
            } catch (IOException e) {
                // the stream is closed when the process is killed; what was read is kept
            }
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
