package dev.claudecode.console.session;

import dev.claudecode.permission.CanUseTool;
import dev.claudecode.permission.PermissionResult;
import dev.claudecode.permission.ToolPermissionRequest;
import java.util.Objects;

/**
 * The session's {@link CanUseTool} callback: each permission prompt of the CLI is put to a person
 * through a {@link PermissionPrompt}, and the answer goes back to the CLI. The library bounds the
 * wait with the session's permission callback timeout and interrupts the prompt when the CLI
 * withdraws the question; a prompt that is interrupted denies.
 */
final class PromptedPermissions implements CanUseTool {

    private final PermissionPrompt prompt;

    PromptedPermissions(PermissionPrompt prompt) {
        this.prompt = Objects.requireNonNull(prompt, "prompt");
    }

    @Override
    public PermissionResult decide(ToolPermissionRequest request) {
        ToolRequest asked = ToolRequest.of(request);
        return prompt.decide(asked).allows()
                ? PermissionResult.allow()
                : PermissionResult.deny("The user denied " + asked.describe() + " in the console.");
    }
}
