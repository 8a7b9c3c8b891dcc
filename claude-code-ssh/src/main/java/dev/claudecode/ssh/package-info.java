/**
 * Sessions on other machines. {@link dev.claudecode.ssh.SshTransport} runs the Claude Code CLI on
 * a remote host over SSH (Apache MINA SSHD on this side, any OpenSSH-compatible server on the
 * other), and its {@link dev.claudecode.ssh.SshNode} is that host as a {@link
 * dev.claudecode.node.Node}: the host's files as a {@link java.nio.file.FileSystem} over SFTP and
 * commands over exec channels, so code written against a node (history, {@code execute}) works
 * there unchanged. Only the CLI runs remotely; permission, hook and in-process MCP callbacks run
 * in this JVM, answered over the CLI's standard streams as for a local CLI.
 *
 * <p>To spread sessions over several hosts, with placement, health checks and failover, see
 * {@link dev.claudecode.ssh.pool.SessionPool}.
 *
 * <h2>Remote sessions</h2>
 * {@code ClaudeCode.start(options, transport)} runs a whole session there. The options describe
 * the host: their working directory, {@code CLAUDE_CONFIG_DIR} and file paths are paths on the
 * host ({@code ~/} at the start of the working directory is the remote home, and a relative one
 * is under it); the CLI is the transport's ({@link dev.claudecode.ssh.SshTransport#executable});
 * the CLI gets the variables the options give it (their variables, API key and the SDK's own
 * markers) on top of the remote login environment, never this JVM's. History is read where the
 * CLI wrote it: {@code <CLAUDE_CONFIG_DIR or ~/.claude>/projects/<real path of the working
 * directory>}, with symbolic links resolved over SFTP as the CLI resolves them on the host.
 *
 * <h2>Setting up a host</h2>
 * <ul>
 *   <li>An SSH server with public key login for the user the CLI runs as, and SFTP enabled
 *       ({@code Subsystem sftp} in OpenSSH; Debian and Ubuntu enable it by default).</li>
 *   <li>A POSIX {@code /bin/sh} and {@code setsid} (util-linux or busybox; every usual Linux
 *       image has one) or {@code perl} (macOS). The user's login shell must be POSIX-compatible
 *       (sh, bash, dash, zsh, ksh) for commands run with {@link dev.claudecode.ssh.SshNode#run}
 *       that carry no environment.</li>
 *   <li>The CLI: either installed there and named with {@link
 *       dev.claudecode.ssh.SshTransport.Builder#cliPath(String)}, or copied there by the transport
 *       from this machine's managed install ({@link dev.claudecode.ssh.SshTransport.Builder#managedCli()},
 *       into {@code ~/.cache/claude-code-java/cli/<version>/claude} on the host; the host needs no
 *       network access).</li>
 *   <li>The host's key in this machine's {@code ~/.ssh/known_hosts} (for example after one
 *       {@code ssh host} or {@code ssh-keyscan host >> ~/.ssh/known_hosts}, checked by hand).</li>
 *   <li>Enough channels: OpenSSH's {@code MaxSessions} (default 10) caps the channels of one
 *       connection; each running CLI or command takes one, the SFTP file system and the watchdog
 *       one each. Raise it on hosts that run more than eight sessions for one transport. sshd
 *       serves every channel of a connection from one process, which slows past about a
 *       thousand channels: spread larger fleets over several transports.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * <p>Every transport in the JVM shares the SSH client's I/O threads (one more than the cores) and
 * its timer; each connection adds the one thread that waits for its socket, and a session adds
 * none: its streams are read by virtual threads that wait in Java.
 *
 * <h2>Security model</h2>
 * <ul>
 *   <li>Host keys are checked strictly against known_hosts; an unknown, changed or revoked key
 *       fails the connection with a {@link dev.claudecode.ssh.HostKeyException} that says which
 *       (a changed key is reported as a possible interception, and the advice to fetch the key
 *       with {@code ssh-keyscan} is given only for a host never met before), and known_hosts is
 *       never written. {@link dev.claudecode.ssh.SshTransport.Builder#insecureAcceptAnyHostKey()}
 *       is the only way around it.</li>
 *   <li>Of the OpenSSH client configuration ({@code ~/.ssh/config}) only {@code Host} blocks with
 *       {@code HostName}, {@code User}, {@code Port}, {@code IdentityFile} and {@code
 *       IdentitiesOnly} apply, below what the builder sets; the host key is checked under the
 *       resolved host name, as OpenSSH does.</li>
 *   <li>A host that stops answering (frozen, or cut off without a reset) is noticed by keepalive
 *       probes: by default one every 3 s, and 3 unanswered end the connection, within about
 *       12 s. Its processes then exit with 255, and their stderr ends with a line naming the lost
 *       connection and the cause.</li>
 *   <li>Only public key authentication is offered: key files (encrypted ones with their
 *       passphrase) and the keys of an ssh-agent, reached through its Unix socket with the JDK's
 *       own socket channels.</li>
 *   <li>The launch environment carries the API key. It is never put on a command line, where any
 *       user of the host could read it in {@code /proc}: it is written over SFTP into a file (0600)
 *       inside a fresh directory with a random name (0700, made private before anything is
 *       written into it) under the remote temp directory, and the remote command deletes that
 *       directory before anything else, then starts the CLI with the variables exported. On the
 *       host the key is then only where a local CLI has it too: in the CLI's environment,
 *       readable by the same user and root.</li>
 *   <li>Every argument is quoted for the shell; nothing given to a launch is interpreted by a
 *       shell on the host.</li>
 * </ul>
 *
 * <h2>No orphans</h2>
 * Without a terminal, sshd does not signal a command when its channel closes or its connection
 * drops; it only closes the pipes. So each command runs in a process group of its own, whose id
 * the launch script reports before the command starts. {@link
 * dev.claudecode.transport.CliProcess#terminate} sends TERM to the group and KILL after the grace
 * period. A watchdog shell, one per connection, knows every group: when the connection closes or
 * drops, its input ends and it ends every group (TERM, five seconds, KILL). When a command exits
 * on its own, what it left in its group is ended too. The exit status is the remote one (a
 * signal gives 128 plus its number); a process whose connection was lost reports 255.
 */
package dev.claudecode.ssh;
