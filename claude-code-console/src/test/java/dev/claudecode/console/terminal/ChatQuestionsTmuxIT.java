package dev.claudecode.console.terminal;

import static dev.claudecode.console.QuestionFixtures.TOOL;
import static dev.claudecode.console.QuestionFixtures.URL_STEPS_SINCE;
import static dev.claudecode.console.QuestionFixtures.answerTheServerGot;
import static dev.claudecode.console.QuestionFixtures.json;
import static dev.claudecode.console.QuestionFixtures.signUp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.cli.CliVersionRange;
import dev.claudecode.console.RequiredTools;
import dev.claudecode.console.session.OfflineModel;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.testkit.ElicitingMcpServer;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code chat} in a real terminal under tmux, answering what an MCP server asks: a real stdio
 * server ({@link ElicitingMcpServer}, given with {@code --mcp-config}) asks for a form or a page to
 * open during a tool call the scripted model makes, the person types the answers, and the tool
 * result the CLI sends back to the model carries them.
 */
class ChatQuestionsTmuxIT {

    private static final Duration TURN = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    @Test
    void aFormIsFilledInAtTheTerminal() throws Exception {
        try (FakeClaudeApi api = FakeClaudeApi.builder().defaultReply(OfflineModel.reply()).start();
                Tmux terminal = chat(api)) {
            api.enqueue(Reply.toolUse(TOOL, ElicitingMcpServer.form("Who are you?", signUp())));
            terminal.typeLine("Sign me up");
            terminal.awaitText("? MCP server \"asker\" asks: Who are you?", TURN);
            terminal.awaitText("fill in the form (y), decline (n) or cancel (c)? [y/n/c]", TURN);
            terminal.typeLine("y");
            terminal.awaitText("Your name (text, required):", TURN);
            terminal.typeLine("Ada");
            terminal.awaitText("age (a whole number of at least 0):", TURN);
            terminal.typeLine("many");
            terminal.awaitText("! 'many' is not a number", TURN);
            terminal.typeLine("36");
            terminal.awaitText("color (one of: red, green, blue):", TURN);
            terminal.save("question-1-form");
            terminal.typeLine("Green");
            assertThat(terminal.awaitTurnsEnded(1, TURN)).contains("  sent");
            assertThat(answerTheServerGot(api)).isEqualTo(json("{\"action\":\"accept\",\"content\":{\"name\":\"Ada\",\"age\":36,\"color\":\"green\"}}"));

            // cancelled: the server hears "cancel"
            api.enqueue(Reply.toolUse(TOOL, ElicitingMcpServer.form("And your town?", Map.of("type", "object",
                    "properties", Map.of("town", Map.of("type", "string"))))));
            terminal.typeLine("Add my town");
            terminal.awaitText("asks: And your town?", TURN);
            terminal.typeLine("c");
            assertThat(terminal.awaitTurnsEnded(2, TURN)).contains("  cancelled");
            assertThat(answerTheServerGot(api)).isEqualTo(json("{\"action\":\"cancel\"}"));
            terminal.typeLine("/quit");
            terminal.awaitText("[exit 0]", TURN);
        }
    }

    @Test
    void aPageToOpenIsShownAndDeclined() throws Exception {
        Assumptions.assumeTrue(CliVersionRange.compare(TestCli.version(), URL_STEPS_SINCE) >= 0,
                "CLI " + TestCli.version() + " declares only form elicitation to MCP servers; URL steps came in " + URL_STEPS_SINCE);
        try (FakeClaudeApi api = FakeClaudeApi.builder().defaultReply(OfflineModel.reply()).start();
                Tmux terminal = chat(api)) {
            api.enqueue(Reply.toolUse(TOOL, ElicitingMcpServer.url("Sign in to Example", "https://example.test/oauth?state=7")));
            terminal.typeLine("Connect my account");
            terminal.awaitText("asks you to open a page: Sign in to Example", TURN);
            terminal.awaitText("  https://example.test/oauth?state=7", TURN);
            terminal.awaitText("opened it and done (y), decline (n) or cancel (c)? [y/n/c]", TURN);
            terminal.save("question-2-url");
            terminal.typeLine("n");
            assertThat(terminal.awaitTurnsEnded(1, TURN)).contains("  declined");
            assertThat(answerTheServerGot(api)).isEqualTo(json("{\"action\":\"decline\"}"));
            terminal.typeLine("/quit");
            terminal.awaitText("[exit 0]", TURN);
        }
    }

    /** Starts {@code chat} with the eliciting server and waits until the CLI has connected it. */
    private Tmux chat(FakeClaudeApi api) throws Exception {
        Path work = ConsoleCommands.directory(temp, "work");
        McpServerConfig.Stdio server = ElicitingMcpServer.config();
        Path config = temp.resolve("mcp.json");
        Files.writeString(config, JsonMapper.shared().writeValueAsString(Map.of("mcpServers", Map.of("asker",
                Map.of("type", "stdio", "command", server.command(), "args", server.args())))));
        Map<String, String> environment = new HashMap<>(api.environment());
        environment.putAll(ConsoleCommands.environment(temp));
        Tmux terminal = Tmux.start(RequiredTools.tmux(), work, environment,
                ConsoleCommands.command("chat", "--mcp-config", config.toString(), "--allowed-tools", TOOL));
        terminal.awaitText("/help lists the commands", TURN);
        // the CLI does not wait for a stdio server before a turn, and a JVM needs a moment to start
        long deadline = System.nanoTime() + TURN.toNanos();
        do {
            terminal.typeLine("/mcp");
            Thread.sleep(1000);
        } while (!terminal.screen().contains("asker  connected") && System.nanoTime() < deadline);
        terminal.awaitText("asker  connected", Duration.ofSeconds(1));
        return terminal;
    }
}
