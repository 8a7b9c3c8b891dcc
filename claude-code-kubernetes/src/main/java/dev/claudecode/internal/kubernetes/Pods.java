package dev.claudecode.internal.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The pod operations of the transport, in one namespace: create, read, delete, list by label, and
 * the paths of the attach and exec subresources.
 */
public final class Pods {

    private final KubernetesClient client;
    private final String namespace;
    private final Duration timeout;

    /**
     * Binds the operations to a namespace.
     *
     * @param client the client
     * @param namespace the namespace
     * @param timeout how long opening a stream may take
     */
    public Pods(KubernetesClient client, String namespace, Duration timeout) {
        this.client = client;
        this.namespace = namespace;
        this.timeout = timeout;
    }

    /** @return the namespace */
    public String namespace() {
        return namespace;
    }

    /** @return the client */
    public KubernetesClient client() {
        return client;
    }

    /** @return how long opening a stream may take */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Creates a pod.
     *
     * @param pod the pod
     * @return the pod as created, with its generated name
     */
    public Pod create(Pod pod) {
        return client.pods().inNamespace(namespace).resource(pod).create();
    }

    /**
     * Reads a pod.
     *
     * @param name its name
     * @return the pod, or null when it does not exist
     */
    public Pod get(String name) {
        return client.pods().inNamespace(namespace).withName(name).get();
    }

    /**
     * Deletes a pod; a pod that is already gone is no error.
     *
     * @param name its name
     * @param grace how long its containers get between TERM and KILL
     */
    public void delete(String name, Duration grace) {
        try {
            client.pods().inNamespace(namespace).withName(name).withGracePeriod(Math.max(0, grace.toSeconds())).delete();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw e;
            }
        }
    }

    /**
     * Lists the pods with all these labels.
     *
     * @param labels the labels
     * @return the pods
     */
    public List<Pod> withLabels(Map<String, String> labels) {
        return client.pods().inNamespace(namespace).withLabels(labels).list().getItems();
    }

    /**
     * The path and query of a pod's attach subresource, with all three streams.
     *
     * @param pod the pod
     * @param container the container
     * @return the path and query
     */
    public String attachPath(String pod, String container) {
        return base(pod) + "/attach?container=" + encode(container) + "&stdin=true&stdout=true&stderr=true&tty=false";
    }

    /**
     * The path and query of a pod's exec subresource, with all three streams.
     *
     * @param pod the pod
     * @param container the container
     * @param command the command
     * @return the path and query
     */
    public String execPath(String pod, String container, List<String> command) {
        StringBuilder path = new StringBuilder(base(pod)).append("/exec?container=").append(encode(container))
                .append("&stdin=true&stdout=true&stderr=true&tty=false");
        command.forEach(part -> path.append("&command=").append(encode(part)));
        return path.toString();
    }

    private String base(String pod) {
        return "/api/v1/namespaces/" + encode(namespace) + "/pods/" + encode(pod);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
