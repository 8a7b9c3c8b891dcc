package dev.claudecode.hook;

import dev.claudecode.internal.json.JsonValues;
import dev.claudecode.permission.PermissionMode;
import dev.claudecode.permission.PermissionUpdate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What a hook callback is told: the fields every event has ({@link Common}) and the event's own,
 * one record per {@linkplain HookEvent#known() known event}. Events this library does not know
 * arrive as {@link Unknown}; every input keeps the whole JSON in {@link #raw()}.
 *
 * <pre>{@code
 * HookCallback audit = (input, toolUseId, context) -> {
 *     if (input instanceof HookInput.PreToolUse pre && pre.toolName().equals("Bash")) {
 *         log.info("Bash: {}", pre.toolInput().get("command"));
 *     }
 *     return HookOutput.empty();
 * };
 * }</pre>
 */
public sealed interface HookInput {

    /** {@return the fields every event has} */
    Common common();

    /** {@return the event} */
    HookEvent event();

    /** {@return the session's id} */
    default String sessionId() {
        return common().sessionId();
    }

    /** {@return the session's transcript file on the machine where the CLI runs} */
    default String transcriptPath() {
        return common().transcriptPath();
    }

    /** {@return the working directory} */
    default String cwd() {
        return common().cwd();
    }

    /** {@return the permission mode, when the CLI reports it} */
    default Optional<PermissionMode> permissionMode() {
        return common().permissionMode();
    }

    /** {@return the whole input as the CLI sent it, for fields this library does not read} */
    default Map<String, Object> raw() {
        return common().raw();
    }

    /**
     * The fields every hook input has.
     *
     * @param sessionId the session's id
     * @param transcriptPath the session's transcript file on the machine where the CLI runs
     * @param cwd the working directory
     * @param permissionMode the permission mode, when reported
     * @param promptId the id shared by everything that follows one user prompt, when there was one
     * @param agentId the subagent the event happened in; empty in the main conversation
     * @param agentType the agent type of that subagent, or of the session's main agent
     * @param effort the reasoning effort level of the current turn, when the model has one
     * @param raw the whole input as plain JSON
     */
    record Common(
            String sessionId,
            String transcriptPath,
            String cwd,
            Optional<PermissionMode> permissionMode,
            Optional<String> promptId,
            Optional<String> agentId,
            Optional<String> agentType,
            Optional<String> effort,
            Map<String, Object> raw) {

        /** Validates and copies the components. */
        public Common {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(transcriptPath, "transcriptPath");
            Objects.requireNonNull(cwd, "cwd");
            Objects.requireNonNull(permissionMode, "permissionMode");
            Objects.requireNonNull(promptId, "promptId");
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(agentType, "agentType");
            Objects.requireNonNull(effort, "effort");
            raw = JsonValues.copyMap(Objects.requireNonNull(raw, "raw"));
        }
    }

    /**
     * One tool use of a {@link PostToolBatch}.
     *
     * @param toolName the tool
     * @param toolInput its input as plain JSON values
     * @param toolUseId the model's tool use id
     * @param toolResponse the tool's result as plain JSON, when it has one
     */
    record ToolCall(String toolName, Map<String, Object> toolInput, String toolUseId, Optional<Object> toolResponse) {

        /** Validates and copies the components. */
        public ToolCall {
            Objects.requireNonNull(toolName, "toolName");
            toolInput = JsonValues.copyMap(Objects.requireNonNull(toolInput, "toolInput"));
            Objects.requireNonNull(toolUseId, "toolUseId");
            toolResponse = Objects.requireNonNull(toolResponse, "toolResponse").map(JsonValues::copy);
        }
    }

    /**
     * The MCP server whose tool a hook is about ({@code mcp_server}).
     *
     * @param name the server's name
     * @param source where its definition came from: {@code sdk}, {@code plugin}, a configuration scope
     *     such as {@code user} or {@code project}, or a newer value
     */
    record McpServer(String name, String source) {

        /** Validates the components. */
        public McpServer {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * A tool is about to run ({@code PreToolUse}).
     *
     * @param common the fields every event has
     * @param toolName the tool, e.g. {@code Bash}
     * @param toolInput the tool's input as plain JSON values
     * @param toolUseId the model's tool use id
     * @param mcpServer the MCP server of an MCP tool ({@code mcp_server}); empty for other tools
     */
    record PreToolUse(
            Common common,
            String toolName,
            Map<String, Object> toolInput,
            String toolUseId,
            Optional<McpServer> mcpServer) implements HookInput {

        /** Validates and copies the components. */
        public PreToolUse {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(toolName, "toolName");
            toolInput = JsonValues.copyMap(Objects.requireNonNull(toolInput, "toolInput"));
            Objects.requireNonNull(toolUseId, "toolUseId");
            Objects.requireNonNull(mcpServer, "mcpServer");
        }

        @Override
        public HookEvent event() {
            return HookEvent.PRE_TOOL_USE;
        }
    }

    /**
     * A tool ran successfully ({@code PostToolUse}).
     *
     * @param common the fields every event has
     * @param toolName the tool
     * @param toolInput the input it ran with
     * @param toolResponse the tool's structured result as plain JSON (for Bash {@code {stdout, stderr,
     *     interrupted, ...}}, for MCP tools the content list); an empty map when the CLI sent none
     * @param toolUseId the model's tool use id
     * @param durationMs how long the tool ran, without prompts and hooks
     * @param mcpServer the MCP server of an MCP tool ({@code mcp_server}); empty for other tools
     */
    record PostToolUse(
            Common common,
            String toolName,
            Map<String, Object> toolInput,
            Object toolResponse,
            String toolUseId,
            OptionalLong durationMs,
            Optional<McpServer> mcpServer) implements HookInput {

        /** Validates and copies the components. */
        public PostToolUse {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(toolName, "toolName");
            toolInput = JsonValues.copyMap(Objects.requireNonNull(toolInput, "toolInput"));
            toolResponse = JsonValues.copy(Objects.requireNonNull(toolResponse, "toolResponse"));
            Objects.requireNonNull(toolUseId, "toolUseId");
            Objects.requireNonNull(durationMs, "durationMs");
            Objects.requireNonNull(mcpServer, "mcpServer");
        }

        @Override
        public HookEvent event() {
            return HookEvent.POST_TOOL_USE;
        }
    }

    /**
     * A tool failed ({@code PostToolUseFailure}).
     *
     * @param common the fields every event has
     * @param toolName the tool
     * @param toolInput the input it ran with
     * @param toolUseId the model's tool use id
     * @param error the failure
     * @param interrupt whether the failure is an interruption
     * @param durationMs how long the tool ran
     * @param mcpServer the MCP server of an MCP tool ({@code mcp_server}); empty for other tools
     */
    record PostToolUseFailure(
            Common common,
            String toolName,
            Map<String, Object> toolInput,
            String toolUseId,
            String error,
            boolean interrupt,
            OptionalLong durationMs,
            Optional<McpServer> mcpServer) implements HookInput {

        /** Validates and copies the components. */
        public PostToolUseFailure {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(toolName, "toolName");
            toolInput = JsonValues.copyMap(Objects.requireNonNull(toolInput, "toolInput"));
            Objects.requireNonNull(toolUseId, "toolUseId");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(durationMs, "durationMs");
            Objects.requireNonNull(mcpServer, "mcpServer");
        }

        @Override
        public HookEvent event() {
            return HookEvent.POST_TOOL_USE_FAILURE;
        }
    }

    /**
     * All tool uses of one model response have run ({@code PostToolBatch}).
     *
     * @param common the fields every event has
     * @param toolCalls the tool uses, in order
     */
    record PostToolBatch(Common common, List<ToolCall> toolCalls) implements HookInput {

        /** Validates and copies the components. */
        public PostToolBatch {
            Objects.requireNonNull(common, "common");
            toolCalls = List.copyOf(Objects.requireNonNull(toolCalls, "toolCalls"));
        }

        @Override
        public HookEvent event() {
            return HookEvent.POST_TOOL_BATCH;
        }
    }

    /**
     * The CLI shows a notification ({@code Notification}).
     *
     * @param common the fields every event has
     * @param message the text
     * @param title the title, if any
     * @param notificationType the kind of notification
     */
    record Notification(
            Common common,
            String message,
            Optional<String> title,
            String notificationType) implements HookInput {

        /** Validates and copies the components. */
        public Notification {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(notificationType, "notificationType");
        }

        @Override
        public HookEvent event() {
            return HookEvent.NOTIFICATION;
        }
    }

    /**
     * A user prompt was submitted and the model has not seen it yet ({@code UserPromptSubmit}).
     *
     * @param common the fields every event has
     * @param prompt the prompt's text
     * @param sessionTitle the session's title, if it has one
     * @param source who submitted the prompt ({@code source}): {@code user}, {@code sdk}, {@code
     *     system}, {@code loop_wakeup}, {@code schedule_wakeup} or {@code poll_event}
     */
    record UserPromptSubmit(
            Common common,
            String prompt,
            Optional<String> sessionTitle,
            Optional<String> source) implements HookInput {

        /** Validates and copies the components. */
        public UserPromptSubmit {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(prompt, "prompt");
            Objects.requireNonNull(sessionTitle, "sessionTitle");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public HookEvent event() {
            return HookEvent.USER_PROMPT_SUBMIT;
        }
    }

    /**
     * A slash command or MCP prompt expands into a prompt ({@code UserPromptExpansion}).
     *
     * @param common the fields every event has
     * @param expansionType {@code slash_command} or {@code mcp_prompt}
     * @param commandName the command
     * @param commandArgs its arguments
     * @param commandSource where the command comes from, if known
     * @param prompt the expanded prompt
     */
    record UserPromptExpansion(
            Common common,
            String expansionType,
            String commandName,
            String commandArgs,
            Optional<String> commandSource,
            String prompt) implements HookInput {

        /** Validates and copies the components. */
        public UserPromptExpansion {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(expansionType, "expansionType");
            Objects.requireNonNull(commandName, "commandName");
            Objects.requireNonNull(commandArgs, "commandArgs");
            Objects.requireNonNull(commandSource, "commandSource");
            Objects.requireNonNull(prompt, "prompt");
        }

        @Override
        public HookEvent event() {
            return HookEvent.USER_PROMPT_EXPANSION;
        }
    }

    /**
     * A session starts ({@code SessionStart}).
     *
     * @param common the fields every event has
     * @param source {@code startup}, {@code resume}, {@code clear}, {@code compact} or {@code fork}
     * @param model the model, if reported
     * @param sessionTitle the session's title, if it has one
     * @param secondsSinceLastResponse on resume or fork, the seconds since the resumed conversation's
     *     last response ({@code seconds_since_last_response})
     * @param contextTokens on resume or fork, the tokens the first request sends again ({@code
     *     context_tokens})
     * @param promptCacheLikelyExpired on resume or fork, whether the prompt cache has likely expired, so
     *     that the first request writes the cache again ({@code prompt_cache_likely_expired})
     * @param estimatedCacheWriteUsd on resume or fork, the estimated cost in US dollars of writing the
     *     cache again ({@code estimated_cache_write_usd})
     */
    record SessionStart(
            Common common,
            String source,
            Optional<String> model,
            Optional<String> sessionTitle,
            OptionalDouble secondsSinceLastResponse,
            OptionalLong contextTokens,
            Optional<Boolean> promptCacheLikelyExpired,
            OptionalDouble estimatedCacheWriteUsd) implements HookInput {

        /** Validates and copies the components. */
        public SessionStart {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(sessionTitle, "sessionTitle");
            Objects.requireNonNull(secondsSinceLastResponse, "secondsSinceLastResponse");
            Objects.requireNonNull(contextTokens, "contextTokens");
            Objects.requireNonNull(promptCacheLikelyExpired, "promptCacheLikelyExpired");
            Objects.requireNonNull(estimatedCacheWriteUsd, "estimatedCacheWriteUsd");
        }

        @Override
        public HookEvent event() {
            return HookEvent.SESSION_START;
        }
    }

    /**
     * A session ends ({@code SessionEnd}).
     *
     * @param common the fields every event has
     * @param reason why, e.g. {@code clear}, {@code logout} or {@code other}
     */
    record SessionEnd(Common common, String reason) implements HookInput {

        /** Validates and copies the components. */
        public SessionEnd {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public HookEvent event() {
            return HookEvent.SESSION_END;
        }
    }

    /**
     * The main conversation is about to stop ({@code Stop}).
     *
     * @param common the fields every event has
     * @param stopHookActive whether a Stop hook already made the conversation go on once, so that a hook
     *     can avoid looping
     * @param lastAssistantMessage the text of the last assistant message
     * @param backgroundTasks background work still in flight, as plain JSON
     * @param sessionCrons scheduled wake-ups of this session, as plain JSON
     */
    record Stop(
            Common common,
            boolean stopHookActive,
            Optional<String> lastAssistantMessage,
            List<Map<String, Object>> backgroundTasks,
            List<Map<String, Object>> sessionCrons) implements HookInput {

        /** Validates and copies the components. */
        public Stop {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(lastAssistantMessage, "lastAssistantMessage");
            backgroundTasks = Objects.requireNonNull(backgroundTasks, "backgroundTasks").stream()
                    .map(JsonValues::copyMap).toList();
            sessionCrons = Objects.requireNonNull(sessionCrons, "sessionCrons").stream()
                    .map(JsonValues::copyMap).toList();
        }

        @Override
        public HookEvent event() {
            return HookEvent.STOP;
        }
    }

    /**
     * A turn ended because of an API error ({@code StopFailure}).
     *
     * @param common the fields every event has
     * @param error the kind of error, e.g. {@code rate_limit}
     * @param errorDetails details, if any
     * @param lastAssistantMessage the text of the last assistant message
     */
    record StopFailure(
            Common common,
            String error,
            Optional<String> errorDetails,
            Optional<String> lastAssistantMessage) implements HookInput {

        /** Validates and copies the components. */
        public StopFailure {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(errorDetails, "errorDetails");
            Objects.requireNonNull(lastAssistantMessage, "lastAssistantMessage");
        }

        @Override
        public HookEvent event() {
            return HookEvent.STOP_FAILURE;
        }
    }

    /**
     * A subagent starts ({@code SubagentStart}).
     *
     * @param common the fields every event has
     * @param subagentId the subagent's id
     * @param subagentType the agent type, e.g. {@code general-purpose}
     */
    record SubagentStart(Common common, String subagentId, String subagentType) implements HookInput {

        /** Validates and copies the components. */
        public SubagentStart {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(subagentId, "subagentId");
            Objects.requireNonNull(subagentType, "subagentType");
        }

        @Override
        public HookEvent event() {
            return HookEvent.SUBAGENT_START;
        }
    }

    /**
     * A subagent is about to stop ({@code SubagentStop}).
     *
     * @param common the fields every event has
     * @param stopHookActive whether a hook already made the subagent go on once
     * @param subagentId the subagent's id
     * @param agentTranscriptPath the subagent's transcript file
     * @param subagentType the agent type
     * @param lastAssistantMessage the text of its last message
     * @param backgroundTasks background work still in flight, as plain JSON
     * @param sessionCrons scheduled wake-ups, as plain JSON
     */
    record SubagentStop(
            Common common,
            boolean stopHookActive,
            String subagentId,
            String agentTranscriptPath,
            String subagentType,
            Optional<String> lastAssistantMessage,
            List<Map<String, Object>> backgroundTasks,
            List<Map<String, Object>> sessionCrons) implements HookInput {

        /** Validates and copies the components. */
        public SubagentStop {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(subagentId, "subagentId");
            Objects.requireNonNull(agentTranscriptPath, "agentTranscriptPath");
            Objects.requireNonNull(subagentType, "subagentType");
            Objects.requireNonNull(lastAssistantMessage, "lastAssistantMessage");
            backgroundTasks = Objects.requireNonNull(backgroundTasks, "backgroundTasks").stream()
                    .map(JsonValues::copyMap).toList();
            sessionCrons = Objects.requireNonNull(sessionCrons, "sessionCrons").stream()
                    .map(JsonValues::copyMap).toList();
        }

        @Override
        public HookEvent event() {
            return HookEvent.SUBAGENT_STOP;
        }
    }

    /**
     * The conversation is about to be compacted ({@code PreCompact}).
     *
     * @param common the fields every event has
     * @param trigger {@code manual} or {@code auto}
     * @param customInstructions the instructions given to {@code /compact}, if any
     */
    record PreCompact(Common common, String trigger, Optional<String> customInstructions) implements HookInput {

        /** Validates and copies the components. */
        public PreCompact {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(trigger, "trigger");
            Objects.requireNonNull(customInstructions, "customInstructions");
        }

        @Override
        public HookEvent event() {
            return HookEvent.PRE_COMPACT;
        }
    }

    /**
     * The conversation was compacted ({@code PostCompact}).
     *
     * @param common the fields every event has
     * @param trigger {@code manual} or {@code auto}
     * @param compactSummary the summary that replaced the conversation
     */
    record PostCompact(Common common, String trigger, String compactSummary) implements HookInput {

        /** Validates and copies the components. */
        public PostCompact {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(trigger, "trigger");
            Objects.requireNonNull(compactSummary, "compactSummary");
        }

        @Override
        public HookEvent event() {
            return HookEvent.POST_COMPACT;
        }
    }

    /**
     * A permission prompt is about to be shown ({@code PermissionRequest}).
     *
     * @param common the fields every event has
     * @param toolName the tool
     * @param toolInput its input
     * @param permissionSuggestions the changes the CLI proposes
     * @param mcpServer the MCP server of an MCP tool ({@code mcp_server}); empty for other tools
     */
    record PermissionRequest(
            Common common,
            String toolName,
            Map<String, Object> toolInput,
            List<PermissionUpdate> permissionSuggestions,
            Optional<McpServer> mcpServer) implements HookInput {

        /** Validates and copies the components. */
        public PermissionRequest {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(toolName, "toolName");
            toolInput = JsonValues.copyMap(Objects.requireNonNull(toolInput, "toolInput"));
            permissionSuggestions = List.copyOf(Objects.requireNonNull(permissionSuggestions, "permissionSuggestions"));
            Objects.requireNonNull(mcpServer, "mcpServer");
        }

        @Override
        public HookEvent event() {
            return HookEvent.PERMISSION_REQUEST;
        }
    }

    /**
     * A tool use was denied ({@code PermissionDenied}).
     *
     * @param common the fields every event has
     * @param toolName the tool
     * @param toolInput its input
     * @param toolUseId the model's tool use id
     * @param reason why it was denied
     * @param mcpServer the MCP server of an MCP tool ({@code mcp_server}); empty for other tools
     */
    record PermissionDenied(
            Common common,
            String toolName,
            Map<String, Object> toolInput,
            String toolUseId,
            String reason,
            Optional<McpServer> mcpServer) implements HookInput {

        /** Validates and copies the components. */
        public PermissionDenied {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(toolName, "toolName");
            toolInput = JsonValues.copyMap(Objects.requireNonNull(toolInput, "toolInput"));
            Objects.requireNonNull(toolUseId, "toolUseId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(mcpServer, "mcpServer");
        }

        @Override
        public HookEvent event() {
            return HookEvent.PERMISSION_DENIED;
        }
    }

    /**
     * The CLI runs repository setup or maintenance ({@code Setup}).
     *
     * @param common the fields every event has
     * @param trigger {@code init} or {@code maintenance}
     */
    record Setup(Common common, String trigger) implements HookInput {

        /** Validates and copies the components. */
        public Setup {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(trigger, "trigger");
        }

        @Override
        public HookEvent event() {
            return HookEvent.SETUP;
        }
    }

    /**
     * An agent-team teammate became idle ({@code TeammateIdle}).
     *
     * @param common the fields every event has
     * @param teammateName the teammate
     * @param teamName the team
     */
    record TeammateIdle(Common common, String teammateName, String teamName) implements HookInput {

        /** Validates and copies the components. */
        public TeammateIdle {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(teammateName, "teammateName");
            Objects.requireNonNull(teamName, "teamName");
        }

        @Override
        public HookEvent event() {
            return HookEvent.TEAMMATE_IDLE;
        }
    }

    /**
     * A task-list task was created ({@code TaskCreated}).
     *
     * @param common the fields every event has
     * @param taskId the task's id
     * @param taskSubject its subject
     * @param taskDescription its description, if any
     * @param teammateName the teammate it belongs to, if any
     * @param teamName the team, if any
     */
    record TaskCreated(
            Common common,
            String taskId,
            String taskSubject,
            Optional<String> taskDescription,
            Optional<String> teammateName,
            Optional<String> teamName) implements HookInput {

        /** Validates and copies the components. */
        public TaskCreated {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(taskId, "taskId");
            Objects.requireNonNull(taskSubject, "taskSubject");
            Objects.requireNonNull(taskDescription, "taskDescription");
            Objects.requireNonNull(teammateName, "teammateName");
            Objects.requireNonNull(teamName, "teamName");
        }

        @Override
        public HookEvent event() {
            return HookEvent.TASK_CREATED;
        }
    }

    /**
     * A task-list task was completed ({@code TaskCompleted}).
     *
     * @param common the fields every event has
     * @param taskId the task's id
     * @param taskSubject its subject
     * @param taskDescription its description, if any
     * @param teammateName the teammate it belongs to, if any
     * @param teamName the team, if any
     */
    record TaskCompleted(
            Common common,
            String taskId,
            String taskSubject,
            Optional<String> taskDescription,
            Optional<String> teammateName,
            Optional<String> teamName) implements HookInput {

        /** Validates and copies the components. */
        public TaskCompleted {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(taskId, "taskId");
            Objects.requireNonNull(taskSubject, "taskSubject");
            Objects.requireNonNull(taskDescription, "taskDescription");
            Objects.requireNonNull(teammateName, "teammateName");
            Objects.requireNonNull(teamName, "teamName");
        }

        @Override
        public HookEvent event() {
            return HookEvent.TASK_COMPLETED;
        }
    }

    /**
     * An MCP server asks for user input ({@code Elicitation}).
     *
     * @param common the fields every event has
     * @param mcpServerName the server
     * @param message what it asks
     * @param mode {@code form} or {@code url}, if given
     * @param url the URL to open in {@code url} mode
     * @param elicitationId the elicitation's id, if any
     * @param requestedSchema the JSON schema of the requested input in {@code form} mode
     */
    record Elicitation(
            Common common,
            String mcpServerName,
            String message,
            Optional<String> mode,
            Optional<String> url,
            Optional<String> elicitationId,
            Optional<Map<String, Object>> requestedSchema) implements HookInput {

        /** Validates and copies the components. */
        public Elicitation {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(mcpServerName, "mcpServerName");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(elicitationId, "elicitationId");
            Objects.requireNonNull(requestedSchema, "requestedSchema");
            requestedSchema = requestedSchema.map(JsonValues::copyMap);
        }

        @Override
        public HookEvent event() {
            return HookEvent.ELICITATION;
        }
    }

    /**
     * An MCP elicitation was answered ({@code ElicitationResult}).
     *
     * @param common the fields every event has
     * @param mcpServerName the server
     * @param elicitationId the elicitation's id, if any
     * @param mode {@code form} or {@code url}, if given
     * @param action {@code accept}, {@code decline} or {@code cancel}
     * @param content the answer, when accepted
     */
    record ElicitationResult(
            Common common,
            String mcpServerName,
            Optional<String> elicitationId,
            Optional<String> mode,
            String action,
            Optional<Map<String, Object>> content) implements HookInput {

        /** Validates and copies the components. */
        public ElicitationResult {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(mcpServerName, "mcpServerName");
            Objects.requireNonNull(elicitationId, "elicitationId");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(content, "content");
            content = content.map(JsonValues::copyMap);
        }

        @Override
        public HookEvent event() {
            return HookEvent.ELICITATION_RESULT;
        }
    }

    /**
     * A settings file changed ({@code ConfigChange}).
     *
     * @param common the fields every event has
     * @param source which settings, e.g. {@code user_settings}
     * @param filePath the file, if known
     */
    record ConfigChange(Common common, String source, Optional<String> filePath) implements HookInput {

        /** Validates and copies the components. */
        public ConfigChange {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(filePath, "filePath");
        }

        @Override
        public HookEvent event() {
            return HookEvent.CONFIG_CHANGE;
        }
    }

    /**
     * A git worktree is to be created ({@code WorktreeCreate}).
     *
     * @param common the fields every event has
     * @param name the worktree's name
     */
    record WorktreeCreate(Common common, String name) implements HookInput {

        /** Validates and copies the components. */
        public WorktreeCreate {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public HookEvent event() {
            return HookEvent.WORKTREE_CREATE;
        }
    }

    /**
     * A git worktree is removed ({@code WorktreeRemove}).
     *
     * @param common the fields every event has
     * @param worktreePath the worktree's directory
     */
    record WorktreeRemove(Common common, String worktreePath) implements HookInput {

        /** Validates and copies the components. */
        public WorktreeRemove {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(worktreePath, "worktreePath");
        }

        @Override
        public HookEvent event() {
            return HookEvent.WORKTREE_REMOVE;
        }
    }

    /**
     * A memory or instructions file was loaded ({@code InstructionsLoaded}).
     *
     * @param common the fields every event has
     * @param filePath the file
     * @param memoryType {@code User}, {@code Project}, {@code Local} or {@code Managed}
     * @param loadReason why it was loaded, e.g. {@code session_start}
     * @param globs the path globs that matched, if any
     * @param triggerFilePath the file whose access caused the load, if any
     * @param parentFilePath the file that included it, if any
     */
    record InstructionsLoaded(
            Common common,
            String filePath,
            String memoryType,
            String loadReason,
            List<String> globs,
            Optional<String> triggerFilePath,
            Optional<String> parentFilePath) implements HookInput {

        /** Validates and copies the components. */
        public InstructionsLoaded {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(filePath, "filePath");
            Objects.requireNonNull(memoryType, "memoryType");
            Objects.requireNonNull(loadReason, "loadReason");
            globs = List.copyOf(Objects.requireNonNull(globs, "globs"));
            Objects.requireNonNull(triggerFilePath, "triggerFilePath");
            Objects.requireNonNull(parentFilePath, "parentFilePath");
        }

        @Override
        public HookEvent event() {
            return HookEvent.INSTRUCTIONS_LOADED;
        }
    }

    /**
     * The working directory changed ({@code CwdChanged}).
     *
     * @param common the fields every event has
     * @param oldCwd the directory before
     * @param newCwd the directory after
     */
    record CwdChanged(Common common, String oldCwd, String newCwd) implements HookInput {

        /** Validates and copies the components. */
        public CwdChanged {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(oldCwd, "oldCwd");
            Objects.requireNonNull(newCwd, "newCwd");
        }

        @Override
        public HookEvent event() {
            return HookEvent.CWD_CHANGED;
        }
    }

    /**
     * A watched file changed ({@code FileChanged}).
     *
     * @param common the fields every event has
     * @param filePath the file
     * @param change {@code change}, {@code add} or {@code unlink}
     */
    record FileChanged(Common common, String filePath, String change) implements HookInput {

        /** Validates and copies the components. */
        public FileChanged {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(filePath, "filePath");
            Objects.requireNonNull(change, "change");
        }

        @Override
        public HookEvent event() {
            return HookEvent.FILE_CHANGED;
        }
    }

    /**
     * Assistant text is displayed ({@code MessageDisplay}).
     *
     * @param common the fields every event has
     * @param turnId the turn
     * @param messageId the message
     * @param index the position of this piece in the message
     * @param last whether this is the message's last piece
     * @param delta the text
     */
    record MessageDisplay(
            Common common,
            String turnId,
            String messageId,
            long index,
            boolean last,
            String delta) implements HookInput {

        /** Validates and copies the components. */
        public MessageDisplay {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(turnId, "turnId");
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(delta, "delta");
        }

        @Override
        public HookEvent event() {
            return HookEvent.MESSAGE_DISPLAY;
        }
    }

    /**
     * A running turn was stopped ({@code Interrupt}); the hook only observes. Since CLI 2.1.335,
     * newer than the pinned CLI.
     *
     * @param common the fields every event has
     * @param source who stopped it: {@code user} (a person, or a client that does not say, such as
     *     this library's interrupt), {@code session} (another session) or {@code system}
     * @param reason what stopped it: {@code stop}, {@code permission_denied}, {@code rewind} or
     *     {@code other}
     * @param via how the stop arrived, when known: {@code terminal} or {@code client}
     */
    record Interrupt(Common common, String source, String reason, Optional<String> via) implements HookInput {

        /** Validates and copies the components. */
        public Interrupt {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(via, "via");
        }

        @Override
        public HookEvent event() {
            return HookEvent.INTERRUPT;
        }
    }

    /**
     * The session's model is about to change ({@code PreModelSwitch}); answer with {@link
     * HookSpecificOutput.PreModelSwitch} to allow, deny or ask. Since CLI 2.1.251.
     *
     * @param common the fields every event has
     * @param fromModel the model in use before the switch ({@code from_model})
     * @param toModel the model after it ({@code to_model})
     * @param requestedModel what was asked for: an alias such as {@code opus} or a model id; empty for
     *     the default model ({@code requested_model})
     * @param source what asked: {@code command} ({@code /model}), {@code picker} or {@code sdk} (a
     *     {@code set_model} request, as {@code Session.setModel} sends)
     * @param contextTokens the prompt tokens the next request sends again ({@code context_tokens})
     * @param promptCacheWarm whether the current model's prompt cache is likely warm, so that the switch
     *     gives it up ({@code prompt_cache_warm})
     * @param cacheTtl the cache's lifetime: {@code 5m} or {@code 1h} ({@code cache_ttl})
     * @param estimatedCacheWriteUsd the estimated cost in US dollars of caching the context again on the
     *     new model ({@code estimated_cache_write_usd})
     * @param pricing how that was priced: {@code configured}, {@code catalog} or {@code default}
     */
    record PreModelSwitch(
            Common common,
            String fromModel,
            String toModel,
            Optional<String> requestedModel,
            String source,
            long contextTokens,
            boolean promptCacheWarm,
            String cacheTtl,
            double estimatedCacheWriteUsd,
            String pricing) implements HookInput {

        /** Validates and copies the components. */
        public PreModelSwitch {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(fromModel, "fromModel");
            Objects.requireNonNull(toModel, "toModel");
            Objects.requireNonNull(requestedModel, "requestedModel");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(cacheTtl, "cacheTtl");
            Objects.requireNonNull(pricing, "pricing");
        }

        @Override
        public HookEvent event() {
            return HookEvent.PRE_MODEL_SWITCH;
        }
    }

    /**
     * The session's model changed ({@code PostModelSwitch}); answer with {@link
     * HookOutput#additionalContext(HookEvent, String)} to tell the new model something. Since CLI
     * 2.1.251.
     *
     * @param common the fields every event has
     * @param fromModel the model in use before the switch ({@code from_model})
     * @param toModel the model after it ({@code to_model})
     * @param requestedModel what was asked for; empty for the default model ({@code requested_model})
     * @param source what changed it: {@code command}, {@code picker}, {@code sdk}, {@code auto} (a
     *     fallback or other automatic change) or {@code resume}
     * @param contextTokens the prompt tokens the next request sends again ({@code context_tokens})
     * @param promptCacheWarm whether the previous model's prompt cache was likely warm ({@code
     *     prompt_cache_warm})
     * @param cacheTtl the cache's lifetime: {@code 5m} or {@code 1h} ({@code cache_ttl})
     * @param estimatedCacheWriteUsd the estimated cost in US dollars of caching the context again on the
     *     new model ({@code estimated_cache_write_usd})
     * @param pricing how that was priced: {@code configured}, {@code catalog} or {@code default}
     */
    record PostModelSwitch(
            Common common,
            String fromModel,
            String toModel,
            Optional<String> requestedModel,
            String source,
            long contextTokens,
            boolean promptCacheWarm,
            String cacheTtl,
            double estimatedCacheWriteUsd,
            String pricing) implements HookInput {

        /** Validates and copies the components. */
        public PostModelSwitch {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(fromModel, "fromModel");
            Objects.requireNonNull(toModel, "toModel");
            Objects.requireNonNull(requestedModel, "requestedModel");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(cacheTtl, "cacheTtl");
            Objects.requireNonNull(pricing, "pricing");
        }

        @Override
        public HookEvent event() {
            return HookEvent.POST_MODEL_SWITCH;
        }
    }

    /**
     * A directory was added to the session's working directories ({@code DirectoryAdded}); the hook
     * only observes. Since CLI 2.1.219.
     *
     * @param common the fields every event has
     * @param directory the directory's absolute path
     * @param source how it was added: {@code slash_command} ({@code /add-dir}) or {@code
     *     register_repo_root} (a control request)
     */
    record DirectoryAdded(Common common, String directory, String source) implements HookInput {

        /** Validates and copies the components. */
        public DirectoryAdded {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public HookEvent event() {
            return HookEvent.DIRECTORY_ADDED;
        }
    }

    /**
     * A shell command written in a skill's or slash command's text ({@code !`command`}) is about to
     * run while the text loads ({@code PreSkillShellCommand}); answer with {@link
     * HookSpecificOutput.PreSkillShellCommand} to refuse it. Since CLI 2.1.332.
     *
     * @param common the fields every event has
     * @param toolName the shell tool that runs it: {@code Bash} or {@code PowerShell}
     * @param toolInput the tool's input as plain JSON: {@code command}, with arguments filled in
     * @param toolUseId an id for this command; no tool use in the transcript has it
     * @param commandName the skill or command whose text holds the shell command
     * @param commandSource where that skill or command comes from, when known
     * @param invokedBy who started the load: {@code user} (typed, or sent by a client such as this
     *     library), {@code claude} (the Skill tool) or {@code other}
     */
    record PreSkillShellCommand(
            Common common,
            String toolName,
            Map<String, Object> toolInput,
            String toolUseId,
            String commandName,
            Optional<String> commandSource,
            String invokedBy) implements HookInput {

        /** Validates and copies the components. */
        public PreSkillShellCommand {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(toolName, "toolName");
            toolInput = JsonValues.copyMap(Objects.requireNonNull(toolInput, "toolInput"));
            Objects.requireNonNull(toolUseId, "toolUseId");
            Objects.requireNonNull(commandName, "commandName");
            Objects.requireNonNull(commandSource, "commandSource");
            Objects.requireNonNull(invokedBy, "invokedBy");
        }

        /** {@return the shell command, as it would run; empty when the input has none} */
        public String command() {
            return toolInput.get("command") instanceof String command ? command : "";
        }

        @Override
        public HookEvent event() {
            return HookEvent.PRE_SKILL_SHELL_COMMAND;
        }
    }

    /**
     * An event this library does not know; read its fields from {@link #raw()}.
     *
     * @param common the fields every event has
     * @param event the event
     */
    record Unknown(Common common, HookEvent event) implements HookInput {

        /** Validates the components. */
        public Unknown {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(event, "event");
        }
    }
}
