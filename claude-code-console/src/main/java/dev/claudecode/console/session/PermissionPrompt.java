package dev.claudecode.console.session;

/**
 * Asks a person whether a tool may run. The terminal asks on the command line, the web console in
 * the page; either way the call blocks its (virtual) thread until the person answers, so it fits a
 * permission callback that the library runs off its reader thread.
 */
@FunctionalInterface
public interface PermissionPrompt {

    /**
     * Asks and waits for the answer.
     *
     * @param request the tool use
     * @return the decision
     */
    ToolDecision decide(ToolRequest request);
}
