package dev.claudecode.node;

import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The machine a session's CLI runs on: its file system and a way to run commands there. For a
 * local session it is this machine; for a remote one, the remote host, with the same API, so
 * that code written against a node runs unchanged in both places.
 */
public interface Node {

    /**
     * {@return a short name of the machine, such as {@code local} or {@code ssh://user@host:22}}
     */
    String name();

    /** {@return the node's file system; its paths reach the node's files} */
    FileSystem fileSystem();

    /**
     * Makes a path on the node.
     *
     * @param first the path, or its first part
     * @param more further parts
     * @return the path, on the node's file system
     */
    default Path path(String first, String... more) {
        return fileSystem().getPath(first, more);
    }

    /** {@return the home directory of the user the node's commands run as} */
    Path home();

    /**
     * Runs a command on the node and waits for it, capturing its output.
     *
     * @param command the program and its arguments
     * @param options working directory, environment, input and timeout
     * @return its exit status and output
     * @throws dev.claudecode.errors.NodeCommandException when it cannot be run or runs past its timeout
     */
    CommandResult run(List<String> command, CommandOptions options);

    /**
     * Runs a command with the default options (the node's default directory, a 60 second
     * timeout).
     *
     * @param command the program and its arguments
     * @return its exit status and output
     */
    default CommandResult run(String... command) {
        return run(List.of(command), CommandOptions.defaults());
    }

    /**
     * A convenience for {@link #run(List, CommandOptions)} with a timeout only.
     *
     * @param timeout how long the command may run
     * @param command the program and its arguments
     * @return its exit status and output
     */
    default CommandResult run(Duration timeout, String... command) {
        return run(List.of(command), CommandOptions.defaults().withTimeout(timeout));
    }
}
