package dev.claudecode.bench;

import dev.claudecode.ClaudeCode;
import dev.claudecode.Session;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.ssh.SshTransport;
import dev.claudecode.testkit.LoopbackSshd;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where the scale workload's sessions run their CLI: on this machine through the session's own
 * launch path, or over one {@link SshTransport} (one SSH connection, a channel per session) when
 * the spec has an {@code "ssh"} object: {@code {"port":N,"user":name,"identityFile":path,
 * "knownHosts":path,"remoteTempDir":dir}}, always to 127.0.0.1.
 */
final class ScaleTarget implements AutoCloseable {

    private final Optional<SshTransport> ssh;

    private ScaleTarget(Optional<SshTransport> ssh) {
        this.ssh = ssh;
    }

    /** @return the target the spec names */
    static ScaleTarget of(JsonNode spec) {
        JsonNode ssh = spec.path("ssh");
        if (ssh.isMissingNode() || ssh.isNull()) {
            return new ScaleTarget(Optional.empty());
        }
        return new ScaleTarget(Optional.of(SshTransport.builder()
                .host("127.0.0.1")
                .port(ssh.path("port").asInt())
                .user(ssh.path("user").asString())
                .ignoreSshConfig()
                .identityFile(Path.of(ssh.path("identityFile").asString()))
                .knownHosts(Path.of(ssh.path("knownHosts").asString()))
                .remoteTempDir(ssh.path("remoteTempDir").asString())
                .connectTimeout(Duration.ofSeconds(30))
                .build()));
    }

    /** Adds an SSH target to a scale spec. */
    static ObjectNode withSsh(ObjectNode spec, LoopbackSshd sshd, Path remoteTempDir) {
        ObjectNode ssh = spec.putObject("ssh");
        ssh.put("port", sshd.port());
        ssh.put("user", sshd.user());
        ssh.put("identityFile", sshd.userKey().toString());
        ssh.put("knownHosts", sshd.knownHosts().toString());
        ssh.put("remoteTempDir", remoteTempDir.toString());
        return spec;
    }

    /** @return a started session on this target */
    Session start(ClaudeCodeOptions options) {
        return ssh.map(transport -> ClaudeCode.start(options, transport)).orElseGet(() -> ClaudeCode.start(options));
    }

    /** Closes the SSH transport, if any: its connection goes, and the host ends what is left. */
    @Override
    public void close() {
        ssh.ifPresent(SshTransport::close);
    }
}
