package dev.claudecode.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SshTransportTest {

    @Test
    void isNamedByUserHostAndPort() {
        try (SshTransport transport = SshTransport.builder().host("build-7.internal").user("agent").port(2222).build()) {
            assertThat(transport.name()).isEqualTo("ssh://agent@build-7.internal:2222");
            assertThat(transport.node().name()).isEqualTo(transport.name());
        }
        try (SshTransport transport = SshTransport.builder().host("::1").user("agent").build()) {
            assertThat(transport.name()).isEqualTo("ssh://agent@[::1]:22");
        }
    }

    @Test
    void theUserDefaultsToThisJvmsUser() {
        try (SshTransport transport = SshTransport.builder().host("h").build()) {
            assertThat(transport.name()).isEqualTo("ssh://" + System.getProperty("user.name") + "@h:22");
        }
    }

    @Test
    void buildingConnectsNothing() {
        try (SshTransport transport = SshTransport.builder().host("host.invalid").build()) {
            assertThat(transport.node()).isNotNull();
        }
    }

    @Test
    void theHostIsRequired() {
        assertThatThrownBy(() -> SshTransport.builder().build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("host");
    }

    @Test
    void settingsAreValidated() {
        SshTransport.Builder builder = SshTransport.builder();
        assertThatThrownBy(() -> builder.host(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.port(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.port(65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.connectTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.keepAliveInterval(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.keepAliveMaxMissed(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.idleTimeout(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.remoteTempDir("tmp")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.cliPath("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNullDurationIsAnIllegalArgumentAsForTheOtherTransports() {
        SshTransport.Builder builder = SshTransport.builder();
        assertThatThrownBy(() -> builder.connectTimeout(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> builder.keepAliveInterval(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keepAliveInterval");
        assertThatThrownBy(() -> builder.idleTimeout(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idleTimeout");
        assertThat(builder.keepAliveInterval(Duration.ZERO).idleTimeout(Duration.ZERO)).as("zero turns them off").isSameAs(builder);
    }

    @Test
    void theExecutableIsTheTransportsCliThenTheOptionsPathThenClaudeOnThePath() {
        try (SshTransport configured = SshTransport.builder().host("h").cliPath("/opt/claude/bin/claude").build();
                SshTransport plain = SshTransport.builder().host("h").build()) {
            assertThat(configured.executable(Optional.of(Path.of("/local/claude")))).isEqualTo("/opt/claude/bin/claude");
            assertThat(plain.executable(Optional.of(Path.of("/srv/claude")))).isEqualTo("/srv/claude");
            assertThat(plain.executable(Optional.empty())).isEqualTo("claude");
        }
    }

    @Test
    void theAgentNeedsSshAuthSock() {
        assertThatThrownBy(() -> SshTransport.builder().environment(Map.of()).agent())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SSH_AUTH_SOCK");
    }

    @Test
    void aClosedTransportRefusesToConnect() {
        SshTransport transport = SshTransport.builder().host("127.0.0.1").build();
        transport.close();

        assertThatThrownBy(() -> transport.node().home()).isInstanceOf(SshConnectionException.class).hasMessageContaining("closed");
    }
}
