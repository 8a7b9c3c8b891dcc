package dev.claudecode.internal.node;

import dev.claudecode.errors.ClaudeCodeException;
import dev.claudecode.errors.NodeCommandException;
import dev.claudecode.internal.process.BoundedOutput;
import dev.claudecode.node.CommandOptions;
import dev.claudecode.node.CommandResult;
import dev.claudecode.transport.CliProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One {@link dev.claudecode.node.Node#run} on a machine reached through commands: starts the
 * command, feeds it its input, captures its output within bounds and waits for its exit, killing
 * it when it runs past its timeout.
 */
public final class CommandRun {

    /** How long a command killed for its timeout gets between TERM and KILL. */
    private static final Duration KILL_GRACE = Duration.ofSeconds(1);
    /** How long to wait for the rest of the output once the command has exited. */
    private static final Duration DRAIN_WAIT = Duration.ofSeconds(5);

    private CommandRun() {
    }

    /**
     * Runs a command to its end.
     *
     * @param node the machine's name, for messages
     * @param runner starts the command there
     * @param command the program and its arguments
     * @param options its environment, directory, input, timeout and output bound
     * @return its exit status and output
     * @throws NodeCommandException when it cannot be started or runs past its timeout (then it is
     *     terminated)
     */
    public static CommandResult run(String node, CommandRunner runner, List<String> command, CommandOptions options) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("the command is empty");
        }
        CliProcess process;
        try {
            process = runner.start(command, options.environment(), options.workingDirectory());
        } catch (ClaudeCodeException e) {
            throw new NodeCommandException("cannot run " + command.get(0) + " on " + node + ": " + e.getMessage(), e);
        }
        Thread.Builder threads = Thread.ofVirtual().name("node-command-io");
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
                    + " ms on " + node + " and was killed");
        } catch (InterruptedException e) {
            process.terminate(KILL_GRACE);
            Thread.currentThread().interrupt();
            throw new NodeCommandException("interrupted while running " + command.get(0) + " on " + node, e);
        } catch (ExecutionException e) {
            throw new NodeCommandException("running " + command.get(0) + " on " + node + " failed: " + e.getCause(), e.getCause());
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
}
