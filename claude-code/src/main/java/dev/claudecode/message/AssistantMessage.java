package dev.claudecode.message;

import dev.claudecode.internal.json.JsonValues;
import dev.claudecode.usage.Usage;
import dev.claudecode.content.ContentBlock;
import dev.claudecode.content.ContentBlocks;
import dev.claudecode.content.ToolUseBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A message from the model ({@code "type":"assistant"}). While a response streams the CLI writes
 * one assistant message per finished content block, all sharing {@link #messageId()}; on these,
 * {@link #stopReason()} is absent and {@link #usage()} is the usage at the start of the response.
 * The final stop reason and usage arrive in the {@link ResultMessage}.
 *
 * <p>When an API call fails for good, the CLI writes a synthetic assistant message: {@link
 * #model()} is {@code "<synthetic>"}, {@link #error()} holds the error category, and the text holds
 * the error message.
 *
 * <p>{@link #uuid()} is the message's id on the CLI's side, also used in its session file.
 *
 * @param messageId the API message id ({@code message.id}); a UUID on synthetic messages
 * @param model the model that answered ({@code message.model})
 * @param content the content blocks; usually exactly one
 * @param stopReason why the model stopped ({@code message.stop_reason})
 * @param stopSequence the stop sequence that was hit ({@code message.stop_sequence})
 * @param usage the token usage ({@code message.usage})
 * @param parentToolUseId the tool use of the subagent that produced this message ({@code
 *     parent_tool_use_id}); absent for the main conversation
 * @param error the error category of a synthetic API error message, such as {@code
 *     "server_error"}, {@code "rate_limit"}, {@code "authentication_failed"} or {@code "unknown"}
 * @param requestId the API request id ({@code request_id})
 * @param toolUseMeta display names of MCP tool uses in this message ({@code tool_use_meta})
 * @param timestamp when this content block finished, as an ISO 8601 text from the CLI's clock, for
 *     display
 * @param agentId the subagent that produced this message ({@code agent_id}): the task id of its
 *     task messages; empty in the main conversation
 * @param subagentType the agent type of that subagent ({@code subagent_type})
 * @param taskDescription the description of that subagent's task ({@code task_description})
 * @param aborted whether an interrupt cut the response off before it finished: no stop reason came
 *     and the text may end mid-word
 * @param userMessageUuid the uuid the caller gave the user message this turn answers ({@code
 *     user_message_uuid}), on the first assistant message after it changes
 * @param userMessageUuids the uuids of every user message the turn has taken up so far, in order
 *     ({@code user_message_uuids})
 * @param resumeReason why this turn continues one a worker restart interrupted ({@code
 *     resume_reason})
 * @param resumedFromIncompleteThinking whether this response continued a preceding one cut off in
 *     its thinking ({@code resumed_from_incomplete_thinking})
 * @param supersedes the uuids of earlier messages this one replaces, as after a refusal fallback;
 *     remove those when this arrives
 * @param thinkingDurationMs how long the model thought, in milliseconds, on a message with
 *     thinking ({@code thinking_duration_ms})
 * @param thinkingDisplay how thinking is shown ({@code thinking_display}), such as {@code
 *     "updates"}
 * @param isApiErrorMessage whether this is the synthetic message of an API error ({@code
 *     is_api_error_message})
 * @param apiErrorStatus on an API error message, the HTTP status ({@code api_error_status})
 * @param apiErrorType on an API error message, the API's error type ({@code api_error_type}), such
 *     as {@code "invalid_request_error"}
 * @param contextUsage on the message that answers {@code /context}, the same report as plain JSON
 *     ({@code context_usage}): {@code model}, {@code total_tokens}, {@code raw_max_tokens}, {@code
 *     percentage}, {@code categories}, {@code memory_files}, {@code mcp_tools}, {@code agents},
 *     {@code skills}
 * @param usageReport on the message that answers {@code /usage}, the report as plain JSON ({@code
 *     usage_report}): session totals, the plan's usage and extra-usage spend
 * @param envelope the session id, uuid and JSON of the message
 */
public record AssistantMessage(
        String messageId,
        String model,
        List<ContentBlock> content,
        Optional<String> stopReason,
        Optional<String> stopSequence,
        Usage usage,
        Optional<String> parentToolUseId,
        Optional<String> error,
        Optional<String> requestId,
        List<ToolUseMeta> toolUseMeta,
        Optional<String> timestamp,
        Optional<String> agentId,
        Optional<String> subagentType,
        Optional<String> taskDescription,
        boolean aborted,
        Optional<String> userMessageUuid,
        List<String> userMessageUuids,
        Optional<String> resumeReason,
        boolean resumedFromIncompleteThinking,
        List<String> supersedes,
        OptionalLong thinkingDurationMs,
        Optional<String> thinkingDisplay,
        boolean isApiErrorMessage,
        OptionalInt apiErrorStatus,
        Optional<String> apiErrorType,
        Optional<Map<String, Object>> contextUsage,
        Optional<Map<String, Object>> usageReport,
        Envelope envelope)
        implements Message {

    /** The wire type of this message. */
    public static final String TYPE = "assistant";

    /**
     * Validates and copies the components. For the library's decoder: this constructor gains a
     * parameter whenever the CLI adds a field, so code that builds messages uses {@link #builder()}.
     */
    public AssistantMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(model, "model");
        content = List.copyOf(Objects.requireNonNull(content, "content"));
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(stopSequence, "stopSequence");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(parentToolUseId, "parentToolUseId");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(requestId, "requestId");
        toolUseMeta = List.copyOf(Objects.requireNonNull(toolUseMeta, "toolUseMeta"));
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(subagentType, "subagentType");
        Objects.requireNonNull(taskDescription, "taskDescription");
        Objects.requireNonNull(userMessageUuid, "userMessageUuid");
        userMessageUuids = List.copyOf(Objects.requireNonNull(userMessageUuids, "userMessageUuids"));
        Objects.requireNonNull(resumeReason, "resumeReason");
        supersedes = List.copyOf(Objects.requireNonNull(supersedes, "supersedes"));
        Objects.requireNonNull(thinkingDurationMs, "thinkingDurationMs");
        Objects.requireNonNull(thinkingDisplay, "thinkingDisplay");
        Objects.requireNonNull(apiErrorStatus, "apiErrorStatus");
        Objects.requireNonNull(apiErrorType, "apiErrorType");
        contextUsage = Objects.requireNonNull(contextUsage, "contextUsage").map(JsonValues::copyMap);
        usageReport = Objects.requireNonNull(usageReport, "usageReport").map(JsonValues::copyMap);
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * The text of this message: its text blocks joined without a separator.
     *
     * @return the text, empty when the message has no text block
     */
    public String text() {
        return ContentBlocks.text(content);
    }

    /**
     * The tool calls in this message.
     *
     * @return the tool use blocks in order, unmodifiable
     */
    public List<ToolUseBlock> toolUses() {
        return ContentBlocks.ofType(content, ToolUseBlock.class);
    }

    /**
     * A builder with every field empty.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from this message.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.messageId = messageId;
        b.model = model;
        b.content = new ArrayList<>(content);
        b.stopReason = stopReason;
        b.stopSequence = stopSequence;
        b.usage = usage;
        b.parentToolUseId = parentToolUseId;
        b.error = error;
        b.requestId = requestId;
        b.toolUseMeta = new ArrayList<>(toolUseMeta);
        b.timestamp = timestamp;
        b.agentId = agentId;
        b.subagentType = subagentType;
        b.taskDescription = taskDescription;
        b.aborted = aborted;
        b.userMessageUuid = userMessageUuid;
        b.userMessageUuids = userMessageUuids;
        b.resumeReason = resumeReason;
        b.resumedFromIncompleteThinking = resumedFromIncompleteThinking;
        b.supersedes = supersedes;
        b.thinkingDurationMs = thinkingDurationMs;
        b.thinkingDisplay = thinkingDisplay;
        b.isApiErrorMessage = isApiErrorMessage;
        b.apiErrorStatus = apiErrorStatus;
        b.apiErrorType = apiErrorType;
        b.contextUsage = contextUsage;
        b.usageReport = usageReport;
        b.envelope = envelope;
        return b;
    }

    /** Builds {@link AssistantMessage}s, for example to feed code under test. */
    public static final class Builder extends MessageBuilder<Builder> {
        private String messageId = "";
        private String model = "";
        private List<ContentBlock> content = new ArrayList<>();
        private Optional<String> stopReason = Optional.empty();
        private Optional<String> stopSequence = Optional.empty();
        private Usage usage = Usage.EMPTY;
        private Optional<String> parentToolUseId = Optional.empty();
        private Optional<String> error = Optional.empty();
        private Optional<String> requestId = Optional.empty();
        private List<ToolUseMeta> toolUseMeta = new ArrayList<>();
        private Optional<String> timestamp = Optional.empty();
        private Optional<String> agentId = Optional.empty();
        private Optional<String> subagentType = Optional.empty();
        private Optional<String> taskDescription = Optional.empty();
        private boolean aborted = false;
        private Optional<String> userMessageUuid = Optional.empty();
        private List<String> userMessageUuids = List.of();
        private Optional<String> resumeReason = Optional.empty();
        private boolean resumedFromIncompleteThinking = false;
        private List<String> supersedes = List.of();
        private OptionalLong thinkingDurationMs = OptionalLong.empty();
        private Optional<String> thinkingDisplay = Optional.empty();
        private boolean isApiErrorMessage = false;
        private OptionalInt apiErrorStatus = OptionalInt.empty();
        private Optional<String> apiErrorType = Optional.empty();
        private Optional<Map<String, Object>> contextUsage = Optional.empty();
        private Optional<Map<String, Object>> usageReport = Optional.empty();

        private Builder() {
        }

        /**
         * Sets the API message id.
         *
         * @param messageId the API message id
         * @return this builder
         */
        public Builder messageId(String messageId) {
            this.messageId = Objects.requireNonNull(messageId, "messageId");
            return this;
        }

        /**
         * Sets the model that answered.
         *
         * @param model the model that answered
         * @return this builder
         */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * Sets the content blocks, replacing any set before.
         *
         * @param content the content blocks, replacing any set before
         * @return this builder
         */
        public Builder content(List<? extends ContentBlock> content) {
            this.content = new ArrayList<>(content);
            return this;
        }

        /**
         * Appends a content block.
         *
         * @param block a content block to append
         * @return this builder
         */
        public Builder addContent(ContentBlock block) {
            this.content.add(Objects.requireNonNull(block, "block"));
            return this;
        }

        /**
         * Sets why the model stopped.
         *
         * @param stopReason why the model stopped
         * @return this builder
         */
        public Builder stopReason(String stopReason) {
            this.stopReason = Optional.ofNullable(stopReason);
            return this;
        }

        /**
         * Sets the stop sequence that was hit.
         *
         * @param stopSequence the stop sequence that was hit
         * @return this builder
         */
        public Builder stopSequence(String stopSequence) {
            this.stopSequence = Optional.ofNullable(stopSequence);
            return this;
        }

        /**
         * Sets the token usage.
         *
         * @param usage the token usage
         * @return this builder
         */
        public Builder usage(Usage usage) {
            this.usage = Objects.requireNonNull(usage, "usage");
            return this;
        }

        /**
         * Sets the subagent's tool use id.
         *
         * @param parentToolUseId the subagent's tool use id
         * @return this builder
         */
        public Builder parentToolUseId(String parentToolUseId) {
            this.parentToolUseId = Optional.ofNullable(parentToolUseId);
            return this;
        }

        /**
         * Sets the error category of a synthetic API error message.
         *
         * @param error the error category of a synthetic API error message
         * @return this builder
         */
        public Builder error(String error) {
            this.error = Optional.ofNullable(error);
            return this;
        }

        /**
         * Sets the API request id.
         *
         * @param requestId the API request id
         * @return this builder
         */
        public Builder requestId(String requestId) {
            this.requestId = Optional.ofNullable(requestId);
            return this;
        }

        /**
         * Sets the display names of MCP tool uses.
         *
         * @param toolUseMeta display names of MCP tool uses
         * @return this builder
         */
        public Builder toolUseMeta(List<ToolUseMeta> toolUseMeta) {
            this.toolUseMeta = new ArrayList<>(toolUseMeta);
            return this;
        }

        /**
         * Sets when the content block finished.
         *
         * @param timestamp when the content block finished; null for none
         * @return this builder
         */
        public Builder timestamp(String timestamp) {
            this.timestamp = Optional.ofNullable(timestamp);
            return this;
        }

        /**
         * Sets the subagent that produced the message.
         *
         * @param agentId the subagent that produced the message; null for none
         * @return this builder
         */
        public Builder agentId(String agentId) {
            this.agentId = Optional.ofNullable(agentId);
            return this;
        }

        /**
         * Sets the agent type of the subagent.
         *
         * @param subagentType the agent type of the subagent; null for none
         * @return this builder
         */
        public Builder subagentType(String subagentType) {
            this.subagentType = Optional.ofNullable(subagentType);
            return this;
        }

        /**
         * Sets the description of the subagent's task.
         *
         * @param taskDescription the description of the subagent's task; null for none
         * @return this builder
         */
        public Builder taskDescription(String taskDescription) {
            this.taskDescription = Optional.ofNullable(taskDescription);
            return this;
        }

        /**
         * Sets whether an interrupt cut the response off.
         *
         * @param aborted whether an interrupt cut the response off
         * @return this builder
         */
        public Builder aborted(boolean aborted) {
            this.aborted = aborted;
            return this;
        }

        /**
         * Sets the uuid of the user message the turn answers.
         *
         * @param userMessageUuid the uuid of the user message the turn answers; null for none
         * @return this builder
         */
        public Builder userMessageUuid(String userMessageUuid) {
            this.userMessageUuid = Optional.ofNullable(userMessageUuid);
            return this;
        }

        /**
         * Sets the uuids of the user messages the turn took up.
         *
         * @param userMessageUuids the uuids of the user messages the turn took up
         * @return this builder
         */
        public Builder userMessageUuids(List<String> userMessageUuids) {
            this.userMessageUuids = List.copyOf(userMessageUuids);
            return this;
        }

        /**
         * Sets why the turn continues an interrupted one.
         *
         * @param resumeReason why the turn continues an interrupted one; null for none
         * @return this builder
         */
        public Builder resumeReason(String resumeReason) {
            this.resumeReason = Optional.ofNullable(resumeReason);
            return this;
        }

        /**
         * Sets whether the response continued cut-off thinking.
         *
         * @param resumedFromIncompleteThinking whether the response continued cut-off thinking
         * @return this builder
         */
        public Builder resumedFromIncompleteThinking(boolean resumedFromIncompleteThinking) {
            this.resumedFromIncompleteThinking = resumedFromIncompleteThinking;
            return this;
        }

        /**
         * Sets the uuids of the messages this one replaces.
         *
         * @param supersedes the uuids of the messages this one replaces
         * @return this builder
         */
        public Builder supersedes(List<String> supersedes) {
            this.supersedes = List.copyOf(supersedes);
            return this;
        }

        /**
         * Sets how long the model thought.
         *
         * @param thinkingDurationMs how long the model thought
         * @return this builder
         */
        public Builder thinkingDurationMs(long thinkingDurationMs) {
            this.thinkingDurationMs = OptionalLong.of(thinkingDurationMs);
            return this;
        }

        /**
         * Sets how thinking is shown.
         *
         * @param thinkingDisplay how thinking is shown; null for none
         * @return this builder
         */
        public Builder thinkingDisplay(String thinkingDisplay) {
            this.thinkingDisplay = Optional.ofNullable(thinkingDisplay);
            return this;
        }

        /**
         * Sets whether this is an API error message.
         *
         * @param isApiErrorMessage whether this is an API error message
         * @return this builder
         */
        public Builder isApiErrorMessage(boolean isApiErrorMessage) {
            this.isApiErrorMessage = isApiErrorMessage;
            return this;
        }

        /**
         * Sets the HTTP status of the API error.
         *
         * @param apiErrorStatus the HTTP status of the API error
         * @return this builder
         */
        public Builder apiErrorStatus(int apiErrorStatus) {
            this.apiErrorStatus = OptionalInt.of(apiErrorStatus);
            return this;
        }

        /**
         * Sets the API error type.
         *
         * @param apiErrorType the API error type; null for none
         * @return this builder
         */
        public Builder apiErrorType(String apiErrorType) {
            this.apiErrorType = Optional.ofNullable(apiErrorType);
            return this;
        }

        /**
         * Sets the {@code /context} report.
         *
         * @param contextUsage the {@code /context} report; null for none
         * @return this builder
         */
        public Builder contextUsage(Map<String, ?> contextUsage) {
            this.contextUsage = Optional.ofNullable(contextUsage).map(JsonValues::copyMap);
            return this;
        }

        /**
         * Sets the {@code /usage} report.
         *
         * @param usageReport the {@code /usage} report; null for none
         * @return this builder
         */
        public Builder usageReport(Map<String, ?> usageReport) {
            this.usageReport = Optional.ofNullable(usageReport).map(JsonValues::copyMap);
            return this;
        }

        /**
         * Builds the message.
         *
         * @return the message
         */
        public AssistantMessage build() {
            return new AssistantMessage(messageId, model, content, stopReason, stopSequence, usage, parentToolUseId,
                    error, requestId, toolUseMeta, timestamp, agentId, subagentType, taskDescription, aborted,
                    userMessageUuid, userMessageUuids, resumeReason, resumedFromIncompleteThinking, supersedes,
                    thinkingDurationMs, thinkingDisplay, isApiErrorMessage, apiErrorStatus, apiErrorType,
                    contextUsage, usageReport, envelope);
        }
    }
}
