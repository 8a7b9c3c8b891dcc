package dev.claudecode.history;

import dev.claudecode.errors.HistoryException;
import dev.claudecode.errors.SessionNotFoundException;
import dev.claudecode.internal.history.SessionIds;
import dev.claudecode.internal.history.SessionLister;
import dev.claudecode.internal.history.SessionLocator;
import dev.claudecode.internal.history.SessionLocator.Located;
import dev.claudecode.internal.history.SessionSummaries;
import dev.claudecode.internal.history.TranscriptReader;
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

    /** @return the config directory this history reads */
    public Path configDir() {
        return configDir;
    }

    /** @return the {@code projects} directory under the config directory */
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

    private List<SessionMessage> read(String sessionId, Path projectPath, HistoryQuery query) {
        Objects.requireNonNull(query, "query");
        Located located = locate(sessionId, projectPath).orElseThrow(() -> new SessionNotFoundException(sessionId,
                "no transcript of session " + sessionId + " under "
                        + (projectPath == null ? projectsDir() : ProjectDirectories.directoryFor(configDir, projectPath))));
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
