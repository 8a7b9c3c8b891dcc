package dev.claudecode.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.node.CommandOptions;
import dev.claudecode.node.CommandResult;
import dev.claudecode.errors.NodeCommandException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The remote host as a node: SFTP file system and commands. The "remote" host is this machine, so results are checked locally. */
class SshNodeIT {

    @RegisterExtension
    static final SshFixture server = new SshFixture();

    @TempDir
    Path temp;

    private SshTransport transport;
    private SshNode node;

    @BeforeEach
    void connect() {
        transport = server.transport().build();
        node = transport.node();
    }

    @AfterEach
    void close() {
        transport.close();
    }

    @Test
    void theNodeIsNamedByItsAddress() {
        assertThat(node.name()).isEqualTo("ssh://" + server.sshd().user() + "@127.0.0.1:" + server.sshd().port());
        assertThat(transport.name()).isEqualTo(node.name());
    }

    @Test
    void homeIsTheRemoteUsersHomeDirectory() {
        Path home = node.home();

        assertThat(home.getFileSystem()).isSameAs(node.fileSystem());
        assertThat(home.toString()).isEqualTo(System.getProperty("user.home"));
    }

    @Test
    void writesReadsListsAndDeletesFilesOverSftp() throws Exception {
        Path remoteDir = node.path(temp.toString(), "remote");

        Files.createDirectories(remoteDir.resolve("sub"));
        Files.writeString(remoteDir.resolve("a.txt"), "héllo\n", StandardCharsets.UTF_8);
        Files.write(remoteDir.resolve("sub").resolve("b.bin"), new byte[] {0, 1, 2, (byte) 255});

        assertThat(Files.readString(temp.resolve("remote").resolve("a.txt"))).isEqualTo("héllo\n");
        assertThat(Files.readString(remoteDir.resolve("a.txt"))).isEqualTo("héllo\n");
        assertThat(Files.readAllBytes(remoteDir.resolve("sub/b.bin"))).containsExactly(0, 1, 2, 255);
        assertThat(Files.size(remoteDir.resolve("sub/b.bin"))).isEqualTo(4);
        assertThat(Files.isDirectory(remoteDir.resolve("sub"))).isTrue();
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(remoteDir)) {
            entries.forEach(entry -> names.add(entry.getFileName().toString()));
        }
        assertThat(names).containsExactlyInAnyOrder("a.txt", "sub");
        Files.setPosixFilePermissions(remoteDir.resolve("a.txt"), PosixFilePermissions.fromString("rw-------"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("remote/a.txt")))).isEqualTo("rw-------");

        Files.delete(remoteDir.resolve("sub/b.bin"));
        assertThat(temp.resolve("remote/sub/b.bin")).doesNotExist();
        assertThat(Files.exists(remoteDir.resolve("sub/b.bin"))).isFalse();
    }

    @Test
    void pathsAreRelativeToTheHomeDirectoryUnlessAbsolute() {
        assertThat(node.home().resolve(".profile-does-not-matter").getParent()).isEqualTo(node.home());
        assertThat(node.path("/etc/hostname").isAbsolute()).isTrue();
    }

    @Test
    void runsACommandWithInputAndCapturesItsOutput() {
        CommandResult result = node.run(List.of("/bin/sh", "-c", "tr a-z A-Z; echo oops >&2; exit 3"),
                CommandOptions.defaults().withInput("shout\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(result.exitStatus()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("SHOUT\n");
        assertThat(result.stderr()).isEqualTo("oops\n");
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void runsInAWorkingDirectoryWithExtraEnvironment() throws Exception {
        Files.createDirectories(temp.resolve("work dir"));

        CommandResult result = node.run(List.of("/bin/sh", "-c", "pwd; printf '%s\\n' \"$GREETING\""),
                CommandOptions.defaults().withWorkingDirectory(temp.resolve("work dir").toString())
                        .withEnvironment(Map.of("GREETING", "it's me")));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.stdout()).isEqualTo(temp.resolve("work dir") + "\nit's me\n");
    }

    @Test
    void aMissingWorkingDirectoryIsAnErrorNotCreated() {
        Path missing = temp.resolve("missing");

        assertThatThrownBy(() -> node.run(List.of("/bin/pwd"), CommandOptions.defaults().withWorkingDirectory(missing.toString())))
                .isInstanceOf(NodeCommandException.class)
                .hasMessageContaining("cannot enter the working directory");
        assertThat(missing).doesNotExist();
    }

    @Test
    void aMissingCommandIsAnError() {
        assertThatThrownBy(() -> node.run("/no/such/command"))
                .isInstanceOf(NodeCommandException.class)
                .hasMessageContaining("/no/such/command is not found or not executable");
    }

    @Test
    void aCommandPastItsTimeoutIsKilledWithItsWholeGroup() throws Exception {
        Path pids = temp.resolve("pids");

        assertThatThrownBy(() -> node.run(Duration.ofMillis(500), "/bin/sh", "-c", "sleep 300 & echo $$ $! > '" + pids + "'; wait"))
                .isInstanceOf(NodeCommandException.class)
                .hasMessageContaining("ran longer than 500 ms");

        long group = Long.parseLong(Files.readString(pids).strip().split(" ")[0]);
        assertThat(ProcFs.await(Duration.ofSeconds(5), () -> ProcFs.liveProcessesInGroup(group).isEmpty()))
                .as("left in group %d: %s", group, ProcFs.liveProcessesInGroup(group)).isTrue();
    }

    @Test
    void outputBeyondTheLimitIsDroppedAndReported() {
        CommandOptions options = new CommandOptions(java.util.Optional.empty(), Map.of(), java.util.Optional.empty(),
                Duration.ofSeconds(30), 1000);

        CommandResult result = node.run(List.of("/bin/sh", "-c", "head -c 100000 /dev/zero | tr '\\0' x"), options);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.stdout()).hasSize(1000).matches("x+");
        assertThat(result.truncated()).isTrue();
    }

    @Test
    void theFileSystemOfALostConnectionIsReplacedOnTheNextCall() throws Exception {
        Path file = temp.resolve("survivor.txt");
        Files.writeString(file, "still here");
        java.nio.file.FileSystem before = node.fileSystem();

        server.sshd().dropConnections();
        assertThat(ProcFs.await(Duration.ofSeconds(10), () -> !before.isOpen())).isTrue();

        assertThat(Files.readString(node.path(file.toString()))).isEqualTo("still here");
        assertThat(node.fileSystem()).isNotSameAs(before);
    }
}
