package dev.claudecode.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.claudecode.ClaudeCode;
import dev.claudecode.ClaudeCodeOptions;
import dev.claudecode.MessageStream;
import dev.claudecode.Session;
import dev.claudecode.history.SessionMessage;
import dev.claudecode.hook.HookEvent;
import dev.claudecode.hook.HookInput;
import dev.claudecode.hook.HookMatcher;
import dev.claudecode.hook.HookOutput;
import dev.claudecode.mcp.McpParam;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.mcp.McpTool;
import dev.claudecode.mcp.SdkMcpServer;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.message.StreamEventMessage;
import dev.claudecode.node.CommandOptions;
import dev.claudecode.node.CommandResult;
import dev.claudecode.permission.PermissionResult;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.RecordedRequest;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.Transcripts;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole sessions with the real CLI in containers of a real Podman service (its Docker-compatible
 * API), talking to the fake model API on this machine's loopback ({@code --network=host}).
 */
@ExtendWith(FakeClaudeApiExtension.class)
class ContainerSessionIT {

    /** Prints where the Bash tool ran: in the project's image {@code /bin/ls} is busybox. */
    private static final String WHERE = "echo \"ls=$(readlink /bin/ls) uid=$(id -u)\"";

    static PodmanService podman;

    @TempDir
    Path temp;

    @BeforeAll
    static void startPodman() {
        podman = PodmanService.get();
    }

    /** Mounts the fake API's sandbox (config dir, home, tmp) and the test's dir at their own paths; runs as this user. */
    private ContainerTransport.Builder transport(FakeClaudeApi api) throws IOException {
        Object uid = Files.getAttribute(temp, "unix:uid");
        Object gid = Files.getAttribute(temp, "unix:gid");
        return podman.transport().mount(api.configDir().getParent()).mount(temp).user(uid + ":" + gid)
                .home(api.configDir().getParent().resolve("home").toString());
    }

    private ClaudeCodeOptions.Builder options(FakeClaudeApi api, Path cwd) {
        return ClaudeCodeOptions.builder().cwd(cwd).env(api.environment()).allowedTools("Bash");
    }

    @Test
    void aMultiTurnConversationRunsInAContainerAndReadsBackThroughItsNode(FakeClaudeApi api) throws Exception {
        Path cwd = Files.createDirectories(temp.resolve("work"));
        api.enqueue(Reply.text("8"),
                Reply.builder().text("Let me check.").toolUse("Bash", Map.of("command", WHERE)).build(),
                Reply.from(request -> Reply.text("Bash said " + request.toolResults().getLast().text().strip())));
        try (ContainerTransport transport = transport(api).build();
                Session session = ClaudeCode.start(options(api, cwd).build(), transport)) {
            assertThat(session.query("What is 5 + 3?").result()).contains("8");
            String answer = session.query("Where are you?").result().orElseThrow();
            assertThat(answer).startsWith("Bash said ls=busybox uid=");

            assertThat(await(() -> Transcripts.holds(session::getMessages, answer))).isTrue();
            List<SessionMessage> history = session.getMessages();
            assertThat(history).extracting(SessionMessage::text).contains("What is 5 + 3?", "8", "Where are you?", answer);
            assertThat(session.listSessions()).singleElement()
                    .satisfies(info -> assertThat(info.sessionId()).isEqualTo(session.sessionId().orElseThrow()));
            assertThat(session.node().name()).isEqualTo(transport.name()).startsWith("container://");
            assertThat(transport.containers()).hasSize(1);
        }
    }

    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }
}
