/**
 * A running session's controls: {@link dev.claudecode.control.SessionControl}, which {@link
 * dev.claudecode.Session#control()} returns, and what its calls return: the server's capabilities,
 * models, account, agents, context usage, effective settings, the result of rewinding files, the
 * CLI's version, and the session's health. The results are immutable values decoded from the
 * CLI's control responses.
 */
package dev.claudecode.control;
