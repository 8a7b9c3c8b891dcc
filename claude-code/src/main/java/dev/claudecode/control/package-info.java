/**
 * A running session's controls: {@link dev.claudecode.control.SessionControl}, which {@link
 * dev.claudecode.Session#control()} returns, and what its calls return: the server's capabilities,
 * models, account, agents, context usage, effective settings, the result of rewinding files, the
 * CLI's version, and the session's health; usage reports, permission rules, hooks listings,
 * plugin reloads, file contents and suggestions, background task output, MCP UI resources and
 * direct MCP calls; and the requests some of them take ({@link dev.claudecode.control.ReloadPlugins},
 * {@link dev.claudecode.control.McpCall}). The results are immutable values decoded from the
 * CLI's control responses, each keeping what it does not model in {@code raw} where the CLI's
 * shape is large or still changing.
 */
package dev.claudecode.control;
