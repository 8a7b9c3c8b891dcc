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
 *   <li>Every completed turn. After each turn the pool copies the new part of the session's
 *       transcript ({@code <config dir>/projects/<project>/<session id>.jsonl}) and the files
 *       beside it ({@code <session id>/}: large tool results, subagent transcripts) into a local
 *       mirror, because a dead or frozen host cannot be read when the move happens. At the move
 *       the mirror is refreshed from the old host if it still answers, then copied to the new
 *       host, where the CLI resumes the conversation with {@code --resume}. The session id
 *       stays the same.</li>
 *   <li>Callbacks: they always ran in this JVM, so they go on unchanged.</li>
 *   <li>Listeners added to the pooled session.</li>
 * </ul>
 * <h2>What a move loses</h2>
 * <ul>
 *   <li>The turn that was running when the host died: it fails with a {@link
 *       dev.claudecode.errors.CliProcessException} and is not replayed, since its tools may already have
 *       acted. Its prompt may be in the mirror; the CLI then answers it with an empty "No
 *       response requested." on resume.</li>
 *   <li>A turn that ended less than a moment before the host died, if the host died before the
 *       mirror copied it (the copy starts at the turn's result and takes a few round trips).</li>
 *   <li>Everything on the old host's disk other than the transcript: files the session wrote,
 *       file checkpoints for {@code rewindFiles}, background task output. Keep work that must
 *       survive a host on shared storage or in a repository.</li>
 *   <li>The conversation of a session started with {@code noSessionPersistence}: there is no
 *       transcript, so it starts anew on the new host.</li>
 * </ul>
 *
 * <h2>Hosts that differ</h2>
 * Options are the same on every host; what differs goes in the host's variables (for example
 * {@code CLAUDE_CONFIG_DIR}) or is relative to each host's home: a working directory of
 * {@code ~/src/app} is {@code src/app} under the home of whichever host runs the session.
 */
package dev.claudecode.ssh.pool;
