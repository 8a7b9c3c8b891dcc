/**
 * The typed messages the Claude Code CLI writes while it runs a session.
 *
 * <p>{@link dev.claudecode.message.Message} is a sealed hierarchy. Each turn starts with an {@link
 * dev.claudecode.message.InitMessage}, goes on with {@link dev.claudecode.message.AssistantMessage}s,
 * {@link dev.claudecode.message.UserMessage}s (mostly tool results), optional {@link
 * dev.claudecode.message.StreamEventMessage}s and other {@link dev.claudecode.message.SystemMessage}s,
 * and ends with exactly one {@link dev.claudecode.message.ResultMessage}. Switch over messages with
 * pattern matching:
 *
 * <pre>{@code
 * for (Message message : turn) {
 *     switch (message) {
 *         case AssistantMessage a -> {
 *             System.out.print(a.text());
 *             a.toolUses().forEach(use -> System.out.println("-> " + use.name() + " " + use.input()));
 *         }
 *         case UserMessage u when !u.toolResults().isEmpty() ->
 *             u.toolResults().forEach(r -> System.out.println("<- " + r.text()));
 *         case ApiRetryMessage retry ->
 *             System.out.println("retrying after " + retry.retryDelayMs() + " ms");
 *         case ResultMessage r when r.isSuccess() ->
 *             System.out.printf("done in %d ms, $%.4f%n", r.durationMs(), r.totalCostUsd());
 *         case ResultMessage r ->
 *             System.out.println("failed: " + r.result().orElse(String.join("; ", r.errors())));
 *         default -> { } // init, stream events, notices, and types a newer CLI added
 *     }
 * }
 * }</pre>
 *
 * <p>Every message keeps the JSON it was decoded from in {@link dev.claudecode.message.Message#raw()},
 * so fields this library does not model are still at hand. Types and subtypes it does not know
 * arrive as {@link dev.claudecode.message.UnknownMessage} and {@link
 * dev.claudecode.message.UnknownSystemMessage} rather than failing.
 */
package dev.claudecode.message;
