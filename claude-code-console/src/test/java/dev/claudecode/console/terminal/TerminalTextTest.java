package dev.claudecode.console.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.console.session.ConsoleEvent;
import dev.claudecode.console.session.ToolRequest;
import dev.claudecode.console.session.TranscriptLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TerminalTextTest {

    private static final String ESC = "\u001b";
    private static final String OSC52 = ESC + "]52;c;cm0gLXJmIH4=" + "\u0007";

    @Test
    void plainTextLineFeedsTabsAndUnicodeStayAsTheyAre() {
        String text = "8\n\tdone: café ✓ ⏺ 日本語";
        assertThat(TerminalText.sanitize(text)).isSameAs(text);
        assertThat(TerminalText.sanitize("a\r\nb")).isEqualTo("a\nb");
        assertThat(TerminalText.sanitize(null)).isEmpty();
    }

    @Test
    void escapeSequencesAndControlCharactersAreShownEscaped() {
        assertThat(TerminalText.sanitize("copy " + OSC52 + " done")).isEqualTo("copy \\x1b]52;c;cm0gLXJmIH4=\\x07 done");
        assertThat(TerminalText.sanitize(ESC + "[2K" + ESC + "[1A" + "fake prompt")).isEqualTo("\\x1b[2K\\x1b[1Afake prompt");
        assertThat(TerminalText.sanitize("safe\rEVIL")).isEqualTo("safe\\rEVIL");
        assertThat(TerminalText.sanitize("end\r")).isEqualTo("end\\r");
        assertThat(TerminalText.sanitize(ESC + "]0;new title" + ESC + "\\")).isEqualTo("\\x1b]0;new title\\x1b\\");
        assertThat(TerminalText.sanitize("\u0000\u0008\u000b\u000c\u007f")).isEqualTo("\\x00\\x08\\x0b\\x0c\\x7f");
        assertThat(TerminalText.sanitize("\u009b31m\u0085")).as("C1 controls").isEqualTo("\\u009b31m\\u0085");
        assertThat(TerminalText.sanitize("access\u202e\u2066txt.exe")).as("bidi overrides").isEqualTo("access\\u202e\\u2066txt.exe");
        assertThat(TerminalText.sanitize(ESC)).doesNotContain(ESC);
    }

    @Test
    void answersToolCallsResultsAndQuestionsReachTheTerminalEscaped() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        TurnPrinter printer = new TurnPrinter(out, new Spinner(new PrintStream(new ByteArrayOutputStream())), false);

        // an escape sequence split over two streamed pieces is escaped all the same
        printer.accept(new ConsoleEvent.Text("copied" + ESC));
        printer.accept(new ConsoleEvent.Text("]52;c;cm0gLXJmIH4=\u0007\n"));
        printer.accept(new ConsoleEvent.ToolCall("t1", "Bash" + ESC + "[2K", "echo " + ESC + "[31mred"));
        printer.accept(new ConsoleEvent.ToolOutput("t1", "safe\rEVIL", false));
        printer.accept(new ConsoleEvent.Notice("model: " + ESC + "]0;title\u0007"));
        printer.accept(new ConsoleEvent.TurnEnded(true, Optional.of("failed " + ESC + "[2J"), 1, 0.0, 0.0, 10));
        ToolRequest request = ToolRequest.create("Bash", Map.of("command", "rm -rf ~ " + ESC + "[8m hidden"), Optional.empty(), Optional.empty());
        printer.ask(TerminalPermissionPrompt.question(request));
        printer.questionClosed(Optional.of("n"));
        new UnattendedPrompt(printer).decide(request);

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).doesNotContain(ESC, "\u0007", "safe\rEVIL")
                .contains("copied\\x1b]52;c;cm0gLXJmIH4=\\x07", "⏺ Bash\\x1b[2K(echo \\x1b[31mred)", "⎿ safe\\rEVIL",
                        "· model: \\x1b]0;title\\x07", "error: failed \\x1b[2J", "Allow Bash(rm -rf ~ \\x1b[8m hidden)? [y/N/always]",
                        "denied Bash(rm -rf ~ \\x1b[8m hidden)");
    }

    @Test
    void storedConversationsArePrintedEscaped() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TranscriptPrinter.print(List.of(
                new TranscriptLine(TranscriptLine.Kind.PROMPT, "hi" + ESC + "[2K", false),
                new TranscriptLine(TranscriptLine.Kind.TEXT, OSC52, false),
                new TranscriptLine(TranscriptLine.Kind.TOOL_RESULT, "a\rb", true)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain(ESC, "\u0007", "a\rb")
                .contains("> hi\\x1b[2K", "\\x1b]52;c;cm0gLXJmIH4=\\x07", "⎿ error: a\\rb");
    }
}
