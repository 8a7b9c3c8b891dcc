/**
 * Test support for code that drives Claude Code, without a model account.
 *
 * <p>{@link dev.claudecode.testkit.FakeClaudeApi} is a scripted Anthropic Messages API on
 * {@code 127.0.0.1} that the real CLI talks to: queue {@link dev.claudecode.testkit.Reply replies},
 * start the CLI with the server's {@link dev.claudecode.testkit.FakeClaudeApi#environment()
 * environment}, and assert on the {@link dev.claudecode.testkit.RecordedRequest requests} it sent.
 *
 * <pre>{@code
 * try (FakeClaudeApi api = FakeClaudeApi.start()) {
 *     api.enqueue(
 *         Reply.toolUse("Bash", Map.of("command", "echo hi")),
 *         Reply.from(request -> Reply.text("Bash said " + request.toolResults().getLast().text())));
 *
 *     ProcessBuilder pb = new ProcessBuilder(TestCli.path().toString(),
 *         "--output-format", "stream-json", "--verbose", "--input-format", "stream-json",
 *         "--allowedTools", "Bash");
 *     api.applyEnvironment(pb.environment());
 *     // ... write an initialize request and a user message, read the result line ...
 *
 *     RecordedRequest last = api.lastMainRequest().orElseThrow();
 *     assertThat(last.toolResults()).extracting(ToolResult::text).containsExactly("hi");
 * }
 * }</pre>
 *
 * <p>With JUnit 5, {@code @ExtendWith(FakeClaudeApiExtension.class)} injects a fresh server into each
 * test. {@link dev.claudecode.testkit.FakeClaudeApi#standIn()} answers from the
 * {@link dev.claudecode.testkit.StandInModel}, a clearly labelled offline stand-in for a model.
 *
 * <p>{@link dev.claudecode.testkit.ElicitingMcpServer} is a stdio MCP server whose tool asks the
 * user for input (MCP elicitation), to test an application's {@code onElicitation} handler against
 * the real CLI.
 *
 * <p>For tests of what other processes see: {@link dev.claudecode.testkit.ArgvScanner} watches every
 * process's arguments for secrets while a test runs (over {@link dev.claudecode.testkit.ProcessTable},
 * Linux's {@code /proc}), and {@link dev.claudecode.testkit.LoopbackSshd} is a throwaway OpenSSH
 * server on 127.0.0.1 with generated keys, for SSH transports.
 */
package dev.claudecode.testkit;
