package dev.claudecode.ssh;

import static dev.claudecode.ssh.SshTransportIT.exitOf;
import static dev.claudecode.ssh.SshTransportIT.readAll;
import static dev.claudecode.ssh.SshTransportIT.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.errors.CliProcessException;
import dev.claudecode.transport.CliProcess;
import dev.claudecode.testkit.LoopbackSshd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Connecting: host key checking, authentication, keepalive, idle timeout, sharing the connection. */
class SshConnectionIT {

    @RegisterExtension
    static final SshFixture server = new SshFixture();

    @TempDir
    Path temp;

    @Test
    void anEd25519OnlyKnownHostsEntryIsEnoughThoughTheServerAlsoOffersEcdsaAndRsa() throws Exception {
        try (SshTransport transport = server.transport().build()) {
            assertThat(echo(transport, "hello")).isEqualTo("hello");
        }
    }

    @Test
    void transportsShareTheSshClientsThreadsSoAConnectionAddsNoPool() throws Exception {
        List<SshTransport> transports = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                SshTransport transport = server.transport().build();
                transports.add(transport);
                assertThat(echo(transport, "t" + i)).isEqualTo("t" + i);
            }
            // MINA names its threads "sshd-…": a pool of I/O threads and a timer in all, where
            // each client would otherwise bring I/O threads, a resume thread and a timer of its own
            long minaThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.isAlive() && thread.getName().startsWith("sshd-")).count();
            assertThat(minaThreads).isLessThanOrEqualTo(Runtime.getRuntime().availableProcessors() + 2);
        } finally {
            transports.forEach(SshTransport::close);
        }
    }

    @Test
    void anRsaOnlyKnownHostsEntryWorksToo() throws Exception {
        Path knownHosts = temp.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + server.sshd().port() + " " + server.sshd().hostKey("rsa") + "\n");

        try (SshTransport transport = server.transport().knownHosts(knownHosts).build()) {
            assertThat(echo(transport, "rsa")).isEqualTo("rsa");
        }
    }

    @Test
    void hashedKnownHostsEntriesAreUnderstood() throws Exception {
        Path knownHosts = temp.resolve("known_hosts");
        Files.copy(server.sshd().knownHosts(), knownHosts);
        LoopbackSshd.sshKeygen(List.of("-H", "-f", knownHosts.toString()));
        assertThat(Files.readString(knownHosts)).startsWith("|1|").doesNotContain("127.0.0.1");

        try (SshTransport transport = server.transport().knownHosts(knownHosts).build()) {
            assertThat(echo(transport, "hashed")).isEqualTo("hashed");
        }
    }

    @Test
    void anUnknownHostKeyIsRefusedByDefault() throws Exception {
        Path knownHosts = temp.resolve("known_hosts");
        Files.writeString(knownHosts, "# nothing known\n");

        try (SshTransport transport = server.transport().knownHosts(knownHosts).build()) {
            assertThatThrownBy(() -> transport.launch(spec("/bin/true", List.of(), Map.of(), Optional.empty())))
                    .isInstanceOf(CliProcessException.class)
                    .cause()
                    .isInstanceOfSatisfying(HostKeyException.class, e -> {
                        assertThat(e.kind()).isEqualTo(HostKeyException.Kind.UNKNOWN);
                        assertThat(e.knownHosts()).isEqualTo(knownHosts);
                        assertThat(e.presentedKey()).startsWith("ecdsa-sha2-nistp256 SHA256:");
                    })
                    .hasMessageContaining("the host ssh://")
                    .hasMessageContaining("is unknown")
                    .hasMessageContaining("SHA256:")
                    .hasMessageContaining(knownHosts.toString())
                    .hasMessageContaining("ssh-keyscan -p " + server.sshd().port() + " 127.0.0.1");
            assertThatThrownBy(() -> transport.node().fileSystem()).isInstanceOf(SshConnectionException.class);
        }
        assertThat(Files.readString(knownHosts)).as("known_hosts is never written").isEqualTo("# nothing known\n");
    }

    @Test
    void aMissingKnownHostsFileKnowsNoHost() {
        try (SshTransport transport = server.transport().knownHosts(temp.resolve("absent")).build()) {
            assertThatThrownBy(() -> transport.node().home())
                    .isInstanceOfSatisfying(HostKeyException.class, e -> assertThat(e.kind()).isEqualTo(HostKeyException.Kind.UNKNOWN))
                    .hasMessageContaining("is unknown");
        }
        assertThat(temp.resolve("absent")).doesNotExist();
    }

    @Test
    void aChangedHostKeyIsRefused() throws Exception {
        LoopbackSshd.keygen(temp.resolve("other"), "ed25519", "");
        String other = Files.readString(temp.resolve("other.pub")).strip().split(" ")[1];
        Path knownHosts = temp.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + server.sshd().port() + " ssh-ed25519 " + other + "\n");

        String presented = fingerprint(server.sshd().hostKey("ed25519"));
        try (SshTransport transport = server.transport().knownHosts(knownHosts).build()) {
            assertThatThrownBy(() -> transport.node().home())
                    .isInstanceOfSatisfying(HostKeyException.class, e -> {
                        assertThat(e.kind()).isEqualTo(HostKeyException.Kind.CHANGED);
                        assertThat(e.presentedKey()).isEqualTo(presented);
                    })
                    .hasMessageContaining("has CHANGED")
                    .hasMessageContaining("records " + fingerprint("ssh-ed25519 " + other))
                    .hasMessageContaining("presented " + presented)
                    .hasMessageContaining("intercepting")
                    .hasMessageContaining("ssh-keygen -R '[127.0.0.1]:" + server.sshd().port() + "'")
                    .hasMessageNotContaining("ssh-keyscan");
        }
        assertThat(Files.readString(knownHosts)).as("known_hosts is never written")
                .isEqualTo("[127.0.0.1]:" + server.sshd().port() + " ssh-ed25519 " + other + "\n");
    }

    @Test
    void aHostThatNoLongerOffersTheRecordedKeyTypeIsUnknownAndNotToBeFetched() throws Exception {
        // a key type the server has none of: it presents another, which known_hosts does not list
        Path p384 = temp.resolve("p384");
        LoopbackSshd.sshKeygen(List.of("-q", "-t", "ecdsa", "-b", "384", "-N", "", "-f", p384.toString()));
        String recorded = Files.readString(p384.resolveSibling("p384.pub")).strip().split(" ")[1];
        Path knownHosts = temp.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + server.sshd().port() + " ecdsa-sha2-nistp384 " + recorded + "\n");

        try (SshTransport transport = server.transport().knownHosts(knownHosts).build()) {
            assertThatThrownBy(() -> transport.node().home())
                    .isInstanceOfSatisfying(HostKeyException.class, e -> assertThat(e.kind()).isEqualTo(HostKeyException.Kind.UNKNOWN))
                    .hasMessageContaining("records only ecdsa-sha2-nistp384 keys")
                    .hasMessageContaining("can be an attack")
                    .hasMessageNotContaining("ssh-keyscan");
        }
    }

    @Test
    void aRevokedHostKeyIsRefusedAsRevoked() throws Exception {
        Path knownHosts = temp.resolve("known_hosts");
        // MINA prefers ECDSA when known_hosts lists no usable key type for the host
        Files.writeString(knownHosts, "@revoked [127.0.0.1]:" + server.sshd().port() + " " + server.sshd().hostKey("ecdsa") + "\n");

        try (SshTransport transport = server.transport().knownHosts(knownHosts).build()) {
            assertThatThrownBy(() -> transport.node().home())
                    .isInstanceOfSatisfying(HostKeyException.class, e -> assertThat(e.kind()).isEqualTo(HostKeyException.Kind.REVOKED))
                    .hasMessageContaining("@revoked")
                    .hasMessageNotContaining("ssh-keyscan");
        }
    }

    @Test
    void anSshConfigAliasBringsItsHostNamePortUserAndIdentityFile() throws Exception {
        Path config = temp.resolve("config");
        Files.writeString(config, String.join("\n",
                "Host build-box",
                "    HostName 127.0.0.1",
                "    Port " + server.sshd().port(),
                "    User " + server.sshd().user(),
                "    IdentityFile " + server.sshd().userKey(),
                ""));
        SshTransport.Builder alias = SshTransport.builder().host("build-box").sshConfig(config)
                .knownHosts(server.sshd().knownHosts()).connectTimeout(Duration.ofSeconds(10));

        try (SshTransport transport = alias.build()) {
            assertThat(transport.name()).isEqualTo("ssh://" + server.sshd().user() + "@127.0.0.1:" + server.sshd().port());
            assertThat(echo(transport, "aliased")).isEqualTo("aliased");
        }
        try (SshTransport transport = alias.user("nobody-here").build()) {
            assertThat(transport.name()).as("the builder wins").startsWith("ssh://nobody-here@127.0.0.1:");
            assertThatThrownBy(() -> transport.node().home()).isInstanceOf(SshConnectionException.class)
                    .hasMessageContaining("cannot log in")
                    .hasMessageContaining(server.sshd().userKey() + " if usable");
        }
        try (SshTransport transport = SshTransport.builder().host("build-box").ignoreSshConfig()
                .knownHosts(server.sshd().knownHosts()).connectTimeout(Duration.ofSeconds(5)).build()) {
            assertThat(transport.name()).endsWith("@build-box:22");
            assertThatThrownBy(() -> transport.node().home()).isInstanceOf(SshConnectionException.class)
                    .hasMessageContaining("cannot connect");
        }
    }

    /** @return the type and SHA-256 fingerprint of a public key given as {@code <type> <base64>} */
    private static String fingerprint(String publicKeyLine) throws Exception {
        PublicKey key = PublicKeyEntry.parsePublicKeyEntry(publicKeyLine).resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.FAILING);
        return KeyUtils.getKeyType(key) + " " + KeyUtils.getFingerPrint(key);
    }

    @Test
    void theOptOutAcceptsAnUnknownHostKey() throws Exception {
        Path knownHosts = temp.resolve("known_hosts");
        Files.writeString(knownHosts, "");

        try (SshTransport transport = server.transport().knownHosts(knownHosts).insecureAcceptAnyHostKey().build()) {
            assertThat(echo(transport, "trusting")).isEqualTo("trusting");
        }
        assertThat(knownHosts).isEmptyFile();
    }

    @Test
    void anEncryptedKeyIsUsedWithItsPassphrase() throws Exception {
        Path key = authorizedKey("ecdsa", "correct horse");

        try (SshTransport transport = server.transportWithoutKey().identityFile(key, "correct horse").build()) {
            assertThat(echo(transport, "decrypted")).isEqualTo("decrypted");
        }
        try (SshTransport transport = server.transportWithoutKey().identityFile(key, "wrong").build()) {
            assertThatThrownBy(() -> transport.node().home())
                    .isInstanceOf(SshConnectionException.class)
                    .hasMessageContaining(key.toString())
                    .hasMessageContaining("wrong passphrase");
        }
    }

    @Test
    void aKeyTheServerDoesNotKnowIsRefused() throws Exception {
        LoopbackSshd.keygen(temp.resolve("stranger"), "ed25519", "");

        try (SshTransport transport = server.transportWithoutKey().identityFile(temp.resolve("stranger")).build()) {
            assertThatThrownBy(() -> transport.node().home())
                    .isInstanceOf(SshConnectionException.class)
                    .hasMessageContaining("cannot log in to ssh://")
                    .hasMessageContaining(temp.resolve("stranger").toString());
        }
    }

    @Test
    void authenticatesWithTheKeysOfAnSshAgent() throws Exception {
        Path socket = temp.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true).start();
        try {
            assertThat(ProcFs.await(Duration.ofSeconds(10), () -> Files.exists(socket))).isTrue();
            ProcessBuilder add = new ProcessBuilder("ssh-add", server.sshd().userKey().toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", socket.toString());
            Process adding = add.start();
            assertThat(adding.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(adding.exitValue()).as(new String(adding.getInputStream().readAllBytes())).isZero();

            try (SshTransport transport = server.transportWithoutKey().environment(Map.of("SSH_AUTH_SOCK", socket.toString())).agent().build()) {
                assertThat(echo(transport, "agent")).isEqualTo("agent");
            }
        } finally {
            agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anUnreachablePortFailsFast() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (SshTransport transport = server.transport().port(closedPort).build()) {
            assertThatThrownBy(() -> transport.node().home())
                    .isInstanceOf(SshConnectionException.class)
                    .hasMessageContaining("cannot connect to ssh://");
        }
    }

    @Test
    void keepalivesNoticeAHostThatStoppedAnswering() throws Exception {
        try (SshTransport transport = server.transport().keepAliveInterval(Duration.ofMillis(200)).keepAliveMaxMissed(2).build()) {
            CliProcess process = transport.launch(spec("/bin/sleep", List.of("300"), Map.of(), Optional.empty()));
            long pid = process.pid().orElseThrow();
            server.sshd().freezeConnections(true);
            try {
                assertThat(exitOf(process)).isEqualTo(255);
            } finally {
                server.sshd().freezeConnections(false);
            }
            assertThat(ProcFs.await(Duration.ofSeconds(15), () -> ProcFs.liveProcessesInGroup(pid).isEmpty()))
                    .as("left in group %d: %s", pid, ProcFs.liveProcessesInGroup(pid)).isTrue();
            assertThat(echo(transport, "reconnected")).isEqualTo("reconnected");
        }
    }

    @Test
    void anIdleConnectionIsClosedAndTheNextUseReconnects() throws Exception {
        try (SshTransport transport = server.transport().idleTimeout(Duration.ofMillis(300)).build()) {
            assertThat(echo(transport, "first")).isEqualTo("first");
            assertThat(server.sshd().connectionProcesses()).isNotEmpty();

            assertThat(ProcFs.await(Duration.ofSeconds(10), () -> server.sshd().connectionProcesses().isEmpty()))
                    .as("the idle connection was closed").isTrue();

            assertThat(echo(transport, "second")).isEqualTo("second");
        }
    }

    @Test
    void aRunningProcessKeepsTheConnectionFromIdlingOut() throws Exception {
        try (SshTransport transport = server.transport().idleTimeout(Duration.ofMillis(200)).build()) {
            CliProcess process = transport.launch(spec("/bin/sh", List.of("-c", "sleep 1; echo done"), Map.of(), Optional.empty()));

            assertThat(readAll(process.stdout())).isEqualTo("done\n");
            assertThat(exitOf(process)).isZero();
        }
    }

    @Test
    void manyProcessesShareOneConnection() throws Exception {
        int count = 6;
        try (SshTransport transport = server.transport().build(); ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String word = "word" + i;
                Callable<String> task = () -> echo(transport, word);
                results.add(pool.submit(task));
            }
            for (int i = 0; i < count; i++) {
                assertThat(results.get(i).get(60, TimeUnit.SECONDS)).isEqualTo("word" + i);
            }
            assertThat(server.sshd().connectionCount()).isEqualTo(1);
        }
    }

    private Path authorizedKey(String type, String passphrase) throws Exception {
        Path key = temp.resolve("key_" + type);
        LoopbackSshd.keygen(key, type, passphrase);
        server.sshd().authorize(Files.readString(key.resolveSibling(key.getFileName() + ".pub")));
        return key;
    }

    static String echo(SshTransport transport, String word) throws Exception {
        CliProcess process = transport.launch(spec("/bin/echo", List.of(word), Map.of(), Optional.empty()));
        String output = readAll(process.stdout()).strip();
        assertThat(exitOf(process)).isZero();
        return output;
    }
}
