package dev.claudecode.kubernetes;

import dev.claudecode.ClaudeCode;
import dev.claudecode.errors.ClaudeCodeException;
import dev.claudecode.errors.CliProcessException;
import dev.claudecode.internal.kubernetes.ChannelSocket;
import dev.claudecode.internal.kubernetes.PodExecProcess;
import dev.claudecode.internal.kubernetes.PodProcess;
import dev.claudecode.internal.kubernetes.PodSpecs;
import dev.claudecode.internal.kubernetes.PodState;
import dev.claudecode.internal.kubernetes.Pods;
import dev.claudecode.internal.node.CommandNode;
import dev.claudecode.internal.node.EnvironmentPreamble;
import dev.claudecode.internal.node.TargetRunner;
import dev.claudecode.internal.process.ExitReaper;
import dev.claudecode.internal.transport.LaunchedProcesses;
import dev.claudecode.internal.transport.Owner;
import dev.claudecode.internal.transport.SettingChecks;
import dev.claudecode.node.Node;
import dev.claudecode.transport.CliProcess;
import dev.claudecode.transport.LaunchSpec;
import dev.claudecode.transport.Transport;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Runs each Claude Code CLI process in a pod of its own on Kubernetes, built from a pod template
 * the user supplies (namespace, image, resources, node selector, tolerations, service account,
 * security context: anything a pod spec holds). The CLI's standard streams are attached to this
 * JVM over the API server; callbacks, hooks and in-process MCP servers stay here. Where the pod
 * runs, how many may run at once and what happens under pressure is Kubernetes' business
 * (quotas, priorities, limit ranges); this transport schedules nothing.
 *
 * <pre>{@code
 * Pod template = new PodBuilder().withNewSpec()
 *         .addNewContainer().withName("claude").withImage("registry.example/claude-code-cli:2.1.197")
 *             .withNewResources().addToRequests("memory", new Quantity("512Mi")).addToLimits("memory", new Quantity("1Gi")).endResources()
 *         .endContainer()
 *         .withServiceAccountName("claude-sessions").addToNodeSelector("pool", "agents")
 *     .endSpec().build();
 * try (KubernetesTransport pods = KubernetesTransport.builder()
 *         .namespace("agents").podTemplate(template).apiKeySecret("anthropic", "api-key").build();
 *      Session session = ClaudeCode.start(options, pods)) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Secrets: the API key comes from a Kubernetes Secret ({@link Builder#apiKeySecret}), as a
 * {@code secretKeyRef} in the pod spec, never as a literal. The rest of the launch environment
 * (and the API key when no Secret is named) is handed to the container over its standard input,
 * never written into the pod spec.
 *
 * <p>Streams: the attach and exec streams speak {@code v5.channel.k8s.io}, the version of the
 * WebSocket protocol that can close stdin, so that the CLI sees the end of its input (the API
 * server must offer it: Kubernetes 1.30 or newer).
 *
 * <p>Lifetime: a pod per CLI process ({@code restartPolicy: Never}), labelled {@code
 * dev.claudecode.managed=true} and {@code dev.claudecode.transport=<id>}, annotated with the
 * owner {@code host:pid}. The pod is deleted once its CLI has exited, when it is terminated (a
 * deletion with the grace period: TERM, then KILL), when the transport is closed, and when the
 * JVM exits; {@link
 * #orphans()} finds those a dead JVM left behind, and {@link Builder#ownerReference} lets
 * Kubernetes' garbage collector delete them with an owner object (such as the pod this JVM runs in).
 *
 * <p>Failures: a pod that cannot be scheduled within {@link Builder#startTimeout}, whose image
 * cannot be pulled or whose container cannot be created fails the launch with a {@link
 * PodException} naming Kubernetes' reason. A pod that is evicted, whose node is lost, or that is
 * deleted while the CLI runs ends the turn in flight with an error whose stderr tail names what
 * happened; the next turn starts a new pod with {@code --resume}, which continues the conversation
 * when its transcript can be found there (a volume in the template, or a session store).
 *
 * <p>The node: {@link #node()} runs commands (execs) and reaches files (shell commands over
 * exec) in the newest running pod of this transport.
 */
public final class KubernetesTransport implements Transport, AutoCloseable {

    /** The CLI's path in the project's image. */
    public static final String DEFAULT_CLI_PATH = "/usr/local/bin/claude";
    /** The home directory in the project's image. */
    public static final String DEFAULT_HOME = "/home/claude";
    /** The label every pod of this library carries. */
    public static final String MANAGED_LABEL = "dev.claudecode.managed";
    /** The label naming the transport that made a pod. */
    public static final String TRANSPORT_LABEL = "dev.claudecode.transport";
    /** The annotation naming the {@code host:pid} of the JVM that made a pod. */
    public static final String OWNER_ANNOTATION = "dev.claudecode/owner";

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private final KubernetesClient client;
    private final boolean ownsClient;
    private final Pods pods;
    private final Pod template;
    private final String container;
    private final Settings settings;
    private final String id = UUID.randomUUID().toString();
    private final LaunchedProcesses<PodProcess> processes = new LaunchedProcesses<>();
    private final TargetRunner execs = this::exec;
    private final CommandNode node;
    private volatile boolean closed;

    private record Settings(String cliPath, String home, Optional<PodSpecs.SecretKey> apiKey, String generateName,
            Map<String, String> labels, List<OwnerReference> owners, Duration startTimeout, Duration poll,
            Duration fileOperationTimeout, Optional<BiConsumer<Node, LaunchSpec>> beforeStart) {
    }

    private KubernetesTransport(KubernetesClient client, boolean ownsClient, String namespace, Pod template, Settings settings,
            Duration streamTimeout) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.pods = new Pods(client, namespace, streamTimeout);
        this.template = template;
        this.container = PodSpecs.containerName(template);
        this.settings = settings;
        this.node = new CommandNode(name(), execs.inNewest(() -> processes.newest().map(PodProcess::name), () -> new KubernetesException(
                "no pod of this transport runs: the node is reachable while a session's CLI runs")), settings.home(),
                settings.fileOperationTimeout());
    }

    /** @return a builder; every setting has a default */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the CLI in a new pod: creates it from the template, waits until its CLI container
     * runs, attaches to its streams and hands it the launch environment.
     *
     * @throws PodException when Kubernetes cannot run the pod (not schedulable in time, image
     *     not pullable, container not creatable, ended before the CLI started)
     * @throws CliProcessException when the API server cannot be reached or refuses
     */
    @Override
    public CliProcess launch(LaunchSpec spec) {
        if (closed) {
            throw new CliProcessException("the Kubernetes transport is closed", (Throwable) null);
        }
        Map<String, String> environment = new LinkedHashMap<>(spec.environment());
        if (settings.apiKey().isPresent()) {
            // the Secret's key wins over one the options carry: the pod reads it from the Secret
            environment.remove(PodSpecs.API_KEY_VARIABLE);
        }
        byte[] preamble = EnvironmentPreamble.encode(environment, spec.files());
        Map<String, String> labels = new LinkedHashMap<>(settings.labels());
        labels.put(MANAGED_LABEL, "true");
        labels.put(TRANSPORT_LABEL, id);
        Pod pod = PodSpecs.pod(template, settings.generateName(), labels, Map.of(OWNER_ANNOTATION, Owner.current()),
                EnvironmentPreamble.command(spec.command()), spec.workingDirectory(), settings.apiKey());
        if (!settings.owners().isEmpty()) {
            pod = new PodBuilder(pod).editMetadata().addAllToOwnerReferences(settings.owners()).endMetadata().build();
        }
        String name;
        try {
            name = pods.create(pod).getMetadata().getName();
        } catch (KubernetesClientException e) {
            throw new CliProcessException("cannot create a pod in namespace " + pods.namespace() + ": " + e.getMessage(), e);
        }
        ExitReaper.track(PodProcess.key(pods.namespace(), name), () -> pods.delete(name, Duration.ZERO));
        try {
            awaitRunning(name);
            // the launch script waits for its environment: the pod runs, the CLI does not yet
            settings.beforeStart().ifPresent(work -> work.accept(nodeOf(name), spec));
            ChannelSocket attach = ChannelSocket.open(client, pods.attachPath(name, container), pods.timeout());
            OutputStream stdin = attach.stdin();
            stdin.write(preamble);
            return processes.add(new PodProcess(pods, name, container, attach, settings.poll()));
        } catch (IOException | RuntimeException e) {
            try {
                pods.delete(name, Duration.ZERO);
                ExitReaper.forget(PodProcess.key(pods.namespace(), name));
            } catch (RuntimeException deletion) {
                e.addSuppressed(deletion);
            }
            if (e instanceof ClaudeCodeException claude) {
                throw claude;
            }
            throw new CliProcessException("cannot start the Claude Code CLI in pod " + name + ": " + e.getMessage(), e);
        }
    }

    private void awaitRunning(String name) {
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        PodState state = PodState.of(pods.get(name), container);
        while (state.phase() == PodState.Phase.STARTING && System.nanoTime() < deadline) {
            try {
                Thread.sleep(settings.poll().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliProcessException("interrupted while waiting for pod " + name + " to start", e);
            }
            state = PodState.of(pods.get(name), container);
        }
        switch (state.phase()) {
            case RUNNING -> {
                // ready to attach
            }
            case STARTING -> throw new PodException(state.reason().equals("Unschedulable")
                    ? "pod " + name + " cannot be scheduled: " + state.message()
                    : "pod " + name + " did not start within " + settings.startTimeout().toSeconds() + " s (" + state.describe() + ")",
                    state.reason(), null);
            case EXITED -> throw new PodException("the CLI in pod " + name + " exited before it could be attached, with status "
                    + state.exitStatus().orElse(PodState.KILLED) + (state.message().isEmpty() ? "" : ": " + state.message()), "Completed", null);
            case FAILED -> throw new PodException("pod " + name + " cannot run: " + state.describe(), state.reason(), null);
        }
    }

    private Node nodeOf(String pod) {
        return new CommandNode(name(), execs.in(pod), settings.home(), settings.fileOperationTimeout());
    }

    /** Runs a command in the pod, in its directory and with its variables, which travel over stdin as for the CLI. */
    private CliProcess exec(String pod, List<String> command, Map<String, String> environment, Optional<String> workingDirectory) {
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", "cd -- \"$0\" && exec \"$@\"", workingDirectory.orElse(".")));
        wrapped.addAll(EnvironmentPreamble.command(command));
        try {
            PodExecProcess process = PodExecProcess.start(pods, pod, container, wrapped);
            process.stdin().write(EnvironmentPreamble.encode(environment));
            return process;
        } catch (IOException | RuntimeException e) {
            throw new KubernetesException("cannot run " + command.get(0) + " in pod " + pod + ": " + e.getMessage(), e);
        }
    }

    /**
     * The CLI in the image: the configured {@link Builder#cliPath(String)}, by default {@value
     * #DEFAULT_CLI_PATH}; the path the session's options name is a path on this machine.
     */
    @Override
    public String executable(Optional<Path> configured) {
        return settings.cliPath();
    }

    /** @return {@code kubernetes://<API server>/<namespace>} */
    @Override
    public String name() {
        String master = client.getMasterUrl().toString().replaceFirst("^https?://", "");
        return "kubernetes://" + (master.endsWith("/") ? master : master + "/") + pods.namespace();
    }

    /**
     * The newest running pod of this transport, as a node: commands run there as execs, its files
     * are reached through shell commands run the same way.
     *
     * @return the node; its operations fail with a {@link KubernetesException} while no CLI of
     *     this transport runs
     */
    @Override
    public Node node() {
        return node;
    }

    /** @return the names of the pods of this transport that exist now */
    public List<String> pods() {
        return pods.withLabels(Map.of(TRANSPORT_LABEL, id)).stream().map(pod -> pod.getMetadata().getName()).toList();
    }

    /**
     * The pods of this library in the namespace whose owner annotation names a JVM on this
     * machine that no longer runs.
     *
     * @return their names
     */
    public List<String> orphans() {
        return pods.withLabels(Map.of(MANAGED_LABEL, "true")).stream()
                .filter(pod -> Owner.isGone(Optional.ofNullable(pod.getMetadata().getAnnotations())
                        .map(annotations -> annotations.get(OWNER_ANNOTATION)).orElse(null)))
                .map(pod -> pod.getMetadata().getName()).toList();
    }

    /**
     * Deletes the {@link #orphans()}.
     *
     * @return how many were deleted
     */
    public int deleteOrphans() {
        List<String> orphans = orphans();
        orphans.forEach(orphan -> pods.delete(orphan, Duration.ZERO));
        return orphans.size();
    }

    /** Deletes every pod of this transport, then closes the client if the transport made it. */
    @Override
    public void close() {
        closed = true;
        processes.terminateAll(Duration.ofSeconds(2));
        try {
            for (String leftover : pods()) {
                pods.delete(leftover, Duration.ZERO);
            }
        } catch (RuntimeException e) {
            // the API server is gone: the owner annotation lets a later sweep find them
        }
        if (ownsClient) {
            client.close();
        }
    }

    @Override
    public String toString() {
        return "KubernetesTransport[" + name() + "]";
    }

    /** Settings for a {@link KubernetesTransport}. */
    public static final class Builder {

        private KubernetesClient client;
        private String namespace;
        private Pod template;
        private String cliPath = DEFAULT_CLI_PATH;
        private String home = DEFAULT_HOME;
        private Optional<PodSpecs.SecretKey> apiKey = Optional.empty();
        private String generateName = "claude-code-";
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final List<OwnerReference> owners = new ArrayList<>();
        private Duration startTimeout = Duration.ofMinutes(2);
        private Duration poll = Duration.ofMillis(500);
        private Duration streamTimeout = Duration.ofSeconds(30);
        private Duration fileOperationTimeout = Duration.ofSeconds(60);
        private Optional<BiConsumer<Node, LaunchSpec>> beforeStart = Optional.empty();

        private Builder() {
        }

        /**
         * The client to use; the transport does not close it. Without it the transport makes
         * one from the usual configuration (KUBECONFIG, {@code ~/.kube/config}, or the pod's
         * service account when this JVM runs in a cluster) and closes it on close.
         *
         * @param client the client
         * @return this builder
         */
        public Builder client(KubernetesClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * The namespace of the pods.
         *
         * @param namespace default the client's namespace
         * @return this builder
         */
        public Builder namespace(String namespace) {
            if (namespace == null || !DNS_LABEL.matcher(namespace).matches() || namespace.length() > 63) {
                throw new IllegalArgumentException("not a namespace name: " + namespace);
            }
            this.namespace = namespace;
            return this;
        }

        /**
         * The pod every CLI runs in: its container named {@code claude} (else its first container)
         * runs the CLI and gets the command, stdin and the API key reference; everything else
         * (image, resources, node selector, tolerations, service account, security contexts,
         * volumes, further containers, labels) is kept. Without a template: one container
         * {@code claude} with the image {@code claude-code-cli:<the pinned CLI version>}.
         *
         * @param template the template; it is copied, never changed
         * @return this builder
         */
        public Builder podTemplate(Pod template) {
            this.template = new PodBuilder(Objects.requireNonNull(template, "template")).build();
            return this;
        }

        /**
         * Where the CLI's API key comes from: a key of a Secret in the pods' namespace, put in the
         * pod spec as a {@code secretKeyRef}. A key in the session's options is then not sent.
         *
         * @param secretName the Secret
         * @param key the key in it
         * @return this builder
         */
        public Builder apiKeySecret(String secretName, String key) {
            this.apiKey = Optional.of(new PodSpecs.SecretKey(SettingChecks.requireText(secretName, "secretName"),
                    SettingChecks.requireText(key, "key")));
            return this;
        }

        /**
         * The CLI's path in the image.
         *
         * @param path default {@value KubernetesTransport#DEFAULT_CLI_PATH}
         * @return this builder
         */
        public Builder cliPath(String path) {
            this.cliPath = SettingChecks.requireText(path, "path");
            return this;
        }

        /**
         * The home directory in the image: the node's home.
         *
         * @param path an absolute path; default {@value KubernetesTransport#DEFAULT_HOME}
         * @return this builder
         */
        public Builder home(String path) {
            this.home = SettingChecks.absoluteHome(path);
            return this;
        }

        /**
         * A label for every pod, on top of the template's and the transport's own.
         *
         * @param name the label's name (not under {@code dev.claudecode.})
         * @param value its value
         * @return this builder
         */
        public Builder label(String name, String value) {
            labels.put(SettingChecks.userLabel(name), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * An owner of every pod: Kubernetes deletes the pods when the owner goes (for example the
         * pod this JVM runs in), even if this JVM could not.
         *
         * @param owner the owner reference; it must be in the pods' namespace
         * @return this builder
         */
        public Builder ownerReference(OwnerReference owner) {
            owners.add(Objects.requireNonNull(owner, "owner"));
            return this;
        }

        /**
         * How long a pod may take to be scheduled, pulled and started before the launch fails.
         *
         * @param timeout default 2 min
         * @return this builder
         */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = SettingChecks.positive(timeout, "startTimeout");
            return this;
        }

        /**
         * How often a pod's status is read while it starts and runs.
         *
         * @param interval default 500 ms
         * @return this builder
         */
        public Builder pollInterval(Duration interval) {
            this.poll = SettingChecks.positive(interval, "pollInterval");
            return this;
        }

        /**
         * How long opening an attach or exec stream may take.
         *
         * @param timeout default 30 s
         * @return this builder
         */
        public Builder streamTimeout(Duration timeout) {
            this.streamTimeout = SettingChecks.positive(timeout, "streamTimeout");
            return this;
        }

        /**
         * How long one file operation of the node may take.
         *
         * @param timeout default 60 s
         * @return this builder
         */
        public Builder fileOperationTimeout(Duration timeout) {
            this.fileOperationTimeout = SettingChecks.positive(timeout, "fileOperationTimeout");
            return this;
        }

        /**
         * Work to do in each new pod once it runs and before the CLI starts in it, such as placing
         * a conversation's transcript for {@code --resume} (a session store does this) or files
         * the session needs. The node it gets reaches that pod; the launch it gets is the one
         * about to start. What it throws fails the launch, and the pod is deleted.
         *
         * @param work the work
         * @return this builder
         */
        public Builder beforeStart(BiConsumer<Node, LaunchSpec> work) {
            this.beforeStart = Optional.of(Objects.requireNonNull(work, "work"));
            return this;
        }

        /** @return the transport; no request is made until the first launch */
        public KubernetesTransport build() {
            boolean owns = client == null;
            KubernetesClient chosen = owns ? new KubernetesClientBuilder().build() : client;
            String ns = namespace != null ? namespace : Optional.ofNullable(chosen.getNamespace()).orElse("default");
            Pod pod = template != null ? template : new PodBuilder().withNewSpec().addNewContainer().withName(PodSpecs.CONTAINER)
                    .withImage("claude-code-cli:" + ClaudeCode.cliVersion()).withImagePullPolicy("IfNotPresent").endContainer().endSpec().build();
            return new KubernetesTransport(chosen, owns, ns, pod, new Settings(cliPath, home, apiKey, generateName, labels,
                    List.copyOf(owners), startTimeout, poll, fileOperationTimeout, beforeStart), streamTimeout);
        }
    }
}
