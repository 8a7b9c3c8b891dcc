package dev.claudecode.hook;

import dev.claudecode.internal.json.JsonValues;
import dev.claudecode.permission.PermissionResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of a hook's output that only one event understands ({@code hookSpecificOutput}). The
 * CLI ignores it unless its event is the event the hook ran for.
 */
public sealed interface HookSpecificOutput {

    /** {@return the event this output is for} */
    HookEvent event();

    /**
     * PreToolUse: decide the tool use, change its input, or add context for the model.
     *
     * @param permissionDecision allow, deny, ask or defer; empty leaves it to the CLI
     * @param permissionDecisionReason why; the model sees it when the tool is denied
     * @param updatedInput the input the tool runs with instead of the model's
     * @param additionalContext text added for the model
     */
    record PreToolUse(
            Optional<PermissionDecision> permissionDecision,
            Optional<String> permissionDecisionReason,
            Optional<Map<String, Object>> updatedInput,
            Optional<String> additionalContext) implements HookSpecificOutput {

        /** Validates and copies the components. */
        public PreToolUse {
            Objects.requireNonNull(permissionDecision, "permissionDecision");
            Objects.requireNonNull(permissionDecisionReason, "permissionDecisionReason");
            updatedInput = Objects.requireNonNull(updatedInput, "updatedInput").map(JsonValues::copyMap);
            Objects.requireNonNull(additionalContext, "additionalContext");
        }

        @Override
        public HookEvent event() {
            return HookEvent.PRE_TOOL_USE;
        }
    }

    /**
     * PostToolUse: add context for the model, or replace what the model sees of the tool's output.
     *
     * @param additionalContext text appended to the tool result for the model
     * @param updatedToolOutput the output the model sees instead of the tool's, as plain JSON
     * @param classifierContext context for the auto-mode permission classifier, shown beside this tool
     *     call's result ({@code classifierContext})
     * @param updatedMcpToolOutput for MCP tools only, the output the model sees instead ({@code
     *     updatedMCPToolOutput}); {@code updatedToolOutput} works for every tool and is preferred
     */
    record PostToolUse(
            Optional<String> additionalContext,
            Optional<Object> updatedToolOutput,
            Optional<String> classifierContext,
            Optional<Object> updatedMcpToolOutput) implements HookSpecificOutput {

        /** Validates and copies the components. */
        public PostToolUse {
            Objects.requireNonNull(additionalContext, "additionalContext");
            updatedToolOutput = Objects.requireNonNull(updatedToolOutput, "updatedToolOutput").map(JsonValues::copy);
            Objects.requireNonNull(classifierContext, "classifierContext");
            updatedMcpToolOutput = Objects.requireNonNull(updatedMcpToolOutput, "updatedMcpToolOutput")
                    .map(JsonValues::copy);
        }

        /**
         * Context for the model, or a replaced tool output.
         *
         * @param additionalContext text appended to the tool result for the model
         * @param updatedToolOutput the output the model sees instead of the tool's, as plain JSON
         */
        public PostToolUse(Optional<String> additionalContext, Optional<Object> updatedToolOutput) {
            this(additionalContext, updatedToolOutput, Optional.empty(), Optional.empty());
        }

        @Override
        public HookEvent event() {
            return HookEvent.POST_TOOL_USE;
        }
    }

    /**
     * UserPromptSubmit: add context to the prompt, or name the session.
     *
     * @param additionalContext text added to the prompt for the model
     * @param sessionTitle a title for the session
     * @param suppressOriginalPrompt with {@link HookDecision#BLOCK}, leave the prompt out of the
     *     message that says it was blocked ({@code suppressOriginalPrompt})
     */
    record UserPromptSubmit(
            Optional<String> additionalContext,
            Optional<String> sessionTitle,
            boolean suppressOriginalPrompt) implements HookSpecificOutput {

        /** Validates the components. */
        public UserPromptSubmit {
            Objects.requireNonNull(additionalContext, "additionalContext");
            Objects.requireNonNull(sessionTitle, "sessionTitle");
        }

        /**
         * Context for the prompt, or a title.
         *
         * @param additionalContext text added to the prompt for the model
         * @param sessionTitle a title for the session
         */
        public UserPromptSubmit(Optional<String> additionalContext, Optional<String> sessionTitle) {
            this(additionalContext, sessionTitle, false);
        }

        @Override
        public HookEvent event() {
            return HookEvent.USER_PROMPT_SUBMIT;
        }
    }

    /**
     * SessionStart: give the new session context, a first message, a title or files to watch.
     *
     * @param additionalContext text added for the model
     * @param initialUserMessage a user message to start with
     * @param sessionTitle a title for the session
     * @param watchPaths files whose changes fire FileChanged
     * @param reloadSkills whether the CLI looks for skills and commands again once the SessionStart
     *     hooks are done, so that skills a hook installed are there in the same session ({@code
     *     reloadSkills})
     */
    record SessionStart(
            Optional<String> additionalContext,
            Optional<String> initialUserMessage,
            Optional<String> sessionTitle,
            List<String> watchPaths,
            boolean reloadSkills) implements HookSpecificOutput {

        /** Validates and copies the components. */
        public SessionStart {
            Objects.requireNonNull(additionalContext, "additionalContext");
            Objects.requireNonNull(initialUserMessage, "initialUserMessage");
            Objects.requireNonNull(sessionTitle, "sessionTitle");
            watchPaths = List.copyOf(Objects.requireNonNull(watchPaths, "watchPaths"));
        }

        /**
         * Context, a first message, a title or files to watch, without reloading skills.
         *
         * @param additionalContext text added for the model
         * @param initialUserMessage a user message to start with
         * @param sessionTitle a title for the session
         * @param watchPaths files whose changes fire FileChanged
         */
        public SessionStart(
                Optional<String> additionalContext,
                Optional<String> initialUserMessage,
                Optional<String> sessionTitle,
                List<String> watchPaths) {
            this(additionalContext, initialUserMessage, sessionTitle, watchPaths, false);
        }

        @Override
        public HookEvent event() {
            return HookEvent.SESSION_START;
        }
    }

    /**
     * PermissionRequest: decide the prompt instead of the user. An allow without updated input
     * runs the tool with the model's input.
     *
     * @param decision allow (with optional changed input and permission changes) or deny
     */
    record PermissionRequest(PermissionResult decision) implements HookSpecificOutput {

        /** Validates the components. */
        public PermissionRequest {
            Objects.requireNonNull(decision, "decision");
        }

        @Override
        public HookEvent event() {
            return HookEvent.PERMISSION_REQUEST;
        }
    }

    /**
     * PermissionDenied: let the model retry the denied tool use.
     *
     * @param retry whether the model may retry
     */
    record PermissionDenied(boolean retry) implements HookSpecificOutput {

        @Override
        public HookEvent event() {
            return HookEvent.PERMISSION_DENIED;
        }
    }

    /**
     * Context for the model, for the events whose only specific output it is: Notification,
     * PostToolUseFailure, PostToolBatch, Stop, SubagentStart, SubagentStop, Setup and PostModelSwitch
     * (the context reaches the new model with its first request); also UserPromptExpansion, which
     * {@link UserPromptExpansion} answers in full.
     *
     * @param event the event
     * @param additionalContext the text
     */
    record AdditionalContext(HookEvent event, String additionalContext) implements HookSpecificOutput {

        /** Validates the components. */
        public AdditionalContext {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(additionalContext, "additionalContext");
        }
    }

    /**
     * CwdChanged and FileChanged: the files to watch from now on.
     *
     * @param event the event
     * @param watchPaths the files
     */
    record WatchPaths(HookEvent event, List<String> watchPaths) implements HookSpecificOutput {

        /** Validates and copies the components. */
        public WatchPaths {
            Objects.requireNonNull(event, "event");
            watchPaths = List.copyOf(Objects.requireNonNull(watchPaths, "watchPaths"));
        }
    }

    /**
     * Elicitation and ElicitationResult: answer an MCP server's request for input, or change the
     * answer.
     *
     * @param event {@link HookEvent#ELICITATION} or {@link HookEvent#ELICITATION_RESULT}
     * @param action {@code accept}, {@code decline} or {@code cancel}
     * @param content the answer, for {@code accept}
     */
    record Elicitation(HookEvent event, Optional<String> action, Optional<Map<String, Object>> content)
            implements HookSpecificOutput {

        /** Validates and copies the components. */
        public Elicitation {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(action, "action");
            content = Objects.requireNonNull(content, "content").map(JsonValues::copyMap);
        }
    }

    /**
     * WorktreeCreate: the worktree the hook created.
     *
     * @param worktreePath its absolute directory
     */
    record WorktreeCreate(String worktreePath) implements HookSpecificOutput {

        /** Validates the components. */
        public WorktreeCreate {
            Objects.requireNonNull(worktreePath, "worktreePath");
        }

        @Override
        public HookEvent event() {
            return HookEvent.WORKTREE_CREATE;
        }
    }

    /**
     * MessageDisplay: text to display instead of the assistant's.
     *
     * @param displayContent the text; empty displays the original
     */
    record MessageDisplay(Optional<String> displayContent) implements HookSpecificOutput {

        /** Validates the components. */
        public MessageDisplay {
            Objects.requireNonNull(displayContent, "displayContent");
        }

        @Override
        public HookEvent event() {
            return HookEvent.MESSAGE_DISPLAY;
        }
    }

    /**
     * UserPromptExpansion: add context to the expanded prompt.
     *
     * @param additionalContext text added for the model
     * @param suppressOriginalPrompt with {@link HookDecision#BLOCK}, leave the prompt out of the
     *     message that says it was blocked ({@code suppressOriginalPrompt})
     */
    record UserPromptExpansion(Optional<String> additionalContext, boolean suppressOriginalPrompt)
            implements HookSpecificOutput {

        /** Validates the components. */
        public UserPromptExpansion {
            Objects.requireNonNull(additionalContext, "additionalContext");
        }

        @Override
        public HookEvent event() {
            return HookEvent.USER_PROMPT_EXPANSION;
        }
    }

    /**
     * PreModelSwitch: decide a change of the session's model. {@link PermissionDecision#ALLOW} lets it
     * happen, {@link PermissionDecision#DENY} cancels it, {@link PermissionDecision#ASK} asks the user,
     * which a session without a terminal refuses; {@link PermissionDecision#DEFER} is not part of
     * this event's answers. Since CLI 2.1.251.
     *
     * @param permissionDecision allow, deny or ask; empty leaves it to the CLI
     * @param permissionDecisionReason why
     */
    record PreModelSwitch(Optional<PermissionDecision> permissionDecision, Optional<String> permissionDecisionReason)
            implements HookSpecificOutput {

        /** Validates the components. */
        public PreModelSwitch {
            Objects.requireNonNull(permissionDecision, "permissionDecision");
            Objects.requireNonNull(permissionDecisionReason, "permissionDecisionReason");
            if (permissionDecision.filter(PermissionDecision.DEFER::equals).isPresent()) {
                throw new IllegalArgumentException("PreModelSwitch answers allow, deny or ask, not defer");
            }
        }

        @Override
        public HookEvent event() {
            return HookEvent.PRE_MODEL_SWITCH;
        }
    }

    /**
     * PreSkillShellCommand: refuse a shell command in a skill's or command's text. {@link
     * PermissionDecision#ALLOW} adds nothing (the command runs unless another hook refuses it); deny,
     * ask and defer all keep it from running. Since CLI 2.1.332.
     *
     * @param permissionDecision the decision; empty leaves it to the CLI
     * @param permissionDecisionReason why
     * @param updatedInput never applied: any value keeps the command from running
     */
    record PreSkillShellCommand(
            Optional<PermissionDecision> permissionDecision,
            Optional<String> permissionDecisionReason,
            Optional<Map<String, Object>> updatedInput) implements HookSpecificOutput {

        /** Validates and copies the components. */
        public PreSkillShellCommand {
            Objects.requireNonNull(permissionDecision, "permissionDecision");
            Objects.requireNonNull(permissionDecisionReason, "permissionDecisionReason");
            updatedInput = Objects.requireNonNull(updatedInput, "updatedInput").map(JsonValues::copyMap);
        }

        @Override
        public HookEvent event() {
            return HookEvent.PRE_SKILL_SHELL_COMMAND;
        }
    }

    /**
     * Any output, sent as given, for fields this library does not model.
     *
     * @param event the event; sent as {@code hookEventName}
     * @param fields the other fields as plain JSON
     */
    record Raw(HookEvent event, Map<String, Object> fields) implements HookSpecificOutput {

        /** Validates and copies the components. */
        public Raw {
            Objects.requireNonNull(event, "event");
            fields = JsonValues.copyMap(Objects.requireNonNull(fields, "fields"));
        }
    }
}
