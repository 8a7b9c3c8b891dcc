package dev.claudecode.ssh.pool;

import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.MessageStream;
import dev.claudecode.Session;
import dev.claudecode.errors.SessionClosedException;
import dev.claudecode.UserInput;
import dev.claudecode.history.HistoryQuery;
import dev.claudecode.history.SessionMessage;
import dev.claudecode.internal.launch.OptionsLauncher;
import dev.claudecode.internal.ssh.pool.HostPlace;
import dev.claudecode.internal.ssh.pool.HostSlot;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.node.Node;
import dev.claudecode.node.NodeTask;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session of a {@link SessionPool}: a thin wrapper around the {@link Session} that currently
 * runs the conversation, which may move to another host between turns.
 *
 * <p>Each turn ({@link #stream}, {@link #query}, {@link #queryAsync}) first makes sure the
 * session's host is usable: when the pool has marked it down, or when the CLI has died and the
 * host fails a check made there and then, the conversation moves to another host (see {@link
 * SessionPool} for how) and the turn runs there. Otherwise the turn runs on the current {@link
 * Session} exactly as it would without a pool, crash recovery included: a CLI that died on a
 * healthy host is started again there with {@code --resume}.
 *
 * <p>The rest of the {@link Session} API is on {@link #session()}, which returns the current
 * session; after a move it is a different object, so take it from here when needed rather than
 * keeping it. Listeners added with {@link #addListener} follow the conversation across moves.
 *
 * <p>All methods are thread-safe. Closing the session frees its place on the host.
 */
public final class PooledSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PooledSession.class);

    private final SessionPool pool;
    private final ClaudeCodeOptions options;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Consumer<Message>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Placement current;
    /** Whether the options' conversation choice is spent: a turn ran, or the conversation was cleared. */
    private volatile boolean conversationBegun;

    /** The session on one host. */
    private record Placement(HostPlace place, Session session) {
        HostSlot slot() {
            return place.slot();
        }
    }

    PooledSession(SessionPool pool, ClaudeCodeOptions options, HostPlace place, Session session) {
        this.pool = pool;
        this.options = options;
        attach(place, session);
    }

    // ---------------------------------------------------------------- turns

    /**
     * Starts a turn with a text prompt, on another host first if this one is down.
     *
     * @param prompt what the user says
     * @return the turn's messages
     * @throws NoHostAvailableException when the session had to move and no host could take it
     * @throws SessionClosedException when the session or the pool is closed
     */
    public MessageStream stream(String prompt) {
        return stream(UserInput.text(prompt));
    }

    /**
     * Starts a turn with content blocks, on another host first if this one is down.
     *
     * @param input what the user says
     * @return the turn's messages
     * @throws NoHostAvailableException when the session had to move and no host could take it
     * @throws SessionClosedException when the session or the pool is closed
     */
    public MessageStream stream(UserInput input) {
        return readyForTurn().stream(input);
    }

    /**
     * Runs a turn to its end, on another host first if this one is down.
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
     * Runs a turn on a virtual thread; the host is chosen before this method returns.
     *
     * @param prompt what the user says
     * @return the result, when the turn ends
     */
    public CompletableFuture<ResultMessage> queryAsync(String prompt) {
        return readyForTurn().queryAsync(prompt);
    }

    /** Interrupts the turn in progress, if any; see {@link Session#interrupt()}. */
    public void interrupt() {
        current.session().interrupt();
    }

    /** Makes the next turn start a new conversation; see {@link Session#clear()}. */
    public void clear() {
        current.session().clear();
        conversationBegun = true;
    }

    // ---------------------------------------------------------------- state and history

    /** @return the conversation's session id, once the CLI has reported it; it stays the same across moves */
    public Optional<String> sessionId() {
        return current.session().sessionId();
    }

    /** @return the name of the host the session runs on now */
    public String host() {
        return current.slot().name();
    }

    /** @return the current session, on the current host; the whole {@link Session} API */
    public Session session() {
        return current.session();
    }

    /** @return the options the session was started with (without any host's variables) */
    public ClaudeCodeOptions options() {
        return options;
    }

    /** @return whether the session is open and its CLI runs */
    public boolean isAlive() {
        return !closed.get() && current.session().isAlive();
    }

    /**
     * Reads the conversation from its transcript on the current host; after a move that is the
     * copy made there plus the turns since.
     *
     * @return the messages, oldest first
     */
    public List<SessionMessage> messages() {
        return current.session().messages();
    }

    /**
     * Reads part of the conversation from its transcript on the current host.
     *
     * @param query which messages
     * @return the messages, oldest first
     */
    public List<SessionMessage> messages(HistoryQuery query) {
        return current.session().messages(query);
    }

    /** @return the current host as a node */
    public Node node() {
        return current.session().node();
    }

    /**
     * Runs a task against the current host; see {@link Session#execute}.
     *
     * @param task the work
     * @param <T> what it returns
     * @return what the task returned
     */
    public <T> T execute(NodeTask<T> task) {
        return current.session().execute(task);
    }

    /**
     * Registers a listener for every message of the conversation, on whichever host it runs;
     * see {@link Session#addListener}.
     *
     * @param listener receives each message
     * @return closing it removes the listener
     */
    public AutoCloseable addListener(Consumer<Message> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Stops the session (see {@link Session#stop()}) and frees its place on the host. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        lock.lock();
        try {
            Placement placement = current;
            try {
                placement.session().stop();
            } finally {
                pool.release(placement.slot());
                pool.closed(this);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "PooledSession[" + sessionId().orElse("new") + " on " + host() + "]";
    }

    // ---------------------------------------------------------------- moving

    private Session readyForTurn() {
        lock.lock();
        try {
            if (closed.get()) {
                throw new SessionClosedException("the session is closed");
            }
            pool.ensureOpen();
            Placement placement = current;
            boolean usable = pool.isUp(placement.slot());
            if (usable && !placement.session().isAlive()) {
                // the CLI is gone: a crash on a healthy host resumes there, a dead host is left
                usable = pool.probe(placement.slot());
            }
            if (!usable) {
                moveFrom(placement);
            }
            return current.session();
        } finally {
            lock.unlock();
        }
    }

    private void moveFrom(Placement old) {
        Optional<String> sessionId = old.session().sessionId();
        Set<HostSlot> excluded = new HashSet<>(Set.of(old.slot()));
        SessionPool.Placed placed;
        boolean resumable;
        try {
            resumable = sessionId.isPresent() && stored(old.session(), sessionId.get());
            // nothing to resume: before the first turn the options still choose the conversation, after it a new one begins
            ClaudeCodeOptions moved = resumable ? OptionsLauncher.resuming(options, sessionId.get())
                    : conversationBegun ? OptionsLauncher.fresh(options) : options;
            placed = pool.place(moved, excluded);
        } catch (RuntimeException e) {
            pool.failoverFailed();
            throw e;
        }
        LOG.info("Session {} moved from {} to {}", sessionId.orElse("(new)"), old.slot(), placed.place().slot());
        pool.failedOver(old.slot(), placed.place().slot());
        attach(placed.place(), placed.session());
        pool.stopInBackground(old.session());
    }

    // The old CLI's last reported lines go to the store first (they are in this JVM: a dead host
    // is not needed), then the store says whether it holds the conversation.
    private boolean stored(Session old, String sessionId) {
        if (old.options().sessionStore().isEmpty()) {
            return false;
        }
        if (!old.flushSessionStore(pool.healthCheckTimeout())) {
            LOG.warn("the session store did not take the last lines of {} in time; moving what it holds", sessionId);
        }
        return old.listSessions().stream().anyMatch(info -> info.sessionId().equals(sessionId));
    }

    private void attach(HostPlace place, Session session) {
        Placement placement = new Placement(place, session);
        current = placement;
        session.addListener(new Relay(placement));
    }

    /** Passes every message of the current host's session on to the listeners. */
    private final class Relay implements Consumer<Message> {

        private final Placement placement;

        Relay(Placement placement) {
            this.placement = placement;
        }

        @Override
        public void accept(Message message) {
            if (current != placement) {
                // a session left behind on a dead host: what it still says is no longer the conversation
                return;
            }
            if (message instanceof ResultMessage) {
                conversationBegun = true;
            }
            for (Consumer<Message> listener : listeners) {
                try {
                    listener.accept(message);
                } catch (RuntimeException e) {
                    LOG.warn("A pooled session listener failed", e);
                }
            }
        }
    }
}
