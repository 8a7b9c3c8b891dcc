package dev.claudecode.console.terminal;

import dev.claudecode.console.session.PermissionPrompt;
import dev.claudecode.console.session.ToolDecision;
import dev.claudecode.console.session.ToolRequest;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Asks at the terminal whether a tool may run: {@code Allow Bash(rm -rf build)? [y/N/always]}, and
 * reads the answer from the next line of input, typed or piped. An empty answer, the end of the
 * input, or a question withdrawn before it was answered (its thread interrupted) denies. Questions
 * asked at the same time are asked one after another.
 */
public final class TerminalPermissionPrompt implements PermissionPrompt {

    private final TerminalInput input;
    private final TurnPrinter printer;
    private final ReentrantLock asking;

    /**
     * @param input where the answer is typed
     * @param printer where the question is printed
     */
    public TerminalPermissionPrompt(TerminalInput input, TurnPrinter printer) {
        this(input, printer, new ReentrantLock());
    }

    /**
     * @param input where the answer is typed
     * @param printer where the question is printed
     * @param asking held while a question is asked, shared with the other prompts of the terminal
     */
    public TerminalPermissionPrompt(TerminalInput input, TurnPrinter printer, ReentrantLock asking) {
        this.input = input;
        this.printer = printer;
        this.asking = asking;
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
    public ToolDecision decide(ToolRequest request) {
        try {
            asking.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ToolDecision.DENY;
        }
        try {
            printer.ask(question(request));
            Optional<String> answer = input.answer();
            printer.questionClosed(answer);
            ToolDecision decision = answer.map(ToolDecision::parse).orElse(ToolDecision.DENY);
            printer.line(switch (decision) {
                case ALLOW -> "  allowed once";
                case ALLOW_ALWAYS -> "  allowed: " + request.toolName() + " runs without asking for the rest of the session";
                case DENY -> answer.isPresent() ? "  denied"
                        : Thread.currentThread().isInterrupted() ? "  denied: the question was withdrawn or not answered in time"
                        : "  denied: the input ended";
            });
            return decision;
        } finally {
            asking.unlock();
        }
    }
}
