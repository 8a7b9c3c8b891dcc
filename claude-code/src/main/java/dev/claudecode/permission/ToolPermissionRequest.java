package dev.claudecode.permission;

import dev.claudecode.internal.json.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One permission prompt of the CLI ({@code can_use_tool}): which tool the model wants to use with
 * which input, and what the CLI knows about why it asks.
 *
 * @param toolName the tool, e.g. {@code Bash}, {@code Write} or {@code mcp__calc__add}
 * @param input the tool's input as the model wrote it, as plain JSON values
 * @param permissionSuggestions changes the CLI proposes so that it need not ask again; return
 *     them in {@link PermissionResult.Allow#updatedPermissions()} to apply them
 * @param blockedPath the file path that caused the prompt, when there is one
 * @param decisionReason why the CLI asks, in words, when it says
 * @param decisionReasonType the kind of reason, e.g. {@code hook} after a PreToolUse hook
 *     answered {@code ask}
 * @param toolUseId the id of the model's tool use, as in the {@code tool_use} content block
 * @param agentId the subagent that wants the tool, when it is not the main conversation
 * @param sessionId the session's id, when the CLI has reported it
 * @param cwd the session's working directory, when known
 * @param displayName the tool's name for people, e.g. {@code Add} for {@code mcp__calc__add}
 * @param description what the tool use does, e.g. the Bash command's description or the file's name
 * @param raw the whole request as the CLI sent it, for fields this library does not read
 */
public record ToolPermissionRequest(
        String toolName,
        Map<String, Object> input,
        List<PermissionUpdate> permissionSuggestions,
        Optional<String> blockedPath,
        Optional<String> decisionReason,
        Optional<String> decisionReasonType,
        String toolUseId,
        Optional<String> agentId,
        Optional<String> sessionId,
        Optional<String> cwd,
        Optional<String> displayName,
        Optional<String> description,
        Map<String, Object> raw) {

    /**
     * Validates and copies the components. For the library's request decoder: this constructor
     * gains a parameter whenever the CLI adds a field, so code that builds requests uses {@link
     * #builder(String, Map)}.
     *
     * @param toolName the tool
     * @param input the input
     * @param permissionSuggestions the suggestions
     * @param blockedPath the blocked path
     * @param decisionReason the reason
     * @param decisionReasonType the kind of reason
     * @param toolUseId the tool use id
     * @param agentId the subagent
     * @param sessionId the session id
     * @param cwd the working directory
     * @param displayName the display name
     * @param description the description
     * @param raw the request
     */
    public ToolPermissionRequest {
        Objects.requireNonNull(toolName, "toolName");
        input = JsonValues.copyMap(Objects.requireNonNull(input, "input"));
        permissionSuggestions = List.copyOf(Objects.requireNonNull(permissionSuggestions, "permissionSuggestions"));
        Objects.requireNonNull(blockedPath, "blockedPath");
        Objects.requireNonNull(decisionReason, "decisionReason");
        Objects.requireNonNull(decisionReasonType, "decisionReasonType");
        Objects.requireNonNull(toolUseId, "toolUseId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(cwd, "cwd");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        raw = JsonValues.copyMap(Objects.requireNonNull(raw, "raw"));
    }

    /**
     * Starts a request, for example to test a {@link CanUseTool} policy.
     *
     * @param toolName the tool
     * @param input its input
     * @return a builder
     */
    public static Builder builder(String toolName, Map<String, ?> input) {
        return new Builder(toolName, input);
    }

    /** {@return a builder holding this request's values} */
    public Builder toBuilder() {
        Builder builder = new Builder(toolName, input);
        builder.permissionSuggestions = permissionSuggestions;
        builder.blockedPath = blockedPath;
        builder.decisionReason = decisionReason;
        builder.decisionReasonType = decisionReasonType;
        builder.toolUseId = toolUseId;
        builder.agentId = agentId;
        builder.sessionId = sessionId;
        builder.cwd = cwd;
        builder.displayName = displayName;
        builder.description = description;
        builder.raw = raw;
        return builder;
    }

    /**
     * Reads a string input field, a common need of policies (a Bash {@code command}, a
     * {@code file_path}).
     *
     * @param field the input field
     * @return its value when it is a string
     */
    public Optional<String> inputString(String field) {
        return input.get(field) instanceof String value ? Optional.of(value) : Optional.empty();
    }

    /** Builds a {@link ToolPermissionRequest}. */
    public static final class Builder {

        private final String toolName;
        private final Map<String, ?> input;
        private List<PermissionUpdate> permissionSuggestions = List.of();
        private Optional<String> blockedPath = Optional.empty();
        private Optional<String> decisionReason = Optional.empty();
        private Optional<String> decisionReasonType = Optional.empty();
        private String toolUseId = "";
        private Optional<String> agentId = Optional.empty();
        private Optional<String> sessionId = Optional.empty();
        private Optional<String> cwd = Optional.empty();
        private Optional<String> displayName = Optional.empty();
        private Optional<String> description = Optional.empty();
        private Map<String, Object> raw = Map.of();

        private Builder(String toolName, Map<String, ?> input) {
            this.toolName = toolName;
            this.input = input;
        }

        /**
         * {@return this builder}
         *
         * @param suggestions the CLI's suggested permission changes
         */
        public Builder permissionSuggestions(List<? extends PermissionUpdate> suggestions) {
            this.permissionSuggestions = List.copyOf(suggestions);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param path the file path that caused the prompt
         */
        public Builder blockedPath(String path) {
            this.blockedPath = Optional.ofNullable(path);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param reason why the CLI asks
         */
        public Builder decisionReason(String reason) {
            this.decisionReason = Optional.ofNullable(reason);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param type the kind of reason, e.g. {@code hook}
         */
        public Builder decisionReasonType(String type) {
            this.decisionReasonType = Optional.ofNullable(type);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param id the model's tool use id
         */
        public Builder toolUseId(String id) {
            this.toolUseId = Objects.requireNonNull(id, "toolUseId");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param id the subagent
         */
        public Builder agentId(String id) {
            this.agentId = Optional.ofNullable(id);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param id the session id
         */
        public Builder sessionId(String id) {
            this.sessionId = Optional.ofNullable(id);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param directory the working directory
         */
        public Builder cwd(String directory) {
            this.cwd = Optional.ofNullable(directory);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param name the tool's name for people
         */
        public Builder displayName(String name) {
            this.displayName = Optional.ofNullable(name);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param text what the tool use does
         */
        public Builder description(String text) {
            this.description = Optional.ofNullable(text);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param request the whole request as plain JSON
         */
        public Builder raw(Map<String, ?> request) {
            this.raw = JsonValues.copyMap(request);
            return this;
        }

        /** {@return the request} */
        public ToolPermissionRequest build() {
            return new ToolPermissionRequest(toolName, JsonValues.copyMap(input), permissionSuggestions, blockedPath,
                    decisionReason, decisionReasonType, toolUseId, agentId, sessionId, cwd, displayName, description,
                    raw);
        }
    }
}
