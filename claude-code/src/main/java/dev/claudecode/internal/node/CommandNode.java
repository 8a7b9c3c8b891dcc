package dev.claudecode.internal.node;

import dev.claudecode.errors.ClaudeCodeException;
import dev.claudecode.internal.process.BoundedOutput;
import dev.claudecode.node.CommandOptions;
import dev.claudecode.node.CommandResult;
import dev.claudecode.node.Node;
import dev.claudecode.errors.NodeCommandException;
import dev.claudecode.transport.CliProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A machine reached only through commands, as a {@link Node}: commands run through a {@link
 * CommandRunner}, and the file system is a {@link CommandFileSystem} over the same runner.
 */
public final class CommandNode implements Node {

    /** How long a command killed for its timeout gets between TERM and KILL. */
    private static final Duration KILL_GRACE = Duration.ofSeconds(1);
    /** How long to wait for the rest of the output once the command has exited. */
    private static final Duration DRAIN_WAIT = Duration.ofSeconds(5);

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
        if (command.isEmpty()) {
            throw new IllegalArgumentException("the command is empty");
        }
        CliProcess process;
        try {
            process = runner.start(command, options.environment(), options.workingDirectory());
        } catch (ClaudeCodeException e) {
            throw new NodeCommandException("cannot run " + command.get(0) + " on " + name + ": " + e.getMessage(), e);
        }
        Thread.Builder threads = Thread.ofVirtual().name("command-node-io");
        BoundedOutput stdout = new BoundedOutput(options.maxOutputBytes());
        BoundedOutput stderr = new BoundedOutput(options.maxOutputBytes());
        Thread out = threads.start(() -> stdout.drain(process.stdout()));
        Thread err = threads.start(() -> stderr.drain(process.stderr()));
        threads.start(() -> feed(process.stdin(), options.input().orElse(new byte[0])));
        try {
            int status = process.onExit().get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
            out.join(DRAIN_WAIT);
            err.join(DRAIN_WAIT);
            return new CommandResult(status, stdout.text(), stderr.text(), stdout.truncated() || stderr.truncated());
        } catch (TimeoutException e) {
            process.terminate(KILL_GRACE);
            throw new NodeCommandException(command.get(0) + " ran longer than " + options.timeout().toMillis()
                    + " ms on " + name + " and was killed");
        } catch (InterruptedException e) {
            process.terminate(KILL_GRACE);
            Thread.currentThread().interrupt();
            throw new NodeCommandException("interrupted while running " + command.get(0) + " on " + name, e);
        } catch (ExecutionException e) {
            throw new NodeCommandException("running " + command.get(0) + " on " + name + " failed: " + e.getCause(), e.getCause());
        }
    }

    // A command that does not read its input may end the stream under the writer; that is no error.
    private static void feed(OutputStream stdin, byte[] input) {
        try (stdin) {
            stdin.write(input);
        } catch (IOException e) {
            // the command has finished or the connection is gone; its exit says which
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
