package dev.claudecode.internal.store;

import dev.claudecode.errors.SessionStoreException;
import dev.claudecode.history.ProjectDirectories;
import dev.claudecode.internal.history.SessionIds;
import dev.claudecode.internal.session.SessionPlace;
import dev.claudecode.node.LocalNode;
import dev.claudecode.node.Node;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.SessionStart;
import dev.claudecode.store.SessionKey;
import dev.claudecode.store.SessionStore;
import dev.claudecode.store.SessionStoreEntry;
import dev.claudecode.store.StoredSession;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets a session that is resumed with a store ready to launch: finds the session (the one named by
 * {@code resume}, or for {@code continueConversation} the store's newest of the project), loads
 * it with its subagent transcripts, and writes them into a new private temporary config directory
 * on the machine the CLI runs on, with the credentials and settings of the CLI's usual config
 * directory. The launch then points {@code CLAUDE_CONFIG_DIR} there and resumes the session by id.
 * Each store call may take at most the options' load timeout.
 */
final class StoreResume {

    private static final Logger LOG = LoggerFactory.getLogger(StoreResume.class);

    /** What the CLI's config directory holds that a resumed CLI needs besides the transcript. */
    private static final List<String> CONFIG_FILES = List.of(".credentials.json", "settings.json");

    /**
     * The launch a session starts with.
     *
     * @param launchOptions the options the CLI is launched with
     * @param tempRoot the temporary directory written, to delete when the session ends
     */
    record Prepared(ClaudeCodeOptions launchOptions, Optional<Path> tempRoot) {
    }

    private StoreResume() {
    }

    /**
     * Prepares the launch of a session with a store.
     *
     * @param options the session's options; {@code sessionStore} is set
     * @param node where the CLI runs
     * @return the launch; the options as they are when there is nothing in the store to resume
     * @throws SessionStoreException when the store fails or is too slow
     */
    static Prepared prepare(ClaudeCodeOptions options, Node node) {
        SessionStore store = options.sessionStore().orElseThrow();
        Duration timeout = options.sessionStoreLoadTimeout();
        SessionPlace place = SessionPlace.on(options, node);
        String directory = ProjectDirectories.encode(place.cwd());
        String projectKey = options.sessionStoreProjectKey().orElse(directory);
        SessionStart start = options.start();
        Optional<String> sessionId = start instanceof SessionStart.Resume resume ? Optional.of(resume.session()) : Optional.empty();
        if (start instanceof SessionStart.Continue latest) {
            // the CLI's own --continue would look at the local disk: the store decides which session is newest
            sessionId = StoreCalls.call("SessionStore.listSessions(" + projectKey + ")", timeout, () -> store.listSessions(projectKey))
                    .stream().max(Comparator.comparingLong(StoredSession::mtime).thenComparing(StoredSession::sessionId))
                    .map(StoredSession::sessionId);
            if (sessionId.isEmpty()) {
                SessionStart fresh = latest.fork().flatMap(SessionStart.Fork::id).map(SessionStart::newSession)
                        .orElseGet(SessionStart::newSession);
                return new Prepared(options.toBuilder().start(fresh).build(), Optional.empty());
            }
        }
        if (sessionId.isEmpty() || !SessionIds.isValid(sessionId.get())) {
            return new Prepared(options, Optional.empty()); // a new session, or one resumed by title from the local disk
        }
        SessionKey key = SessionKey.of(projectKey, sessionId.get());
        Optional<List<SessionStoreEntry>> transcript = StoreCalls.call("SessionStore.load(" + key + ")", timeout, () -> store.load(key));
        ClaudeCodeOptions resumed = start instanceof SessionStart.Continue latest
                ? options.toBuilder().start(new SessionStart.Resume(sessionId.get(), Optional.empty(), latest.fork())).build()
                : options;
        if (transcript.isEmpty()) {
            LOG.info("session {} is not in the session store; the CLI looks for it on its own disk", key);
            return new Prepared(resumed, Optional.empty());
        }
        Path root = createTempRoot(node);
        try {
            Path configDir = Files.createDirectory(ConfinedPath.under(root, "config"));
            Path projectDir = Files.createDirectories(ConfinedPath.under(configDir, "projects", directory));
            write(ConfinedPath.under(projectDir, key.sessionId() + ".jsonl"), transcript.get());
            writeSubagents(store, key, projectDir, timeout);
            copyConfig(place.configDir(), configDir, node);
            ClaudeCodeOptions launch = resumed.toBuilder().env("CLAUDE_CONFIG_DIR", configDir.toString()).build();
            return new Prepared(launch, Optional.of(root));
        } catch (IOException | RuntimeException e) {
            delete(root);
            if (e instanceof SessionStoreException failure) {
                throw failure;
            }
            throw new SessionStoreException("cannot write session " + key + " from the session store to " + root + ": " + e, e);
        }
    }

    private static void writeSubagents(SessionStore store, SessionKey key, Path projectDir, Duration timeout) throws IOException {
        List<String> subpaths = StoreCalls.call("SessionStore.listSubkeys(" + key + ")", timeout,
                () -> store.listSubkeys(key.projectKey(), key.sessionId()));
        for (String subpath : new java.util.LinkedHashSet<>(subpaths)) {
            SessionKey subkey;
            try {
                subkey = key.withSubpath(subpath);
            } catch (IllegalArgumentException e) {
                LOG.warn("subagent transcript {} of {} skipped: {}", subpath, key, e.getMessage());
                continue;
            }
            Optional<List<SessionStoreEntry>> entries = StoreCalls.call("SessionStore.load(" + subkey + ")", timeout, () -> store.load(subkey));
            if (entries.isEmpty()) {
                continue;
            }
            List<SessionStoreEntry> lines = new ArrayList<>();
            SessionStoreEntry metadata = null;
            for (SessionStoreEntry entry : entries.get()) {
                if (entry.type().equals(StoredTranscripts.AGENT_METADATA)) {
                    metadata = entry;
                } else {
                    lines.add(entry);
                }
            }
            // every name is checked again here, and the result must stay in the session's directory
            List<String> names = new ArrayList<>(List.of(key.sessionId()));
            names.addAll(List.of(subkey.subpath().orElseThrow().split("/")));
            String last = names.removeLast();
            Path directory = ConfinedPath.under(projectDir, names.toArray(String[]::new));
            Files.createDirectories(directory);
            if (!lines.isEmpty()) {
                write(ConfinedPath.under(directory, last + ".jsonl"), lines);
            }
            if (metadata != null) {
                Map<String, Object> sidecar = new LinkedHashMap<>(metadata.value());
                sidecar.remove("type");
                Files.writeString(ConfinedPath.under(directory, last + ".meta.json"),
                        dev.claudecode.internal.json.Json.write(sidecar), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            }
        }
    }

    private static void write(Path file, List<SessionStoreEntry> entries) throws IOException {
        // a new file only: nothing written before, and no link, is ever followed or overwritten
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), 1 << 16)) {
            StoredTranscripts.write(entries, out);
        }
    }

    /** Copies credentials, settings and the CLI's state file, where they exist, owner-only. */
    private static void copyConfig(Path from, Path to, Node node) throws IOException {
        for (String name : CONFIG_FILES) {
            copyIfPresent(from.resolve(name), to.resolve(name));
        }
        // the state file lives in the config directory when CLAUDE_CONFIG_DIR is set, else in the home
        boolean defaultDir = from.equals(node.home().resolve(".claude"));
        copyIfPresent(defaultDir ? node.home().resolve(".claude.json") : from.resolve(".claude.json"), to.resolve(".claude.json"));
    }

    private static void copyIfPresent(Path source, Path target) throws IOException {
        try {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException e) {
            return;
        }
        try {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // a file system without POSIX permissions: the directory is private already
        }
    }

    private static Path createTempRoot(Node node) {
        try {
            Path root = node instanceof LocalNode
                    ? Files.createTempDirectory("claude-resume-")
                    : Files.createTempDirectory(node.path("/tmp"), "claude-resume-");
            try {
                Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                // no POSIX permissions to set
            }
            return root;
        } catch (IOException e) {
            throw new SessionStoreException("cannot create a temporary config directory on " + node.name() + ": " + e, e);
        }
    }

    /**
     * Deletes a temporary directory this class made, as far as it can.
     *
     * @param root the directory
     */
    static void delete(Path root) {
        for (int attempt = 0; attempt < 2 && Files.exists(root); attempt++) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException | UncheckedIOException e) {
                LOG.debug("deleting {}: {}", root, e.toString());
            }
        }
    }
}
