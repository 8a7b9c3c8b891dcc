package dev.claudecode.internal.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a pod's status says about its CLI container: still coming up, running, ended with an exit
 * status, or failed in a way Kubernetes decided (not schedulable, image not pullable, evicted,
 * its node lost, deleted).
 *
 * @param phase where it is
 * @param exitStatus the container's exit status, once it has ended
 * @param reason Kubernetes' reason, for failures
 * @param message Kubernetes' message, for failures
 */
public record PodState(Phase phase, Optional<Integer> exitStatus, String reason, String message) {

    /** Where a pod's CLI container is. */
    public enum Phase {
        /** Being scheduled, pulled or started. */
        STARTING,
        /** Its CLI runs. */
        RUNNING,
        /** Its CLI exited with {@link PodState#exitStatus()}. */
        EXITED,
        /** It cannot run or was ended by Kubernetes: see {@link PodState#reason()}. */
        FAILED
    }

    /** Waiting reasons of a container that will not start without someone fixing something. */
    private static final Set<String> STUCK = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
            "CreateContainerConfigError", "CreateContainerError", "RunContainerError");

    /** The status reported for a CLI whose pod Kubernetes ended (as for a killed process: 128 + SIGKILL). */
    public static final int KILLED = 137;

    /**
     * Reads a pod's state.
     *
     * @param pod the pod, or null when it is gone
     * @param container the CLI container's name
     * @return the state
     */
    public static PodState of(Pod pod, String container) {
        if (pod == null) {
            return failed("Deleted", "the pod was deleted");
        }
        var status = pod.getStatus();
        if (pod.getMetadata() != null && pod.getMetadata().getDeletionTimestamp() != null && status != null
                && "Running".equals(status.getPhase()) && !containerRunning(pod, container)) {
            return failed("Deleted", "the pod is being deleted");
        }
        if (status == null) {
            return new PodState(Phase.STARTING, Optional.empty(), "Pending", "");
        }
        Optional<ContainerStatus> cli = Optional.ofNullable(status.getContainerStatuses()).orElse(List.of()).stream()
                .filter(candidate -> container.equals(candidate.getName())).findFirst();
        Optional<ContainerStateTerminated> terminated = cli.map(c -> c.getState()).map(s -> s.getTerminated());
        if ("Failed".equals(status.getPhase()) && "Evicted".equals(status.getReason())) {
            return failed("Evicted", text(status.getMessage()));
        }
        if (terminated.isPresent()) {
            ContainerStateTerminated end = terminated.get();
            String reason = text(end.getReason());
            if (reason.equals("OOMKilled")) {
                return new PodState(Phase.EXITED, Optional.of(end.getExitCode() == null ? KILLED : end.getExitCode()), reason,
                        "the CLI's container ran out of memory (its memory limit)");
            }
            return new PodState(Phase.EXITED, Optional.ofNullable(end.getExitCode()).or(() -> Optional.of(KILLED)), reason, text(end.getMessage()));
        }
        if ("Failed".equals(status.getPhase())) {
            return failed(text(status.getReason()).isEmpty() ? "Failed" : status.getReason(), text(status.getMessage()));
        }
        if ("Unknown".equals(status.getPhase())) {
            return failed("NodeLost", "the pod's node stopped reporting" + (text(status.getMessage()).isEmpty() ? "" : ": " + status.getMessage()));
        }
        if (containerRunning(pod, container)) {
            Optional<PodCondition> ready = conditions(pod).stream().filter(c -> "Ready".equals(c.getType())).findFirst();
            if (ready.isPresent() && "False".equals(ready.get().getStatus()) && "NodeLost".equals(ready.get().getReason())) {
                return failed("NodeLost", text(ready.get().getMessage()));
            }
            return new PodState(Phase.RUNNING, Optional.empty(), "Running", "");
        }
        Optional<ContainerStateWaiting> waiting = cli.map(c -> c.getState()).map(s -> s.getWaiting());
        if (waiting.isPresent() && STUCK.contains(text(waiting.get().getReason()))) {
            return failed(waiting.get().getReason(), text(waiting.get().getMessage()));
        }
        Optional<PodCondition> scheduled = conditions(pod).stream().filter(c -> "PodScheduled".equals(c.getType())).findFirst();
        if (scheduled.isPresent() && "False".equals(scheduled.get().getStatus()) && "Unschedulable".equals(scheduled.get().getReason())) {
            return new PodState(Phase.STARTING, Optional.empty(), "Unschedulable", text(scheduled.get().getMessage()));
        }
        return new PodState(Phase.STARTING, Optional.empty(), "Pending", "");
    }

    private static boolean containerRunning(Pod pod, String container) {
        return pod.getStatus() != null && Optional.ofNullable(pod.getStatus().getContainerStatuses()).orElse(List.of()).stream()
                .anyMatch(status -> container.equals(status.getName()) && status.getState() != null && status.getState().getRunning() != null);
    }

    private static List<PodCondition> conditions(Pod pod) {
        return Optional.ofNullable(pod.getStatus().getConditions()).orElse(List.of());
    }

    private static PodState failed(String reason, String message) {
        return new PodState(Phase.FAILED, Optional.empty(), reason, message);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** @return a sentence for an error message, such as {@code Evicted: The node was low on resource: memory.} */
    public String describe() {
        return message.isEmpty() ? reason : reason + ": " + message;
    }
}
