package dev.claudecode.transport;

import dev.claudecode.cli.CliInstaller;
import dev.claudecode.cli.CliResolver;
import dev.claudecode.errors.CliProcessException;
import dev.claudecode.internal.process.LocalLaunchFiles;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.internal.process.ProcessReaper;
import dev.claudecode.internal.process.ProcessTree;
import dev.claudecode.internal.process.SpawnedProcess;
import dev.claudecode.internal.process.Spawner;
import dev.claudecode.internal.process.Spawners;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the CLI as a child process of this JVM. Every process it starts is killed, with its
 * descendants, when the JVM exits.
 *
 * <p>Each launch gets a variable of its own, {@value #LAUNCH_TAG}, which the CLI's own children
 * inherit. Once the CLI has died, its children (a Bash tool's shell, which runs in a session of its
 * own) are re-parented and can no longer be found from it: terminating a CLI that has already
 * exited finds them by that variable and kills them (where {@code /proc} exists).
 *
 * <p>The launch's private files ({@link LaunchSpec#files()}) are created with the JDK before the
 * process starts, their directory and each file owner-only from the moment they exist.
 *
 * <p>How the process is started depends on the JVM (see {@link Spawners}): on Java 22+ on Linux,
 * with native access granted to the library, through {@code posix_spawn} with non-blocking pipes
 * that one shared poller thread watches, so that a session holds no platform thread; otherwise
 * through {@link ProcessBuilder}, whose pipes need a platform thread each to read.
 */
public final class LocalTransport implements Transport {

    /** The variable that tags the CLI and everything it starts with the launch they belong to. */
    public static final String LAUNCH_TAG = "CLAUDE_CODE_SDK_LAUNCH_TAG";

    private static final LocalTransport INSTANCE = new LocalTransport(System.getenv());

    private final Map<String, String> baseEnvironment;

    private LocalTransport(Map<String, String> baseEnvironment) {
        this.baseEnvironment = Map.copyOf(baseEnvironment);
    }

    /** {@return the transport that runs processes on this machine with this JVM's environment} */
    public static LocalTransport create() {
        return INSTANCE;
    }

    /**
     * Creates a transport whose processes inherit from the given environment instead of this
     * JVM's.
     *
     * @param baseEnvironment the variables a launch may inherit
     * @return the transport
     */
    public static LocalTransport withBaseEnvironment(Map<String, String> baseEnvironment) {
        return new LocalTransport(baseEnvironment);
    }

    @Override
    public CliProcess launch(LaunchSpec spec) {
        ProcessBuilder builder = new ProcessBuilder(spec.command());
        Map<String, String> environment = builder.environment();
        environment.clear();
        baseEnvironment.forEach((name, value) -> {
            if (spec.inherit().test(name)) {
                environment.put(name, value);
            }
        });
        environment.putAll(spec.environment());
        String tag = java.util.UUID.randomUUID().toString();
        environment.put(LAUNCH_TAG, tag);
        spec.workingDirectory().ifPresent(dir -> builder.directory(new File(dir)));
        try {
            LocalLaunchFiles.create(spec.files());
        } catch (IOException | RuntimeException e) {
            throw new CliProcessException("cannot write the private launch files of the Claude Code CLI: " + e.getMessage(), e);
        }
        try {
            java.util.Optional<Spawner> spawner = Spawners.polled();
            if (spawner.isPresent()) {
                SpawnedProcess child = spawner.get().spawn(builder.command(), environment, spec.workingDirectory());
                java.util.Optional<ProcessHandle> handle = ProcessHandle.of(child.pid());
                handle.ifPresent(h -> ProcessReaper.track(h, child.onExit()));
                return new PolledProcess(child, handle, tag);
            }
            Process process = builder.start();
            ProcessReaper.track(process.toHandle());
            return new LocalProcess(process, tag);
        } catch (IOException e) {
            spec.filesDirectory().ifPresent(dir -> LocalLaunchFiles.remove(java.nio.file.Path.of(dir)));
            throw new CliProcessException("cannot start the Claude Code CLI " + spec.executable() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Resolves the CLI on this machine: the configured path, else {@code CLAUDE_CODE_CLI_PATH},
     * the managed install, {@code claude} on the PATH and the usual install locations, in that
     * order (see {@link dev.claudecode.cli.CliResolver}).
     */
    @Override
    public String executable(java.util.Optional<java.nio.file.Path> configured) {
        CliResolver.Builder resolver = CliResolver.builder();
        configured.ifPresent(resolver::cliPath);
        return resolver.build().resolve().path().toString();
    }

    /**
     * Resolves the CLI as {@link #executable(java.util.Optional)} does and, when nothing is found
     * and {@link ClaudeCodeOptions#autoInstallCli()} is on (the default), installs the pinned
     * version, reporting to {@link ClaudeCodeOptions#cliInstallProgress()}.
     */
    @Override
    public String executable(ClaudeCodeOptions options) {
        CliResolver.Builder resolver = CliResolver.builder().autoInstall(options.autoInstallCli());
        options.cliPath().ifPresent(resolver::cliPath);
        options.cliInstallProgress().ifPresent(progress -> resolver.installer(CliInstaller.builder().progress(progress).build()));
        return resolver.build().resolve().path().toString();
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public dev.claudecode.node.Node node() {
        return dev.claudecode.node.LocalNode.instance();
    }

    /** A process started by the epoll spawner: no JDK {@link Process}, no thread of its own. */
    private static final class PolledProcess implements CliProcess {

        private final SpawnedProcess child;
        private final java.util.Optional<ProcessHandle> handle;
        private final String tag;

        PolledProcess(SpawnedProcess child, java.util.Optional<ProcessHandle> handle, String tag) {
            this.child = child;
            this.handle = handle;
            this.tag = tag;
        }

        @Override
        public OutputStream stdin() {
            return child.stdin();
        }

        @Override
        public InputStream stdout() {
            return child.stdout();
        }

        @Override
        public InputStream stderr() {
            return child.stderr();
        }

        @Override
        public OptionalLong pid() {
            return OptionalLong.of(child.pid());
        }

        @Override
        public boolean isAlive() {
            return child.isAlive();
        }

        @Override
        public CompletableFuture<Integer> onExit() {
            return child.onExit();
        }

        @Override
        public void terminate(Duration grace) {
            boolean exited = !child.isAlive();
            if (handle.isPresent()) {
                ProcessTree.terminate(handle.get(), child.onExit(), child::isAlive, grace);
            } else if (!exited) {
                child.signal(true);
            }
            if (exited) {
                try {
                    ProcessTree.killTagged(LAUNCH_TAG, tag);
                } catch (RuntimeException e) {
                    // best effort, like every step of ending a process
                }
            }
        }
    }

    private static final class LocalProcess implements CliProcess {

        private final Process process;
        private final String tag;
        // Process.onExit() makes a new future, completed asynchronously, on every call: keep one
        private final CompletableFuture<Integer> exit;

        LocalProcess(Process process, String tag) {
            this.process = process;
            this.tag = tag;
            this.exit = process.onExit().thenApply(Process::exitValue);
        }

        @Override
        public OutputStream stdin() {
            return process.getOutputStream();
        }

        @Override
        public InputStream stdout() {
            return process.getInputStream();
        }

        @Override
        public InputStream stderr() {
            return process.getErrorStream();
        }

        @Override
        public OptionalLong pid() {
            return OptionalLong.of(process.pid());
        }

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public CompletableFuture<Integer> onExit() {
            return exit;
        }

        @Override
        public void terminate(Duration grace) {
            boolean exited = !process.isAlive();
            ProcessTree.terminate(process.toHandle(), grace);
            if (exited) {
                // the CLI is gone: what is left of its launch no longer descends from it
                try {
                    ProcessTree.killTagged(LAUNCH_TAG, tag);
                } catch (RuntimeException e) {
                    // best effort, like every step of ending a process
                }
            }
        }
    }
}
