package dev.claudecode.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.console.session.OfflineModel;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.StandInModel;
import dev.claudecode.testkit.TestCli;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks on the web console, replayed as raw requests that any local process, or a page of
 * another site, could send: without the access token, with another Host or Origin, framed, and
 * asking for more sessions and event streams than the caps allow. Sessions run the real CLI against
 * a {@link FakeClaudeApi}. Servers bind to loopback addresses only.
 */
class WebConsoleSecurityIT {

    private static final String EVIL = "http://evil.example";

    @TempDir
    Path temp;

    private FakeClaudeApi api;
    private WebConsole console;
    private RawHttp http;
    private String host;
    private String bearer;

    @BeforeEach
    void startConsole() throws IOException {
        api = FakeClaudeApi.builder().defaultReply(OfflineModel.reply()).sessionTitle(StandInModel.TITLE).start();
        console = WebConsole.start(settings("127.0.0.1", List.of(), new WebConsole.Limits(1, 1, 50)));
        http = new RawHttp(InetAddress.getByName("127.0.0.1"), console.port());
        host = "Host: 127.0.0.1:" + console.port();
        bearer = "Authorization: Bearer " + token(console);
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
    void aLocalProcessWithoutTheTokenCanNeitherOpenASessionNorPromptNorApprove() throws IOException {
        // the reproduced attack: open a session, send a prompt, approve its own permission request
        assertThat(http.send("POST", "/api/sessions", "{}", host).status()).isEqualTo(401);
        assertThat(http.send("POST", "/api/sessions/s1/prompt", "{\"text\":\"Run `id`\"}", host).status()).isEqualTo(401);
        assertThat(http.send("POST", "/api/sessions/s1/permissions/x", "{\"decision\":\"allow\"}", host).status()).isEqualTo(401);
        for (String path : List.of("/", "/app.js", "/style.css", "/api/info", "/api/sessions", "/api/history", "/api/sessions/s1/events")) {
            assertThat(http.send("GET", path, "", host).status()).as(path).isEqualTo(401);
        }
        RawHttp.Response refused = http.send("GET", "/api/info", "", host);
        assertThat(refused.body()).contains("access token").doesNotContain(token(console));

        // a wrong token, in any of the three places, is no better
        assertThat(http.send("GET", "/api/info", "", host, "Authorization: Bearer " + token(console).substring(1) + "x").status()).isEqualTo(401);
        assertThat(http.send("GET", "/api/info", "", host, "Cookie: claude_code_console_" + console.port() + "=guess").status()).isEqualTo(401);
        assertThat(http.send("GET", "/?token=guess", "", host).status()).isEqualTo(401);
        // a token in the address opens nothing but a page view: it is not accepted on changes
        assertThat(http.send("POST", "/api/sessions?token=" + token(console), "{}", host).status()).isEqualTo(401);

        assertThat(console.session("s1")).isEmpty();
        assertThat(api.lastMainRequest()).as("no prompt reached the model").isEmpty();
    }

    @Test
    void theTokenIsExchangedForAStrictHttpOnlyCookieAndTheAddressIsCleaned() throws IOException {
        String token = token(console);
        assertThat(console.uri().toString()).doesNotContain(token);
        assertThat(console.signInUri()).hasToString(console.uri() + "?token=" + token);

        RawHttp.Response exchange = http.send("GET", "/?token=" + token + "&view=history", "", host);
        assertThat(exchange.status()).isEqualTo(303);
        assertThat(exchange.header("Location")).contains("/?view=history");
        String cookie = exchange.header("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("claude_code_console_" + console.port() + "=" + token + ";")
                .contains("HttpOnly", "SameSite=Strict", "Path=/");

        String cookieHeader = "Cookie: " + cookie.substring(0, cookie.indexOf(';'));
        assertThat(http.send("GET", "/api/info", "", host, cookieHeader).status()).isEqualTo(200);
        assertThat(http.send("GET", "/", "", host, cookieHeader).body()).contains("<script src=\"/app.js\"");
        assertThat(http.send("GET", "/api/info", "", host, bearer).status()).isEqualTo(200);
    }

    @Test
    void otherHostsAndOriginsAreRefusedEvenWithTheToken() throws IOException {
        // DNS rebinding: the attacker's name resolves to 127.0.0.1, the browser sends that name
        assertThat(http.send("GET", "/api/info", "", "Host: attacker.example:" + console.port(), bearer).status()).isEqualTo(403);
        assertThat(http.send("GET", "/api/info", "", bearer).status()).as("no Host at all").isIn(400, 403);
        // CSRF: a page of another site, or of another local server, posts to the console
        assertThat(http.send("POST", "/api/sessions", "{}", host, bearer, "Origin: " + EVIL).status()).isEqualTo(403);
        assertThat(http.send("POST", "/api/sessions", "{}", host, bearer, "Origin: http://127.0.0.1:" + (console.port() + 1)).status())
                .isEqualTo(403);
        assertThat(http.send("POST", "/api/sessions", "{}", host, bearer, "Origin: null").status()).isEqualTo(403);
        assertThat(http.send("GET", "/api/info", "", host, bearer, "Origin: " + EVIL).status()).isEqualTo(403);
        assertThat(console.session("s1")).isEmpty();

        assertThat(http.send("GET", "/api/info", "", host, bearer, "Origin: http://127.0.0.1:" + console.port()).status()).isEqualTo(200);
        assertThat(http.send("GET", "/api/info", "", "Host: localhost:" + console.port(), bearer, "Origin: http://localhost:" + console.port())
                .status()).isEqualTo(200);
    }

    @Test
    void everyResponseForbidsFramingAndAllowsOnlyThePagesOwnScriptAndStyle() throws IOException {
        List<RawHttp.Response> responses = List.of(
                http.send("GET", "/", "", host, bearer),
                http.send("GET", "/app.js", "", host, bearer),
                http.send("GET", "/api/info", "", host, bearer),
                http.send("GET", "/api/sessions/none", "", host, bearer),
                http.send("GET", "/?token=" + token(console), "", host),
                http.send("GET", "/", "", host),
                http.send("GET", "/", "", "Host: attacker.example"));
        assertThat(responses).extracting(RawHttp.Response::status).containsExactly(200, 200, 200, 404, 303, 401, 403);
        for (RawHttp.Response response : responses) {
            assertThat(response.header("X-Frame-Options")).as(response.status() + "").contains("DENY");
            String policy = response.header("Content-Security-Policy").orElseThrow();
            assertThat(policy).contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval", "*");
            assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.header("Referrer-Policy")).contains("no-referrer");
        }
        // the policy costs the page nothing: it has no inline script, handler or style
        String page = responses.getFirst().body();
        assertThat(page).containsPattern("<script src=\"/app.js\"").doesNotContainPattern("<script(?![^>]*\\bsrc=)")
                .doesNotContainPattern("(?i)\\son[a-z]+=").doesNotContainPattern("(?i)<style|\\sstyle=");
    }

    @Test
    void liveSessionsAndTheirWatchingPagesAreCapped() throws IOException {
        String origin = "Origin: http://127.0.0.1:" + console.port();
        assertThat(http.send("POST", "/api/sessions", "{}", host, bearer, origin).status()).isEqualTo(201);
        RawHttp.Response second = http.send("POST", "/api/sessions", "{}", host, bearer, origin);
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.body()).contains("at most 1 live sessions");
        assertThat(console.session("s2")).isEmpty();

        try (Socket page = http.openEvents("/api/sessions/s1/events", host, bearer)) {
            RawHttp.Response another = http.send("GET", "/api/sessions/s1/events", "", host, bearer, "Accept: text/event-stream");
            assertThat(another.status()).isEqualTo(429);
            assertThat(another.body()).contains("pages watching already");
            assertThat(page.isClosed()).isFalse();
        }

        // closing a session frees its place
        assertThat(http.send("DELETE", "/api/sessions/s1", "", host, bearer, origin).status()).isEqualTo(200);
        assertThat(http.send("POST", "/api/sessions", "{}", host, bearer, origin).status()).isEqualTo(201);
        assertThat(console.session("s3")).isPresent();
    }

    @Test
    void pagesOpeningAtOnceShareTheWatchingPlacesWithoutOvershooting() throws Exception {
        String origin = "Origin: http://127.0.0.1:" + console.port();
        assertThat(http.send("POST", "/api/sessions", "{}", host, bearer, origin).status()).isEqualTo(201);
        // the stream's head goes out before its handler runs: the place is taken before that
        List<Socket> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (var pages = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                pages.submit(() -> {
                    try {
                        opened.add(http.openEvents("/api/sessions/s1/events", host, bearer));
                    } catch (IOException e) {
                        refused.add(e.getMessage());
                    }
                });
            }
        }
        try {
            assertThat(opened).hasSize(1);
            assertThat(refused).hasSize(7).allSatisfy(message -> assertThat(message).contains("429"));
        } finally {
            for (Socket page : opened) {
                page.close();
            }
        }
        // a request that is not for an event stream is refused before it can take a place
        for (int i = 0; i < 3; i++) {
            assertThat(http.send("GET", "/api/sessions/s1/events", "", host, bearer, "Accept: */*").status()).isEqualTo(406);
        }
    }

    @Test
    void aConsoleBoundElsewhereAnswersOnlyToTheListedOrigins() throws IOException {
        // 127.0.0.2 stands for an address other than the default: only itself and the listed names count
        try (WebConsole listed = WebConsole.start(settings("127.0.0.2", List.of("http://console.test"), WebConsole.Limits.DEFAULT))) {
            RawHttp other = new RawHttp(InetAddress.getByName("127.0.0.2"), listed.port());
            String auth = "Authorization: Bearer " + token(listed);
            String named = "Host: console.test:" + listed.port();
            assertThat(listed.uri()).hasToString("http://127.0.0.2:" + listed.port() + "/");

            assertThat(other.send("GET", "/api/info", "", named, auth).status()).isEqualTo(200);
            assertThat(other.send("GET", "/api/info", "", named).status()).isEqualTo(401);
            assertThat(other.send("GET", "/api/info", "", "Host: 127.0.0.2:" + listed.port(), auth).status()).isEqualTo(200);
            assertThat(other.send("GET", "/api/info", "", "Host: localhost:" + listed.port(), auth).status()).isEqualTo(403);
            assertThat(other.send("GET", "/api/info", "", "Host: attacker.example:" + listed.port(), auth).status()).isEqualTo(403);
            assertThat(other.send("GET", "/api/info", "", named, auth, "Origin: http://console.test:" + listed.port()).status()).isEqualTo(200);
            assertThat(other.send("POST", "/api/sessions", "{}", named, auth, "Origin: " + EVIL).status()).isEqualTo(403);
            assertThat(listed.session("s1")).isEmpty();
        }

        // every interface, without a list of origins: refused before anything is bound
        assertThatThrownBy(() -> WebConsole.start(settings("0.0.0.0", List.of(), WebConsole.Limits.DEFAULT)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--allow-origin");
    }

    private WebConsole.Settings settings(String bindHost, List<String> allowOrigins, WebConsole.Limits limits) throws IOException {
        Map<String, String> environment = new HashMap<>(api.environment());
        environment.put("HOME", Files.createDirectories(temp.resolve("home")).toString());
        ClaudeCodeOptions defaults = ClaudeCodeOptions.builder()
                .cliPath(TestCli.path())
                .cwd(Files.createDirectories(temp.resolve("work")))
                .env(environment)
                .permissionCallbackTimeout(Duration.ofSeconds(30))
                .build();
        return new WebConsole.Settings(bindHost, 0, defaults, true, StandInModel.LABEL, api.configDir(), allowOrigins, limits);
    }

    private static String token(WebConsole console) {
        String uri = console.signInUri().toString();
        return uri.substring(uri.indexOf("?token=") + "?token=".length());
    }
}
