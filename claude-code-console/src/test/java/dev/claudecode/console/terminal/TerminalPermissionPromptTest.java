package dev.claudecode.console.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.console.session.ToolDecision;
import dev.claudecode.console.session.ToolRequest;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
            TerminalPermissionPrompt prompt = new TerminalPermissionPrompt(input, printer, Duration.ofSeconds(10));

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
    void noAnswerInTimeDenies() throws Exception {
        try (PipedOutputStream keyboard = new PipedOutputStream();
                TerminalInput input = new TerminalInput(new PipedInputStream(keyboard), StandardCharsets.UTF_8)) {
            TurnPrinter printer = new TurnPrinter(new PrintStream(new ByteArrayOutputStream()),
                    new Spinner(new PrintStream(new ByteArrayOutputStream()), false));
            assertThat(new TerminalPermissionPrompt(input, printer, Duration.ofMillis(100)).decide(RM)).isEqualTo(ToolDecision.DENY);
        }
    }

    private static void awaitText(ByteArrayOutputStream screen, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!screen.toString(StandardCharsets.UTF_8).contains(text)) {
            assertThat(System.nanoTime()).as("the question %s was not printed", text).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
