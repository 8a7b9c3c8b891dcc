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
 * <p>Every message kind the TypeScript Agent SDK 0.3.336 declares has its record, as have the two
 * that CLI 2.1.332 writes beyond them. The kinds added since CLI 2.1.197, with the version that
 * added each (the first CLI whose SDK declared it):
 *
 * <ul>
 *   <li>{@link dev.claudecode.message.ToolUseSummaryMessage} ({@code tool_use_summary}, 2.1.19),
 *       {@link dev.claudecode.message.ConversationResetMessage} ({@code conversation_reset}, 2.1.203),
 *       {@link dev.claudecode.message.ActiveGoalMessage} ({@code active_goal}, 2.1.203) and {@link
 *       dev.claudecode.message.CommandLifecycleMessage} ({@code command_lifecycle}, sent to SDK
 *       clients by 2.1.332);
 *   <li>system subtypes: {@link dev.claudecode.message.FilesPersistedMessage} (2.1.23), {@link
 *       dev.claudecode.message.LocalCommandOutputMessage} (2.1.63), {@link
 *       dev.claudecode.message.ElicitationCompleteMessage} (2.1.63), {@link
 *       dev.claudecode.message.SessionStateChangedMessage} (2.1.83), {@link
 *       dev.claudecode.message.MemoryRecallMessage} (2.1.105), {@link
 *       dev.claudecode.message.PluginInstallMessage} (2.1.108), {@link
 *       dev.claudecode.message.PermissionDeniedMessage} (2.1.136), {@link
 *       dev.claudecode.message.ModelRefusalFallbackMessage} (2.1.170), {@link
 *       dev.claudecode.message.WorkerShuttingDownMessage} (2.1.178), {@link
 *       dev.claudecode.message.ModelRefusalNoFallbackMessage} (2.1.193), {@link
 *       dev.claudecode.message.BackgroundTasksChangedMessage} (2.1.203, listing {@link
 *       dev.claudecode.message.BackgroundTask}s), {@link
 *       dev.claudecode.message.ControlRequestProgressMessage} (2.1.203), {@link
 *       dev.claudecode.message.SessionTitleChangedMessage} (2.1.307) and {@link
 *       dev.claudecode.message.SessionWritesLostMessage} (2.1.317); {@link
 *       dev.claudecode.message.MirrorErrorMessage} is made by the session itself;
 *   <li>parts of known messages: {@link dev.claudecode.message.MessageOrigin} (where a turn or user
 *       message came from) and {@link dev.claudecode.message.ToolResultMeta} (how a tool use's
 *       permission was decided).
 * </ul>
 *
 * <p>A CLI older than a kind simply never writes it. Fields newer CLIs added to the known kinds are
 * typed accessors too, empty where the CLI did not send them: on results the uuids of the caller's
 * messages a turn answered, the number of turns still queued, the result's index and why a start-up
 * failed; on assistant messages the subagent, whether an interrupt cut the message off and the
 * {@code /context} report; on task messages the run id and whether the task runs in the
 * background.
 *
 * <p>Messages are made by the library's decoder. To build one in code, for example to test a
 * handler, use the builder of the wide records ({@link dev.claudecode.message.ResultMessage#builder()},
 * {@link dev.claudecode.message.AssistantMessage#builder()}, {@link
 * dev.claudecode.message.UserMessage#builder()}, {@link dev.claudecode.message.InitMessage#builder()},
 * {@link dev.claudecode.message.TaskStartedMessage#builder()}, {@link
 * dev.claudecode.message.HookResponseMessage#builder()}, {@link
 * dev.claudecode.message.ModelRefusalFallbackMessage#builder()}): their canonical constructors gain a
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
