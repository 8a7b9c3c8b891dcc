package dev.claudecode;

import dev.claudecode.errors.ClaudeCodeException;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.errors.CliProcessException;
import dev.claudecode.control.Health;
import dev.claudecode.control.SessionControl;
import dev.claudecode.errors.SessionClosedException;
import dev.claudecode.internal.launch.LaunchSecrets;
import dev.claudecode.internal.launch.OptionsCallbacks;
import dev.claudecode.control.InterruptReceipt;
import dev.claudecode.internal.control.Await;
import dev.claudecode.internal.control.ControlResponses;
import dev.claudecode.internal.callback.CallbackConfig;
import dev.claudecode.internal.callback.CallbackRouter;
import dev.claudecode.internal.control.InitializeRequest;
import dev.claudecode.internal.control.RuntimeControl;
import dev.claudecode.internal.control.RuntimeSettings;
import dev.claudecode.internal.observe.Observers;
import dev.claudecode.internal.session.Connector;
import dev.claudecode.internal.session.Launcher;
import dev.claudecode.internal.session.SerialExecutor;
import dev.claudecode.internal.session.SessionPlace;
import dev.claudecode.internal.session.Turn;
import dev.claudecode.internal.session.TurnScheduler;
import dev.claudecode.internal.store.SessionStoreLink;
import dev.claudecode.history.History;
import dev.claudecode.history.HistoryQuery;
import dev.claudecode.history.SessionInfo;
import dev.claudecode.history.SessionListQuery;
import dev.claudecode.history.SessionMessage;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.message.Message;
import dev.claudecode.node.Node;
import dev.claudecode.observe.Observation;
import dev.claudecode.observe.TurnStart;
import dev.claudecode.errors.NodeCommandException;
import dev.claudecode.node.NodeTask;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.store.SessionKey;
import dev.claudecode.transport.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A Claude Code session: one long-lived CLI process that holds a conversation over many turns.
 * Start one with {@link ClaudeCode#start(ClaudeCodeOptions)} and close it when done.
 *
 * <p>Turns run one at a time, in the order they were asked for; a turn asked for while another
 * runs waits its turn. If the CLI dies, the turn in flight fails with a {@link
 * CliProcessException} and the next turn starts a new CLI that resumes the conversation. A CLI
 * that goes quiet mid-turn is ended the same way when the options set an {@linkplain
 * ClaudeCodeOptions#inactivityTimeout() inactivity timeout}; without one, {@link #interrupt()},
 * closing the turn's stream or {@link #stop()} end the wait.
 *
 * <p>The runtime controls are behind {@link #control()}: {@code session.control().setModel("haiku")},
 * {@code session.control().mcpStatus()}, ... They work at any time, also while a turn streams,
 * each within the {@linkplain ClaudeCodeOptions#controlTimeout() control timeout}; a control call
 * made when no CLI runs (after a crash or {@link #clear()}) starts one. See {@link SessionControl}.
 *
 * <p>The session's verbs at a glance: turns ({@link #stream}, {@link #query}, {@link #queryAsync},
 * {@link #interrupt()}, {@link #clear()}); runtime controls ({@link #control()}) and {@link
 * #health()}; the conversation's history ({@link #messages()}, {@link #listSessions()}); the
 * machine the CLI runs on ({@link #node()}, {@link #execute}); {@link #addListener listeners};
 * state ({@link #sessionId()}, {@link #isAlive()}, {@link #options()}); and {@link #stop()}.
 *
 * <p>All methods are thread-safe.
 */
public final class Session implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);
    /** The longest a start waits for the CLI to connect the in-process MCP servers. */
    private static final Duration SDK_SERVERS_TIMEOUT = Duration.ofSeconds(30);

    private final ClaudeCodeOptions options;
    private final Transport transport;
    // Reports the session's operations to the observers of its options.
    private final Observers observers;
    private final Observation<Void> observation;
    // Answers the CLI's can_use_tool, hook_callback and mcp_message requests for every CLI of the session.
    private final CallbackRouter callbacks;
    private final SerialExecutor turnExecutor = new SerialExecutor("claude-code-turns");
    private final SerialExecutor listenerExecutor = new SerialExecutor("claude-code-listeners");
    private final List<Consumer<Message>> listeners = new CopyOnWriteArrayList<>();
    // launches, resumes and replaces the session's CLI
    private final Connector connector;
    private final TurnScheduler scheduler;
    private final SessionControl control;
    // The session's store, when its options name one: mirroring, resume from the store, history.
    private final Optional<SessionStoreLink> storeLink;

    Session(ClaudeCodeOptions options, Transport transport, Launcher launcher) {
        this(options, transport, launcher, Optional.empty());
    }

    Session(ClaudeCodeOptions options, Transport transport, Launcher launcher, Optional<SessionStoreLink> storeLink) {
        this(options, transport, launcher, storeLink, Observers.of(options.observers()));
    }

    Session(ClaudeCodeOptions options, Transport transport, Launcher launcher, Optional<SessionStoreLink> storeLink,
            Observers observers) {
        this.options = options;
        this.transport = transport;
        this.storeLink = storeLink;
        this.observers = observers;
        this.observation = observers.session();
        storeLink.ifPresent(link -> link.reportTo(this::dispatch));
        CallbackConfig callbackConfig = OptionsCallbacks.callbacks(options);
        this.callbacks = callbackConfig.newRouter(this::sessionId, this::callbackCwd, observers, this::callbackParent);
        OptionsCallbacks.shadowedPermissionCallback(options).forEach(problem -> LOG.warn("{}", problem));
        RuntimeSettings runtimeSettings = new RuntimeSettings();
        this.connector = new Connector(transport, launcher, options, callbacks, runtimeSettings, new ConnectorEvents(),
                observers);
        connector.addInitializeContribution(callbackConfig::addTo);
        this.scheduler = new TurnScheduler(turnExecutor, connector,
                options.maxBufferedBytes().orElse(ClaudeCodeOptions.DEFAULT_MAX_BUFFERED_BYTES));
        this.control = new RuntimeControl(connector::control, connector::serverInfo, runtimeSettings, options.model(),
                new SdkServers());
    }

    /**
     * Launches the CLI now rather than at the first turn, so that start-up failures show at once,
     * and waits until the CLI has connected the in-process MCP servers it connects as it starts, so
     * that they are there for the first turn and in {@code mcpStatus()} (bounded by the handshake
     * timeout; a server that is not connected by then is left to the CLI, with a warning).
     */
    void connectEagerly() {
        Set<String> sdkServers = connector.current().launch().sdkServersAtStart();
        if (sdkServers.isEmpty()) {
            return;
        }
        Duration timeout = options.controlTimeout().compareTo(SDK_SERVERS_TIMEOUT) < 0 ? options.controlTimeout() : SDK_SERVERS_TIMEOUT;
        try {
            if (!callbacks.awaitSdkServers(sdkServers, timeout)) {
                LOG.warn("the CLI did not connect the in-process MCP servers {} within {} s of its start",
                        sdkServers, timeout.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionClosedException("interrupted while the CLI connected the in-process MCP servers");
        }
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
        Turn turn = Turn.of(input.content(), input.uuid(), input.verbatim() || options.verbatimPrompts(),
                observers.turn(new TurnStart(sessionId(), input.uuid())));
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
     * error_during_execution} result. Queued user messages survive it and run next. Does nothing
     * when no turn runs. Never starts a CLI. Unless the options declare
     * {@link ClaudeCodeOptions#perTaskStopAffordance()}, the CLI also stops background agents.
     *
     * @return the CLI's receipt, listing the queued messages that will still run (CLIs newer than
     *     2.1.197; {@code interrupt_receipt_v1}); empty when no CLI runs or the CLI sends none
     * @throws dev.claudecode.errors.ControlException when the CLI refuses or does not answer within
     *     the control timeout
     */
    public Optional<InterruptReceipt> interrupt() {
        return interrupt(false);
    }

    /**
     * Interrupts the turn in progress and cancels every queued user message that carries a uuid
     * ({@code interrupt} with {@code cancel_queued}, introduced after CLI 2.1.197, capability
     * {@code interrupt_cancel_queued_v1}; older CLIs ignore the field and keep the queue): one
     * request that stops the session's work, as a person's Stop button means.
     *
     * @return the receipt, listing the cancelled messages under {@code cancelled}; empty when no CLI
     *     runs or the CLI sends none
     * @throws dev.claudecode.errors.ControlException when the CLI refuses or does not answer within
     *     the control timeout
     */
    public Optional<InterruptReceipt> interruptAndCancelQueued() {
        return interrupt(true);
    }

    private Optional<InterruptReceipt> interrupt(boolean cancelQueued) {
        return connector.interrupt(cancelQueued, options.controlTimeout())
                .flatMap(answer -> ControlResponses.interruptReceipt(Await.answer(answer, "interrupt")));
    }

    // ---------------------------------------------------------------- runtime controls and health

    /**
     * Returns the session's runtime controls: model, thinking budget, permission mode, MCP
     * servers, file rewinds, background tasks, settings, what the CLI offers, and any other
     * control request. They work at any time, also while a turn streams; see {@link SessionControl}.
     *
     * @return the controls; the same object at every call
     */
    public SessionControl control() {
        return control;
    }

    /**
     * Tells whether the session's CLI runs and has completed its start-up handshake. Never
     * starts a CLI and never waits.
     *
     * @return the health now
     */
    public Health health() {
        return connector.health();
    }

    // ---------------------------------------------------------------- history and node

    /**
     * Reads this session's conversation from its transcript, on the machine where the CLI runs, or
     * from the {@linkplain ClaudeCodeOptions#sessionStore() session store} when the options name one.
     *
     * @param query which messages: limit, offset and what to include
     * @return the messages, oldest first; empty until the CLI has reported the session id
     */
    public List<SessionMessage> messages(HistoryQuery query) {
        Optional<String> id = connector.sessionId();
        if (id.isEmpty()) {
            return List.of();
        }
        if (storeLink.isPresent()) {
            return storeLink.get().history().messages(SessionKey.of(storeLink.get().projectKey(), id.get()), query);
        }
        SessionPlace place = place();
        return History.at(place.configDir()).messages(id.get(), place.cwd(), query);
    }

    /**
     * Reads this session's whole conversation from its transcript, on the machine where the CLI runs.
     *
     * @return the messages, oldest first; empty until the CLI has reported the session id
     */
    public List<SessionMessage> messages() {
        return messages(HistoryQuery.all());
    }

    /**
     * Lists the sessions of this session's working directory (and its git worktrees), newest
     * first, on the machine where the CLI runs, or those of the session store when the options
     * name one (which knows no worktrees).
     *
     * @return the sessions
     */
    public List<SessionInfo> listSessions() {
        if (storeLink.isPresent()) {
            return storeLink.get().history().listSessions(storeLink.get().projectKey());
        }
        SessionPlace place = place();
        return History.at(place.configDir()).listSessions(SessionListQuery.forProject(place.cwd()));
    }

    /**
     * Lists sessions as the query asks, on the machine where the CLI runs, or in the session store
     * (one project: the query's, else this session's).
     *
     * @param query project, limit, offset and worktrees
     * @return the sessions
     */
    public List<SessionInfo> listSessions(SessionListQuery query) {
        if (storeLink.isPresent()) {
            return storeLink.get().history().listSessions(query.projectPath().isPresent() ? query
                    : query.toBuilder().projectPath(place().cwd()).build());
        }
        return History.at(place().configDir()).listSessions(query);
    }

    /**
     * Waits until the transcript lines the CLI has reported so far are in the
     * {@linkplain ClaudeCodeOptions#sessionStore() session store}. Lines are appended in the
     * background at the end of each turn; call this before another machine resumes the
     * conversation while this session stays open. (Closing the session waits for them anyway.)
     *
     * @param timeout how long to wait at most
     * @return true when they are appended, or given up and reported as a {@code mirror_error}, or
     *     when the session has no store; false when the timeout came first
     */
    public boolean flushSessionStore(Duration timeout) {
        return storeLink.map(link -> link.flush(timeout)).orElse(true);
    }

    /**
     * Returns the machine the CLI runs on: this one for a local session, the remote host for a
     * remote one.
     *
     * @return its files and a command runner
     */
    public Node node() {
        return transport.node();
    }

    /**
     * Runs a task against the machine where the CLI runs: this machine for a local session, the
     * remote host for a remote one.
     *
     * @param task the work
     * @param <T> what it returns
     * @return what the task returned
     * @throws NodeCommandException wrapping a checked failure of the task
     */
    public <T> T execute(NodeTask<T> task) {
        try {
            return task.run(transport.node());
        } catch (ClaudeCodeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeCommandException("interrupted while running a task on " + transport.node().name(), e);
        } catch (Exception e) {
            throw new NodeCommandException("a task on " + transport.node().name() + " failed: " + e.getMessage(), e);
        }
    }

    private SessionPlace place() {
        return SessionPlace.on(options, transport.node());
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

    /**
     * Returns the conversation's session id: the one the options resume or set, then the one the
     * CLI reports. Empty until known; a {@link #clear()} forgets it once the turns asked for before
     * it have run, until the next turn's CLI names the new conversation.
     *
     * @return the session id, when known
     */
    public Optional<String> sessionId() {
        return connector.sessionId();
    }

    /**
     * Tells whether the session is open and a CLI runs for it. Never starts a CLI; see {@link
     * #health()} for why one does not run.
     *
     * @return whether the session is open and its CLI runs
     */
    public boolean isAlive() {
        return !connector.isClosed() && connector.isReady();
    }

    /**
     * Returns the options the session was started with.
     *
     * @return the options
     */
    public ClaudeCodeOptions options() {
        return options;
    }

    /**
     * Stops the session: interrupts a turn in progress, closes the CLI's input, waits a grace
     * period for it to exit, then terminates it and its descendants. Turns still waiting fail with
     * {@link SessionClosedException}. Idempotent.
     */
    public void stop() {
        if (!connector.close()) {
            return;
        }
        Optional<Turn> active = scheduler.active();
        if (active.isPresent()) {
            connector.interrupt(Duration.ofSeconds(2)).ifPresent(answer -> {
                try {
                    answer.get(3, TimeUnit.SECONDS);
                    active.get().awaitDone(Duration.ofSeconds(2));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException | TimeoutException e) {
                    LOG.debug("interrupting the turn at stop failed: {}", e.toString());
                }
            });
        }
        scheduler.close(new SessionClosedException("the session was stopped"));
        connector.stop();
        callbacks.close();
        // after the CLI: the lines it wrote as it stopped are appended too
        storeLink.ifPresent(SessionStoreLink::close);
        observation.end(null);
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
        connector.interrupt(options.controlTimeout()).ifPresent(answer -> answer.exceptionally(error -> {
            LOG.debug("interrupting an abandoned turn failed: {}", error.toString());
            return null;
        }));
    }

    /**
     * Registers a part of the initialize request that callbacks own; it takes effect from the
     * next launch of the CLI.
     */
    void addInitializeContribution(InitializeRequest.Contribution contribution) {
        connector.addInitializeContribution(contribution);
    }

    // The working directory a permission callback is told about; a transport that cannot say
    // where its CLI runs must not make the permission prompt fail.
    private Optional<String> callbackCwd() {
        try {
            return Optional.of(place().cwd().toString());
        } catch (RuntimeException e) {
            LOG.debug("the session's working directory is not known: {}", e.toString());
            return options.cwd().map(Object::toString);
        }
    }

    private void ensureOpen() {
        connector.ensureOpen();
    }

    // What a callback belongs to, for the observers: its tool use or the active turn, else the
    // launch whose handshake is under way.
    private Observation<?> callbackParent(Optional<String> toolUseId) {
        return scheduler.active().<Observation<?>>map(turn -> turn.watch().parentOf(toolUseId))
                .orElseGet(observers::launchInProgress);
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

    /** The session's in-process MCP servers, as its controls see them. */
    private final class SdkServers implements RuntimeControl.SdkServers {

        @Override
        public void register(Map<String, ? extends McpServerConfig> servers) {
            callbacks.registerSdkServers(servers);
            // the env and headers of the others are handed to the CLI: mask them in what it reports
            connector.addSecrets(LaunchSecrets.of(servers));
        }

        @Override
        public boolean switched(String name, boolean enabled) {
            return callbacks.switchSdkServer(name, enabled);
        }

        @Override
        public Set<String> connectedWithin(Duration window) {
            return callbacks.sdkServersConnectedWithin(window);
        }
    }

    /** Hands what the session's CLIs report to the listeners and the turns. */
    private final class ConnectorEvents implements Connector.Events {

        @Override
        public void onMessage(Message message, Optional<Turn> turn) {
            onMessage(message, turn, 0);
        }

        @Override
        public void onMessage(Message message, Optional<Turn> turn, int lineBytes) {
            dispatch(message);
            turn.ifPresent(target -> scheduler.onMessage(target, message, lineBytes));
            if (message instanceof ResultMessage) {
                storeLink.ifPresent(SessionStoreLink::onTurnEnd);
            }
        }

        @Override
        public void onTranscriptMirror(JsonNode frame, int length) {
            storeLink.ifPresent(link -> link.onTranscriptMirror(frame, length));
        }

        @Override
        public void onConnectionLost(Turn turn, RuntimeException error) {
            scheduler.onConnectionLost(turn, error);
        }

        @Override
        public void onStderr(String line) {
            options.stderr().ifPresent(consumer -> listenerExecutor.execute(() -> consumer.accept(line)));
        }
    }
}
