/**
 * How {@link dev.claudecode.ssh.pool.SessionPool} works: the hosts' load and states and the
 * placement rule ({@link dev.claudecode.internal.ssh.pool.Hosts}), the bounded health check
 * ({@link dev.claudecode.internal.ssh.pool.HealthCheck}), and a session's options and files on one
 * host ({@link dev.claudecode.internal.ssh.pool.HostPlace}). Conversations leave a host that can
 * no longer be read through the pool's {@link dev.claudecode.store.SessionStore}.
 */
package dev.claudecode.internal.ssh.pool;
