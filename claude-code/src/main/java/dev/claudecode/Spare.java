package dev.claudecode;

import dev.claudecode.options.ClaudeCodeOptions;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A warm spare: a CLI started and initialized ahead of need by {@link ClaudeCode#prewarm}, so that
 * the session which claims it skips the CLI's cold start (its launch and start-up handshake). The
 * next {@link ClaudeCode#start} with options {@linkplain ClaudeCodeOptions#equals equal} to the
 * spare's (and, for {@link ClaudeCode#prewarm(ClaudeCodeOptions, dev.claudecode.transport.Transport)},
 * the same transport) claims it and returns its session; a start with other options starts a CLI
 * of its own and leaves the spare alone.
 *
 * <pre>{@code
 * ClaudeCodeOptions options = ClaudeCodeOptions.builder().model("sonnet").cwd(dir).build();
 * try (Spare spare = ClaudeCode.prewarm(options)) {       // the CLI starts now
 *     // ... later, when a user arrives:
 *     try (Session session = ClaudeCode.start(options)) { // claims the spare: no cold start
 *         System.out.println(session.stream("Hello").finalText());
 *     }
 * }
 * }</pre>
 *
 * <p>Closing a spare that was not claimed stops its CLI; closing one that was claimed does nothing
 * (the session belongs to whoever claimed it). Spares still unclaimed when the JVM exits are
 * stopped then. A spare whose CLI ended while it waited is never handed out. Thread-safe.
 */
public final class Spare implements AutoCloseable {

    private final Session session;
    private final Object transportKey;
    private final AtomicBoolean taken = new AtomicBoolean();

    Spare(Session session, Object transportKey) {
        this.session = session;
        this.transportKey = transportKey;
    }

    /** {@return the options the spare's CLI was started with} */
    public ClaudeCodeOptions options() {
        return session.options();
    }

    /** {@return true once a {@link ClaudeCode#start} has claimed the spare, or it was closed} */
    public boolean isTaken() {
        return taken.get();
    }

    /** {@return true while the spare waits to be claimed and its CLI runs} */
    public boolean isReady() {
        return !taken.get() && session.isAlive();
    }

    /** Stops the spare's CLI unless a session has claimed it. */
    @Override
    public void close() {
        if (taken.compareAndSet(false, true)) {
            SpareShelf.remove(this);
            session.stop();
        }
    }

    /**
     * {@return the session, once, to the start that claims the spare; empty when it was taken or
     * its CLI ended}
     */
    java.util.Optional<Session> claim() {
        if (!taken.compareAndSet(false, true)) {
            return java.util.Optional.empty();
        }
        if (!session.isAlive()) {
            session.stop();
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(session);
    }

    boolean matches(ClaudeCodeOptions options, Object transportKey) {
        return this.transportKey.equals(transportKey) && session.options().equals(options);
    }

    @Override
    public String toString() {
        return "Spare[" + (taken.get() ? "taken" : session.isAlive() ? "ready" : "ended") + ", transport=" + transportKey + "]";
    }
}
