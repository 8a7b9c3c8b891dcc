package dev.claudecode.store;

import dev.claudecode.errors.SessionStoreException;
import dev.claudecode.history.History;
import dev.claudecode.errors.HistoryException;
import dev.claudecode.errors.SessionNotFoundException;
import dev.claudecode.internal.history.SessionIds;
import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.store.StoredTranscripts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Copies sessions from a CLI config directory on disk into a {@link SessionStore}, so that
 * conversations started before the store existed can be resumed anywhere too.
 *
 * <pre>{@code
 * SessionImport.builder(store).build().importSession(sessionId);   // from ~/.claude
 * }</pre>
 *
 * <p>The transcript is appended in batches ({@link Builder#batchSize}, and never more than 1 MiB
 * of text at once); its subagent transcripts ({@code <session-id>/subagents/**.jsonl}) follow
 * under their subpaths, each with its {@code .meta.json} sidecar as a last entry of type
 * {@code agent_metadata}. Appends are idempotent on entry uuids, so importing a session twice, or
 * importing one that a session already mirrored in part, adds no message twice (the few entries
 * without a uuid, such as titles and last-prompt markers, are added again, which changes nothing a
 * reader sees: the newest one counts). Lines that are
 * not JSON objects are skipped with a warning. Instances are immutable and thread-safe.
 */
public final class SessionImport {

    private static final Logger LOG = LoggerFactory.getLogger(SessionImport.class);

    /** The largest batch by default, as the official SDKs use. */
    public static final int DEFAULT_BATCH_SIZE = 500;

    /** The most characters of entries in one append. */
    public static final int MAX_BATCH_CHARS = 1 << 20;

    private final SessionStore store;
    private final Path configDir;
    private final Optional<Path> projectPath;
    private final Optional<String> projectKey;
    private final boolean includeSubagents;
    private final int batchSize;

    private SessionImport(Builder builder) {
        this.store = builder.store;
        this.configDir = builder.configDir;
        this.projectPath = builder.projectPath;
        this.projectKey = builder.projectKey;
        this.includeSubagents = builder.includeSubagents;
        this.batchSize = builder.batchSize;
    }

    /**
     * Starts an import into a store, from {@link History#defaultConfigDir()} by default.
     *
     * @param store the destination
     * @return a builder
     */
    public static Builder builder(SessionStore store) {
        return new Builder(Objects.requireNonNull(store, "store"));
    }

    /**
     * Imports one session.
     *
     * @param sessionId the session's id (a UUID)
     * @return the key its main transcript was stored under
     * @throws dev.claudecode.errors.InvalidSessionIdException when the id is not a UUID
     * @throws SessionNotFoundException when the config directory holds no such session
     * @throws HistoryException when the files cannot be read
     * @throws SessionStoreException when the store fails; what was appended before stays
     */
    public SessionKey importSession(String sessionId) {
        SessionIds.validate(sessionId);
        History history = History.at(configDir);
        Path file = (projectPath.isPresent() ? history.findSessionFile(sessionId, projectPath.get()) : history.findSessionFile(sessionId))
                .orElseThrow(() -> new SessionNotFoundException(sessionId, "no transcript of session " + sessionId + " under " + history.projectsDir()));
        SessionKey key = SessionKey.of(projectKey.orElseGet(() -> file.getParent().getFileName().toString()), sessionId);
        try {
            copy(file, key, Optional.empty());
            if (includeSubagents) {
                Path sessionDir = file.resolveSibling(sessionId);
                for (Path transcript : subagentTranscripts(sessionDir.resolve("subagents"))) {
                    String relative = sessionDir.relativize(transcript).toString().replace(transcript.getFileSystem().getSeparator(), "/");
                    SessionKey subkey = key.withSubpath(relative.substring(0, relative.length() - ".jsonl".length()));
                    Path sidecar = transcript.resolveSibling(transcript.getFileName().toString().replaceFirst("\\.jsonl$", ".meta.json"));
                    copy(transcript, subkey, Optional.of(sidecar));
                }
            }
        } catch (IOException e) {
            throw new HistoryException("cannot import session " + sessionId + " from " + file + ": " + e, e);
        }
        return key;
    }

    private void copy(Path transcript, SessionKey key, Optional<Path> sidecar) throws IOException {
        List<SessionStoreEntry> batch = new ArrayList<>();
        long chars = 0;
        int skipped = 0;
        try (BufferedReader reader = Files.newBufferedReader(transcript, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                SessionStoreEntry entry;
                try {
                    entry = SessionStoreEntry.parse(line);
                } catch (IllegalArgumentException e) {
                    skipped++;
                    continue;
                }
                batch.add(entry);
                chars += entry.length();
                if (batch.size() >= batchSize || chars >= MAX_BATCH_CHARS) {
                    store.append(key, List.copyOf(batch));
                    batch.clear();
                    chars = 0;
                }
            }
        }
        if (skipped > 0) {
            LOG.warn("{}: skipped {} line(s) that are not JSON objects", transcript, skipped);
        }
        sidecar.flatMap(SessionImport::metadata).ifPresent(batch::add);
        if (!batch.isEmpty()) {
            store.append(key, List.copyOf(batch));
        }
    }

    private static Optional<SessionStoreEntry> metadata(Path sidecar) {
        String text;
        try {
            text = Files.readString(sidecar, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("{}: unreadable, not imported: {}", sidecar, e.toString());
            return Optional.empty();
        }
        try {
            JsonNode tree = Json.parse(text);
            if (!tree.isObject()) {
                LOG.warn("{}: not a JSON object, not imported", sidecar);
                return Optional.empty();
            }
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("type", StoredTranscripts.AGENT_METADATA);
            Json.toMap(tree).forEach((name, member) -> {
                if (!name.equals("type")) {
                    value.put(name, member);
                }
            });
            return Optional.of(SessionStoreEntry.of(value));
        } catch (JacksonException e) {
            LOG.warn("{}: not JSON, not imported", sidecar);
            return Optional.empty();
        }
    }

    private static List<Path> subagentTranscripts(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(path -> path.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(path))
                    .sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Configures a {@link SessionImport}. */
    public static final class Builder {
        private final SessionStore store;
        private Path configDir = History.defaultConfigDir();
        private Optional<Path> projectPath = Optional.empty();
        private Optional<String> projectKey = Optional.empty();
        private boolean includeSubagents = true;
        private int batchSize = DEFAULT_BATCH_SIZE;

        private Builder(SessionStore store) {
            this.store = store;
        }

        /**
         * {@return this builder}
         *
         * @param configDir the CLI config directory to read ({@code CLAUDE_CONFIG_DIR}), on any file system
         */
        public Builder configDir(Path configDir) {
            this.configDir = Objects.requireNonNull(configDir, "configDir");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param projectPath the project to look for the session in; by default every project is searched
         */
        public Builder projectPath(Path projectPath) {
            this.projectPath = Optional.of(projectPath);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param projectKey the project key to store the session under; by default the name of the
         *     project directory it was found in, which is the key a session started in the same
         *     working directory with the store mirrors to
         */
        public Builder projectKey(String projectKey) {
            if (!SessionKey.isValidName(projectKey)) {
                throw new IllegalArgumentException("not a project key: " + projectKey);
            }
            this.projectKey = Optional.of(projectKey);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param includeSubagents whether to import the session's subagent transcripts too (the default)
         */
        public Builder includeSubagents(boolean includeSubagents) {
            this.includeSubagents = includeSubagents;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param batchSize the most entries per append, from 1; {@value #DEFAULT_BATCH_SIZE} by default
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** {@return the import} */
        public SessionImport build() {
            return new SessionImport(this);
        }
    }
}
