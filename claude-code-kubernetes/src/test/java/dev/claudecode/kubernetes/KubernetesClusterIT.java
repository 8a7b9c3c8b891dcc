package dev.claudecode.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.ClaudeCode;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.Session;
import dev.claudecode.node.CommandResult;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.Reply;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The transport against a real cluster. No cluster can run on the project's build machines, so
 * this is the one test that runs only when {@code KUBECONFIG} names a cluster (see the module's
 * documentation for kind and k3s). The image {@code claude-code-cli:<pinned version>} (or
 * {@code CLAUDE_IT_IMAGE}) must be loaded into the cluster's nodes. With {@code
 * CLAUDE_IT_HOST_NETWORK=true} (k3s on this machine: its pods can share this machine's loopback)
 * a model turn runs against the fake model API too.
 */
@EnabledIfEnvironmentVariable(named = "KUBECONFIG", matches = ".+")
class KubernetesClusterIT {

    static KubernetesClient client;
    static String namespace;

    @BeforeAll
    static void createNamespace() {
        client = new KubernetesClientBuilder().build();
        namespace = "claude-it-" + UUID.randomUUID().toString().substring(0, 8);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
        client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName("anthropic").endMetadata()
                .addToStringData("api-key", FakeClaudeApi.DEFAULT_API_KEY).build()).create();
    }

    @AfterAll
    static void deleteNamespace() {
        if (client != null) {
            client.namespaces().withName(namespace).delete();
            client.close();
        }
    }

    private static boolean hostNetwork() {
        return "true".equals(System.getenv("CLAUDE_IT_HOST_NETWORK"));
    }

    private static Pod template() {
        String image = System.getenv().getOrDefault("CLAUDE_IT_IMAGE", "claude-code-cli:" + ClaudeCode.cliVersion());
        return new PodBuilder().withNewSpec().withHostNetwork(hostNetwork())
                .addNewContainer().withName("claude").withImage(image).withImagePullPolicy("IfNotPresent")
                    .withNewResources().addToLimits("memory", new io.fabric8.kubernetes.api.model.Quantity("1Gi")).endResources()
                .endContainer().endSpec().build();
    }

    private static KubernetesTransport.Builder transport() {
        return KubernetesTransport.builder().client(client).namespace(namespace).podTemplate(template())
                .apiKeySecret("anthropic", "api-key").startTimeout(Duration.ofMinutes(3));
    }

    @Test
    void aSessionStartsInAPodAnswersControlRequestsHasANodeAndLeavesNoPod() throws Exception {
        try (KubernetesTransport transport = transport().build();
                Session session = ClaudeCode.start(ClaudeCodeOptions.builder().cwd(java.nio.file.Path.of("/workspace")).build(), transport)) {
            assertThat(session.control().serverInfo()).isNotNull();
            CommandResult where = session.execute(node -> node.run("/bin/sh", "-c", "readlink /bin/ls; pwd; id -u"));
            assertThat(where.stdout()).startsWith("busybox\n");
            session.execute(node -> Files.writeString(node.path("/workspace/probe.txt"), "from the node"));
            String probe = session.execute(node -> Files.readString(node.path("/workspace/probe.txt")));
            assertThat(probe).isEqualTo("from the node");
            assertThat(transport.pods()).hasSize(1);
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!client.pods().inNamespace(namespace).withLabel(KubernetesTransport.MANAGED_LABEL, "true").list().getItems().isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(client.pods().inNamespace(namespace).withLabel(KubernetesTransport.MANAGED_LABEL, "true").list().getItems()).isEmpty();
    }

    @Test
    void aPodForNoNodeFailsWithKubernetesReason() {
        Pod nowhere = new PodBuilder(template()).editSpec().addToNodeSelector("claude-it/no-such-node", "true").endSpec().build();
        try (KubernetesTransport transport = transport().podTemplate(nowhere).startTimeout(Duration.ofSeconds(20)).build()) {
            assertThatThrownBy(() -> ClaudeCode.start(ClaudeCodeOptions.builder().build(), transport))
                    .isInstanceOfSatisfying(PodException.class, e -> assertThat(e.reason()).isEqualTo("Unschedulable"));
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "CLAUDE_IT_HOST_NETWORK", matches = "true")
    void aModelTurnRunsInThePod() {
        try (FakeClaudeApi api = FakeClaudeApi.start()) {
            api.enqueue(Reply.text("from the cluster"));
            Map<String, String> env = new java.util.LinkedHashMap<>(api.environment());
            env.remove("ANTHROPIC_API_KEY");
            env.remove("CLAUDE_CONFIG_DIR");
            env.remove("CLAUDE_CODE_TMPDIR");
            env.remove("HOME");
            try (KubernetesTransport transport = transport().build();
                    Session session = ClaudeCode.start(ClaudeCodeOptions.builder().env(env).build(), transport)) {
                assertThat(session.query("hello").result()).contains("from the cluster");
            }
        }
    }
}
