package dev.claudecode.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.claudecode.content.ContentBlock;
import dev.claudecode.content.DocumentBlock;
import dev.claudecode.content.DocumentSource;
import dev.claudecode.content.ImageBlock;
import dev.claudecode.content.ImageSource;
import dev.claudecode.content.McpToolResultBlock;
import dev.claudecode.content.TextBlock;
import dev.claudecode.content.ThinkingBlock;
import dev.claudecode.content.ToolResultBlock;
import dev.claudecode.content.ToolResultContent;
import dev.claudecode.content.ToolUseBlock;
import dev.claudecode.content.UnknownBlock;
import dev.claudecode.internal.json.Json;
import dev.claudecode.message.ApiRetryMessage;
import dev.claudecode.message.AssistantMessage;
import dev.claudecode.message.BackgroundTask;
import dev.claudecode.message.BackgroundTasksChangedMessage;
import dev.claudecode.message.CommandLifecycleMessage;
import dev.claudecode.message.CommandsChangedMessage;
import dev.claudecode.message.Envelope;
import dev.claudecode.message.HookResponseMessage;
import dev.claudecode.message.HookStartedMessage;
import dev.claudecode.message.InformationalMessage;
import dev.claudecode.message.InitMessage;
import dev.claudecode.message.Message;
import dev.claudecode.message.MessageOrigin;
import dev.claudecode.message.NotificationMessage;
import dev.claudecode.message.PermissionDenial;
import dev.claudecode.message.PermissionDeniedMessage;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.message.SessionTitleChangedMessage;
import dev.claudecode.message.StatusMessage;
import dev.claudecode.message.StreamEventMessage;
import dev.claudecode.message.TaskNotificationMessage;
import dev.claudecode.message.TaskStartedMessage;
import dev.claudecode.message.TaskUpdatedMessage;
import dev.claudecode.message.TaskUsage;
import dev.claudecode.message.ThinkingTokensMessage;
import dev.claudecode.message.ToolUseMeta;
import dev.claudecode.message.UnknownMessage;
import dev.claudecode.message.UnknownSystemMessage;
import dev.claudecode.message.UserMessage;
import dev.claudecode.message.stream.ContentBlockDelta;
import dev.claudecode.message.stream.ContentBlockStart;
import dev.claudecode.message.stream.ContentBlockStop;
import dev.claudecode.message.stream.InputJsonDelta;
import dev.claudecode.message.stream.MessageDelta;
import dev.claudecode.message.stream.MessageStart;
import dev.claudecode.message.stream.MessageStop;
import dev.claudecode.message.stream.SignatureDelta;
import dev.claudecode.message.stream.TextDelta;
import dev.claudecode.message.stream.ThinkingDelta;
import dev.claudecode.message.stream.UnknownDelta;
import dev.claudecode.message.stream.UnknownStreamEvent;
import dev.claudecode.usage.ModelUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decodes every stdout line the real CLI wrote in the recorded scenarios, of every recorded CLI version;
 * the tests of particular lines read the 2.1.197 recordings they were written against.
 */
class MessageDecoderGoldenTest {

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void everyRecordedStdoutLineDecodesToATypedMessage(String version) {
        Set<String> files = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        List<String> problems = new ArrayList<>();
        int decoded = 0;
        for (GoldenTranscripts.Line line : GoldenTranscripts.stdoutOf(version)) {
            files.add(line.file());
            if (line.isControl()) {
                continue;
            }
            Message message = MessageDecoder.decode(line.msg());
            decoded++;
            kinds.add(message.getClass().getSimpleName());
            for (String unknown : unknownParts(message)) {
                problems.add(line + ": " + unknown);
            }
            if (!message.raw().equals(Json.toMap(line.msg()))) {
                problems.add(line + ": raw() differs from the line");
            }
            if (message.sessionId().isEmpty() || message.uuid().isEmpty()) {
                problems.add(line + ": no session id or uuid");
            }
        }
        assertThat(files).hasSize(64);
        assertThat(decoded).isGreaterThan(600);
        assertThat(problems).as("lines that decode, wholly or in part, as unknown").isEmpty();
        assertThat(kinds).contains(
                "InitMessage", "AssistantMessage", "UserMessage", "ResultMessage", "StreamEventMessage",
                "StatusMessage", "ThinkingTokensMessage", "ApiRetryMessage", "TaskStartedMessage",
                "TaskUpdatedMessage", "TaskNotificationMessage", "HookStartedMessage", "HookResponseMessage",
                "InformationalMessage", "NotificationMessage");
        if (version.equals(ProtocolRecordings.V2_1_197)) {
            // 2.1.332 no longer sent system/commands_changed after apply_flag_settings / reload_* (transcript 54)
            assertThat(kinds).contains("CommandsChangedMessage");
        } else {
            assertThat(kinds).contains("CommandLifecycleMessage", "BackgroundTasksChangedMessage",
                    "PermissionDeniedMessage", "SessionTitleChangedMessage");
        }
    }

    @Test
    void everyRecordedMessageWithABuilderRebuildsEqual() {
        Map<String, Integer> rebuilt = new TreeMap<>();
        for (GoldenTranscripts.Line line : GoldenTranscripts.stdout()) {
            if (line.isControl()) {
                continue;
            }
            Message message = MessageDecoder.decode(line.msg());
            Message copy = switch (message) {
                case InitMessage m -> m.toBuilder().build();
                case AssistantMessage m -> m.toBuilder().build();
                case UserMessage m -> m.toBuilder().build();
                case ResultMessage m -> m.toBuilder().build();
                case TaskStartedMessage m -> m.toBuilder().build();
                case HookResponseMessage m -> m.toBuilder().build();
                default -> message;
            };
            assertThat(copy).as(line.toString()).isEqualTo(message);
            rebuilt.merge(message.getClass().getSimpleName(), 1, Integer::sum);
        }
        assertThat(rebuilt).containsKeys("InitMessage", "AssistantMessage", "UserMessage", "ResultMessage",
                "TaskStartedMessage", "HookResponseMessage");
    }

    @Test
    void buildersSetEveryFieldOfTheNewlyBuildableMessages() {
        InitMessage init = first(ProtocolRecordings.V2_1_332, "02_initialize_hooks.jsonl", InitMessage.class);
        assertThat(InitMessage.builder()
                        .cwd(init.cwd()).tools(init.tools()).mcpServers(init.mcpServers()).model(init.model())
                        .permissionMode(init.permissionMode()).slashCommands(init.slashCommands())
                        .apiKeySource(init.apiKeySource()).claudeCodeVersion(init.claudeCodeVersion())
                        .outputStyle(init.outputStyle()).agents(init.agents()).skills(init.skills())
                        .plugins(init.plugins()).fastModeState(init.fastModeState().orElse(null))
                        .memoryPaths(init.memoryPaths()).betas(init.betas()).capabilities(init.capabilities())
                        .terminalSlashCommands(init.terminalSlashCommands()).pluginErrors(init.pluginErrors())
                        .fastModeDisabledReason(init.fastModeDisabledReason().orElse(null))
                        .effort(init.effort().orElse(null)).viewMode(init.viewMode().orElse(null))
                        .additionalDirectories(init.additionalDirectories()).originalCwd(init.originalCwd().orElse(null))
                        .sandboxEnabled(init.sandboxEnabled().orElse(null)).userMessageUuids(init.userMessageUuids())
                        .envelope(init.envelope())
                        .build())
                .isEqualTo(init);
        TaskStartedMessage task = first(ProtocolRecordings.V2_1_332, "13_subagent_task.jsonl", TaskStartedMessage.class);
        assertThat(TaskStartedMessage.builder()
                        .taskId(task.taskId()).toolUseId(task.toolUseId().orElse(null)).description(task.description())
                        .taskType(task.taskType().orElse(null)).subagentType(task.subagentType().orElse(null))
                        .prompt(task.prompt().orElse(null)).parentTaskId(task.parentTaskId().orElse(null))
                        .runId(task.runId().orElse(null)).isBackgrounded(task.isBackgrounded().orElse(null))
                        .spawnDepth(task.spawnDepth().orElseThrow()).workflowName(task.workflowName().orElse(null))
                        .skipTranscript(task.skipTranscript()).ambient(task.ambient())
                        .envelope(task.envelope())
                        .build())
                .isEqualTo(task);
        HookResponseMessage hook = first("38_include_hook_events.jsonl", HookResponseMessage.class);
        assertThat(HookResponseMessage.builder()
                        .hookId(hook.hookId()).hookName(hook.hookName()).hookEvent(hook.hookEvent())
                        .output(hook.output()).stdout(hook.stdout()).stderr(hook.stderr())
                        .exitCode(hook.exitCode().orElseThrow()).outcome(hook.outcome())
                        .envelope(hook.envelope())
                        .build())
                .isEqualTo(hook);
        assertThat(HookResponseMessage.builder().build().exitCode()).isEmpty();
        assertThat(TaskStartedMessage.builder().taskId("t").build().envelope()).isEqualTo(Envelope.EMPTY);
    }

    @Test
    void initCarriesTheSessionSetup() {
        InitMessage init = first("02_initialize_hooks.jsonl", InitMessage.class);
        assertThat(init.subtype()).isEqualTo("init");
        assertThat(init.type()).isEqualTo("system");
        assertThat(init.cwd()).isEqualTo("<CWD>");
        assertThat(init.tools()).hasSize(25).contains("Task", "Bash", "Read", "Write", "Edit");
        assertThat(init.model()).isEqualTo("claude-opus-4-8[1m]");
        assertThat(init.permissionMode()).isEqualTo("default");
        assertThat(init.slashCommands()).contains("compact", "review");
        assertThat(init.apiKeySource()).isEqualTo("ANTHROPIC_API_KEY");
        assertThat(init.claudeCodeVersion()).isEqualTo("2.1.197");
        assertThat(init.outputStyle()).isEqualTo("default");
        assertThat(init.agents()).contains("general-purpose", "Explore");
        assertThat(init.skills()).contains("debug");
        assertThat(init.plugins()).isEmpty();
        assertThat(init.fastModeState()).contains("off");
        assertThat(init.memoryPaths()).containsEntry("auto", "<CONFIG_DIR>/projects/<ENCODED_CWD>/memory/");
        assertThat(init.sessionId()).contains("6bb0ef52-784b-4194-9529-087f05770bf3");
        assertThat(init.uuid()).contains("ad65ac77-6cb2-4daf-9668-7bafe8ffb320");

        InitMessage withMcp = first("04_initialize_sdk_mcp.jsonl", InitMessage.class);
        assertThat(withMcp.mcpServers()).containsExactly(new InitMessage.McpServer("calc", "connected"));
    }

    @Test
    void assistantToolUseCarriesItsInput() {
        List<AssistantMessage> assistants = all("12_partial_messages_tool_use.jsonl", AssistantMessage.class);
        AssistantMessage toolCall = assistants.stream().filter(a -> !a.toolUses().isEmpty()).findFirst().orElseThrow();
        ToolUseBlock use = toolCall.toolUses().get(0);
        assertThat(use.id()).isEqualTo("toolu_fake_0031");
        assertThat(use.name()).isEqualTo("Bash");
        assertThat(use.input()).containsEntry("command", "echo hi").containsEntry("description", "Print hi");
        assertThat(toolCall.content()).containsExactly(use);
        assertThat(toolCall.text()).isEmpty();
        assertThat(toolCall.model()).isEqualTo("claude-opus-4-8");
        assertThat(toolCall.stopReason()).isEmpty();
        assertThat(toolCall.usage().inputTokens()).isEqualTo(10);
        assertThat(toolCall.usage().outputTokens()).isEqualTo(1);
        assertThat(toolCall.requestId()).hasValueSatisfying(id -> assertThat(id).startsWith("req_fake_"));
        assertThat(toolCall.parentToolUseId()).isEmpty();
        assertThat(toolCall.error()).isEmpty();

        // text and tool_use of one response arrive as separate lines sharing the message id
        AssistantMessage text = assistants.get(0);
        assertThat(text.text()).isNotEmpty();
        assertThat(text.messageId()).isEqualTo(toolCall.messageId());
    }

    @Test
    void mcpToolUseCarriesDisplayNames() {
        AssistantMessage call = first("40_sdk_mcp_tool_call.jsonl", AssistantMessage.class);
        assertThat(call.toolUses()).singleElement().satisfies(use -> {
            assertThat(use.name()).isEqualTo("mcp__calc__add");
            assertThat(use.input()).isEqualTo(Map.of("a", 2, "b", 3));
        });
        assertThat(call.toolUseMeta()).containsExactly(new ToolUseMeta("toolu_fake_0209", "Add", "calc"));

        UserMessage result = all("40_sdk_mcp_tool_call.jsonl", UserMessage.class).get(0);
        assertThat(result.toolResults()).singleElement().satisfies(r -> {
            assertThat(r.content()).isEqualTo(ToolResultContent.blocks(List.of(TextBlock.of("5"))));
            assertThat(r.text()).isEqualTo("5");
        });
        assertThat(result.toolUseResult()).contains(List.of(Map.of("type", "text", "text", "5")));
    }

    @Test
    void resultCarriesUsageAndCost() {
        ResultMessage result = first("02_initialize_hooks.jsonl", ResultMessage.class);
        assertThat(result.subtype()).isEqualTo("success");
        assertThat(result.isSuccess()).isTrue();
        assertThat(result.isError()).isFalse();
        assertThat(result.result()).contains("8");
        assertThat(result.numTurns()).isEqualTo(1);
        assertThat(result.durationMs()).isEqualTo(66);
        assertThat(result.durationApiMs()).isEqualTo(17);
        assertThat(result.ttftMs()).hasValue(61);
        assertThat(result.ttftStreamMs()).hasValue(61);
        assertThat(result.timeToRequestMs()).hasValue(49);
        assertThat(result.stopReason()).contains("end_turn");
        assertThat(result.totalCostUsd()).isCloseTo(0.000175, within(1e-12));
        assertThat(result.apiErrorStatus()).isEmpty();
        assertThat(result.terminalReason()).contains("completed");
        assertThat(result.fastModeState()).contains("off");
        assertThat(result.errors()).isEmpty();
        assertThat(result.structuredOutput()).isEmpty();
        assertThat(result.permissionDenials()).isEmpty();
        assertThat(result.usage().inputTokens()).isEqualTo(10);
        assertThat(result.usage().outputTokens()).isEqualTo(5);
        assertThat(result.usage().cacheCreationInputTokens()).isZero();
        assertThat(result.usage().cacheReadInputTokens()).isZero();
        assertThat(result.usage().serviceTier()).contains("standard");
        assertThat(result.usage().raw()).containsEntry("speed", "standard").containsKey("server_tool_use");
        assertThat(result.modelUsage()).containsOnlyKeys("claude-opus-4-8[1m]");
        ModelUsage model = result.modelUsage().get("claude-opus-4-8[1m]");
        assertThat(model.inputTokens()).isEqualTo(10);
        assertThat(model.outputTokens()).isEqualTo(5);
        assertThat(model.webSearchRequests()).isZero();
        assertThat(model.costUsd()).isCloseTo(0.000175, within(1e-12));
        assertThat(model.contextWindow()).isEqualTo(1_000_000);
        assertThat(model.maxOutputTokens()).isEqualTo(64_000);
    }

    @Test
    void resultListsPermissionDenials() {
        ResultMessage result = first("31_permission_deny.jsonl", ResultMessage.class);
        assertThat(result.permissionDenials()).containsExactly(new PermissionDenial(
                "Bash", "toolu_fake_0123", Map.of("command", "rm -rf ./build", "description", "Delete build dir")));
        assertThat(first("30b_permission_odd_answers.jsonl", ResultMessage.class).permissionDenials()).hasSize(3);
    }

    @Test
    void errorResultsCarryTheirErrors() {
        ResultMessage maxTurns = first("15_max_turns.jsonl", ResultMessage.class);
        assertThat(maxTurns.subtype()).isEqualTo("error_max_turns");
        assertThat(maxTurns.isError()).isTrue();
        assertThat(maxTurns.isSuccess()).isFalse();
        assertThat(maxTurns.errors()).containsExactly("Reached maximum number of turns (1)");
        assertThat(maxTurns.result()).isEmpty();
        assertThat(maxTurns.ttftMs()).isEmpty();
        assertThat(maxTurns.terminalReason()).contains("max_turns");
        assertThat(maxTurns.numTurns()).isEqualTo(2);

        ResultMessage unknownSession = first("24_resume_unknown_session.jsonl", ResultMessage.class);
        assertThat(unknownSession.subtype()).isEqualTo("error_during_execution");
        assertThat(unknownSession.errors()).singleElement().asString().startsWith("No conversation found");
        assertThat(unknownSession.modelUsage()).isEmpty();
        assertThat(unknownSession.terminalReason()).isEmpty();
    }

    @Test
    void structuredOutputIsPlainJava() {
        ResultMessage result = first("14_json_schema_structured_output.jsonl", ResultMessage.class);
        assertThat(result.structuredOutput()).contains(Map.of("answer", "42"));
        assertThat(result.result()).contains("{\"answer\":\"42\"}");
    }

    @Test
    void apiErrorsArriveAsSyntheticAssistantAndSuccessfulErrorResult() {
        AssistantMessage synthetic = first("73_api_500_exhausted.jsonl", AssistantMessage.class);
        assertThat(synthetic.model()).isEqualTo("<synthetic>");
        assertThat(synthetic.error()).contains("server_error");
        assertThat(synthetic.text()).startsWith("API Error: 500");
        assertThat(synthetic.stopReason()).contains("stop_sequence");
        assertThat(synthetic.stopSequence()).contains("");
        assertThat(synthetic.usage().serviceTier()).isEmpty();

        ResultMessage result = first("73_api_500_exhausted.jsonl", ResultMessage.class);
        assertThat(result.subtype()).isEqualTo("success");
        assertThat(result.isError()).isTrue();
        assertThat(result.isSuccess()).isFalse();
        assertThat(result.apiErrorStatus()).hasValue(500);
        assertThat(result.result()).hasValueSatisfying(text -> assertThat(text).startsWith("API Error: 500"));

        assertThat(first("76_api_400_invalid_request.jsonl", AssistantMessage.class).error()).contains("unknown");
        assertThat(first("79_api_error_mid_stream_no_fallback.jsonl", ResultMessage.class).apiErrorStatus()).isEmpty();
    }

    @Test
    void apiRetryCarriesAttemptAndDelay() {
        List<ApiRetryMessage> retries = all("72_api_500_retry_then_success.jsonl", ApiRetryMessage.class);
        assertThat(retries).hasSize(2);
        ApiRetryMessage first = retries.get(0);
        assertThat(first.attempt()).isEqualTo(1);
        assertThat(first.maxRetries()).isEqualTo(10);
        assertThat(first.retryDelayMs()).isCloseTo(542.5088678568318, within(1e-9));
        assertThat(first.errorStatus()).hasValue(500);
        assertThat(first.error()).isEqualTo("server_error");
        assertThat(retries.get(1).attempt()).isEqualTo(2);
        assertThat(first("77_api_429_rate_limit.jsonl", ApiRetryMessage.class).retryDelayMs()).isEqualTo(1000.0);
    }

    @Test
    void streamEventsCarryTheSseEvents() {
        List<StreamEventMessage> events = all("11_partial_messages.jsonl", StreamEventMessage.class);
        StreamEventMessage start = events.get(0);
        assertThat(start.ttftMs()).hasValue(6);
        assertThat(start.parentToolUseId()).isEmpty();
        assertThat(start.event()).isInstanceOfSatisfying(MessageStart.class, s -> {
            assertThat(s.messageId()).isEqualTo("msg_fake_0024");
            assertThat(s.model()).isEqualTo("claude-opus-4-8");
            assertThat(s.usage().inputTokens()).isEqualTo(10);
        });
        assertThat(events.get(1).event()).isEqualTo(new ContentBlockStart(0, new ThinkingBlock("", "")));

        StringBuilder thinking = new StringBuilder();
        StringBuilder text = new StringBuilder();
        List<String> signatures = new ArrayList<>();
        for (StreamEventMessage event : events) {
            if (event.event() instanceof ContentBlockDelta delta) {
                switch (delta.delta()) {
                    case ThinkingDelta d -> thinking.append(d.thinking());
                    case TextDelta d -> text.append(d.text());
                    case SignatureDelta d -> signatures.add(d.signature());
                    default -> throw new AssertionError("unexpected delta " + delta);
                }
            }
        }
        assertThat(thinking.toString()).startsWith("The user");
        assertThat(signatures).containsExactly("c2lnLXRoaW5raW5n");
        List<AssistantMessage> assistants = all("11_partial_messages.jsonl", AssistantMessage.class);
        assertThat(assistants.get(0).content()).singleElement().isInstanceOfSatisfying(ThinkingBlock.class, b -> {
            assertThat(b.thinking()).isEqualTo(thinking.toString());
            assertThat(b.signature()).isEqualTo("c2lnLXRoaW5raW5n");
        });
        assertThat(assistants.get(1).text()).isEqualTo(text.toString());

        assertThat(events).extracting(StreamEventMessage::event)
                .contains(new ContentBlockStop(0), new MessageStop())
                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(MessageDelta.class, d -> {
                    assertThat(d.stopReason()).contains("end_turn");
                    assertThat(d.stopSequence()).isEmpty();
                    assertThat(d.usage().outputTokens()).isEqualTo(5);
                }));
        assertThat(all("11_partial_messages.jsonl", ThinkingTokensMessage.class))
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.estimatedTokens()).isPositive());
        assertThat(first("11_partial_messages.jsonl", StatusMessage.class).status()).contains("requesting");
    }

    @Test
    void inputJsonDeltasJoinToTheToolInput() {
        List<StreamEventMessage> events = all("12_partial_messages_tool_use.jsonl", StreamEventMessage.class);
        assertThat(events).extracting(StreamEventMessage::event).anySatisfy(e -> assertThat(e).isEqualTo(
                new ContentBlockStart(1, new ToolUseBlock("toolu_fake_0031", "Bash", Map.of()))));
        String json = events.stream()
                .map(StreamEventMessage::event)
                .filter(e -> e instanceof ContentBlockDelta d && d.delta() instanceof InputJsonDelta)
                .map(e -> ((InputJsonDelta) ((ContentBlockDelta) e).delta()).partialJson())
                .collect(Collectors.joining());
        assertThat(Json.toMap(Json.parse(json)))
                .isEqualTo(Map.of("command", "echo hi", "description", "Print hi"));
    }

    @Test
    void toolResultsCarryTheStructuredToolResult() {
        UserMessage bash = first("12_partial_messages_tool_use.jsonl", UserMessage.class);
        assertThat(bash.toolResults()).containsExactly(ToolResultBlock.of("toolu_fake_0031", "hi"));
        assertThat(bash.toolUseResult()).hasValueSatisfying(result -> assertThat(result)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("stdout", "hi")
                .containsEntry("interrupted", false));
        assertThat(bash.timestamp()).contains("2026-11-24T15:00:50.449Z");
        assertThat(bash.textContent()).isEmpty();
        assertThat(bash.isReplay()).isFalse();
    }

    @Test
    void subagentTurnCarriesTaskMessages() {
        String file = "13_subagent_task.jsonl";
        TaskStartedMessage started = first(file, TaskStartedMessage.class);
        assertThat(started.taskId()).isEqualTo("afa2037bb95a2eaed");
        assertThat(started.toolUseId()).contains("toolu_parent_agent_1");
        assertThat(started.taskType()).contains("local_agent");
        assertThat(started.subagentType()).contains("general-purpose");
        assertThat(started.prompt()).contains("Reply with the word hi.");
        assertThat(started.description()).isEqualTo("Say hi via subagent");

        TaskUpdatedMessage updated = first(file, TaskUpdatedMessage.class);
        assertThat(updated.status()).contains("completed");
        assertThat(updated.patch()).containsEntry("end_time", 1795532451039L);

        TaskNotificationMessage done = first(file, TaskNotificationMessage.class);
        assertThat(done.taskId()).isEqualTo("afa2037bb95a2eaed");
        assertThat(done.toolUseId()).contains("toolu_parent_agent_1");
        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.outputFile()).isEmpty();
        assertThat(done.summary()).isEqualTo("Say hi via subagent");
        assertThat(done.usage()).contains(new TaskUsage(11, 0, 61));

        List<UserMessage> users = all(file, UserMessage.class);
        UserMessage prompt = users.get(0);
        assertThat(prompt.parentToolUseId()).contains("toolu_parent_agent_1");
        assertThat(prompt.subagentType()).contains("general-purpose");
        assertThat(prompt.taskDescription()).contains("Say hi via subagent");
        assertThat(prompt.text()).isEqualTo("Reply with the word hi.");

        ToolResultBlock agentResult = users.get(1).toolResults().get(0);
        assertThat(agentResult.content()).isInstanceOfSatisfying(ToolResultContent.Blocks.class,
                blocks -> assertThat(blocks.blocks()).hasSize(2).allMatch(b -> b instanceof TextBlock));
        assertThat(agentResult.text()).startsWith("hi (from the subagent)agentId:");

        TaskStartedMessage bash = first("53_stop_task.jsonl", TaskStartedMessage.class);
        assertThat(bash.taskType()).contains("local_bash");
        assertThat(bash.subagentType()).isEmpty();
        assertThat(bash.prompt()).isEmpty();
    }

    @Test
    void replayedAndSyntheticUserMessages() {
        UserMessage replay = first("25_replay_user_messages.jsonl", UserMessage.class);
        assertThat(replay.isReplay()).isTrue();
        assertThat(replay.textContent()).contains("hello with my own uuid");
        assertThat(replay.content()).containsExactly(TextBlock.of("hello with my own uuid"));
        assertThat(replay.text()).isEqualTo("hello with my own uuid");
        assertThat(replay.uuid()).contains("11111111-2222-4333-8444-555555555555");

        UserMessage setModel = first("50_control_subtypes.jsonl", UserMessage.class);
        assertThat(setModel.isReplay()).isTrue();
        assertThat(setModel.text()).startsWith("<local-command-stdout>Set model to");

        UserMessage stopHook = all("37_hook_stop_block_and_continue_false.jsonl", UserMessage.class).stream()
                .filter(UserMessage::isSynthetic).findFirst().orElseThrow();
        assertThat(stopHook.text()).startsWith("Stop hook feedback:\n");

        UserMessage interrupted = first("32_permission_deny_interrupt.jsonl", UserMessage.class);
        assertThat(all("32_permission_deny_interrupt.jsonl", UserMessage.class))
                .anySatisfy(u -> assertThat(u.text()).isEqualTo("[Request interrupted by user for tool use]"));
        assertThat(interrupted.isSynthetic()).isFalse();
    }

    @Test
    void noticesAndHookEvents() {
        String file = "37_hook_stop_block_and_continue_false.jsonl";
        NotificationMessage notification = first(file, NotificationMessage.class);
        assertThat(notification.key()).isEqualTo("stop-hook-error");
        assertThat(notification.priority()).isEqualTo("immediate");
        assertThat(notification.timeoutMs()).isEmpty();

        InformationalMessage info = first(file, InformationalMessage.class);
        assertThat(info.content()).startsWith("Operation stopped by hook");
        assertThat(info.level()).isEqualTo("warning");
        assertThat(info.preventContinuation()).isTrue();

        HookStartedMessage started = first("38_include_hook_events.jsonl", HookStartedMessage.class);
        assertThat(started.hookName()).isEqualTo("PreToolUse:Bash");
        assertThat(started.hookEvent()).isEqualTo("PreToolUse");
        HookResponseMessage response = first("38_include_hook_events.jsonl", HookResponseMessage.class);
        assertThat(response.hookId()).isEqualTo(started.hookId());
        assertThat(response.exitCode()).hasValue(0);
        assertThat(response.outcome()).isEqualTo("success");
        assertThat(response.stdout()).isEqualTo("{\"continue\": true}\n");
        assertThat(response.stderr()).isEqualTo("settings-command-hook-ran\n");

        CommandsChangedMessage commands = first("54_control_extra_subtypes.jsonl", CommandsChangedMessage.class);
        assertThat(commands.commands()).isNotEmpty();
        assertThat(commands.commands().get(0).name()).isEqualTo("deep-research");

        assertThat(all("50_control_subtypes.jsonl", StatusMessage.class))
                .anySatisfy(s -> assertThat(s.permissionMode()).contains("acceptEdits"));
    }

    @Test
    void hugeLinesDecode() {
        AssistantMessage huge = first("84_huge_assistant_line.jsonl", AssistantMessage.class);
        assertThat(huge.text()).hasSizeGreaterThan(1000);
        assertThat(first("84_huge_assistant_line.jsonl", ResultMessage.class).result())
                .hasValueSatisfying(text -> assertThat(text).hasSizeGreaterThan(1000));
    }

    @Test
    void theKindsAndFieldsCli2_1_332AddedArriveTyped() {
        String v = ProtocolRecordings.V2_1_332;
        List<CommandLifecycleMessage> lifecycle = all(v, "25_replay_user_messages.jsonl", CommandLifecycleMessage.class);
        assertThat(lifecycle).extracting(CommandLifecycleMessage::state).containsExactly("queued", "started", "completed");
        assertThat(lifecycle).extracting(CommandLifecycleMessage::commandUuid).containsOnly("11111111-2222-4333-8444-555555555555");
        assertThat(lifecycle).extracting(CommandLifecycleMessage::isFinal).containsExactly(false, false, true);
        ResultMessage echoed = first(v, "25_replay_user_messages.jsonl", ResultMessage.class);
        assertThat(echoed.userMessageUuid()).contains("11111111-2222-4333-8444-555555555555");
        assertThat(echoed.userMessageUuids()).containsExactly("11111111-2222-4333-8444-555555555555");
        assertThat(echoed.queuedTurnCount()).hasValue(0);
        assertThat(echoed.resultIndex()).hasValue(0);
        assertThat(echoed.fastModeDisabledReason()).contains("sdk_opt_in_required");

        List<BackgroundTasksChangedMessage> tasks = all(v, "13_subagent_task.jsonl", BackgroundTasksChangedMessage.class);
        BackgroundTask agent = tasks.stream().flatMap(m -> m.tasks().stream()).findFirst().orElseThrow();
        assertThat(agent.taskType()).isEqualTo("local_agent");
        assertThat(agent.subagentType()).contains("general-purpose");
        assertThat(agent.runId()).contains("0mxa6t62i-9151ad98");
        assertThat(agent.description()).isEqualTo("Say hi via subagent");
        assertThat(tasks.getLast().tasks()).isEmpty();
        TaskStartedMessage started = first(v, "13_subagent_task.jsonl", TaskStartedMessage.class);
        assertThat(started.runId()).isEqualTo(agent.runId());
        assertThat(started.isBackgrounded()).contains(true);
        assertThat(started.spawnDepth()).hasValue(1);
        TaskNotificationMessage done = first(v, "13_subagent_task.jsonl", TaskNotificationMessage.class);
        assertThat(done.runId()).isEqualTo(agent.runId());
        assertThat(done.summaryIsReport()).isTrue();
        AssistantMessage fromSubagent = all(v, "13_subagent_task.jsonl", AssistantMessage.class).stream()
                .filter(m -> m.agentId().isPresent()).findFirst().orElseThrow();
        assertThat(fromSubagent.agentId()).contains(started.taskId());
        assertThat(fromSubagent.subagentType()).contains("general-purpose");
        assertThat(fromSubagent.taskDescription()).contains("Say hi via subagent");
        assertThat(fromSubagent.timestamp()).isPresent();
        ResultMessage selfStarted = all(v, "13_subagent_task.jsonl", ResultMessage.class).getLast();
        assertThat(selfStarted.origin()).hasValueSatisfying(origin -> {
            assertThat(origin.kind()).isEqualTo(MessageOrigin.TASK_NOTIFICATION);
            assertThat(origin.runId()).isEqualTo(agent.runId());
        });
        assertThat(selfStarted.resultIndex()).hasValue(1);
        assertThat(all(v, "13_subagent_task.jsonl", UserMessage.class).stream().flatMap(m -> m.toolResultMeta().stream()))
                .isNotEmpty();

        PermissionDeniedMessage denied = first(v, "34_no_permission_prompt_tool.jsonl", PermissionDeniedMessage.class);
        assertThat(denied.toolName()).isEqualTo("Bash");
        assertThat(denied.toolUseId()).startsWith("toolu_");
        assertThat(denied.message()).contains("needs approval");
        assertThat(first(v, "34_no_permission_prompt_tool.jsonl", ResultMessage.class).permissionDenials())
                .extracting(PermissionDenial::toolUseId).contains(denied.toolUseId());
        assertThat(first(v, "54_control_extra_subtypes.jsonl", SessionTitleChangedMessage.class).title())
                .isEqualTo("Renamed by SDK");

        InformationalMessage stopped = first(v, "37_hook_stop_block_and_continue_false.jsonl", InformationalMessage.class);
        assertThat(stopped.promptSubmitOutcome()).hasValueSatisfying(outcome ->
                assertThat(outcome).containsEntry("kind", "stopped_by_hook").containsEntry("prompt_kept", true));
        assertThat(all(v, "39_hook_error_response.jsonl", InformationalMessage.class))
                .extracting(InformationalMessage::tag).contains(java.util.Optional.of("hook_callback_failed"));
        InitMessage init = first(v, "02_initialize_hooks.jsonl", InitMessage.class);
        assertThat(init.capabilities()).contains("msg_lifecycle_v1");
        assertThat(init.terminalSlashCommands()).isNotEmpty();
        assertThat(init.plugins()).allSatisfy(plugin -> assertThat(plugin.source()).isPresent());
        assertThat(init.fastModeDisabledReason()).contains("sdk_opt_in_required");
        assertThat(init.originalCwd()).contains("<CWD>");
        ResultMessage hooked = first(v, "02_initialize_hooks.jsonl", ResultMessage.class);
        assertThat(hooked.modelUsageSinceLastResult()).isNotEmpty();
        assertThat(all(v, "51_interrupt.jsonl", AssistantMessage.class)).anySatisfy(m -> assertThat(m.aborted()).isTrue());
        assertThat(all(v, "11_partial_messages.jsonl", AssistantMessage.class))
                .anySatisfy(m -> assertThat(m.thinkingDurationMs()).isPresent());
        assertThat(all(v, "11_partial_messages.jsonl", StreamEventMessage.class))
                .allSatisfy(m -> assertThat(m.apiMessageId()).isPresent());
        AssistantMessage apiError = first(v, "73_api_500_exhausted.jsonl", AssistantMessage.class);
        assertThat(apiError.isApiErrorMessage()).isTrue();
        assertThat(apiError.apiErrorStatus()).hasValue(500);
    }

    private static <T extends Message> T first(String version, String file, Class<T> type) {
        return all(version, file, type).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + version + "/" + file));
    }

    private static <T extends Message> T first(String file, Class<T> type) {
        return all(file, type).stream().findFirst().orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + file));
    }

    private static <T extends Message> List<T> all(String file, Class<T> type) {
        return all(ProtocolRecordings.V2_1_197, file, type);
    }

    private static <T extends Message> List<T> all(String version, String file, Class<T> type) {
        return GoldenTranscripts.stdout(version, file).stream()
                .filter(line -> !line.isControl())
                .map(line -> MessageDecoder.decode(line.msg()))
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    /** Descriptions of every part of a message that decoded as unknown. */
    static List<String> unknownParts(Message message) {
        List<String> unknown = new ArrayList<>();
        switch (message) {
            case UnknownMessage u -> unknown.add("unknown message type " + u.type());
            case UnknownSystemMessage u -> unknown.add("unknown system subtype " + u.subtype());
            case AssistantMessage a -> a.content().forEach(b -> unknownBlocks(b, unknown));
            case UserMessage u -> u.content().forEach(b -> unknownBlocks(b, unknown));
            case StreamEventMessage s -> {
                switch (s.event()) {
                    case UnknownStreamEvent e -> unknown.add("unknown stream event " + e.type());
                    case ContentBlockDelta d when d.delta() instanceof UnknownDelta ud ->
                            unknown.add("unknown delta " + ud.type());
                    case ContentBlockStart start -> unknownBlocks(start.contentBlock(), unknown);
                    default -> { }
                }
            }
            default -> { }
        }
        return unknown;
    }

    private static void unknownBlocks(ContentBlock block, List<String> unknown) {
        switch (block) {
            case UnknownBlock b -> unknown.add("unknown block " + b.type());
            case ToolResultBlock r -> r.content().asBlocks().forEach(b -> unknownBlocks(b, unknown));
            case McpToolResultBlock r -> r.content().asBlocks().forEach(b -> unknownBlocks(b, unknown));
            case ImageBlock i when i.source() instanceof ImageSource.Unknown s ->
                    unknown.add("unknown image source " + s.type());
            case DocumentBlock d when d.source() instanceof DocumentSource.Unknown s ->
                    unknown.add("unknown document source " + s.type());
            case DocumentBlock d when d.source() instanceof DocumentSource.Content c ->
                    c.content().forEach(b -> unknownBlocks(b, unknown));
            default -> { }
        }
    }
}
