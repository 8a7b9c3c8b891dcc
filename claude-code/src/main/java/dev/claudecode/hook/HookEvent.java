package dev.claudecode.hook;

import java.util.List;
import java.util.Objects;

/**
 * A point in the CLI's life at which hooks run. A value type rather than an enum so that events
 * added by newer CLI versions can be hooked through {@link #of(String)} without a library
 * release. The constants are the 35 events of the TypeScript SDK 0.3.336, all of which accept SDK
 * callback hooks; those without a version in their documentation are in CLI 2.1.197, the oldest
 * supported one. A CLI that predates an event accepts its registration and never calls it.
 *
 * @param name the event's name on the wire, e.g. {@code PreToolUse}
 */
public record HookEvent(String name) {

    /** Before a tool runs; the hook can allow, deny, ask or change the input. */
    public static final HookEvent PRE_TOOL_USE = new HookEvent("PreToolUse");
    /** After a tool succeeded; the hook sees its result and can add context. */
    public static final HookEvent POST_TOOL_USE = new HookEvent("PostToolUse");
    /** After a tool failed. */
    public static final HookEvent POST_TOOL_USE_FAILURE = new HookEvent("PostToolUseFailure");
    /** After all tool uses of one model response have run. */
    public static final HookEvent POST_TOOL_BATCH = new HookEvent("PostToolBatch");
    /** When the CLI shows a notification. */
    public static final HookEvent NOTIFICATION = new HookEvent("Notification");
    /** When a user prompt is submitted, before the model sees it. */
    public static final HookEvent USER_PROMPT_SUBMIT = new HookEvent("UserPromptSubmit");
    /** When a slash command or MCP prompt expands into a prompt. */
    public static final HookEvent USER_PROMPT_EXPANSION = new HookEvent("UserPromptExpansion");
    /** When a session starts, resumes, is cleared or compacted. */
    public static final HookEvent SESSION_START = new HookEvent("SessionStart");
    /** When a session ends. */
    public static final HookEvent SESSION_END = new HookEvent("SessionEnd");
    /** When the main conversation is about to stop; the hook can make it go on. */
    public static final HookEvent STOP = new HookEvent("Stop");
    /** When a turn ends because of an API error. */
    public static final HookEvent STOP_FAILURE = new HookEvent("StopFailure");
    /** When a running turn is stopped: an interrupt, a denial that interrupts, a rewind. Since CLI 2.1.335. */
    public static final HookEvent INTERRUPT = new HookEvent("Interrupt");
    /** When a subagent starts. */
    public static final HookEvent SUBAGENT_START = new HookEvent("SubagentStart");
    /** When a subagent is about to stop. */
    public static final HookEvent SUBAGENT_STOP = new HookEvent("SubagentStop");
    /** Before the conversation is compacted. */
    public static final HookEvent PRE_COMPACT = new HookEvent("PreCompact");
    /** After the conversation was compacted. */
    public static final HookEvent POST_COMPACT = new HookEvent("PostCompact");
    /** Before the session's model changes; the hook can allow, deny or ask. Since CLI 2.1.251. */
    public static final HookEvent PRE_MODEL_SWITCH = new HookEvent("PreModelSwitch");
    /** After the session's model changed; the hook can add context for the new model. Since CLI 2.1.251. */
    public static final HookEvent POST_MODEL_SWITCH = new HookEvent("PostModelSwitch");
    /** When a permission prompt would be shown; the hook can decide it. */
    public static final HookEvent PERMISSION_REQUEST = new HookEvent("PermissionRequest");
    /** After a tool use was denied. */
    public static final HookEvent PERMISSION_DENIED = new HookEvent("PermissionDenied");
    /** When the CLI runs its repository setup or maintenance. */
    public static final HookEvent SETUP = new HookEvent("Setup");
    /** When an agent-team teammate becomes idle. */
    public static final HookEvent TEAMMATE_IDLE = new HookEvent("TeammateIdle");
    /** When a task-list task is created. */
    public static final HookEvent TASK_CREATED = new HookEvent("TaskCreated");
    /** When a task-list task is completed. */
    public static final HookEvent TASK_COMPLETED = new HookEvent("TaskCompleted");
    /** When an MCP server asks for user input; the hook can answer. */
    public static final HookEvent ELICITATION = new HookEvent("Elicitation");
    /** After an MCP elicitation was answered; the hook can change the answer. */
    public static final HookEvent ELICITATION_RESULT = new HookEvent("ElicitationResult");
    /** When a settings file changes. */
    public static final HookEvent CONFIG_CHANGE = new HookEvent("ConfigChange");
    /** When a git worktree is to be created; the hook can create it. */
    public static final HookEvent WORKTREE_CREATE = new HookEvent("WorktreeCreate");
    /** When a git worktree is removed. */
    public static final HookEvent WORKTREE_REMOVE = new HookEvent("WorktreeRemove");
    /** When a memory or instructions file (CLAUDE.md) is loaded. */
    public static final HookEvent INSTRUCTIONS_LOADED = new HookEvent("InstructionsLoaded");
    /** When the working directory changes. */
    public static final HookEvent CWD_CHANGED = new HookEvent("CwdChanged");
    /** When a watched file changes. */
    public static final HookEvent FILE_CHANGED = new HookEvent("FileChanged");
    /** When a directory is added to the session's working directories. Since CLI 2.1.219. */
    public static final HookEvent DIRECTORY_ADDED = new HookEvent("DirectoryAdded");
    /** When assistant text is displayed. */
    public static final HookEvent MESSAGE_DISPLAY = new HookEvent("MessageDisplay");
    /**
     * Before a shell command in a skill's or slash command's text runs ({@code !`command`}); the hook
     * can refuse it. Since CLI 2.1.332.
     */
    public static final HookEvent PRE_SKILL_SHELL_COMMAND = new HookEvent("PreSkillShellCommand");

    private static final List<HookEvent> KNOWN = List.of(
            PRE_TOOL_USE,
            POST_TOOL_USE,
            POST_TOOL_USE_FAILURE,
            POST_TOOL_BATCH,
            NOTIFICATION,
            USER_PROMPT_SUBMIT,
            USER_PROMPT_EXPANSION,
            SESSION_START,
            SESSION_END,
            STOP,
            STOP_FAILURE,
            INTERRUPT,
            SUBAGENT_START,
            SUBAGENT_STOP,
            PRE_COMPACT,
            POST_COMPACT,
            PRE_MODEL_SWITCH,
            POST_MODEL_SWITCH,
            PERMISSION_REQUEST,
            PERMISSION_DENIED,
            SETUP,
            TEAMMATE_IDLE,
            TASK_CREATED,
            TASK_COMPLETED,
            ELICITATION,
            ELICITATION_RESULT,
            CONFIG_CHANGE,
            WORKTREE_CREATE,
            WORKTREE_REMOVE,
            INSTRUCTIONS_LOADED,
            CWD_CHANGED,
            FILE_CHANGED,
            DIRECTORY_ADDED,
            MESSAGE_DISPLAY,
            PRE_SKILL_SHELL_COMMAND);

    /**
     * Validates the name.
     *
     * @param name not blank
     */
    public HookEvent {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a hook event name must not be blank");
        }
    }

    /**
     * Returns the event with this name: one of the constants when it is known, otherwise a new
     * value passed to the CLI unchanged.
     *
     * @param name the wire name, e.g. {@code Stop}
     * @return the event
     */
    public static HookEvent of(String name) {
        for (HookEvent event : KNOWN) {
            if (event.name.equals(name)) {
                return event;
            }
        }
        return new HookEvent(name);
    }

    /**
     * {@return the events this library types, in the order of the TypeScript SDK's
     * {@code HOOK_EVENTS}}
     */
    public static List<HookEvent> known() {
        return KNOWN;
    }

    /** {@return whether this is one of the {@link #known()} events} */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    /** {@return the wire name} */
    @Override
    public String toString() {
        return name;
    }
}
