package dev.claudecode.internal.node;

import dev.claudecode.errors.ClaudeCodeException;
import dev.claudecode.transport.CliProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the small POSIX shell scripts of {@link CommandFileSystemProvider}: paths travel as
 * positional parameters, never inside the script, so no file name is ever interpreted by the
 * shell. A script reports a well-known failure with an exit status of its own, which becomes the
 * matching {@link FileSystemException}.
 */
final class ShellCommands {

    /** Exit statuses the scripts use for failures that have an exception of their own. */
    static final int NO_SUCH_FILE = 3;
    static final int NOT_DIRECTORY = 4;
    static final int IS_DIRECTORY = 5;
    static final int ALREADY_EXISTS = 6;
    static final int NOT_EMPTY = 7;
    static final int ACCESS_DENIED = 8;
    static final int NOT_LINK = 9;

    /** The most output a non-streaming script may produce: directory listings, stat lines. */
    private static final int MAX_OUTPUT = 64 * 1024 * 1024;
    private static final Duration KILL_GRACE = Duration.ofSeconds(1);

    private final CommandRunner runner;
    private final Duration timeout;

    ShellCommands(CommandRunner runner, Duration timeout) {
        this.runner = runner;
        this.timeout = timeout;
    }

    /**
     * Runs a script to its end.
     *
     * @param script the script; {@code $1}, {@code $2} are the arguments
     * @param arguments its positional parameters
     * @return its standard output
     * @throws IOException when it fails; a well-known exit status gives its own exception, about {@code arguments[0]}
     */
    byte[] run(String script, String... arguments) throws IOException {
        CliProcess process = start(script, arguments);
        closeQuietly(process.stdin());
        Capture stdout = new Capture(process.stdout());
        Capture stderr = new Capture(process.stderr());
        int status = await(process, arguments);
        stdout.join();
        stderr.join();
        if (status != 0) {
            throw failure(status, stderr.text(), arguments);
        }
        return stdout.bytes();
    }

    /**
     * Starts a script whose streams the caller uses.
     *
     * @param script the script
     * @param arguments its positional parameters
     * @return the running script
     * @throws IOException when it cannot be started
     */
    CliProcess start(String script, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", script, "sh"));
        command.addAll(List.of(arguments));
        try {
            return runner.start(command, Map.of(), Optional.empty());
        } catch (ClaudeCodeException e) {
            throw new IOException("cannot run a file command: " + e.getMessage(), e);
        }
    }

    /**
     * Waits for a started script to end, within the timeout.
     *
     * @param process the script
     * @param arguments its parameters, for the error message
     * @return its exit status
     * @throws IOException when it runs past the timeout (it is killed) or the wait is interrupted
     */
    int await(CliProcess process, String... arguments) throws IOException {
        try {
            return process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            process.terminate(KILL_GRACE);
            throw new IOException("a file command on " + String.join(" ", arguments) + " ran longer than " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            process.terminate(KILL_GRACE);
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted during a file command on " + String.join(" ", arguments));
        } catch (ExecutionException e) {
            throw new IOException("a file command on " + String.join(" ", arguments) + " failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * The exception for a failed script.
     *
     * @param status its exit status
     * @param stderr what it printed on stderr
     * @param arguments its parameters; the first is the file the failure is about
     * @return the exception
     */
    static IOException failure(int status, String stderr, String... arguments) {
        String file = arguments.length > 0 ? arguments[0] : null;
        String other = arguments.length > 1 ? arguments[1] : null;
        String reason = stderr.isBlank() ? null : stderr.strip();
        return switch (status) {
            case NO_SUCH_FILE -> new NoSuchFileException(file, other, reason);
            case NOT_DIRECTORY -> new NotDirectoryException(file);
            case IS_DIRECTORY -> new FileSystemException(file, other, "is a directory");
            case ALREADY_EXISTS -> new FileAlreadyExistsException(other != null ? other : file);
            case NOT_EMPTY -> new DirectoryNotEmptyException(file);
            case ACCESS_DENIED -> new AccessDeniedException(file, other, reason);
            case NOT_LINK -> new NotLinkException(file);
            default -> new FileSystemException(file, other, "exit status " + status + (reason == null ? "" : ": " + reason));
        };
    }

    static void closeQuietly(OutputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // the command no longer reads: nothing to tell it
        }
    }

    /** Drains one stream of a script on a virtual thread, keeping at most {@link #MAX_OUTPUT} bytes. */
    private static final class Capture {

        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private final Thread thread;

        Capture(InputStream in) {
            this.thread = Thread.ofVirtual().name("command-fs-io").start(() -> copy(in));
        }

        private void copy(InputStream in) {
            byte[] buffer = new byte[8192];
            try (in) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    synchronized (bytes) {
                        int room = MAX_OUTPUT - bytes.size();
                        bytes.write(buffer, 0, Math.max(0, Math.min(room, read)));
                    }
                }
            } catch (IOException e) {
                // the command ended or its stream went away: what was read is kept
            }
        }

        void join() throws IOException {
            try {
                if (!thread.join(Duration.ofSeconds(5))) {
                    throw new IOException("the output of a file command did not end");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while reading a file command's output");
            }
        }

        byte[] bytes() {
            synchronized (bytes) {
                return bytes.toByteArray();
            }
        }

        String text() {
            return new String(bytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
