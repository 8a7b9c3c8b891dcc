package dev.claudecode.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.control.ContextUsage;
import dev.claudecode.history.History;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
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
        api = FakeClaudeApi.builder().defaultReply(OfflineModel.reply()).sideReply(OfflineModel.sideReply()).start();
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
            signIn(browser);
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
            // the live session list shows it at once, not only after the next turn
            browser.waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#live-sessions li.selected .title"),
                    OTHER_MODEL));
            assertThat(api.lastMainRequest().flatMap(RecordedRequest::model)).isNotEqualTo(java.util.Optional.of(OTHER_MODEL));
            ask(browser, "What is 5 + 3?", 5);
            assertThat(api.lastMainRequest().flatMap(RecordedRequest::model)).contains(OTHER_MODEL);

            // #6: in acceptEdits mode the CLI no longer asks before editing the file
            new Select(browser.find("mode-select")).selectByValue("acceptEdits");
            browser.find("mode-set").click();
            browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("state-mode"), "acceptEdits"));
            browser.waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#live-sessions li.selected .meta"),
                    "acceptEdits"));
            api.enqueue(Reply.toolUse("Read", Map.of("file_path", notes.toString())),
                    Reply.toolUse("Write", Map.of("file_path", notes.toString(), "content", "second draft\n")));
            ask(browser, "Rewrite the notes", 6);
            assertThat(lastToolResult().isError()).isFalse();
            assertThat(notes).hasContent("second draft");
            assertThat(browser.find("transcript").getText()).containsOnlyOnce("): allowed");

            // rewinding to before prompt #6 restores the first draft
            new Select(browser.find("rewind-prompt")).selectByValue("6");
            browser.find("rewind").click();
            browser.waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("side-panel-body"), "would change 1 file(s)"));
            assertThat(browser.find("side-panel-title").getText()).isEqualToIgnoringCase("Rewind files (dry run)");
            assertThat(browser.find("side-panel-body").getText()).contains(notes.toString());
            assertThat(notes).hasContent("second draft");
            browser.find("rewind-dry").click();
            browser.find("rewind").click();
            browser.waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("side-panel-body"),
                    "files restored to their state before prompt #6"));
            assertThat(notes).hasContent("first draft");

            browser.find("mcp-button").click();
            browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("side-panel-body"), "no MCP servers"));
            browser.find("context-button").click();
            browser.waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("side-panel-body"), "tokens ("));
            assertThat(browser.find("side-panel-body").getText()).contains(OTHER_MODEL);
            browser.screenshot("web-4-controls");
            browser.find("side-panel-close").click();
            browser.waiting(WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.id("side-panel")));

            // the stored session in the history, opened read-only; untitled (the offline model gives
            // no title), it is listed by its first prompt
            browser.find("history-refresh").click();
            browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.cssSelector("#history .history-row .title"), "What is 5 + 3?"));
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

    @Test
    void resultPanelsOpenBesideTheTranscriptAndShowTheCliContextNumbers() throws Exception {
        try (Browser browser = new Browser(Files.createDirectories(temp.resolve("chromium-profile")))) {
            browser.viewport(1280, 900);
            signIn(browser);
            browser.find("new-session").click();
            browser.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("session-view")));
            ask(browser, "What is 5 + 3?", 1);
            Browser.Box transcript = browser.box("#transcript");
            Browser.Box promptForm = browser.box("#prompt-form");

            // the panel opens over the transcript's right part: the transcript and the prompt stay
            // where they are, and no control is covered
            browser.find("context-button").click();
            browser.waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("side-panel-body"), "tokens ("));
            assertThat(browser.box("#transcript")).isEqualTo(transcript);
            assertThat(browser.box("#prompt-form")).isEqualTo(promptForm);
            Browser.Box panel = browser.box("#side-panel");
            assertThat(panel.right()).isEqualTo(transcript.right());
            assertThat(panel.top()).isEqualTo(transcript.top());
            assertThat(panel.height()).isEqualTo(transcript.height());
            assertThat(panel.width()).isEqualTo(400);
            assertThat(panel.left()).isGreaterThan(transcript.left() + transcript.width() / 2);
            assertReachable(browser, controls(browser));
            assertNoHorizontalScrolling(browser);

            // the numbers and names are those the CLI answers to get_context_usage
            ContextUsage usage = console.session("s1").orElseThrow().live().contextUsage();
            assertThat(browser.find("side-panel-title").getText()).isEqualToIgnoringCase("Context usage");
            assertThat(browser.driver().findElement(By.cssSelector("#side-panel-body .context-model")).getText()).isEqualTo(usage.model());
            assertThat(browser.driver().findElement(By.cssSelector("#side-panel-body .context-total")).getText()).isEqualTo(String.format(
                    Locale.ROOT, "%,d / %,d tokens (%d%%)", usage.totalTokens(), usage.rawMaxTokens(), Math.round(usage.percentage())));
            List<Map<?, ?>> answered = ((List<?>) usage.raw().get("categories")).stream().<Map<?, ?>>map(category -> (Map<?, ?>) category).toList();
            List<String> used = answered.stream()
                    .filter(category -> kind(category).equals("used") && ((Number) category.get("tokens")).longValue() > 0)
                    .map(WebConsoleIT::row).toList();
            assertThat(used).isNotEmpty();
            assertThat(rows(browser, "used")).containsExactlyElementsOf(used);
            assertThat(answered.stream().filter(category -> kind(category).equals("used"))
                    .mapToLong(category -> ((Number) category.get("tokens")).longValue()).sum()).isEqualTo(usage.totalTokens());
            for (String kind : List.of("free", "buffer", "deferred")) {
                assertThat(rows(browser, kind)).as(kind).containsExactlyElementsOf(
                        answered.stream().filter(category -> kind(category).equals(kind)).map(WebConsoleIT::row).toList());
            }
            assertThat(rows(browser, "free")).singleElement().asString().startsWith("Free space ");
            assertThat(rows(browser, "buffer")).singleElement().asString().startsWith("Autocompact buffer ");
            browser.screenshot("web-1280-context");

            // closed by its button, or by Escape
            browser.find("side-panel-close").click();
            browser.waiting(WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.id("side-panel")));
            browser.find("mcp-button").click();
            browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("side-panel-body"), "no MCP servers"));
            assertThat(browser.box("#transcript")).isEqualTo(transcript);
            new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
            browser.waiting(WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.id("side-panel")));

            // a mistake is told in a bar over the header, which moves nothing either
            browser.find("rewind").click();
            browser.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("error-bar")));
            assertThat(browser.find("error-text").getText()).isEqualTo("choose the prompt whose earlier files to restore");
            assertThat(browser.box("#transcript")).isEqualTo(transcript);
            assertThat(browser.box("#error-bar").top() + browser.box("#error-bar").height()).isLessThanOrEqualTo(browser.box("#view").top());
            browser.screenshot("web-1280-error");
            browser.find("error-close").click();
            browser.waiting(WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.id("error-bar")));
        }
    }

    @Test
    void thePageWorksInAWindow420PixelsWide() throws Exception {
        try (Browser browser = new Browser(Files.createDirectories(temp.resolve("chromium-profile")))) {
            browser.viewport(420, 860);
            signIn(browser);
            assertNoHorizontalScrolling(browser);
            browser.screenshot("web-420-start");

            browser.find("new-session").click();
            browser.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("session-view")));
            ask(browser, "What is 5 + 3?", 1);
            // a line with nowhere to break wraps inside the transcript
            ask(browser, "Remember /" + "very-long-path-segment/".repeat(12) + "end", 2);
            assertNoHorizontalScrolling(browser);
            browser.screenshot("web-420-session");

            // every control of the session lies within the width and can be used
            assertReachable(browser, controls(browser));
            browser.find("model-input").sendKeys(OTHER_MODEL);
            browser.find("model-set").click();
            browser.waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#live-sessions li.selected .title"),
                    OTHER_MODEL));

            // the side panel covers the transcript's whole width and is scrolled to, its close button
            // and the controls in reach; scrolling aside, the transcript does not move
            String layout = offsets(browser, "transcript");
            browser.find("context-button").click();
            browser.waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("side-panel-body"), "tokens ("));
            Browser.Box close = browser.box("#side-panel-close");
            assertThat(close.top()).isGreaterThanOrEqualTo(0);
            assertThat(close.top() + close.height()).isLessThanOrEqualTo(browser.number("return window.innerHeight"));
            assertThat(offsets(browser, "transcript")).isEqualTo(layout);
            Browser.Box transcript = browser.box("#transcript");
            Browser.Box panel = browser.box("#side-panel");
            assertThat(panel.top()).isEqualTo(transcript.top());
            assertThat(panel.left()).isEqualTo(transcript.left());
            assertThat(panel.width()).isEqualTo(transcript.width());
            assertReachable(browser, List.of(browser.find("side-panel-close")));
            assertReachable(browser, controls(browser));
            assertNoHorizontalScrolling(browser);
            browser.driver().executeScript("document.getElementById('side-panel').scrollIntoView({block: 'nearest'})");
            browser.screenshot("web-420-context");
            browser.find("side-panel-close").click();
            browser.waiting(WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.id("side-panel")));

            // closed, the session is listed by its first prompt, or by the title it is given
            browser.find("close-session").click();
            browser.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
            browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.cssSelector("#history .history-row .title"), "What is 5 + 3?"));
            String sessionId = browser.driver().findElement(By.cssSelector("#history .history-row")).getAttribute("data-id");
            History.at(api.configDir()).renameSession(sessionId, "Arithmetic at 420 pixels");
            browser.find("history-refresh").click();
            browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.cssSelector("#history .history-row .title"), "Arithmetic at 420 pixels"));
            browser.waiting(WAIT).ignoring(StaleElementReferenceException.class).until(driver -> {
                driver.findElement(By.cssSelector("#history .history-row")).click();
                return true;
            });
            browser.waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-transcript"), "very-long-path-segment"));
            assertNoHorizontalScrolling(browser);
            browser.screenshot("web-420-history");
        }
    }

    /** The address serve prints: its token becomes an HttpOnly cookie, and the address bar loses it. */
    private void signIn(Browser browser) {
        browser.driver().get(console.signInUri().toString());
        browser.waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("backend-badge"), "OFFLINE STAND-IN MODEL"));
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(console.uri().toString());
        assertThat(browser.driver().executeScript("return document.cookie")).isEqualTo("");
    }

    /** The session's controls: its buttons, fields and choices, and the prompt's. */
    private static List<WebElement> controls(Browser browser) {
        List<WebElement> controls = browser.driver().findElements(By.cssSelector(
                "#controls button, #controls input, #controls select, #prompt-form textarea, #prompt-form button"));
        assertThat(controls).hasSizeGreaterThan(10);
        return controls;
    }

    /** Each control, scrolled to if need be, lies within the page's width and is on top where a click lands. */
    private static void assertReachable(Browser browser, List<WebElement> controls) {
        long width = browser.number("return document.documentElement.clientWidth");
        for (WebElement control : controls) {
            String name = control.getAttribute("id");
            browser.driver().executeScript("arguments[0].scrollIntoView({block: 'nearest'})", control);
            Browser.Box box = box(browser, control);
            assertThat(box.width()).as(name).isPositive();
            assertThat(box.left()).as(name).isGreaterThanOrEqualTo(0);
            assertThat(box.right()).as(name).isLessThanOrEqualTo(width);
            assertThat(browser.driver().executeScript("const r = arguments[0].getBoundingClientRect();"
                    + " const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                    + " return top === arguments[0] || arguments[0].contains(top) || (top !== null && top.control === arguments[0]);", control))
                    .as("%s is not covered", name).isEqualTo(true);
        }
    }

    /** Nothing is wider than the page: the document scrolls vertically at most. */
    private static void assertNoHorizontalScrolling(Browser browser) {
        long scrollWidth = browser.number("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");
        Object sticking = browser.driver().executeScript("const width = document.documentElement.clientWidth;"
                + " return [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > width"
                + " || (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'))"
                + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ');");
        assertThat(scrollWidth).as("the document's scrollWidth; sticking out: %s", sticking)
                .isLessThanOrEqualTo(browser.number("return document.documentElement.clientWidth"));
        assertThat(browser.number("return document.documentElement.clientWidth")).isLessThanOrEqualTo(browser.number("return window.innerWidth"));
    }

    /** An element's place and size in the page, whatever the page is scrolled to. */
    private static String offsets(Browser browser, String id) {
        return (String) browser.driver().executeScript("const e = document.getElementById(arguments[0]);"
                + " const r = e.getBoundingClientRect();"
                + " return [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height].join(',');", id);
    }

    private static Browser.Box box(Browser browser, WebElement element) {
        List<?> numbers = (List<?>) browser.driver().executeScript("const r = arguments[0].getBoundingClientRect();"
                + " return [r.left, r.top, r.width, r.height];", element);
        return new Browser.Box(((Number) numbers.get(0)).doubleValue(), ((Number) numbers.get(1)).doubleValue(),
                ((Number) numbers.get(2)).doubleValue(), ((Number) numbers.get(3)).doubleValue());
    }

    /** A category's kind as the CLI answered it, else as the CLI classes categories without one (before 2.1.332). */
    private static String kind(Map<?, ?> category) {
        if (category.get("kind") instanceof String kind) {
            return kind;
        }
        return switch ((String) category.get("name")) {
            case "Free space" -> "free";
            case "Autocompact buffer", "Compact buffer" -> "buffer";
            default -> Boolean.TRUE.equals(category.get("isDeferred")) ? "deferred" : "used";
        };
    }

    /** A category as the page should show it: its name and tokens as the CLI answered them. */
    private static String row(Map<?, ?> category) {
        return category.get("name") + " " + String.format(Locale.ROOT, "%,d", ((Number) category.get("tokens")).longValue());
    }

    /** The context panel's categories of one kind: name and tokens. */
    private static List<String> rows(Browser browser, String kind) {
        return browser.driver().findElements(By.cssSelector("#side-panel-body tr[data-kind='" + kind + "']")).stream()
                .map(row -> row.findElement(By.tagName("th")).getText() + " " + row.findElement(By.cssSelector("td.tokens")).getText())
                .toList();
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

    private static List<String> texts(Browser browser, String css) {
        return browser.driver().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }
}
