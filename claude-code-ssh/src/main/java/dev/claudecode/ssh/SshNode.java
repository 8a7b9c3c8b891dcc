package dev.claudecode.ssh;

import dev.claudecode.errors.CliProcessException;
import dev.claudecode.internal.process.BoundedOutput;
import dev.claudecode.internal.ssh.RemoteLauncher;
import dev.claudecode.internal.ssh.RemoteProcess;
import dev.claudecode.internal.ssh.SharedConnection;
import dev.claudecode.node.CommandOptions;
import dev.claudecode.node.CommandResult;
import dev.claudecode.node.Node;
import dev.claudecode.errors.NodeCommandException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A remote host as a {@link Node}: its files are a {@link FileSystem} over SFTP and its commands
 * run over SSH exec channels, all on the {@link SshTransport}'s one connection.
 *
 * <p>The file system belongs to the connection. When the connection is closed (idle, lost, or by
 * {@link SshTransport#close()}) its paths stop working, and the next call to {@link
 * #fileSystem()}, {@link #path} or {@link #home()} connects again and returns paths of the new
 * connection; so take paths from the node when you need them rather than keeping them.
 *
 * <p>{@link #run} runs the command in a process group of its own, killed as a whole when the
 * timeout passes or the connection drops. Its environment travels in a private file, never on a
 * command line, like a launched CLI's.
 */
public final class SshNode implements Node {

    /** How long a command killed for its timeout may take to go. */
    private static final Duration KILL_GRACE = Duration.ofSeconds(1);
    /** How long to wait for the rest of the output once the command has exited. */
    private static final Duration DRAIN_WAIT = Duration.ofSeconds(5);

    private final String name;
    private final SharedConnection connection;
    private final RemoteLauncher launcher;

    SshNode(String name, SharedConnection connection, RemoteLauncher launcher) {
        this.name = name;
        this.connection = connection;
        this.launcher = launcher;
    }

    /** @return {@code ssh://user@host:port} */
    @Override
    public String name() {
        return name;
    }

    /**
     * The host's file system, over SFTP on the transport's connection.
     *
     * @return the file system of the current connection
     * @throws SshConnectionException when the host cannot be reached
     */
    @Override
    public FileSystem fileSystem() {
        return connection.current().fileSystem();
    }

    /**
     * The remote user's home directory: where the SFTP server starts.
     *
     * @return the home directory, on {@link #fileSystem()}
     * @throws SshConnectionException when the host cannot be reached
     */
    @Override
    public Path home() {
        return connection.current().fileSystem().getDefaultDir();
    }

    /**
     * Runs a command on the host, in the given directory (which must exist) with the given
     * variables added to the login environment.
     *
     * @throws NodeCommandException when the host cannot be reached, the command cannot be
     *     started, or it runs past its timeout (then its whole process group is killed)
     */
    @Override
    public CommandResult run(List<String> command, CommandOptions options) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("the command is empty");
        }
        RemoteProcess process;
        try {
            process = launcher.start(command, options.environment(), options.workingDirectory(), false, Map.of());
        } catch (CliProcessException | SshConnectionException e) {
            throw new NodeCommandException("cannot run " + command.get(0) + " on " + name + ": " + e.getMessage(), e);
        }
        Thread.Builder threads = Thread.ofVirtual().name("ssh-node-io");
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

    // A command that does not read its input ends the channel under the writer; that is no error.
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
