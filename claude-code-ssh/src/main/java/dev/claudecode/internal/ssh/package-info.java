/**
 * How {@link dev.claudecode.ssh.SshTransport} works: the shared MINA SSHD connection and its
 * reconnects, host key checking, the ssh-agent client, the launch script and the watchdog that
 * run on the host, and the managed install copied to it.
 */
package dev.claudecode.internal.ssh;
