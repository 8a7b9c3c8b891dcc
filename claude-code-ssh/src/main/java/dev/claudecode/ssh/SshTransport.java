package dev.claudecode.ssh;

import static dev.claudecode.internal.transport.SettingChecks.positive;
import static dev.claudecode.internal.transport.SettingChecks.requireText;

import dev.claudecode.errors.ClaudeCodeException;
import dev.claudecode.errors.CliProcessException;
import dev.claudecode.cli.CliInstaller;
import dev.claudecode.internal.ssh.HostConfig;
import dev.claudecode.internal.ssh.IdentityFile;
import dev.claudecode.internal.ssh.RemoteCliInstall;
import dev.claudecode.internal.ssh.RemoteLauncher;
import dev.claudecode.internal.ssh.SharedConnection;
import dev.claudecode.internal.ssh.SshConnector;
import dev.claudecode.internal.ssh.SshSettings;
import dev.claudecode.transport.CliProcess;
import dev.claudecode.transport.LaunchSpec;
import dev.claudecode.transport.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs the Claude Code CLI on another machine over SSH. The CLI's standard streams travel over an
 * SSH channel; everything else of a session (callbacks, hooks, in-process MCP servers) stays in
 * this JVM. All processes, commands and file access of one transport share one SSH connection,
 * which is made on first use and made again when it died.
 *
 * <pre>{@code
 * try (SshTransport host = SshTransport.builder()
 *         .host("build-7.internal").user("agent")
 *         .identityFile(Path.of(System.getProperty("user.home"), ".ssh", "id_ed25519"))
 *         .managedCli()
 *         .build()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>The host may be an alias of the OpenSSH client configuration ({@code ~/.ssh/config} unless
 * {@link Builder#sshConfig(Path)} or {@link Builder#ignoreSshConfig()} says otherwise): its
 * {@code HostName}, {@code User}, {@code Port}, {@code IdentityFile} and {@code IdentitiesOnly}
 * apply, below what the builder sets explicitly.
 *
 * <p>Security: host keys are checked strictly against a known_hosts file ({@code
 * ~/.ssh/known_hosts} unless {@link Builder#knownHosts(Path)} says otherwise); an unknown, changed
 * or revoked key fails the connection with a {@link HostKeyException} that says which, and only
 * {@link Builder#insecureAcceptAnyHostKey()} turns that off. The launch environment, which holds the API key, is written over SFTP into a file
 * only the remote user can read, in a fresh private directory; the remote command reads it and
 * deletes it before it starts the CLI, so no secret ever appears on a command line on either side.
 * The launch's private files ({@link LaunchSpec#files()}) travel in the same script and are
 * created by it in a new owner-only directory before the CLI starts.
 *
 * <p>Process lifetime: the CLI runs in a process group of its own. {@link CliProcess#terminate}
 * sends TERM to the whole group, then KILL after the grace period. A small watchdog shell that
 * the transport keeps on the host ends every group of the connection when the connection closes
 * or drops, so no CLI is left orphaned on the host.
 *
 * <p>The host needs a POSIX {@code /bin/sh}, {@code setsid} (util-linux or busybox) or {@code
 * perl}, and an SFTP server (OpenSSH's {@code Subsystem sftp}). OpenSSH allows ten channels per
 * connection by default ({@code MaxSessions}); each running CLI or command takes one, and the
 * file system and the watchdog one each.
 */
public final class SshTransport implements Transport, AutoCloseable {

    /** The CLI's name in the remote {@code PATH}, used when nothing names another. */
    private static final String DEFAULT_EXECUTABLE = "claude";
    /** With {@link #DEFAULT_KEEPALIVE_MAX_MISSED}, a frozen host is noticed within 12 s. */
    private static final Duration DEFAULT_KEEPALIVE_INTERVAL = Duration.ofSeconds(3);
    private static final int DEFAULT_KEEPALIVE_MAX_MISSED = 3;

    private final SshSettings settings;
    private final SshConnector connector;
    private final SharedConnection connection;
    private final RemoteLauncher launcher;
    private final SshNode node;
    private final Optional<RemoteCliInstall> managedCli;

    private SshTransport(SshSettings settings) {
        this.settings = settings;
        this.connector = new SshConnector(settings);
        this.connection = new SharedConnection(connector, settings.idleTimeout());
        this.launcher = new RemoteLauncher(connection, settings);
        this.node = new SshNode(settings.address(), connection, launcher);
        this.managedCli = settings.managedCli().map(installer -> new RemoteCliInstall(node, installer, settings.remoteCliCacheDir()));
    }

    /** @return a builder; {@link Builder#host(String)} is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the CLI on the host. The executable is the configured {@link Builder#cliPath(String)},
     * else the managed install on the host (copied there first when missing, see {@link
     * Builder#managedCli()}), else {@code spec.executable()} as given. The working directory is
     * created when missing ({@code ~/} at its start stands for the remote home). The variables of
     * {@code spec.environment()} are added to the remote login environment; {@code
     * spec.inherit()} does not apply, since this JVM's environment stays here.
     *
     * <p>The process's stdout and stderr share the SSH channel's flow-control window: read both,
     * or a full stderr stalls stdout too.
     *
     * @throws CliProcessException when the host cannot be reached or the CLI cannot be started
     */
    @Override
    public CliProcess launch(LaunchSpec spec) {
        String executable;
        try {
            executable = remoteCli().orElse(spec.executable());
        } catch (ClaudeCodeException e) {
            throw new CliProcessException("cannot provide the Claude Code CLI on " + settings.address() + ": " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(spec.arguments());
        try {
            return launcher.start(command, spec.environment(), spec.workingDirectory(), true, spec.files());
        } catch (SshConnectionException e) {
            throw new CliProcessException("cannot start the Claude Code CLI on " + settings.address() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The CLI a session on this host runs: the configured {@link Builder#cliPath(String)}, else
     * the managed install on the host (copied there now when missing), else the path the
     * session's options name, taken as a path on the host, else {@code claude} from the remote
     * {@code PATH}.
     *
     * @param configured the CLI path of the session's options
     * @return the executable, as the host names it
     * @throws dev.claudecode.errors.CliInstallException when the managed install cannot be provided
     * @throws SshConnectionException when the managed install needs the host and it cannot be reached
     */
    @Override
    public String executable(Optional<Path> configured) {
        return remoteCli().or(() -> configured.map(Path::toString)).orElse(DEFAULT_EXECUTABLE);
    }

    private Optional<String> remoteCli() {
        return settings.cliPath().or(() -> managedCli.map(RemoteCliInstall::ensureInstalled));
    }

    /** @return {@code ssh://user@host:port} */
    @Override
    public String name() {
        return settings.address();
    }

    /** @return the host, as a node whose file system is SFTP on this transport's connection */
    @Override
    public SshNode node() {
        return node;
    }

    /**
     * Closes the connection and stops the SSH client. Every process still running on the host
     * through this transport is ended (the watchdog there sees the connection go); the transport
     * cannot be used afterwards.
     */
    @Override
    public void close() {
        connection.close();
        connector.close();
    }

    @Override
    public String toString() {
        return "SshTransport[" + settings.address() + "]";
    }

    /** Settings for an {@link SshTransport}. Only the host is required. */
    public static final class Builder {

        private static final Path SSH_DIR = Path.of(System.getProperty("user.home"), ".ssh");

        private String host;
        private Optional<Integer> port = Optional.empty();
        private Optional<String> user = Optional.empty();
        private Optional<Path> sshConfig = Optional.of(SSH_DIR.resolve("config"));
        private final List<IdentityFile> identityFiles = new ArrayList<>();
        private Optional<Path> agentSocket = Optional.empty();
        private boolean agentRequested;
        private Path knownHosts = SSH_DIR.resolve("known_hosts");
        private boolean acceptAnyHostKey;
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration keepAliveInterval = DEFAULT_KEEPALIVE_INTERVAL;
        private int keepAliveMaxMissed = DEFAULT_KEEPALIVE_MAX_MISSED;
        private Duration idleTimeout = Duration.ofMinutes(10);
        private String remoteTempDir = "/tmp";
        private Optional<String> cliPath = Optional.empty();
        private Optional<CliInstaller> managedCli = Optional.empty();
        private String remoteCliCacheDir = ".cache/claude-code-java/cli";
        private Map<String, String> environment = System.getenv();

        private Builder() {
        }

        /**
         * The host to connect to.
         *
         * @param host a host name or IP address, or a {@code Host} alias of the SSH client
         *     configuration (see {@link #sshConfig(Path)})
         * @return this builder
         */
        public Builder host(String host) {
            this.host = requireText(host, "host");
            return this;
        }

        /**
         * The SSH port; it wins over a {@code Port} of the SSH client configuration.
         *
         * @param port default the configuration's, else 22
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            this.port = Optional.of(port);
            return this;
        }

        /**
         * The user to log in as; it wins over a {@code User} of the SSH client configuration.
         *
         * @param user default the configuration's, else the {@code user.name} of this JVM
         * @return this builder
         */
        public Builder user(String user) {
            this.user = Optional.of(requireText(user, "user"));
            return this;
        }

        /**
         * The OpenSSH client configuration to read, as {@code ssh -F} does. For the {@link
         * #host(String)} given, its {@code Host} blocks (patterns and {@code !} negations included)
         * supply {@code HostName}, {@code User}, {@code Port}, {@code IdentityFile} (with {@code ~}
         * and {@code %h %p %r %u %d %l}) and {@code IdentitiesOnly}; the first value found for each
         * wins, and what this builder sets explicitly wins over the file. Identity files it names
         * are offered after the builder's, each when it can be read without a passphrase; they
         * replace the default {@code ~/.ssh/id_*} files, as in OpenSSH. Other keywords ({@code
         * ProxyJump}, {@code Match}, {@code Include}, ...) are not applied, and the host key is
         * still checked against {@link #knownHosts(Path)} under the resolved host name.
         *
         * @param configFile default {@code ~/.ssh/config}; a missing file says nothing
         * @return this builder
         */
        public Builder sshConfig(Path configFile) {
            this.sshConfig = Optional.of(Objects.requireNonNull(configFile, "configFile"));
            return this;
        }

        /**
         * Reads no SSH client configuration: the builder says everything ({@code ssh -F none}).
         *
         * @return this builder
         */
        public Builder ignoreSshConfig() {
            this.sshConfig = Optional.empty();
            return this;
        }

        /**
         * Authenticates with an unencrypted private key file; call again to offer several.
         * Without any key file or agent, the transport offers what OpenSSH would: the keys of the
         * agent named by {@code SSH_AUTH_SOCK} and {@code ~/.ssh/id_ed25519}, {@code id_ecdsa},
         * {@code id_rsa} where they exist and need no passphrase.
         *
         * @param keyFile the private key, in OpenSSH, PEM or PKCS#8 format
         * @return this builder
         */
        public Builder identityFile(Path keyFile) {
            identityFiles.add(new IdentityFile(keyFile, Optional.empty()));
            return this;
        }

        /**
         * Authenticates with an encrypted private key file.
         *
         * @param keyFile the private key
         * @param passphrase its passphrase
         * @return this builder
         */
        public Builder identityFile(Path keyFile, String passphrase) {
            identityFiles.add(new IdentityFile(keyFile, Optional.of(Objects.requireNonNull(passphrase, "passphrase"))));
            return this;
        }

        /**
         * Authenticates with the keys of the running ssh-agent named by {@code SSH_AUTH_SOCK}.
         *
         * @return this builder
         * @throws IllegalStateException when {@code SSH_AUTH_SOCK} is not set
         */
        public Builder agent() {
            String socket = environment.get("SSH_AUTH_SOCK");
            if (socket == null || socket.isBlank()) {
                throw new IllegalStateException("SSH_AUTH_SOCK is not set: no ssh-agent to use");
            }
            return agent(Path.of(socket));
        }

        /**
         * Authenticates with the keys of the ssh-agent listening on a Unix socket.
         *
         * @param socket the agent's socket
         * @return this builder
         */
        public Builder agent(Path socket) {
            this.agentSocket = Optional.of(socket);
            this.agentRequested = true;
            return this;
        }

        /**
         * The known_hosts file the host key is checked against, in OpenSSH's format (hashed
         * names and {@code [host]:port} entries included). A missing file knows no host.
         *
         * @param knownHosts default {@code ~/.ssh/known_hosts}
         * @return this builder
         */
        public Builder knownHosts(Path knownHosts) {
            this.knownHosts = Objects.requireNonNull(knownHosts, "knownHosts");
            this.acceptAnyHostKey = false;
            return this;
        }

        /**
         * Accepts any host key without checking it. This gives up the protection against a
         * machine in the middle reading the session and its API key; use it only on networks
         * where that cannot happen, such as a loopback test.
         *
         * @return this builder
         */
        public Builder insecureAcceptAnyHostKey() {
            this.acceptAnyHostKey = true;
            return this;
        }

        /**
         * How long connecting, authenticating, opening a channel and starting a remote command
         * may each take.
         *
         * @param timeout default 30 s
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * How often to probe the connection; when {@link #keepAliveMaxMissed(int)} probes in a row
         * go unanswered it counts as dead and is closed (its processes fail with exit status 255
         * and a line on stderr that says so; the next launch reconnects). The probes also keep
         * firewalls from dropping a quiet connection. A host that stops answering is noticed
         * within about {@code interval * (maxMissed + 1)}: 12 s with the defaults.
         *
         * @param interval default 3 s; zero turns probing off
         * @return this builder
         */
        public Builder keepAliveInterval(Duration interval) {
            this.keepAliveInterval = notNegative(interval, "keepAliveInterval");
            return this;
        }

        /**
         * How many keepalive probes may go unanswered before the connection counts as dead.
         *
         * @param probes default 3
         * @return this builder
         */
        public Builder keepAliveMaxMissed(int probes) {
            if (probes < 1) {
                throw new IllegalArgumentException("keepAliveMaxMissed must be at least 1: " + probes);
            }
            this.keepAliveMaxMissed = probes;
            return this;
        }

        /**
         * How long the connection stays open while no process or command runs and the file
         * system is not used; then it is closed, and the next use connects again.
         *
         * @param timeout default 10 min; zero keeps the connection until {@link SshTransport#close()}
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = notNegative(timeout, "idleTimeout");
            return this;
        }

        /**
         * The path of the CLI on the host, used for every launch instead of the executable the
         * launch asks for (which names a file on this machine).
         *
         * @param remotePath an absolute path, or a command name looked up in the remote {@code PATH}
         * @return this builder
         */
        public Builder cliPath(String remotePath) {
            this.cliPath = Optional.of(requireText(remotePath, "remotePath"));
            return this;
        }

        /**
         * Runs the managed install of the CLI on the host, with the default installer: see
         * {@link #managedCli(CliInstaller)}.
         *
         * @return this builder
         */
        public Builder managedCli() {
            return managedCli(CliInstaller.builder().build());
        }

        /**
         * Runs the managed install of the CLI on the host: before a launch, when the host has no
         * binary of the installer's version at {@code <remote cache>/<version>/claude}, the binary
         * for the host's platform is taken from this machine's managed install (downloaded from
         * the npm registry and checked against its published digest first, when missing) and
         * copied to the host over SFTP, then run there with {@code --version} before it is put in
         * place. The host itself needs neither network access nor npm.
         *
         * @param installer the installer whose version, cache directory and registry to use
         * @return this builder
         */
        public Builder managedCli(CliInstaller installer) {
            this.managedCli = Optional.of(Objects.requireNonNull(installer, "installer"));
            return this;
        }

        /**
         * Where the managed install keeps binaries on the host.
         *
         * @param directory default {@code .cache/claude-code-java/cli}, relative to the remote home
         * @return this builder
         */
        public Builder remoteCliCacheDir(String directory) {
            this.remoteCliCacheDir = requireText(directory, "directory");
            return this;
        }

        /**
         * The directory on the host where launch files are written (each into a fresh private
         * directory, deleted when the command starts).
         *
         * @param directory an absolute path; default {@code /tmp}
         * @return this builder
         */
        public Builder remoteTempDir(String directory) {
            String text = requireText(directory, "directory");
            if (!text.startsWith("/")) {
                throw new IllegalArgumentException("remoteTempDir must be absolute: " + text);
            }
            this.remoteTempDir = text.length() > 1 && text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
            return this;
        }

        /**
         * The environment the defaults are read from ({@code SSH_AUTH_SOCK}).
         *
         * @param environment default {@link System#getenv()}
         * @return this builder
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /**
         * Creates the transport; it connects on first use.
         *
         * @return the transport
         * @throws IllegalStateException when no host was given
         */
        public SshTransport build() {
            if (host == null) {
                throw new IllegalStateException("the host is required");
            }
            HostConfig config = HostConfig.resolve(sshConfig, host, port, user, System.getProperty("user.name"));
            // key files the configuration names, or else OpenSSH's defaults, are tried when usable
            List<IdentityFile> optional = new ArrayList<>();
            config.identityFiles().forEach(file -> optional.add(new IdentityFile(file, Optional.empty())));
            Optional<Path> agent = agentSocket;
            if (identityFiles.isEmpty() && !agentRequested) {
                String socket = environment.get("SSH_AUTH_SOCK");
                if (socket != null && !socket.isBlank() && !config.identitiesOnly()) {
                    agent = Optional.of(Path.of(socket));
                }
                if (config.identityFiles().isEmpty()) {
                    for (String name : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
                        Path file = SSH_DIR.resolve(name);
                        if (Files.isReadable(file)) {
                            optional.add(new IdentityFile(file, Optional.empty()));
                        }
                    }
                }
            }
            SshSettings settings = new SshSettings(config.hostName(), config.port(), config.user(), identityFiles, optional, agent,
                    acceptAnyHostKey ? Optional.empty() : Optional.of(knownHosts), connectTimeout, keepAliveInterval,
                    keepAliveMaxMissed, idleTimeout, remoteTempDir, cliPath, managedCli, remoteCliCacheDir);
            return new SshTransport(settings);
        }

        /** Like the core's SettingChecks.positive but allowing zero: null or negative is an IllegalArgumentException. */
        private static Duration notNegative(Duration value, String what) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException(what + " must not be negative: " + value);
            }
            return value;
        }
    }
}
