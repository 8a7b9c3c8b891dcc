package dev.claudecode.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway OpenSSH server: Debian's {@code /usr/sbin/sshd} on a free port of 127.0.0.1, with
 * its own configuration, generated host keys (Ed25519, ECDSA and RSA, as a stock install has), a
 * generated Ed25519 user key authorized for this JVM's user, and a known_hosts file that lists only
 * the Ed25519 host key (as OpenSSH's client records it), all in a directory the caller gives. Keys
 * are made with {@code ssh-keygen}; every wait has a timeout. {@link #close()} stops sshd by its
 * process id, with every process it started; a shutdown hook does so when the JVM exits first.
 */
public final class LoopbackSshd implements AutoCloseable {

    /** Where Debian's package {@code openssh-server} installs sshd. */
    public static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path SFTP_SERVER = Path.of("/usr/lib/openssh/sftp-server");
    private static final Path PRIVSEP_DIR = Path.of("/run/sshd");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(5);
    private static final int LOG_TAIL = 2000;
    private static final ProcessBuilder.Redirect NO_INPUT = ProcessBuilder.Redirect.from(new File("/dev/null"));

    private final Path dir;
    private final int port;
    private final Process process;
    /** Stops sshd when the JVM exits before {@link #close()}. */
    private final Thread stopOnExit;

    private LoopbackSshd(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.stopOnExit = new Thread(this::stop, "sshd-stop-" + process.pid());
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** {@return whether sshd and its SFTP server are installed} */
    public static boolean isInstalled() {
        return Files.isExecutable(SSHD) && Files.isExecutable(SFTP_SERVER);
    }

    /**
     * Generates keys and a configuration in {@code dir} and starts sshd, waiting until it listens.
     *
     * @param dir an empty directory the server owns
     * @param settings sshd_config lines that come before the defaults, so that they win over them
     *     (sshd takes the first value of a keyword), such as {@code MaxSessions 1000} or
     *     {@code LogLevel ERROR}
     * @return the running server
     * @throws IllegalStateException when sshd is missing, exits, or does not listen within 15 s
     * @throws IOException when the files cannot be written
     * @throws InterruptedException when interrupted while waiting
     */
    public static LoopbackSshd start(Path dir, List<String> settings) throws IOException, InterruptedException {
        if (!isInstalled()) {
            throw new IllegalStateException(SSHD + " and " + SFTP_SERVER + " (Debian package openssh-server) are not installed");
        }
        if (!Files.isDirectory(PRIVSEP_DIR)) {
            // sshd refuses to start without its privilege separation directory, which a container may lack
            Files.createDirectories(PRIVSEP_DIR, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        }
        for (String type : List.of("ed25519", "ecdsa", "rsa")) {
            keygen(dir.resolve("host_" + type), type, "");
        }
        keygen(dir.resolve("id_ed25519"), "ed25519", "");
        Files.copy(dir.resolve("id_ed25519.pub"), dir.resolve("authorized_keys"));
        int port = freePort();
        List<String> config = new ArrayList<>(settings);
        config.addAll(List.of(
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
                // the generated files live in a scratch directory that StrictModes would refuse
                "StrictModes no",
                "Subsystem sftp " + SFTP_SERVER,
                "LogLevel VERBOSE",
                // bash sources ~/.bashrc for commands run by sshd unless it is a nested shell: what
                // runs over SSH must not depend on this machine's shell start-up files
                "SetEnv SHLVL=1",
                ""));
        Files.writeString(dir.resolve("sshd_config"), String.join("\n", config));
        Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:" + port + " " + publicKey(dir.resolve("host_ed25519.pub")) + "\n");
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sshd.log").toFile())
                .redirectInput(NO_INPUT)
                .start();
        LoopbackSshd server = new LoopbackSshd(dir, port, process);
        try {
            server.awaitListening();
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** {@return the port sshd listens on, on 127.0.0.1} */
    public int port() {
        return port;
    }

    /** {@return the user that logs in: this JVM's user} */
    public String user() {
        return System.getProperty("user.name");
    }

    /** {@return the user's private key (Ed25519, no passphrase), authorized on the server} */
    public Path userKey() {
        return dir.resolve("id_ed25519");
    }

    /** {@return a known_hosts file that lists the server's Ed25519 host key} */
    public Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    /**
     * {@return a public host key of the server, as {@code <algorithm> <base64>}}
     *
     * @param type {@code ed25519}, {@code ecdsa} or {@code rsa}
     * @throws IOException when the key cannot be read
     */
    public String hostKey(String type) throws IOException {
        return publicKey(dir.resolve("host_" + type + ".pub"));
    }

    /**
     * Adds a public key to the keys the server accepts.
     *
     * @param publicKeyLine a line of an {@code authorized_keys} file
     * @throws IOException when the file cannot be written
     */
    public void authorize(String publicKeyLine) throws IOException {
        Files.writeString(dir.resolve("authorized_keys"), publicKeyLine.strip() + "\n", StandardOpenOption.APPEND);
    }

    /** {@return the server's per-connection processes: privilege-separated monitors and their sshd children} */
    public List<ProcessHandle> connectionProcesses() {
        return process.descendants().filter(LoopbackSshd::isSshd).toList();
    }

    /** {@return how many connections the server has: one privilege-separation monitor each} */
    public long connectionCount() {
        return process.children().filter(LoopbackSshd::isSshd).count();
    }

    /** Kills every connection's sshd processes at once, as if the network had dropped. */
    public void dropConnections() {
        connectionProcesses().forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * Stops or resumes the connection processes ({@code SIGSTOP} / {@code SIGCONT}): a host that
     * stops answering, and answers again.
     *
     * @param frozen whether to stop them
     * @throws IOException when {@code kill} cannot be run
     * @throws InterruptedException when interrupted while waiting for it
     */
    public void freezeConnections(boolean frozen) throws IOException, InterruptedException {
        for (ProcessHandle handle : connectionProcesses()) {
            // a process that has just ended is no failure: kill's status is not checked
            Process kill = new ProcessBuilder("kill", frozen ? "-STOP" : "-CONT", Long.toString(handle.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectInput(NO_INPUT).start();
            if (!kill.waitFor(KILL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                kill.destroyForcibly();
            }
        }
    }

    /** {@return the server's log so far} */
    public String log() {
        try {
            return Files.readString(dir.resolve("sshd.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** {@return the last 2,000 characters of the server's log, for failure messages} */
    public String logTail() {
        String log = log();
        return log.length() > LOG_TAIL ? "…" + log.substring(log.length() - LOG_TAIL) : log;
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

    /**
     * Makes a key pair with {@code ssh-keygen}: {@code file} and {@code file.pub}.
     *
     * @param file the private key's file, which must not exist
     * @param type the key type, such as {@code ed25519}, {@code ecdsa} or {@code rsa} (2048 bits)
     * @param passphrase the passphrase, empty for none
     * @throws IllegalStateException when ssh-keygen fails or takes more than 60 s
     * @throws IOException when ssh-keygen cannot be run
     * @throws InterruptedException when interrupted while waiting
     */
    public static void keygen(Path file, String type, String passphrase) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("-q", "-t", type, "-N", passphrase, "-C", "claude-code-java-test", "-f", file.toString()));
        if (type.equals("rsa")) {
            arguments.addAll(List.of("-b", "2048"));
        }
        sshKeygen(arguments);
    }

    /**
     * Runs {@code ssh-keygen} with arguments.
     *
     * @param arguments its arguments
     * @return what it printed, standard error included
     * @throws IllegalStateException when it fails or takes more than 60 s
     * @throws IOException when it cannot be run
     * @throws InterruptedException when interrupted while waiting
     */
    public static String sshKeygen(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("ssh-keygen");
        command.addAll(arguments);
        return run(command);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("loopback-sshd-command", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(NO_INPUT).start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.getFirst() + " took more than " + COMMAND_TIMEOUT.toSeconds() + " s");
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with status " + process.exitValue() + ":\n" + printed);
            }
            return printed;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private void stop() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
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
                throw new IllegalStateException("sshd exited with status " + process.exitValue() + ":\n" + logTail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("sshd did not listen on 127.0.0.1:" + port + " within " + START_TIMEOUT.toSeconds() + " s:\n" + logTail());
    }

    private static String publicKey(Path pub) throws IOException {
        String[] parts = Files.readString(pub).strip().split("\\s+");
        return parts[0] + " " + parts[1];
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
