package dev.claudecode.internal.node;

import dev.claudecode.node.CommandOptions;
import dev.claudecode.node.CommandResult;
import dev.claudecode.node.Node;
import dev.claudecode.errors.NodeCommandException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A machine reached only through commands, as a {@link Node}: commands run through a {@link
 * CommandRunner}, and the file system is a {@link CommandFileSystem} over the same runner.
 */
public final class CommandNode implements Node {

    private final String name;
    private final CommandRunner runner;
    private final CommandFileSystem fileSystem;

    /**
     * Creates the node.
     *
     * @param name a short name of the machine, such as {@code container://id}
     * @param runner starts commands there
     * @param home the home directory there, an absolute POSIX path
     * @param fileOperationTimeout how long one file system operation may take
     */
    public CommandNode(String name, CommandRunner runner, String home, Duration fileOperationTimeout) {
        this.name = name;
        this.runner = runner;
        this.fileSystem = new CommandFileSystem(name, new ShellCommands(runner, fileOperationTimeout), home);
    }

    @Override
    public String name() {
        return name;
    }

    /** @return the machine's files, reached through commands */
    @Override
    public FileSystem fileSystem() {
        return fileSystem;
    }

    @Override
    public Path home() {
        return fileSystem.home();
    }

    /**
     * Runs a command there, capturing its output.
     *
     * @throws NodeCommandException when it cannot be started or runs past its timeout (then it is
     *     terminated)
     */
    @Override
    public CommandResult run(List<String> command, CommandOptions options) {
        return CommandRun.run(name, runner, command, options);
    }

    @Override
    public String toString() {
        return name;
    }
}
