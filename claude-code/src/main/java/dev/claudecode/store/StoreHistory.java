package dev.claudecode.store;

import dev.claudecode.errors.SessionStoreException;
import dev.claudecode.errors.HistoryException;
import dev.claudecode.history.HistoryQuery;
import dev.claudecode.history.Page;
import dev.claudecode.history.ProjectDirectories;
import dev.claudecode.history.SessionInfo;
import dev.claudecode.history.SessionListQuery;
import dev.claudecode.history.SessionMessage;
import dev.claudecode.errors.SessionNotFoundException;
import dev.claudecode.internal.history.SessionEdits;
import dev.claudecode.internal.history.TranscriptFork;
import dev.claudecode.internal.history.TranscriptReader;
import dev.claudecode.internal.history.TranscriptSource;
import dev.claudecode.internal.store.StoredTranscripts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the sessions a {@link SessionStore} holds as {@link dev.claudecode.history.History} reads
 * the ones on disk: the same {@link SessionInfo} and {@link SessionMessage} values, the same
 * conversation rules (the chain from the newest leaf, compaction, merged assistant records).
 *
 * <pre>{@code
 * StoreHistory history = StoreHistory.of(store);
 * for (SessionInfo s : history.listSessions(SessionListQuery.forProject(Path.of("app").toAbsolutePath()))) {
 *     System.out.println(s.modified() + " " + s.summary());
 * }
 * List<SessionMessage> page = history.messages(sessionId, projectPath, HistoryQuery.of(Page.first(10)));
 * }</pre>
 *
 * <p>A store is organized by project key, so listing needs a project: a path (encoded as the CLI
 * names its project directory, {@link #projectKey(Path)}) or a key of the caller's choosing. A
 * listing reads the store's summaries in one call and loads only sessions whose summary is missing
 * or older than their last save. A {@link SessionInfo} from a store names the transcript by the
 * relative path {@code <projectKey>/<sessionId>.jsonl}; its size is 0 in a listing (the store does
 * not say) and exact from {@link #sessionInfo(SessionKey)}.
 *
 * <p>Instances are immutable and thread-safe; failures of the store are
 * {@link SessionStoreException}s.
 */
public final class StoreHistory {

    private final SessionStore store;

    private StoreHistory(SessionStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * The history kept in a store.
     *
     * @param store the store
     * @return its history
     */
    public static StoreHistory of(SessionStore store) {
        return new StoreHistory(store);
    }

    /**
     * The project key the CLI uses for a working directory: its project directory name, which is
     * the key sessions started there are stored under.
     *
     * @param projectPath the working directory (symlinks are resolved when it exists)
     * @return the key
     */
    public static String projectKey(Path projectPath) {
        return ProjectDirectories.encode(Objects.requireNonNull(projectPath, "projectPath"));
    }

    /** {@return the store this history reads} */
    public SessionStore store() {
        return store;
    }

    /**
     * Lists the sessions of a project, newest first, as {@code History.listSessions} does on disk.
     *
     * @param query the project path (required: a store lists one project at a time), limit,
     *     offset, and whether to count messages (which loads each listed session); worktrees are
     *     not looked for
     * @return the sessions
     * @throws IllegalArgumentException when the query names no project
     */
    public List<SessionInfo> listSessions(SessionListQuery query) {
        Objects.requireNonNull(query, "query");
        Path projectPath = query.projectPath().orElseThrow(() -> new IllegalArgumentException(
                "a session store lists the sessions of one project: give the query a projectPath"));
        return listSessions(projectKey(projectPath), query.page(), query.countMessages());
    }

    /**
     * Lists every session of a project key, newest first.
     *
     * @param projectKey the project key
     * @return the sessions
     */
    public List<SessionInfo> listSessions(String projectKey) {
        return listSessions(projectKey, Page.all(), false);
    }

    /**
     * Lists a page of the sessions of a project key, newest first.
     *
     * @param projectKey the project key
     * @param page which of them: offset and limit
     * @param countMessages whether to load each listed session to count its messages and size
     * @return the sessions
     */
    public List<SessionInfo> listSessions(String projectKey, Page page, boolean countMessages) {
        if (!SessionKey.isValidName(projectKey)) {
            throw new IllegalArgumentException("not a project key: " + projectKey);
        }
        Objects.requireNonNull(page, "page");
        Map<String, Long> saved = new HashMap<>();
        store.listSessions(projectKey).forEach(session -> saved.put(session.sessionId(), session.mtime()));
        Map<String, SessionSummary> summaries = new HashMap<>();
        for (SessionSummary summary : store.listSessionSummaries(projectKey)) {
            Long mtime = saved.get(summary.sessionId());
            // a summary of a deleted session, or one older than the session's last save, is not used
            if (mtime != null && summary.mtime() >= mtime) {
                summaries.put(summary.sessionId(), summary);
            }
        }
        List<Map.Entry<String, Long>> ordered = new ArrayList<>(saved.entrySet());
        ordered.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        List<SessionInfo> sessions = new ArrayList<>();
        for (Map.Entry<String, Long> session : page.of(ordered)) {
            SessionSummary summary = summaries.get(session.getKey());
            Optional<SessionInfo> info = summary != null && !countMessages
                    ? StoredTranscripts.info(summary, projectKey)
                    : loadInfo(SessionKey.of(projectKey, session.getKey()), session.getValue());
            info.ifPresent(sessions::add);
        }
        return List.copyOf(sessions);
    }

    /**
     * Describes one session, from its whole transcript.
     *
     * @param key the session's main transcript
     * @return the session with its exact size and message count; empty when the store does not
     *     hold it or it is a subagent's transcript
     */
    public Optional<SessionInfo> sessionInfo(SessionKey key) {
        Objects.requireNonNull(key, "key");
        long mtime = store.listSessions(key.projectKey()).stream()
                .filter(session -> session.sessionId().equals(key.sessionId()))
                .mapToLong(StoredSession::mtime).findFirst().orElse(-1);
        return loadInfo(key.main(), mtime);
    }

    /**
     * Describes one session of a project, from its whole transcript.
     *
     * @param sessionId the session id
     * @param projectPath the project directory
     * @return the session; empty when the store does not hold it
     */
    public Optional<SessionInfo> sessionInfo(String sessionId, Path projectPath) {
        return sessionInfo(SessionKey.of(projectKey(projectPath), sessionId));
    }

    /**
     * Reads a page of a session's main conversation, as {@code History.getMessages} does on disk.
     *
     * @param key the session's main transcript
     * @param query the page and what to include
     * @return the messages, oldest first
     * @throws SessionNotFoundException when the store does not hold the transcript
     */
    public List<SessionMessage> messages(SessionKey key, HistoryQuery query) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(query, "query");
        List<SessionStoreEntry> entries = store.load(key)
                .orElseThrow(() -> new SessionNotFoundException(key.sessionId(), "the session store holds no transcript " + key));
        List<SessionStoreEntry> lines = entries.stream()
                .filter(entry -> !entry.type().equals(StoredTranscripts.AGENT_METADATA)).toList();
        try {
            return TranscriptReader.messages(TranscriptSource.of(StoredTranscripts.jsonl(lines), key.toString()), key.sessionId(), query);
        } catch (IOException e) {
            throw new HistoryException("cannot read the stored transcript " + key + ": " + e, e);
        }
    }

    /**
     * Reads a page of the main conversation of a session of a project.
     *
     * @param sessionId the session id
     * @param projectPath the project directory
     * @param query the page
     * @return the messages, oldest first
     * @throws SessionNotFoundException when the store does not hold the session
     */
    public List<SessionMessage> messages(String sessionId, Path projectPath, HistoryQuery query) {
        return messages(SessionKey.of(projectKey(projectPath), sessionId), query);
    }

    // ---- saved sessions, changed without a running CLI ----------------------------------------

    /**
     * Sets a stored session's title: appends a {@code custom-title} entry, as
     * {@link dev.claudecode.history.History#renameSession} does on disk.
     *
     * @param key the session's main transcript
     * @param title the new title, not blank
     * @throws IllegalArgumentException when the title is blank
     * @throws SessionStoreException when the store fails
     */
    public void renameSession(SessionKey key, String title) {
        String trimmed = Objects.requireNonNull(title, "title").strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("a session title must not be blank");
        }
        appendRecord(key, "custom-title", "customTitle", trimmed);
    }

    /**
     * Tags a stored session: appends a {@code tag} entry.
     *
     * @param key the session's main transcript
     * @param tag the tag, not blank
     * @throws IllegalArgumentException when the tag is blank
     * @throws SessionStoreException when the store fails
     */
    public void tagSession(SessionKey key, String tag) {
        String trimmed = Objects.requireNonNull(tag, "tag").strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("a session tag must not be blank; untagSession clears it");
        }
        appendRecord(key, "tag", "tag", trimmed);
    }

    /**
     * Clears a stored session's tag (an empty {@code tag} entry).
     *
     * @param key the session's main transcript
     * @throws SessionStoreException when the store fails
     */
    public void untagSession(SessionKey key) {
        appendRecord(key, "tag", "tag", "");
    }

    /**
     * Deletes a stored session with its subagent transcripts and summary.
     *
     * @param key the session's main transcript
     * @throws SessionStoreException when the store fails
     */
    public void deleteSession(SessionKey key) {
        store.delete(mainKey(key));
    }

    /**
     * Forks a stored session into a new one of the same project, as
     * {@link dev.claudecode.history.History#forkSession} does on disk; the fork's project path is
     * not used (the key names the project).
     *
     * @param key the session's main transcript
     * @param fork where to end and what to call the copy
     * @return the new session's id
     * @throws SessionNotFoundException when the store does not hold the session
     * @throws IllegalArgumentException when the fork's message is not in the session
     * @throws SessionStoreException when the store fails
     */
    public String forkSession(SessionKey key, dev.claudecode.history.SessionFork fork) {
        Objects.requireNonNull(fork, "fork");
        SessionKey main = mainKey(key);
        List<SessionStoreEntry> entries = store.load(main)
                .orElseThrow(() -> new SessionNotFoundException(main.sessionId(), "the session store holds no transcript " + main));
        String title = fork.title().orElseGet(() -> loadInfo(main, 0).flatMap(info -> info.title().or(info::firstPrompt))
                .map(old -> old + " (fork)").orElse("Forked session"));
        String forkedId = java.util.UUID.randomUUID().toString();
        List<String> lines = entries.stream().filter(entry -> !entry.type().equals(StoredTranscripts.AGENT_METADATA))
                .map(SessionStoreEntry::json).toList();
        List<SessionStoreEntry> copy = TranscriptFork.fork(lines, main.sessionId(), forkedId, fork.upToMessage(), title).stream()
                .map(SessionStoreEntry::parse).toList();
        store.append(SessionKey.of(main.projectKey(), forkedId), copy);
        return forkedId;
    }

    /**
     * Lists the subagents of a stored session, by their transcripts' subpaths.
     *
     * @param key the session's main transcript
     * @return the subagent ids, sorted
     * @throws SessionStoreException when the store fails
     */
    public List<String> listSubagents(SessionKey key) {
        SessionKey main = mainKey(key);
        return store.listSubkeys(main.projectKey(), main.sessionId()).stream()
                .filter(subpath -> subpath.startsWith("subagents/"))
                .map(subpath -> subpath.substring(subpath.lastIndexOf('/') + 1))
                .map(SessionEdits::agentIdOf).flatMap(Optional::stream)
                .distinct().sorted().toList();
    }

    /**
     * Reads a page of a stored subagent's conversation.
     *
     * @param key the session's main transcript
     * @param agentId the subagent id, as {@link #listSubagents} gives it
     * @param query the page
     * @return the messages, oldest first; empty when the store holds no such subagent
     * @throws IllegalArgumentException when the agent id could not be one of the CLI's
     * @throws SessionStoreException when the store fails
     */
    public List<SessionMessage> subagentMessages(SessionKey key, String agentId, HistoryQuery query) {
        Objects.requireNonNull(query, "query");
        SessionEdits.checkAgentId(agentId);
        SessionKey main = mainKey(key);
        Optional<String> subpath = store.listSubkeys(main.projectKey(), main.sessionId()).stream()
                .filter(candidate -> candidate.startsWith("subagents/")
                        && SessionEdits.agentIdOf(candidate.substring(candidate.lastIndexOf('/') + 1)).filter(agentId::equals).isPresent())
                .findFirst();
        Optional<List<SessionStoreEntry>> entries = subpath.flatMap(path -> store.load(main.withSubpath(path)));
        if (entries.isEmpty()) {
            return List.of();
        }
        List<SessionStoreEntry> lines = entries.get().stream()
                .filter(entry -> !entry.type().equals(StoredTranscripts.AGENT_METADATA)).toList();
        try {
            return TranscriptReader.subagentMessages(TranscriptSource.of(StoredTranscripts.jsonl(lines), main + "/" + subpath.get()),
                    main.sessionId(), query);
        } catch (IOException e) {
            throw new HistoryException("cannot read the stored subagent transcript " + subpath.get() + ": " + e, e);
        }
    }

    private void appendRecord(SessionKey key, String type, String field, String value) {
        SessionKey main = mainKey(key);
        store.append(main, List.of(SessionStoreEntry.parse(SessionEdits.record(type, field, value, main.sessionId()))));
    }

    private static SessionKey mainKey(SessionKey key) {
        Objects.requireNonNull(key, "key");
        if (key.subpath().isPresent()) {
            throw new IllegalArgumentException("a session's main transcript has no subpath: " + key);
        }
        return key;
    }

    private Optional<SessionInfo> loadInfo(SessionKey key, long mtime) {
        Optional<List<SessionStoreEntry>> entries = store.load(key);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        long modified = mtime >= 0 ? mtime : StoredTranscripts.newestTimestamp(entries.get());
        try {
            return StoredTranscripts.info(key, entries.get(), modified);
        } catch (IOException e) {
            throw new HistoryException("cannot read the stored transcript " + key + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        return "StoreHistory[" + store + "]";
    }
}
