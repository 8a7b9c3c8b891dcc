/**
 * How stored sessions are read: a line splitter that hands each line to a streaming JSON parser
 * ({@link dev.claudecode.internal.history.LineReader}), a first pass that keeps only chain fields
 * ({@link dev.claudecode.internal.history.TranscriptScanner}), the chain and message grouping
 * ({@link dev.claudecode.internal.history.ConversationChain},
 * {@link dev.claudecode.internal.history.MessageGroups}), a second pass that reads only the
 * requested records ({@link dev.claudecode.internal.history.MessageReader}), and the head-and-tail
 * summaries used for listings ({@link dev.claudecode.internal.history.FileWindow},
 * {@link dev.claudecode.internal.history.SessionSummaries}). Not public API.
 */
package dev.claudecode.internal.history;
