package dev.claudecode.console.terminal;

import dev.claudecode.console.session.TranscriptLine;
import java.io.PrintStream;
import java.util.List;

/** Prints a stored conversation the way {@code chat} shows a live one. */
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
            out.println(switch (line.kind()) {
                case PROMPT -> "\n> " + line.text();
                case TEXT -> line.text();
                case TOOL_CALL -> "⏺ " + line.text();
                case TOOL_RESULT -> "  ⎿ " + (line.error() ? "error: " : "") + line.text();
            });
        }
        out.flush();
    }
}
