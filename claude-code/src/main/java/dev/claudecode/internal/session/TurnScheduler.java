package dev.claudecode.internal.session;

import dev.claudecode.message.Message;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a session's turns one at a time, in the order they were asked for. A queue entry is a
 * turn or a reset (which makes the next turn start a new conversation). Starting a turn, which
 * may launch a CLI, happens on the session's own serial executor, never on the reader thread;
 * a turn asked for while the session is idle and its CLI ready starts on the asking thread, so
 * that its message reaches the CLI without waiting for another thread to be scheduled.
 */
public final class TurnScheduler {

    /** Starts turns and applies resets; called on the serial executor, one call at a time. */
    public interface Driver {
        /** Writes the turn's user message, launching a CLI first when none runs. */
        void start(Turn turn);

        /** Ends the current conversation so that the next turn starts a new one. */
        void reset();

        /** @return whether {@link #start} would only write, with no CLI to launch first */
        boolean isReady();
    }

    private sealed interface Step permits TurnStep, ResetStep {
    }

    private record TurnStep(Turn turn) implements Step {
    }

    private record ResetStep() implements Step {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<Step> queue = new ArrayDeque<>();
    private final SerialExecutor serial;
    private final Driver driver;
    private final long maxBufferedBytes;
    private Turn active;
    private RuntimeException closedBecause;

    /**
     * Creates a scheduler.
     *
     * @param serial runs one task at a time, in order
     * @param driver starts turns
     */
    public TurnScheduler(SerialExecutor serial, Driver driver) {
        this(serial, driver, Long.MAX_VALUE);
    }

    /**
     * Creates a scheduler whose turns hold a bounded backlog for their consumers.
     *
     * @param serial runs one task at a time, in order
     * @param driver starts turns
     * @param maxBufferedBytes how many bytes of messages a turn holds before {@link #onMessage}
     *     makes the reader wait for its consumer
     */
    public TurnScheduler(SerialExecutor serial, Driver driver, long maxBufferedBytes) {
        this.serial = serial;
        this.driver = driver;
        this.maxBufferedBytes = maxBufferedBytes;
    }

    /** Queues a turn; it starts when the turns before it are done. */
    public void submit(Turn turn) {
        enqueue(new TurnStep(turn), driver.isReady());
    }

    /** Queues a reset: turns submitted later start a new conversation. */
    public void submitReset() {
        enqueue(new ResetStep(), false);
    }

    /** @return the turn whose messages are arriving now */
    public Optional<Turn> active() {
        lock.lock();
        try {
            return Optional.ofNullable(active);
        } finally {
            lock.unlock();
        }
    }

    /** @return whether a turn is active or waiting */
    public boolean isBusy() {
        lock.lock();
        try {
            return active != null || queue.stream().anyMatch(TurnStep.class::isInstance);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Routes a message to a turn while it is the active one: a message from a CLI that the
     * active turn was not written to is not part of it.
     *
     * @param target the turn written to the CLI that sent the message
     * @param message a message from the CLI
     * @return whether the turn took it
     */
    public boolean onMessage(Turn target, Message message) {
        return onMessage(target, message, 0);
    }

    /**
     * Routes a message to a turn while it is the active one, then, when the turn holds more than
     * its bound of messages its consumer has not taken, waits until the consumer has made room,
     * the turn has ended or it was abandoned. Called on the reader: the wait stops the reading of
     * the CLI, which is how a slow consumer slows the CLI down instead of filling the heap.
     *
     * @param target the turn written to the CLI that sent the message
     * @param message a message from the CLI
     * @param lineBytes the length of its line in bytes
     * @return whether the turn took it
     */
    public boolean onMessage(Turn target, Message message, int lineBytes) {
        Turn turn;
        lock.lock();
        try {
            turn = active;
            if (turn == null || turn != target) {
                return false;
            }
            turn.deliver(message, lineBytes);
            if (turn.state() == Turn.State.DONE) {
                active = null;
            }
        } finally {
            lock.unlock();
        }
        if (turn.state() == Turn.State.DONE) {
            serial.execute(this::startNext);
        } else {
            // outside the lock: closing, interrupting and failing the turn must not wait for the consumer
            turn.awaitRoom(maxBufferedBytes);
        }
        return true;
    }

    /**
     * The CLI a turn was written to is gone: that turn fails with {@code error} if it is still the
     * active one; queued turns stay queued and the next of them starts a new CLI.
     *
     * @param turn the turn whose CLI ended
     * @param error why
     */
    public void onConnectionLost(Turn turn, RuntimeException error) {
        lock.lock();
        try {
            if (active != null && active == turn) {
                active.fail(error);
                active = null;
            }
        } finally {
            lock.unlock();
        }
        serial.execute(this::startNext);
    }

    /**
     * Withdraws a turn whose consumer gave up: a queued turn is never sent.
     *
     * @return whether the turn was still queued
     */
    public boolean withdraw(Turn turn) {
        boolean withdrawn;
        lock.lock();
        try {
            turn.abandon();
            withdrawn = queue.removeIf(step -> step instanceof TurnStep t && t.turn() == turn);
        } finally {
            lock.unlock();
        }
        if (withdrawn) {
            turn.watch().failed(new CancellationException("the turn was withdrawn before it started"));
        }
        return withdrawn;
    }

    /** Fails every queued and active turn; later submissions fail at once. */
    public void close(RuntimeException error) {
        lock.lock();
        try {
            closedBecause = error;
            if (active != null) {
                active.fail(error);
                active = null;
            }
            for (Step step : queue) {
                if (step instanceof TurnStep t) {
                    t.turn().fail(error);
                }
            }
            queue.clear();
        } finally {
            lock.unlock();
        }
    }

    private void enqueue(Step step, boolean startHere) {
        lock.lock();
        try {
            if (closedBecause != null) {
                if (step instanceof TurnStep t) {
                    t.turn().fail(closedBecause);
                }
                return;
            }
            queue.addLast(step);
        } finally {
            lock.unlock();
        }
        if (startHere) {
            serial.runOrExecute(this::startNext);
        } else {
            serial.execute(this::startNext);
        }
    }

    private void startNext() {
        while (true) {
            Step step;
            lock.lock();
            try {
                if (active != null || queue.isEmpty()) {
                    return;
                }
                step = queue.pollFirst();
                if (step instanceof TurnStep t) {
                    active = t.turn();
                    active.activate();
                }
            } finally {
                lock.unlock();
            }
            switch (step) {
                case ResetStep r -> driver.reset();
                case TurnStep t -> {
                    try {
                        driver.start(t.turn());
                        return;
                    } catch (RuntimeException e) {
                        lock.lock();
                        try {
                            if (active == t.turn()) {
                                active = null;
                            }
                        } finally {
                            lock.unlock();
                        }
                        t.turn().fail(e);
                    }
                }
            }
        }
    }
}
