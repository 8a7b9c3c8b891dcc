package dev.claudecode.permission;

/**
 * Decides whether the model may use a tool, each time the CLI would otherwise ask a user. Set it
 * on the session's options; the CLI is then started with {@code --permission-prompt-tool stdio}
 * and sends its permission prompts to this callback.
 *
 * <p>The CLI asks only about tool uses that its own rules do not settle: read-only tools and
 * anything allowed by {@code allowedTools}, a permission mode or settings run without a prompt.
 *
 * <p>The callback runs on a virtual thread of its own, never on the thread that reads the CLI,
 * and several may run at once. It is bounded by the session's permission callback timeout, and
 * interrupted when the CLI withdraws the prompt (for example because the turn was interrupted):
 * blocking calls then throw {@link InterruptedException}. A callback that throws, or does not
 * answer in time, denies the tool with a message saying why.
 */
@FunctionalInterface
public interface CanUseTool {

    /**
     * Decides one prompt.
     *
     * @param request the tool use and what the CLI knows about it
     * @return allow or deny
     * @throws Exception any failure, which denies the tool
     */
    PermissionResult decide(ToolPermissionRequest request) throws Exception;
}
