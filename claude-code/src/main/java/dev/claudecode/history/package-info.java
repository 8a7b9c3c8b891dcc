/**
 * Stored sessions: list them and read their conversations from the CLI's files, with no CLI
 * running, over any {@link java.nio.file.FileSystem}.
 *
 * <p>Entry point: {@link dev.claudecode.history.History}. Values:
 * {@link dev.claudecode.history.SessionInfo}, {@link dev.claudecode.history.SessionMessage};
 * queries: {@link dev.claudecode.history.SessionListQuery},
 * {@link dev.claudecode.history.HistoryQuery}, both paged by {@link dev.claudecode.history.Page}; names: {@link dev.claudecode.history.ProjectDirectories}.
 *
 * <h2>What this package assumes about the files (CLI 2.1.197 and 2.1.332, as recorded)</h2>
 *
 * <p>2.1.332 adds record types (API requests, cost state, tool use) that make its files several
 * times larger, often beyond the head-and-tail window a listing reads; they are not messages, and
 * the conversation read from them is the same (protocol/README.md §13.6).
 *
 * <ul>
 *   <li><b>Layout.</b> Under the config directory ({@code CLAUDE_CONFIG_DIR}, default
 *       {@code ~/.claude}): {@code projects/<encoded cwd>/<session-id>.jsonl} is a session's
 *       transcript. Beside it, {@code <session-id>/tool-results/} holds large tool outputs and
 *       {@code <session-id>/subagents/} subagent transcripts; {@code file-history/<session-id>/}
 *       holds file checkpoints and {@code sessions/<pid>.json} the live-process registry. There is
 *       no index file: the directory listing is the index, and a transcript's modification time is
 *       the session's.</li>
 *   <li><b>Directory names.</b> The cwd (symlinks resolved) with every UTF-16 code unit outside
 *       {@code [A-Za-z0-9]} replaced by {@code '-'}; past 200 characters, cut to 200 plus
 *       {@code '-'} and the base-36 {@code |String.hashCode()|} of the path. Older names are also
 *       recognized, see {@link dev.claudecode.history.ProjectDirectories#find}.</li>
 *   <li><b>Session ids</b> are UUIDs and transcript names are {@code <uuid>.jsonl}; other names
 *       are not sessions, and ids that are not UUIDs are refused before any path is built.</li>
 *   <li><b>Records.</b> One JSON object per {@code \n}-terminated UTF-8 line, appended as the
 *       session runs. Lines can be megabytes long (tool results); the last line of a killed
 *       process can be cut off; field order is not fixed and new record types appear. Malformed
 *       lines are skipped, counted, and reported in one warning per file.</li>
 *   <li><b>The conversation is a tree.</b> {@code user}, {@code assistant}, {@code system} and
 *       {@code attachment} records carry {@code uuid} and {@code parentUuid}; the conversation is
 *       the path from the leaf back to the root. The {@code last-prompt} record written after each
 *       turn names the leaf ({@code leafUuid}). Records with {@code isSidechain: true} are a
 *       subagent's. A {@code system/compact_boundary} record starts a new chain and names the
 *       compacted one in {@code logicalParentUuid}; its child is the summary
 *       ({@code isCompactSummary}), and the records it kept ({@code compactMetadata.preservedSegment})
 *       are re-linked below the summary.</li>
 *   <li><b>One assistant record per content block.</b> The CLI writes thinking, text and each
 *       tool call of one API message as separate records with the same {@code message.id}; they are
 *       read back as one message.</li>
 *   <li><b>Not messages:</b> {@code queue-operation}, {@code attachment}, {@code system},
 *       {@code last-prompt}, {@code ai-title}, {@code custom-title}, {@code summary},
 *       {@code mode}, {@code file-history-snapshot} and any other type. Titles come from
 *       {@code custom-title} (set by the user), then {@code ai-title} (generated), then
 *       {@code summary} (older CLIs).</li>
 *   <li><b>Listing reads 64 KiB at each end</b> of a transcript (seeking past the middle where the
 *       file system allows), which holds the first prompt and cwd at the head and the newest titles
 *       and last prompt at the tail. A message count needs the whole file, so it is present only
 *       for files that fit in the two windows, or when the listing is asked to count.</li>
 * </ul>
 */
package dev.claudecode.history;
