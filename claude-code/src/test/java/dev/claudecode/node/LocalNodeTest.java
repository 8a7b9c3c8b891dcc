package dev.claudecode.node;

import dev.claudecode.errors.NodeCommandException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalNodeTest {

    private final Node node = LocalNode.instance();

    @TempDir
    Path dir;

    @Test
    void runsACommandAndCapturesItsOutputAndStatus() {
        CommandResult result = node.run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"),
                CommandOptions.defaults().withWorkingDirectory(dir.toString()));
        assertThat(result.exitStatus()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderr()).isEqualTo("err\n");
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void passesWorkingDirectoryEnvironmentAndInput() {
        CommandResult result = node.run(List.of("sh", "-c", "pwd; echo $GREETING; cat"),
                CommandOptions.defaults().withWorkingDirectory(dir.toString()).withEnvironment(Map.of("GREETING", "hi"))
                        .withInput("from stdin".getBytes(StandardCharsets.UTF_8)));
        assertThat(result.stdout()).isEqualTo(dir.toAbsolutePath() + "\nhi\nfrom stdin");
    }

    @Test
    void killsACommandThatRunsPastItsTimeout() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> node.run(Duration.ofMillis(300), "sleep", "30"))
                .isInstanceOf(NodeCommandException.class).hasMessageContaining("300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void capsCapturedOutput() {
        CommandResult result = node.run(List.of("sh", "-c", "head -c 100000 /dev/zero"),
                new CommandOptions(java.util.Optional.empty(), Map.of(), java.util.Optional.empty(), Duration.ofSeconds(30), 1000));
        assertThat(result.stdout()).hasSize(1000);
        assertThat(result.truncated()).isTrue();
    }

    @Test
    void itsFileSystemIsThisMachines() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "x");
        assertThat(Files.readString(node.path(dir.resolve("a.txt").toString()))).isEqualTo("x");
        assertThat(node.home()).isEqualTo(Path.of(System.getProperty("user.home")));
        assertThatThrownBy(() -> node.run("/no/such/program")).isInstanceOf(NodeCommandException.class);
    }
}
