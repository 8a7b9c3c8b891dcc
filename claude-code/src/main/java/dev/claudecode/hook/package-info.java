/**
 * Hooks: Java callbacks that run at points of the CLI's life (before and after tools, when a
 * prompt is submitted, when the conversation stops, ...).
 *
 * <p>Register {@link dev.claudecode.hook.HookCallback}s in {@link dev.claudecode.hook.HookMatcher}s
 * under {@link dev.claudecode.hook.HookEvent}s in the session's options. Each call receives a typed
 * {@link dev.claudecode.hook.HookInput} and answers with a {@link dev.claudecode.hook.HookOutput}.
 *
 * <p>{@link dev.claudecode.hook.HookEvent#known()} holds the 35 events of the TypeScript Agent SDK
 * 0.3.336, each with its input record. The events added after CLI 2.1.197, with the CLI version that
 * added each:
 *
 * <ul>
 *   <li>{@link dev.claudecode.hook.HookEvent#DIRECTORY_ADDED} (2.1.219): {@link
 *       dev.claudecode.hook.HookInput.DirectoryAdded};
 *   <li>{@link dev.claudecode.hook.HookEvent#PRE_MODEL_SWITCH} and {@link
 *       dev.claudecode.hook.HookEvent#POST_MODEL_SWITCH} (2.1.251): {@link
 *       dev.claudecode.hook.HookInput.PreModelSwitch}, answered with {@link
 *       dev.claudecode.hook.HookSpecificOutput.PreModelSwitch}, and {@link
 *       dev.claudecode.hook.HookInput.PostModelSwitch}, answered with {@link
 *       dev.claudecode.hook.HookSpecificOutput.AdditionalContext};
 *   <li>{@link dev.claudecode.hook.HookEvent#PRE_SKILL_SHELL_COMMAND} (2.1.332): {@link
 *       dev.claudecode.hook.HookInput.PreSkillShellCommand}, answered with {@link
 *       dev.claudecode.hook.HookSpecificOutput.PreSkillShellCommand};
 *   <li>{@link dev.claudecode.hook.HookEvent#INTERRUPT} (2.1.335, newer than the pinned CLI): {@link
 *       dev.claudecode.hook.HookInput.Interrupt}.
 * </ul>
 *
 * <p>A CLI older than an event accepts hooks for it and never calls them. Newer fields of the other
 * events are typed as well: the MCP server of a tool ({@link dev.claudecode.hook.HookInput.McpServer}),
 * the resume details of {@link dev.claudecode.hook.HookInput.SessionStart}, the source of {@link
 * dev.claudecode.hook.HookInput.UserPromptSubmit}; and of the outputs {@code reloadSkills}, {@code
 * suppressOriginalPrompt} ({@link dev.claudecode.hook.HookSpecificOutput.UserPromptExpansion} too),
 * {@code classifierContext} and {@link dev.claudecode.hook.HookOutput#terminalSequence()}.
 */
package dev.claudecode.hook;
