package dev.claudecode.console.terminal;

import dev.claudecode.console.session.PermissionPrompt;
import dev.claudecode.console.session.ToolDecision;
import dev.claudecode.console.session.ToolRequest;

/**
 * Denies every tool use that needs permission, saying why, for a program that runs without a
 * terminal to ask at (such as {@code ask} with its output piped).
 */
public final class UnattendedPrompt implements PermissionPrompt {

    private final TurnPrinter printer;

    /**
     * @param printer where the refusal is reported
     */
    public UnattendedPrompt(TurnPrinter printer) {
        this.printer = printer;
    }

    @Override
    public ToolDecision decide(ToolRequest request) {
        printer.line("  denied " + request.describe() + ": no terminal to ask; --allowed-tools "
                + request.toolName() + " or --permission-mode allow it");
        return ToolDecision.DENY;
    }
}
