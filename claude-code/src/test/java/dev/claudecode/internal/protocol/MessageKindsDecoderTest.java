package dev.claudecode.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.internal.json.Json;
import dev.claudecode.message.ActiveGoalMessage;
import dev.claudecode.message.BackgroundTask;
import dev.claudecode.message.BackgroundTasksChangedMessage;
import dev.claudecode.message.CommandLifecycleMessage;
import dev.claudecode.message.ControlRequestProgressMessage;
import dev.claudecode.message.ConversationResetMessage;
import dev.claudecode.message.ElicitationCompleteMessage;
import dev.claudecode.message.FilesPersistedMessage;
import dev.claudecode.message.LocalCommandOutputMessage;
import dev.claudecode.message.MemoryRecallMessage;
import dev.claudecode.message.Message;
import dev.claudecode.message.ModelRefusalFallbackMessage;
import dev.claudecode.message.ModelRefusalNoFallbackMessage;
import dev.claudecode.message.PermissionDeniedMessage;
import dev.claudecode.message.PluginInstallMessage;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.message.SessionStateChangedMessage;
import dev.claudecode.message.SessionTitleChangedMessage;
import dev.claudecode.message.SessionWritesLostMessage;
import dev.claudecode.message.SystemMessage;
import dev.claudecode.message.ToolUseSummaryMessage;
import dev.claudecode.message.UnknownMessage;
import dev.claudecode.message.UnknownSystemMessage;
import dev.claudecode.message.WorkerShuttingDownMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Decodes one line of every message kind the TypeScript Agent SDK 0.3.336 declares (and the two the
 * CLI writes beyond them), in the shapes its declarations give: the kinds the recordings do not show
 * are checked here, the recorded ones also by {@link MessageDecoderGoldenTest}.
 */
class MessageKindsDecoderTest {

    private static final String ENVELOPE = "\"uuid\":\"u1\",\"session_id\":\"s1\"";

    private static Message decode(String type, String fields) {
        return MessageDecoder.decode(Json.parse("{\"type\":\"" + type + "\"," + fields + "," + ENVELOPE + "}"));
    }

    private static Message system(String subtype, String fields) {
        return decode("system", "\"subtype\":\"" + subtype + "\"" + (fields.isEmpty() ? "" : "," + fields));
    }

    @Test
    void everyKindOfTheTypeScriptSdkDecodesTyped() {
        // SDKMessage of the TypeScript SDK 0.3.336: 40 members, some sharing a wire kind, plus SDKActiveGoalMessage,
        // plus command_lifecycle and system/session_title_changed, which CLI 2.1.332 writes beyond them
        List<String> topLevel = List.of("assistant", "user", "result", "stream_event", "tool_progress", "auth_status",
                "tool_use_summary", "rate_limit_event", "prompt_suggestion", "conversation_reset", "active_goal",
                "command_lifecycle");
        List<String> systemSubtypes = List.of("init", "compact_boundary", "status", "api_retry", "control_request_progress",
                "model_refusal_fallback", "model_refusal_no_fallback", "local_command_output", "hook_started",
                "hook_progress", "hook_response", "plugin_install", "task_notification", "task_started", "task_updated",
                "task_progress", "background_tasks_changed", "thinking_tokens", "session_state_changed",
                "worker_shutting_down", "commands_changed", "notification", "files_persisted", "memory_recall",
                "elicitation_complete", "permission_denied", "mirror_error", "informational", "session_writes_lost",
                "session_title_changed");
        for (String type : topLevel) {
            assertThat(decode(type, "\"x\":1")).as(type).isNotInstanceOf(UnknownMessage.class);
        }
        for (String subtype : systemSubtypes) {
            Message message = system(subtype, "\"key\":{\"projectKey\":\"p\",\"sessionId\":\"s1\"}");
            assertThat(message).as(subtype).isNotInstanceOf(UnknownSystemMessage.class);
            assertThat(((SystemMessage) message).subtype()).isEqualTo(subtype);
        }
    }

    @Test
    void conversationAndQueueKinds() {
        assertThat(decode("command_lifecycle", "\"command_uuid\":\"c1\",\"state\":\"started\",\"wakeup_source\":\"loop_wakeup\","
                + "\"scheduled_for\":1796461537542")).isInstanceOfSatisfying(CommandLifecycleMessage.class, m -> {
                    assertThat(m.commandUuid()).isEqualTo("c1");
                    assertThat(m.state()).isEqualTo("started");
                    assertThat(m.isFinal()).isFalse();
                    assertThat(m.wakeupSource()).contains("loop_wakeup");
                    assertThat(m.scheduledFor()).hasValue(1796461537542L);
                    assertThat(m.uuid()).contains("u1");
                });
        assertThat(((CommandLifecycleMessage) decode("command_lifecycle", "\"command_uuid\":\"c1\",\"state\":\"cancelled\""))
                .isFinal()).isTrue();
        assertThat(decode("tool_use_summary", "\"summary\":\"Read two files\",\"preceding_tool_use_ids\":[\"t1\",\"t2\"]"))
                .isEqualTo(new ToolUseSummaryMessage("Read two files", List.of("t1", "t2"), envelope("tool_use_summary",
                        "\"summary\":\"Read two files\",\"preceding_tool_use_ids\":[\"t1\",\"t2\"]")));
        assertThat(decode("conversation_reset", "\"new_conversation_id\":\"n1\",\"trigger\":\"clear\",\"user_message_uuid\":\"m1\","
                + "\"timestamp\":\"2026-12-05T09:00:00Z\"")).isInstanceOfSatisfying(ConversationResetMessage.class, m -> {
                    assertThat(m.newConversationId()).isEqualTo("n1");
                    assertThat(m.trigger()).contains("clear");
                    assertThat(m.userMessageUuid()).contains("m1");
                    assertThat(m.timestamp()).contains("2026-12-05T09:00:00Z");
                });
        assertThat(decode("active_goal", "\"value\":{\"condition\":\"tests pass\",\"iterations\":2,\"set_at\":17,"
                + "\"tokens_at_start\":900,\"last_reason\":\"one test fails\"}"))
                .isInstanceOfSatisfying(ActiveGoalMessage.class, m -> assertThat(m.goal()).contains(
                        new ActiveGoalMessage.Goal("tests pass", 2, 17, 900, Optional.of("one test fails"))));
        assertThat(((ActiveGoalMessage) decode("active_goal", "\"value\":null")).goal()).isEmpty();
    }

    @Test
    void permissionModelAndSessionKinds() {
        assertThat(system("permission_denied", "\"tool_name\":\"Bash\",\"tool_use_id\":\"t1\",\"agent_id\":\"a1\","
                + "\"decision_reason_type\":\"rule\",\"decision_reason\":\"Bash(rm:*) is denied\",\"message\":\"denied\""))
                .isInstanceOfSatisfying(PermissionDeniedMessage.class, m -> {
                    assertThat(m.toolName()).isEqualTo("Bash");
                    assertThat(m.agentId()).contains("a1");
                    assertThat(m.decisionReasonType()).contains("rule");
                    assertThat(m.decisionReason()).contains("Bash(rm:*) is denied");
                    assertThat(m.message()).isEqualTo("denied");
                });
        assertThat(system("model_refusal_fallback", "\"trigger\":\"refusal\",\"direction\":\"retry\",\"scope\":\"session\","
                + "\"original_model\":\"claude-opus-5-5\",\"fallback_model\":\"claude-sonnet-5-5\",\"request_id\":null,"
                + "\"api_refusal_category\":\"cyber\",\"retracted_message_uuids\":[\"r1\"],\"refused_user_message_uuid\":\"m1\","
                + "\"content\":\"Switched model\"")).isInstanceOfSatisfying(ModelRefusalFallbackMessage.class, m -> {
                    assertThat(m.direction()).isEqualTo("retry");
                    assertThat(m.scope()).contains("session");
                    assertThat(m.fallbackModel()).isEqualTo("claude-sonnet-5-5");
                    assertThat(m.requestId()).isEmpty();
                    assertThat(m.apiRefusalCategory()).contains("cyber");
                    assertThat(m.apiRefusalExplanation()).isEmpty();
                    assertThat(m.retractedMessageUuids()).containsExactly("r1");
                    assertThat(m.refusedUserMessageUuid()).contains("m1");
                    assertThat(m.toBuilder().build()).isEqualTo(m);
                    assertThat(ModelRefusalFallbackMessage.builder().originalModel(m.originalModel()).build().originalModel())
                            .isEqualTo("claude-opus-5-5");
                });
        assertThat(system("model_refusal_no_fallback", "\"original_model\":\"claude-opus-5-5\",\"request_id\":\"req_1\","
                + "\"content\":\"Refused\"")).isInstanceOfSatisfying(ModelRefusalNoFallbackMessage.class, m -> {
                    assertThat(m.requestId()).contains("req_1");
                    assertThat(m.content()).isEqualTo("Refused");
                });
        assertThat(((SessionStateChangedMessage) system("session_state_changed", "\"state\":\"requires_action\"")).state())
                .isEqualTo("requires_action");
        assertThat(((SessionTitleChangedMessage) system("session_title_changed", "\"title\":\"Nightly build\"")).title())
                .isEqualTo("Nightly build");
        assertThat(((LocalCommandOutputMessage) system("local_command_output", "\"content\":\"Total cost: $0.01\"")).content())
                .isEqualTo("Total cost: $0.01");
        assertThat(((WorkerShuttingDownMessage) system("worker_shutting_down", "\"reason\":\"host_exit\"")).reason())
                .isEqualTo("host_exit");
        assertThat(system("session_writes_lost", "\"error_code\":\"ENOSPC\",\"lost\":[\"transcript\",\"global_config\"],"
                + "\"transcript_session_ids\":[\"s0\",\"s1\"]")).isEqualTo(new SessionWritesLostMessage("ENOSPC",
                List.of("transcript", "global_config"), List.of("s0", "s1"), envelope("system", "\"subtype\":\"session_writes_lost\","
                        + "\"error_code\":\"ENOSPC\",\"lost\":[\"transcript\",\"global_config\"],\"transcript_session_ids\":[\"s0\",\"s1\"]")));
    }

    @Test
    void taskFileAndServerKinds() {
        assertThat(system("background_tasks_changed", "\"tasks\":[{\"task_id\":\"b1\",\"run_id\":\"r1\",\"task_type\":\"local_bash\","
                + "\"description\":\"npm test\",\"parent_task_id\":\"a1\",\"ambient\":true},{\"task_id\":\"b2\"}]"))
                .isInstanceOfSatisfying(BackgroundTasksChangedMessage.class, m -> assertThat(m.tasks()).containsExactly(
                        new BackgroundTask("b1", Optional.of("r1"), "local_bash", Optional.empty(), "npm test",
                                Optional.of("a1"), true),
                        new BackgroundTask("b2", Optional.empty(), "", Optional.empty(), "", Optional.empty(), false)));
        assertThat(system("control_request_progress", "\"request_id\":\"req-7\",\"status\":\"api_retry\",\"attempt\":2,"
                + "\"max_retries\":10,\"retry_delay_ms\":1200.5,\"error_status\":null"))
                .isInstanceOfSatisfying(ControlRequestProgressMessage.class, m -> {
                    assertThat(m.requestId()).isEqualTo("req-7");
                    assertThat(m.status()).isEqualTo("api_retry");
                    assertThat(m.attempt()).hasValue(2);
                    assertThat(m.maxRetries()).hasValue(10);
                    assertThat(m.retryDelayMs()).hasValue(1200.5);
                    assertThat(m.errorStatus()).isEmpty();
                });
        assertThat(system("files_persisted", "\"files\":[{\"filename\":\"out.txt\",\"file_id\":\"file_1\"}],"
                + "\"failed\":[{\"filename\":\"big.bin\",\"error\":\"too large\"}],\"processed_at\":\"2026-12-05T09:00:00Z\""))
                .isInstanceOfSatisfying(FilesPersistedMessage.class, m -> {
                    assertThat(m.files()).containsExactly(new FilesPersistedMessage.PersistedFile("out.txt", "file_1"));
                    assertThat(m.failed()).containsExactly(new FilesPersistedMessage.FailedFile("big.bin", "too large"));
                    assertThat(m.processedAt()).isEqualTo("2026-12-05T09:00:00Z");
                });
        assertThat(system("plugin_install", "\"status\":\"failed\",\"name\":\"lint\",\"error\":\"offline\""))
                .isEqualTo(new PluginInstallMessage("failed", Optional.of("lint"), Optional.of("offline"),
                        envelope("system", "\"subtype\":\"plugin_install\",\"status\":\"failed\",\"name\":\"lint\",\"error\":\"offline\"")));
        assertThat(system("memory_recall", "\"mode\":\"select\",\"memories\":[{\"path\":\"/m/a.md\",\"scope\":\"personal\"},"
                + "{\"path\":\"https://example.org/m\",\"scope\":\"organization\",\"content\":\"Use tabs\"}]"))
                .isInstanceOfSatisfying(MemoryRecallMessage.class, m -> assertThat(m.memories()).containsExactly(
                        new MemoryRecallMessage.Memory("/m/a.md", "personal", Optional.empty()),
                        new MemoryRecallMessage.Memory("https://example.org/m", "organization", Optional.of("Use tabs"))));
        assertThat(system("elicitation_complete", "\"mcp_server_name\":\"gh\",\"elicitation_id\":\"e1\""))
                .isInstanceOfSatisfying(ElicitationCompleteMessage.class, m -> {
                    assertThat(m.mcpServerName()).isEqualTo("gh");
                    assertThat(m.elicitationId()).isEqualTo("e1");
                });
    }

    @Test
    void resultFieldsOfStartupFailuresAndDeferredTools() {
        ResultMessage failed = (ResultMessage) decode("result", "\"subtype\":\"error_during_execution\",\"is_error\":true,"
                + "\"errors\":[\"bad config\"],\"startup_failure_reason\":\"config_file_invalid\",\"invalid_config_file\":"
                + "{\"path\":\"/h/.claude.json\",\"is_global\":true,\"backup_searched\":true,\"backup_path\":\"/h/.claude.json.bak\"},"
                + "\"credential_expires_at\":\"2027-01-01T00:00:00Z\",\"resume_reason\":\"worker_restart\",\"local_command\":\"cost\"");
        assertThat(failed.startupFailureReason()).contains("config_file_invalid");
        assertThat(failed.invalidConfigFile()).contains(
                new ResultMessage.InvalidConfigFile("/h/.claude.json", true, true, Optional.of("/h/.claude.json.bak")));
        assertThat(failed.credentialExpiresAt()).contains("2027-01-01T00:00:00Z");
        assertThat(failed.resumeReason()).contains("worker_restart");
        assertThat(failed.localCommand()).contains("cost");
        assertThat(failed.toBuilder().build()).isEqualTo(failed);
        ResultMessage deferred = (ResultMessage) decode("result", "\"subtype\":\"success\",\"deferred_tool_use\":"
                + "{\"id\":\"t1\",\"name\":\"Bash\",\"input\":{\"command\":\"ls\"}}");
        assertThat(deferred.deferredToolUse()).contains(new ResultMessage.DeferredToolUse("t1", "Bash", Map.of("command", "ls")));
        assertThat(deferred.invalidConfigFile()).isEmpty();
        assertThat(deferred.origin()).isEmpty();
    }

    private static dev.claudecode.message.Envelope envelope(String type, String fields) {
        return dev.claudecode.message.Envelope.of(Json.toMap(Json.parse("{\"type\":\"" + type + "\"," + fields + "," + ENVELOPE + "}")));
    }
}
