package dev.claudecode.history;

import dev.claudecode.errors.HistoryException;
import dev.claudecode.errors.SessionNotFoundException;
import dev.claudecode.internal.history.SessionIds;
import dev.claudecode.internal.history.SessionLister;
import dev.claudecode.internal.history.SessionEdits;
import dev.claudecode.internal.history.SessionLocator;
import dev.claudecode.internal.history.SessionLocator.Located;
import dev.claudecode.internal.history.SessionSummaries;
import dev.claudecode.internal.history.TranscriptReader;
import dev.claudecode.internal.history.TranscriptSource;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads stored Claude Code sessions from a CLI config directory, without a running CLI.
 *
 * <p>Everything goes through the {@link Path}s it is given, so the config directory may live on
 * any {@link java.nio.file.FileSystem}: the local disk, a zip archive, or another machine's disk
 * over SFTP. Project paths are paths on the machine that ran the CLI and are taken from the same
 * kind of file system. Listing reads only the first and last 64 KiB of each transcript; reading
 * messages streams the transcript twice (once for the chain, once for the requested page), never
 * holding a whole file in memory. See {@linkplain dev.claudecode.history the package} for the
 * on-disk layout.
 *
 * <pre>{@code
 * History history = History.at(Path.of(System.getProperty("user.home"), ".claude"));
 * for (SessionInfo s : history.listSessions(SessionListQuery.forProject(Path.of("app").toAbsolutePath()))) {
 *     System.out.println(s.modified() + " " + s.summary());
 * }
 * List<SessionMessage> page = history.messages(sessionId, HistoryQuery.of(Page.first(10).offset(5)));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. Failures to read are {@link HistoryException}s; an
 * id that is not a UUID is an {@link dev.claudecode.errors.InvalidSessionIdException}, before any file is touched.
 */
public final class History {

    private final Path configDir;

    private History(Path configDir) {
        this.configDir = Objects.requireNonNull(configDir, "configDir");
    }

    /**
     * The history kept in one CLI config directory.
     *
     * @param claudeConfigDir the directory the CLI ran with as {@code CLAUDE_CONFIG_DIR} (by default {@code ~/.claude}),
     *     on any file system
     * @return the history
     */
    public static History at(Path claudeConfigDir) {
        return new History(claudeConfigDir);
    }

    /**
     * The local config directory the CLI uses when started from this process's environment:
     * {@code $CLAUDE_CONFIG_DIR}, else {@code ~/.claude}.
     *
     * @return the directory on the default file system (it may not exist)
     */
    public static Path defaultConfigDir() {
        return defaultConfigDir(System.getenv(), System.getProperty("user.home"));
    }

    static Path defaultConfigDir(Map<String, String> environment, String userHome) {
        String configured = environment.get("CLAUDE_CONFIG_DIR");
        if (configured != null && !configured.isBlank()) {
            return FileSystems.getDefault().getPath(configured);
        }
        return FileSystems.getDefault().getPath(userHome, ".claude");
    }

    /** {@return the config directory this history reads} */
    public Path configDir() {
        return configDir;
    }

    /** {@return the {@code projects} directory under the config directory} */
    public Path projectsDir() {
        return ProjectDirectories.projectsDirectory(configDir);
    }

    /**
     * Lists every stored session of every project, newest first.
     *
     * @return the sessions
     * @throws HistoryException when the projects directory cannot be read
     */
    public List<SessionInfo> listSessions() {
        return listSessions(SessionListQuery.all());
    }

    /**
     * Lists stored sessions, newest first (by the transcript's modification time).
     *
     * @param query which sessions: a project (and its git worktrees) or all, a page
     * @return the sessions
     * @throws HistoryException when the projects directory cannot be read
     */
    public List<SessionInfo> listSessions(SessionListQuery query) {
        Objects.requireNonNull(query, "query");
        try {
            return SessionLister.list(projectsDir(), query);
        } catch (IOException e) {
            throw new HistoryException("cannot list sessions under " + projectsDir() + ": " + e, e);
        }
    }

    /**
     * Lists the sessions of a project, newest first.
     *
     * @param claudeConfigDir the CLI config directory, on any file system
     * @param projectPath the project directory (on the same machine)
     * @param limit how many sessions at most; 0 or less for all
     * @param includeWorktrees whether to add the sessions of the repository's other git worktrees
     * @return the sessions
     * @throws HistoryException when the projects directory cannot be read
     */
    public static List<SessionInfo> listSessions(
            Path claudeConfigDir, Path projectPath, int limit, boolean includeWorktrees) {
        SessionListQuery query = SessionListQuery.builder()
                .projectPath(Objects.requireNonNull(projectPath, "projectPath"))
                .page(page(limit, 0))
                .includeWorktrees(includeWorktrees)
                .build();
        return at(claudeConfigDir).listSessions(query);
    }

    /**
     * Describes one session, looked up in every project.
     *
     * @param sessionId the session id
     * @return the session, when a non-empty transcript exists and is not a subagent transcript
     * @throws dev.claudecode.errors.InvalidSessionIdException when the id is not a UUID
     * @throws HistoryException when the files cannot be read
     */
    public Optional<SessionInfo> sessionInfo(String sessionId) {
        return info(sessionId, null);
    }

    /**
     * Describes one session of a project (or of its git worktrees).
     *
     * @param sessionId the session id
     * @param projectPath the project directory
     * @return the session, when a non-empty transcript exists there
     * @throws dev.claudecode.errors.InvalidSessionIdException when the id is not a UUID
     * @throws HistoryException when the files cannot be read
     */
    public Optional<SessionInfo> sessionInfo(String sessionId, Path projectPath) {
        return info(sessionId, Objects.requireNonNull(projectPath, "projectPath"));
    }

    /**
     * Finds a session's transcript file in any project.
     *
     * @param sessionId the session id
     * @return the {@code <session-id>.jsonl} file, when a non-empty one exists
     * @throws dev.claudecode.errors.InvalidSessionIdException when the id is not a UUID
     * @throws HistoryException when the projects directory cannot be read
     */
    public Optional<Path> findSessionFile(String sessionId) {
        return locate(sessionId, null).map(Located::file);
    }

    /**
     * Finds a session's transcript file among a project's directories (and its worktrees').
     *
     * @param sessionId the session id
     * @param projectPath the project directory
     * @return the {@code <session-id>.jsonl} file, when a non-empty one exists
     * @throws dev.claudecode.errors.InvalidSessionIdException when the id is not a UUID
     * @throws HistoryException when the files cannot be read
     */
    public Optional<Path> findSessionFile(String sessionId, Path projectPath) {
        return locate(sessionId, Objects.requireNonNull(projectPath, "projectPath")).map(Located::file);
    }

    /**
     * Reads the whole main conversation of a session, looked up in every project.
     *
     * @param sessionId the session id
     * @return the messages, oldest first
     * @throws dev.claudecode.errors.InvalidSessionIdException when the id is not a UUID
     * @throws SessionNotFoundException when no transcript has this id
     * @throws HistoryException when the transcript cannot be read
     */
    public List<SessionMessage> messages(String sessionId) {
        return messages(sessionId, HistoryQuery.all());
    }

    /**
     * Reads a page of a session's main conversation, looked up in every project.
     *
     * @param sessionId the session id
     * @param query the page, e.g. {@code HistoryQuery.of(Page.first(10).offset(5))}
     * @return the messages, oldest first
     * @throws dev.claudecode.errors.InvalidSessionIdException when the id is not a UUID
     * @throws SessionNotFoundException when no transcript has this id
     * @throws HistoryException when the transcript cannot be read
     */
    public List<SessionMessage> messages(String sessionId, HistoryQuery query) {
        return read(sessionId, null, query);
    }

    /**
     * Reads a page of the main conversation of a session of one project (or of its worktrees).
     *
     * <p>The conversation is the chain of records from the session's latest leaf back to its root,
     * so abandoned branches (rewinds, edits) and subagent sidechains are left out. Only user and
     * assistant records are messages; an assistant reply the CLI wrote as one record per content
     * block comes back as one message. See {@link HistoryQuery} for meta records and compaction.
     *
     * @param sessionId the session id
     * @param projectPath the project directory
     * @param query the page
     * @return the messages, oldest first
     * @throws dev.claudecode.errors.InvalidSessionIdException when the id is not a UUID
     * @throws SessionNotFoundException when the project has no transcript with this id
     * @throws HistoryException when the transcript cannot be read
     */
    public List<SessionMessage> messages(String sessionId, Path projectPath, HistoryQuery query) {
        return read(sessionId, Objects.requireNonNull(projectPath, "projectPath"), query);
    }

    /**
     * Reads a page of the main conversation of a session of one project.
     *
     * @param claudeConfigDir the CLI config directory, on any file system
     * @param sessionId the session id
     * @param projectPath the project directory
     * @param limit how many messages at most; 0 or less for all
     * @param offset how many messages to skip
     * @return the messages, oldest first
     * @throws dev.claudecode.errors.InvalidSessionIdException when the id is not a UUID
     * @throws SessionNotFoundException when the project has no transcript with this id
     * @throws HistoryException when the transcript cannot be read
     */
    public static List<SessionMessage> messages(
            Path claudeConfigDir, String sessionId, Path projectPath, int limit, int offset) {
        return at(claudeConfigDir).messages(sessionId, projectPath, HistoryQuery.of(page(limit, offset)));
    }

    /**
     * Reads a page of the main conversation stored in any transcript file, wherever it is (a
     * copied or archived {@code .jsonl} file, a subagent transcript).
     *
     * @param transcript the {@code .jsonl} file
     * @param query the page
     * @return the messages, oldest first
     * @throws SessionNotFoundException when the file does not exist
     * @throws HistoryException when the file cannot be read
     */
    public static List<SessionMessage> readTranscript(Path transcript, HistoryQuery query) {
        Objects.requireNonNull(transcript, "transcript");
        Objects.requireNonNull(query, "query");
        String name = transcript.getFileName() == null ? "" : transcript.getFileName().toString();
        String sessionId = SessionIds.fromFileName(name);
        try {
            return TranscriptReader.messages(transcript, sessionId == null ? "" : sessionId, query);
        } catch (NoSuchFileException e) {
            throw new SessionNotFoundException(sessionId == null ? "" : sessionId, "no transcript at " + transcript);
        } catch (IOException e) {
            throw new HistoryException("cannot read transcript " + transcript + ": " + e, e);
        }
    }

    // ---- saved sessions, changed without a running CLI ----------------------------------------

    /**
     * Sets a session's title: appends a {@code custom-title} record to its transcript, which the
     * listings show as {@link SessionInfo#title()} and by which the CLI resumes it
     * ({@code SessionStart.resume("<title>")}).
     *
     * @param sessionId the session id, looked up in every project
     * @param title the new title, not blank
     * @throws dev.claudecode.errors.InvalidSessionIdException when the id is not a UUID
     * @throws SessionNotFoundException when no transcript has this id
     * @throws IllegalArgumentException when the title is blank
     * @throws HistoryException when the transcript cannot be written
     */
    public void renameSession(String sessionId, String title) {
        String trimmed = Objects.requireNonNull(title, "title").strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("a session title must not be blank");
        }
        edit(sessionId, "rename", file -> SessionEdits.rename(file, sessionId, trimmed));
    }

    /**
     * Tags a session: appends a {@code tag} record, shown as {@link SessionInfo#tag()}.
     *
     * @param sessionId the session id, looked up in every project
     * @param tag the tag, not blank
     * @throws dev.claudecode.errors.InvalidSessionIdException when the id is not a UUID
     * @throws SessionNotFoundException when no transcript has this id
     * @throws IllegalArgumentException when the tag is blank
     * @throws HistoryException when the transcript cannot be written
     */
    public void tagSession(String sessionId, String tag) {
        String trimmed = Objects.requireNonNull(tag, "tag").strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("a session tag must not be blank; untagSession clears it");
        }
        edit(sessionId, "tag", file -> SessionEdits.tag(file, sessionId, Optional.of(trimmed)));
    }

    /**
     * Clears a session's tag (an empty {@code tag} record).
     *
     * @param sessionId the session id, looked up in every project
     * @throws dev.claudecode.errors.InvalidSessionIdException when the id is not a UUID
     * @throws SessionNotFoundException when no transcript has this id
     * @throws HistoryException when the transcript cannot be written
     */
    public void untagSession(String sessionId) {
        edit(sessionId, "untag", file -> SessionEdits.tag(file, sessionId, Optional.empty()));
    }

    /**
     * Archives a session: it stays on disk and in the listings, with {@link SessionInfo#archived()}
     * true. The transcript is not changed, and a running CLI of the session is not stopped; a
     * prompt sent in the session later unarchives it.
     *
     * @param sessionId the session id, looked up in every project
     * @throws dev.claudecode.errors.InvalidSessionIdException when the id is not a UUID
     * @throws SessionNotFoundException when no transcript has this id
     * @throws HistoryException when the mark cannot be written
     */
    public void archiveSession(String sessionId) {
        edit(sessionId, "archive", file -> SessionEdits.setArchived(file, sessionId, true));
    }

    /**
     * Unarchives a session ({@link SessionInfo#archived()} false again).
     *
     * @param sessionId the session id, looked up in every project
     * @throws dev.claudecode.errors.InvalidSessionIdException when the id is not a UUID
     * @throws SessionNotFoundException when no transcript has this id
     * @throws HistoryException when the mark cannot be written
     */
    public void unarchiveSession(String sessionId) {
        edit(sessionId, "unarchive", file -> SessionEdits.setArchived(file, sessionId, false));
    }

    /**
     * Deletes a session: its transcript and the directory beside it (subagent transcripts, tool
     * results, the archived mark).
     *
     * @param sessionId the session id, looked up in every project
     * @throws dev.claudecode.errors.InvalidSessionIdException when the id is not a UUID
     * @throws SessionNotFoundException when no transcript has this id
     * @throws HistoryException when something cannot be deleted (a repeat call deletes what is left
     *     of the directory only while the transcript still exists)
     */
    public void deleteSession(String sessionId) {
        edit(sessionId, "delete", file -> SessionEdits.delete(file, sessionId));
    }

    /**
     * Forks a saved session into a new one, in the same project: its records are copied with
     * fresh uuids, up to a message when the fork says so, and the copy gets a title (the fork's,
     * else the old title with {@code " (fork)"}). Undo snapshots are not copied. The new session
     * resumes in the CLI like any other ({@code SessionStart.resume(newId)}).
     *
     * @param sessionId the session id, looked up in every project (or in the fork's project)
     * @param fork where to end and what to call the copy; {@link SessionFork#whole()} copies all
     * @return the new session's id
     * @throws dev.claudecode.errors.InvalidSessionIdException when the id is not a UUID
     * @throws SessionNotFoundException when no transcript has this id
     * @throws IllegalArgumentException when the fork's message is not in the session
     * @throws HistoryException when a file cannot be read or written
     */
    public String forkSession(String sessionId, SessionFork fork) {
        Objects.requireNonNull(fork, "fork");
        Located located = locateOrFail(sessionId, fork.projectPath().orElse(null));
        String title = fork.title().orElseGet(() -> info(sessionId, fork.projectPath().orElse(null))
                .flatMap(info -> info.title().or(info::firstPrompt)).map(old -> old + " (fork)").orElse("Forked session"));
        try {
            return SessionEdits.fork(located.file(), sessionId, fork.upToMessage(), title);
        } catch (IOException e) {
            throw new HistoryException("cannot fork session " + sessionId + ": " + e, e);
        }
    }

    /**
     * Lists the subagents that ran in a session, by their transcripts under
     * {@code <session-id>/subagents/}.
     *
     * @param sessionId the session id, looked up in every project
     * @return the subagent ids, sorted; empty when none ran
     * @throws dev.claudecode.errors.InvalidSessionIdException when the id is not a UUID
     * @throws SessionNotFoundException when no transcript has this id
     * @throws HistoryException when the directory cannot be read
     */
    public List<String> listSubagents(String sessionId) {
        Located located = locateOrFail(sessionId, null);
        try {
            return SessionEdits.subagents(located.file(), sessionId);
        } catch (IOException e) {
            throw new HistoryException("cannot list the subagents of session " + sessionId + ": " + e, e);
        }
    }

    /**
     * Reads a page of a subagent's conversation.
     *
     * @param sessionId the session id, looked up in every project
     * @param agentId the subagent id, as {@link #listSubagents} gives it
     * @param query the page
     * @return the messages, oldest first; empty when the session has no such subagent
     * @throws dev.claudecode.errors.InvalidSessionIdException when the id is not a UUID
     * @throws IllegalArgumentException when the agent id could not be one of the CLI's
     * @throws SessionNotFoundException when no transcript has this id
     * @throws HistoryException when the transcript cannot be read
     */
    public List<SessionMessage> subagentMessages(String sessionId, String agentId, HistoryQuery query) {
        Objects.requireNonNull(query, "query");
        Located located = locateOrFail(sessionId, null);
        Optional<Path> file;
        try {
            file = SessionEdits.subagentFile(located.file(), sessionId, agentId);
        } catch (IOException e) {
            throw new HistoryException("cannot read the subagents of session " + sessionId + ": " + e, e);
        }
        if (file.isEmpty()) {
            return List.of();
        }
        try {
            return TranscriptReader.subagentMessages(TranscriptSource.of(file.get()), sessionId, query);
        } catch (IOException e) {
            throw new HistoryException("cannot read subagent transcript " + file.get() + ": " + e, e);
        }
    }

    /** A change to a session's files. */
    @FunctionalInterface
    private interface Edit {
        void apply(Path transcript) throws IOException;
    }

    private void edit(String sessionId, String what, Edit edit) {
        Located located = locateOrFail(sessionId, null);
        try {
            edit.apply(located.file());
        } catch (NoSuchFileException e) {
            throw new SessionNotFoundException(sessionId, "transcript vanished: " + located.file());
        } catch (IOException e) {
            throw new HistoryException("cannot " + what + " session " + sessionId + ": " + e, e);
        }
    }

    private Located locateOrFail(String sessionId, Path projectPath) {
        return locate(sessionId, projectPath).orElseThrow(() -> new SessionNotFoundException(sessionId,
                "no transcript of session " + sessionId + " under "
                        + (projectPath == null ? projectsDir() : ProjectDirectories.directoryFor(configDir, projectPath))));
    }

    private List<SessionMessage> read(String sessionId, Path projectPath, HistoryQuery query) {
        Objects.requireNonNull(query, "query");
        Located located = locateOrFail(sessionId, projectPath);
        try {
            return TranscriptReader.messages(located.file(), sessionId, query);
        } catch (NoSuchFileException e) {
            throw new SessionNotFoundException(sessionId, "transcript vanished: " + located.file());
        } catch (IOException e) {
            throw new HistoryException("cannot read transcript " + located.file() + ": " + e, e);
        }
    }

    private Optional<SessionInfo> info(String sessionId, Path projectPath) {
        Optional<Located> located = locate(sessionId, projectPath);
        if (located.isEmpty()) {
            return Optional.empty();
        }
        try {
            return SessionSummaries.read(located.get().file(), sessionId, located.get().projectPath(), false);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new HistoryException("cannot read transcript " + located.get().file() + ": " + e, e);
        }
    }

    private Optional<Located> locate(String sessionId, Path projectPath) {
        SessionIds.validate(sessionId);
        try {
            return SessionLocator.find(projectsDir(), sessionId, projectPath);
        } catch (IOException e) {
            throw new HistoryException("cannot search sessions under " + projectsDir() + ": " + e, e);
        }
    }

    // the static helpers' convention: a limit of 0 or less is no limit
    private static Page page(int limit, int offset) {
        Page page = Page.all().offset(offset);
        return limit > 0 ? page.limit(limit) : page;
    }

    @Override
    public String toString() {
        return "History[" + configDir + "]";
    }
}
