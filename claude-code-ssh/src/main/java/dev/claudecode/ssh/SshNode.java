package dev.claudecode.ssh;

import dev.claudecode.internal.node.CommandRun;
import dev.claudecode.internal.ssh.RemoteLauncher;
import dev.claudecode.internal.ssh.SharedConnection;
import dev.claudecode.node.CommandOptions;
import dev.claudecode.node.CommandResult;
import dev.claudecode.node.Node;
import dev.claudecode.errors.NodeCommandException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
        return CommandRun.run(name, (program, environment, workingDirectory) ->
                launcher.start(program, environment, workingDirectory, false, Map.of()), command, options);
    }

    @Override
    public String toString() {
        return name;
    }
}
