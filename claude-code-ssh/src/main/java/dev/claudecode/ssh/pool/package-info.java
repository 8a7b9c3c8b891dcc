/**
 * Sessions spread over several hosts. A {@link dev.claudecode.ssh.pool.SessionPool} is given
 * hosts ({@link dev.claudecode.ssh.pool.PoolHost}: a transport, usually an {@link
 * dev.claudecode.ssh.SshTransport}, a capacity and host-specific variables), places each new
 * session on the least-loaded host that is up, checks the hosts' health, and moves a
 * conversation to another host when its host dies. A {@link dev.claudecode.ssh.pool.PooledSession}
 * is the session a caller holds: the turn methods of {@link dev.claudecode.Session}, history and
 * {@code execute} on whichever host it runs now, and the current {@code Session} for the rest.
 * {@link dev.claudecode.ssh.pool.PoolMetrics} and {@link dev.claudecode.ssh.pool.HostMetrics}
 * are snapshots of load, state, failures and failovers.
 *
 * <h2>What a move keeps</h2>
 * <ul>
 *   <li>Every completed turn. Each pooled session mirrors what its CLI writes to the pool's
 *       {@link dev.claudecode.store.SessionStore} as it runs (the CLI reports every transcript line
 *       on its output, so a dead or frozen host never has to be read). At the move, the new host's
 *       CLI resumes the conversation from the store with {@code --resume}, its transcript and
 *       subagent transcripts written into a temporary config directory there. The session id
 *       stays the same.</li>
 *   <li>Callbacks: they always ran in this JVM, so they go on unchanged.</li>
 *   <li>Listeners added to the pooled session.</li>
 * </ul>
 * <h2>What a move loses</h2>
 * <ul>
 *   <li>The turn that was running when the host died: it fails with a {@link
 *       dev.claudecode.errors.CliProcessException} and is not replayed, since its tools may already have
 *       acted. Its prompt may be in the store; the CLI then answers it with an empty "No
 *       response requested." on resume.</li>
 *   <li>Lines the store refused (reported as {@code mirror_error} messages).</li>
 *   <li>Everything on the old host's disk other than the transcript: files the session wrote,
 *       file checkpoints for {@code rewindFiles}, background task output. Keep work that must
 *       survive a host on shared storage or in a repository.</li>
 *   <li>The conversation of a session started with {@code noSessionPersistence} (there is no
 *       transcript) or {@code enableFileCheckpointing} (whose checkpoints could not follow): it
 *       is not mirrored and starts anew on the new host.</li>
 * </ul>
 *
 * <h2>Hosts that differ</h2>
 * Options are the same on every host; what differs goes in the host's variables (for example
 * {@code CLAUDE_CONFIG_DIR}) or is relative to each host's home: a working directory of
 * {@code ~/src/app} is {@code src/app} under the home of whichever host runs the session. The store
 * keys the session by the working directory as given, so it resumes on a host whose home differs.
 */
package dev.claudecode.ssh.pool;
