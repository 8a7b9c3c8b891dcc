/**
 * The implementation behind {@link dev.claudecode.store}: the summary fold, and the conversion of
 * stored transcripts into what the history readers take.
 */
package dev.claudecode.internal.store;
