package dev.claudecode.internal.ssh;

import dev.claudecode.cli.CliInstaller;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything an SSH transport was configured with, defaults resolved.
 *
 * @param host the host name or address
 * @param port the SSH port
 * @param user the remote user
 * @param identityFiles private key files to offer
 * @param optionalIdentityFiles key files tried only when readable without a passphrase (the
 *     OpenSSH defaults, used when nothing was configured)
 * @param agentSocket the ssh-agent socket whose keys to offer
 * @param knownHosts the known_hosts file host keys are checked against; empty accepts any key
 * @param connectTimeout how long connecting, authenticating and opening a channel may each take
 * @param keepAliveInterval how often to probe a quiet connection; zero for never
 * @param keepAliveMaxMissed how many probes may go unanswered before the connection counts as dead
 * @param idleTimeout how long an unused connection stays open; zero for until closed
 * @param remoteTempDir where private launch files are written on the host
 * @param cliPath the CLI's path on the host, overriding what a launch asks for
 * @param managedCli the installer whose binary is copied to the host and run there
 * @param remoteCliCacheDir where on the host the copied binaries live, relative to the home
 *     directory unless absolute
 */
public record SshSettings(
        String host,
        int port,
        String user,
        List<IdentityFile> identityFiles,
        List<IdentityFile> optionalIdentityFiles,
        Optional<Path> agentSocket,
        Optional<Path> knownHosts,
        Duration connectTimeout,
        Duration keepAliveInterval,
        int keepAliveMaxMissed,
        Duration idleTimeout,
        String remoteTempDir,
        Optional<String> cliPath,
        Optional<CliInstaller> managedCli,
        String remoteCliCacheDir) {

    /** Copies the lists. */
    public SshSettings {
        identityFiles = List.copyOf(identityFiles);
        optionalIdentityFiles = List.copyOf(optionalIdentityFiles);
    }

    /** @return {@code ssh://user@host:port} */
    public String address() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return "ssh://" + user + "@" + shownHost + ":" + port;
    }
}
