package dev.claudecode.ssh;

import static dev.claudecode.ssh.SshTransportIT.exitOf;
import static dev.claudecode.ssh.SshTransportIT.readAll;
import static dev.claudecode.ssh.SshTransportIT.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.errors.CliProcessException;
import dev.claudecode.cli.CliInstaller;
import dev.claudecode.errors.CliVersionMismatchException;
import dev.claudecode.transport.CliProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Which CLI runs on the host: a configured path, or the managed install copied there. */
class RemoteCliIT {

    /** The managed install's default version, which the fake local cache holds. */
    private static final String VERSION = dev.claudecode.ClaudeCode.cliVersion();

    @RegisterExtension
    static final SshFixture server = new SshFixture();

    @TempDir
    Path temp;

    @Test
    void theConfiguredRemotePathReplacesTheLaunchedExecutable() throws Exception {
        try (SshTransport transport = server.transport().cliPath("/bin/echo").build()) {
            CliProcess process = transport.launch(spec("/local/path/of/claude", List.of("from", "afar"), Map.of(), Optional.empty()));

            assertThat(readAll(process.stdout())).isEqualTo("from afar\n");
            assertThat(exitOf(process)).isZero();
        }
    }

    @Test
    void theManagedInstallIsCopiedToTheHostOnceThenRunThere() throws Exception {
        Path localCache = temp.resolve("local-cache");
        byte[] binary = fakeCli(localCache, VERSION);
        Path remoteCache = temp.resolve("remote-cache");
        Path remoteBinary = remoteCache.resolve(VERSION).resolve("claude");

        try (SshTransport transport = server.transport()
                .managedCli(CliInstaller.builder().cacheDir(localCache).build())
                .remoteCliCacheDir(remoteCache.toString())
                .build()) {
            CliProcess first = transport.launch(spec("/local/path/of/claude", List.of("hello"), Map.of(), Optional.empty()));
            assertThat(readAll(first.stdout())).isEqualTo("fake claude hello\n");
            assertThat(exitOf(first)).isZero();
            assertThat(Files.readAllBytes(remoteBinary)).isEqualTo(binary);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(remoteBinary))).isEqualTo("rwxr-xr-x");
            assertThat(remoteBinary.getParent()).isDirectoryNotContaining("glob:**/.partial-*");
            FileTime copied = Files.getLastModifiedTime(remoteBinary);
            Files.setLastModifiedTime(remoteBinary, FileTime.fromMillis(copied.toMillis() - 60_000));
            FileTime marked = Files.getLastModifiedTime(remoteBinary);

            CliProcess second = transport.launch(spec("/local/path/of/claude", List.of("again"), Map.of(), Optional.empty()));
            assertThat(readAll(second.stdout())).isEqualTo("fake claude again\n");
            assertThat(exitOf(second)).isZero();
            assertThat(Files.getLastModifiedTime(remoteBinary)).as("not copied again").isEqualTo(marked);
        }
    }

    @Test
    void aCopyThatReportsAnotherVersionIsRefusedAndRemoved() throws Exception {
        Path localCache = temp.resolve("local-cache");
        fakeCli(localCache, VERSION);
        Files.writeString(localCache.resolve(VERSION).resolve("claude"), script("2.1.196"));
        Path remoteCache = temp.resolve("remote-cache");

        try (SshTransport transport = server.transport()
                .managedCli(CliInstaller.builder().cacheDir(localCache).build())
                .remoteCliCacheDir(remoteCache.toString())
                .build()) {
            assertThatThrownBy(() -> transport.launch(spec("claude", List.of(), Map.of(), Optional.empty())))
                    .isInstanceOf(CliProcessException.class)
                    .hasCauseInstanceOf(CliVersionMismatchException.class);
        }
        assertThat(remoteCache.resolve(VERSION)).isEmptyDirectory();
    }

    private static byte[] fakeCli(Path cache, String version) throws Exception {
        Path binary = cache.resolve(version).resolve("claude");
        Files.createDirectories(binary.getParent());
        Files.writeString(binary, script(version));
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
        return Files.readAllBytes(binary);
    }

    private static String script(String version) {
        return "#!/bin/sh\n"
                + "if [ \"$1\" = --version ]; then echo '" + version + " (Claude Code)'; exit 0; fi\n"
                + "echo \"fake claude $*\"\n";
    }
}
