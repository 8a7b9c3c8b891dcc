/**
 * Micrometer metrics of Claude Code sessions: {@link dev.claudecode.micrometer.ClaudeCodeMetrics},
 * a {@link dev.claudecode.observe.SessionObserver} that registers the meters of {@link
 * dev.claudecode.micrometer.MeterNames} in the application's {@code MeterRegistry}.
 *
 * <table>
 * <caption>Meters</caption>
 * <tr><th>meter</th><th>type</th><th>tags</th></tr>
 * <tr><td>{@code claude_code.sessions.active}</td><td>gauge</td><td></td></tr>
 * <tr><td>{@code claude_code.turns}</td><td>timer (count and latency of turns)</td><td>{@code outcome} (success, error, failed), {@code model}</td></tr>
 * <tr><td>{@code claude_code.cost}</td><td>counter, US dollars</td><td>{@code model}</td></tr>
 * <tr><td>{@code claude_code.tokens}</td><td>counter</td><td>{@code type} (input, output, cache_read, cache_creation), {@code model}</td></tr>
 * <tr><td>{@code claude_code.tool.calls}</td><td>timer</td><td>{@code tool}, {@code outcome} (ok, error, no_result)</td></tr>
 * <tr><td>{@code claude_code.callbacks}</td><td>timer (callback latency)</td><td>{@code kind} (can_use_tool, hook, mcp_tool), {@code outcome} (allow, deny, ok, error, failed)</td></tr>
 * <tr><td>{@code claude_code.cli.launches}</td><td>timer (launch to handshake)</td><td>{@code reason} (start, restart, reset), {@code outcome} (ok, failed)</td></tr>
 * <tr><td>{@code claude_code.cli.restarts}</td><td>counter</td><td></td></tr>
 * <tr><td>{@code claude_code.control.requests}</td><td>timer</td><td>{@code subtype}, {@code outcome} (ok, error, timeout)</td></tr>
 * <tr><td>{@code claude_code.control.timeouts}</td><td>counter</td><td>{@code subtype}</td></tr>
 * <tr><td>{@code claude_code.store.appends}</td><td>timer (store append latency, each attempt)</td><td>{@code outcome} (ok, failed)</td></tr>
 * <tr><td>{@code claude_code.store.append.failures}</td><td>counter</td><td></td></tr>
 * <tr><td>{@code claude_code.store.appended.entries}</td><td>counter</td><td></td></tr>
 * </table>
 *
 * <h2>Why plain meters, not the Micrometer Observation API</h2>
 * The core reports every operation through its own {@code SessionObserver}, which already has the
 * start/scope/end shape of a Micrometer {@code Observation}. Building the metrics on {@code
 * ObservationRegistry} would add nothing the meters need, and with Micrometer Tracing on the
 * classpath it would also open a second set of spans beside those of {@code
 * claude-code-opentelemetry}. Plain meters keep the names, tags and units exact (a cost counter in
 * dollars, token counters by type, which an observation's timer cannot express) and leave tracing
 * to the tracing module. Every meter name is prefixed {@code claude_code.}; registries rename them
 * to their conventions (Prometheus: {@code claude_code_turns_seconds_count}).
 *
 * <p>A turn's cost is how much the CLI's cumulative {@code total_cost_usd} grew during the turn
 * ({@link dev.claudecode.observe.TurnOutcome#costUsd()}); tokens are those of the turn's main loop
 * ({@code result.usage}).
 */
package dev.claudecode.micrometer;
