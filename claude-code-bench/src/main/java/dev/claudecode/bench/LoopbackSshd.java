package dev.claudecode.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway OpenSSH server for the SSH scale workload: Debian's {@code /usr/sbin/sshd} on a
 * free port of 127.0.0.1, with its own configuration, a generated Ed25519 host key, a generated
 * user key authorized for this user, and a known_hosts file that lists the host key, all in a
 * directory of its own. It allows as many session channels on one connection as the workload
 * needs. {@link #close()} stops it by its process id, with every process it started.
 */
final class LoopbackSshd implements AutoCloseable {

    static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path SFTP_SERVER = Path.of("/usr/lib/openssh/sftp-server");
    private static final Path PRIVSEP_DIR = Path.of("/run/sshd");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration KEYGEN_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    private final int port;
    private final Process process;
    /** Stops sshd when the harness exits before {@link #close()}, on an interrupt for one. */
    private final Thread stopOnExit;

    private LoopbackSshd(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.stopOnExit = new Thread(this::stop, "sshd-stop-" + process.pid());
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Generates keys and a configuration in {@code dir} and starts sshd, waiting until it listens.
     *
     * @param dir an empty directory the server owns
     * @param channels how many session channels one connection may open ({@code MaxSessions})
     * @return the running server
     * @throws IllegalStateException when sshd is missing, does not start or does not listen in time
     */
    static LoopbackSshd start(Path dir, int channels) throws IOException, InterruptedException {
        if (!Files.isExecutable(SSHD) || !Files.isExecutable(SFTP_SERVER)) {
            throw new IllegalStateException(SSHD + " and " + SFTP_SERVER + " (Debian package openssh-server) are needed for the SSH scale workload");
        }
        if (!Files.isDirectory(PRIVSEP_DIR)) {
            // sshd refuses to start without its privilege separation directory, which a container may lack
            Files.createDirectories(PRIVSEP_DIR, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        }
        keygen(dir.resolve("host_ed25519"));
        keygen(dir.resolve("id_ed25519"));
        Files.copy(dir.resolve("id_ed25519.pub"), dir.resolve("authorized_keys"));
        int port = freePort();
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + dir.resolve("host_ed25519"),
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PermitRootLogin prohibit-password",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                // the generated files live in a scratch directory that StrictModes would refuse
                "StrictModes no",
                "Subsystem sftp " + SFTP_SERVER,
                // every session is a channel of the transport's one connection, besides its file
                // system and its watchdog (OpenSSH allows ten by default)
                "MaxSessions " + channels,
                // one connection at a time, but a reconnect must never be refused
                "MaxStartups 100:30:200",
                "LogLevel ERROR",
                // bash sources ~/.bashrc for commands that sshd runs unless it is a nested shell
                "SetEnv SHLVL=1",
                ""));
        String[] hostKey = Files.readString(dir.resolve("host_ed25519.pub")).strip().split("\\s+", 3);
        Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:" + port + " " + hostKey[0] + " " + hostKey[1] + "\n");
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        LoopbackSshd server = new LoopbackSshd(dir, port, process);
        try {
            server.awaitListening();
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** @return the port on 127.0.0.1 */
    int port() {
        return port;
    }

    /** @return the user the sessions log in as: this process's user */
    String user() {
        return System.getProperty("user.name");
    }

    /** @return the user's private key, authorized on the server */
    Path userKey() {
        return dir.resolve("id_ed25519");
    }

    /** @return a known_hosts file that lists the server's key */
    Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    /** @return the last part of the server's log, for failures */
    String logTail() {
        try {
            String log = Files.readString(dir.resolve("sshd.log"));
            return log.length() > 2000 ? "…" + log.substring(log.length() - 2000) : log;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops sshd by its process id, and every process it started that is still its descendant. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook stops sshd
        }
        stop();
    }

    private void stop() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                Log.progress("sshd %d did not stop within 10 s of SIGKILL", process.pid());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sshd exited with status " + process.exitValue() + ": " + logTail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("sshd did not listen on 127.0.0.1:" + port + " within " + START_TIMEOUT.toSeconds() + " s: " + logTail());
    }

    private static void keygen(Path file) throws IOException, InterruptedException {
        Path log = file.resolveSibling(file.getFileName() + ".keygen.log");
        Process process = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "claude-code-bench", "-f", file.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        if (!process.waitFor(KEYGEN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("ssh-keygen took more than " + KEYGEN_TIMEOUT.toSeconds() + " s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("ssh-keygen failed: " + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
