/**
 * The library's one exception hierarchy. Every exception is unchecked and extends
 * {@link dev.claudecode.errors.ClaudeCodeException}: catch that to handle anything the library throws,
 * or a subtype for one kind of failure (the CLI is missing or exited, a control request failed or
 * timed out, the protocol broke, the session is closed, options are invalid, a saved session is
 * missing, a command on a node failed).
 */
package dev.claudecode.errors;
