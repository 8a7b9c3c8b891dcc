package dev.claudecode.internal.store;

import dev.claudecode.history.ProjectDirectories;
import dev.claudecode.internal.observe.Observers;
import dev.claudecode.internal.session.SessionPlace;
import dev.claudecode.message.Message;
import dev.claudecode.node.Node;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.store.SessionStore;
import dev.claudecode.store.StoreHistory;
import dev.claudecode.transport.Transport;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * What ties a session to its {@link SessionStore}: the launch prepared from the store (a resume
 * written into a temporary config directory), the mirror that appends what the CLI reports, and
 * the history read from the store. A session without a store has none.
 */
public final class SessionStoreLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionStoreLink.class);

    private final SessionStore store;
    private final ClaudeCodeOptions launchOptions;
    private final Optional<Path> tempRoot;
    private final String projectKey;
    private final TranscriptMirror mirror;
    private volatile Consumer<Message> listener = message -> { };

    private SessionStoreLink(SessionStore store, StoreResume.Prepared prepared, Node node, Observers observers) {
        this.store = store;
        this.launchOptions = prepared.launchOptions();
        this.tempRoot = prepared.tempRoot();
        SessionPlace place = SessionPlace.on(launchOptions, node);
        this.projectKey = launchOptions.sessionStoreProjectKey().orElseGet(() -> ProjectDirectories.encode(place.cwd()));
        this.mirror = new TranscriptMirror(store, launchOptions.sessionStoreFlush(),
                new MirrorKeys(place.configDir(), launchOptions.sessionStoreProjectKey()),
                error -> listener.accept(error), observers);
    }

    /**
     * Links a session to its store, loading a resumed session from it first.
     *
     * @param options the session's options
     * @param transport where its CLI runs
     * @return the link; empty when the options name no store
     * @throws dev.claudecode.errors.SessionStoreException when the session to resume cannot be loaded
     */
    public static Optional<SessionStoreLink> open(ClaudeCodeOptions options, Transport transport) {
        return open(options, transport, Observers.NONE);
    }

    /**
     * Links a session to its store, loading a resumed session from it first, and reports each
     * append to the session's observers.
     *
     * @param options the session's options
     * @param transport where its CLI runs
     * @param observers the session's observers
     * @return the link; empty when the options name no store
     * @throws dev.claudecode.errors.SessionStoreException when the session to resume cannot be loaded
     */
    public static Optional<SessionStoreLink> open(ClaudeCodeOptions options, Transport transport, Observers observers) {
        if (options.sessionStore().isEmpty()) {
            return Optional.empty();
        }
        Node node = transport.node();
        StoreResume.Prepared prepared = StoreResume.prepare(options, node);
        try {
            return Optional.of(new SessionStoreLink(options.sessionStore().get(), prepared, node, observers));
        } catch (RuntimeException e) {
            prepared.tempRoot().ifPresent(StoreResume::delete);
            throw e;
        }
    }

    /** @return the options the CLI is launched with: the session's, or those that resume it from the store */
    public ClaudeCodeOptions launchOptions() {
        return launchOptions;
    }

    /**
     * @param listener receives the {@code mirror_error} messages of appends given up; not on the reader thread
     */
    public void reportTo(Consumer<Message> listener) {
        this.listener = listener;
    }

    /**
     * Takes a {@code transcript_mirror} frame, on the reader thread.
     *
     * @param frame the frame
     * @param chars the length of its line
     */
    public void onTranscriptMirror(JsonNode frame, int chars) {
        mirror.accept(frame, chars);
    }

    /** A turn ended: what it wrote is appended now, in the background. */
    public void onTurnEnd() {
        mirror.flush();
    }

    /**
     * Appends what waits and waits for everything reported so far to be appended.
     *
     * @param timeout how long to wait at most
     * @return whether it was done in time
     */
    public boolean flush(java.time.Duration timeout) {
        return mirror.flushAndWait(timeout);
    }

    /** @return the history kept in the store */
    public StoreHistory history() {
        return StoreHistory.of(store);
    }

    /** @return the project key of the session's working directory */
    public String projectKey() {
        return projectKey;
    }

    /**
     * Appends what is still waiting and deletes the temporary config directory. Called once the
     * CLI has stopped, so that its last lines are in; waits for the store as long as an append may
     * take.
     */
    @Override
    public void close() {
        if (!mirror.flushAndWait(TranscriptMirror.APPEND_TIMEOUT.plusSeconds(5))) {
            LOG.warn("the session store did not take the session's last transcript lines in time; they are appended in the background");
        }
        tempRoot.ifPresent(StoreResume::delete);
    }
}
