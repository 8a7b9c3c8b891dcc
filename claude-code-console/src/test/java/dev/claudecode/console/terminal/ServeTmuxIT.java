package dev.claudecode.console.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.console.RequiredTools;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} as a person starts it: it prints the page's address with this run's access token,
 * which is the only way in; and it refuses, before binding anything, an address that is not
 * loopback unless the page's origins are listed.
 */
class ServeTmuxIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Pattern ADDRESS = Pattern.compile("claude-code console: (http://127\\.0\\.0\\.1:(\\d+)/)\\?token=([A-Za-z0-9_-]{43})");

    @TempDir
    Path temp;

    @Test
    void theAddressItPrintsCarriesTheTokenThatEveryRequestNeeds() throws Exception {
        Path work = ConsoleCommands.directory(temp, "work");
        try (Tmux serve = Tmux.start(RequiredTools.tmux(), work, ConsoleCommands.environment(temp),
                ConsoleCommands.command("serve", "--offline", "--port", "0", "--config-dir", temp.resolve("config").toString()))) {
            Matcher printed = ADDRESS.matcher(serve.await(screen -> ADDRESS.matcher(screen).find(), "the address", START));
            assertThat(printed.find()).isTrue();
            serve.save("serve-started");
            String page = printed.group(1);
            String token = printed.group(3);
            assertThat(serve.screen()).containsOnlyOnce(token);

            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> without = client.send(HttpRequest.newBuilder(URI.create(page + "api/info")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(without.statusCode()).isEqualTo(401);
            assertThat(without.headers().firstValue("X-Frame-Options")).contains("DENY");

            HttpResponse<String> exchange = client.send(HttpRequest.newBuilder(URI.create(page + "?token=" + token)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(exchange.statusCode()).isEqualTo(303);
            assertThat(exchange.headers().firstValue("Location")).contains("/");
            String cookie = exchange.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).contains("HttpOnly", "SameSite=Strict");

            HttpResponse<String> info = client.send(HttpRequest.newBuilder(URI.create(page + "api/info"))
                    .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(info.statusCode()).isEqualTo(200);
            assertThat(info.body()).contains("\"offline\":true");
        }
    }

    @Test
    void anAddressThatIsNotLoopbackNeedsTheListOfOrigins() throws Exception {
        Path work = ConsoleCommands.directory(temp, "work");
        // refused while the options are checked: nothing is bound
        try (Tmux serve = Tmux.start(RequiredTools.tmux(), work, ConsoleCommands.environment(temp),
                ConsoleCommands.command("serve", "--offline", "--host", "0.0.0.0", "--port", "0",
                        "--config-dir", temp.resolve("config").toString()))) {
            String screen = serve.awaitText("[exit 2]", START);
            serve.save("serve-refused");
            assertThat(screen).contains("--host 0.0.0.0 is not a loopback address", "--allow-origin").doesNotContain("?token=");
        }
    }
}
