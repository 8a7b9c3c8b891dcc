package dev.claudecode.observe;

/**
 * One operation of a session, as an observer follows it: the handle a {@link SessionObserver}
 * returns when the operation starts. The session calls {@link #end} or {@link #fail} exactly once,
 * and {@link #open} on each thread that works on the operation's behalf, closing the scope on that
 * same thread.
 *
 * <p>Every method has a default that does nothing, so an observer implements only what it needs.
 *
 * @param <R> what the operation ends with
 */
public interface Observation<R> {

    /**
     * Returns an observation that does nothing.
     *
     * @param <R> what the operation ends with
     * @return the observation
     */
    @SuppressWarnings("unchecked")
    static <R> Observation<R> none() {
        return (Observation<R>) None.INSTANCE;
    }

    /**
     * Makes this operation the current one on the calling thread, until the scope is closed: the
     * session opens it around work done on the operation's behalf, and operations started within
     * it are its children (a turn's CLI launch, a tool use's permission callback, the user's own
     * code inside a callback).
     *
     * @return the scope, to close on the same thread
     */
    default Scope open() {
        return Scope.NONE;
    }

    /**
     * The operation succeeded.
     *
     * @param result what it ended with; {@code null} only where {@code R} is {@link Void}
     */
    default void end(R result) {
    }

    /**
     * The operation failed.
     *
     * @param error why
     */
    default void fail(Throwable error) {
    }

    /** Where an {@link Observation} is current; closed on the thread that opened it. */
    @FunctionalInterface
    interface Scope extends AutoCloseable {

        /** A scope that does nothing. */
        Scope NONE = () -> { };

        /** Ends the scope; never throws. */
        @Override
        void close();
    }
}

/** The observation that does nothing. */
final class None implements Observation<Object> {
    static final None INSTANCE = new None();

    private None() {
    }
}
