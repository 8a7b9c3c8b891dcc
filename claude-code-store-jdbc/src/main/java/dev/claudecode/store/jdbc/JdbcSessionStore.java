package dev.claudecode.store.jdbc;

import dev.claudecode.errors.SessionStoreException;
import dev.claudecode.store.SessionKey;
import dev.claudecode.store.SessionStore;
import dev.claudecode.store.SessionStoreEntry;
import dev.claudecode.store.SessionSummary;
import dev.claudecode.store.StoredSession;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * A {@link SessionStore} in PostgreSQL, through any JDBC {@link DataSource}: every JVM of a service
 * that reaches the database can resume every session.
 *
 * <pre>{@code
 * HikariDataSource pool = new HikariDataSource(config);        // or any DataSource: pooling is yours
 * SessionStore store = JdbcSessionStore.builder(pool).build();
 * try (Session session = ClaudeCode.start(options.toBuilder().sessionStore(store).build())) { ... }
 * }</pre>
 *
 * <p>One row per transcript entry, as {@code jsonb} (an entry {@code jsonb} refuses, one with
 * {@code \u0000} or a broken surrogate, is kept as text), ordered by an identity column; one row
 * per transcript with its last save time and, for a main transcript, its {@link SessionSummary}.
 * An append is one transaction: it locks the transcript's row, leaves out entries whose uuid the
 * transcript holds, inserts the rest in one statement, and saves the new summary and save time,
 * so that concurrent appends to one transcript are serialized and lose no summary update, and
 * appends to different transcripts do not wait for each other. Save times come from the
 * database's clock, never go back, and are shared by every JVM.
 *
 * <p>The tables ({@code <prefix>transcripts}, {@code <prefix>entries}, {@code <prefix>schema_version})
 * are created, or migrated to this version, on first use, under an advisory lock so that many JVMs
 * may start at once; the connection's user then needs the right to create tables (or run the first
 * use once with a user that has it). The store never deletes on its own: retention (a scheduled
 * {@code DELETE FROM <prefix>transcripts WHERE mtime < ...}, which cascades to the entries) is the
 * application's. Every statement has a {@linkplain Builder#queryTimeout timeout}. Thread-safe.
 */
public final class JdbcSessionStore implements SessionStore {

    /** The table prefix by default. */
    public static final String DEFAULT_PREFIX = "claude_code_";

    /** The statement timeout by default. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(60);

    private final DataSource dataSource;
    private final Schema schema;
    private final int queryTimeoutSeconds;
    private final int fetchSize;
    private final ReentrantLock migrationLock = new ReentrantLock();
    private volatile boolean migrated;

    private JdbcSessionStore(Builder builder) {
        this.dataSource = builder.dataSource;
        this.schema = new Schema(builder.tablePrefix);
        this.queryTimeoutSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, builder.queryTimeout.toSeconds()));
        this.fetchSize = builder.fetchSize;
    }

    /**
     * Starts building a store.
     *
     * @param dataSource where connections come from; a pool is advised, and is the caller's to configure and close
     * @return a builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * Creates or migrates the tables now rather than at the first call. Idempotent.
     *
     * @throws SessionStoreException when the database cannot be reached or refuses
     */
    public void createSchema() {
        ensureSchema();
    }

    @Override
    public void append(SessionKey key, List<SessionStoreEntry> entries) {
        Objects.requireNonNull(key, "key");
        List<SessionStoreEntry> batch = List.copyOf(entries);
        if (batch.isEmpty()) {
            return;
        }
        transaction("append to " + key, connection -> {
            Optional<SessionSummary> previous = lockTranscript(connection, key);
            List<SessionStoreEntry> added = newEntries(connection, key, batch);
            insert(connection, key, added);
            String summary = key.isMain()
                    ? SessionSummary.fold(previous, key, added, 0).dataJson()
                    : null;
            try (PreparedStatement update = prepare(connection, "UPDATE " + schema.transcripts()
                    + " SET mtime = greatest(mtime + 1, floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint),"
                    + " summary = coalesce(?::jsonb, summary)"
                    + " WHERE project_key = ? AND session_id = ? AND subpath = ?")) {
                update.setString(1, summary);
                bindKey(update, 2, key);
                update.executeUpdate();
            }
            return null;
        });
    }

    /** Makes sure the transcript's row exists, locks it, and returns its summary so far. */
    private Optional<SessionSummary> lockTranscript(Connection connection, SessionKey key) throws SQLException {
        try (PreparedStatement insert = prepare(connection, "INSERT INTO " + schema.transcripts()
                + " (project_key, session_id, subpath, mtime) VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING")) {
            bindKey(insert, 1, key);
            insert.executeUpdate();
        }
        try (PreparedStatement select = prepare(connection, "SELECT mtime, summary::text FROM " + schema.transcripts()
                + " WHERE project_key = ? AND session_id = ? AND subpath = ? FOR UPDATE")) {
            bindKey(select, 1, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("the transcript row of " + key + " vanished");
                }
                String summary = row.getString(2);
                return summary == null ? Optional.empty() : Optional.of(SessionSummary.parse(key.sessionId(), row.getLong(1), summary));
            }
        }
    }

    /** The entries of a batch whose uuid neither the transcript nor an earlier entry of the batch holds. */
    private List<SessionStoreEntry> newEntries(Connection connection, SessionKey key, List<SessionStoreEntry> batch) throws SQLException {
        List<String> uuids = batch.stream().flatMap(entry -> entry.uuid().stream()).distinct().toList();
        Set<String> seen = new HashSet<>();
        if (!uuids.isEmpty()) {
            try (PreparedStatement select = prepare(connection, "SELECT uuid FROM " + schema.entries()
                    + " WHERE project_key = ? AND session_id = ? AND subpath = ? AND uuid = ANY (?)")) {
                bindKey(select, 1, key);
                Array array = connection.createArrayOf("text", uuids.toArray());
                select.setArray(4, array);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        seen.add(rows.getString(1));
                    }
                } finally {
                    array.free();
                }
            }
        }
        List<SessionStoreEntry> added = new ArrayList<>(batch.size());
        for (SessionStoreEntry entry : batch) {
            if (entry.uuid().map(seen::add).orElse(true)) {
                added.add(entry);
            }
        }
        return added;
    }

    private void insert(Connection connection, SessionKey key, List<SessionStoreEntry> added) throws SQLException {
        if (added.isEmpty()) {
            return;
        }
        String[] uuids = new String[added.size()];
        String[] jsonb = new String[added.size()];
        String[] text = new String[added.size()];
        for (int i = 0; i < added.size(); i++) {
            SessionStoreEntry entry = added.get(i);
            String json = entry.json();
            uuids[i] = entry.uuid().orElse(null);
            if (JsonbText.fitsJsonb(json)) {
                jsonb[i] = json;
            } else {
                text[i] = json;
            }
        }
        // one statement for the batch; the identity is drawn in the order of the rows
        try (PreparedStatement insert = prepare(connection, "INSERT INTO " + schema.entries()
                + " (project_key, session_id, subpath, uuid, entry, entry_text)"
                + " SELECT ?, ?, ?, u, e::jsonb, t FROM unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS x (u, e, t, n)"
                + " ORDER BY n")) {
            bindKey(insert, 1, key);
            Array u = connection.createArrayOf("text", uuids);
            Array e = connection.createArrayOf("text", jsonb);
            Array t = connection.createArrayOf("text", text);
            try {
                insert.setArray(4, u);
                insert.setArray(5, e);
                insert.setArray(6, t);
                insert.executeUpdate();
            } finally {
                u.free();
                e.free();
                t.free();
            }
        }
    }

    @Override
    public Optional<List<SessionStoreEntry>> load(SessionKey key) {
        Objects.requireNonNull(key, "key");
        return transaction("load " + key, connection -> {
            try (PreparedStatement select = prepare(connection, "SELECT coalesce(entry::text, entry_text) FROM " + schema.entries()
                    + " WHERE project_key = ? AND session_id = ? AND subpath = ? ORDER BY seq")) {
                bindKey(select, 1, key);
                select.setFetchSize(fetchSize); // streams the rows: a cursor needs the transaction
                List<SessionStoreEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(SessionStoreEntry.parse(rows.getString(1)));
                    }
                }
                return entries.isEmpty() ? Optional.<List<SessionStoreEntry>>empty() : Optional.of(List.copyOf(entries));
            }
        });
    }

    @Override
    public List<StoredSession> listSessions(String projectKey) {
        Objects.requireNonNull(projectKey, "projectKey");
        return query("list the sessions of " + projectKey, connection -> {
            try (PreparedStatement select = prepare(connection, "SELECT session_id, mtime FROM " + schema.transcripts()
                    + " WHERE project_key = ? AND subpath = ''")) {
                select.setString(1, projectKey);
                List<StoredSession> sessions = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        sessions.add(new StoredSession(rows.getString(1), rows.getLong(2)));
                    }
                }
                return sessions;
            }
        });
    }

    @Override
    public List<SessionSummary> listSessionSummaries(String projectKey) {
        Objects.requireNonNull(projectKey, "projectKey");
        return query("list the summaries of " + projectKey, connection -> {
            try (PreparedStatement select = prepare(connection, "SELECT session_id, mtime, summary::text FROM " + schema.transcripts()
                    + " WHERE project_key = ? AND subpath = '' AND summary IS NOT NULL")) {
                select.setString(1, projectKey);
                List<SessionSummary> summaries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        summaries.add(SessionSummary.parse(rows.getString(1), rows.getLong(2), rows.getString(3)));
                    }
                }
                return summaries;
            }
        });
    }

    @Override
    public void delete(SessionKey key) {
        Objects.requireNonNull(key, "key");
        query("delete " + key, connection -> {
            // the entries go with their transcript row (ON DELETE CASCADE)
            String sql = "DELETE FROM " + schema.transcripts() + " WHERE project_key = ? AND session_id = ?"
                    + (key.isMain() ? "" : " AND subpath = ?");
            try (PreparedStatement delete = prepare(connection, sql)) {
                delete.setString(1, key.projectKey());
                delete.setString(2, key.sessionId());
                if (!key.isMain()) {
                    delete.setString(3, key.subpath().orElseThrow());
                }
                delete.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<String> listSubkeys(String projectKey, String sessionId) {
        Objects.requireNonNull(projectKey, "projectKey");
        Objects.requireNonNull(sessionId, "sessionId");
        return query("list the subagent transcripts of " + projectKey + "/" + sessionId, connection -> {
            try (PreparedStatement select = prepare(connection, "SELECT subpath FROM " + schema.transcripts()
                    + " WHERE project_key = ? AND session_id = ? AND subpath <> ''")) {
                select.setString(1, projectKey);
                select.setString(2, sessionId);
                List<String> subpaths = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        subpaths.add(rows.getString(1));
                    }
                }
                return subpaths;
            }
        });
    }

    // ---------------------------------------------------------------- plumbing

    /** Work on a connection. */
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T query(String what, Work<T> work) {
        ensureSchema();
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private <T> T transaction(String what, Work<T> work) {
        ensureSchema();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void ensureSchema() {
        if (migrated) {
            return;
        }
        migrationLock.lock();
        try {
            if (!migrated) {
                try (Connection connection = dataSource.getConnection()) {
                    schema.migrate(connection);
                } catch (SQLException e) {
                    throw failure("create or migrate the tables", e);
                }
                migrated = true;
            }
        } finally {
            migrationLock.unlock();
        }
    }

    private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout(queryTimeoutSeconds);
        return statement;
    }

    private static void bindKey(PreparedStatement statement, int first, SessionKey key) throws SQLException {
        statement.setString(first, key.projectKey());
        statement.setString(first + 1, key.sessionId());
        statement.setString(first + 2, key.subpath().orElse(""));
    }

    private static SessionStoreException failure(String what, SQLException e) {
        return new SessionStoreException("PostgreSQL session store: cannot " + what + ": " + e.getMessage()
                + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"), e);
    }

    @Override
    public String toString() {
        return "JdbcSessionStore[" + schema.transcripts() + ", " + schema.entries() + "]";
    }

    /** Configures a {@link JdbcSessionStore}. */
    public static final class Builder {
        private final DataSource dataSource;
        private String tablePrefix = DEFAULT_PREFIX;
        private Duration queryTimeout = DEFAULT_QUERY_TIMEOUT;
        private int fetchSize = 500;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * @param tablePrefix the prefix of the table names, {@value #DEFAULT_PREFIX} by default: lower-case
         *     letters, digits and underscores, not starting with a digit, at most 41 characters (it may
         *     name a schema as {@code myschema.} only through the connection's {@code search_path})
         * @return this builder
         * @throws IllegalArgumentException when it is not such a name
         */
        public Builder tablePrefix(String tablePrefix) {
            if (!Schema.PREFIX.matcher(Objects.requireNonNull(tablePrefix, "tablePrefix")).matches()) {
                throw new IllegalArgumentException("a table prefix must match " + Schema.PREFIX + ": " + tablePrefix);
            }
            this.tablePrefix = tablePrefix;
            return this;
        }

        /**
         * @param queryTimeout how long one statement may run, at least a second; 60 seconds by default
         * @return this builder
         */
        public Builder queryTimeout(Duration queryTimeout) {
            if (queryTimeout.toSeconds() < 1) {
                throw new IllegalArgumentException("queryTimeout must be at least a second: " + queryTimeout);
            }
            this.queryTimeout = queryTimeout;
            return this;
        }

        /**
         * @param fetchSize how many entries {@code load} reads per round trip, from 1; 500 by default
         * @return this builder
         */
        public Builder fetchSize(int fetchSize) {
            if (fetchSize < 1) {
                throw new IllegalArgumentException("fetchSize must be at least 1: " + fetchSize);
            }
            this.fetchSize = fetchSize;
            return this;
        }

        /** @return the store; it touches the database only at its first call */
        public JdbcSessionStore build() {
            return new JdbcSessionStore(this);
        }
    }
}
