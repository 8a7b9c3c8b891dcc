package dev.claudecode.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.ClaudeCode;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.errors.CliProcessException;
import dev.claudecode.MessageStream;
import dev.claudecode.Session;
import dev.claudecode.node.CommandOptions;
import dev.claudecode.node.CommandResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transport's protocol and lifecycle against fabric8's Kubernetes mock server in CRUD mode,
 * with the kubelet's part played by {@link FakeCluster}: the pod spec, the Secret reference,
 * status transitions, scheduling and image failures, eviction and the resume that follows,
 * deletion on close, the v5 attach stream replaying real CLI transcripts, and the node over exec.
 */
class KubernetesTransportTest {

    private static final String LITERAL_KEY = "sk-ant-literal-must-not-reach-the-pod-spec";

    private FakeCluster cluster;

    @TempDir
    Path temp;

    @BeforeEach
    void startCluster() {
        cluster = new FakeCluster();
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    private static Pod template() {
        return new PodBuilder().withNewMetadata().addToLabels("team", "agents").endMetadata().withNewSpec()
                .addNewContainer().withName("claude").withImage("registry.example/claude-code-cli:2.1.197")
                    .withNewResources().addToRequests("memory", new Quantity("512Mi")).addToLimits("memory", new Quantity("1Gi"))
                        .addToLimits("cpu", new Quantity("1")).endResources()
                    .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(1000L).withAllowPrivilegeEscalation(false).endSecurityContext()
                .endContainer()
                .addToNodeSelector("pool", "agents")
                .addNewToleration().withKey("dedicated").withOperator("Equal").withValue("agents").withEffect("NoSchedule").endToleration()
                .withServiceAccountName("claude-sessions")
                .withNewSecurityContext().withFsGroup(1000L).endSecurityContext()
                .endSpec().build();
    }

    private KubernetesTransport.Builder transport() {
        return KubernetesTransport.builder().client(cluster.client()).namespace("test").podTemplate(template())
                .apiKeySecret("anthropic", "api-key").pollInterval(Duration.ofMillis(50)).startTimeout(Duration.ofSeconds(10));
    }

    private static ClaudeCodeOptions options() {
        return ClaudeCodeOptions.builder().apiKey(LITERAL_KEY).env(Map.of("SOME_SETTING", "a value\nwith a newline")).build();
    }

    @Test
    void aMultiTurnSessionRunsInAPodBuiltFromTheTemplateAndThePodIsDeletedOnClose() throws Exception {
        TranscriptCli cli = new TranscriptCli("20_multi_turn");
        cluster.onAttach(cli);
        Pod template = template();
        try (KubernetesTransport transport = transport().build(); Session session = ClaudeCode.start(options(), transport)) {
            assertThat(session.query("My name is Ada.").result()).contains("Nice to meet you, Ada.");
            assertThat(session.query("What is my name?").result()).contains("Your name is Ada.");

            Pod pod = cluster.pods().getFirst();
            assertThat(transport.pods()).containsExactly(pod.getMetadata().getName());
            Container container = pod.getSpec().getContainers().getFirst();
            assertThat(container.getCommand()).startsWith("/bin/sh", "-c").contains("/usr/local/bin/claude", "--input-format", "stream-json");
            assertThat(container.getStdin()).isTrue();
            assertThat(container.getStdinOnce()).isTrue();
            assertThat(container.getTty()).isFalse();
            assertThat(container.getEnv()).singleElement().satisfies(variable -> {
                assertThat(variable.getName()).isEqualTo("ANTHROPIC_API_KEY");
                assertThat(variable.getValue()).isNull();
                assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo("anthropic");
                assertThat(variable.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("api-key");
            });
            assertThat(container.getImage()).isEqualTo("registry.example/claude-code-cli:2.1.197");
            assertThat(container.getResources()).isEqualTo(template.getSpec().getContainers().getFirst().getResources());
            assertThat(container.getSecurityContext()).isEqualTo(template.getSpec().getContainers().getFirst().getSecurityContext());
            assertThat(pod.getSpec().getNodeSelector()).containsEntry("pool", "agents");
            assertThat(pod.getSpec().getTolerations()).isEqualTo(template.getSpec().getTolerations());
            assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("claude-sessions");
            assertThat(pod.getSpec().getSecurityContext().getFsGroup()).isEqualTo(1000L);
            assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
            assertThat(pod.getMetadata().getLabels()).containsEntry("team", "agents").containsEntry("dev.claudecode.managed", "true")
                    .containsKey("dev.claudecode.transport");
            assertThat(pod.getMetadata().getAnnotations()).containsKey("dev.claudecode/owner");
            assertThat(cluster.client().getKubernetesSerialization().asJson(pod)).doesNotContain(LITERAL_KEY).doesNotContain("SOME_SETTING");
            assertThat(template).as("the template is not changed").isEqualTo(template());

            assertThat(cli.preamble()).contains("SOME_SETTING=a value\\nwith a newline", "CLAUDE_CODE_ENTRYPOINT=sdk-cli")
                    .noneMatch(line -> line.startsWith("ANTHROPIC_API_KEY="));
            assertThat(cli.written()).extracting(line -> line.path("type").asString()).containsExactly("control_request", "user", "user");
            assertThat(cluster.streamPaths()).singleElement().asString().contains("/attach?container=claude&stdin=true&stdout=true&stderr=true");
        }
        assertThat(cli.stdinClosedBySdk()).as("closing the session closed the CLI's stdin with the v5 close message").isTrue();
        assertThat(await(() -> cluster.pods().isEmpty())).as("the pod is deleted").isTrue();
    }

    @Test
    void withoutASecretTheKeyOfTheOptionsTravelsOverStdinNotInThePodSpec() throws Exception {
        TranscriptCli cli = new TranscriptCli("10_plain_turn");
        cluster.onAttach(cli);
        try (KubernetesTransport transport = KubernetesTransport.builder().client(cluster.client()).namespace("test")
                        .pollInterval(Duration.ofMillis(50)).build();
                Session session = ClaudeCode.start(options(), transport)) {
            assertThat(session.query("hello").result()).contains("Hello! How can I help?");
            Pod pod = cluster.pods().getFirst();
            assertThat(pod.getSpec().getContainers().getFirst().getImage()).isEqualTo("claude-code-cli:" + ClaudeCode.cliVersion());
            assertThat(pod.getSpec().getContainers().getFirst().getEnv()).isEmpty();
            assertThat(cluster.client().getKubernetesSerialization().asJson(pod)).doesNotContain(LITERAL_KEY);
            assertThat(cli.preamble()).contains("ANTHROPIC_API_KEY=" + LITERAL_KEY);
        }
    }

    @Test
    void aPodThatCannotBeScheduledFailsTheStartWithKubernetesReasonAndIsDeleted() {
        cluster.fate(FakeCluster.Fate.UNSCHEDULABLE);
        try (KubernetesTransport transport = transport().startTimeout(Duration.ofSeconds(1)).build()) {
            assertThatThrownBy(() -> ClaudeCode.start(options(), transport))
                    .isInstanceOfSatisfying(PodException.class, e -> assertThat(e.reason()).isEqualTo("Unschedulable"))
                    .hasMessageContaining("cannot be scheduled").hasMessageContaining("0/3 nodes are available: 3 Insufficient memory.");
            assertThat(cluster.pods()).isEmpty();
        }
    }

    @Test
    void anImageThatCannotBePulledFailsTheStartAtOnce() {
        cluster.fate(FakeCluster.Fate.IMAGE_PULL_FAILS);
        long started = System.nanoTime();
        try (KubernetesTransport transport = transport().startTimeout(Duration.ofMinutes(5)).build()) {
            assertThatThrownBy(() -> ClaudeCode.start(options(), transport))
                    .isInstanceOfSatisfying(PodException.class, e -> assertThat(e.reason()).isEqualTo("ErrImagePull"))
                    .hasMessageContaining("pull access denied");
            assertThat(cluster.pods()).isEmpty();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void anEvictedPodFailsTheTurnInFlightAndTheNextTurnResumesInANewPod() throws Exception {
        TranscriptCli first = new TranscriptCli("20_multi_turn").holdSecondTurn();
        cluster.onAttach(first);
        try (KubernetesTransport transport = transport().build(); Session session = ClaudeCode.start(options(), transport)) {
            session.query("My name is Ada.");
            String sessionId = session.sessionId().orElseThrow();
            String evicted = cluster.pods().getFirst().getMetadata().getName();
            try {
                MessageStream turn = session.stream("What is my name?");
                first.awaitSecondUserLine();
                TranscriptCli second = new TranscriptCli("10_plain_turn");
                cluster.onAttach(second);
                cluster.evict(evicted, "The node was low on resource: memory.");

                assertThatThrownBy(() -> turn.forEach(message -> { }))
                        .isInstanceOf(CliProcessException.class)
                        .hasMessageContaining("pod " + evicted + " ended: Evicted: The node was low on resource: memory.");

                assertThat(session.query("hello").result()).contains("Hello! How can I help?");
                Pod resumed = second.pod();
                assertThat(resumed.getMetadata().getName()).isNotEqualTo(evicted);
                assertThat(resumed.getSpec().getContainers().getFirst().getCommand()).contains("--resume=" + sessionId);
                assertThat(await(() -> cluster.pod(evicted) == null)).as("the evicted pod is deleted").isTrue();
            } finally {
                first.release();
            }
        }
    }

    @Test
    void theNodeRunsCommandsAndReachesFilesThroughExec() throws Exception {
        cluster.onAttach(new TranscriptCli("10_plain_turn"));
        try (KubernetesTransport transport = transport().home(temp.toString()).build(); Session session = ClaudeCode.start(options(), transport)) {
            CommandResult result = session.execute(node -> node.run(List.of("/bin/sh", "-c", "pwd; echo \"$GREETING\"; cat; echo oops >&2; exit 3"),
                    CommandOptions.defaults().withWorkingDirectory(temp.toString()).withEnvironment(Map.of("GREETING", "hi there"))
                            .withInput("piped".getBytes(StandardCharsets.UTF_8))));
            assertThat(result.exitStatus()).isEqualTo(3);
            assertThat(result.stdout()).isEqualTo(temp + "\nhi there\npiped");
            assertThat(result.stderr()).isEqualTo("oops\n");

            session.execute(node -> Files.writeString(node.path(temp.resolve("notes.md").toString()), "# written through exec\n"));
            assertThat(Files.readString(temp.resolve("notes.md"))).isEqualTo("# written through exec\n");
            String notes = session.execute(node -> Files.readString(node.home().resolve("notes.md")));
            assertThat(notes).isEqualTo("# written through exec\n");
            try (Stream<Path> list = session.execute(node -> Files.list(node.home()))) {
                assertThat(list.map(path -> path.getFileName().toString())).contains("notes.md");
            }
            assertThatThrownBy(() -> session.execute(node -> node.run(Duration.ofMillis(500), "sleep", "30")))
                    .hasMessageContaining("ran longer than 500 ms");
            assertThat(cluster.streamPaths()).anyMatch(path -> path.contains("/exec?container=claude&stdin=true"));
        }
    }

    @Test
    void workBeforeStartRunsInThePodBeforeTheCliGetsItsEnvironment() throws Exception {
        TranscriptCli cli = new TranscriptCli("10_plain_turn");
        cluster.onAttach(cli);
        List<Boolean> attachedAtThatTime = new java.util.concurrent.CopyOnWriteArrayList<>();
        Path prepared = temp.resolve("prepared.txt");
        try (KubernetesTransport transport = transport().beforeStart((node, spec) -> {
                    attachedAtThatTime.add(cli.pod() != null);
                    try {
                        Files.writeString(node.path(prepared.toString()), "for " + spec.arguments().getLast());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).build();
                Session session = ClaudeCode.start(options(), transport)) {
            assertThat(session.query("hello").result()).contains("Hello! How can I help?");
        }
        assertThat(attachedAtThatTime).containsExactly(false);
        assertThat(Files.readString(prepared)).isEqualTo("for stream-json");
    }

    @Test
    void failingWorkBeforeStartFailsTheLaunchAndDeletesThePod() throws Exception {
        cluster.onAttach(new TranscriptCli("10_plain_turn"));
        try (KubernetesTransport transport = transport().beforeStart((node, spec) -> {
                    throw new IllegalStateException("no transcript to place");
                }).build()) {
            assertThatThrownBy(() -> ClaudeCode.start(options(), transport)).hasMessageContaining("no transcript to place");
            assertThat(cluster.pods()).isEmpty();
        }
    }

    @Test
    void podsOfADeadJvmAreFoundAsOrphansAndDeleted() throws Exception {
        cluster.onAttach(new TranscriptCli("10_plain_turn"));
        try (KubernetesTransport transport = transport().build(); Session session = ClaudeCode.start(options(), transport)) {
            Pod ours = cluster.pods().getFirst();
            String owner = ours.getMetadata().getAnnotations().get(KubernetesTransport.OWNER_ANNOTATION);
            Process gone = new ProcessBuilder("true").start();
            gone.waitFor();
            Pod orphan = new PodBuilder().withNewMetadata().withName("claude-code-orphan")
                    .addToLabels(KubernetesTransport.MANAGED_LABEL, "true")
                    .addToAnnotations(KubernetesTransport.OWNER_ANNOTATION, owner.replaceAll(":\\d+$", ":" + gone.pid())).endMetadata()
                    .withNewSpec().addNewContainer().withName("claude").withImage("x").endContainer().endSpec().build();
            cluster.client().pods().inNamespace("test").resource(orphan).create();

            assertThat(transport.orphans()).containsExactly("claude-code-orphan");
            assertThat(transport.deleteOrphans()).isEqualTo(1);
            assertThat(cluster.pod("claude-code-orphan")).isNull();
            assertThat(cluster.pod(ours.getMetadata().getName())).isNotNull();
        }
    }

    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
