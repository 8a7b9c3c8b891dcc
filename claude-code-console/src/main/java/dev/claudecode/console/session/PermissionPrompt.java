package dev.claudecode.console.session;

/**
 * Asks a person whether a tool may run. The terminal asks on the command line, the web console in
 * the page; either way the call blocks its (virtual) thread until the person answers. A live
 * session hands its prompt to the library as the {@code canUseTool} callback, which bounds the
 * wait with the permission callback timeout and interrupts the waiting thread when the time runs
 * out or the CLI withdraws the question; an interrupted prompt denies.
 */
@FunctionalInterface
public interface PermissionPrompt {

    /**
     * Asks and waits for the answer, or for the thread to be interrupted.
     *
     * @param request the tool use
     * @return the decision; {@link ToolDecision#DENY} when interrupted
     */
    ToolDecision decide(ToolRequest request);
}
