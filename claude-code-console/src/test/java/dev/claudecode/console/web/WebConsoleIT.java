package dev.claudecode.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.ClaudeCodeOptions;
import dev.claudecode.console.session.ModelBackend;
import dev.claudecode.console.session.ToolDecision;
import dev.claudecode.console.session.ToolRequest;
import dev.claudecode.testkit.TestCli;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
 * The web console in headless Chromium, used as a person would: start a session, ask, approve and
 * deny tool uses by clicking, switch model and mode, interrupt, look at MCP status, context usage and
 * history. Runs against the real CLI and the offline stand-in model; screenshots are kept.
 */
class WebConsoleIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private ModelBackend backend;
    private WebConsole console;

    @BeforeEach
    void startConsole() throws IOException {
        Path work = Files.createDirectories(temp.resolve("work"));
        backend = ModelBackend.choose(true, Map.of(), Optional.of(temp.resolve("config")));
        ClaudeCodeOptions defaults = ClaudeCodeOptions.builder()
                .cliPath(TestCli.path())
                .cwd(work)
                .env(backend.environment())
                .includePartialMessages(true)
                .build();
        console = WebConsole.start(new WebConsole.Settings("127.0.0.1", 0, defaults, true, backend.banner(), backend.configDir()));
    }

    @AfterEach
    void stopConsole() {
        if (console != null) {
            console.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void aPersonRunsASessionFromThePage() throws Exception {
        try (Browser browser = new Browser(Files.createDirectories(temp.resolve("chromium-profile")))) {
            browser.driver().get(console.uri().toString());
            browser.waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("backend-badge"), "OFFLINE STAND-IN MODEL"));
            assertThat(browser.find("backend-badge").getText()).contains("no ANTHROPIC_API_KEY");
            browser.screenshot("web-1-start");

            // a new session, one question, the answer streamed into the page
            browser.find("new-session").click();
            browser.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("session-view")));
            ask(browser, "What is 5 + 3?", 1);
            assertThat(browser.driver().findElements(By.cssSelector("#transcript .answer")))
                    .extracting(WebElement::getText).contains("8");
            browser.waiting(WAIT).until(driver -> browser.find("state-session").getText().matches("[0-9a-f-]{36}"));
            browser.screenshot("web-2-answer");

            WebSession session = console.session("s1").orElseThrow();

            // a tool use approved by clicking Allow
            CompletableFuture<ToolDecision> first = ask(session, "rm -rf build");
            WebElement question = browser.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#permissions .permission")));
            assertThat(question.getText()).contains("Allow Bash(rm -rf build)?");
            browser.screenshot("web-3-permission");
            question.findElement(By.cssSelector("button.allow")).click();
            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(ToolDecision.ALLOW);
            browser.waiting(WAIT).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#permissions .permission"), 0));
            browser.waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript"), "Bash(rm -rf build): allowed"));

            // denied by clicking Deny
            CompletableFuture<ToolDecision> second = ask(session, "git push --force");
            browser.waiting(WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#permissions .permission button.deny"))).click();
            assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(ToolDecision.DENY);

            // "Always" answers this question and every later one for the tool
            CompletableFuture<ToolDecision> third = ask(session, "ls");
            browser.waiting(WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#permissions .permission button.always"))).click();
            assertThat(third.get(30, TimeUnit.SECONDS)).isEqualTo(ToolDecision.ALLOW_ALWAYS);
            assertThat(ask(session, "pwd").get(30, TimeUnit.SECONDS)).isEqualTo(ToolDecision.ALLOW);

            // model and permission mode switched from the page; the conversation goes on
            browser.find("model-input").sendKeys("sonnet");
            browser.find("model-set").click();
            browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("state-model"), "sonnet"));
            new Select(browser.find("mode-select")).selectByValue("plan");
            browser.find("mode-set").click();
            browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("state-mode"), "plan"));
            ask(browser, "And times 2?", 2);
            assertThat(browser.driver().findElements(By.cssSelector("#transcript .answer")))
                    .extracting(WebElement::getText).contains("16");

            // a long tool call, interrupted
            browser.find("prompt").sendKeys("Run `sleep 30`", Keys.ENTER);
            browser.waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript"), "Bash(sleep 30)"));
            browser.find("interrupt").click();
            browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#transcript .turn-end"), 3));
            assertThat(browser.find("transcript").getText()).contains("interrupt sent", "error: interrupted");

            browser.find("mcp-button").click();
            browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("panel-output"), "no MCP servers"));
            browser.find("context-button").click();
            browser.waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("panel-output"), "tokens"));
            browser.find("rewind-id").sendKeys("00000000-0000-0000-0000-000000000000");
            browser.find("rewind").click();
            browser.waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("panel-output"), "rewinding files needs"));
            browser.screenshot("web-4-controls");

            // the stored session in the history, opened read-only
            browser.find("history-refresh").click();
            WebElement row = browser.waiting(WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#history .history-row")));
            row.click();
            browser.waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-transcript"), "What is 5 + 3?"));
            browser.screenshot("web-5-history");
        }
    }

    @Test
    void requestsFromOtherSitesAreRefused() throws IOException {
        assertThat(raw("GET", "/api/info", "Host: 127.0.0.1:" + console.port())).startsWith("HTTP/1.1 200");
        assertThat(raw("GET", "/api/info", "Host: attacker.example:" + console.port())).startsWith("HTTP/1.1 403");
        assertThat(raw("POST", "/api/sessions", "Host: localhost:" + console.port(), "Origin: http://attacker.example"))
                .startsWith("HTTP/1.1 403");
        assertThat(console.session("s1")).isEmpty();
    }

    private static void ask(Browser browser, String prompt, int turn) {
        browser.find("prompt").sendKeys(prompt, Keys.ENTER);
        browser.waiting(WAIT).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#transcript .turn-end"), turn));
    }

    private static CompletableFuture<ToolDecision> ask(WebSession session, String command) {
        ToolRequest request = ToolRequest.create("Bash", Map.of("command", command), Optional.empty(), Optional.empty());
        return CompletableFuture.supplyAsync(() -> session.permissions().decide(request));
    }

    private String raw(String method, String path, String... headers) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), console.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
