package dev.claudecode.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.console.session.OfflineModel;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.RecordedRequest;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.StandInModel;
import dev.claudecode.testkit.TestCli;
import dev.claudecode.testkit.ToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console in headless Chromium, used as a person would: start a session, ask, approve and
 * deny the CLI's real permission prompts by clicking, interrupt a turn while it waits for an answer,
 * switch model and mode, rewind files, look at MCP status, context usage and history, continue a
 * stored session live. Runs against the real CLI and a {@link FakeClaudeApi} whose scripted replies
 * make the model call tools (the console's offline model answers the rest); screenshots are kept.
 */
class WebConsoleIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String OTHER_MODEL = "claude-fake-model-b";

    @TempDir
    Path temp;

    private Path work;
    private FakeClaudeApi api;
    private WebConsole console;

    @BeforeEach
    void startConsole() throws IOException {
        work = Files.createDirectories(temp.resolve("work"));
        api = FakeClaudeApi.builder().defaultReply(OfflineModel.reply()).sessionTitle(StandInModel.TITLE).start();
        ClaudeCodeOptions defaults = ClaudeCodeOptions.builder()
                .cliPath(TestCli.path())
                .cwd(work)
                .env(environment())
                .includePartialMessages(true)
                .permissionCallbackTimeout(WAIT)
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
    void aPersonRunsASessionFromThePage() throws Exception {
        Path notes = work.resolve("notes.txt");
        try (Browser browser = new Browser(Files.createDirectories(temp.resolve("chromium-profile")))) {
            // the address serve prints: its token becomes an HttpOnly cookie, and the address bar loses it
            browser.driver().get(console.signInUri().toString());
            browser.waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("backend-badge"), "OFFLINE STAND-IN MODEL"));
            assertThat(browser.driver().getCurrentUrl()).isEqualTo(console.uri().toString());
            assertThat(browser.driver().executeScript("return document.cookie")).isEqualTo("");
            browser.screenshot("web-1-start");

            // #1: a new session, one question, the answer streamed into the page
            browser.find("new-session").click();
            browser.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("session-view")));
            ask(browser, "What is 5 + 3?", 1);
            assertThat(texts(browser, "#transcript .answer")).contains("8");
            browser.waiting(WAIT).until(driver -> browser.find("state-session").getText().matches("[0-9a-f-]{36}"));
            String conversation = browser.find("state-session").getText();
            browser.screenshot("web-2-answer");

            // #2: the model writes a file; the CLI asks, the person clicks Allow, the tool runs
            api.enqueue(Reply.toolUse("Write", Map.of("file_path", notes.toString(), "content", "first draft\n")));
            send(browser, "Write the notes");
            WebElement question = browser.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#permissions .permission")));
            assertThat(question.getText()).contains("Allow Write(" + notes + ")?");
            browser.screenshot("web-3-permission");
            question.findElement(By.cssSelector("button.allow")).click();
            awaitTurns(browser, 2);
            assertThat(lastToolResult()).satisfies(result -> assertThat(result.isError()).as(result.text()).isFalse());
            assertThat(notes).hasContent("first draft");
            assertThat(browser.find("transcript").getText()).contains("Write(" + notes + "): allowed");
            assertThat(browser.driver().findElements(By.cssSelector("#permissions .permission"))).isEmpty();

            // #3: a deletion, refused by clicking Deny: the model reads the refusal, the file stays
            api.enqueue(Reply.toolUse("Bash", Map.of("command", "rm " + notes, "description", "Delete the notes")));
            send(browser, "Delete the notes");
            browser.waiting(WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#permissions .permission button.deny"))).click();
            awaitTurns(browser, 3);
            assertThat(lastToolResult()).satisfies(result -> {
                assertThat(result.isError()).isTrue();
                assertThat(result.text()).contains("denied");
            });
            assertThat(notes).exists();

            // #4: interrupted while the question waits: the CLI withdraws it, the tool never runs
            api.enqueue(Reply.toolUse("Bash", Map.of("command", "touch " + work.resolve("never.txt"), "description", "Create a file")));
            send(browser, "Create another file");
            browser.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#permissions .permission")));
            browser.find("interrupt").click();
            awaitTurns(browser, 4);
            browser.waiting(WAIT).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#permissions .permission"), 0));
            assertThat(browser.find("transcript").getText()).contains("interrupt sent", "error: interrupted");
            assertThat(work.resolve("never.txt")).doesNotExist();

            // #5: another model, switched on the live session: the next request to the API names it
            browser.find("model-input").sendKeys(OTHER_MODEL);
            browser.find("model-set").click();
            browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("state-model"), OTHER_MODEL));
            assertThat(api.lastMainRequest().flatMap(RecordedRequest::model)).isNotEqualTo(java.util.Optional.of(OTHER_MODEL));
            ask(browser, "What is 5 + 3?", 5);
            assertThat(api.lastMainRequest().flatMap(RecordedRequest::model)).contains(OTHER_MODEL);

            // #6: in acceptEdits mode the CLI no longer asks before editing the file
            new Select(browser.find("mode-select")).selectByValue("acceptEdits");
            browser.find("mode-set").click();
            browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("state-mode"), "acceptEdits"));
            api.enqueue(Reply.toolUse("Read", Map.of("file_path", notes.toString())),
                    Reply.toolUse("Write", Map.of("file_path", notes.toString(), "content", "second draft\n")));
            ask(browser, "Rewrite the notes", 6);
            assertThat(lastToolResult().isError()).isFalse();
            assertThat(notes).hasContent("second draft");
            assertThat(browser.find("transcript").getText()).containsOnlyOnce("): allowed");

            // rewinding to before prompt #6 restores the first draft
            new Select(browser.find("rewind-prompt")).selectByValue("6");
            browser.find("rewind").click();
            browser.waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("panel-output"), "would change 1 file(s)"));
            assertThat(browser.find("panel-output").getText()).contains(notes.toString());
            assertThat(notes).hasContent("second draft");
            browser.find("rewind-dry").click();
            browser.find("rewind").click();
            browser.waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("panel-output"),
                    "files restored to their state before prompt #6"));
            assertThat(notes).hasContent("first draft");

            browser.find("mcp-button").click();
            browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("panel-output"), "no MCP servers"));
            browser.find("context-button").click();
            browser.waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("panel-output"), "tokens ("));
            assertThat(browser.find("panel-output").getText()).contains(OTHER_MODEL);
            browser.screenshot("web-4-controls");

            // the stored session in the history, opened read-only
            browser.find("history-refresh").click();
            // the list is drawn anew whenever a turn ends: click a row of the list as it is now
            browser.waiting(WAIT).ignoring(StaleElementReferenceException.class).until(driver -> {
                driver.findElement(By.cssSelector("#history .history-row")).click();
                return true;
            });
            browser.waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-transcript"), "Write the notes"));
            browser.screenshot("web-5-history");

            // ...and continued live: a new session resumes it, so the model sees the earlier prompts
            browser.find("resume").click();
            browser.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("session-view")));
            ask(browser, "What did I ask first?", 1);
            browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("state-session"), conversation));
            assertThat(api.lastMainRequest().orElseThrow().allUserText()).contains("What is 5 + 3?", "Write the notes",
                    "What did I ask first?");
        }
    }

    /** The fake API's variables, and a home of its own so that the CLI's shell does not read this machine's profile. */
    private Map<String, String> environment() throws IOException {
        Map<String, String> environment = new java.util.HashMap<>(api.environment());
        environment.put("HOME", Files.createDirectories(temp.resolve("home")).toString());
        return environment;
    }

    private ToolResult lastToolResult() {
        return api.lastMainRequest().orElseThrow().toolResults().getLast();
    }

    private static void send(Browser browser, String prompt) {
        browser.find("prompt").sendKeys(prompt, Keys.ENTER);
    }

    private static void ask(Browser browser, String prompt, int turn) {
        send(browser, prompt);
        awaitTurns(browser, turn);
    }

    private static void awaitTurns(Browser browser, int turns) {
        browser.waiting(WAIT).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#transcript .turn-end"), turns));
    }

    private static java.util.List<String> texts(Browser browser, String css) {
        return browser.driver().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }
}
