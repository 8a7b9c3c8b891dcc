package dev.claudecode.store.jdbc;

import dev.claudecode.store.SessionStore;
import dev.claudecode.testkit.SessionStoreConformance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The PostgreSQL store passes the conformance suite against a real PostgreSQL server. */
class JdbcSessionStoreConformanceIT extends SessionStoreConformance {

    private static PostgresServer server;
    private static JdbcSessionStore store;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start();
        store = JdbcSessionStore.builder(server.dataSource()).build();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected SessionStore store() {
        return store;
    }
}
