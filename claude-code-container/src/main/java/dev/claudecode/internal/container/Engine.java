package dev.claudecode.internal.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's API as the transport uses it: docker-java for the requests with JSON bodies, and
 * {@link HijackedStream} for the attached streams.
 */
public final class Engine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final EngineAddress address;
    private final DockerClient client;
    private final Duration timeout;

    /**
     * Connects a client (lazily: no request is made yet).
     *
     * @param address the engine
     * @param timeout how long one request may take
     */
    public Engine(EngineAddress address, Duration timeout) {
        this.address = address;
        this.timeout = timeout;
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(address.uri().toString()).withDockerTlsVerify(false).build();
        ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder().dockerHost(address.uri())
                .connectionTimeout(timeout).responseTimeout(timeout).maxConnections(64).build();
        this.client = DockerClientImpl.getInstance(config, http);
    }

    /** @return the engine's address */
    public EngineAddress address() {
        return address;
    }

    /** @return the engine's name and version, from {@code GET /version} */
    public String version() {
        var version = client.versionCmd().exec();
        return Optional.ofNullable(version.getComponents()).flatMap(components -> components.stream().findFirst())
                .map(component -> component.getName() + " " + component.getVersion())
                .orElse("Docker Engine " + version.getVersion());
    }

    /**
     * Creates a container for one CLI process, with its input open and attachable once.
     *
     * @param settings the transport's settings
     * @param command the container's command
     * @param workingDirectory the working directory, when not the image's
     * @param labels its labels
     * @return the container's id
     */
    public String create(ContainerSettings settings, List<String> command, Optional<String> workingDirectory, Map<String, String> labels) {
        HostConfig host = HostConfig.newHostConfig()
                .withBinds(settings.mounts().stream()
                        .map(mount -> new Bind(mount.hostPath(), new Volume(mount.containerPath()), mount.readOnly() ? AccessMode.ro : AccessMode.rw))
                        .toList())
                .withUlimits(settings.ulimits().entrySet().stream()
                        .map(limit -> new com.github.dockerjava.api.model.Ulimit(limit.getKey(), limit.getValue().soft(), limit.getValue().hard()))
                        .toList());
        settings.memoryBytes().ifPresent(host::withMemory);
        settings.nanoCpus().ifPresent(host::withNanoCPUs);
        settings.pidsLimit().ifPresent(host::withPidsLimit);
        settings.networkMode().ifPresent(host::withNetworkMode);
        CreateContainerCmd create = client.createContainerCmd(settings.image())
                .withCmd(command)
                .withLabels(labels)
                .withTty(false)
                .withStdinOpen(true)
                .withStdInOnce(true)
                .withAttachStdin(true)
                .withAttachStdout(true)
                .withAttachStderr(true)
                .withHostConfig(host);
        settings.user().ifPresent(create::withUser);
        workingDirectory.ifPresent(create::withWorkingDir);
        return create.exec().getId();
    }

    /**
     * Attaches to a created container's three streams; done before it starts, so no output is lost.
     *
     * @param id the container
     * @return the streams
     * @throws IOException when the engine cannot be reached or refuses
     */
    public HijackedStream attach(String id) throws IOException {
        return HijackedStream.open(address, "/containers/" + encode(id) + "/attach?stream=1&stdin=1&stdout=1&stderr=1", "", timeout);
    }

    /** Starts a created container. */
    public void start(String id) {
        client.startContainerCmd(id).exec();
    }

    /** The status reported for a container that was removed before its exit could be read. */
    public static final int GONE = 255;

    /**
     * A container's exit status, once it has stopped.
     *
     * @param id the container
     * @return its exit status; {@link #GONE} when it no longer exists; empty while it runs
     */
    public Optional<Integer> exitStatus(String id) {
        try {
            var state = client.inspectContainerCmd(id).exec().getState();
            if (Boolean.TRUE.equals(state.getRunning()) || Boolean.TRUE.equals(state.getRestarting())) {
                return Optional.empty();
            }
            Long code = state.getExitCodeLong();
            return Optional.of(code == null ? GONE : code.intValue());
        } catch (NotFoundException e) {
            return Optional.of(GONE);
        }
    }

    /**
     * Stops a container: TERM to its main process, KILL after {@code grace}.
     *
     * @param id the container
     * @param grace the stop timeout, rounded up to whole seconds
     */
    public void stop(String id, Duration grace) {
        int seconds = (int) Math.min(Integer.MAX_VALUE, (grace.toMillis() + 999) / 1000);
        try {
            client.stopContainerCmd(id).withTimeout(seconds).exec();
        } catch (NotModifiedException | NotFoundException e) {
            // already stopped or gone
        }
    }

    /**
     * Removes a container, stopping it first if it runs.
     *
     * @param id the container
     * @return whether it was there to remove
     */
    public boolean remove(String id) {
        try {
            client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /**
     * Whether a container is running.
     *
     * @param id the container
     * @return whether it exists and runs
     */
    public boolean isRunning(String id) {
        try {
            return Boolean.TRUE.equals(client.inspectContainerCmd(id).exec().getState().getRunning());
        } catch (NotFoundException e) {
            return false;
        }
    }

    /**
     * Lists the containers that carry a label.
     *
     * @param label the label
     * @param value its value
     * @return the containers, running or not
     */
    public List<Container> withLabel(String label, String value) {
        return client.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(label, value)).exec();
    }

    /**
     * Creates and starts an exec in a running container, its streams attached.
     *
     * @param container the container
     * @param command the command
     * @param environment variables to add
     * @param workingDirectory where to run it
     * @return the exec's id and its streams
     * @throws IOException when the engine cannot be reached or refuses
     */
    public StartedExec exec(String container, List<String> command, Map<String, String> environment, Optional<String> workingDirectory)
            throws IOException {
        var create = client.execCreateCmd(container).withCmd(command.toArray(String[]::new))
                .withAttachStdin(true).withAttachStdout(true).withAttachStderr(true).withTty(false)
                .withEnv(environment.entrySet().stream().map(variable -> variable.getKey() + "=" + variable.getValue()).toList());
        workingDirectory.ifPresent(create::withWorkingDir);
        String id = create.exec().getId();
        HijackedStream stream = HijackedStream.open(address, "/exec/" + encode(id) + "/start", "{\"Detach\":false,\"Tty\":false}", timeout);
        return new StartedExec(id, stream);
    }

    /**
     * An exec's exit status, once it has ended.
     *
     * @param id the exec
     * @return the status, or empty while it runs
     */
    public Optional<Integer> execExit(String id) {
        InspectExecResponse inspect = client.inspectExecCmd(id).exec();
        if (Boolean.TRUE.equals(inspect.isRunning()) || inspect.getExitCodeLong() == null) {
            return Optional.empty();
        }
        return Optional.of(inspect.getExitCodeLong().intValue());
    }

    /**
     * A started exec.
     *
     * @param id its id
     * @param stream its streams
     */
    public record StartedExec(String id, HijackedStream stream) {
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            LOG.debug("Closing the engine client: {}", e.toString());
        }
    }
}
