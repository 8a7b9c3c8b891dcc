/**
 * What a session is started with: {@link dev.claudecode.options.ClaudeCodeOptions} (an immutable
 * value built with a builder) and the value types of its options. Options are checked when they are
 * built, so that a bad combination fails with {@link dev.claudecode.errors.InvalidOptionsException}
 * naming every problem before any process starts.
 */
package dev.claudecode.options;
