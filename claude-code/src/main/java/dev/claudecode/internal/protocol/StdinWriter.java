package dev.claudecode.internal.protocol;

import dev.claudecode.errors.CliProcessException;
import dev.claudecode.errors.ProtocolException;
import dev.claudecode.internal.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.databind.JsonNode;

/**
 * The only writer of the CLI's standard input. One malformed line kills the CLI, so it writes
 * only JSON objects that carry a {@code type}, each as one compact line, and never two at once.
 */
public final class StdinWriter implements AutoCloseable {

    private final OutputStream out;
    private final Runnable answerDue;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    /**
     * Creates a writer.
     *
     * @param out the CLI's standard input
     */
    public StdinWriter(OutputStream out) {
        this(out, () -> { });
    }

    /**
     * Creates a writer that says when an answer is due.
     *
     * @param out the CLI's standard input
     * @param answerDue run after a request was written whose answer comes within microseconds
     *     (see {@code PolledStream.bytesDueSoon()} in the process package)
     */
    public StdinWriter(OutputStream out, Runnable answerDue) {
        this.out = out;
        this.answerDue = answerDue;
    }

    /**
     * Writes a request the CLI answers at once, then says that its answer is due.
     *
     * @param request a JSON object with a string {@code type}
     * @throws ProtocolException when the message is not such an object
     * @throws CliProcessException when the CLI no longer reads its input
     */
    public void writeRequest(JsonNode request) {
        write(request);
        answerDue.run();
    }

    /**
     * Writes one message as a line.
     *
     * @param message a JSON object with a string {@code type}
     * @throws ProtocolException when the message is not such an object
     * @throws CliProcessException when the CLI no longer reads its input
     */
    public void write(JsonNode message) {
        byte[] bytes = encode(message);
        lock.lock();
        try {
            if (closed) {
                throw new CliProcessException("the CLI's input is closed", null, "");
            }
            out.write(bytes);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new CliProcessException("the CLI stopped reading its input: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Closes the CLI's input, which asks it to finish its turn and exit. Idempotent. */
    @Override
    public void close() {
        close(Duration.ofDays(1));
    }

    /**
     * Closes the CLI's input unless a write blocked on a full pipe holds it longer than {@code
     * wait}; the caller then ends the process, which unblocks that write.
     *
     * @param wait how long to wait for a write in progress
     * @return whether the input is closed
     */
    public boolean close(Duration wait) {
        try {
            if (!lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            if (!closed) {
                closed = true;
                out.close();
            }
        } catch (IOException e) {
            // the process is already gone: its input is as closed as it gets
        } finally {
            lock.unlock();
        }
        return true;
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    static byte[] encode(JsonNode message) {
        if (message == null || !message.isObject() || !message.path("type").isString()) {
            throw new ProtocolException("refusing to write a line that is not a JSON object with a type: " + message);
        }
        return Json.MAPPER.writeValueAsBytes(message);
    }
}
