/**
 * The entry points: {@link dev.claudecode.ClaudeCode} starts sessions and runs one-shot queries,
 * {@link dev.claudecode.Session} is one long-lived CLI conversation (its runtime controls behind
 * {@link dev.claudecode.Session#control()}), {@link dev.claudecode.MessageStream}
 * is one turn's messages, and {@link dev.claudecode.UserInput} is what a turn sends.
 *
 * <p>Everything else lives in packages by role: {@code options} (what a session is started with),
 * {@code message}, {@code content} and {@code usage} (what the CLI writes), {@code control} (the
 * runtime controls and what they return), {@code permission}, {@code hook} and {@code mcp} (callbacks answered in
 * Java), {@code history} (saved sessions), {@code cli} (finding and installing the CLI),
 * {@code transport} and {@code node} (where the CLI runs) and {@code errors} (the one exception
 * hierarchy). Packages under {@code dev.claudecode.internal} are the implementation; they are not API.
 */
package dev.claudecode;
