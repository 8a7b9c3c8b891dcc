package dev.claudecode.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalEnvironmentTest {

    @Test
    void theCurrentOneIsTheJvmsOwn() {
        LocalEnvironment current = LocalEnvironment.current();

        assertThat(current.variables()).isEqualTo(System.getenv());
        assertThat(current.homeDir()).isEqualTo(Path.of(System.getProperty("user.home")).toAbsolutePath());
        assertThat(current.workingDir()).isEqualTo(Path.of("").toAbsolutePath());
    }

    @Test
    void directoriesAreMadeAbsoluteAndVariablesCopied() {
        Map<String, String> variables = new HashMap<>(Map.of("PATH", "/bin"));
        LocalEnvironment local = new LocalEnvironment(variables, Path.of("home"), Path.of("project"));
        variables.put("PATH", "/changed");

        assertThat(local.homeDir()).isEqualTo(Path.of("home").toAbsolutePath());
        assertThat(local.workingDir()).isEqualTo(Path.of("project").toAbsolutePath());
        assertThat(local.variables()).containsExactly(Map.entry("PATH", "/bin"));
        assertThatThrownBy(() -> local.variables().put("X", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void eachWitherChangesOneComponent() {
        LocalEnvironment local = new LocalEnvironment(Map.of("A", "1"), Path.of("/h"), Path.of("/w"));

        assertThat(local.withVariables(Map.of("B", "2")))
                .isEqualTo(new LocalEnvironment(Map.of("B", "2"), Path.of("/h"), Path.of("/w")));
        assertThat(local.withHomeDir(Path.of("/h2")))
                .isEqualTo(new LocalEnvironment(Map.of("A", "1"), Path.of("/h2"), Path.of("/w")));
        assertThat(local.withWorkingDir(Path.of("/w2")))
                .isEqualTo(new LocalEnvironment(Map.of("A", "1"), Path.of("/h"), Path.of("/w2")));
    }

    @Test
    void toStringNamesTheVariablesButNotTheirValues() {
        LocalEnvironment local = new LocalEnvironment(Map.of("NPM_TOKEN", "s3cret-value", "PATH", "/bin"),
                Path.of("/h"), Path.of("/w"));

        assertThat(local.toString()).contains("NPM_TOKEN", "PATH", "/h", "/w").doesNotContain("s3cret-value", "/bin");
    }
}
