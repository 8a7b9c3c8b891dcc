package dev.claudecode.internal.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.ssh.SshConnectionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostConfigTest {

    @TempDir
    Path temp;

    private Path config;

    @BeforeEach
    void writeConfig() throws IOException {
        config = temp.resolve("config");
        Files.writeString(config, """
                # aliases first, defaults last, as people write them
                Host build build-*
                    HostName 10.0.0.7
                    User agent
                    Port 2222
                    IdentityFile %d/keys/%h_%r
                    IdentityFile /keys/shared

                Host *.internal !secret.internal
                    User ops
                    IdentitiesOnly yes

                Host *
                    User nobody-by-default
                    Port 2200
                    IdentityFile /keys/everywhere
                """.replace("%d/keys", temp.resolve("keys").toString()));
    }

    @Test
    void anAliasBringsItsHostNameUserPortAndIdentities() {
        HostConfig host = resolve("build", Optional.empty(), Optional.empty());

        assertThat(host.hostName()).isEqualTo("10.0.0.7");
        assertThat(host.user()).isEqualTo("agent");
        assertThat(host.port()).isEqualTo(2222);
        assertThat(host.identityFiles()).containsExactly(temp.resolve("keys/10.0.0.7_agent"), Path.of("/keys/shared"),
                Path.of("/keys/everywhere"));
        assertThat(host.identitiesOnly()).isFalse();
    }

    @Test
    void theFirstValueFoundWinsAndPatternsMatch() {
        HostConfig internal = resolve("db.internal", Optional.empty(), Optional.empty());
        HostConfig secret = resolve("secret.internal", Optional.empty(), Optional.empty());

        assertThat(internal.hostName()).isEqualTo("db.internal");
        assertThat(internal.user()).isEqualTo("ops");
        assertThat(internal.port()).isEqualTo(2200);
        assertThat(internal.identitiesOnly()).isTrue();
        assertThat(secret.user()).as("negated pattern").isEqualTo("nobody-by-default");
        assertThat(secret.identitiesOnly()).isFalse();
    }

    @Test
    void whatTheBuilderSaysWinsOverTheFile() {
        HostConfig host = resolve("build-3", Optional.of(22), Optional.of("me"));

        assertThat(host.hostName()).isEqualTo("10.0.0.7");
        assertThat(host.port()).isEqualTo(22);
        assertThat(host.user()).isEqualTo("me");
        assertThat(host.identityFiles()).startsWith(temp.resolve("keys/10.0.0.7_me"));
    }

    @Test
    void withoutAFileTheHostIsTakenAsGiven() {
        HostConfig missing = HostConfig.resolve(Optional.of(temp.resolve("absent")), "build", Optional.empty(), Optional.empty(), "local");
        HostConfig none = HostConfig.resolve(Optional.empty(), "build", Optional.of(2022), Optional.empty(), "local");

        assertThat(missing).isEqualTo(new HostConfig("build", 22, "local", List.of(), false));
        assertThat(none).isEqualTo(new HostConfig("build", 2022, "local", List.of(), false));
    }

    @Test
    void aHostNoBlockMatchesKeepsTheDefaults() throws IOException {
        Files.writeString(config, "Host other\n    HostName 10.9.9.9\n");

        assertThat(resolve("build", Optional.empty(), Optional.empty()))
                .isEqualTo(new HostConfig("build", 22, "local", List.of(), false));
    }

    @Test
    void aMalformedFileIsAnError() throws IOException {
        Files.writeString(config, "Host build\n    Port not-a-number\n");

        assertThatThrownBy(() -> resolve("build", Optional.empty(), Optional.empty()))
                .isInstanceOf(SshConnectionException.class)
                .hasMessageContaining(config.toString());
    }

    private HostConfig resolve(String host, Optional<Integer> port, Optional<String> user) {
        return HostConfig.resolve(Optional.of(config), host, port, user, "local");
    }
}
