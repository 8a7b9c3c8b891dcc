package dev.claudecode.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.errors.SessionClosedException;
import dev.claudecode.ssh.pool.PoolHost;
import dev.claudecode.ssh.pool.SessionPool;
import dev.claudecode.store.InMemorySessionStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a pool checks and owns, without a host. */
class SessionPoolTest {

    @TempDir
    Path temp;

    @Test
    void aPoolNeedsHostsWithDistinctNames() {
        assertThatThrownBy(() -> SessionPool.builder().build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("host");
        try (SshTransport one = SshTransport.builder().host("h").build(); SshTransport same = SshTransport.builder().host("h").build()) {
            assertThatThrownBy(() -> SessionPool.builder().host(one, 1).host(same, 1).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("ssh://");
        }
    }

    @Test
    void settingsAreValidated() {
        SessionPool.Builder builder = SessionPool.builder();
        assertThatThrownBy(() -> builder.healthCheckInterval(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.healthCheckTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.downAfter(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.acquireTimeout(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        try (SshTransport transport = SshTransport.builder().host("h").build()) {
            assertThatThrownBy(() -> PoolHost.of(transport, 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aHostKeepsItsVariablesAndRoundTripsThroughItsBuilder() {
        try (SshTransport transport = SshTransport.builder().host("worker-1").user("agent").build()) {
            PoolHost host = PoolHost.builder().transport(transport).capacity(3).env("CLAUDE_CONFIG_DIR", "/srv/claude").build();

            assertThat(host.name()).isEqualTo("ssh://agent@worker-1:22");
            assertThat(host.environment()).isEqualTo(Map.of("CLAUDE_CONFIG_DIR", "/srv/claude"));
            assertThat(PoolHost.builder().transport(transport).env("GITHUB_TOKEN", "host-secret-value").build().toString())
                    .contains("GITHUB_TOKEN=***").doesNotContain("host-secret-value");
            assertThat(host.toBuilder().build()).isEqualTo(host);
        }
    }

    @Test
    void closingTheTransportsAndRefusingNewSessions() throws Exception {
        SshTransport transport = SshTransport.builder().host("127.0.0.1").build();
        SessionPool pool = SessionPool.builder().host(transport, 1).healthCheckInterval(Duration.ZERO)
                .sessionStore(new InMemorySessionStore()).build();
        assertThat(pool.metrics().hosts()).singleElement().satisfies(host -> assertThat(host.sessions()).isZero());

        pool.close();

        assertThatThrownBy(() -> pool.start(ClaudeCodeOptions.builder().build())).isInstanceOf(SessionClosedException.class);
        assertThatThrownBy(() -> transport.node().home()).isInstanceOf(SshConnectionException.class).hasMessageContaining("closed");
        pool.close();
        assertThatThrownBy(() -> SessionPool.builder().sessionStore(null)).isInstanceOf(NullPointerException.class);
    }
}
