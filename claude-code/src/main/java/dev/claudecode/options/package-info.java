/**
 * What a session is started with: {@link dev.claudecode.options.ClaudeCodeOptions} (an immutable
 * value built with a builder) and the value types of its options. Choices that exclude each other
 * are sealed types, so that a contradiction cannot be expressed at all: which conversation the
 * session starts in ({@link dev.claudecode.options.SessionStart}), a system prompt given inline or
 * read from a file ({@link dev.claudecode.options.PromptText}), thinking
 * ({@link dev.claudecode.options.Thinking}), settings ({@link dev.claudecode.options.Settings}),
 * built-in tools ({@link dev.claudecode.options.BaseTools}), the inherited environment
 * ({@link dev.claudecode.options.InheritEnv}) and the skills offered
 * ({@link dev.claudecode.options.Skills}). Each option's Javadoc names the CLI flag, the
 * {@code initialize} field or the environment variable that carries it. The rest are checked when the options are built, so
 * that a bad value or combination fails with {@link dev.claudecode.errors.InvalidOptionsException}
 * naming every problem before any process starts.
 */
package dev.claudecode.options;
