package dev.claudecode.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.errors.SessionStoreException;
import dev.claudecode.store.SessionKey;
import dev.claudecode.store.SessionStoreEntry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What is particular to PostgreSQL: the schema and its migration, jsonb and its refusals, failures. */
class JdbcSessionStoreIT {

    private static PostgresServer server;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static SessionStoreEntry entry(String json) {
        return SessionStoreEntry.parse(json);
    }

    private static List<String> query(DataSource dataSource, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    @Test
    void manyStoresStartingAtOnceCreateTheTablesOnce() throws Exception {
        DataSource dataSource = server.dataSource();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int n = i;
                Callable<Void> first = () -> {
                    JdbcSessionStore.builder(dataSource).tablePrefix("race_").build()
                            .append(SessionKey.of("p", "s" + n), List.of(entry("{\"type\":\"x\",\"uuid\":\"u\"}")));
                    return null;
                };
                done.add(pool.submit(first));
            }
            for (Future<Void> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(query(dataSource, "SELECT version FROM race_schema_version")).containsExactly("1");
        assertThat(query(dataSource, "SELECT count(*) FROM race_transcripts")).containsExactly("6");
    }

    @Test
    void entriesAreJsonbExceptThoseJsonbRefuses() throws Exception {
        DataSource dataSource = server.dataSource();
        JdbcSessionStore store = JdbcSessionStore.builder(dataSource).tablePrefix("kinds_").build();
        SessionKey key = SessionKey.of("p", "s");
        List<SessionStoreEntry> entries = List.of(
                entry("{\"type\":\"x\",\"uuid\":\"plain\",\"text\":\"é 🎉\"}"),
                entry("{\"type\":\"x\",\"uuid\":\"nul\",\"text\":\"a\\u0000b\"}"),
                entry("{\"type\":\"x\",\"uuid\":\"lone-escape\",\"text\":\"cut \\ud83d\"}"),
                SessionStoreEntry.of(java.util.Map.of("type", "x", "uuid", "lone-char", "text", "cut \ud83d here")));
        store.append(key, entries);

        assertThat(store.load(key)).contains(entries);
        assertThat(query(dataSource, "SELECT uuid FROM kinds_entries WHERE entry IS NOT NULL")).containsExactly("plain");
        assertThat(query(dataSource, "SELECT uuid FROM kinds_entries WHERE entry_text IS NOT NULL ORDER BY seq"))
                .containsExactly("nul", "lone-escape", "lone-char");
        assertThat(query(dataSource, "SELECT entry->>'text' FROM kinds_entries WHERE uuid = 'plain'")).containsExactly("é 🎉");
    }

    @Test
    void summariesAreSavedInTheTranscriptRow() throws Exception {
        DataSource dataSource = server.dataSource();
        JdbcSessionStore store = JdbcSessionStore.builder(dataSource).tablePrefix("summaries_").build();
        store.append(SessionKey.of("p", "s"), List.of(entry("{\"type\":\"custom-title\",\"customTitle\":\"Mine\"}")));
        assertThat(query(dataSource, "SELECT summary->>'customTitle' FROM summaries_transcripts")).containsExactly("Mine");
    }

    @Test
    void tablesOfANewerVersionAreNotTouched() throws Exception {
        DataSource dataSource = server.dataSource();
        JdbcSessionStore.builder(dataSource).tablePrefix("future_").build().createSchema();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO future_schema_version (version) VALUES (99)");
        }
        JdbcSessionStore later = JdbcSessionStore.builder(dataSource).tablePrefix("future_").build();
        assertThatThrownBy(later::createSchema).isInstanceOf(SessionStoreException.class).hasMessageContaining("version 99");
    }

    @Test
    void aDatabaseThatCannotBeReachedFailsWithTheStoresException() {
        org.postgresql.ds.PGSimpleDataSource nowhere = (org.postgresql.ds.PGSimpleDataSource) server.dataSource();
        nowhere.setPassword("wrong");
        JdbcSessionStore store = JdbcSessionStore.builder(nowhere).build();
        assertThatThrownBy(() -> store.load(SessionKey.of("p", "s"))).isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("PostgreSQL session store").hasMessageNotContaining("wrong");
    }

    @Test
    void tablePrefixesAreIdentifiersOnly() {
        assertThatThrownBy(() -> JdbcSessionStore.builder(server.dataSource()).tablePrefix("x; DROP TABLE y; --"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdbcSessionStore.builder(server.dataSource()).tablePrefix("Upper"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
