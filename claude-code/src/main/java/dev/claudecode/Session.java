package dev.claudecode;

import dev.claudecode.control.AccountInfo;
import dev.claudecode.control.AgentInfo;
import dev.claudecode.control.BinaryVersion;
import dev.claudecode.errors.ClaudeCodeException;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.errors.CliProcessException;
import dev.claudecode.control.ContextUsage;
import dev.claudecode.control.EffectiveSettings;
import dev.claudecode.control.Health;
import dev.claudecode.control.ModelInfo;
import dev.claudecode.errors.ProtocolException;
import dev.claudecode.control.RewindResult;
import dev.claudecode.control.ServerInfo;
import dev.claudecode.errors.SessionClosedException;
import dev.claudecode.internal.launch.OptionsCallbacks;
import dev.claudecode.internal.control.Await;
import dev.claudecode.internal.control.ControlRequests;
import dev.claudecode.internal.callback.CallbackConfig;
import dev.claudecode.internal.callback.CallbackRouter;
import dev.claudecode.internal.control.InitializeRequest;
import dev.claudecode.internal.control.RuntimeControl;
import dev.claudecode.internal.control.RuntimeSettings;
import dev.claudecode.internal.session.CliConnection;
import dev.claudecode.internal.session.ConversationLost;
import dev.claudecode.internal.session.HealthProbe;
import dev.claudecode.internal.session.InactivityWatchdog;
import dev.claudecode.internal.session.Launcher;
import dev.claudecode.internal.session.LiveConnection;
import dev.claudecode.internal.session.SerialExecutor;
import dev.claudecode.internal.session.SessionPlace;
import dev.claudecode.internal.session.Turn;
import dev.claudecode.internal.session.TurnScheduler;
import dev.claudecode.internal.store.SessionStoreLink;
import dev.claudecode.internal.protocol.InboundRequestHandler;
import dev.claudecode.history.History;
import dev.claudecode.history.HistoryQuery;
import dev.claudecode.history.SessionInfo;
import dev.claudecode.history.SessionListQuery;
import dev.claudecode.history.SessionMessage;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.mcp.McpServerStatus;
import dev.claudecode.mcp.McpSetServersResult;
import dev.claudecode.message.Message;
import dev.claudecode.node.Node;
import dev.claudecode.errors.NodeCommandException;
import dev.claudecode.node.NodeTask;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.message.SlashCommand;
import dev.claudecode.permission.PermissionMode;
import dev.claudecode.store.SessionKey;
import dev.claudecode.transport.LaunchSpec;
import dev.claudecode.transport.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
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
 * CliProcessException} and the next turn starts a new CLI that resumes the conversation. A CLI
 * that goes quiet mid-turn is ended the same way when the options set an {@linkplain
 * ClaudeCodeOptions#inactivityTimeout() inactivity timeout}; without one, {@link #interrupt()},
 * closing the turn's stream or {@link #stop()} end the wait.
 *
 * <p>Runtime controls ({@link #setModel}, {@link #setPermissionMode}, {@link #mcpStatus},
 * {@link #rewindFiles}, ...) work at any time, also while a turn streams. Each waits at most the
 * {@linkplain ClaudeCodeOptions#controlTimeout() control timeout} for the CLI's answer, failing
 * with {@link dev.claudecode.errors.ControlTimeoutException}; the CLI's refusals become a {@link dev.claudecode.errors.ControlException}
 * carrying its message. A control call made while the CLI is still starting waits for its
 * start-up handshake, within the same timeout, and one made when no CLI runs (after a crash or
 * {@link #clear()}) starts one. Model, permission mode and thinking budget set here are given
 * again to every new CLI the session starts.
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
    // Answers the CLI's can_use_tool, hook_callback and mcp_message requests for every CLI of the session.
    private final CallbackRouter callbacks;
    private final SerialExecutor turnExecutor = new SerialExecutor("claude-code-turns");
    private final SerialExecutor listenerExecutor = new SerialExecutor("claude-code-listeners");
    private final TurnScheduler scheduler;
    private final List<Consumer<Message>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    // a lock rather than a monitor: connect() holds it while a CLI launches and, when it resumes,
    // while the handshake runs, and a virtual thread must not pin its carrier that long on Java 21
    private final ReentrantLock connectionLock = new ReentrantLock();
    // Extension point: the callback registries (hooks, SDK MCP servers) add their part of the
    // initialize request here; it is rebuilt from options and these at every launch.
    private final List<InitializeRequest.Contribution> initializeContributions = new CopyOnWriteArrayList<>();
    private final RuntimeSettings runtimeSettings = new RuntimeSettings();
    private final RuntimeControl runtime = new RuntimeControl(this::control, runtimeSettings);
    // The session's store, when its options name one: mirroring, resume from the store, history.
    private final Optional<SessionStoreLink> storeLink;
    private volatile LiveConnection live;
    // The turn last written and the CLI it went to: when that CLI ends, only that turn may fail.
    private volatile TurnOnConnection lastTurn;
    private volatile RuntimeException lastFailure;
    private volatile boolean launching;
    private volatile String sessionId;
    private volatile boolean launchedOnce;
    private volatile boolean freshNext;

    Session(ClaudeCodeOptions options, Transport transport, Launcher launcher) {
        this(options, transport, launcher, Optional.empty());
    }

    Session(ClaudeCodeOptions options, Transport transport, Launcher launcher, Optional<SessionStoreLink> storeLink) {
        this.options = options;
        this.transport = transport;
        this.launcher = launcher;
        this.storeLink = storeLink;
        storeLink.ifPresent(link -> link.reportTo(this::dispatch));
        CallbackConfig callbackConfig = OptionsCallbacks.callbacks(options);
        this.callbacks = callbackConfig.newRouter(this::sessionId, this::callbackCwd);
        this.inboundHandler = callbacks;
        initializeContributions.add(callbackConfig::addTo);
        OptionsCallbacks.shadowedPermissionCallback(options).forEach(problem -> LOG.warn("{}", problem));
        this.scheduler = new TurnScheduler(turnExecutor, new TurnScheduler.Driver() {
            @Override
            public void start(Turn turn) {
                LiveConnection current = connect();
                CliConnection connection = current.connection();
                lastTurn = new TurnOnConnection(turn, connection);
                connection.write(turn.userLine());
                options.inactivityTimeout().ifPresent(limit -> InactivityWatchdog.watch(turn, current, limit));
            }

            @Override
            public void reset() {
                resetConversation();
            }

            @Override
            public boolean isReady() {
                LiveConnection current = live;
                return current != null && current.connection().isAlive();
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
        LiveConnection current = live;
        if (current == null || !current.connection().isAlive()) {
            return;
        }
        // Not held back by the handshake: an interrupt is urgent, and the CLI takes it at any time.
        Await.answer(current.connection().control().request(ControlRequests.interrupt(), options.controlTimeout()), "interrupt");
    }

    // ---------------------------------------------------------------- runtime control

    /**
     * Switches the model for the following API calls, also mid-turn. The CLI does not check the
     * name: an unknown model fails only at its next API call. The CLI reports the switch with a
     * {@code <local-command-stdout>} user message (marked {@code isReplay}).
     *
     * @param model a model alias such as {@code sonnet}, a full model id, or {@code default}; see
     *     {@link #supportedModels()}
     * @throws IllegalArgumentException when the name is blank
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    public void setModel(String model) {
        runtime.setModel(Optional.of(model));
    }

    /**
     * Switches back to the model the session started with: the options' {@code model}, or the
     * CLI's default model when the options name none. (The CLI's own reset, a {@code set_model}
     * without a model, always goes to its default, whatever {@code --model} said.)
     *
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    public void resetModel() {
        runtime.setModel(options.model());
    }

    /**
     * Changes the permission mode. The CLI accepts any value without checking it, so pass one of
     * the {@link PermissionMode} constants, or {@link PermissionMode#of} for a mode of a newer CLI;
     * a valid change is reported with a {@code system/status} message.
     *
     * @param mode the new mode
     * @throws dev.claudecode.errors.ControlException when the CLI refuses, e.g. {@code bypassPermissions} in a session
     *     not started with {@code allowDangerouslySkipPermissions}
     */
    public void setPermissionMode(PermissionMode mode) {
        runtime.setPermissionMode(mode);
    }

    /**
     * Sets the thinking budget of the following API calls: a number of tokens, 0 to turn thinking
     * off, or {@code null} for the default. Models with adaptive thinking only take 0 into account.
     *
     * @param maxThinkingTokens the budget, not negative; null for the default
     * @throws IllegalArgumentException when negative
     */
    public void setMaxThinkingTokens(Integer maxThinkingTokens) {
        runtime.setMaxThinkingTokens(maxThinkingTokens == null ? OptionalInt.empty() : OptionalInt.of(maxThinkingTokens));
    }

    /**
     * Sets the thinking budget of the following API calls.
     *
     * @param maxThinkingTokens the budget, not negative, 0 for off; empty for the default
     * @throws IllegalArgumentException when negative
     */
    public void setMaxThinkingTokens(OptionalInt maxThinkingTokens) {
        runtime.setMaxThinkingTokens(maxThinkingTokens);
    }

    /**
     * Lists the session's MCP servers with their connection status, tools and errors.
     *
     * @return the servers, in the CLI's order
     */
    public List<McpServerStatus> mcpStatus() {
        return runtime.mcpStatus();
    }

    /**
     * Reconnects an MCP server that the CLI connects to itself, e.g. one that failed.
     *
     * @param serverName the server's name
     * @throws dev.claudecode.errors.ControlException for an unknown server ({@code Server not found: …}) and for
     *     in-process SDK servers, which the CLI cannot reconnect
     */
    public void mcpReconnect(String serverName) {
        runtime.mcpReconnect(serverName);
    }

    /**
     * Switches an MCP server off or on. A server switched off keeps its status but offers no
     * tools; an in-process SDK server cannot be switched back on.
     *
     * @param serverName the server's name
     * @param enabled whether it is on
     * @throws dev.claudecode.errors.ControlException for an unknown server, or when the CLI cannot switch it
     */
    public void mcpToggle(String serverName, boolean enabled) {
        runtime.mcpToggle(serverName, enabled);
    }

    /**
     * Replaces the session's dynamically managed MCP servers with these, connecting the new ones.
     * That set includes servers registered at start-up as in-process SDK servers, but not those
     * of the options' {@code mcpServers} or {@code mcpConfig}. An empty map removes them all. The
     * change lasts as long as the current CLI.
     *
     * @param servers the servers by name
     * @return the servers added and removed, and those that could not be started with the reason
     */
    public McpSetServersResult setMcpServers(Map<String, ? extends McpServerConfig> servers) {
        callbacks.registerSdkServers(servers);
        return runtime.setMcpServers(servers);
    }

    /**
     * Restores the files the session changed to their state before a user message, deleting
     * files created since. Needs {@link ClaudeCodeOptions#enableFileCheckpointing()}.
     *
     * @param userMessageId the uuid of a user message of this session, as given with
     *     {@link UserInput#withUuid} or read from a replayed user message
     * @param dryRun true to only report what a rewind would change
     * @return the result; a dry run without checkpointing says so in {@code error}
     * @throws dev.claudecode.errors.ControlException when a real rewind is impossible: checkpointing off
     *     ({@code File rewinding is not enabled.}) or no checkpoint for that message
     */
    public RewindResult rewindFiles(String userMessageId, boolean dryRun) {
        return runtime.rewindFiles(userMessageId, dryRun);
    }

    /**
     * Stops a background task (a background Bash command or subagent). Its end is reported with
     * {@code system/task_updated} and a {@code system/task_notification} whose status is
     * {@code stopped}. An unknown or finished task is not an error.
     *
     * @param taskId the task id, from {@link dev.claudecode.message.TaskStartedMessage#taskId()}
     */
    public void stopTask(String taskId) {
        runtime.stopTask(taskId);
    }

    /**
     * Reports how full the context window is, by category. The CLI may take a second for it.
     *
     * @return the usage
     */
    public ContextUsage contextUsage() {
        return runtime.contextUsage();
    }

    /**
     * Sets the session's title, as {@code /rename} does; it is stored with the session.
     *
     * @param title the title, not blank
     */
    public void renameSession(String title) {
        runtime.renameSession(title);
    }

    /**
     * Reports the settings in effect: merged, per source, and as actually applied.
     *
     * @return the settings
     */
    public EffectiveSettings getSettings() {
        return runtime.getSettings();
    }

    /**
     * Layers settings over the session's at runtime, as the {@code flagSettings} source, e.g.
     * {@code Map.of("model", "haiku")}. They last as long as the current CLI.
     *
     * @param settings settings as plain JSON values
     */
    public void applyFlagSettings(Map<String, ?> settings) {
        runtime.applyFlagSettings(settings);
    }

    /**
     * Asks the running CLI for its version.
     *
     * @return the version and build time
     */
    public BinaryVersion binaryVersion() {
        return runtime.binaryVersion();
    }

    /**
     * Sends a control request of any subtype and returns the CLI's answer, for subtypes this
     * class has no method for (for example {@code get_usage} or {@code reload_plugins} of the
     * pinned CLI, or those of newer CLIs). It waits for the start-up handshake like every control
     * call.
     *
     * @param subtype the request's subtype, e.g. {@code get_usage}
     * @param fields its other fields as plain JSON values
     * @return the answer's payload as plain JSON; empty when the answer has none
     * @throws dev.claudecode.errors.ControlException when the CLI answers with an error, e.g.
     *     {@code Unsupported control request subtype: …}
     */
    public Map<String, Object> controlRequest(String subtype, Map<String, ?> fields) {
        return runtime.request(subtype, fields);
    }

    // ---------------------------------------------------------------- introspection

    /**
     * What the current CLI reported at start-up: commands, agents, models, account, output
     * styles. Waits for the start-up handshake when it is under way, and starts a CLI when none
     * runs.
     *
     * @return the server info of the current CLI
     * @throws CliProcessException when the CLI exits before it answers
     */
    public ServerInfo serverInfo() {
        ensureOpen();
        return Await.answer(connect().serverInfo(), "initialize");
    }

    /**
     * Lists the models the session can switch to, from {@link #serverInfo()}.
     *
     * @return the models
     */
    public List<ModelInfo> supportedModels() {
        return serverInfo().models();
    }

    /**
     * Lists the slash commands and skills the session offers, from {@link #serverInfo()}.
     *
     * @return the commands
     */
    public List<SlashCommand> supportedCommands() {
        return serverInfo().commands();
    }

    /**
     * Lists the subagents the session offers, from {@link #serverInfo()}.
     *
     * @return the agents
     */
    public List<AgentInfo> supportedAgents() {
        return serverInfo().agents();
    }

    /**
     * Tells who the CLI runs as, from {@link #serverInfo()}.
     *
     * @return the account
     */
    public AccountInfo accountInfo() {
        return serverInfo().account();
    }

    /**
     * Tells whether the session's CLI runs and has completed its start-up handshake. Never
     * starts a CLI and never waits.
     *
     * @return the health now
     */
    public Health health() {
        return HealthProbe.assess(closed.get(), launching, live, lastFailure);
    }

    // ---------------------------------------------------------------- history and node

    /**
     * Reads this session's conversation from its transcript, on the machine where the CLI runs, or
     * from the {@linkplain ClaudeCodeOptions#sessionStore() session store} when the options name one.
     *
     * @param query which messages: limit, offset and what to include
     * @return the messages, oldest first; empty until the CLI has reported the session id
     */
    public List<SessionMessage> getMessages(HistoryQuery query) {
        String id = sessionId;
        if (id == null) {
            return List.of();
        }
        if (storeLink.isPresent()) {
            return storeLink.get().history().getMessages(SessionKey.of(storeLink.get().projectKey(), id), query);
        }
        SessionPlace place = place();
        return History.at(place.configDir()).getMessages(id, place.cwd(), query);
    }

    /** @return this session's whole conversation, oldest first */
    public List<SessionMessage> getMessages() {
        return getMessages(HistoryQuery.all());
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

    /** @return the machine the CLI runs on: its files and a command runner */
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

    /** @return the conversation's session id, once the CLI has reported it */
    public Optional<String> sessionId() {
        return Optional.ofNullable(sessionId);
    }

    /** @return whether the session is open and its CLI runs */
    public boolean isAlive() {
        LiveConnection current = live;
        return !closed.get() && current != null && current.connection().isAlive();
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
        LiveConnection currentLive = live;
        CliConnection current = currentLive == null ? null : currentLive.connection();
        Optional<Turn> active = scheduler.active();
        if (current != null && current.isAlive() && active.isPresent()) {
            try {
                current.control().request(ControlRequests.interrupt(), Duration.ofSeconds(2)).get(3, TimeUnit.SECONDS);
                active.get().awaitDone(Duration.ofSeconds(2));
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
        callbacks.close();
        // after the CLI: the lines it wrote as it stopped are appended too
        storeLink.ifPresent(SessionStoreLink::close);
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
        LiveConnection current = live;
        if (current != null && current.connection().isAlive()) {
            current.connection().control().request(ControlRequests.interrupt(), options.controlTimeout())
                    .exceptionally(error -> {
                        LOG.debug("interrupting an abandoned turn failed: {}", error.toString());
                        return null;
                    });
        }
    }

    /**
     * Sends a control request to the current CLI, starting one when none runs; it waits for the
     * start-up handshake first.
     */
    JsonNode control(ObjectNode request) {
        ensureOpen();
        String subtype = request.path("subtype").asString("");
        return Await.answer(connect().gate().request(request, options.controlTimeout()), subtype);
    }

    /**
     * Registers a part of the initialize request that callbacks own; it takes effect from the
     * next launch of the CLI.
     */
    void addInitializeContribution(InitializeRequest.Contribution contribution) {
        initializeContributions.add(contribution);
    }

    private LiveConnection connect() {
        connectionLock.lock();
        try {
            LiveConnection current = live;
            if (current != null && current.connection().isAlive()) {
                return current;
            }
            ensureOpen();
            boolean recovering = !freshNext && launchedOnce && sessionId != null;
            var spec = freshNext ? launcher.fresh() : recovering ? launcher.resume(sessionId) : launcher.initial();
            launching = true;
            try {
                current = open(spec);
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
                current = open(launcher.fresh());
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

    private LiveConnection open(LaunchSpec spec) {
        return LiveConnection.open(transport, spec,
                options.maxStdoutLineBytes().isPresent() ? options.maxStdoutLineBytes().getAsInt() : Long.MAX_VALUE,
                inboundHandler, new ConnectionEvents(), InitializeRequest.of(options, initializeContributions),
                runtimeSettings.replay(), handshakeTimeout());
    }

    // A cold start under load can take seconds: a short control timeout, chosen for snappy
    // runtime calls, must not fail the start-up handshake.
    private Duration handshakeTimeout() {
        Duration configured = options.controlTimeout();
        return configured.compareTo(ClaudeCodeOptions.DEFAULT_CONTROL_TIMEOUT) > 0 ? configured : ClaudeCodeOptions.DEFAULT_CONTROL_TIMEOUT;
    }

    private void resetConversation() {
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
        if (closed.get()) {
            throw new SessionClosedException("the session is stopped");
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

    /** A turn and the CLI process its user message was written to. */
    private record TurnOnConnection(Turn turn, CliConnection connection) {
    }

    /** Receives what the current CLI process reports. */
    private final class ConnectionEvents implements CliConnection.Events {

        @Override
        public void onMessage(CliConnection from, Message message) {
            // a CLI that no turn was written to (one that failed to resume) does not speak for the session
            TurnOnConnection turn = lastTurn;
            boolean current = turn != null && turn.connection() == from;
            if (current) {
                message.sessionId().filter(id -> !id.isEmpty()).ifPresent(id -> sessionId = id);
            }
            dispatch(message);
            if (current) {
                scheduler.onMessage(turn.turn(), message);
            }
            if (message instanceof ResultMessage) {
                storeLink.ifPresent(SessionStoreLink::onTurnEnd);
            }
        }

        @Override
        public void onTranscriptMirror(CliConnection from, JsonNode frame, int length) {
            storeLink.ifPresent(link -> link.onTranscriptMirror(frame, length));
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
            options.stderr().ifPresent(consumer -> listenerExecutor.execute(() -> consumer.accept(line)));
        }

        @Override
        public void onExit(CliConnection exited, Optional<CliProcessException> failure) {
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
                scheduler.onConnectionLost(turn.turn(), error);
            }
        }
    }
}
