/**
 * Sessions that outlive a machine: transcripts kept in a database that every JVM of a service can
 * reach, so that a conversation started on one host continues on any other.
 *
 * <p>The SPI is {@link dev.claudecode.store.SessionStore}; its values are
 * {@link dev.claudecode.store.SessionKey}, {@link dev.claudecode.store.SessionStoreEntry},
 * {@link dev.claudecode.store.StoredSession} and {@link dev.claudecode.store.SessionSummary}.
 * This package ships {@link dev.claudecode.store.InMemorySessionStore}; the modules
 * {@code claude-code-store-jdbc} (PostgreSQL) and {@code claude-code-store-redis} ship stores
 * for real databases, and {@code claude-code-testkit} a conformance suite for stores of one's own.
 * {@link dev.claudecode.store.StoreHistory} lists and reads stored sessions;
 * {@link dev.claudecode.store.SessionImport} copies sessions from disk into a store.
 *
 * <h2>How a session uses a store</h2>
 * <ul>
 *   <li><b>Mirroring.</b> With {@code ClaudeCodeOptions.sessionStore} set, the CLI is started with
 *       {@code --session-mirror} (CLI 2.1.332 and newer): after each write to its transcript file it
 *       reports the lines on stdout in a {@code transcript_mirror} frame naming the file. The session
 *       maps the file to a key ({@code <config>/projects/<projectKey>/<sessionId>.jsonl} is a main
 *       transcript, {@code .../<sessionId>/<subpath>.jsonl} a subagent's) and appends the lines to
 *       the store on a background thread, {@linkplain dev.claudecode.store.SessionStoreFlush batched}
 *       by default: at the end of each turn, at close, and past 500 lines or 1 MiB.
 *       {@code Session.flushSessionStore} waits for what was reported so far; closing a session
 *       waits for its last lines. The CLI does not mirror its API-request log records, which no
 *       resume needs. (Verified on CLI 2.1.197 and 2.1.332, which write the same frames.)</li>
 *   <li><b>Keys.</b> A session is stored under the project key of its working directory (the
 *       CLI's project directory name), or under {@code ClaudeCodeOptions.sessionStoreProjectKey}
 *       when set: a tenant's name, or a key that stays the same on machines where the working
 *       directory differs. Resuming writes the transcript under the directory name the CLI expects
 *       there, whatever the key.</li>
 *   <li><b>Failures.</b> A failed append is retried twice (after 200 ms and 800 ms); after the third
 *       failure the batch is dropped and the session's listeners get a {@code mirror_error}
 *       message. The conversation goes on: the CLI's own file is complete.</li>
 *   <li><b>Resume.</b> A session resumed with a store ({@code resume}, or {@code continueConversation},
 *       which picks the store's newest session of the project) loads the transcript and its
 *       subagent transcripts from the store, each within the load timeout, writes them into a new
 *       private temporary config directory, and starts the CLI there with {@code CLAUDE_CONFIG_DIR}
 *       pointing at it; the directory is deleted when the session closes. The CLI's own config
 *       directory is not needed, so any machine that reaches the store can resume.</li>
 * </ul>
 */
package dev.claudecode.store;
