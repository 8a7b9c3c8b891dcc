package dev.claudecode.ssh;

import static org.assertj.core.api.Assertions.fail;

import dev.claudecode.testkit.LoopbackSshd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The SSH tests' server and transport: a {@link LoopbackSshd} (a real OpenSSH server on a free
 * loopback port with throwaway keys) and a {@link SshTransport.Builder} that logs in to it with the
 * generated user key and known_hosts file. Registered on a static field with
 * {@code @RegisterExtension}, it starts the server in a temporary directory of its own before a test
 * class's tests and stops it, removing the directory, after them; {@link #start(Path)} starts one
 * for a single test. A test is skipped when OpenSSH's server is not installed, or fails when the
 * environment variable {@code CI} is {@code true}: on CI it must be there.
 */
final class SshFixture implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private Path ownDirectory;
    private LoopbackSshd sshd;

    /** A fixture that starts its server when registered as an extension. */
    SshFixture() {
    }

    /**
     * Starts a server for one test.
     *
     * @param dir an empty directory the server may own
     * @return the fixture, its server running; {@link #close()} stops it
     */
    static SshFixture start(Path dir) throws IOException, InterruptedException {
        SshFixture fixture = new SshFixture();
        fixture.startIn(dir);
        return fixture;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ownDirectory = Files.createTempDirectory("sshd-");
        startIn(ownDirectory);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
        if (ownDirectory != null) {
            try (Stream<Path> files = Files.walk(ownDirectory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private void startIn(Path dir) throws IOException, InterruptedException {
        if (!LoopbackSshd.isInstalled()) {
            String message = LoopbackSshd.SSHD + " (Debian package openssh-server) is not installed; the SSH tests need it";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        sshd = LoopbackSshd.start(dir, List.of());
    }

    /** @return the running server */
    LoopbackSshd sshd() {
        if (sshd == null) {
            throw new IllegalStateException("the server has not been started");
        }
        return sshd;
    }

    /** @return a builder for a transport to the server with the generated key and known_hosts */
    SshTransport.Builder transport() {
        return transportWithoutKey().identityFile(sshd().userKey());
    }

    /** @return a builder for a transport to the server with its known_hosts, to which a test adds a key */
    SshTransport.Builder transportWithoutKey() {
        return SshTransport.builder()
                .host("127.0.0.1")
                .port(sshd().port())
                .user(sshd().user())
                .knownHosts(sshd().knownHosts())
                .connectTimeout(Duration.ofSeconds(10));
    }

    /** Stops the server, if it runs. */
    @Override
    public void close() {
        if (sshd != null) {
            sshd.close();
        }
    }
}
