package dev.claudecode.internal.node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * For commands started where nothing can signal them (a container's exec, a pod's exec): the
 * command is wrapped in a shell that first prints its process id on stderr, then {@code exec}s
 * the command, which keeps that id. This stream is the command's stderr without that first line,
 * whose id it reads at once (a terminate may need it before anyone reads stderr).
 */
public final class PidLine extends InputStream {

    /** Prints the shell's id, which the command keeps, then runs the command ({@code $1...}). */
    public static final String SCRIPT = "echo $$ >&2; exec \"$@\"";

    private final InputStream in;
    private final CompletableFuture<Long> pid = new CompletableFuture<>();
    private final CountDownLatch headerRead = new CountDownLatch(1);

    /**
     * Starts reading the id from a stderr stream.
     *
     * @param in the wrapped command's stderr
     */
    public PidLine(InputStream in) {
        this.in = in;
        Thread.ofVirtual().name("pid-line").start(this::readHeader);
    }

    /**
     * Wraps a command.
     *
     * @param command the command
     * @return {@code /bin/sh -c SCRIPT sh COMMAND...}
     */
    public static List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", SCRIPT, "sh"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** @return the command's process id, once read; -1 when the line did not come */
    public CompletableFuture<Long> pid() {
        return pid;
    }

    private void readHeader() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) >= 0 && b != '\n' && line.size() < 32) {
                line.write(b);
            }
            pid.complete(Long.parseLong(line.toString(StandardCharsets.US_ASCII).strip()));
        } catch (IOException | NumberFormatException e) {
            pid.complete(-1L);
        } finally {
            headerRead.countDown();
        }
    }

    private void awaitHeader() throws IOException {
        try {
            headerRead.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading a command's stderr");
        }
    }

    @Override
    public int read() throws IOException {
        awaitHeader();
        return in.read();
    }

    @Override
    public int read(byte[] bytes, int offset, int count) throws IOException {
        awaitHeader();
        return in.read(bytes, offset, count);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
