package dev.claudecode.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.Session;
import dev.claudecode.store.SessionStore;
import dev.claudecode.store.StoredSession;
import dev.claudecode.store.jdbc.JdbcSessionStore;
import dev.claudecode.store.jdbc.PostgresServer;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter with a {@code DataSource} (a throwaway PostgreSQL server on loopback) and
 * claude-code-store-jdbc present: the sessions' store is a {@link JdbcSessionStore} in that
 * database, and a turn's transcript lands in it.
 */
@SpringBootTest(classes = TestApplication.class, properties = {
        "claude-code.session-store.project-key=starter-test",
        "claude-code.session-store.table-prefix=starter_"})
class ClaudeCodeJdbcStoreIT {

    private static FakeClaudeApi api;
    private static PostgresServer postgres;
    private static Path cwd;

    @Autowired
    ClaudeCodeSessions sessions;
    @Autowired
    SessionStore store;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        api = FakeClaudeApi.start();
        postgres = PostgresServer.start();
        cwd = Files.createTempDirectory("claude-starter-jdbc-");
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres");
        registry.add("spring.datasource.username", postgres::user);
        registry.add("spring.datasource.password", postgres::password);
        registry.add("claude-code.cli-path", () -> TestCli.path().toString());
        registry.add("claude-code.cwd", cwd::toString);
        api.environment().forEach((name, value) -> registry.add("claude-code.env[" + name + "]", () -> value));
    }

    @AfterAll
    static void stop() {
        api.close();
        postgres.close();
    }

    @Test
    void theSessionStoreIsTheApplicationsDatabase() {
        assertThat(store).isInstanceOf(JdbcSessionStore.class);
        assertThat(sessions.options().sessionStore()).containsSame(store);
        api.enqueue(Reply.text("Stored."));

        String sessionId;
        try (Session session = sessions.start()) {
            session.query("remember this");
            sessionId = session.sessionId().orElseThrow();
        }
        List<StoredSession> stored = store.listSessions("starter-test");
        assertThat(stored).extracting(StoredSession::sessionId).contains(sessionId);
    }
}
