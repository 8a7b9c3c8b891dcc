package dev.claudecode.store;

/**
 * How soon the transcript lines a session's CLI reports are handed to its {@link SessionStore}.
 */
public enum SessionStoreFlush {

    /**
     * Lines are gathered and appended at the end of each turn, when the session closes, and
     * whenever more than 500 lines or 1 MiB are waiting: few, larger appends.
     */
    BATCHED,

    /**
     * Every report of the CLI (usually one to a few lines) is appended at once, in the background:
     * the store is at most a moment behind the CLI's own file, for the price of one append per report.
     */
    EAGER
}
