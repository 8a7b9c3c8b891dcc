package dev.claudecode.console.session;

import dev.claudecode.ClaudeCode;
import dev.claudecode.ClaudeCodeException;
import dev.claudecode.ClaudeCodeOptions;
import dev.claudecode.MessageStream;
import dev.claudecode.Session;
import dev.claudecode.message.InitMessage;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session as a person drives it from the console: prompts queue up and run one after another on a
 * thread of their own, while the caller stays free to interrupt, clear or switch settings. Everything
 * that happens is published as {@link ConsoleEvent}s to the subscribers, in order, on the thread
 * that runs the turns.
 */
public final class LiveSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSession.class);
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private final Function<ClaudeCodeOptions, Session> starter;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("console-turns").factory());
    private final List<Consumer<ConsoleEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final MessageRenderer renderer = new MessageRenderer();
    private final AtomicInteger pendingTurns = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final SessionControls controls = new ResumingControls(this);
    private volatile ClaudeCodeOptions options;
    private volatile Session session;
    private volatile SessionState state;
    private volatile Optional<InitMessage> lastInit = Optional.empty();
    private volatile Optional<ResultMessage> lastResult = Optional.empty();
    private volatile boolean cleared;
    private volatile boolean interruptSent;

    LiveSession(ClaudeCodeOptions options, Function<ClaudeCodeOptions, Session> starter) {
        this.options = Objects.requireNonNull(options, "options");
        this.starter = Objects.requireNonNull(starter, "starter");
        this.state = new SessionState(options.resume(), options.model(), options.permissionMode().map(Object::toString));
        this.session = starter.apply(options);
    }

    /**
     * Starts a session's CLI now, so that start-up failures show at once.
     *
     * @param options the session's options
     * @return the live session; close it when done
     * @throws ClaudeCodeException when the CLI cannot be started
     */
    public static LiveSession start(ClaudeCodeOptions options) {
        return new LiveSession(options, ClaudeCode::start);
    }

    /**
     * Subscribes to the session's events.
     *
     * @param subscriber receives each event, on the session's turn thread; it should return quickly
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
            cleared = true;
            state = new SessionState(Optional.empty(), state.model(), state.permissionMode());
            publish(new ConsoleEvent.StateChanged(state));
            publish(new ConsoleEvent.Notice("conversation cleared: the next prompt starts a new one"));
        }, worker);
    }

    /** @return the session's runtime controls */
    public SessionControls controls() {
        return controls;
    }

    /** @return what the session last reported about itself */
    public SessionState state() {
        return state;
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

    // ---------------------------------------------------------------- for the controls

    Optional<InitMessage> lastInit() {
        return lastInit;
    }

    Optional<ResultMessage> lastResult() {
        return lastResult;
    }

    /**
     * Replaces the CLI with one started from changed options that resumes the conversation, between
     * turns. On failure the session goes on with the options it had.
     */
    void restart(String change, UnaryOperator<ClaudeCodeOptions.Builder> edit) {
        ensureOpen();
        await(CompletableFuture.runAsync(() -> {
            ClaudeCodeOptions before = options;
            Optional<String> conversation = cleared ? Optional.empty() : session.sessionId().or(before::resume);
            ClaudeCodeOptions next = edit.apply(before.toBuilder()).resume(conversation.orElse(null)).build();
            session.close();
            try {
                session = starter.apply(next);
                options = next;
            } catch (RuntimeException e) {
                session = starter.apply(before.toBuilder().resume(conversation.orElse(null)).build());
                throw e;
            }
            state = new SessionState(conversation, next.model(), next.permissionMode().map(Object::toString));
            publish(new ConsoleEvent.StateChanged(state));
            publish(new ConsoleEvent.Notice(change));
        }, worker));
    }

    // ---------------------------------------------------------------- internals

    private ResultMessage runTurn(String prompt) {
        publish(new ConsoleEvent.PromptSent(prompt));
        interruptSent = false;
        ResultMessage result = null;
        try (MessageStream turn = session.stream(prompt)) {
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
            return new ConsoleEvent.TurnEnded(true, Optional.of("interrupted"), ended.turns(), ended.costUsd(), ended.durationMs());
        }
        return event;
    }

    private void observe(Message message) {
        switch (message) {
            case InitMessage init -> {
                lastInit = Optional.of(init);
                cleared = false;
                SessionState next = new SessionState(init.sessionId(), Optional.of(init.model()), Optional.of(init.permissionMode()));
                if (!next.equals(state)) {
                    state = next;
                    publish(new ConsoleEvent.StateChanged(next));
                }
            }
            case ResultMessage result -> lastResult = Optional.of(result);
            default -> {
            }
        }
    }

    private void publish(ConsoleEvent event) {
        for (Consumer<ConsoleEvent> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("a console event subscriber failed", e);
            }
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the session is closed");
        }
    }

    private static void await(CompletableFuture<Void> step) {
        try {
            step.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the session", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new CompletionException(e.getCause());
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
