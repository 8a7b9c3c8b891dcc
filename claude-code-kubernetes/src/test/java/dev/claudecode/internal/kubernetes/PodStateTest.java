package dev.claudecode.internal.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a pod's status reads for the CLI container: each of the states Kubernetes reports. */
class PodStateTest {

    private static PodBuilder pod() {
        return new PodBuilder().withNewMetadata().withName("p").endMetadata();
    }

    @Test
    void aNewPodIsStartingAndAGoneOneWasDeleted() {
        assertThat(PodState.of(pod().build(), "claude").phase()).isEqualTo(PodState.Phase.STARTING);
        assertThat(PodState.of(null, "claude")).satisfies(state -> {
            assertThat(state.phase()).isEqualTo(PodState.Phase.FAILED);
            assertThat(state.reason()).isEqualTo("Deleted");
        });
    }

    @Test
    void anUnschedulablePodKeepsStartingWithTheSchedulersMessage() {
        Pod pod = pod().withNewStatus().withPhase("Pending").addToConditions(new PodConditionBuilder().withType("PodScheduled")
                .withStatus("False").withReason("Unschedulable").withMessage("0/2 nodes are available").build()).endStatus().build();
        PodState state = PodState.of(pod, "claude");
        assertThat(state.phase()).isEqualTo(PodState.Phase.STARTING);
        assertThat(state.describe()).isEqualTo("Unschedulable: 0/2 nodes are available");
    }

    @Test
    void runningExitedAndOutOfMemory() {
        Pod running = pod().withNewStatus().withPhase("Running").addToContainerStatuses(new ContainerStatusBuilder().withName("claude")
                .withNewState().withNewRunning().endRunning().endState().build()).endStatus().build();
        assertThat(PodState.of(running, "claude").phase()).isEqualTo(PodState.Phase.RUNNING);
        assertThat(PodState.of(running, "other").phase()).as("another container's state is not the CLI's").isEqualTo(PodState.Phase.STARTING);

        Pod exited = pod().withNewStatus().withPhase("Failed").addToContainerStatuses(new ContainerStatusBuilder().withName("claude")
                .withNewState().withNewTerminated().withExitCode(3).withReason("Error").endTerminated().endState().build()).endStatus().build();
        assertThat(PodState.of(exited, "claude").exitStatus()).isEqualTo(Optional.of(3));

        Pod oom = pod().withNewStatus().withPhase("Failed").addToContainerStatuses(new ContainerStatusBuilder().withName("claude")
                .withNewState().withNewTerminated().withExitCode(137).withReason("OOMKilled").endTerminated().endState().build()).endStatus().build();
        assertThat(PodState.of(oom, "claude")).satisfies(state -> {
            assertThat(state.exitStatus()).contains(137);
            assertThat(state.describe()).contains("OOMKilled", "memory limit");
        });
    }

    @Test
    void evictionALostNodeAndAnUnpullableImageAreFailures() {
        Pod evicted = pod().withNewStatus().withPhase("Failed").withReason("Evicted").withMessage("low on memory").endStatus().build();
        assertThat(PodState.of(evicted, "claude").describe()).isEqualTo("Evicted: low on memory");

        Pod lost = pod().withNewStatus().withPhase("Unknown").endStatus().build();
        assertThat(PodState.of(lost, "claude")).satisfies(state -> {
            assertThat(state.phase()).isEqualTo(PodState.Phase.FAILED);
            assertThat(state.reason()).isEqualTo("NodeLost");
        });

        Pod unpullable = pod().withNewStatus().withPhase("Pending").addToContainerStatuses(new ContainerStatusBuilder().withName("claude")
                .withNewState().withNewWaiting().withReason("ImagePullBackOff").withMessage("back-off").endWaiting().endState().build())
                .endStatus().build();
        assertThat(PodState.of(unpullable, "claude").describe()).isEqualTo("ImagePullBackOff: back-off");

        Pod creating = pod().withNewStatus().withPhase("Pending").addToContainerStatuses(new ContainerStatusBuilder().withName("claude")
                .withNewState().withNewWaiting().withReason("ContainerCreating").endWaiting().endState().build()).endStatus().build();
        assertThat(PodState.of(creating, "claude").phase()).isEqualTo(PodState.Phase.STARTING);
    }
}
