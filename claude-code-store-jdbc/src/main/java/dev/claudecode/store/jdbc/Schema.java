package dev.claudecode.store.jdbc;

import dev.claudecode.errors.SessionStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The store's tables, created or brought up to date on first use. Each version is a list of
 * statements; the version a database is at is kept in {@code <prefix>schema_version}. Stores in
 * several JVMs may start at once: the migration runs in one transaction under an advisory lock,
 * so exactly one of them applies it.
 *
 * <p>Version 1:
 * <pre>
 * &lt;prefix&gt;transcripts  (project_key, session_id, subpath '' for the main transcript) primary key,
 *                        mtime bigint (epoch ms, the database's clock), summary jsonb (main transcripts)
 * &lt;prefix&gt;entries      (project_key, session_id, subpath, seq identity) primary key, uuid text,
 *                        entry jsonb, or entry_text text when jsonb refuses the entry;
 *                        unique (project_key, session_id, subpath, uuid) where uuid is not null;
 *                        references transcripts on delete cascade
 * </pre>
 */
final class Schema {

    /** Table prefixes: lower-case SQL identifiers, since they are put into statements as they are. */
    static final Pattern PREFIX = Pattern.compile("[a-z_][a-z0-9_]{0,40}");

    private final String prefix;

    Schema(String prefix) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a table prefix must match " + PREFIX + ": " + prefix);
        }
        this.prefix = prefix;
    }

    String transcripts() {
        return prefix + "transcripts";
    }

    String entries() {
        return prefix + "entries";
    }

    private String versions() {
        return prefix + "schema_version";
    }

    /** The statements of each version, oldest first. */
    private List<List<String>> migrations() {
        return List.of(List.of(
                "CREATE TABLE " + transcripts() + " ("
                        + " project_key text NOT NULL,"
                        + " session_id text NOT NULL,"
                        + " subpath text NOT NULL DEFAULT '',"
                        + " mtime bigint NOT NULL,"
                        + " summary jsonb,"
                        + " PRIMARY KEY (project_key, session_id, subpath))",
                "CREATE TABLE " + entries() + " ("
                        + " project_key text NOT NULL,"
                        + " session_id text NOT NULL,"
                        + " subpath text NOT NULL,"
                        + " seq bigint GENERATED ALWAYS AS IDENTITY,"
                        + " uuid text,"
                        + " entry jsonb,"
                        + " entry_text text,"
                        + " CHECK ((entry IS NULL) <> (entry_text IS NULL)),"
                        + " PRIMARY KEY (project_key, session_id, subpath, seq),"
                        + " FOREIGN KEY (project_key, session_id, subpath) REFERENCES " + transcripts()
                        + "   (project_key, session_id, subpath) ON DELETE CASCADE)",
                "CREATE UNIQUE INDEX " + entries() + "_uuid ON " + entries()
                        + " (project_key, session_id, subpath, uuid) WHERE uuid IS NOT NULL"));
    }

    /** @return the newest version this code knows */
    int latest() {
        return migrations().size();
    }

    /**
     * Creates the tables or applies the versions a database lacks.
     *
     * @param connection a connection in auto-commit mode; it is left so
     * @throws SQLException when the database fails
     * @throws SessionStoreException when the database is not PostgreSQL, or is at a newer version than this code
     */
    void migrate(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equals(product)) {
            throw new SessionStoreException("this store is written for PostgreSQL, not " + product);
        }
        connection.setAutoCommit(false);
        try {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "claude-code-store:" + prefix);
                lock.execute();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + versions() + " (version integer NOT NULL)");
                int current = 0;
                try (ResultSet rows = statement.executeQuery("SELECT max(version) FROM " + versions())) {
                    if (rows.next()) {
                        current = rows.getInt(1);
                    }
                }
                if (current > latest()) {
                    throw new SessionStoreException("the tables " + prefix + "* are at version " + current
                            + ", newer than this library's " + latest() + ": upgrade the library");
                }
                List<List<String>> migrations = migrations();
                for (int version = current + 1; version <= latest(); version++) {
                    for (String sql : migrations.get(version - 1)) {
                        statement.execute(sql);
                    }
                    statement.execute("INSERT INTO " + versions() + " (version) VALUES (" + version + ")");
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
