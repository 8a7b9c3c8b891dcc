package dev.claudecode.store.redis;

import dev.claudecode.store.SessionStore;
import dev.claudecode.testkit.SessionStoreConformance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import redis.clients.jedis.RedisClient;

/** The Redis store passes the conformance suite against a real Redis server. */
class RedisSessionStoreConformanceIT extends SessionStoreConformance {

    private static RedisServer server;
    private static RedisClient client;
    private static RedisSessionStore store;

    @BeforeAll
    static void startServer() {
        server = RedisServer.start();
        client = server.client();
        store = RedisSessionStore.builder(client).build();
    }

    @AfterAll
    static void stopServer() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected SessionStore store() {
        return store;
    }
}
