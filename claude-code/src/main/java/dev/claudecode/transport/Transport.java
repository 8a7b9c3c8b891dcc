package dev.claudecode.transport;

import dev.claudecode.options.ClaudeCodeOptions;

/**
 * Where a session's CLI runs. {@link LocalTransport} starts it as a child process of this JVM;
 * other transports run it on other machines and connect its standard streams here.
 */
public interface Transport {

    /**
     * Starts the CLI.
     *
     * @param spec what to run
     * @return the running process
     * @throws dev.claudecode.errors.CliProcessException when it cannot be started
     */
    CliProcess launch(LaunchSpec spec);

    /** {@return a short human-readable name of where processes run, such as {@code local}} */
    String name();

    /**
     * Finds the CLI executable on the machine where this transport runs it.
     *
     * @param configured the path the options name, if any
     * @return the executable, as a path on that machine
     * @throws dev.claudecode.errors.ClaudeCodeException when no CLI can be found there
     */
    default String executable(java.util.Optional<java.nio.file.Path> configured) {
        return configured.map(Object::toString).orElse("claude");
    }

    /**
     * The CLI executable for a session with these options, on the machine where the CLI runs. By
     * default the options' {@code cliPath} through {@link #executable(java.util.Optional)}; a
     * transport that can install a missing CLI (the local one) honours
     * {@link ClaudeCodeOptions#autoInstallCli()} too.
     *
     * @param options the session's options
     * @return the executable's path or command name
     */
    default String executable(ClaudeCodeOptions options) {
        return executable(options.cliPath());
    }

    /** {@return the machine the CLI runs on: its files and a way to run commands there} */
    dev.claudecode.node.Node node();
}
