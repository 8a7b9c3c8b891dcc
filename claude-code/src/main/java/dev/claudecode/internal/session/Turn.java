package dev.claudecode.internal.session;

import dev.claudecode.content.ContentBlock;
import dev.claudecode.internal.observe.TurnWatch;
import dev.claudecode.internal.protocol.UserLines;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.databind.node.ObjectNode;

/**
 * One user message and the messages it produces, up to and including its {@code result}. The
 * reader thread puts messages in; the caller's thread takes them out, so a slow consumer never
 * holds up the reader and nothing is dropped. The session remembers its last turn for as long
 * as it lives, so a turn keeps no message once it was taken out.
 *
 * <p>A waiting consumer is woken for a batch of messages, not for each: when {@value
 * #HANDOVER_BATCH} have arrived, when the reader has caught up with what the CLI wrote ({@link
 * #handOver}), and at once for the result or a failure. Waking it for every message made the
 * two threads trade places on the cores thousands of times a second during a fast stream, which
 * cost the reader about as much as decoding; a message that arrives alone is handed over as soon
 * as the reader has routed it. The consumer takes everything that has arrived in one go, under
 * one acquisition of the lock, and then hands it out without locking, so that during a fast
 * stream the two threads meet on the lock once per batch, not once per message.
 *
 * <p>What the consumer has not taken yet is bounded: the reader counts the length of each
 * message's line, and once more than the bound waits in {@link #awaitRoom} until the consumer has
 * taken the backlog, the turn has ended or nobody reads it any more. The consumer may still hold
 * one backlog it took and has not handed out, so a turn holds at most about twice the bound.
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
    /** How many messages a waiting consumer may miss before it is woken anyway. */
    static final int HANDOVER_BATCH = 32;

    private final ObjectNode userLine;
    private final TurnWatch watch;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition handedOver = lock.newCondition();
    /** Signalled when the consumer takes the backlog or the turn ends; the reader waits on it. */
    private final Condition roomMade = lock.newCondition();
    /** Line bytes of the messages in {@link #items}; guarded by {@link #lock}. */
    private long pendingBytes;
    /** What the reader has put in and the consumer has not yet taken; guarded by {@link #lock}. */
    private Deque<Item> items = new ArrayDeque<>();
    /** What the consumer has taken and not yet handed out; guarded by {@link #consumer}. */
    private Deque<Item> taken = new ArrayDeque<>();
    /** Held by the consumer in {@link #next}; the reader never takes it. */
    private final ReentrantLock consumer = new ReentrantLock();
    private boolean consumerWaiting;
    private int waitingUnseen;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile State state = State.QUEUED;
    private volatile boolean abandoned;

    /**
     * Creates a queued turn.
     *
     * @param userLine the {@code user} line to write when the turn starts
     */
    public Turn(ObjectNode userLine) {
        this(userLine, TurnWatch.NONE);
    }

    /**
     * Creates a queued turn that the session's observers follow.
     *
     * @param userLine the {@code user} line to write when the turn starts
     * @param watch what reports the turn to the session's observers
     */
    public Turn(ObjectNode userLine, TurnWatch watch) {
        this.userLine = userLine;
        this.watch = watch;
    }

    /**
     * Creates a queued turn for what the user says, followed by the session's observers.
     *
     * @param content the turn's content blocks, at least one
     * @param uuid the uuid the CLI should give the user message, if chosen
     * @param verbatim whether the CLI takes the text as written ({@code client_composed})
     * @param watch what reports the turn to the session's observers
     * @return the turn, which writes its {@code user} line when it starts
     */
    public static Turn of(List<ContentBlock> content, Optional<String> uuid, boolean verbatim, TurnWatch watch) {
        return new Turn(UserLines.of(content, uuid, verbatim), watch);
    }

    /** @return what reports this turn to the session's observers */
    public TurnWatch watch() {
        return watch;
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
        deliver(message, 0);
    }

    /**
     * Passes a message on; a {@link ResultMessage} ends the turn.
     *
     * @param message the message
     * @param lineBytes the length of its line, counted against the backlog's bound
     */
    void deliver(Message message, int lineBytes) {
        if (state == State.DONE) {
            return;
        }
        boolean last = message instanceof ResultMessage;
        watch.delivered(message);
        if (last) {
            // before the consumer can see the result: a stream closed right after it must find
            // the turn over, not interrupt a CLI that has already finished
            state = State.DONE;
        }
        if (!abandoned) {
            add(new Delivered(message), last, lineBytes);
        }
        if (last) {
            add(ENDED, true, 0);
            done.countDown();
        }
    }

    /**
     * Waits, on the reader, while the consumer has more than {@code maxBytes} of messages to
     * take: until it takes them, the turn ends, or nobody reads it any more. A waiting consumer is
     * woken first, so that it takes what is there.
     *
     * @param maxBytes the bound of the backlog
     */
    void awaitRoom(long maxBytes) {
        lock.lock();
        try {
            boolean interrupted = false;
            while (pendingBytes > maxBytes && state != State.DONE && !abandoned) {
                if (consumerWaiting) {
                    wake();
                }
                try {
                    roomMade.await();
                } catch (InterruptedException e) {
                    // the reader is not interrupted for a turn; keep the flag and stop holding it back
                    interrupted = true;
                    break;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        } finally {
            lock.unlock();
        }
    }

    /** @return the line bytes of the messages the consumer has not taken yet */
    long pendingBytes() {
        lock.lock();
        try {
            return pendingBytes;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes a waiting consumer for what has arrived: the reader has caught up with the CLI. */
    public void handOver() {
        lock.lock();
        try {
            if (consumerWaiting && !items.isEmpty()) {
                wake();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Ends the turn with an error, unless it is already over. */
    void fail(RuntimeException error) {
        if (state == State.DONE) {
            return;
        }
        state = State.DONE;
        add(new Failed(error), true, 0);
        done.countDown();
        watch.failed(error);
    }

    /**
     * Waits for the turn to end, with its result or a failure.
     *
     * @param timeout how long to wait at most
     * @return whether it has ended
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitDone(Duration timeout) throws InterruptedException {
        return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Marks that nobody reads the turn any more; later messages are not kept. */
    void abandon() {
        abandoned = true;
        lock.lock();
        try {
            items.clear();
            pendingBytes = 0;
            items.add(ENDED);
            wake();
            roomMade.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the next item, waiting for it.
     *
     * @param timeout how long to wait, or null to wait until interrupted
     * @return the item, or empty when the timeout passed first
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public Optional<Item> next(Duration timeout) throws InterruptedException {
        consumer.lock();
        try {
            if (abandoned) {
                taken.clear();
            }
            Item item = taken.poll();
            Optional<Item> next = item != null ? Optional.of(item) : takeBatch(timeout);
            if (next.isPresent() && !(next.get() instanceof Delivered)) {
                // the turn is over, and its session keeps it: keep no queue grown by a long stream
                taken = new ArrayDeque<>(0);
                lock.lock();
                try {
                    items = new ArrayDeque<>(0);
                    pendingBytes = 0;
                    roomMade.signalAll();
                } finally {
                    lock.unlock();
                }
            }
            return next;
        } finally {
            consumer.unlock();
        }
    }

    /** Waits for items, takes all of them, and returns the first; the consumer lock is held. */
    private Optional<Item> takeBatch(Duration timeout) throws InterruptedException {
        long nanos = timeout == null ? 0 : timeout.toNanos();
        lock.lock();
        try {
            while (items.isEmpty()) {
                if (timeout != null && nanos <= 0) {
                    return Optional.empty();
                }
                consumerWaiting = true;
                waitingUnseen = 0;
                try {
                    if (timeout == null) {
                        handedOver.await();
                    } else {
                        nanos = handedOver.awaitNanos(nanos);
                    }
                } finally {
                    consumerWaiting = false;
                }
            }
            // take the whole batch: the empty deque taken out last time becomes the reader's
            Deque<Item> batch = items;
            items = taken;
            taken = batch;
            if (pendingBytes > 0) {
                pendingBytes = 0;
                roomMade.signalAll();
            }
        } finally {
            lock.unlock();
        }
        return Optional.of(taken.poll());
    }

    private void add(Item item, boolean now, int lineBytes) {
        lock.lock();
        try {
            items.add(item);
            pendingBytes += lineBytes;
            if (!(item instanceof Delivered)) {
                roomMade.signalAll(); // the turn is over: the reader holds back no longer
            }
            if (consumerWaiting && (now || ++waitingUnseen >= HANDOVER_BATCH)) {
                wake();
            }
        } finally {
            lock.unlock();
        }
    }

    private void wake() {
        waitingUnseen = 0;
        handedOver.signal();
    }
}
