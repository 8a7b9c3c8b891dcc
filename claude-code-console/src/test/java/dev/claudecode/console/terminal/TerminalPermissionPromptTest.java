package dev.claudecode.console.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.console.session.ToolDecision;
import dev.claudecode.console.session.ToolRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TerminalPermissionPromptTest {

    private static final ToolRequest RM = ToolRequest.create("Bash", Map.of("command", "rm -rf build"), Optional.empty(), Optional.empty());

    @Test
    void asksAtTheTerminalAndTheNextLineAnswers() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (PipedOutputStream keyboard = new PipedOutputStream();
                TerminalInput input = new TerminalInput(new PipedInputStream(keyboard), StandardCharsets.UTF_8)) {
            TurnPrinter printer = new TurnPrinter(new PrintStream(screen, true, StandardCharsets.UTF_8),
                    new Spinner(new PrintStream(new ByteArrayOutputStream()), false));
            TerminalPermissionPrompt prompt = new TerminalPermissionPrompt(input, printer);

            CompletableFuture<ToolDecision> decision = CompletableFuture.supplyAsync(() -> prompt.decide(RM));
            awaitText(screen, "Allow Bash(rm -rf build)? [y/N/always] ");
            keyboard.write("always\n".getBytes(StandardCharsets.UTF_8));
            keyboard.flush();

            assertThat(decision.get(10, TimeUnit.SECONDS)).isEqualTo(ToolDecision.ALLOW_ALWAYS);
            assertThat(screen.toString(StandardCharsets.UTF_8)).contains("allowed: Bash runs without asking");

            // with no question open, lines are commands again
            keyboard.write("/help\n".getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
            assertThat(input.nextLine()).contains("/help");
        }
    }

    @Test
    void atATerminalOnlyALineTypedAfterTheQuestionAnswersIt() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (PipedOutputStream keyboard = new PipedOutputStream();
                TerminalInput input = new TerminalInput(new PipedInputStream(keyboard), StandardCharsets.UTF_8)) {
            TerminalPermissionPrompt prompt = new TerminalPermissionPrompt(input, printer(screen, true));
            keyboard.write("typed ahead\n".getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
            assertThat(input.nextLine()).contains("typed ahead");
            keyboard.write("stray line\n".getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (input.linesWaiting() == 0) {
                assertThat(System.nanoTime()).as("the stray line was not read").isLessThan(deadline);
                Thread.sleep(5);
            }

            CompletableFuture<ToolDecision> decision = CompletableFuture.supplyAsync(() -> prompt.decide(RM));
            awaitText(screen, "Allow Bash(rm -rf build)?");
            keyboard.write("y\n".getBytes(StandardCharsets.UTF_8));
            keyboard.flush();

            assertThat(decision.get(10, TimeUnit.SECONDS)).isEqualTo(ToolDecision.ALLOW);
            assertThat(input.nextLine()).contains("stray line");
        }
    }

    @Test
    void aWithdrawnQuestionDenies() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (PipedOutputStream keyboard = new PipedOutputStream();
                TerminalInput input = new TerminalInput(new PipedInputStream(keyboard), StandardCharsets.UTF_8)) {
            TerminalPermissionPrompt prompt = new TerminalPermissionPrompt(input, printer(screen, true));
            CompletableFuture<ToolDecision> decision = new CompletableFuture<>();
            Thread asking = Thread.ofVirtual().start(() -> decision.complete(prompt.decide(RM)));
            awaitText(screen, "Allow Bash(rm -rf build)?");
            // the library interrupts the callback when the CLI withdraws the question or the time runs out
            asking.interrupt();
            assertThat(decision.get(10, TimeUnit.SECONDS)).isEqualTo(ToolDecision.DENY);
            awaitText(screen, "denied: the question was withdrawn or not answered in time");
        }
    }

    @Test
    void pipedInputAnswersWithTheLineAfterThePromptAndItsEndDenies() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        byte[] piped = "Remove the build\ny\n".getBytes(StandardCharsets.UTF_8);
        try (TerminalInput input = new TerminalInput(new ByteArrayInputStream(piped), StandardCharsets.UTF_8, true)) {
            TerminalPermissionPrompt prompt = new TerminalPermissionPrompt(input, printer(screen, false));
            assertThat(input.nextLine()).contains("Remove the build");

            assertThat(prompt.decide(RM)).isEqualTo(ToolDecision.ALLOW);
            assertThat(prompt.decide(RM)).isEqualTo(ToolDecision.DENY);
            // the end stays for the command loop
            assertThat(input.nextLine()).isEmpty();
            assertThat(screen.toString(StandardCharsets.UTF_8)).isEqualTo(
                    "Allow Bash(rm -rf build)? [y/N/always] y\n  allowed once\n"
                    + "Allow Bash(rm -rf build)? [y/N/always] \n  denied: the input ended\n");
        }
    }

    @Test
    void outputThatArrivesWhileAQuestionWaitsIsPrintedAboveIt() {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        TurnPrinter printer = printer(screen, true);
        printer.ask("Allow Bash(ls)? [y/N/always] ");
        printer.line("· model: opus");
        printer.questionClosed(Optional.of("y"));
        printer.line("  allowed once");
        assertThat(screen.toString(StandardCharsets.UTF_8)).isEqualTo(
                "Allow Bash(ls)? [y/N/always] \r\033[K· model: opus\nAllow Bash(ls)? [y/N/always]   allowed once\n");
    }

    private static TurnPrinter printer(ByteArrayOutputStream screen, boolean typed) {
        return new TurnPrinter(new PrintStream(screen, true, StandardCharsets.UTF_8),
                new Spinner(new PrintStream(new ByteArrayOutputStream()), false), typed);
    }

    private static void awaitText(ByteArrayOutputStream screen, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!screen.toString(StandardCharsets.UTF_8).contains(text)) {
            assertThat(System.nanoTime()).as("the question %s was not printed", text).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
