package dev.claudecode.console.terminal;

import dev.claudecode.node.Node;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.transport.CliProcess;
import dev.claudecode.transport.LaunchSpec;
import dev.claudecode.transport.LocalTransport;
import dev.claudecode.transport.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the CLI on this machine in a session of its own ({@code setsid}), away from the terminal's
 * process group, so that Ctrl-C at the terminal reaches the console only, which then interrupts
 * the turn, instead of also ending the CLI (which quits on SIGINT). {@code setsid} replaces itself
 * with the CLI, so the process is the CLI's. Where {@code setsid} is missing, the CLI runs as usual.
 */
public final class DetachedTransport implements Transport {

    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    private final Transport local;
    private final Optional<Path> setsid;

    private DetachedTransport(Transport local, Optional<Path> setsid) {
        this.local = local;
        this.setsid = setsid;
    }

    /** @return the transport, detaching where {@code setsid} exists */
    public static DetachedTransport create() {
        return new DetachedTransport(LocalTransport.create(), SETSID.stream().filter(Files::isExecutable).findFirst());
    }

    /** @return whether the CLI is kept out of the terminal's reach */
    public boolean detaches() {
        return setsid.isPresent();
    }

    @Override
    public CliProcess launch(LaunchSpec spec) {
        if (setsid.isEmpty()) {
            return local.launch(spec);
        }
        List<String> arguments = new ArrayList<>();
        arguments.add(spec.executable());
        arguments.addAll(spec.arguments());
        return local.launch(new LaunchSpec(setsid.get().toString(), arguments, spec.environment(), spec.inherit(), spec.workingDirectory()));
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public String executable(Optional<Path> configured) {
        return local.executable(configured);
    }

    /** Resolves the CLI as the local transport does, installing the pinned one when none is found. */
    @Override
    public String executable(ClaudeCodeOptions options) {
        return local.executable(options);
    }

    @Override
    public Node node() {
        return local.node();
    }
}
