package dev.claudecode.console.session;

import dev.claudecode.ClaudeCode;
import dev.claudecode.errors.ClaudeCodeException;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.SessionStart;
import dev.claudecode.control.ContextUsage;
import dev.claudecode.MessageStream;
import dev.claudecode.control.RewindResult;
import dev.claudecode.Session;
import dev.claudecode.UserInput;
import dev.claudecode.mcp.McpServerStatus;
import dev.claudecode.message.InitMessage;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.permission.PermissionMode;
import dev.claudecode.transport.LocalTransport;
import dev.claudecode.transport.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session as a person drives it from the console: prompts queue up and run one after another on a
 * thread of their own, while the caller stays free to use the session's runtime controls (switch
 * the model or the permission mode, interrupt, look at MCP servers and context usage, rewind
 * files), which act on the running CLI at once. The CLI's permission prompts go to a
 * {@link PermissionPrompt} through the library's {@code canUseTool} callback. Everything that
 * happens is published as {@link ConsoleEvent}s to the subscribers, one event at a time, in order.
 */
public final class LiveSession implements AutoCloseable {

    /** The permission modes a person can switch to, as the CLI names them. */
    public static final List<String> PERMISSION_MODES = Stream.of(PermissionMode.DEFAULT, PermissionMode.ACCEPT_EDITS,
                    PermissionMode.PLAN, PermissionMode.AUTO, PermissionMode.DONT_ASK, PermissionMode.BYPASS_PERMISSIONS)
            .map(PermissionMode::value).toList();

    private static final Logger LOG = LoggerFactory.getLogger(LiveSession.class);
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private final Session session;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("console-turns").factory());
    private final List<Consumer<ConsoleEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final Object publishing = new Object();
    private final MessageRenderer renderer = new MessageRenderer();
    private final AtomicInteger pendingTurns = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    // the prompts of the current conversation; only the turn thread adds to it or empties it
    private final List<SentPrompt> prompts = new CopyOnWriteArrayList<>();
    private SessionState state;
    private volatile boolean interruptSent;

    private LiveSession(ClaudeCodeOptions options, Session session) {
        this.state = new SessionState(resumed(options.start()), options.model(), options.permissionMode().map(Object::toString));
        this.session = session;
    }

    // the session a resume names, shown until the CLI reports the id
    private static Optional<String> resumed(SessionStart start) {
        return start instanceof SessionStart.Resume resume ? Optional.of(resume.session()) : Optional.empty();
    }

    /**
     * Starts a session's CLI now, so that start-up failures show at once. The session asks the
     * prompt about every tool use the CLI wants permission for (remembering "always" answers for
     * the rest of the session), and keeps file checkpoints so that files can be rewound.
     *
     * @param options the session's options; their permission callback timeout bounds each question
     * @param prompt who answers the CLI's permission prompts
     * @return the live session; close it when done
     * @throws ClaudeCodeException when the CLI cannot be started
     */
    public static LiveSession start(ClaudeCodeOptions options, PermissionPrompt prompt) {
        return start(options, prompt, LocalTransport.create());
    }

    /**
     * Starts a session whose CLI runs through a transport of the caller's choice.
     *
     * @param options the session's options
     * @param prompt who answers the CLI's permission prompts
     * @param transport where and how the CLI runs
     * @return the live session; close it when done
     * @throws ClaudeCodeException when the CLI cannot be started
     * @see #start(ClaudeCodeOptions, PermissionPrompt)
     */
    public static LiveSession start(ClaudeCodeOptions options, PermissionPrompt prompt, Transport transport) {
        ClaudeCodeOptions wired = options.toBuilder()
                .canUseTool(new PromptedPermissions(new RememberingPrompt(prompt)))
                .enableFileCheckpointing(true)
                .build();
        return new LiveSession(wired, ClaudeCode.start(wired, transport));
    }

    /**
     * Subscribes to the session's events.
     *
     * @param subscriber receives each event; it should return quickly
     * @return closing it ends the subscription
     */
    public AutoCloseable subscribe(Consumer<ConsoleEvent> subscriber) {
        subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
        return () -> subscribers.remove(subscriber);
    }

    /**
     * Queues a prompt; it runs when the turns before it have ended.
     *
     * @param prompt what the user says
     * @return the turn's result, or its failure
     */
    public CompletableFuture<ResultMessage> submit(String prompt) {
        Objects.requireNonNull(prompt, "prompt");
        ensureOpen();
        pendingTurns.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return runTurn(prompt);
            } finally {
                pendingTurns.decrementAndGet();
            }
        }, worker);
    }

    /** @return whether a turn runs or waits */
    public boolean isBusy() {
        return pendingTurns.get() > 0;
    }

    /** Interrupts the turn in progress; it ends with an error result. Does nothing between turns. */
    public void interrupt() {
        ensureOpen();
        interruptSent = true;
        session.interrupt();
        publish(new ConsoleEvent.Notice("interrupt sent"));
    }

    /**
     * Makes the next prompt start a new conversation, after the turns already queued.
     *
     * @return done when the conversation is cleared
     */
    public CompletableFuture<Void> clear() {
        ensureOpen();
        return CompletableFuture.runAsync(() -> {
            session.clear();
            prompts.clear();
            renderer.cleared();
            updateState(current -> new SessionState(Optional.empty(), current.model(), current.permissionMode()));
            publish(new ConsoleEvent.Cleared());
        }, worker);
    }

    /**
     * Switches the model at once, also in the middle of a turn; the conversation goes on.
     *
     * @param model a model alias such as {@code sonnet}, a full model id, or {@code default}
     * @throws IllegalArgumentException when the name is blank
     * @throws ClaudeCodeException when the CLI refuses
     */
    public void setModel(String model) {
        ensureOpen();
        String name = Objects.requireNonNull(model, "model").strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name a model, such as sonnet or opus");
        }
        session.control().setModel(name);
        updateState(current -> new SessionState(current.sessionId(), Optional.of(name), current.permissionMode()));
        publish(new ConsoleEvent.Notice("model: " + name));
    }

    /**
     * Switches the permission mode at once, for the following tool uses.
     *
     * @param mode one of {@link #PERMISSION_MODES}
     * @throws IllegalArgumentException for a mode the CLI does not know (it would accept it silently)
     * @throws ClaudeCodeException when the CLI refuses
     */
    public void setPermissionMode(String mode) {
        ensureOpen();
        String name = checkPermissionMode(mode);
        session.control().setPermissionMode(PermissionMode.of(name));
        updateState(current -> new SessionState(current.sessionId(), current.model(), Optional.of(name)));
        publish(new ConsoleEvent.Notice("permission mode: " + name));
    }

    /**
     * Checks a permission mode's name.
     *
     * @param mode the name
     * @return the name, stripped
     * @throws IllegalArgumentException for a mode the CLI does not know, naming the ones it does
     */
    public static String checkPermissionMode(String mode) {
        String name = Objects.requireNonNull(mode, "mode").strip();
        if (!PERMISSION_MODES.contains(name)) {
            throw new IllegalArgumentException("unknown permission mode \"" + name + "\"; one of " + String.join(", ", PERMISSION_MODES));
        }
        return name;
    }

    /** @return the session's MCP servers, their state and tools, as the CLI reports them now */
    public List<McpServerStatus> mcpStatus() {
        ensureOpen();
        return session.control().mcpStatus();
    }

    /** @return how full the context window is, by category, as the CLI reports it now */
    public ContextUsage contextUsage() {
        ensureOpen();
        return session.control().contextUsage();
    }

    /** @return the prompts of the current conversation, oldest first */
    public List<SentPrompt> prompts() {
        return List.copyOf(prompts);
    }

    /**
     * Finds a prompt of the current conversation.
     *
     * @param reference its number ({@code 2} or {@code #2}) or its message id
     * @return the prompt, when there is one
     */
    public Optional<SentPrompt> prompt(String reference) {
        String ref = reference.strip();
        String number = ref.startsWith("#") ? ref.substring(1) : ref;
        return prompts.stream()
                .filter(prompt -> String.valueOf(prompt.number()).equals(number) || prompt.messageId().equals(ref))
                .findFirst();
    }

    /**
     * Restores the files the session changed to their state before a prompt, deleting files created
     * since, or with {@code dryRun} only reports what would change.
     *
     * @param reference the prompt's number or its message id (the uuid of a user message)
     * @param dryRun whether to only report what would change
     * @return what the CLI reports
     * @throws IllegalArgumentException for a prompt number this conversation does not have
     * @throws ClaudeCodeException when the CLI cannot rewind, e.g. for a message it has no checkpoint of
     */
    public RewindResult rewindFiles(String reference, boolean dryRun) {
        ensureOpen();
        Optional<SentPrompt> prompt = prompt(reference);
        String ref = reference.strip();
        if (prompt.isEmpty() && ref.matches("#?\\d+")) {
            throw new IllegalArgumentException("this conversation has no prompt " + (ref.startsWith("#") ? ref : "#" + ref));
        }
        RewindResult result = session.control().rewindFiles(prompt.map(SentPrompt::messageId).orElse(ref), dryRun);
        if (!dryRun && result.canRewind()) {
            publish(new ConsoleEvent.Notice("files restored to their state before "
                    + prompt.map(p -> "#" + p.number() + " (" + ToolSummary.oneLine(p.text(), 40) + ")").orElse("message " + ref)));
        }
        return result;
    }

    /** @return what the session last reported about itself */
    public SessionState state() {
        synchronized (publishing) {
            return state;
        }
    }

    /** Stops the session: a turn in progress ends, queued prompts fail. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        session.close();
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(SETTLE.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("the console's turn thread did not end within {}", SETTLE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- internals

    private ResultMessage runTurn(String text) {
        SentPrompt prompt = new SentPrompt(prompts.size() + 1, UUID.randomUUID().toString(), text);
        prompts.add(prompt);
        publish(new ConsoleEvent.PromptSent(prompt));
        interruptSent = false;
        ResultMessage result = null;
        try (MessageStream turn = session.stream(UserInput.text(text).withUuid(prompt.messageId()))) {
            for (Message message : turn) {
                observe(message);
                renderer.render(message).stream().map(this::explainInterrupt).forEach(this::publish);
                if (message instanceof ResultMessage done) {
                    result = done;
                }
            }
        } catch (RuntimeException e) {
            publish(new ConsoleEvent.TurnFailed(describe(e)));
            throw e;
        }
        if (result == null) {
            ClaudeCodeException missing = new ClaudeCodeException("the turn ended without a result");
            publish(new ConsoleEvent.TurnFailed(missing.getMessage()));
            throw missing;
        }
        return result;
    }

    /** The CLI reports an interrupted turn as a diagnostic error; the person who interrupted it reads "interrupted". */
    private ConsoleEvent explainInterrupt(ConsoleEvent event) {
        if (event instanceof ConsoleEvent.TurnEnded ended && ended.error() && interruptSent) {
            return new ConsoleEvent.TurnEnded(true, Optional.of("interrupted"), ended.turns(), ended.costUsd(), ended.sessionCostUsd(),
                    ended.durationMs());
        }
        return event;
    }

    private void observe(Message message) {
        if (message instanceof InitMessage init) {
            updateState(current -> new SessionState(init.sessionId(), Optional.of(init.model()), Optional.of(init.permissionMode())));
        }
    }

    private void updateState(UnaryOperator<SessionState> change) {
        synchronized (publishing) {
            SessionState next = change.apply(state);
            if (!next.equals(state)) {
                state = next;
                publish(new ConsoleEvent.StateChanged(next));
            }
        }
    }

    private void publish(ConsoleEvent event) {
        synchronized (publishing) {
            for (Consumer<ConsoleEvent> subscriber : subscribers) {
                try {
                    subscriber.accept(event);
                } catch (RuntimeException e) {
                    LOG.warn("a console event subscriber failed", e);
                }
            }
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the session is closed");
        }
    }

    /**
     * The message of a failure, without the wrapping of futures.
     *
     * @param failure a failure
     * @return its message
     */
    public static String describe(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }
}
