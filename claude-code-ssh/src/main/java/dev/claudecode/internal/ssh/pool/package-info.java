/**
 * How {@link dev.claudecode.ssh.pool.SessionPool} works: the hosts' load and states and the
 * placement rule ({@link dev.claudecode.internal.ssh.pool.Hosts}), the bounded health check
 * ({@link dev.claudecode.internal.ssh.pool.HealthCheck}), a session's options and files on one
 * host ({@link dev.claudecode.internal.ssh.pool.HostPlace}), and the local transcript mirror
 * that lets a conversation leave a host that can no longer be read ({@link
 * dev.claudecode.internal.ssh.pool.TranscriptMirror}).
 */
package dev.claudecode.internal.ssh.pool;
