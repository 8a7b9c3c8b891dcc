package dev.claudecode.internal.session;

import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.node.ObjectNode;

/**
 * One user message and the messages it produces, up to and including its {@code result}. The
 * reader thread puts messages in; the caller's thread takes them out, so a slow consumer never
 * holds up the reader and nothing is dropped. The session remembers its last turn for as long
 * as it lives, so a turn keeps no message once it was taken out.
 */
public final class Turn {

    /** A turn's place in its session's queue. */
    public enum State {
        /** Waiting for the turns before it. */
        QUEUED,
        /** Its user message was written; messages are arriving. */
        ACTIVE,
        /** Its result arrived, or it failed. */
        DONE
    }

    /** What {@link #next} returns after the last message. */
    public sealed interface Item permits Delivered, Failed, Ended {
    }

    /** @param message the next message of the turn */
    public record Delivered(Message message) implements Item {
    }

    /** @param error why the turn ended without its result */
    public record Failed(RuntimeException error) implements Item {
    }

    /** The turn is over. */
    public record Ended() implements Item {
    }

    private static final Ended ENDED = new Ended();

    private final ObjectNode userLine;
    private final BlockingQueue<Item> items = new LinkedBlockingQueue<>();
    private volatile State state = State.QUEUED;
    private volatile boolean abandoned;

    /**
     * Creates a queued turn.
     *
     * @param userLine the {@code user} line to write when the turn starts
     */
    public Turn(ObjectNode userLine) {
        this.userLine = userLine;
    }

    /** @return the user line this turn writes */
    public ObjectNode userLine() {
        return userLine;
    }

    /** @return where the turn is */
    public State state() {
        return state;
    }

    /** @return whether its consumer stopped reading before the result */
    public boolean isAbandoned() {
        return abandoned;
    }

    void activate() {
        state = State.ACTIVE;
    }

    /** Passes a message on; a {@link ResultMessage} ends the turn. */
    void deliver(Message message) {
        if (state == State.DONE) {
            return;
        }
        if (!abandoned) {
            items.add(new Delivered(message));
        }
        if (message instanceof ResultMessage) {
            state = State.DONE;
            items.add(ENDED);
        }
    }

    /** Ends the turn with an error, unless it is already over. */
    void fail(RuntimeException error) {
        if (state == State.DONE) {
            return;
        }
        state = State.DONE;
        items.add(new Failed(error));
    }

    /** Marks that nobody reads the turn any more; later messages are not kept. */
    void abandon() {
        abandoned = true;
        items.clear();
        items.add(ENDED);
    }

    /**
     * Takes the next item, waiting for it.
     *
     * @param timeout how long to wait, or null to wait until interrupted
     * @return the item, or empty when the timeout passed first
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public Optional<Item> next(Duration timeout) throws InterruptedException {
        if (timeout == null) {
            return Optional.of(items.take());
        }
        return Optional.ofNullable(items.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
    }
}
