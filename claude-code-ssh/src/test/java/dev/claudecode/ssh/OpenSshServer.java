package dev.claudecode.ssh;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenSSH server for tests: Debian's {@code /usr/sbin/sshd} on a free loopback port, with
 * generated host keys (Ed25519, ECDSA and RSA, as a stock install has), a generated user key, an
 * authorized_keys file for the current user, and a known_hosts file for the client that lists
 * only the Ed25519 host key (as OpenSSH's own client records it). It is stopped, with every
 * process it started, by {@link #close()}.
 */
final class OpenSshServer implements AutoCloseable {

    static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path SFTP_SERVER = Path.of("/usr/lib/openssh/sftp-server");
    private static final Path PRIVSEP_DIR = Path.of("/run/sshd");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final Path dir;
    private final int port;
    private final Process process;

    private OpenSshServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /**
     * Skips the calling test when OpenSSH's server is not installed, or fails it when the
     * environment variable {@code CI} is {@code true}: on CI it must be there.
     */
    static void requireSshd() {
        if (Files.isExecutable(SSHD) && Files.isExecutable(SFTP_SERVER)) {
            return;
        }
        String message = SSHD + " (Debian package openssh-server) is not installed; the SSH tests need it";
        if ("true".equals(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
    }

    /**
     * Generates keys and configuration in {@code dir} and starts sshd.
     *
     * @param dir an empty directory the server may own
     * @return the running server, accepting connections
     */
    static OpenSshServer start(Path dir) throws IOException, InterruptedException {
        requireSshd();
        ensurePrivilegeSeparationDirectory();
        for (String type : List.of("ed25519", "ecdsa", "rsa")) {
            keygen(dir.resolve("host_" + type), type, "");
        }
        keygen(dir.resolve("id_ed25519"), "ed25519", "");
        Files.copy(dir.resolve("id_ed25519.pub"), dir.resolve("authorized_keys"));
        int port = freePort();
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + dir.resolve("host_ed25519"),
                "HostKey " + dir.resolve("host_ecdsa"),
                "HostKey " + dir.resolve("host_rsa"),
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PermitRootLogin prohibit-password",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                // the generated files live in a temp directory that StrictModes would refuse
                "StrictModes no",
                "Subsystem sftp " + SFTP_SERVER,
                "LogLevel VERBOSE",
                ""));
        Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:" + port + " " + publicKey(dir.resolve("host_ed25519.pub")) + "\n");
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sshd.log").toFile())
                .start();
        OpenSshServer server = new OpenSshServer(dir, port, process);
        try {
            server.awaitListening();
        } catch (RuntimeException | InterruptedException | AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    int port() {
        return port;
    }

    /** @return the user the tests log in as: this JVM's user */
    String user() {
        return System.getProperty("user.name");
    }

    /** @return the user's private key, authorized on the server */
    Path userKey() {
        return dir.resolve("id_ed25519");
    }

    /** @return a known_hosts file with the server's Ed25519 key */
    Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    /** @return the public host key of a type, as {@code <type> <base64>} */
    String hostKey(String type) throws IOException {
        return publicKey(dir.resolve("host_" + type + ".pub"));
    }

    /** Adds a public key to the authorized keys. */
    void authorize(String publicKeyLine) throws IOException {
        Files.writeString(dir.resolve("authorized_keys"), publicKeyLine.strip() + "\n", java.nio.file.StandardOpenOption.APPEND);
    }

    /** @return a builder for a transport to this server with the generated key and known_hosts */
    SshTransport.Builder transport() {
        return SshTransport.builder()
                .host("127.0.0.1")
                .port(port)
                .user(user())
                .identityFile(userKey())
                .knownHosts(knownHosts())
                .connectTimeout(Duration.ofSeconds(10));
    }

    /** @return the server's per-connection processes (privilege-separated monitors and their children) */
    List<ProcessHandle> connectionProcesses() {
        return process.descendants().filter(OpenSshServer::isSshd).toList();
    }

    /** @return how many connections the server has: one privilege-separation monitor each */
    long connectionCount() {
        return process.children().filter(OpenSshServer::isSshd).count();
    }

    /** Kills every connection's sshd processes at once, as if the network had dropped. */
    void dropConnections() {
        connectionProcesses().forEach(ProcessHandle::destroyForcibly);
    }

    /** Stops or resumes the connection processes (SIGSTOP / SIGCONT): a host that stops answering. */
    void freezeConnections(boolean frozen) throws IOException, InterruptedException {
        for (ProcessHandle handle : connectionProcesses()) {
            new ProcessBuilder("kill", frozen ? "-STOP" : "-CONT", Long.toString(handle.pid())).start().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** @return the server's log so far */
    String log() {
        try {
            return Files.readString(dir.resolve("sshd.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops sshd and everything it started that is still its descendant. */
    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isSshd(ProcessHandle handle) {
        return handle.info().command().map(command -> command.equals(SSHD.toString())).orElse(false);
    }

    private void awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("sshd exited with status " + process.exitValue() + ":\n" + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        fail("sshd did not listen on port " + port + " within " + START_TIMEOUT.toSeconds() + " s:\n" + log());
    }

    static void keygen(Path file, String type, String passphrase) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", "claude-code-java-test", "-f", file.toString()));
        if (type.equals("rsa")) {
            command.addAll(List.of("-b", "2048"));
        }
        run(command);
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    private static String publicKey(Path pub) throws IOException {
        String[] parts = Files.readString(pub).strip().split("\\s+");
        return parts[0] + " " + parts[1];
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    // sshd refuses to start without its privilege separation directory, which a container may lack
    private static void ensurePrivilegeSeparationDirectory() throws IOException {
        if (!Files.isDirectory(PRIVSEP_DIR)) {
            Files.createDirectories(PRIVSEP_DIR, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        }
    }
}
