package dev.claudecode.internal.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pod of one CLI process: the user's template with the CLI container filled in. The CLI
 * container is the template's container named {@value #CONTAINER}, else its first; it gets the
 * launch command, an open stdin that is closed after the first attach ends, no terminal, and the
 * API key as a reference to a Kubernetes Secret. Nothing secret is ever written into the pod:
 * the launch environment travels over stdin (see {@link dev.claudecode.internal.node.EnvironmentPreamble}).
 */
public final class PodSpecs {

    /** The name of the CLI container. */
    public static final String CONTAINER = "claude";
    /** The variable that carries the API key. */
    public static final String API_KEY_VARIABLE = "ANTHROPIC_API_KEY";

    private PodSpecs() {
    }

    /**
     * A reference to a key of a Secret.
     *
     * @param name the Secret's name, in the pod's namespace
     * @param key the key in it
     */
    public record SecretKey(String name, String key) {
    }

    /**
     * Builds the pod.
     *
     * @param template the user's template (never changed)
     * @param generateName the prefix of the pod's generated name
     * @param labels labels to add
     * @param annotations annotations to add
     * @param command the CLI container's command
     * @param workingDirectory the container's working directory, when not the image's
     * @param apiKey where the API key comes from, if from a Secret
     * @return the pod to create
     */
    public static Pod pod(Pod template, String generateName, Map<String, String> labels, Map<String, String> annotations,
            List<String> command, Optional<String> workingDirectory, Optional<SecretKey> apiKey) {
        PodBuilder builder = new PodBuilder(template);
        Map<String, String> allLabels = new LinkedHashMap<>(Optional.ofNullable(template.getMetadata()).map(m -> m.getLabels()).orElse(Map.of()));
        allLabels.putAll(labels);
        Map<String, String> allAnnotations = new LinkedHashMap<>(
                Optional.ofNullable(template.getMetadata()).map(m -> m.getAnnotations()).orElse(Map.of()));
        allAnnotations.putAll(annotations);
        builder.editOrNewMetadata().withName(null).withGenerateName(generateName).withLabels(allLabels).withAnnotations(allAnnotations)
                .withResourceVersion(null).withUid(null).endMetadata();
        List<Container> containers = new ArrayList<>(template.getSpec() == null ? List.of() : template.getSpec().getContainers());
        int index = cliContainer(containers);
        Container cli = index < 0 ? new Container() : containers.get(index);
        List<EnvVar> env = new ArrayList<>(Optional.ofNullable(cli.getEnv()).orElse(List.of()));
        env.removeIf(variable -> variable.getName().equals(API_KEY_VARIABLE));
        apiKey.ifPresent(secret -> env.add(new EnvVarBuilder().withName(API_KEY_VARIABLE)
                .withNewValueFrom().withNewSecretKeyRef().withName(secret.name()).withKey(secret.key()).withOptional(false)
                .endSecretKeyRef().endValueFrom().build()));
        ContainerBuilder filled = new ContainerBuilder(cli)
                .withName(cli.getName() == null ? CONTAINER : cli.getName())
                .withCommand(command)
                .withArgs(List.of())
                .withStdin(true)
                .withStdinOnce(true)
                .withTty(false)
                .withEnv(env);
        workingDirectory.ifPresent(filled::withWorkingDir);
        if (index < 0) {
            containers.add(0, filled.build());
        } else {
            containers.set(index, filled.build());
        }
        return builder.editOrNewSpec().withContainers(containers).withRestartPolicy("Never").endSpec().withStatus(null).build();
    }

    /**
     * The CLI container's name in a pod built from this template.
     *
     * @param template the template
     * @return its name
     */
    public static String containerName(Pod template) {
        List<Container> containers = template.getSpec() == null ? List.of() : template.getSpec().getContainers();
        int index = cliContainer(containers);
        return index < 0 || containers.get(index).getName() == null ? CONTAINER : containers.get(index).getName();
    }

    private static int cliContainer(List<Container> containers) {
        for (int i = 0; i < containers.size(); i++) {
            if (CONTAINER.equals(containers.get(i).getName())) {
                return i;
            }
        }
        return containers.isEmpty() ? -1 : 0;
    }
}
