package dev.claudecode.container;

import dev.claudecode.ClaudeCode;
import dev.claudecode.errors.CliProcessException;
import dev.claudecode.internal.container.ContainerProcess;
import dev.claudecode.internal.container.ContainerSettings;
import dev.claudecode.internal.container.Engine;
import dev.claudecode.internal.container.EngineAddress;
import dev.claudecode.internal.container.ExecProcess;
import dev.claudecode.internal.container.HijackedStream;
import dev.claudecode.internal.container.Labels;
import dev.claudecode.internal.node.CommandNode;
import dev.claudecode.internal.node.EnvironmentPreamble;
import dev.claudecode.internal.node.TargetRunner;
import dev.claudecode.internal.process.ExitReaper;
import dev.claudecode.internal.transport.LaunchedProcesses;
import dev.claudecode.internal.transport.Owner;
import dev.claudecode.internal.transport.SettingChecks;
import dev.claudecode.node.Node;
import dev.claudecode.transport.CliProcess;
import dev.claudecode.transport.LaunchSpec;
import dev.claudecode.transport.Transport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Runs each Claude Code CLI process in a container of its own, through the Docker Engine API
 * (Docker, or Podman's Docker-compatible service). The CLI's standard streams are attached to
 * this JVM; everything else of a session (permission callbacks, hooks, in-process MCP servers)
 * stays here, answered over those streams as for a local CLI.
 *
 * <pre>{@code
 * try (ContainerTransport containers = ContainerTransport.builder()
 *         .engine("unix:///run/podman/podman.sock")
 *         .mount(Path.of("/srv/projects/demo"), "/workspace")
 *         .memory(2L << 30).cpus(1.5).pidsLimit(512)
 *         .networkMode("bridge")
 *         .build();
 *      Session session = ClaudeCode.start(options.toBuilder().cwd(Path.of("/workspace")).build(), containers)) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Secrets: the launch environment (the API key among it) is not put in the container's
 * configuration, which anyone allowed to inspect containers can read. The container's command
 * is a small {@code /bin/sh} script that reads the variables from the first lines of its input
 * and then {@code exec}s the CLI (see the module's documentation); the image needs {@code
 * /bin/sh}.
 *
 * <p>Lifetime: a container per CLI process, created with the transport's labels ({@code
 * dev.claudecode.managed}, {@code dev.claudecode.owner=host:pid}, {@code dev.claudecode.transport}),
 * removed as soon as the CLI has exited, when it is terminated (stop: TERM, then KILL after the
 * grace period), when the transport is closed, and when the JVM exits. Containers that a killed
 * JVM left behind are found with {@link #leftovers()} and removed with {@link #removeLeftovers()}.
 *
 * <p>The node: {@link #node()} runs commands (execs) and reaches files in the newest running
 * container of this transport, so it works while a session's CLI runs. Use one transport per
 * session when sessions must not see each other's node. What must outlive a container (the
 * working directory, the CLI's config directory with its transcripts, needed to resume a
 * conversation after the CLI died) belongs on a {@link Builder#mount mount}.
 */
public final class ContainerTransport implements Transport, AutoCloseable {

    /** The CLI's path in the project's image. */
    public static final String DEFAULT_CLI_PATH = "/usr/local/bin/claude";
    /** The home directory in the project's image. */
    public static final String DEFAULT_HOME = "/home/claude";

    private final ContainerSettings settings;
    private final Engine engine;
    private final String id = UUID.randomUUID().toString();
    private final LaunchedProcesses<ContainerProcess> processes = new LaunchedProcesses<>();
    private final TargetRunner execs = this::exec;
    private final CommandNode node;
    private volatile boolean closed;

    private ContainerTransport(ContainerSettings settings) {
        this.settings = settings;
        this.engine = new Engine(settings.engine(), settings.apiTimeout());
        this.node = new CommandNode(name(), execs.inNewest(() -> processes.newest().map(ContainerProcess::id), () -> new ContainerException(
                "no container of this transport runs: the node is reachable while a session's CLI runs")), settings.home(),
                settings.fileOperationTimeout());
    }

    /** @return a builder; every setting has a default */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the CLI in a new container: creates it with the transport's image, limits, mounts
     * and labels, attaches to its streams, starts it and hands it the launch environment. The
     * working directory of the launch is the container's (made by the engine when missing);
     * {@code spec.inherit()} does not apply, since this JVM's environment stays here.
     *
     * @throws CliProcessException when the engine cannot be reached or refuses
     */
    @Override
    public CliProcess launch(LaunchSpec spec) {
        if (closed) {
            throw new CliProcessException("the container transport is closed", null);
        }
        byte[] preamble = EnvironmentPreamble.encode(spec.environment(), spec.files());
        String container;
        try {
            container = engine.create(settings, EnvironmentPreamble.command(spec.command()), spec.workingDirectory(),
                    Labels.of(id, settings.labels()));
        } catch (RuntimeException e) {
            throw new CliProcessException("cannot create a container from " + settings.image() + " on " + settings.engine()
                    + ": " + e.getMessage(), e);
        }
        ExitReaper.track(ContainerProcess.key(container), () -> engine.remove(container));
        try {
            HijackedStream stream = engine.attach(container);
            engine.start(container);
            // the launch script waits for its environment: the container runs, the CLI does not yet
            settings.beforeStart().ifPresent(work -> work.accept(nodeOf(container), spec));
            OutputStream stdin = stream.stdin();
            stdin.write(preamble);
            stdin.flush();
            return processes.add(new ContainerProcess(engine, container, stream));
        } catch (IOException | RuntimeException e) {
            try {
                engine.remove(container);
            } catch (RuntimeException removal) {
                e.addSuppressed(removal);
            }
            ExitReaper.forget(ContainerProcess.key(container));
            throw new CliProcessException("cannot start the Claude Code CLI in a container on " + settings.engine() + ": " + e.getMessage(), e);
        }
    }

    private Node nodeOf(String container) {
        return new CommandNode(name(), execs.in(container), settings.home(), settings.fileOperationTimeout());
    }

    private CliProcess exec(String container, List<String> command, Map<String, String> environment, Optional<String> workingDirectory) {
        try {
            return ExecProcess.start(engine, container, command, environment, workingDirectory);
        } catch (IOException | RuntimeException e) {
            throw new ContainerException("cannot run " + command.get(0) + " in container " + container + ": " + e.getMessage(), e);
        }
    }

    /**
     * The CLI in the image: the configured {@link Builder#cliPath(String)}, by default {@value
     * #DEFAULT_CLI_PATH}. The path the session's options name is a path on this machine and is
     * not used.
     */
    @Override
    public String executable(Optional<Path> configured) {
        return settings.cliPath();
    }

    /** @return {@code container://IMAGE@ENGINE} */
    @Override
    public String name() {
        return "container://" + settings.image() + "@" + settings.engine();
    }

    /**
     * The newest running container of this transport, as a node: commands run there as execs, and
     * its file system's operations are shell commands run the same way.
     *
     * @return the node; its operations fail with a {@link ContainerException} while no CLI of
     *     this transport runs
     */
    @Override
    public Node node() {
        return node;
    }

    /** @return the engine's name and version, which also checks that it can be reached */
    public String engineVersion() {
        try {
            return engine.version();
        } catch (RuntimeException e) {
            throw new ContainerException("cannot reach the container engine at " + settings.engine() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The ids of this library's containers on this engine that a JVM on this machine started and
     * did not remove before it died.
     *
     * @return their ids
     */
    public List<String> leftovers() {
        try {
            return engine.withLabel(Labels.MANAGED, "true").stream()
                    .filter(container -> Owner.isGone(container.getLabels().get(Labels.OWNER)))
                    .map(com.github.dockerjava.api.model.Container::getId).toList();
        } catch (RuntimeException e) {
            throw new ContainerException("cannot list containers on " + settings.engine() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes the {@link #leftovers()}.
     *
     * @return how many were removed
     */
    public int removeLeftovers() {
        int removed = 0;
        for (String leftover : leftovers()) {
            if (engine.remove(leftover)) {
                removed++;
            }
        }
        return removed;
    }

    /**
     * The ids of the containers of this transport that exist now, running or not.
     *
     * @return their ids
     * @throws ContainerException when the transport is closed or the engine cannot be reached
     */
    public List<String> containers() {
        if (closed) {
            throw new ContainerException("the container transport is closed");
        }
        try {
            return engine.withLabel(Labels.TRANSPORT, id).stream().map(com.github.dockerjava.api.model.Container::getId).toList();
        } catch (RuntimeException e) {
            throw new ContainerException("cannot list containers on " + settings.engine() + ": " + e.getMessage(), e);
        }
    }

    /** Stops and removes every container of this transport, then closes the engine client. */
    @Override
    public void close() {
        closed = true;
        processes.terminateAll(Duration.ofSeconds(2));
        try {
            for (String leftover : engine.withLabel(Labels.TRANSPORT, id).stream().map(com.github.dockerjava.api.model.Container::getId).toList()) {
                engine.remove(leftover);
                ExitReaper.forget(ContainerProcess.key(leftover));
            }
        } catch (RuntimeException e) {
            // the engine is gone; the JVM's reaper tries again at exit
        }
        engine.close();
    }

    @Override
    public String toString() {
        return "ContainerTransport[" + name() + "]";
    }

    /** Settings for a {@link ContainerTransport}. */
    public static final class Builder {

        private String engine;
        private String image = "claude-code-cli:" + ClaudeCode.cliVersion();
        private String cliPath = DEFAULT_CLI_PATH;
        private String home = DEFAULT_HOME;
        private Optional<String> user = Optional.empty();
        private final List<ContainerSettings.Mount> mounts = new ArrayList<>();
        private Optional<Long> memory = Optional.empty();
        private Optional<Long> nanoCpus = Optional.empty();
        private Optional<Long> pidsLimit = Optional.empty();
        private Optional<String> networkMode = Optional.empty();
        private final Map<String, ContainerSettings.Ulimit> ulimits = new LinkedHashMap<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private Duration apiTimeout = Duration.ofSeconds(60);
        private Duration fileOperationTimeout = Duration.ofSeconds(60);
        private Optional<BiConsumer<Node, LaunchSpec>> beforeStart = Optional.empty();

        private Builder() {
        }

        /**
         * Where the engine's API listens. Without it: {@code DOCKER_HOST}, else Docker's socket
         * {@code /var/run/docker.sock}, else Podman's {@code /run/podman/podman.sock} (rootful)
         * or {@code $XDG_RUNTIME_DIR/podman/podman.sock} (rootless), the first that exists.
         *
         * @param address {@code unix:///path/to.sock} or {@code tcp://host:port} (plain TCP: keep it on loopback)
         * @return this builder
         */
        public Builder engine(String address) {
            EngineAddress.of(address);
            this.engine = address;
            return this;
        }

        /**
         * The image the CLI runs in.
         *
         * @param image default {@code claude-code-cli:<the CLI version this library pins>}, built by {@code container/build-image.sh}
         * @return this builder
         */
        public Builder image(String image) {
            this.image = SettingChecks.requireText(image, "image");
            return this;
        }

        /**
         * The CLI's path in the image.
         *
         * @param path default {@value ContainerTransport#DEFAULT_CLI_PATH}
         * @return this builder
         */
        public Builder cliPath(String path) {
            this.cliPath = SettingChecks.requireText(path, "path");
            return this;
        }

        /**
         * The home directory in the image: the node's home, under which the CLI keeps {@code
         * .claude} unless {@code CLAUDE_CONFIG_DIR} says otherwise.
         *
         * @param path an absolute path; default {@value ContainerTransport#DEFAULT_HOME}
         * @return this builder
         */
        public Builder home(String path) {
            this.home = SettingChecks.absoluteHome(path);
            return this;
        }

        /**
         * The user the container runs as.
         *
         * @param user {@code uid}, {@code uid:gid} or a name from the image; default the image's
         *     ({@code 1000:1000} in the project's image)
         * @return this builder
         */
        public Builder user(String user) {
            this.user = Optional.of(SettingChecks.requireText(user, "user"));
            return this;
        }

        /**
         * Mounts a directory of the engine's host into every container, read-write.
         *
         * @param hostPath the directory on the engine's host
         * @param containerPath where it appears in the container, an absolute path
         * @return this builder
         */
        public Builder mount(Path hostPath, String containerPath) {
            return mount(hostPath, containerPath, false);
        }

        /**
         * Mounts a directory of the engine's host at the same path in every container, read-write.
         *
         * @param hostPath an absolute directory on the engine's host
         * @return this builder
         */
        public Builder mount(Path hostPath) {
            return mount(hostPath, hostPath.toString(), false);
        }

        /**
         * Mounts a directory of the engine's host into every container.
         *
         * @param hostPath the directory on the engine's host
         * @param containerPath where it appears in the container, an absolute path
         * @param readOnly whether the container may only read it
         * @return this builder
         */
        public Builder mount(Path hostPath, String containerPath, boolean readOnly) {
            if (!hostPath.isAbsolute() || !containerPath.startsWith("/")) {
                throw new IllegalArgumentException("mounts need absolute paths: " + hostPath + " -> " + containerPath);
            }
            if (hostPath.toString().contains(":") || containerPath.contains(":")) {
                throw new IllegalArgumentException("a mounted path may not contain ':': " + hostPath + " -> " + containerPath);
            }
            mounts.add(new ContainerSettings.Mount(hostPath.toString(), containerPath, readOnly));
            return this;
        }

        /**
         * The memory limit of each container. A CLI takes about 300 MB; tools it runs add theirs.
         *
         * @param bytes the limit in bytes, at least 6 MiB
         * @return this builder
         */
        public Builder memory(long bytes) {
            if (bytes < 6L * 1024 * 1024) {
                throw new IllegalArgumentException("a memory limit below 6 MiB cannot run anything: " + bytes);
            }
            this.memory = Optional.of(bytes);
            return this;
        }

        /**
         * The CPU limit of each container.
         *
         * @param cpus how many CPUs' worth of time, such as {@code 1.5}
         * @return this builder
         */
        public Builder cpus(double cpus) {
            if (!(cpus > 0) || Double.isInfinite(cpus)) {
                throw new IllegalArgumentException("cpus must be positive: " + cpus);
            }
            this.nanoCpus = Optional.of(Math.round(cpus * 1e9));
            return this;
        }

        /**
         * The most processes and threads each container may have.
         *
         * @param limit at least 16 (the CLI alone runs a dozen threads)
         * @return this builder
         */
        public Builder pidsLimit(long limit) {
            if (limit < 16) {
                throw new IllegalArgumentException("a pids limit below 16 cannot run the CLI: " + limit);
            }
            this.pidsLimit = Optional.of(limit);
            return this;
        }

        /**
         * The network mode of each container: {@code bridge}, {@code host}, {@code none}, or a
         * network's name. The CLI needs to reach the model API (or its proxy).
         *
         * @param mode default the engine's ({@code bridge} on Docker)
         * @return this builder
         */
        public Builder networkMode(String mode) {
            this.networkMode = Optional.of(SettingChecks.requireText(mode, "mode"));
            return this;
        }

        /**
         * A resource limit of each container, such as {@code nofile}; an engine whose defaults
         * exceed what its host allows needs these lowered.
         *
         * @param name the limit's name: {@code nofile}, {@code nproc}, {@code core}...
         * @param soft the soft limit
         * @param hard the hard limit, at least {@code soft}
         * @return this builder
         */
        public Builder ulimit(String name, long soft, long hard) {
            if (soft < 0 || hard < soft) {
                throw new IllegalArgumentException("ulimit " + name + " needs 0 <= soft <= hard: " + soft + ":" + hard);
            }
            ulimits.put(SettingChecks.requireText(name, "name"), new ContainerSettings.Ulimit(soft, hard));
            return this;
        }

        /**
         * A label for every container, on top of the transport's own ({@code dev.claudecode.*},
         * which it may not replace).
         *
         * @param name the label's name
         * @param value its value
         * @return this builder
         */
        public Builder label(String name, String value) {
            labels.put(SettingChecks.userLabel(name), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * How long one request to the engine may take.
         *
         * @param timeout default 60 s
         * @return this builder
         */
        public Builder apiTimeout(Duration timeout) {
            this.apiTimeout = SettingChecks.positive(timeout, "apiTimeout");
            return this;
        }

        /**
         * How long one file operation of the node may take.
         *
         * @param timeout default 60 s
         * @return this builder
         */
        public Builder fileOperationTimeout(Duration timeout) {
            this.fileOperationTimeout = SettingChecks.positive(timeout, "fileOperationTimeout");
            return this;
        }

        /**
         * Work to do in each new container after it has started and before the CLI starts in it,
         * such as placing a conversation's transcript for {@code --resume} (a session store does
         * this) or files the session needs. The node it gets reaches that container; the launch
         * it gets is the one about to start. What it throws fails the launch, and the container
         * is removed.
         *
         * @param work the work
         * @return this builder
         */
        public Builder beforeStart(BiConsumer<Node, LaunchSpec> work) {
            this.beforeStart = Optional.of(Objects.requireNonNull(work, "work"));
            return this;
        }

        /** @return the transport; no request is made until the first launch */
        public ContainerTransport build() {
            EngineAddress address = EngineAddress.of(engine != null ? engine : defaultEngine());
            return new ContainerTransport(new ContainerSettings(address, image, cliPath, home, user, mounts, memory, nanoCpus,
                    pidsLimit, networkMode, ulimits, labels, apiTimeout, fileOperationTimeout, beforeStart));
        }

        private static String defaultEngine() {
            String dockerHost = System.getenv("DOCKER_HOST");
            if (dockerHost != null && !dockerHost.isBlank()) {
                return dockerHost;
            }
            List<Path> candidates = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"), Path.of("/run/podman/podman.sock")));
            Optional.ofNullable(System.getenv("XDG_RUNTIME_DIR")).ifPresent(dir -> candidates.add(Path.of(dir, "podman", "podman.sock")));
            return "unix://" + candidates.stream().filter(Files::exists).findFirst().orElse(candidates.getFirst());
        }
    }
}
