package dev.claudecode.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes API for the tests: fabric8's mock server in CRUD mode for pods, plus what the
 * kubelet would do, played here: pods are moved to Running (or left unschedulable, or failed) and
 * their attach and exec streams are served by the test's handlers, speaking {@code v5.channel.k8s.io}.
 */
final class FakeCluster implements AutoCloseable {

    /** Kept: java.util.logging holds its loggers weakly, and the mock server logs every request at INFO. */
    private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger(MockWebServer.class.getName());

    static {
        allowV5();
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    /** Decides what the kubelet does with a new pod. */
    enum Fate { RUN, UNSCHEDULABLE, IMAGE_PULL_FAILS }

    /** Serves the attach stream of a running pod. */
    interface AttachHandler {
        /**
         * Plays the CLI.
         *
         * @param pod the pod, as created
         * @param frames its stream
         * @param send sends one message to the client
         * @return the CLI's exit status
         */
        int serve(Pod pod, ChannelFrames frames, java.util.function.Consumer<byte[]> send) throws Exception;
    }

    private static final Pattern STREAM = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/(attach|exec)(\\?.*)?");

    private final KubernetesMockServer server;
    private final NamespacedKubernetesClient client;
    private final Thread kubelet;
    private final Set<String> handled = ConcurrentHashMap.newKeySet();
    private final List<String> streamPaths = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Fate fate = Fate.RUN;
    private volatile AttachHandler attach = (pod, frames, send) -> 0;

    FakeCluster() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMixedDispatcher crud = new KubernetesMixedDispatcher(responses);
        Dispatcher dispatcher = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Matcher stream = STREAM.matcher(request.getPath());
                if (stream.matches()) {
                    streamPaths.add(request.getPath());
                    return new MockResponse().withWebSocketUpgrade(stream.group(3).equals("attach")
                            ? attachListener(stream.group(2)) : execListener(request.getPath()));
                }
                return crud.dispatch(request);
            }
        };
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, dispatcher, false);
        server.init(java.net.InetAddress.getLoopbackAddress(), 0);
        client = server.createClient();
        kubelet = Thread.ofVirtual().name("fake-kubelet").start(this::runKubelet);
    }

    /**
     * The mock server offers only {@code v4.channel.k8s.io} for WebSocket streams; an API server of
     * Kubernetes 1.30 or newer offers {@code v5.channel.k8s.io}, which the transport asks for and
     * which the handlers here speak. The mock's list is set, before any server starts, to offer v5.
     */
    private static void allowV5() {
        try {
            var field = MockWebServer.class.getDeclaredField("SUPPORTED_WEBSOCKET_SUB_PROTOCOLS");
            field.setAccessible(true);
            String[] protocols = (String[]) field.get(null);
            protocols[0] = "v5.channel.k8s.io";
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make the mock server offer v5.channel.k8s.io", e);
        }
    }

    NamespacedKubernetesClient client() {
        return client;
    }

    void fate(Fate next) {
        this.fate = next;
    }

    void onAttach(AttachHandler handler) {
        this.attach = handler;
    }

    /** @return the attach and exec requests, with their queries */
    List<String> streamPaths() {
        return List.copyOf(streamPaths);
    }

    List<Pod> pods() {
        return client.pods().inNamespace("test").list().getItems();
    }

    Pod pod(String name) {
        return client.pods().inNamespace("test").withName(name).get();
    }

    /** Kubernetes evicts the pod: phase Failed, reason Evicted; the kubelet kills its containers. */
    void evict(String name, String message) {
        client.pods().inNamespace("test").withName(name).editStatus(pod -> {
            pod.getStatus().setPhase("Failed");
            pod.getStatus().setReason("Evicted");
            pod.getStatus().setMessage(message);
            pod.getStatus().setContainerStatuses(List.of());
            return pod;
        });
    }

    private void runKubelet() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                for (Pod pod : pods()) {
                    String name = pod.getMetadata().getName();
                    if (handled.add(name)) {
                        start(name);
                    }
                }
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the server is going away
            }
        }
    }

    private void start(String name) {
        String container = "claude";
        client.pods().inNamespace("test").withName(name).editStatus(pod -> {
            container(pod);
            var status = pod.getStatus() == null ? new io.fabric8.kubernetes.api.model.PodStatus() : pod.getStatus();
            pod.setStatus(status);
            switch (fate) {
                case RUN -> {
                    status.setPhase("Running");
                    status.setConditions(List.of(new PodConditionBuilder().withType("PodScheduled").withStatus("True").build()));
                    status.setContainerStatuses(List.of(new ContainerStatusBuilder().withName(container(pod)).withReady(true)
                            .withNewState().withNewRunning().withStartedAt("2026-01-01T00:00:00Z").endRunning().endState().build()));
                }
                case UNSCHEDULABLE -> {
                    status.setPhase("Pending");
                    status.setConditions(List.of(new PodConditionBuilder().withType("PodScheduled").withStatus("False")
                            .withReason("Unschedulable").withMessage("0/3 nodes are available: 3 Insufficient memory.").build()));
                }
                case IMAGE_PULL_FAILS -> {
                    status.setPhase("Pending");
                    status.setContainerStatuses(List.of(new ContainerStatusBuilder().withName(container(pod))
                            .withNewState().withNewWaiting().withReason("ErrImagePull")
                            .withMessage("pull access denied for claude-code-cli").endWaiting().endState().build()));
                }
            }
            return pod;
        });
    }

    private static String container(Pod pod) {
        return pod.getSpec().getContainers().getFirst().getName();
    }

    private void exited(String name, int exitStatus) {
        try {
            client.pods().inNamespace("test").withName(name).editStatus(pod -> {
                if ("Failed".equals(pod.getStatus().getPhase())) {
                    return pod; // evicted: its status stays Kubernetes' word
                }
                pod.getStatus().setPhase(exitStatus == 0 ? "Succeeded" : "Failed");
                pod.getStatus().setContainerStatuses(List.of(new ContainerStatusBuilder().withName(container(pod))
                        .withNewState().withNewTerminated().withExitCode(exitStatus).withReason(exitStatus == 0 ? "Completed" : "Error")
                        .endTerminated().endState().build()));
                return pod;
            });
        } catch (RuntimeException e) {
            // deleted in the meantime
        }
    }

    private WebSocketListener attachListener(String podName) {
        ChannelFrames frames = new ChannelFrames();
        return new WebSocketListener() {
            @Override
            public void onOpen(WebSocket ws, Response response) {
                Thread.ofVirtual().name("fake-cli-" + podName).start(() -> {
                    int status;
                    try {
                        status = attach.serve(pod(podName), frames, ws::send);
                    } catch (Exception e) {
                        ws.send(frame(2, "fake CLI failed: " + e));
                        status = 1;
                    }
                    exited(podName, status);
                    ws.close(1000, "");
                });
            }

            @Override
            public void onMessage(WebSocket ws, byte[] bytes) {
                frames.received(bytes);
            }

            @Override
            public void onMessage(WebSocket ws, ByteString bytes) {
                frames.received(bytes.toByteArray());
            }

            @Override
            public void onClosed(WebSocket ws, int code, String reason) {
                frames.disconnected();
            }

            @Override
            public void onFailure(WebSocket ws, Throwable t, Response response) {
                frames.disconnected();
            }
        };
    }

    private static byte[] frame(int channel, String text) {
        return ChannelFrames.frame(channel, text);
    }

    private WebSocketListener execListener(String path) {
        List<String> command = new ArrayList<>();
        for (String parameter : path.substring(path.indexOf('?') + 1).split("&")) {
            if (parameter.startsWith("command=")) {
                command.add(URLDecoder.decode(parameter.substring("command=".length()), StandardCharsets.UTF_8));
            }
        }
        ChannelFrames frames = new ChannelFrames();
        return new WebSocketListener() {
            @Override
            public void onOpen(WebSocket ws, Response response) {
                Thread.ofVirtual().name("fake-exec").start(() -> {
                    int status;
                    try {
                        status = LocalExec.run(command, frames, ws::send);
                    } catch (Exception e) {
                        ws.send(frame(2, "fake exec failed: " + e));
                        status = 1;
                    }
                    ws.send(frame(3, ChannelFrames.status(status)));
                    ws.close(1000, "");
                });
            }

            @Override
            public void onMessage(WebSocket ws, byte[] bytes) {
                frames.received(bytes);
            }

            @Override
            public void onMessage(WebSocket ws, ByteString bytes) {
                frames.received(bytes.toByteArray());
            }

            @Override
            public void onClosed(WebSocket ws, int code, String reason) {
                frames.disconnected();
            }

            @Override
            public void onFailure(WebSocket ws, Throwable t, Response response) {
                frames.disconnected();
            }
        };
    }

    @Override
    public void close() {
        kubelet.interrupt();
        client.close();
        server.destroy();
    }
}
