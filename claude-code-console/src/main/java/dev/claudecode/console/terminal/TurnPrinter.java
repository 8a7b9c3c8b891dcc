package dev.claudecode.console.terminal;

import dev.claudecode.console.session.ConsoleEvent;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Renders a live session's events for a terminal: the answer's text as it arrives, each tool call
 * and each tool result on one line, a progress indicator while waiting, and a closing line with
 * turns, cost and duration. {@code ask} and {@code chat} both print through it.
 */
public final class TurnPrinter implements Consumer<ConsoleEvent> {

    private final PrintStream out;
    private final Spinner spinner;
    private boolean atLineStart = true;
    private boolean questionShown;
    private final boolean echoPrompts;

    /**
     * A printer that shows answers only, for a terminal where the prompts were typed.
     *
     * @param out where the answer goes
     * @param spinner the progress indicator to show while waiting
     */
    public TurnPrinter(PrintStream out, Spinner spinner) {
        this(out, spinner, false);
    }

    /**
     * @param out where the answer goes
     * @param spinner the progress indicator to show while waiting
     * @param echoPrompts whether to print each prompt as its turn starts, for input that was piped in rather than typed
     */
    public TurnPrinter(PrintStream out, Spinner spinner, boolean echoPrompts) {
        this.out = out;
        this.spinner = spinner;
        this.echoPrompts = echoPrompts;
    }

    @Override
    public synchronized void accept(ConsoleEvent event) {
        switch (event) {
            case ConsoleEvent.PromptSent sent -> {
                if (echoPrompts) {
                    line("> " + sent.text());
                }
                spinner.show("thinking…");
            }
            case ConsoleEvent.Text text -> text(text.text());
            case ConsoleEvent.ToolCall call -> {
                line("⏺ " + call.name() + "(" + call.summary() + ")");
                spinner.show("running " + call.name() + "…");
            }
            case ConsoleEvent.ToolOutput output -> {
                line("  ⎿ " + (output.error() ? "error: " : "") + output.preview());
                spinner.show("thinking…");
            }
            case ConsoleEvent.TurnEnded ended -> turnEnded(ended);
            case ConsoleEvent.TurnFailed failed -> line("error: " + failed.message());
            case ConsoleEvent.Notice notice -> line("· " + notice.text());
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
        spinner.hide();
        eraseQuestion();
        endLine();
        out.println(text);
        out.flush();
    }

    /**
     * Prints a question on a line of its own and leaves the cursor after it for the answer.
     *
     * @param question the question, such as {@code Allow Bash(ls)? [y/N/always] }
     */
    public synchronized void ask(String question) {
        spinner.hide();
        eraseQuestion();
        endLine();
        out.print(question);
        out.flush();
        // the answer's Enter ends the line
        atLineStart = true;
        questionShown = true;
    }

    /**
     * Shows the input prompt unless it is the last thing shown already.
     *
     * @param prompt the prompt, such as {@code "> "}
     */
    public synchronized void promptIfHidden(String prompt) {
        if (!questionShown) {
            ask(prompt);
        }
    }

    /** Notes that the person answered the question or prompt shown: the cursor is on a new line. */
    public synchronized void answered() {
        questionShown = false;
    }

    private void turnEnded(ConsoleEvent.TurnEnded ended) {
        if (ended.error()) {
            line("error: " + ended.errorText().orElse("the turn failed"));
        }
        spinner.hide();
        eraseQuestion();
        endLine();
        out.printf(Locale.ROOT, "— %d turn%s · $%.4f · %.1f s%n", ended.turns(), ended.turns() == 1 ? "" : "s",
                ended.costUsd(), ended.durationMs() / 1000.0);
        out.flush();
    }

    private void text(String text) {
        if (text.isEmpty()) {
            return;
        }
        spinner.hide();
        eraseQuestion();
        out.print(text);
        out.flush();
        atLineStart = text.endsWith("\n");
    }

    /** Output that arrives while a prompt waits replaces the prompt's line; the prompt is shown again after it. */
    private void eraseQuestion() {
        if (questionShown) {
            out.print("\r\033[K");
            questionShown = false;
        }
    }

    private void endLine() {
        if (!atLineStart) {
            out.println();
            atLineStart = true;
        }
    }
}
