package dev.claudecode.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.claudecode.ClaudeCode;
import dev.claudecode.options.ClaudeCodeOptions;
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
    /** The same, with a write, which the CLI asks permission for (it runs read-only commands without asking). */
    private static final String WRITES = "touch where.txt; " + WHERE;

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

            assertThat(await(() -> Transcripts.holds(session::messages, answer))).isTrue();
            List<SessionMessage> history = session.messages();
            assertThat(history).extracting(SessionMessage::text).contains("What is 5 + 3?", "8", "Where are you?", answer);
            assertThat(session.listSessions()).singleElement()
                    .satisfies(info -> assertThat(info.sessionId()).isEqualTo(session.sessionId().orElseThrow()));
            assertThat(session.node().name()).isEqualTo(transport.name()).startsWith("container://");
            assertThat(transport.containers()).hasSize(1);
        }
    }

    static final class Calculator {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @McpTool(description = "Add two numbers")
        long add(@McpParam(name = "a") long a, @McpParam(name = "b") long b) {
            calls.add(a + "+" + b);
            return a + b;
        }
    }

    @Test
    void callbacksAndAnInProcessMcpToolAreAnsweredHereWhileTheCliRunsInTheContainer(FakeClaudeApi api) throws Exception {
        Calculator calculator = new Calculator();
        List<String> prompts = new CopyOnWriteArrayList<>();
        List<String> hooked = new CopyOnWriteArrayList<>();
        api.enqueue(Reply.toolUse("mcp__calc__add", Map.of("a", 2, "b", 3)),
                Reply.toolUse("Bash", Map.of("command", WRITES, "description", "Where")),
                Reply.text("done"));
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().cwd(temp.resolve("w")).env(api.environment())
                .mcpServer("calc", McpServerConfig.sdk(SdkMcpServer.builder("calc").toolsFrom(calculator).build()))
                .canUseTool(request -> {
                    prompts.add(request.toolName());
                    return request.toolName().equals("Bash")
                            ? PermissionResult.allow(Map.of("command", WRITES + "; echo changed-here", "description", "Where"))
                            : PermissionResult.allow();
                })
                .hook(HookEvent.PRE_TOOL_USE, HookMatcher.of("Bash", (input, toolUseId, context) -> {
                    hooked.add(String.valueOf(((HookInput.PreToolUse) input).toolInput().get("command")));
                    return HookOutput.empty();
                }))
                .build();
        try (ContainerTransport transport = transport(api).build(); Session session = ClaudeCode.start(options, transport)) {
            assertThat(session.query("add 2 and 3, then tell me where you are").result()).contains("done");
        }
        assertThat(calculator.calls).containsExactly("2+3");
        assertThat(prompts).containsExactly("mcp__calc__add", "Bash");
        assertThat(hooked).containsExactly(WRITES);
        List<RecordedRequest> main = api.log().main();
        assertThat(main.get(1).toolResults().getLast().text()).isEqualTo("5");
        assertThat(main.get(2).toolResults().getLast().text()).as("the Bash tool ran in the container, with the input the callback chose")
                .contains("ls=busybox", "changed-here");
    }

    @Test
    void interruptEndsTheTurnAndCloseLeavesNoContainer(FakeClaudeApi api) throws Exception {
        api.enqueue(slowReply(), Reply.text("next"));
        ContainerTransport transport = transport(api).build();
        String container;
        try (transport; Session session = ClaudeCode.start(options(api, temp.resolve("w")).includePartialMessages(true).build(), transport)) {
            try (MessageStream turn = session.stream("talk slowly")) {
                untilStreaming(turn);
                session.interrupt();
                ResultMessage result = turn.result();
                assertThat(result.subtype()).isEqualTo("error_during_execution");
            }
            assertThat(session.query("and now?").result()).contains("next");
            assertThat(transport.containers()).hasSize(1);
            container = transport.containers().getFirst();
            assertThat(podman.podman("ps", "--all", "--format", "{{.ID}}")).contains(container.substring(0, 12));
        }
        assertThat(podman.podman("ps", "--all", "--filter", "label=dev.claudecode.managed", "--format", "{{.ID}}")).isBlank();
    }

    @Test
    void theApiKeyIsNotInTheContainersConfigurationAndTheLimitsAre(FakeClaudeApi api) throws Exception {
        try (ContainerTransport transport = transport(api).memory(768L << 20).cpus(1.5).pidsLimit(256).label("team", "agents").build();
                Session session = ClaudeCode.start(options(api, temp.resolve("w")).build(), transport);
                DockerClient docker = docker()) {
            session.query("hi");
            InspectContainerResponse inspect = docker.inspectContainerCmd(transport.containers().getFirst()).exec();
            String config = String.join("\n", inspect.getConfig().getEnv()) + "\n" + String.join("\n", inspect.getConfig().getCmd())
                    + "\n" + inspect.getArgs() + "\n" + inspect.getConfig().getLabels();
            assertThat(config).doesNotContain(FakeClaudeApi.DEFAULT_API_KEY).doesNotContain("ANTHROPIC_API_KEY");
            assertThat(inspect.getHostConfig().getMemory()).isEqualTo(768L << 20);
            assertThat(inspect.getHostConfig().getNanoCPUs()).isEqualTo(1_500_000_000L);
            assertThat(inspect.getHostConfig().getPidsLimit()).isEqualTo(256L);
            assertThat(inspect.getHostConfig().getNetworkMode()).isEqualTo("host");
            assertThat(inspect.getConfig().getLabels()).containsEntry("team", "agents").containsEntry("dev.claudecode.managed", "true")
                    .containsKey("dev.claudecode.owner");
            // the CLI itself has the key: it answered through the fake API, which checks it
            assertThat(api.lastMainRequest().orElseThrow().header("x-api-key")).contains(FakeClaudeApi.DEFAULT_API_KEY);
            CommandResult limits = session.execute(node -> node.run("/bin/sh", "-c",
                    "cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes"));
            assertThat(limits.stdout().strip()).isEqualTo(Long.toString(768L << 20));
        }
    }

    @Test
    void theNodeRunsCommandsAndReachesFilesInTheContainer(FakeClaudeApi api) throws Exception {
        Path cwd = Files.createDirectories(temp.resolve("work"));
        try (ContainerTransport transport = transport(api).build();
                Session session = ClaudeCode.start(options(api, cwd).build(), transport)) {
            session.execute(node -> Files.writeString(node.path(cwd.resolve("config.json").toString()), "{\"answer\":42}"));
            String config = session.execute(node -> Files.readString(node.path(cwd.toString(), "config.json")));
            CommandResult where = session.execute(node -> node.run(List.of("/bin/sh", "-c", "pwd; " + WHERE),
                    CommandOptions.defaults().withWorkingDirectory(cwd.toString())));
            String inImageOnly = session.execute(node -> Files.readString(node.path("/etc/passwd")));
            List<String> binaries;
            try (var list = session.execute(node -> Files.list(node.path("/usr/local/bin")))) {
                binaries = list.map(path -> path.getFileName().toString()).toList();
            }

            assertThat(config).isEqualTo("{\"answer\":42}");
            assertThat(Files.readString(cwd.resolve("config.json"))).as("the mounted directory is the host's").isEqualTo("{\"answer\":42}");
            assertThat(where.stdout()).startsWith(cwd + "\nls=busybox uid=");
            assertThat(inImageOnly).contains("claude:x:1000:1000");
            assertThat(binaries).containsExactly("claude");
            assertThatNodeFailsFast(session);
        }
    }

    private static void assertThatNodeFailsFast(Session session) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.execute(node -> node.run(Duration.ofMillis(500), "sleep", "30")))
                .hasMessageContaining("ran longer than 500 ms");
    }

    @Test
    void aCliWhoseContainerWasStoppedIsResumedInANewContainer(FakeClaudeApi api) throws Exception {
        api.enqueue(Reply.text("pineapple noted"), Reply.text("it was pineapple"));
        try (ContainerTransport transport = transport(api).build();
                Session session = ClaudeCode.start(options(api, temp.resolve("w")).build(), transport)) {
            session.query("Remember the word pineapple");
            String sessionId = session.sessionId().orElseThrow();
            assertThat(await(() -> Transcripts.holds(session::messages, "pineapple noted"))).isTrue();
            String first = transport.containers().getFirst();
            podman.podman("stop", "--time=0", first);
            assertThat(await(() -> !session.isAlive())).isTrue();
            assertThat(await(() -> transport.containers().isEmpty())).as("the exited container is removed").isTrue();

            ResultMessage answer = session.query("Which word?");
            assertThat(answer.result()).contains("it was pineapple");
            assertThat(session.sessionId()).contains(sessionId);
            assertThat(transport.containers()).singleElement().isNotEqualTo(first);
        }
        assertThat(api.lastMainRequest().orElseThrow().allUserText()).contains("Remember the word pineapple", "Which word?");
    }

    @Test
    void workBeforeStartRunsInEachNewContainerBeforeTheCli(FakeClaudeApi api) throws Exception {
        List<String> firstProcess = new CopyOnWriteArrayList<>();
        api.enqueue(Reply.text("ready"));
        try (ContainerTransport transport = transport(api).beforeStart((node, spec) -> {
                    try {
                        firstProcess.add(node.run("/bin/sh", "-c", "tr '\\0' ' ' < /proc/1/cmdline").stdout());
                        Files.writeString(node.path("/tmp/prepared.txt"), "for " + spec.arguments().getFirst());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).build();
                Session session = ClaudeCode.start(options(api, temp.resolve("w")).build(), transport)) {
            assertThat(session.query("hi").result()).contains("ready");
            String prepared = session.execute(node -> Files.readString(node.path("/tmp/prepared.txt")));
            String now = session.execute(node -> node.run("/bin/sh", "-c", "tr '\\0' ' ' < /proc/1/cmdline").stdout());
            assertThat(prepared).isEqualTo("for --output-format");
            assertThat(firstProcess).singleElement().asString().as("the launch script still waited for its environment")
                    .startsWith("/bin/sh -c ").contains("while IFS= read -r line");
            assertThat(now).startsWith(ContainerTransport.DEFAULT_CLI_PATH + " ");
        }
    }

    @Test
    void leftoversOfADeadJvmAreFoundAndRemoved(FakeClaudeApi api) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String owner = dev.claudecode.internal.transport.Owner.current().replaceAll(":\\d+$", ":" + gone.pid());
        try (DockerClient docker = docker(); ContainerTransport transport = transport(api).build()) {
            String orphan = docker.createContainerCmd(podman.image()).withCmd("sleep", "600")
                    .withLabels(Map.of("dev.claudecode.managed", "true", "dev.claudecode.owner", owner)).exec().getId();
            String ours = docker.createContainerCmd(podman.image()).withCmd("sleep", "600")
                    .withLabels(Map.of("dev.claudecode.managed", "true", "dev.claudecode.owner", dev.claudecode.internal.transport.Owner.current()))
                    .exec().getId();
            try {
                assertThat(transport.leftovers()).contains(orphan).doesNotContain(ours);
                assertThat(transport.removeLeftovers()).isGreaterThanOrEqualTo(1);
                assertThat(transport.leftovers()).doesNotContain(orphan);
            } finally {
                docker.removeContainerCmd(ours).withForce(true).exec();
            }
        }
    }

    private static DockerClient docker() {
        URI address = URI.create(podman.address());
        return DockerClientImpl.getInstance(DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(address.toString()).build(),
                new ZerodepDockerHttpClient.Builder().dockerHost(address).build());
    }

    static Reply slowReply() {
        return Reply.builder().text("slow ".repeat(400)).textChunkSize(5).eventDelay(Duration.ofMillis(25)).build();
    }

    static Iterator<Message> untilStreaming(MessageStream turn) {
        Iterator<Message> iterator = turn.iterator();
        while (iterator.hasNext()) {
            if (iterator.next() instanceof StreamEventMessage event
                    && event.event() instanceof dev.claudecode.message.stream.ContentBlockDelta) {
                return iterator;
            }
        }
        throw new AssertionError("the turn ended before its answer streamed");
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
