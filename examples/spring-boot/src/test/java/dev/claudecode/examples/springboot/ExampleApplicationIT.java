package dev.claudecode.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sample answers a question over HTTP, its model (FakeClaudeApi) using the warehouse tool. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExampleApplicationIT {

    private static FakeClaudeApi api;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void claudeCode(DynamicPropertyRegistry registry) throws IOException {
        api = FakeClaudeApi.start();
        String cwd = Files.createTempDirectory("claude-example-").toString();
        registry.add("claude-code.cli-path", () -> TestCli.path().toString());
        registry.add("claude-code.cwd", () -> cwd);
        api.environment().forEach((name, value) -> registry.add("claude-code.env[" + name + "]", () -> value));
    }

    @AfterAll
    static void stopApi() {
        api.close();
    }

    @Test
    void askAnswersWithTheWarehouseTool() throws Exception {
        api.enqueue(Reply.toolUse("mcp__warehouse__stock", Map.of("item", "umbrella")),
                Reply.from(request -> Reply.text("There are " + request.toolResults().getLast().text() + " umbrellas.")));
        HttpResponse<String> answer;
        try (HttpClient client = HttpClient.newHttpClient()) {
            answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ask?question=umbrellas"))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        }
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("There are 12 umbrellas.");
    }
}
