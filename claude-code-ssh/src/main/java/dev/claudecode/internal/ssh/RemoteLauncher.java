package dev.claudecode.internal.ssh;

import dev.claudecode.errors.CliProcessException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts commands on the remote host: writes the {@link LaunchScript} (into a private file when
 * it carries an environment, which may hold secrets, so that nothing secret is ever part of a
 * command line on the host), runs it on an exec channel, reads the process id, hands the group
 * to the {@link Watchdog} and, once the watchdog has it, lets the command start.
 */
public final class RemoteLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteLauncher.class);
    private static final String SCRIPT_NAME = "launch.sh";
    /** Longer scripts go to a file: one argument on Linux may be at most 128 KiB. */
    private static final int MAX_INLINE_SCRIPT = 16 * 1024;
    /** How long a script that failed before starting the command may take to report its status. */
    private static final Duration FAILED_EXIT_WAIT = Duration.ofSeconds(5);

    private final SharedConnection shared;
    private final SshSettings settings;

    /**
     * Creates the launcher.
     *
     * @param shared the transport's connection
     * @param settings the transport's settings
     */
    public RemoteLauncher(SharedConnection shared, SshSettings settings) {
        this.shared = shared;
        this.settings = settings;
    }

    /**
     * Starts a command.
     *
     * @param command the program and its arguments, as the remote host names them
     * @param environment variables for it, on top of the login environment
     * @param workingDirectory where to run it; the login directory when empty
     * @param createWorkingDirectory whether to create the directory when it is missing
     * @return the running command
     * @throws CliProcessException when the command cannot be started; carries the exit status and
     *     the launch script's message when the script got that far
     * @throws dev.claudecode.ssh.SshConnectionException when the host cannot be reached
     */
    public RemoteProcess start(List<String> command, Map<String, String> environment, Optional<String> workingDirectory,
            boolean createWorkingDirectory) {
        SharedConnection.Lease lease = shared.acquire();
        SshConnection connection = lease.connection();
        Optional<String> privateDir = Optional.empty();
        boolean started = false;
        try {
            Watchdog watchdog = connection.watchdog();
            LaunchScript inline = new LaunchScript(command, environment, workingDirectory, createWorkingDirectory, Optional.empty());
            String commandLine;
            if (environment.isEmpty() && inline.text().length() <= MAX_INLINE_SCRIPT) {
                commandLine = "/bin/sh -c " + ShellQuote.quote(inline.text());
            } else {
                String dir = connection.newPrivateDirectory();
                privateDir = Optional.of(dir);
                LaunchScript script = new LaunchScript(command, environment, workingDirectory, createWorkingDirectory, privateDir);
                connection.writePrivateFile(dir, SCRIPT_NAME, script.text().getBytes(StandardCharsets.UTF_8));
                commandLine = "/bin/sh " + ShellQuote.quote(dir + "/" + SCRIPT_NAME);
            }
            ChannelExec channel = connection.openExec(commandLine);
            PidHeader header;
            try {
                header = PidHeader.read(channel.getInvertedErr(), settings.connectTimeout());
            } catch (IOException e) {
                channel.close(true);
                throw e;
            }
            if (header.pid().isEmpty()) {
                Integer status = exitStatus(channel);
                channel.close(false);
                throw new CliProcessException("cannot start " + command.get(0) + " on " + settings.address(), status, header.before());
            }
            long pid = header.pid().getAsLong();
            if (!header.before().isBlank()) {
                LOG.debug("The launch script on {} wrote: {}", settings.address(), header.before().strip());
            }
            if (!watchdog.watch(pid, settings.connectTimeout())) {
                // without the go-ahead the leader exits and the command never starts
                channel.close(true);
                throw new IOException("the watchdog on the host did not take the new process group " + pid);
            }
            OutputStream stdin = channel.getInvertedIn();
            stdin.write(LaunchScript.GO_AHEAD.getBytes(StandardCharsets.US_ASCII));
            stdin.flush();
            InputStream stderr = new ConnectionLossNotice(channel.getInvertedErr(), connection::lossDescription);
            RemoteProcess process = new RemoteProcess(channel, pid, stderr, watchdog, lease::close);
            started = true;
            return process;
        } catch (IOException e) {
            throw new CliProcessException("cannot start " + command.get(0) + " on " + settings.address() + ": " + e.getMessage(), e);
        } finally {
            if (!started) {
                privateDir.ifPresent(dir -> connection.deletePrivateFile(dir, SCRIPT_NAME));
                lease.close();
            }
        }
    }

    private static Integer exitStatus(ChannelExec channel) {
        channel.waitFor(EnumSet.of(ClientChannelEvent.EXIT_STATUS, ClientChannelEvent.EXIT_SIGNAL, ClientChannelEvent.CLOSED),
                FAILED_EXIT_WAIT);
        return RemoteExit.of(channel.getExitStatus(), channel.getExitSignal());
    }
}
