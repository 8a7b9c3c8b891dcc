package dev.claudecode.internal.container;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link dev.claudecode.container.ContainerTransport} was built with.
 *
 * @param engine where the engine's API listens
 * @param image the image the CLI runs in
 * @param cliPath the CLI's path in the image
 * @param home the home directory in the image, the node's home
 * @param user the user the container runs as, when not the image's
 * @param mounts host directories mounted into the container
 * @param memoryBytes the memory limit, when set
 * @param nanoCpus the CPU limit in billionths of a CPU, when set
 * @param pidsLimit the process limit, when set
 * @param networkMode the network mode, when not the engine's default
 * @param ulimits resource limits by name ({@code nofile}, {@code nproc})
 * @param labels labels added to every container
 * @param apiTimeout how long one engine request may take
 * @param fileOperationTimeout how long one file operation of the node may take
 * @param beforeStart work done in each new container before the CLI starts, if any
 */
public record ContainerSettings(
        EngineAddress engine,
        String image,
        String cliPath,
        String home,
        Optional<String> user,
        List<Mount> mounts,
        Optional<Long> memoryBytes,
        Optional<Long> nanoCpus,
        Optional<Long> pidsLimit,
        Optional<String> networkMode,
        Map<String, Ulimit> ulimits,
        Map<String, String> labels,
        Duration apiTimeout,
        Duration fileOperationTimeout,
        Optional<java.util.function.BiConsumer<dev.claudecode.node.Node, dev.claudecode.transport.LaunchSpec>> beforeStart) {

    /** Copies the collections. */
    public ContainerSettings {
        Objects.requireNonNull(engine, "engine");
        mounts = List.copyOf(mounts);
        ulimits = Map.copyOf(ulimits);
        labels = Map.copyOf(labels);
    }

    /**
     * A host directory mounted into the container.
     *
     * @param hostPath the directory on the engine's host
     * @param containerPath where it appears in the container
     * @param readOnly whether the container may only read it
     */
    public record Mount(String hostPath, String containerPath, boolean readOnly) {
    }

    /**
     * A resource limit.
     *
     * @param soft the soft limit
     * @param hard the hard limit
     */
    public record Ulimit(long soft, long hard) {
    }
}
