package dev.claudecode.console.terminal;

import dev.claudecode.console.session.TranscriptLine;
import java.io.PrintStream;
import java.util.List;

/** Prints a stored conversation the way {@code chat} shows a live one, its texts sanitised ({@link TerminalText}). */
public final class TranscriptPrinter {

    private TranscriptPrinter() {
    }

    /**
     * Prints the lines.
     *
     * @param lines the conversation's lines
     * @param out where to print
     */
    public static void print(List<TranscriptLine> lines, PrintStream out) {
        for (TranscriptLine line : lines) {
            String text = TerminalText.sanitize(line.text());
            out.println(switch (line.kind()) {
                case PROMPT -> "\n> " + text;
                case TEXT -> text;
                case TOOL_CALL -> "⏺ " + text;
                case TOOL_RESULT -> "  ⎿ " + (line.error() ? "error: " : "") + text;
            });
        }
        out.flush();
    }
}
