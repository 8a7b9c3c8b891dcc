package dev.claudecode.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.errors.SessionStoreException;
import dev.claudecode.store.SessionKey;
import dev.claudecode.store.SessionStoreEntry;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/** What is particular to Redis: key names, scripts the server forgot, failures. */
class RedisSessionStoreIT {

    private static RedisServer server;
    private static RedisClient client;

    @BeforeAll
    static void startServer() {
        server = RedisServer.start();
        client = server.client();
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

    private static List<SessionStoreEntry> entries(String... uuids) {
        return java.util.Arrays.stream(uuids).map(u -> SessionStoreEntry.parse("{\"type\":\"x\",\"uuid\":\"" + u + "\"}")).toList();
    }

    @Test
    void namesWithSeparatorsAndBracesGetKeysOfTheirOwn() {
        RedisSessionStore store = RedisSessionStore.builder(client).keyPrefix("names:").build();
        SessionKey a = SessionKey.of("p:t:x", "s");
        SessionKey b = SessionKey.of("p", "x:s");
        SessionKey c = SessionKey.of("p}{", "s");
        store.append(a, entries("a"));
        store.append(b, entries("b"));
        store.append(c, entries("c"));
        assertThat(store.load(a)).contains(entries("a"));
        assertThat(store.load(b)).contains(entries("b"));
        assertThat(store.load(c)).contains(entries("c"));
        assertThat(client.keys("names:*")).allMatch(key -> key.startsWith("names:{"))
                .contains("names:{p%3At%3Ax}:sessions", "names:{p%7D%7B}:t:s::entries", "names:{p}:t:x%3As::meta");
    }

    @Test
    void aServerThatForgotTheScriptsGetsThemAgain() {
        RedisSessionStore store = RedisSessionStore.builder(client).keyPrefix("flush:").build();
        SessionKey key = SessionKey.of("p", "s");
        store.append(key, entries("1"));
        client.scriptFlush();
        store.append(key, entries("2"));
        assertThat(store.load(key)).contains(entries("1", "2"));
    }

    @Test
    void aWrongPasswordFailsWithTheStoresException() {
        try (RedisClient wrong = RedisClient.builder().hostAndPort(new HostAndPort("127.0.0.1", server.port()))
                .clientConfig(DefaultJedisClientConfig.builder().password("wrong-password").build()).build()) {
            RedisSessionStore store = RedisSessionStore.builder(wrong).build();
            assertThatThrownBy(() -> store.load(SessionKey.of("p", "s"))).isInstanceOf(SessionStoreException.class)
                    .hasMessageContaining("Redis session store").hasMessageNotContaining("wrong-password");
        }
    }

    @Test
    void keyPrefixesCannotHoldHashTags() {
        assertThatThrownBy(() -> RedisSessionStore.builder(client).keyPrefix("a{b}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedisSessionStore.builder(client).keyPrefix("")).isInstanceOf(IllegalArgumentException.class);
    }
}
