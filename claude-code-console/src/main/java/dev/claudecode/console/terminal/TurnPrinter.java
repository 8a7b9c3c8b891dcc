package dev.claudecode.console.terminal;

import dev.claudecode.console.session.ConsoleEvent;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Renders a live session's events for a terminal: the answer's text as it arrives, each tool call
 * and each tool result on one line, a progress indicator while waiting, and a closing line with
 * turns, the turn's cost, the session's total and the duration. {@code ask} and {@code chat} both print through it. A permission
 * question stays on screen until it is answered: output that arrives meanwhile is printed above it.
 * Every text printed through it is {@linkplain TerminalText#sanitize sanitised}: control characters
 * and escape sequences from the model, tools or the CLI are shown escaped, never sent raw.
 */
public final class TurnPrinter implements Consumer<ConsoleEvent> {

    private static final String ERASE_LINE = "\r\033[K";

    private final PrintStream out;
    private final Spinner spinner;
    private final boolean typed;
    private boolean atLineStart = true;
    // the cursor waits on the current line after an input prompt or a question
    private boolean waitingForInput;
    private Optional<String> question = Optional.empty();

    /**
     * A printer for a terminal where a person types: what they type shows already.
     *
     * @param out where the answer goes
     * @param spinner the progress indicator to show while waiting
     */
    public TurnPrinter(PrintStream out, Spinner spinner) {
        this(out, spinner, true);
    }

    /**
     * @param out where the answer goes
     * @param spinner the progress indicator to show while waiting
     * @param typed whether a person types at a terminal; otherwise the input is piped in, and each
     *     prompt and answer read from it is printed, and lines are never redrawn
     */
    public TurnPrinter(PrintStream out, Spinner spinner, boolean typed) {
        this.out = out;
        this.spinner = spinner;
        this.typed = typed;
    }

    @Override
    public synchronized void accept(ConsoleEvent event) {
        switch (event) {
            case ConsoleEvent.PromptSent sent -> {
                if (!typed) {
                    line("> " + sent.prompt().text());
                }
                spin("thinking…");
            }
            case ConsoleEvent.Text text -> text(text.text());
            case ConsoleEvent.ToolCall call -> {
                line("⏺ " + call.name() + "(" + call.summary() + ")");
                spin("running " + call.name() + "…");
            }
            case ConsoleEvent.ToolOutput output -> {
                line("  ⎿ " + (output.error() ? "error: " : "") + output.preview());
                spin("thinking…");
            }
            case ConsoleEvent.TurnEnded ended -> turnEnded(ended);
            case ConsoleEvent.TurnFailed failed -> line("error: " + failed.message());
            case ConsoleEvent.Retrying retrying -> {
                line("· " + retrying.describe());
                spin("retrying…");
            }
            case ConsoleEvent.Notice notice -> line("· " + notice.text());
            case ConsoleEvent.Cleared cleared -> line("· conversation cleared: the next prompt starts a new one");
            case ConsoleEvent.StateChanged changed -> {
            }
            case ConsoleEvent.PermissionAsked asked -> {
            }
            case ConsoleEvent.PermissionAnswered answered -> {
            }
        }
    }

    /**
     * Prints a line of its own, after whatever is on the current line.
     *
     * @param text the line
     */
    public synchronized void line(String text) {
        beforeOutput();
        endLine();
        out.println(TerminalText.sanitize(text));
        afterOutput();
    }

    /**
     * Asks a question on a line of its own and leaves the cursor after it for the answer. The
     * question is shown again below any output that arrives before {@link #questionClosed}.
     *
     * @param text the question, such as {@code Allow Bash(ls)? [y/N/always] }
     */
    public synchronized void ask(String text) {
        beforeOutput();
        question = Optional.of(TerminalText.sanitize(text));
        afterOutput();
    }

    /**
     * Notes that the open question is answered, or will not be.
     *
     * @param answer the answer read; empty when none came
     */
    public synchronized void questionClosed(Optional<String> answer) {
        question = Optional.empty();
        if (waitingForInput && (!typed || answer.isEmpty())) {
            // nobody pressed Enter here: end the question's line, with the answer read from the pipe
            out.println(typed ? "" : TerminalText.sanitize(answer.orElse("")));
            out.flush();
        }
        waitingForInput = false;
        atLineStart = true;
    }

    /**
     * Shows the input prompt unless a prompt or question is the last thing shown already.
     *
     * @param prompt the prompt, such as {@code "> "}
     */
    public synchronized void promptIfHidden(String prompt) {
        if (!waitingForInput) {
            beforeOutput();
            endLine();
            out.print(prompt);
            out.flush();
            waitingForInput = true;
            atLineStart = true;
        }
    }

    /** Notes that the person answered the input prompt: the cursor is on a new line. */
    public synchronized void answered() {
        if (question.isEmpty()) {
            waitingForInput = false;
        }
    }

    private void spin(String label) {
        if (question.isEmpty()) {
            spinner.show(TerminalText.sanitize(label));
        }
    }

    private void turnEnded(ConsoleEvent.TurnEnded ended) {
        if (ended.error()) {
            line("error: " + ended.errorText().orElse("the turn failed"));
        }
        line(closingLine(ended));
    }

    /**
     * The closing line of a turn, such as {@code — 1 turn · cost $0.0004 · session total $0.0012 · 0.5 s}.
     *
     * @param ended the turn's end
     * @return the line
     */
    public static String closingLine(ConsoleEvent.TurnEnded ended) {
        return String.format(Locale.ROOT, "— %d turn%s · cost $%.4f · session total $%.4f · %.1f s", ended.turns(),
                ended.turns() == 1 ? "" : "s", ended.costUsd(), ended.sessionCostUsd(), ended.durationMs() / 1000.0);
    }

    private void text(String text) {
        if (text.isEmpty()) {
            return;
        }
        String safe = TerminalText.sanitize(text);
        beforeOutput();
        out.print(safe);
        atLineStart = safe.endsWith("\n");
        afterOutput();
    }

    /** Output that arrives while a prompt or question waits replaces its line (on a terminal) or ends it (in a pipe). */
    private void beforeOutput() {
        spinner.hide();
        if (waitingForInput) {
            if (typed) {
                out.print(ERASE_LINE);
            } else {
                out.println();
            }
            waitingForInput = false;
            atLineStart = true;
        }
    }

    /** An open question is shown again below the output. */
    private void afterOutput() {
        if (question.isPresent()) {
            endLine();
            out.print(question.get());
            waitingForInput = true;
            // the answer's Enter ends the line
            atLineStart = true;
        }
        out.flush();
    }

    private void endLine() {
        if (!atLineStart) {
            out.println();
            atLineStart = true;
        }
    }
}
