package dev.claudecode.store;

import dev.claudecode.errors.SessionStoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where session transcripts live when they must outlive the machine that ran the CLI: a database
 * that every JVM of a service can reach.
 *
 * <p>A session started with a store ({@code ClaudeCodeOptions.sessionStore}) still has its CLI
 * write the transcript to local disk; the CLI also reports every line it writes, and the session
 * appends those lines to the store, in batches, on a background thread. To resume, the session
 * loads the transcript from the store, writes it to a fresh temporary config directory, and starts
 * the CLI there with {@code --resume}: the conversation continues on any machine. {@link StoreHistory}
 * reads a store as {@link dev.claudecode.history.History} reads the disk, and {@link SessionImport}
 * copies sessions from disk into a store.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Order.</b> {@link #load} returns a transcript's entries in the order they were appended:
 *       within one process, in the order of the {@code append} calls; across processes, in the
 *       order the appends were committed.</li>
 *   <li><b>Idempotency.</b> An entry with a {@link SessionStoreEntry#uuid() uuid} that the
 *       transcript already holds is not added again (a retried append, an import run twice);
 *       entries without a uuid (titles, tags, markers) are always added.</li>
 *   <li><b>Never written is empty.</b> {@code load} of a key that nothing was appended to (or that
 *       was deleted) is empty; {@code append} of no entries changes nothing.</li>
 *   <li><b>Deep equality.</b> Loaded entries are {@linkplain SessionStoreEntry#equals equal} to
 *       the appended ones as JSON values; their text may differ (member order, number notation).</li>
 *   <li><b>Keys.</b> Project keys, sessions and subpaths are independent: a subagent transcript
 *       ({@link SessionKey#subpath()}) is stored apart from its session's main transcript, and is
 *       not a session of its own in {@link #listSessions}.</li>
 *   <li><b>Times.</b> {@link StoredSession#mtime()} and {@link SessionSummary#mtime()} are epoch
 *       milliseconds of one clock, the store's, stamped when an append is saved.</li>
 *   <li><b>Summaries.</b> A store that keeps summaries folds every main-transcript append into the
 *       session's {@link SessionSummary} with {@link SessionSummary#fold}, in the same transaction
 *       as the entries, so that concurrent appends never lose an update.</li>
 *   <li><b>Delete.</b> Deleting a main transcript deletes the session's subagent transcripts and
 *       summary too; deleting a subagent transcript deletes only that one. Deleting what does not
 *       exist does nothing. A write-once store may make {@code delete} do nothing and say so.</li>
 *   <li><b>Concurrency.</b> Every method may be called by many threads at once, for the same key
 *       and for different keys.</li>
 *   <li><b>Failures</b> are thrown as {@link SessionStoreException}. A session retries a failed
 *       append twice, after 200 ms and 800 ms, then gives the batch up and reports it with a
 *       {@code mirror_error} message; the conversation itself goes on.</li>
 * </ul>
 *
 * <p>{@code claude-code-testkit} has a conformance suite ({@code SessionStoreConformance}) that
 * checks all of this against a real instance of a store.
 */
public interface SessionStore {

    /**
     * Appends a batch of entries to a transcript, skipping entries whose uuid it already holds.
     * Either the whole batch is saved or, when this throws, none of it.
     *
     * @param key the transcript
     * @param entries the entries, in transcript order; an empty list changes nothing
     * @throws SessionStoreException when the store fails
     */
    void append(SessionKey key, List<SessionStoreEntry> entries);

    /**
     * Loads a whole transcript, for resuming it or reading it.
     *
     * @param key the transcript
     * @return its entries in append order; empty when nothing was ever appended to the key (a
     *     store that cannot tell "never written" from "emptied" may return empty for both)
     * @throws SessionStoreException when the store fails
     */
    Optional<List<SessionStoreEntry>> load(SessionKey key);

    /**
     * Lists the sessions of a project: every key with a main transcript.
     *
     * @param projectKey the project key
     * @return the sessions with their last save time, in no particular order; empty for an unknown project
     * @throws SessionStoreException when the store fails
     */
    List<StoredSession> listSessions(String projectKey);

    /**
     * Lists the summaries of a project's sessions in one call. A store that keeps summaries (see
     * the contract) overrides this; the default folds them from every transcript it loads, which
     * is correct but reads each session whole.
     *
     * @param projectKey the project key
     * @return the summaries, in no particular order; empty for an unknown project
     * @throws SessionStoreException when the store fails
     */
    default List<SessionSummary> listSessionSummaries(String projectKey) {
        List<SessionSummary> summaries = new ArrayList<>();
        for (StoredSession session : listSessions(projectKey)) {
            SessionKey key = SessionKey.of(projectKey, session.sessionId());
            load(key).ifPresent(entries -> summaries.add(SessionSummary.fold(Optional.empty(), key, entries, session.mtime())));
        }
        return summaries;
    }

    /**
     * Deletes a transcript: a main transcript with its session's subagent transcripts and summary,
     * or one subagent transcript.
     *
     * @param key the transcript
     * @throws SessionStoreException when the store fails
     */
    void delete(SessionKey key);

    /**
     * Lists the subagent transcripts of a session.
     *
     * @param projectKey the project key
     * @param sessionId the session id
     * @return the subpaths of the session's subagent transcripts, in no particular order; the main
     *     transcript is not one of them
     * @throws SessionStoreException when the store fails
     */
    List<String> listSubkeys(String projectKey, String sessionId);
}
