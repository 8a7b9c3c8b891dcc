package dev.claudecode.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.internal.launch.LaunchFiles.Lifetime;
import dev.claudecode.internal.process.LocalLaunchFiles;
import dev.claudecode.node.LocalNode;
import dev.claudecode.transport.LaunchSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Private launch files on this machine: owner-only from their creation, each removed when the CLI no longer needs it. */
class LaunchFilesTest {

    @Test
    void filesAreOwnerOnlyAndGoWhenTheCliNoLongerNeedsThem() throws Exception {
        LaunchFiles files = new LaunchFiles(LocalNode::instance);
        String servers = files.add("mcp-servers.json", "{\"secret\":\"s3cr3t\"}", Lifetime.HANDSHAKE);
        String settings = files.add("settings.json", "{}", Lifetime.PROCESS);
        Path directory = Path.of(servers).getParent();
        assertThat(directory.getFileName().toString()).startsWith(LaunchFiles.PREFIX);
        assertThat(directory).doesNotExist(); // the transport writes them

        LocalLaunchFiles.create(files.files());
        assertThat(Files.getPosixFilePermissions(directory)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(Path.of(servers))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(Path.of(settings))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(Path.of(servers))).isEqualTo("{\"secret\":\"s3cr3t\"}");

        files.afterHandshake();
        await(() -> !Files.exists(Path.of(servers)));
        assertThat(Path.of(settings)).exists();

        files.afterExit();
        await(() -> !Files.exists(directory));
    }

    @Test
    void aDirectoryThatExistsAlreadyIsRefused() throws Exception {
        LaunchFiles files = new LaunchFiles(LocalNode::instance);
        String path = files.add("settings.json", "{}", Lifetime.PROCESS);
        Path directory = Files.createDirectory(Path.of(path).getParent());
        try {
            assertThatThrownBy(() -> LocalLaunchFiles.create(files.files())).isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
            assertThat(Path.of(path)).doesNotExist();
        } finally {
            Files.deleteIfExists(directory);
        }
    }

    @Test
    void namesAndPathsAreChecked() {
        LaunchFiles files = new LaunchFiles(LocalNode::instance);
        assertThatThrownBy(() -> files.add("../x", "", Lifetime.PROCESS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> files.add("a/b", "", Lifetime.PROCESS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LaunchSpec("c", List.of(), Map.of(), n -> true, Optional.empty(), Map.of("relative/x", "")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LaunchSpec("c", List.of(), Map.of(), n -> true, Optional.empty(),
                Map.of("/tmp/a/x", "", "/tmp/b/y", ""))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LaunchSpec("c", List.of(), Map.of(), n -> true, Optional.empty(), Map.of("/tmp/a/../x", "")))
                .isInstanceOf(IllegalArgumentException.class);
        LaunchSpec spec = new LaunchSpec("c", List.of(), Map.of(), n -> true, Optional.empty(), Map.of("/tmp/d/x", "secret-content"));
        assertThat(spec.toString()).contains("/tmp/d/x").doesNotContain("secret-content");
        assertThat(spec.filesDirectory()).contains("/tmp/d");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
