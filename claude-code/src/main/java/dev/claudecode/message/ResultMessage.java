package dev.claudecode.message;

import dev.claudecode.usage.ModelUsage;
import dev.claudecode.usage.Usage;
import dev.claudecode.internal.json.JsonValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The outcome of a turn ({@code "type":"result"}); the CLI writes exactly one per turn, last.
 *
 * <p>A turn failed when {@link #isError()} is true, whatever the {@link #subtype()}: after an API
 * error the CLI reports {@code subtype:"success"} with {@code is_error:true}. {@link #isSuccess()}
 * checks both.
 *
 * <p>Newer CLIs add timing and accounting fields meant for their own remote transports ({@code
 * first_stream_post_ms}, {@code request_sent_wall_ms}, {@code subagent_stats}, ...); those are not
 * modelled and stay in {@link #raw()}.
 *
 * @param subtype {@code "success"}, {@code "error_during_execution"}, {@code "error_max_turns"},
 *     {@code "error_max_budget_usd"}, {@code "error_max_structured_output_retries"} or a newer one
 * @param isError whether the turn failed ({@code is_error})
 * @param durationMs the turn's wall time in milliseconds ({@code duration_ms})
 * @param durationApiMs the time spent in API calls in milliseconds ({@code duration_api_ms})
 * @param numTurns the number of model round trips in the turn ({@code num_turns})
 * @param result the final text, or the error text after an API error; absent on error subtypes
 * @param stopReason the model's last stop reason ({@code stop_reason})
 * @param totalCostUsd the estimated cost of the session so far in US dollars ({@code
 *     total_cost_usd})
 * @param usage the token usage of the turn's main loop
 * @param modelUsage usage and cost per model, cumulative for the session ({@code modelUsage})
 * @param permissionDenials the tool calls that were denied during the turn ({@code
 *     permission_denials})
 * @param errors what went wrong, on error subtypes
 * @param structuredOutput the structured output as plain JSON, when a JSON schema was requested
 *     ({@code structured_output})
 * @param apiErrorStatus the HTTP status of the API error that ended the turn ({@code
 *     api_error_status})
 * @param terminalReason why the turn ended ({@code terminal_reason}), such as {@code "completed"},
 *     {@code "max_turns"}, {@code "aborted_streaming"} or {@code "aborted_tools"}
 * @param fastModeState the fast mode state ({@code fast_mode_state})
 * @param ttftMs time to the first token in milliseconds ({@code ttft_ms})
 * @param ttftStreamMs time to the first streamed token in milliseconds ({@code ttft_stream_ms})
 * @param timeToRequestMs time until the API request was sent in milliseconds ({@code
 *     time_to_request_ms})
 * @param apiErrorType the kind of API error that ended the turn ({@code api_error_type})
 * @param fastModeDisabledReason why fast mode is off ({@code fast_mode_disabled_reason}), such as
 *     {@code "sdk_opt_in_required"}
 * @param queuedTurnCount how many messages the caller sent are still queued ({@code
 *     queued_turn_count}); above 0, more turns and results follow without further input
 * @param resultIndex the number of this result among the process's results, from 0, in the order
 *     they are written ({@code result_index})
 * @param resumeReason why this turn continues one a worker restart interrupted ({@code
 *     resume_reason})
 * @param userMessageUuid the uuid the caller gave the user message this turn answers ({@code
 *     user_message_uuid})
 * @param userMessageUuids the uuids of every user message the turn took up, in order ({@code
 *     user_message_uuids}); several when messages sent close together ran as one turn
 * @param localCommand the local slash command the turn ran, such as {@code "cost"} ({@code
 *     local_command})
 * @param startupFailureReason on the error result written when the CLI could not start, why
 *     ({@code startup_failure_reason}), such as {@code "config_file_invalid"}
 * @param invalidConfigFile the config file that did not parse, with startup failure reason {@code
 *     "config_file_invalid"} ({@code invalid_config_file})
 * @param credentialExpiresAt when the claude.ai credential in use ends for good, as an ISO 8601
 *     instant ({@code credential_expires_at})
 * @param deferredToolUse the tool use a PreToolUse hook deferred, which ended the turn ({@code
 *     deferred_tool_use})
 * @param origin where the turn came from, when not from the caller ({@code origin}), such as a
 *     background task's notification
 * @param modelUsageSinceLastResult usage and cost per model since the previous result only ({@code
 *     model_usage_since_last_result}), where {@link #modelUsage()} is cumulative
 * @param envelope the session id, uuid and JSON of the message
 */
public record ResultMessage(
        String subtype,
        boolean isError,
        long durationMs,
        long durationApiMs,
        int numTurns,
        Optional<String> result,
        Optional<String> stopReason,
        double totalCostUsd,
        Usage usage,
        Map<String, ModelUsage> modelUsage,
        List<PermissionDenial> permissionDenials,
        List<String> errors,
        Optional<Object> structuredOutput,
        OptionalInt apiErrorStatus,
        Optional<String> terminalReason,
        Optional<String> fastModeState,
        OptionalLong ttftMs,
        OptionalLong ttftStreamMs,
        OptionalLong timeToRequestMs,
        Optional<String> apiErrorType,
        Optional<String> fastModeDisabledReason,
        OptionalInt queuedTurnCount,
        OptionalInt resultIndex,
        Optional<String> resumeReason,
        Optional<String> userMessageUuid,
        List<String> userMessageUuids,
        Optional<String> localCommand,
        Optional<String> startupFailureReason,
        Optional<InvalidConfigFile> invalidConfigFile,
        Optional<String> credentialExpiresAt,
        Optional<DeferredToolUse> deferredToolUse,
        Optional<MessageOrigin> origin,
        Map<String, ModelUsage> modelUsageSinceLastResult,
        Envelope envelope)
        implements Message {

    /** The wire type of this message. */
    public static final String TYPE = "result";

    /** The subtype of a turn that ran to its end (which may still be an API error). */
    public static final String SUBTYPE_SUCCESS = "success";

    /**
     * Validates and copies the components. For the library's decoder: this constructor gains a
     * parameter whenever the CLI adds a field, so code that builds messages uses {@link #builder()}.
     */
    public ResultMessage {
        Objects.requireNonNull(subtype, "subtype");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(usage, "usage");
        modelUsage = Objects.requireNonNull(modelUsage, "modelUsage").isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(modelUsage));
        permissionDenials = List.copyOf(Objects.requireNonNull(permissionDenials, "permissionDenials"));
        errors = List.copyOf(Objects.requireNonNull(errors, "errors"));
        structuredOutput = Objects.requireNonNull(structuredOutput, "structuredOutput").map(JsonValues::copy);
        Objects.requireNonNull(apiErrorStatus, "apiErrorStatus");
        Objects.requireNonNull(terminalReason, "terminalReason");
        Objects.requireNonNull(fastModeState, "fastModeState");
        Objects.requireNonNull(ttftMs, "ttftMs");
        Objects.requireNonNull(ttftStreamMs, "ttftStreamMs");
        Objects.requireNonNull(timeToRequestMs, "timeToRequestMs");
        Objects.requireNonNull(apiErrorType, "apiErrorType");
        Objects.requireNonNull(fastModeDisabledReason, "fastModeDisabledReason");
        Objects.requireNonNull(queuedTurnCount, "queuedTurnCount");
        Objects.requireNonNull(resultIndex, "resultIndex");
        Objects.requireNonNull(resumeReason, "resumeReason");
        Objects.requireNonNull(userMessageUuid, "userMessageUuid");
        userMessageUuids = List.copyOf(Objects.requireNonNull(userMessageUuids, "userMessageUuids"));
        Objects.requireNonNull(localCommand, "localCommand");
        Objects.requireNonNull(startupFailureReason, "startupFailureReason");
        Objects.requireNonNull(invalidConfigFile, "invalidConfigFile");
        Objects.requireNonNull(credentialExpiresAt, "credentialExpiresAt");
        Objects.requireNonNull(deferredToolUse, "deferredToolUse");
        Objects.requireNonNull(origin, "origin");
        modelUsageSinceLastResult = Objects.requireNonNull(modelUsageSinceLastResult, "modelUsageSinceLastResult").isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(modelUsageSinceLastResult));
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * Whether the turn succeeded: the subtype is {@code "success"} and {@link #isError()} is false.
     *
     * @return true for a successful turn
     */
    public boolean isSuccess() {
        return !isError && SUBTYPE_SUCCESS.equals(subtype);
    }

    /**
     * A builder with every field empty and subtype {@code "success"}.
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
        b.subtype = subtype;
        b.isError = isError;
        b.durationMs = durationMs;
        b.durationApiMs = durationApiMs;
        b.numTurns = numTurns;
        b.result = result;
        b.stopReason = stopReason;
        b.totalCostUsd = totalCostUsd;
        b.usage = usage;
        b.modelUsage = new LinkedHashMap<>(modelUsage);
        b.permissionDenials = new ArrayList<>(permissionDenials);
        b.errors = new ArrayList<>(errors);
        b.structuredOutput = structuredOutput;
        b.apiErrorStatus = apiErrorStatus;
        b.terminalReason = terminalReason;
        b.fastModeState = fastModeState;
        b.ttftMs = ttftMs;
        b.ttftStreamMs = ttftStreamMs;
        b.timeToRequestMs = timeToRequestMs;
        b.apiErrorType = apiErrorType;
        b.fastModeDisabledReason = fastModeDisabledReason;
        b.queuedTurnCount = queuedTurnCount;
        b.resultIndex = resultIndex;
        b.resumeReason = resumeReason;
        b.userMessageUuid = userMessageUuid;
        b.userMessageUuids = userMessageUuids;
        b.localCommand = localCommand;
        b.startupFailureReason = startupFailureReason;
        b.invalidConfigFile = invalidConfigFile;
        b.credentialExpiresAt = credentialExpiresAt;
        b.deferredToolUse = deferredToolUse;
        b.origin = origin;
        b.modelUsageSinceLastResult = modelUsageSinceLastResult;
        b.envelope = envelope;
        return b;
    }

    /** Builds {@link ResultMessage}s, for example to feed code under test. */
    public static final class Builder extends MessageBuilder<Builder> {
        private String subtype = SUBTYPE_SUCCESS;
        private boolean isError;
        private long durationMs;
        private long durationApiMs;
        private int numTurns;
        private Optional<String> result = Optional.empty();
        private Optional<String> stopReason = Optional.empty();
        private double totalCostUsd;
        private Usage usage = Usage.EMPTY;
        private Map<String, ModelUsage> modelUsage = new LinkedHashMap<>();
        private List<PermissionDenial> permissionDenials = new ArrayList<>();
        private List<String> errors = new ArrayList<>();
        private Optional<Object> structuredOutput = Optional.empty();
        private OptionalInt apiErrorStatus = OptionalInt.empty();
        private Optional<String> terminalReason = Optional.empty();
        private Optional<String> fastModeState = Optional.empty();
        private OptionalLong ttftMs = OptionalLong.empty();
        private OptionalLong ttftStreamMs = OptionalLong.empty();
        private OptionalLong timeToRequestMs = OptionalLong.empty();
        private Optional<String> apiErrorType = Optional.empty();
        private Optional<String> fastModeDisabledReason = Optional.empty();
        private OptionalInt queuedTurnCount = OptionalInt.empty();
        private OptionalInt resultIndex = OptionalInt.empty();
        private Optional<String> resumeReason = Optional.empty();
        private Optional<String> userMessageUuid = Optional.empty();
        private List<String> userMessageUuids = List.of();
        private Optional<String> localCommand = Optional.empty();
        private Optional<String> startupFailureReason = Optional.empty();
        private Optional<InvalidConfigFile> invalidConfigFile = Optional.empty();
        private Optional<String> credentialExpiresAt = Optional.empty();
        private Optional<DeferredToolUse> deferredToolUse = Optional.empty();
        private Optional<MessageOrigin> origin = Optional.empty();
        private Map<String, ModelUsage> modelUsageSinceLastResult = Map.of();

        private Builder() {
        }

        /**
         * Sets the result subtype.
         *
         * @param subtype the result subtype
         * @return this builder
         */
        public Builder subtype(String subtype) {
            this.subtype = Objects.requireNonNull(subtype, "subtype");
            return this;
        }

        /**
         * Sets whether the turn failed.
         *
         * @param isError whether the turn failed
         * @return this builder
         */
        public Builder isError(boolean isError) {
            this.isError = isError;
            return this;
        }

        /**
         * Sets the turn's wall time in milliseconds.
         *
         * @param durationMs the turn's wall time in milliseconds
         * @return this builder
         */
        public Builder durationMs(long durationMs) {
            this.durationMs = durationMs;
            return this;
        }

        /**
         * Sets the time spent in API calls in milliseconds.
         *
         * @param durationApiMs the time spent in API calls in milliseconds
         * @return this builder
         */
        public Builder durationApiMs(long durationApiMs) {
            this.durationApiMs = durationApiMs;
            return this;
        }

        /**
         * Sets the number of model round trips.
         *
         * @param numTurns the number of model round trips
         * @return this builder
         */
        public Builder numTurns(int numTurns) {
            this.numTurns = numTurns;
            return this;
        }

        /**
         * Sets the final text.
         *
         * @param result the final text
         * @return this builder
         */
        public Builder result(String result) {
            this.result = Optional.ofNullable(result);
            return this;
        }

        /**
         * Sets the model's last stop reason.
         *
         * @param stopReason the model's last stop reason
         * @return this builder
         */
        public Builder stopReason(String stopReason) {
            this.stopReason = Optional.ofNullable(stopReason);
            return this;
        }

        /**
         * Sets the estimated cost in US dollars.
         *
         * @param totalCostUsd the estimated cost in US dollars
         * @return this builder
         */
        public Builder totalCostUsd(double totalCostUsd) {
            this.totalCostUsd = totalCostUsd;
            return this;
        }

        /**
         * Sets the token usage of the turn's main loop.
         *
         * @param usage the token usage of the turn's main loop
         * @return this builder
         */
        public Builder usage(Usage usage) {
            this.usage = Objects.requireNonNull(usage, "usage");
            return this;
        }

        /**
         * Sets the usage and cost per model, replacing any set before.
         *
         * @param modelUsage usage and cost per model, replacing any set before
         * @return this builder
         */
        public Builder modelUsage(Map<String, ModelUsage> modelUsage) {
            this.modelUsage = new LinkedHashMap<>(modelUsage);
            return this;
        }

        /**
         * Adds the usage of one model.
         *
         * @param model a model name
         * @param usage its usage and cost
         * @return this builder
         */
        public Builder putModelUsage(String model, ModelUsage usage) {
            this.modelUsage.put(Objects.requireNonNull(model, "model"), Objects.requireNonNull(usage, "usage"));
            return this;
        }

        /**
         * Sets the denied tool calls.
         *
         * @param permissionDenials the denied tool calls
         * @return this builder
         */
        public Builder permissionDenials(List<PermissionDenial> permissionDenials) {
            this.permissionDenials = new ArrayList<>(permissionDenials);
            return this;
        }

        /**
         * Sets the error texts.
         *
         * @param errors what went wrong
         * @return this builder
         */
        public Builder errors(List<String> errors) {
            this.errors = new ArrayList<>(errors);
            return this;
        }

        /**
         * Sets the structured output as plain JSON.
         *
         * @param structuredOutput the structured output as plain JSON
         * @return this builder
         */
        public Builder structuredOutput(Object structuredOutput) {
            this.structuredOutput = Optional.ofNullable(structuredOutput);
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
         * Sets why the turn ended.
         *
         * @param terminalReason why the turn ended
         * @return this builder
         */
        public Builder terminalReason(String terminalReason) {
            this.terminalReason = Optional.ofNullable(terminalReason);
            return this;
        }

        /**
         * Sets the fast mode state.
         *
         * @param fastModeState the fast mode state
         * @return this builder
         */
        public Builder fastModeState(String fastModeState) {
            this.fastModeState = Optional.ofNullable(fastModeState);
            return this;
        }

        /**
         * Sets the time to the first token in milliseconds.
         *
         * @param ttftMs time to the first token in milliseconds
         * @return this builder
         */
        public Builder ttftMs(long ttftMs) {
            this.ttftMs = OptionalLong.of(ttftMs);
            return this;
        }

        /**
         * Sets the time to the first streamed token in milliseconds.
         *
         * @param ttftStreamMs time to the first streamed token in milliseconds
         * @return this builder
         */
        public Builder ttftStreamMs(long ttftStreamMs) {
            this.ttftStreamMs = OptionalLong.of(ttftStreamMs);
            return this;
        }

        /**
         * Sets the time until the API request was sent.
         *
         * @param timeToRequestMs time until the API request was sent
         * @return this builder
         */
        public Builder timeToRequestMs(long timeToRequestMs) {
            this.timeToRequestMs = OptionalLong.of(timeToRequestMs);
            return this;
        }

        /**
         * Sets the kind of API error that ended the turn.
         *
         * @param apiErrorType the kind of API error that ended the turn; null for none
         * @return this builder
         */
        public Builder apiErrorType(String apiErrorType) {
            this.apiErrorType = Optional.ofNullable(apiErrorType);
            return this;
        }

        /**
         * Sets why fast mode is off.
         *
         * @param fastModeDisabledReason why fast mode is off; null for none
         * @return this builder
         */
        public Builder fastModeDisabledReason(String fastModeDisabledReason) {
            this.fastModeDisabledReason = Optional.ofNullable(fastModeDisabledReason);
            return this;
        }

        /**
         * Sets how many sent messages are still queued.
         *
         * @param queuedTurnCount how many sent messages are still queued
         * @return this builder
         */
        public Builder queuedTurnCount(int queuedTurnCount) {
            this.queuedTurnCount = OptionalInt.of(queuedTurnCount);
            return this;
        }

        /**
         * Sets the number of this result among the process's results.
         *
         * @param resultIndex the number of this result among the process's results
         * @return this builder
         */
        public Builder resultIndex(int resultIndex) {
            this.resultIndex = OptionalInt.of(resultIndex);
            return this;
        }

        /**
         * Sets why this turn continues an interrupted one.
         *
         * @param resumeReason why this turn continues an interrupted one; null for none
         * @return this builder
         */
        public Builder resumeReason(String resumeReason) {
            this.resumeReason = Optional.ofNullable(resumeReason);
            return this;
        }

        /**
         * Sets the uuid of the user message this turn answers.
         *
         * @param userMessageUuid the uuid of the user message this turn answers; null for none
         * @return this builder
         */
        public Builder userMessageUuid(String userMessageUuid) {
            this.userMessageUuid = Optional.ofNullable(userMessageUuid);
            return this;
        }

        /**
         * Sets the uuids of every user message the turn took up.
         *
         * @param userMessageUuids the uuids of every user message the turn took up
         * @return this builder
         */
        public Builder userMessageUuids(List<String> userMessageUuids) {
            this.userMessageUuids = List.copyOf(userMessageUuids);
            return this;
        }

        /**
         * Sets the local slash command the turn ran.
         *
         * @param localCommand the local slash command the turn ran; null for none
         * @return this builder
         */
        public Builder localCommand(String localCommand) {
            this.localCommand = Optional.ofNullable(localCommand);
            return this;
        }

        /**
         * Sets why the CLI could not start.
         *
         * @param startupFailureReason why the CLI could not start; null for none
         * @return this builder
         */
        public Builder startupFailureReason(String startupFailureReason) {
            this.startupFailureReason = Optional.ofNullable(startupFailureReason);
            return this;
        }

        /**
         * Sets the config file that did not parse.
         *
         * @param invalidConfigFile the config file that did not parse; null for none
         * @return this builder
         */
        public Builder invalidConfigFile(InvalidConfigFile invalidConfigFile) {
            this.invalidConfigFile = Optional.ofNullable(invalidConfigFile);
            return this;
        }

        /**
         * Sets when the credential in use ends.
         *
         * @param credentialExpiresAt when the credential in use ends; null for none
         * @return this builder
         */
        public Builder credentialExpiresAt(String credentialExpiresAt) {
            this.credentialExpiresAt = Optional.ofNullable(credentialExpiresAt);
            return this;
        }

        /**
         * Sets the deferred tool use.
         *
         * @param deferredToolUse the deferred tool use; null for none
         * @return this builder
         */
        public Builder deferredToolUse(DeferredToolUse deferredToolUse) {
            this.deferredToolUse = Optional.ofNullable(deferredToolUse);
            return this;
        }

        /**
         * Sets where the turn came from.
         *
         * @param origin where the turn came from; null for none
         * @return this builder
         */
        public Builder origin(MessageOrigin origin) {
            this.origin = Optional.ofNullable(origin);
            return this;
        }

        /**
         * Sets usage and cost per model since the previous result.
         *
         * @param modelUsageSinceLastResult usage and cost per model since the previous result
         * @return this builder
         */
        public Builder modelUsageSinceLastResult(Map<String, ModelUsage> modelUsageSinceLastResult) {
            this.modelUsageSinceLastResult = new LinkedHashMap<>(modelUsageSinceLastResult);
            return this;
        }

        /**
         * Builds the message.
         *
         * @return the message
         */
        public ResultMessage build() {
            return new ResultMessage(subtype, isError, durationMs, durationApiMs, numTurns, result, stopReason,
                    totalCostUsd, usage, modelUsage, permissionDenials, errors, structuredOutput, apiErrorStatus,
                    terminalReason, fastModeState, ttftMs, ttftStreamMs, timeToRequestMs, apiErrorType,
                    fastModeDisabledReason, queuedTurnCount, resultIndex, resumeReason, userMessageUuid,
                    userMessageUuids, localCommand, startupFailureReason, invalidConfigFile, credentialExpiresAt,
                    deferredToolUse, origin, modelUsageSinceLastResult, envelope);
        }
    }

    /**
     * The config file that did not parse, on the result of a start-up that failed for it ({@code
     * invalid_config_file}, with {@link ResultMessage#startupFailureReason()} {@code
     * "config_file_invalid"}). Read the paths from here, not from the error text.
     *
     * @param path the file that is not valid JSON
     * @param isGlobal whether it is the CLI's global config file, the only one with backups ({@code
     *     is_global})
     * @param backupSearched whether the CLI knows the outcome of its search for a backup ({@code
     *     backup_searched}); true without a backup path means it found none
     * @param backupPath the backup the error text names ({@code backup_path})
     */
    public record InvalidConfigFile(String path, boolean isGlobal, boolean backupSearched, Optional<String> backupPath) {

        /** Validates the components. */
        public InvalidConfigFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(backupPath, "backupPath");
        }
    }

    /**
     * A tool use a PreToolUse hook deferred, ending the turn so the caller can resume it later
     * ({@code deferred_tool_use}).
     *
     * @param id the tool use id
     * @param name the tool
     * @param input the tool's input as plain JSON
     */
    public record DeferredToolUse(String id, String name, Map<String, Object> input) {

        /** Validates and copies the components. */
        public DeferredToolUse {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            input = JsonValues.copyMap(Objects.requireNonNull(input, "input"));
        }
    }
}
