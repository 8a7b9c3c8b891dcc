/**
 * Answers what the CLI asks the SDK: permission prompts, hook callbacks, in-process MCP messages, MCP elicitations and user dialogs, each on a callback thread with its timeout, never on the reader. Implementation, not API.
 */
package dev.claudecode.internal.callback;
