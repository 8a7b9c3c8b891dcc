package dev.claudecode.internal.session;


import dev.claudecode.control.Health;
import dev.claudecode.control.ServerInfo;
import dev.claudecode.errors.ClaudeCodeException;
import dev.claudecode.errors.CliProcessException;
import dev.claudecode.errors.ProtocolException;
import dev.claudecode.errors.SessionClosedException;
import dev.claudecode.internal.control.Await;
import dev.claudecode.internal.control.ControlRequests;
import dev.claudecode.internal.control.InitializeRequest;
import dev.claudecode.internal.control.RuntimeSettings;
import dev.claudecode.internal.history.SessionIds;
import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.observe.Observers;
import dev.claudecode.internal.protocol.InboundRequestHandler;
import dev.claudecode.message.InitMessage;
import dev.claudecode.message.Message;
import dev.claudecode.observe.CliLaunch;
import dev.claudecode.observe.Observation;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.transport.LaunchSpec;
import dev.claudecode.transport.Transport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps a session connected to a CLI process. It launches a CLI when a turn or a control call
 * needs one and none runs, and chooses how: the launch the options describe the first time, a
 * resume of the conversation after a CLI died, a new conversation after a {@linkplain #reset()
 * reset}, and a new conversation too when the one to resume was never saved (the CLI died before
 * it wrote it to disk). It follows the conversation's session id, remembers which CLI the last
 * turn was written to, so that only that CLI's exit fails the turn, and reports what the CLIs say
 * to the session through {@link Events}.
 *
 * <p>As the {@link TurnScheduler.Driver} of the session's scheduler it starts turns and applies
 * resets. All methods are thread-safe; launching, resetting and reacting to an exit are
 * serialised by one lock (a {@link ReentrantLock}, since it is held across a launch and, when
 * resuming, its handshake, and a virtual thread must not pin its carrier that long on Java 21).
 */
public final class Connector implements TurnScheduler.Driver {

    /** How long a CLI may take to exit once its input is closed, at a reset and at {@link #stop()}. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(Connector.class);

    /**
     * What the connector reports to its session. Called on a CLI's reader threads: implementations
     * must not block.
     */
    public interface Events {

        /**
         * A message of one of the session's CLIs.
         *
         * @param message the message
         * @param turn the turn it belongs to: the turn last written, when the message comes from
         *     the CLI it was written to; empty for a CLI that no turn was written to (one that
         *     failed to resume), which does not speak for the session
         */
        void onMessage(Message message, Optional<Turn> turn);

        /**
         * A message of one of the session's CLIs and the length of its line. Called on the
         * reader, which waits while it runs: an implementation may hold the reader back until a
         * slow consumer has made room, which stops the reading of the CLI.
         *
         * @param message the message
         * @param turn the turn it belongs to, as for {@link #onMessage(Message, Optional)}
         * @param lineBytes the length of its line in bytes
         */
        default void onMessage(Message message, Optional<Turn> turn, int lineBytes) {
            onMessage(message, turn);
        }

        /**
         * The CLI that a turn was last written to has exited; the turn fails unless it has
         * ended already.
         *
         * @param turn the turn
         * @param error why: the CLI's failure, or a {@link SessionClosedException} when it was stopped
         */
        void onConnectionLost(Turn turn, RuntimeException error);

        /**
         * One line a CLI wrote on its standard error.
         *
         * @param line the line, secrets redacted
         */
        void onStderr(String line);

        /**
         * A {@code transcript_mirror} frame of one of the session's CLIs: transcript lines it
         * wrote to disk, for the session store.
         *
         * @param frame the frame
         * @param length its length in characters
         */
        void onTranscriptMirror(JsonNode frame, int length);
    }

    /** A turn and the CLI process its user message was written to. */
    private record TurnOnConnection(Turn turn, CliConnection connection) {
    }

    private final Transport transport;
    private final Launcher launcher;
    private final ClaudeCodeOptions options;
    private final InboundRequestHandler inbound;
    private final RuntimeSettings runtimeSettings;
    private final Events events;
    private final Observers observers;
    // Extension point: the callback registries (hooks, SDK MCP servers) add their part of the
    // initialize request here; it is rebuilt from options and these at every launch.
    private final List<InitializeRequest.Contribution> initializeContributions = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    // secrets handed to the session's CLIs after their launch (MCP servers added at runtime): every later CLI gets them too
    private final java.util.Set<String> addedSecrets = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ReentrantLock connectionLock = new ReentrantLock();
    private volatile LiveConnection live;
    // The turn last written and the CLI it went to: when that CLI ends, only that turn may fail.
    private volatile TurnOnConnection lastTurn;
    private volatile RuntimeException lastFailure;
    private volatile boolean launching;
    private volatile String sessionId;
    private volatile boolean launchedOnce;
    private volatile boolean freshNext;
    // the last id a CLI reported that was refused, to warn once per id
    private volatile String refusedId;

    /**
     * Creates a connector; it launches nothing yet.
     *
     * @param transport where the CLIs run
     * @param launcher plans each launch
     * @param options the session's options: the session id to start from, timeouts, limits and
     *     the base of the {@code initialize} request
     * @param inbound answers the control requests of every CLI of the session
     * @param runtimeSettings the runtime changes that every new CLI gets again
     * @param events receives what the CLIs report
     */
    public Connector(Transport transport, Launcher launcher, ClaudeCodeOptions options, InboundRequestHandler inbound,
            RuntimeSettings runtimeSettings, Events events) {
        this(transport, launcher, options, inbound, runtimeSettings, events, Observers.NONE);
    }

    /**
     * Creates a connector that reports its launches and control requests to the session's observers;
     * it launches nothing yet.
     *
     * @param transport where the CLIs run
     * @param launcher plans each launch
     * @param options the session's options
     * @param inbound answers the control requests of every CLI of the session
     * @param runtimeSettings the runtime changes that every new CLI gets again
     * @param events receives what the CLIs report
     * @param observers the session's observers
     */
    public Connector(Transport transport, Launcher launcher, ClaudeCodeOptions options, InboundRequestHandler inbound,
            RuntimeSettings runtimeSettings, Events events, Observers observers) {
        this.observers = observers;
        this.transport = transport;
        this.launcher = launcher;
        this.options = options;
        this.inbound = inbound;
        this.runtimeSettings = runtimeSettings;
        this.events = events;
        sessionId = StartingSessionId.of(options.start()).orElse(null);
    }

    /**
     * Registers a part of the {@code initialize} request that callbacks own; it takes effect from
     * the next launch of the CLI.
     *
     * @param contribution adds its fields to the request
     */
    public void addInitializeContribution(InitializeRequest.Contribution contribution) {
        initializeContributions.add(contribution);
    }

    /**
     * Masks more values in what the session's CLIs report, the running one and every later one:
     * secrets handed over after the launch, such as those of MCP servers added at runtime.
     *
     * @param secrets the values
     */
    public void addSecrets(java.util.Collection<String> secrets) {
        addedSecrets.addAll(secrets);
        LiveConnection current = live;
        if (current != null) {
            current.connection().addSecrets(secrets);
        }
    }

    /**
     * Returns the conversation's session id: the one the options resume or set, then the one the
     * CLI of the last turn reported; empty after a reset until the next CLI reports one.
     *
     * @return the session id, when known
     */
    public Optional<String> sessionId() {
        return Optional.ofNullable(sessionId);
    }

    /**
     * Returns the running CLI, launching one when none runs: the options' launch the first time,
     * a resume of the conversation after a CLI ended, and a new conversation after a reset or when
     * the conversation to resume was never saved. A resuming launch waits for its handshake, so
     * that a conversation the CLI cannot find is seen here.
     *
     * @return the running CLI; its handshake may still be under way
     * @throws SessionClosedException when no CLI runs and the connector is closed, or when it was
     *     closed while the CLI launched (that CLI is then stopped)
     * @throws CliProcessException when the launch fails
     */
    public LiveConnection current() {
        LiveConnection launched = launch();
        if (closed.get()) {
            // stopped while this CLI launched: stop() may have found no CLI to stop
            launched.connection().stop(STOP_GRACE);
            throw new SessionClosedException("the session was stopped while its CLI started");
        }
        return launched;
    }

    private LiveConnection launch() {
        connectionLock.lock();
        try {
            LiveConnection current = live;
            if (current != null && current.connection().isAlive()) {
                return current;
            }
            ensureOpen();
            boolean recovering = !freshNext && launchedOnce && sessionId != null;
            Launch planned = freshNext ? launcher.fresh() : recovering ? launcher.resume(sessionId) : launcher.initial();
            CliLaunch.Reason reason = freshNext ? CliLaunch.Reason.RESET
                    : launchedOnce ? CliLaunch.Reason.RESTART : CliLaunch.Reason.START;
            launching = true;
            try {
                current = observedOpen(planned, new CliLaunch(reason, recovering ? Optional.of(sessionId) : Optional.empty()));
                if (recovering) {
                    // a resume that cannot find its conversation ends in the handshake: see it here, not in the turn
                    Await.answer(current.initialized(), "initialize");
                }
            } catch (CliProcessException e) {
                if (!recovering || !ConversationLost.isCause(e)) {
                    throw e;
                }
                // the CLI died before it wrote the conversation to disk: carry on in a new one
                LOG.warn("conversation {} was not saved before its CLI stopped; continuing in a new conversation", sessionId);
                sessionId = null;
                current = observedOpen(launcher.fresh(), new CliLaunch(CliLaunch.Reason.RESTART, Optional.empty()));
            } finally {
                launching = false;
            }
            freshNext = false;
            launchedOnce = true;
            lastFailure = null;
            live = current;
            return current;
        } finally {
            connectionLock.unlock();
        }
    }

    /**
     * Writes a turn's user message to the running CLI, launching one first when none runs, and
     * watches the turn for inactivity when the options set a timeout.
     *
     * @param turn the turn to start
     */
    @Override
    public void start(Turn turn) {
        // within the turn's observation: a CLI launched for it is reported as part of the turn
        try (Observation.Scope scope = turn.watch().observation().open()) {
            LiveConnection current = current();
            CliConnection connection = current.connection();
            lastTurn = new TurnOnConnection(turn, connection);
            connection.write(turn.userLine());
            options.inactivityTimeout().ifPresent(limit -> InactivityWatchdog.watch(turn, current, limit));
        }
    }

    /**
     * Ends the conversation: the running CLI is stopped, the session id forgotten, and the next
     * launch starts a new conversation.
     */
    @Override
    public void reset() {
        LiveConnection current;
        connectionLock.lock();
        try {
            current = live;
            live = null;
            lastFailure = null;
            sessionId = null;
            freshNext = true;
        } finally {
            connectionLock.unlock();
        }
        if (current != null) {
            current.connection().stop(STOP_GRACE);
        }
    }

    /** @return whether a CLI runs, so that starting a turn launches none */
    @Override
    public boolean isReady() {
        LiveConnection current = live;
        return current != null && current.connection().isAlive();
    }

    /**
     * Sends a control request to the running CLI, launching one when none runs, and waits for the
     * answer; the request waits for the CLI's start-up handshake first.
     *
     * @param request the {@code request} object
     * @return the answer's payload, an empty object when it has none
     * @throws SessionClosedException when the connector is closed
     * @throws dev.claudecode.errors.ControlException when the CLI refuses or does not answer in time
     */
    public JsonNode control(ObjectNode request) {
        ensureOpen();
        String subtype = request.path("subtype").asString("");
        Observation<Void> observation = observers.control(subtype);
        try (Observation.Scope scope = observation.open()) {
            JsonNode answer = Await.answer(current().gate().request(request, options.controlTimeout()), subtype);
            observation.end(null);
            return answer;
        } catch (RuntimeException e) {
            observation.fail(e);
            throw e;
        }
    }

    /**
     * Returns what the running CLI reported at start-up, launching one when none runs and waiting
     * for its handshake.
     *
     * @return the decoded answer to {@code initialize}
     * @throws SessionClosedException when the connector is closed
     * @throws CliProcessException when the CLI exits before it answers
     */
    public ServerInfo serverInfo() {
        ensureOpen();
        return Await.answer(current().serverInfo(), "initialize");
    }

    /**
     * Asks the running CLI to interrupt its turn, without waiting for the handshake: an interrupt
     * is urgent, and the CLI takes it at any time. Never launches a CLI.
     *
     * @param timeout how long the CLI may take to answer
     * @return the pending answer, failing on a refusal or timeout; empty when no CLI runs
     */
    public Optional<CompletableFuture<JsonNode>> interrupt(Duration timeout) {
        return interrupt(false, timeout);
    }

    /**
     * Asks the running CLI to interrupt its turn, and optionally to cancel the queued user
     * messages too ({@code cancel_queued}). Never launches a CLI.
     *
     * @param cancelQueued whether queued user messages are cancelled too
     * @param timeout how long the CLI may take to answer
     * @return the pending answer (the receipt on CLIs that send one), failing on a refusal or
     *     timeout; empty when no CLI runs
     */
    public Optional<CompletableFuture<JsonNode>> interrupt(boolean cancelQueued, Duration timeout) {
        LiveConnection current = live;
        if (current == null || !current.connection().isAlive()) {
            return Optional.empty();
        }
        return Optional.of(observers.control("interrupt",
                current.connection().control().request(ControlRequests.interrupt(cancelQueued), timeout)));
    }

    /**
     * Tells the health of the session's connection. Never launches a CLI and never waits.
     *
     * @return the health now
     */
    public Health health() {
        return HealthProbe.assess(closed.get(), launching, live, lastFailure);
    }

    /**
     * Closes the connector for new launches: from now on {@link #current()} fails with {@link
     * SessionClosedException} instead of launching. A running CLI keeps running until {@link #stop()}.
     *
     * @return whether this call closed it; false when it was closed already
     */
    public boolean close() {
        return closed.compareAndSet(false, true);
    }

    /**
     * Tells whether the connector is closed.
     *
     * @return whether {@link #close()} or {@link #stop()} was called
     */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Fails when the connector is closed.
     *
     * @throws SessionClosedException when it is
     */
    public void ensureOpen() {
        if (closed.get()) {
            throw new SessionClosedException("the session is stopped");
        }
    }

    /**
     * Closes the connector and stops the running CLI: closes its input, waits {@link #STOP_GRACE}
     * for it to exit, then terminates it and its descendants.
     */
    public void stop() {
        close();
        LiveConnection current = live;
        if (current != null) {
            current.connection().stop(STOP_GRACE);
        }
    }

    // The launch within its observation, which ends with the handshake; the observers may add
    // variables to the CLI's environment (trace context), never over those the options set.
    private LiveConnection observedOpen(Launch planned, CliLaunch launch) {
        if (observers.isEmpty()) {
            return open(planned);
        }
        Observation<Void> observation = observers.cliLaunch(launch);
        try (Observation.Scope scope = observation.open()) {
            Map<String, String> environment = new LinkedHashMap<>(observers.cliEnvironment(launch));
            LaunchSpec spec = planned.spec();
            environment.putAll(spec.environment());
            LiveConnection opened = open(planned.withSpec(new LaunchSpec(spec.executable(), spec.arguments(), environment,
                    spec.inherit(), spec.workingDirectory(), spec.files())));
            observers.endLaunch(observation, opened.initialized());
            return opened;
        } catch (RuntimeException e) {
            observers.endLaunch(observation, CompletableFuture.failedFuture(e));
            throw e;
        }
    }

    private LiveConnection open(Launch launch) {
        ObjectNode initialize = InitializeRequest.of(options, initializeContributions);
        launch.initialize().forEach((field, value) -> initialize.set(field, Json.toNode(value)));
        LiveConnection opened;
        try {
            opened = LiveConnection.open(transport, launch,
                    options.maxStdoutLineBytes().orElse(ClaudeCodeOptions.DEFAULT_MAX_STDOUT_LINE_BYTES),
                    inbound, new ConnectionEvents(), initialize, runtimeSettings.replay(), handshakeTimeout());
        } catch (RuntimeException | Error e) {
            launch.afterExit().run();
            throw e;
        }
        opened.connection().addSecrets(addedSecrets);
        // the CLI has read its configuration once it answers initialize: private files it was
        // handed for start-up go then, the rest when it exits
        opened.initialized().whenComplete((answer, failure) -> launch.afterHandshake().run());
        opened.connection().ended().whenComplete((ended, failure) -> launch.afterExit().run());
        return opened;
    }

    // A cold start under load can take seconds: a short control timeout, chosen for snappy
    // runtime calls, must not fail the start-up handshake.
    private Duration handshakeTimeout() {
        Duration configured = options.controlTimeout();
        return configured.compareTo(ClaudeCodeOptions.DEFAULT_CONTROL_TIMEOUT) > 0 ? configured : ClaudeCodeOptions.DEFAULT_CONTROL_TIMEOUT;
    }

    /** Receives what a CLI process reports. */
    private final class ConnectionEvents implements CliConnection.Events {

        @Override
        public void onMessage(CliConnection from, Message message) {
            onMessage(from, message, 0);
        }

        @Override
        public void onMessage(CliConnection from, Message message, int lineBytes) {
            // a CLI that no turn was written to (one that failed to resume) does not speak for the session
            TurnOnConnection turn = lastTurn;
            boolean current = turn != null && turn.connection() == from;
            if (current) {
                message.sessionId().filter(id -> !id.isEmpty()).ifPresent(this::adopt);
            }
            if (message instanceof InitMessage init) {
                UnsupportedVersionWarning.check(init.claudeCodeVersion());
            }
            events.onMessage(message, current ? Optional.of(turn.turn()) : Optional.empty(), lineBytes);
        }

        // The one place where a session id reported by a CLI (local, remote, in a pool) enters the
        // session: it later names the conversation to resume and the transcript to read, so only
        // an id the CLI could have made (a UUID) is taken.
        private void adopt(String id) {
            if (SessionIds.isValid(id)) {
                sessionId = id;
            } else if (!id.equals(refusedId)) {
                refusedId = id;
                LOG.warn("the CLI reported the session id {}, which is not a UUID; the session does not take it",
                        SessionIds.printable(id));
            }
        }

        @Override
        public void onTranscriptMirror(CliConnection from, JsonNode frame, int length) {
            events.onTranscriptMirror(frame, length);
        }

        @Override
        public void onCaughtUp(CliConnection from) {
            TurnOnConnection turn = lastTurn;
            if (turn != null && turn.connection() == from) {
                turn.turn().handOver();
            }
        }

        @Override
        public void onProtocolError(ProtocolException error) {
            LOG.warn("{}", error.getMessage());
        }

        @Override
        public void onStderr(String line) {
            events.onStderr(line);
        }

        @Override
        public void onExit(CliConnection exited, Optional<ClaudeCodeException> failure) {
            RuntimeException error = failure.<RuntimeException>map(f -> f)
                    .orElseGet(() -> new SessionClosedException("the CLI was stopped"));
            connectionLock.lock();
            try {
                LiveConnection current = live;
                if (current != null && current.connection() == exited) {
                    live = null;
                    lastFailure = failure.isPresent() ? error : null;
                }
            } finally {
                connectionLock.unlock();
            }
            // Only the turn written to this CLI fails: a CLI replaced by a reset, or by a new one
            // before its exit was reported, must not fail a turn running on its successor.
            TurnOnConnection turn = lastTurn;
            if (turn != null && turn.connection() == exited) {
                events.onConnectionLost(turn.turn(), error);
            }
        }
    }
}
