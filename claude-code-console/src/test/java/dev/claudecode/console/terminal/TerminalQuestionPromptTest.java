package dev.claudecode.console.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.console.session.Question;
import dev.claudecode.elicitation.ElicitationRequest;
import dev.claudecode.elicitation.ElicitationResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class TerminalQuestionPromptTest {

    private static final Map<String, Object> SCHEMA = Map.of("type", "object", "required", List.of("name"),
            "properties", Map.of("name", Map.of("type", "string", "title", "Your name"),
                    "age", Map.of("type", "integer", "minimum", 0)));
    private static final Question FORM = Question.create("MCP server \"asker\"", new ElicitationRequest("asker", "Who are you?",
            dev.claudecode.elicitation.ElicitationMode.FORM, java.util.Optional.empty(), java.util.Optional.empty(), SCHEMA,
            List.of("name", "age"), java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), Map.of()));
    private static final Question URL = Question.create("MCP server \"asker\"",
            ElicitationRequest.url("asker", "Sign in\u001b[2J", "https://example.test/login"));

    private static ElicitationResult answerPiped(Question question, String lines, ByteArrayOutputStream screen) {
        try (TerminalInput input = new TerminalInput(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8, true)) {
            return new TerminalQuestionPrompt(input, printer(screen), new ReentrantLock()).answer(question);
        }
    }

    @Test
    void aFormIsFilledInFieldByFieldAndABadValueIsAskedAgain() {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ElicitationResult result = answerPiped(FORM, "y\nAda\nold\n36\n", screen);
        assertThat(result).isEqualTo(ElicitationResult.accept(Map.of("name", "Ada", "age", 36L)));
        assertThat(screen.toString(StandardCharsets.UTF_8)).contains(
                "? MCP server \"asker\" asks: Who are you?",
                "fill in the form (y), decline (n) or cancel (c)? [y/n/c] y",
                "Your name (text, required): Ada",
                "age (a whole number of at least 0): old",
                "! 'old' is not a number",
                "  sent");
    }

    @Test
    void anOptionalFieldLeftBlankIsLeftOut() {
        assertThat(answerPiped(FORM, "y\nAda\n\n", new ByteArrayOutputStream())).isEqualTo(ElicitationResult.accept(Map.of("name", "Ada")));
    }

    @Test
    void nDeclinesCCancelsAndTheEndOfTheInputCancels() {
        assertThat(answerPiped(FORM, "n\n", new ByteArrayOutputStream())).isEqualTo(ElicitationResult.decline());
        assertThat(answerPiped(FORM, "c\n", new ByteArrayOutputStream())).isEqualTo(ElicitationResult.cancel());
        assertThat(answerPiped(FORM, "y\n", new ByteArrayOutputStream())).isEqualTo(ElicitationResult.cancel());
    }

    @Test
    void aPageToOpenIsShownAsItsAddressAndTheServersTextCannotSteerTheTerminal() {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        assertThat(answerPiped(URL, "y\n", screen)).isEqualTo(ElicitationResult.accept());
        String shown = screen.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("asks you to open a page: Sign in?[2J", "  https://example.test/login",
                "opened it and done (y), decline (n) or cancel (c)? [y/n/c] y", "  done");
        assertThat(shown).doesNotContain("\u001b[2J");
    }

    @Test
    void aWithdrawnQuestionIsCancelled() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (PipedOutputStream keyboard = new PipedOutputStream();
                TerminalInput input = new TerminalInput(new PipedInputStream(keyboard), StandardCharsets.UTF_8)) {
            TerminalQuestionPrompt prompt = new TerminalQuestionPrompt(input, printer(screen), new ReentrantLock());
            CompletableFuture<ElicitationResult> result = new CompletableFuture<>();
            Thread asking = Thread.ofVirtual().start(() -> result.complete(prompt.answer(FORM)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!screen.toString(StandardCharsets.UTF_8).contains("[y/n/c]")) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(10);
            }
            asking.interrupt();
            assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(ElicitationResult.cancel());
            assertThat(screen.toString(StandardCharsets.UTF_8)).contains("cancelled: the question was withdrawn or not answered in time");
        }
    }

    private static TurnPrinter printer(ByteArrayOutputStream screen) {
        return new TurnPrinter(new PrintStream(screen, true, StandardCharsets.UTF_8),
                new Spinner(new PrintStream(new ByteArrayOutputStream()), false), false);
    }
}
