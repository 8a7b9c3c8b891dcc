package dev.claudecode.transport;

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

    /** @return a short human-readable name of where processes run, such as {@code local} */
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

    /** @return the machine the CLI runs on: its files and a way to run commands there */
    dev.claudecode.node.Node node();
}
