/**
 * Answers what the CLI asks the SDK: permission prompts, hook callbacks and in-process MCP messages, each on a callback thread with its timeout, never on the reader. Implementation, not API.
 */
package dev.claudecode.internal.callback;
