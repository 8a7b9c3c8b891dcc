/**
 * OpenTelemetry traces of Claude Code sessions, on the OpenTelemetry API only (the application
 * brings the SDK or agent and its exporters): {@link dev.claudecode.opentelemetry.ClaudeCodeTracing},
 * a {@link dev.claudecode.observe.SessionObserver}, and {@link dev.claudecode.opentelemetry.CliTelemetry},
 * which turns on the CLI's own traces so that they join the session's.
 *
 * <h2>The span tree of a turn</h2>
 * <pre>
 * (the caller's span)
 * └─ claude_code.turn                     gen_ai.conversation.id, gen_ai.response.model, gen_ai.usage.*,
 *    │                                    claude_code.turn.num_turns, claude_code.turn.cost_usd,
 *    │                                    claude_code.session.cost_usd, claude_code.result.subtype, ...
 *    ├─ claude_code.cli.launch            (only when the turn had to start a CLI) claude_code.launch.reason
 *    └─ claude_code.tool_use              gen_ai.tool.name, gen_ai.tool.call.id, claude_code.tool.is_error
 *       ├─ claude_code.callback           claude_code.callback.kind = can_use_tool | hook | mcp_tool,
 *       │                                 claude_code.callback.name, claude_code.callback.outcome
 *       └─ (spans the callback's own code starts)
 * </pre>
 * The session's first {@code claude_code.cli.launch} is a child of the span current when the session
 * was started; {@code claude_code.control} spans are children of the span current at the control
 * call. A CLI whose telemetry is on ({@link dev.claudecode.opentelemetry.CliTelemetry}) puts its
 * {@code claude_code.interaction} spans under its launch span.
 *
 * <p>Session store appends are not traced (they run in the background, after the turn); the
 * {@code claude-code-micrometer} module measures them.
 */
package dev.claudecode.opentelemetry;
