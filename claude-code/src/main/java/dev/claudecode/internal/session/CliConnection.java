package dev.claudecode.internal.session;

import dev.claudecode.CliProcessException;
import dev.claudecode.ProtocolException;
import dev.claudecode.SessionClosedException;
import dev.claudecode.internal.protocol.ControlChannel;
import dev.claudecode.internal.protocol.InboundRequestHandler;
import dev.claudecode.internal.protocol.LineReader;
import dev.claudecode.internal.protocol.StdinWriter;
import dev.claudecode.internal.protocol.StdoutRouter;
import dev.claudecode.message.Message;
import dev.claudecode.transport.CliProcess;
import dev.claudecode.transport.LaunchSpec;
import dev.claudecode.transport.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running CLI process and the protocol over it: the stdin writer, the control channel, a
 * reader thread for stdout and a drainer thread for stderr. When the process ends, for whatever
 * reason, it reports once through {@link Events#onExit}.
 *
 * <p>The two pipe readers are platform threads. A virtual thread blocked reading a pipe does not
 * unmount: it pins its carrier, and the JDK compensates by adding carriers only up to the
 * scheduler's maximum (256), so with about 128 idle sessions every virtual thread in the JVM
 * would starve. A platform thread blocked in {@code read(2)} costs a little native stack and no
 * heap; the readers hold no buffers while idle (see {@link LineReader}). Everything else (turns,
 * callbacks, listeners) runs on virtual threads.
 */
public final class CliConnection {

    private static final Logger LOG = LoggerFactory.getLogger(CliConnection.class);
    /** The stderr drainer only splits lines: a small stack is plenty. */
    private static final long STDERR_STACK_BYTES = 256 * 1024;

    /** What a connection reports. Called on its reader thread: implementations must not block. */
    public interface Events {
        /** A decoded stdout message. */
        void onMessage(Message message);

        /** A stdout line that is not a protocol message; the stream goes on. */
        void onProtocolError(ProtocolException error);

        /** One stderr line, on the stderr thread. */
        void onStderr(String line);

        /**
         * The process has ended and both streams are drained.
         *
         * @param connection this connection
         * @param failure why, or empty when it was stopped through {@link #stop}
         */
        void onExit(CliConnection connection, java.util.Optional<CliProcessException> failure);
    }

    private final CliProcess process;
    private final StdinWriter writer;
    private final ControlChannel control;
    private final StderrTail stderrTail = new StderrTail();
    private final Events events;
    private final Thread stderrThread;
    private volatile boolean stopping;
    private volatile ProtocolException readFailure;

    private CliConnection(CliProcess process, InboundRequestHandler handler, Events events, long maxLineBytes) {
        this.process = process;
        this.events = events;
        this.writer = new StdinWriter(process.stdin());
        this.control = new ControlChannel(writer, handler);
        this.stderrThread = Thread.ofPlatform().daemon().name("claude-code-stderr-" + pidText())
                .stackSize(STDERR_STACK_BYTES).start(this::drainStderr);
        StdoutRouter router = new StdoutRouter(control, events::onMessage, events::onProtocolError);
        Thread.ofPlatform().daemon().name("claude-code-stdout-" + pidText()).start(() -> readStdout(router, maxLineBytes));
    }

    /**
     * Launches the CLI and starts reading it.
     *
     * @param transport where to run it
     * @param spec what to run
     * @param maxLineBytes the largest stdout line accepted
     * @param handler answers the CLI's control requests
     * @param events receives what the connection reports
     * @return the connection
     */
    public static CliConnection open(Transport transport, LaunchSpec spec, long maxLineBytes,
            InboundRequestHandler handler, Events events) {
        return new CliConnection(transport.launch(spec), handler, events, maxLineBytes);
    }

    /** @return the stdin writer */
    public StdinWriter writer() {
        return writer;
    }

    /** @return the control channel */
    public ControlChannel control() {
        return control;
    }

    /** @return whether the process runs and has not been asked to stop */
    public boolean isAlive() {
        return !stopping && process.isAlive();
    }

    /** @return the process id, when known */
    public OptionalLong pid() {
        return process.pid();
    }

    /** @return the last stderr lines */
    public String stderrTail() {
        return stderrTail.text();
    }

    /**
     * Stops the CLI: closes its input, gives it {@code grace} to exit, then terminates it and its
     * descendants.
     *
     * @param grace how long the CLI may take to exit on its own
     */
    public void stop(Duration grace) {
        stopping = true;
        boolean inputClosed = writer.close(Duration.ofMillis(Math.min(grace.toMillis(), 1_000)));
        if (inputClosed && awaitExit(grace)) {
            return;
        }
        process.terminate(Duration.ofSeconds(2));
    }

    /** Kills the CLI at once, without a grace period. */
    public void kill() {
        stopping = true;
        process.terminate(Duration.ZERO);
    }

    private void readStdout(StdoutRouter router, long maxLineBytes) {
        try {
            new LineReader(process.stdout(), maxLineBytes).readAll(router);
        } catch (ProtocolException e) {
            readFailure = e;
            process.terminate(Duration.ZERO);
        } catch (IOException e) {
            if (!stopping) {
                LOG.debug("reading the CLI's stdout failed: {}", e.toString());
            }
        } catch (RuntimeException e) {
            readFailure = new ProtocolException("reading the CLI's stdout failed: " + e, e);
            LOG.error("reading the CLI's stdout failed", e);
            process.terminate(Duration.ZERO);
        } finally {
            finish();
        }
    }

    private void finish() {
        Integer status = awaitExit(Duration.ofSeconds(3)) ? exitStatus() : null;
        if (status == null) {
            process.terminate(Duration.ofSeconds(1));
            status = exitStatus();
        }
        try {
            stderrThread.join(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        CliProcessException failure = null;
        if (readFailure != null) {
            failure = new CliProcessException(readFailure.getMessage(), status, stderrTail.text());
            failure.initCause(readFailure);
        } else if (!stopping) {
            failure = new CliProcessException("the Claude Code CLI exited unexpectedly", status, stderrTail.text());
        }
        control.fail(failure != null ? failure : new SessionClosedException("the CLI was stopped"));
        control.close();
        events.onExit(this, java.util.Optional.ofNullable(failure));
    }

    private boolean awaitExit(Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        }
    }

    private Integer exitStatus() {
        return process.onExit().getNow(null);
    }

    private void drainStderr() {
        try (InputStream stderr = process.stderr()) {
            new LineReader(stderr, Long.MAX_VALUE).readAll((buffer, offset, length) -> {
                String line = new String(buffer, offset, length, StandardCharsets.UTF_8);
                stderrTail.add(line);
                events.onStderr(line);
            });
        } catch (IOException e) {
            // the process is gone; what was read is in the tail
        }
    }

    private String pidText() {
        OptionalLong pid = process.pid();
        return pid.isPresent() ? Long.toString(pid.getAsLong()) : "remote";
    }
}
