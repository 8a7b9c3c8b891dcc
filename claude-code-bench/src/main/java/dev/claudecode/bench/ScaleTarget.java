package dev.claudecode.bench;

import dev.claudecode.ClaudeCode;
import dev.claudecode.Session;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.ssh.SshTransport;
import dev.claudecode.testkit.LoopbackSshd;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where the scale workload's sessions run their CLI: on this machine through the session's own
 * launch path, or over {@link SshTransport}s (an SSH connection each, a channel per session) when
 * the spec has an {@code "ssh"} object: {@code {"port":N,"user":name,"identityFile":path,
 * "knownHosts":path,"remoteTempDir":dir,"connections":N}}, always to 127.0.0.1. Sessions take the
 * connections in turn.
 */
final class ScaleTarget implements AutoCloseable {

    private final List<SshTransport> ssh;
    private int next;

    private ScaleTarget(List<SshTransport> ssh) {
        this.ssh = ssh;
    }

    /** @return the target the spec names */
    static ScaleTarget of(JsonNode spec) {
        JsonNode ssh = spec.path("ssh");
        if (ssh.isMissingNode() || ssh.isNull()) {
            return new ScaleTarget(List.of());
        }
        List<SshTransport> transports = new ArrayList<>();
        for (int i = 0; i < ssh.path("connections").asInt(1); i++) {
            transports.add(SshTransport.builder()
                    .host("127.0.0.1")
                    .port(ssh.path("port").asInt())
                    .user(ssh.path("user").asString())
                    .ignoreSshConfig()
                    .identityFile(Path.of(ssh.path("identityFile").asString()))
                    .knownHosts(Path.of(ssh.path("knownHosts").asString()))
                    .remoteTempDir(ssh.path("remoteTempDir").asString())
                    .connectTimeout(Duration.ofSeconds(30))
                    .build());
        }
        return new ScaleTarget(List.copyOf(transports));
    }

    /** @return how many places sessions start in: the SSH connections, or 1 for this machine */
    int places() {
        return Math.max(1, ssh.size());
    }

    /** Adds an SSH target of {@code connections} connections to a scale spec. */
    static ObjectNode withSsh(ObjectNode spec, LoopbackSshd sshd, Path remoteTempDir, int connections) {
        ObjectNode ssh = spec.putObject("ssh");
        ssh.put("connections", connections);
        ssh.put("port", sshd.port());
        ssh.put("user", sshd.user());
        ssh.put("identityFile", sshd.userKey().toString());
        ssh.put("knownHosts", sshd.knownHosts().toString());
        ssh.put("remoteTempDir", remoteTempDir.toString());
        return spec;
    }

    /** @return a started session on this target, over the next connection in turn */
    Session start(ClaudeCodeOptions options) {
        if (ssh.isEmpty()) {
            return ClaudeCode.start(options);
        }
        return ClaudeCode.start(options, ssh.get(next++ % ssh.size()));
    }

    /** Closes the SSH transports, if any: their connections go, and the host ends what is left. */
    @Override
    public void close() {
        ssh.forEach(SshTransport::close);
    }
}
