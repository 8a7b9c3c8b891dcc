package dev.claudecode.console.terminal;

import dev.claudecode.console.session.PermissionPrompt;
import dev.claudecode.console.session.ToolDecision;
import dev.claudecode.console.session.ToolRequest;
import java.time.Duration;

/**
 * Asks at the terminal whether a tool may run: {@code Allow Bash(rm -rf build)? [y/N/always]}. An
 * empty answer, the end of the input or no answer within the time limit denies.
 */
public final class TerminalPermissionPrompt implements PermissionPrompt {

    private final TerminalInput input;
    private final TurnPrinter printer;
    private final Duration timeout;

    /**
     * @param input where the answer is typed
     * @param printer where the question is printed
     * @param timeout how long to wait for an answer before denying
     */
    public TerminalPermissionPrompt(TerminalInput input, TurnPrinter printer, Duration timeout) {
        this.input = input;
        this.printer = printer;
        this.timeout = timeout;
    }

    /**
     * The question for a tool use.
     *
     * @param request the tool use
     * @return the question, ending with the answers it takes
     */
    public static String question(ToolRequest request) {
        return "Allow " + request.describe() + "? [y/N/always] ";
    }

    @Override
    public synchronized ToolDecision decide(ToolRequest request) {
        printer.ask(question(request));
        ToolDecision decision = input.answer(timeout).map(ToolDecision::parse).orElse(ToolDecision.DENY);
        printer.answered();
        printer.line(switch (decision) {
            case ALLOW -> "  allowed once";
            case ALLOW_ALWAYS -> "  allowed: " + request.toolName() + " runs without asking for the rest of the session";
            case DENY -> "  denied";
        });
        return decision;
    }
}
