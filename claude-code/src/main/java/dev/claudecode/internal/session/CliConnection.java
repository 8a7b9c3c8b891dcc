package dev.claudecode.internal.session;

import dev.claudecode.errors.ClaudeCodeException;
import dev.claudecode.errors.CliProcessException;
import dev.claudecode.errors.InactivityTimeoutException;
import dev.claudecode.errors.ProtocolException;
import dev.claudecode.errors.SessionClosedException;
import dev.claudecode.internal.process.ExitWait;
import dev.claudecode.internal.process.PolledStream;
import dev.claudecode.internal.protocol.ControlChannel;
import dev.claudecode.internal.protocol.InboundRequestHandler;
import dev.claudecode.internal.protocol.LineReader;
import dev.claudecode.internal.protocol.StdinWriter;
import dev.claudecode.internal.protocol.StdoutRouter;
import dev.claudecode.message.Message;
import dev.claudecode.transport.CliProcess;
import dev.claudecode.transport.LaunchSpec;
import dev.claudecode.transport.Transport;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * One running CLI process and the protocol over it: the stdin writer, the control channel, a
 * reader thread for stdout and a drainer thread for stderr. When the process ends, for whatever
 * reason, it reports once through {@link Events#onExit}.
 *
 * <p>What it reports is free of secrets: stderr lines, the stderr tail of failures and the previews
 * of malformed stdout lines have the values of secret variables (API key, tokens) masked.
 *
 * <p>Where the transport's streams are {@link PolledStream}s (the local transport's epoll
 * spawner), the two readers are virtual threads: a read that has to wait parks in Java and
 * unmounts, so a thousand idle sessions hold no platform thread. Other streams block in {@code
 * read(2)}, and a virtual thread blocked there does not unmount: it pins its carrier, and the JDK
 * compensates by adding carriers only up to the scheduler's maximum (256), so with about 128
 * idle sessions every virtual thread in the JVM would starve. Their readers are platform threads,
 * which cost a little native stack and no heap. Either way the readers hold no buffers while idle
 * (see {@link LineReader}), and everything else (turns, callbacks, listeners) runs on virtual
 * threads.
 */
public final class CliConnection {

    private static final Logger LOG = LoggerFactory.getLogger(CliConnection.class);
    /** The stderr drainer only splits lines: a small stack is plenty. */
    private static final long STDERR_STACK_BYTES = 256 * 1024;
    /**
     * The longest stderr line passed on; the rest of a longer one is dropped as it arrives, so that
     * a CLI that writes to stderr without ever ending a line costs no more than this.
     */
    static final int STDERR_LINE_BYTES = 16 * 1024;
    /** How failures name the stdout line cap. */
    private static final String STDOUT_LIMIT = "ClaudeCodeOptions.maxStdoutLineBytes";

    /** What a connection reports. Called on its reader thread: implementations must not block. */
    public interface Events {
        /**
         * A decoded stdout message.
         *
         * @param connection the connection that read it
         * @param message the message
         */
        void onMessage(CliConnection connection, Message message);

        /**
         * A decoded stdout message and the length of its line. The reader waits while this call
         * runs: an implementation may hold it back, briefly or until a slow consumer has made
         * room, which stops the reading of the CLI (the CLI then waits on its full pipe).
         *
         * @param connection the connection that read it
         * @param message the message
         * @param lineBytes the length of its line in bytes
         */
        default void onMessage(CliConnection connection, Message message, int lineBytes) {
            onMessage(connection, message);
        }

        /**
         * Every message the CLI has written so far has been reported: a batch ends, and the
         * reader waits for more.
         *
         * @param connection the connection that read them
         */
        default void onCaughtUp(CliConnection connection) {
        }

        /**
         * A {@code transcript_mirror} frame: lines the CLI appended to a transcript file (only a
         * CLI started with {@code --session-mirror} writes them).
         *
         * @param connection the connection that read it
         * @param frame the frame as parsed
         * @param length its line's length in bytes
         */
        default void onTranscriptMirror(CliConnection connection, JsonNode frame, int length) {
        }

        /** A stdout line that is not a protocol message; the stream goes on. */
        void onProtocolError(ProtocolException error);

        /** One stderr line, on the stderr thread. */
        void onStderr(String line);

        /**
         * The process has ended and both streams are drained.
         *
         * @param connection this connection
         * @param failure why, or empty when it was stopped through {@link #stop}: a {@link
         *     CliProcessException}, or the {@link ProtocolException} of output that could not be read
         */
        void onExit(CliConnection connection, java.util.Optional<ClaudeCodeException> failure);
    }

    private final CliProcess process;
    private final StdinWriter writer;
    private final ControlChannel control;
    private final StderrTail stderrTail = new StderrTail();
    // replaced, never changed, when the session hands the CLI more secrets (MCP servers it adds)
    private volatile SecretRedactor redactor;
    private final Events events;
    private final long maxLineBytes;
    /** Completes once everything the CLI wrote to stderr is in the tail. */
    private final java.util.concurrent.CompletableFuture<Void> stderrDrained = new java.util.concurrent.CompletableFuture<>();
    private volatile boolean stopping;
    private final OutputClock clock = new OutputClock();
    private volatile ProtocolException readFailure;
    // why the library ended a CLI that was still running, when it was not asked to stop
    private volatile EndReason endedBecause;
    private final java.util.concurrent.CompletableFuture<java.util.Optional<ClaudeCodeException>> exited =
            new java.util.concurrent.CompletableFuture<>();

    private CliConnection(CliProcess process, SecretRedactor redactor, InboundRequestHandler handler, Events events,
            long maxLineBytes) {
        this.process = process;
        this.redactor = redactor;
        this.events = events;
        this.maxLineBytes = maxLineBytes;
        InputStream stdout = process.stdout();
        this.writer = new StdinWriter(new InputGuard(process.stdin()),
                stdout instanceof PolledStream polled ? polled::bytesDueSoon : () -> { });
        this.control = new ControlChannel(writer, (subtype, request) -> {
            clock.answerStarted();
            try {
                return handler.handle(subtype, request);
            } finally {
                clock.answerEnded();
            }
        });
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
        return launch(transport, spec, java.util.Set.of(), maxLineBytes, handler, events).startReading();
    }

    /**
     * Launches the CLI without reading it yet, so that the caller can write its first lines at
     * once: the CLI reads its input as soon as it runs, and starting the reader threads first
     * would only make it wait. Call {@link #startReading} next, whatever happens.
     *
     * @param transport where to run it
     * @param spec what to run
     * @param secrets values handed to the CLI as secrets besides its environment, masked in what it reports
     * @param maxLineBytes the largest stdout line accepted
     * @param handler answers the CLI's control requests
     * @param events receives what the connection reports
     * @return the connection, its input open, its output not read yet
     */
    public static CliConnection launch(Transport transport, LaunchSpec spec, java.util.Collection<String> secrets,
            long maxLineBytes, InboundRequestHandler handler, Events events) {
        CliProcess process = transport.launch(spec);
        return new CliConnection(process, SecretRedactor.forLaunch(spec.environment(), secrets), handler, events, maxLineBytes);
    }

    /**
     * Masks more values from now on: secrets the session handed this CLI after it started, such as
     * the {@code env} and {@code headers} of MCP servers it added.
     *
     * @param secrets the values
     */
    public void addSecrets(java.util.Collection<String> secrets) {
        if (!secrets.isEmpty()) {
            synchronized (this) {
                redactor = redactor.plus(secrets);
            }
        }
    }

    /** @return completes once the process has ended and both its streams are drained */
    public java.util.concurrent.CompletionStage<Void> ended() {
        return exited.thenApply(failure -> null);
    }

    /**
     * Starts the reader threads of stdout and stderr, without waiting for them: starting a
     * platform thread waits until the new thread runs, which on a busy machine takes a while, and
     * the caller is about to write its first turn. What the CLI writes meanwhile waits in the pipe.
     *
     * @return this connection
     */
    public CliConnection startReading() {
        Thread.ofVirtual().name("claude-code-readers-start").start(this::startReaders);
        // A process the CLI started keeps its output open after the CLI exits (a background
        // child, a Bash tool's shell): the reader would wait for that process instead of seeing
        // the end. End what the CLI left running as soon as it exits unasked; what it wrote stays
        // readable in the pipe.
        process.onExit().thenRunAsync(() -> {
            if (!stopping) {
                process.terminate(Duration.ZERO);
            }
        }, task -> Thread.ofVirtual().name("claude-code-exit-" + pidText()).start(task));
        return this;
    }

    private void startReaders() {
        StdoutRouter router = new StdoutRouter(control, this::handOn,
                error -> events.onProtocolError(redactor.redact(error)), () -> events.onCaughtUp(this),
                (frame, length) -> events.onTranscriptMirror(this, frame, length));
        // streams that wait in Java can be read on virtual threads; kernel reads need platform threads
        boolean polled = process.stdout() instanceof PolledStream && process.stderr() instanceof PolledStream;
        try {
            (polled ? Thread.ofVirtual() : Thread.ofPlatform().daemon()).name("claude-code-stdout-" + pidText())
                    .start(() -> readStdout(router));
        } catch (Throwable e) {
            // nothing can read the CLI: end it and say why
            readFailure = new ProtocolException("cannot start reading the CLI's output: " + e, e);
            stderrDrained.complete(null);
            process.terminate(Duration.ZERO);
            finish();
            return;
        }
        try {
            (polled ? Thread.ofVirtual() : Thread.ofPlatform().daemon().stackSize(STDERR_STACK_BYTES))
                    .name("claude-code-stderr-" + pidText()).start(this::drainStderr);
        } catch (Throwable e) {
            stderrDrained.complete(null);
            LOG.warn("cannot read the CLI's stderr: {}", e.toString());
        }
    }

    /**
     * Hands a message on. While the receiver holds the reader back for a slow consumer, the CLI's
     * silence is the library's doing, so the inactivity clock does not count it.
     */
    private void handOn(Message message, int lineBytes) {
        clock.answerStarted();
        try {
            events.onMessage(this, message, lineBytes);
        } finally {
            clock.answerEnded();
        }
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

    /** @return when the CLI last showed life, for the inactivity timeout */
    public OutputClock clock() {
        return clock;
    }

    /** @return the last stderr lines */
    public String stderrTail() {
        return stderrTail.text();
    }

    /**
     * Writes a line; when the CLI has died, the failure reported is the process's (exit status
     * and stderr), not the broken pipe's.
     *
     * @param line the message to write
     * @throws CliProcessException when the CLI cannot take it
     */
    public void write(tools.jackson.databind.JsonNode line) {
        try {
            writer.write(line);
        } catch (CliProcessException e) {
            try {
                throw exited.get(2, TimeUnit.SECONDS).orElse(e);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw e;
            } catch (java.util.concurrent.ExecutionException | TimeoutException unknown) {
                throw e;
            }
        }
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

    /**
     * Ends a CLI that wrote nothing for longer than the inactivity timeout: it is terminated, and
     * its exit is reported with an {@link InactivityTimeoutException}. Does nothing when the CLI
     * is already ending.
     *
     * @param timeout the inactivity timeout that passed
     */
    public void endInactive(Duration timeout) {
        if (stopping || endedBecause != null || !process.isAlive()) {
            return;
        }
        LOG.warn("the Claude Code CLI (pid {}) wrote no output for {} ms during a turn; stopping it", pidText(), timeout.toMillis());
        endedBecause = (status, stderr) -> new InactivityTimeoutException(timeout, status, stderr);
        // no polite end of input: a CLI finishes its turn first, and this one does not get on with it
        process.terminate(Duration.ofSeconds(1));
    }

    /** Kills the CLI at once, without a grace period. */
    public void kill() {
        stopping = true;
        process.terminate(Duration.ZERO);
    }

    private void readStdout(StdoutRouter router) {
        try {
            new LineReader(clock.watch(process.stdout()), maxLineBytes, LineReader.Overflow.FAIL, STDOUT_LIMIT).readAll(router);
        } catch (ProtocolException e) {
            readFailure = redactor.redact(e);
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
            if (!stopping && readFailure == null && endedBecause == null) {
                endedBecause = EndReason.of("the Claude Code CLI closed its output but kept running, so it was stopped");
            }
            process.terminate(Duration.ofSeconds(1));
            status = exitStatus();
        }
        try {
            stderrDrained.get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            // the tail has what was read so far
        }
        if (!stopping) {
            // a CLI that dies unasked cannot end what it started (a Bash tool's shell, say)
            process.terminate(Duration.ZERO);
        }
        ClaudeCodeException failure = null;
        if (readFailure != null) {
            // the output could not be read: that, not the exit it forced, is what the turn fails with
            failure = readFailure;
        } else if (endedBecause != null) {
            failure = endedBecause.failure(status, stderrTail.text());
        } else if (!stopping) {
            failure = new CliProcessException("the Claude Code CLI exited unexpectedly" + signalNote(status), status,
                    stderrTail.text());
        }
        control.fail(failure != null ? failure : new SessionClosedException("the CLI was stopped"));
        control.close();
        exited.complete(java.util.Optional.ofNullable(failure));
        events.onExit(this, java.util.Optional.ofNullable(failure));
    }

    private boolean awaitExit(Duration timeout) {
        return ExitWait.await(process.onExit(), process::isAlive, timeout);
    }

    private Integer exitStatus() {
        return process.onExit().getNow(null);
    }

    /** Names the signal behind a POSIX shell-style status (128 + n), which is how a killed CLI shows. */
    static String signalNote(Integer status) {
        if (status == null || status <= 128 || status > 128 + 64) {
            return "";
        }
        int signal = status - 128;
        String name = switch (signal) {
            case 1 -> "SIGHUP";
            case 2 -> "SIGINT";
            case 6 -> "SIGABRT";
            case 9 -> "SIGKILL";
            case 11 -> "SIGSEGV";
            case 13 -> "SIGPIPE";
            case 15 -> "SIGTERM";
            default -> "signal " + signal;
        };
        return ", killed by " + name;
    }

    /**
     * A CLI that no longer reads its input while it still runs can never take another message or
     * control request, and would otherwise hold the session: give it a moment to exit on its own
     * (it usually is exiting), then end it, so that the failure is reported and the next turn
     * starts a new CLI.
     */
    private void onInputBroken() {
        if (stopping || endedBecause != null || awaitExit(Duration.ofSeconds(2))) {
            return;
        }
        endedBecause = EndReason.of("the Claude Code CLI stopped reading its input but kept running, so it was stopped");
        process.terminate(Duration.ZERO);
    }

    /** Why the library ended a CLI that still ran: makes the failure its exit is reported with. */
    @FunctionalInterface
    private interface EndReason {
        CliProcessException failure(Integer status, String stderrTail);

        static EndReason of(String message) {
            return (status, stderrTail) -> new CliProcessException(message, status, stderrTail);
        }
    }

    /** The CLI's input, watched for the moment writing to it fails. */
    private final class InputGuard extends FilterOutputStream {

        InputGuard(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                onInputBroken();
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                onInputBroken();
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                onInputBroken();
                throw e;
            }
        }
    }

    private void drainStderr() {
        try (InputStream stderr = process.stderr()) {
            new LineReader(stderr, STDERR_LINE_BYTES, LineReader.Overflow.CUT, "stderr lines").readAll((buffer, offset, length) -> {
                String text = new String(buffer, offset, length, StandardCharsets.UTF_8);
                if (length == STDERR_LINE_BYTES) {
                    // first, so that it survives the tail's own cut of long lines
                    text = "[line cut at " + STDERR_LINE_BYTES + " bytes] " + text;
                }
                String line = redactor.redact(text);
                stderrTail.add(line);
                events.onStderr(line);
            });
        } catch (IOException e) {
            // the process is gone; what was read is in the tail
        } finally {
            stderrDrained.complete(null);
        }
    }

    private String pidText() {
        OptionalLong pid = process.pid();
        return pid.isPresent() ? Long.toString(pid.getAsLong()) : "remote";
    }
}
