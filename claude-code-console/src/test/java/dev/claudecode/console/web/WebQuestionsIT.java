package dev.claudecode.console.web;

import static dev.claudecode.console.QuestionFixtures.TOOL;
import static dev.claudecode.console.QuestionFixtures.URL_STEPS_SINCE;
import static dev.claudecode.console.QuestionFixtures.answerTheServerGot;
import static dev.claudecode.console.QuestionFixtures.json;
import static dev.claudecode.console.QuestionFixtures.signUp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.cli.CliVersionRange;
import dev.claudecode.console.session.OfflineModel;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.testkit.ElicitingMcpServer;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.StandInModel;
import dev.claudecode.testkit.TestCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console in headless Chromium answering what an MCP server asks: a real stdio server
 * ({@link ElicitingMcpServer}) asks during a tool call the scripted model makes, the page renders
 * the form from the requested schema (or the page to open as a link), the person fills it in and
 * clicks, and the tool result the CLI sends back to the model carries the answer.
 */
class WebQuestionsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private FakeClaudeApi api;
    private WebConsole console;

    @BeforeEach
    void startConsole() throws Exception {
        Path work = Files.createDirectories(temp.resolve("work"));
        api = FakeClaudeApi.builder().defaultReply(OfflineModel.reply()).sessionTitle(StandInModel.TITLE).start();
        Map<String, String> environment = new HashMap<>(api.environment());
        environment.put("HOME", Files.createDirectories(temp.resolve("home")).toString());
        ClaudeCodeOptions defaults = ClaudeCodeOptions.builder()
                .cliPath(TestCli.path())
                .cwd(work)
                .env(environment)
                .includePartialMessages(true)
                .permissionCallbackTimeout(WAIT)
                .mcpServer("asker", ElicitingMcpServer.config())
                .allowedTools(TOOL)
                .build();
        console = WebConsole.start(new WebConsole.Settings("127.0.0.1", 0, defaults, true,
                StandInModel.LABEL + " scripted replies", api.configDir()));
    }

    @AfterEach
    void stopConsole() {
        if (console != null) {
            console.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void aPersonAnswersAnMcpServersQuestionsInThePage() throws Exception {
        try (Browser browser = new Browser(Files.createDirectories(temp.resolve("chromium-profile")))) {
            browser.driver().get(console.signInUri().toString());
            browser.waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("backend-badge"), "OFFLINE"));
            browser.find("new-session").click();
            browser.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("session-view")));
            awaitServerConnected(browser);

            // a form rendered from the schema: a value that does not fit is refused in the page
            api.enqueue(Reply.toolUse(TOOL, ElicitingMcpServer.form("Who are you?", signUp())));
            send(browser, "Sign me up");
            WebElement form = browser.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#permissions .question")));
            assertThat(form.getText()).contains("MCP server \"asker\" asks", "Who are you?", "Your name *", "age", "color");
            form.findElement(By.cssSelector("[data-field=name]")).sendKeys("Ada");
            form.findElement(By.cssSelector("[data-field=age]")).sendKeys("many");
            new Select(form.findElement(By.cssSelector("[data-field=color]"))).selectByValue("green");
            form.findElement(By.cssSelector("button.accept")).click();
            browser.waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#permissions .question-error"),
                    "age: 'many' is not a number"));
            browser.screenshot("web-question-1-form");
            WebElement age = form.findElement(By.cssSelector("[data-field=age]"));
            age.clear();
            age.sendKeys("36");
            form.findElement(By.cssSelector("button.accept")).click();
            awaitTurns(browser, 1);
            assertThat(answerTheServerGot(api)).isEqualTo(json("{\"action\":\"accept\",\"content\":{\"name\":\"Ada\",\"age\":36,\"color\":\"green\"}}"));
            assertThat(browser.find("transcript").getText()).contains("MCP server \"asker\": Who are you?: answered");
            assertThat(browser.driver().findElements(By.cssSelector("#permissions .question"))).isEmpty();

            // declined with a click
            api.enqueue(Reply.toolUse(TOOL, ElicitingMcpServer.form("And your town?", Map.of("type", "object",
                    "properties", Map.of("town", Map.of("type", "string"))))));
            send(browser, "Add my town");
            browser.waiting(WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#permissions .question button.decline"))).click();
            awaitTurns(browser, 2);
            assertThat(answerTheServerGot(api)).isEqualTo(json("{\"action\":\"decline\"}"));

            if (CliVersionRange.compare(TestCli.version(), URL_STEPS_SINCE) >= 0) {
                // a page to open, shown as a link; done once the person has been there
                api.enqueue(Reply.toolUse(TOOL, ElicitingMcpServer.url("Sign in to Example", "https://example.test/oauth?state=7")));
                send(browser, "Connect my account");
                WebElement link = browser.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#permissions .question a.question-url")));
                assertThat(link.getAttribute("href")).isEqualTo("https://example.test/oauth?state=7");
                assertThat(link.getAttribute("rel")).isEqualTo("noopener noreferrer");
                browser.screenshot("web-question-2-url");
                browser.driver().findElement(By.cssSelector("#permissions .question button.accept")).click();
                awaitTurns(browser, 3);
                assertThat(answerTheServerGot(api)).isEqualTo(json("{\"action\":\"accept\"}"));
            }
        }
    }

    private static void awaitServerConnected(Browser browser) throws InterruptedException {
        // the CLI does not wait for a stdio server before a turn, and a JVM needs a moment to start
        long deadline = System.nanoTime() + WAIT.toNanos();
        By connected = By.cssSelector("#side-panel-body .mcp-server .status.connected");
        do {
            browser.find("mcp-button").click();
            Thread.sleep(1000);
        } while (browser.driver().findElements(connected).isEmpty() && System.nanoTime() < deadline);
        assertThat(browser.find("side-panel-body").getText()).contains("asker", "tools: ask");
        browser.find("side-panel-close").click();
    }

    private static void send(Browser browser, String prompt) {
        browser.find("prompt").sendKeys(prompt, Keys.ENTER);
    }

    private static void awaitTurns(Browser browser, int turns) {
        browser.waiting(WAIT).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#transcript .turn-end"), turns));
    }
}
