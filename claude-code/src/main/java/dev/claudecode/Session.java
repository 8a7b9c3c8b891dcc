package dev.claudecode;

import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.session.CliConnection;
import dev.claudecode.internal.session.InitializeAnswer;
import dev.claudecode.internal.session.Launcher;
import dev.claudecode.internal.session.SerialExecutor;
import dev.claudecode.internal.session.Turn;
import dev.claudecode.internal.session.TurnScheduler;
import dev.claudecode.internal.protocol.InboundRequestHandler;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.transport.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Claude Code session: one long-lived CLI process that holds a conversation over many turns.
 * Start one with {@link ClaudeCode#start(ClaudeCodeOptions)} and close it when done.
 *
 * <p>Turns run one at a time, in the order they were asked for; a turn asked for while another
 * runs waits its turn. If the CLI dies, the turn in flight fails with a {@link
 * CliProcessException} and the next turn starts a new CLI that resumes the conversation.
 *
 * <p>All methods are thread-safe.
 */
public final class Session implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final ClaudeCodeOptions options;
    private final Transport transport;
    private final Launcher launcher;
    private final InboundRequestHandler inboundHandler;
    private final SerialExecutor turnExecutor = new SerialExecutor("claude-code-turns");
    private final SerialExecutor listenerExecutor = new SerialExecutor("claude-code-listeners");
    private final TurnScheduler scheduler;
    private final List<Consumer<Message>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object connectionLock = new Object();
    private volatile CliConnection connection;
    private volatile CompletableFuture<InitializeAnswer> initialized = new CompletableFuture<>();
    private volatile String sessionId;
    private volatile boolean launchedOnce;
    private volatile boolean freshNext;

    Session(ClaudeCodeOptions options, Transport transport, Launcher launcher) {
        this.options = options;
        this.transport = transport;
        this.launcher = launcher;
        this.inboundHandler = (subtype, request) -> {
            throw new UnsupportedOperationException("this session has no handler for " + subtype + " requests");
        };
        this.scheduler = new TurnScheduler(turnExecutor, new TurnScheduler.Driver() {
            @Override
            public void start(Turn turn) {
                connect().writer().write(turn.userLine());
            }

            @Override
            public void reset() {
                resetConversation();
            }
        });
        options.resume().ifPresent(id -> sessionId = id);
        options.sessionId().ifPresent(id -> sessionId = id);
    }

    /** Launches the CLI now rather than at the first turn, so that start-up failures show at once. */
    void connectEagerly() {
        connect();
    }

    // ---------------------------------------------------------------- turns

    /**
     * Starts a turn with a text prompt.
     *
     * @param prompt what the user says
     * @return the turn's messages
     */
    public MessageStream stream(String prompt) {
        return stream(UserInput.text(prompt));
    }

    /**
     * Starts a turn with content blocks (text, images, documents) and an optional message uuid.
     *
     * @param input what the user says
     * @return the turn's messages
     */
    public MessageStream stream(UserInput input) {
        ensureOpen();
        Turn turn = new Turn(input.toUserLine());
        scheduler.submit(turn);
        return new MessageStream(this, turn);
    }

    /**
     * Runs a turn to its end.
     *
     * @param prompt what the user says
     * @return the turn's result
     */
    public ResultMessage query(String prompt) {
        try (MessageStream turn = stream(prompt)) {
            return turn.result();
        }
    }

    /**
     * Runs a turn on a virtual thread.
     *
     * @param prompt what the user says
     * @return the result, when the turn ends
     */
    public CompletableFuture<ResultMessage> queryAsync(String prompt) {
        MessageStream turn = stream(prompt);
        CompletableFuture<ResultMessage> future = new CompletableFuture<>();
        Thread.ofVirtual().name("claude-code-query").start(() -> {
            try (turn) {
                future.complete(turn.result());
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
            }
        });
        return future;
    }

    /**
     * Makes the next turn start a new conversation: turns asked for after this call do not see
     * the earlier ones. Turns already asked for run first, in the old conversation.
     */
    public void clear() {
        ensureOpen();
        scheduler.submitReset();
    }

    /**
     * Interrupts the turn in progress: the CLI stops it and ends it with an {@code
     * error_during_execution} result. Does nothing when no turn runs.
     */
    public void interrupt() {
        CliConnection current = connection;
        if (current == null || !current.isAlive()) {
            return;
        }
        control(current, request("interrupt"));
    }

    // ---------------------------------------------------------------- listeners

    /**
     * Registers a listener for every message of the session, including those that arrive between
     * turns. Listeners run in order on a thread of their own, never on the thread that reads the
     * CLI; a slow listener delays only other listeners.
     *
     * @param listener receives each message
     * @return closing it removes the listener
     */
    public AutoCloseable addListener(Consumer<Message> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // ---------------------------------------------------------------- state

    /** @return the conversation's session id, once the CLI has reported it */
    public Optional<String> sessionId() {
        return Optional.ofNullable(sessionId);
    }

    /** @return whether the session is open and its CLI runs */
    public boolean isAlive() {
        CliConnection current = connection;
        return !closed.get() && current != null && current.isAlive();
    }

    /** @return the options the session was started with */
    public ClaudeCodeOptions options() {
        return options;
    }

    /**
     * Stops the session: interrupts a turn in progress, closes the CLI's input, waits a grace
     * period for it to exit, then terminates it and its descendants. Turns still waiting fail with
     * {@link SessionClosedException}. Idempotent.
     */
    public void stop() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        CliConnection current = connection;
        Optional<Turn> active = scheduler.active();
        if (current != null && current.isAlive() && active.isPresent()) {
            try {
                current.control().request(request("interrupt"), Duration.ofSeconds(2)).get(3, TimeUnit.SECONDS);
                awaitDone(active.get(), Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("interrupting the turn at stop failed: {}", e.toString());
            }
        }
        scheduler.close(new SessionClosedException("the session was stopped"));
        if (current != null) {
            current.stop(STOP_GRACE);
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    // ---------------------------------------------------------------- internals

    void abandon(Turn turn) {
        if (scheduler.withdraw(turn) || turn.state() != Turn.State.ACTIVE) {
            return;
        }
        CliConnection current = connection;
        if (current != null && current.isAlive()) {
            current.control().request(request("interrupt"), options.controlTimeout())
                    .exceptionally(error -> {
                        LOG.debug("interrupting an abandoned turn failed: {}", error.toString());
                        return null;
                    });
        }
    }

    JsonNode control(ObjectNode request) {
        ensureOpen();
        return control(connect(), request);
    }

    private JsonNode control(CliConnection target, ObjectNode request) {
        try {
            return target.control().request(request, options.controlTimeout()).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ClaudeCodeException cause) {
                throw cause;
            }
            throw new ControlException(request.path("subtype").asString(""), String.valueOf(e.getCause()), e.getCause());
        }
    }

    private CliConnection connect() {
        synchronized (connectionLock) {
            CliConnection current = connection;
            if (current != null && current.isAlive()) {
                return current;
            }
            ensureOpen();
            var spec = freshNext ? launcher.fresh()
                    : launchedOnce && sessionId != null ? launcher.resume(sessionId)
                    : launcher.initial();
            freshNext = false;
            launchedOnce = true;
            CompletableFuture<InitializeAnswer> init = new CompletableFuture<>();
            initialized = init;
            current = CliConnection.open(transport, spec, options.maxStdoutLineBytes().isPresent() ? options.maxStdoutLineBytes().getAsInt() : Long.MAX_VALUE,
                    inboundHandler, new ConnectionEvents(init));
            connection = current;
            current.control().request(initializeRequest(), options.controlTimeout()).whenComplete((response, error) -> {
                if (error != null) {
                    init.completeExceptionally(error);
                } else {
                    init.complete(InitializeAnswer.of(response));
                }
            });
            return current;
        }
    }

    private ObjectNode initializeRequest() {
        return request("initialize");
    }

    private void resetConversation() {
        CliConnection current;
        synchronized (connectionLock) {
            current = connection;
            connection = null;
            sessionId = null;
            freshNext = true;
        }
        if (current != null) {
            current.stop(STOP_GRACE);
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new SessionClosedException("the session is stopped");
        }
    }

    private static ObjectNode request(String subtype) {
        ObjectNode request = Json.object();
        request.put("subtype", subtype);
        return request;
    }

    private static void awaitDone(Turn turn, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (turn.state() != Turn.State.DONE && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private void dispatch(Message message) {
        if (!listeners.isEmpty()) {
            listenerExecutor.execute(() -> {
                for (Consumer<Message> listener : listeners) {
                    try {
                        listener.accept(message);
                    } catch (RuntimeException e) {
                        LOG.warn("a session listener failed", e);
                    }
                }
            });
        }
    }

    /** Receives what the current CLI process reports. */
    private final class ConnectionEvents implements CliConnection.Events {

        private final CompletableFuture<InitializeAnswer> init;

        ConnectionEvents(CompletableFuture<InitializeAnswer> init) {
            this.init = init;
        }

        @Override
        public void onMessage(Message message) {
            message.sessionId().filter(id -> !id.isEmpty()).ifPresent(id -> sessionId = id);
            dispatch(message);
            scheduler.onMessage(message);
        }

        @Override
        public void onProtocolError(ProtocolException error) {
            LOG.warn("{}", error.getMessage());
        }

        @Override
        public void onStderr(String line) {
            options.stderr().ifPresent(consumer -> listenerExecutor.execute(() -> consumer.accept(line)));
        }

        @Override
        public void onExit(CliConnection exited, Optional<CliProcessException> failure) {
            boolean wasCurrent;
            synchronized (connectionLock) {
                wasCurrent = connection == exited;
                if (wasCurrent) {
                    connection = null;
                }
            }
            RuntimeException error = failure.<RuntimeException>map(f -> f)
                    .orElseGet(() -> new SessionClosedException("the CLI was stopped"));
            init.completeExceptionally(error);
            // a CLI replaced by a reset has no turn of its own any more
            if (wasCurrent) {
                scheduler.onConnectionLost(error);
            }
        }
    }
}
