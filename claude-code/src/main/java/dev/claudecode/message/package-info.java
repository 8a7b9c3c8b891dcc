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
 * <p>Every message holds an {@link dev.claudecode.message.Envelope}: its session id, its uuid and
 * the JSON it was decoded from, read through {@link dev.claudecode.message.Message#sessionId()},
 * {@link dev.claudecode.message.Message#uuid()} and {@link dev.claudecode.message.Message#raw()}, so
 * fields this library does not model are still at hand. Types and subtypes it does not know arrive
 * as {@link dev.claudecode.message.UnknownMessage} and {@link
 * dev.claudecode.message.UnknownSystemMessage} rather than failing.
 *
 * <p>Messages are made by the library's decoder. To build one in code, for example to test a
 * handler, use the builder of the wide records ({@link dev.claudecode.message.ResultMessage#builder()},
 * {@link dev.claudecode.message.AssistantMessage#builder()}, {@link
 * dev.claudecode.message.UserMessage#builder()}, {@link dev.claudecode.message.InitMessage#builder()},
 * {@link dev.claudecode.message.TaskStartedMessage#builder()}, {@link
 * dev.claudecode.message.HookResponseMessage#builder()}): their canonical constructors gain a
 * parameter whenever the CLI adds a field, builders do not.
 *
 * <pre>{@code
 * ResultMessage result = ResultMessage.builder()
 *         .result("4")
 *         .numTurns(1)
 *         .envelope(Envelope.of(Map.of("session_id", "s-1")))  // as if the CLI had written it
 *         .build();
 * }</pre>
 *
 * <p>No component of a message is null: an absent value is {@code Optional.empty()} or an empty
 * collection, and the constructors reject null with the name of the component.
 */
package dev.claudecode.message;
