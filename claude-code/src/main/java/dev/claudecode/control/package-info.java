/**
 * What a running session's controls return: the server's capabilities, models, account, agents,
 * context usage, effective settings, the result of rewinding files, and the session's health.
 * These are immutable values decoded from the CLI's control responses.
 */
package dev.claudecode.control;
