package dev.claudecode.internal.ssh.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.history.ProjectDirectories;
import dev.claudecode.ssh.pool.PoolHost;
import dev.claudecode.transport.LocalTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local transcript mirror, between two "hosts" that are two config directories on this machine. */
class TranscriptMirrorTest {

    @TempDir
    Path temp;

    private final String sessionId = UUID.randomUUID().toString();
    private Path cwd;
    private HostPlace hostA;
    private HostPlace hostB;
    private Path transcriptA;
    private TranscriptMirror mirror;

    @BeforeEach
    void hosts() throws IOException {
        cwd = Files.createDirectories(temp.resolve("work"));
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().cwd(cwd).build();
        hostA = HostPlace.of(slot("a"), options);
        hostB = HostPlace.of(slot("b"), options);
        transcriptA = ProjectDirectories.directoryFor(temp.resolve("config-a"), cwd).resolve(sessionId + ".jsonl");
        Files.createDirectories(transcriptA.getParent());
        mirror = new TranscriptMirror(temp.resolve("mirror"));
        mirror.acceptFrom(Optional.of(hostA));
    }

    private HostSlot slot(String name) {
        PoolHost host = PoolHost.builder().transport(LocalTransport.withBaseEnvironment(Map.of()))
                .env("CLAUDE_CONFIG_DIR", temp.resolve("config-" + name).toString()).build();
        return new HostSlot(host, name.charAt(0) - 'a');
    }

    private void update(Optional<String> expectedUuid) throws Exception {
        mirror.updateLater(hostA, sessionId, expectedUuid).get(10, TimeUnit.SECONDS);
    }

    private String copiedToB() throws IOException {
        mirror.copyTo(hostB, sessionId);
        return Files.readString(ProjectDirectories.directoryFor(temp.resolve("config-b"), cwd).resolve(sessionId + ".jsonl"));
    }

    @Test
    void newWholeLinesAreAppendedAndAPartialLastLineWaitsForItsEnd() throws Exception {
        Files.writeString(transcriptA, "{\"n\":1}\n{\"n\":2}\n{\"n\":");
        update(Optional.empty());
        assertThat(copiedToB()).isEqualTo("{\"n\":1}\n{\"n\":2}\n");

        Files.writeString(transcriptA, "3}\n{\"n\":4}\n", StandardOpenOption.APPEND);
        update(Optional.empty());
        assertThat(copiedToB()).isEqualTo("{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n{\"n\":4}\n");
    }

    @Test
    void anUpdateWaitsForTheRecordItExpects() throws Exception {
        String uuid = UUID.randomUUID().toString();
        Files.writeString(transcriptA, "{\"type\":\"user\"}\n");
        CompletableFuture<Void> done = mirror.updateLater(hostA, sessionId, Optional.of(uuid));
        Thread.sleep(200);
        Files.writeString(transcriptA, "{\"type\":\"assistant\",\"uuid\":\"" + uuid + "\"}\n", StandardOpenOption.APPEND);

        done.get(10, TimeUnit.SECONDS);

        assertThat(copiedToB()).endsWith("\"uuid\":\"" + uuid + "\"}\n");
    }

    @Test
    void aTranscriptThatNoLongerContinuesTheMirrorIsCopiedWhole() throws Exception {
        Files.writeString(transcriptA, "{\"n\":1}\n{\"n\":2}\n");
        update(Optional.empty());
        Files.writeString(transcriptA, "{\"rewritten\":true}\n{\"n\":3}\n{\"n\":4}\n");

        update(Optional.empty());

        assertThat(copiedToB()).isEqualTo("{\"rewritten\":true}\n{\"n\":3}\n{\"n\":4}\n");
    }

    @Test
    void filesBesideTheTranscriptAreCopiedWhenNewOrChanged() throws Exception {
        Path toolResults = Files.createDirectories(transcriptA.resolveSibling(sessionId).resolve("tool-results"));
        Files.writeString(transcriptA, "{}\n");
        Files.writeString(toolResults.resolve("toolu_1.json"), "big output");
        update(Optional.empty());
        Files.writeString(toolResults.resolve("toolu_1.json"), "bigger output");
        Files.writeString(toolResults.resolve("toolu_2.json"), "more");
        update(Optional.empty());

        mirror.copyTo(hostB, sessionId);

        Path copied = ProjectDirectories.directoryFor(temp.resolve("config-b"), cwd).resolve(sessionId).resolve("tool-results");
        assertThat(copied.resolve("toolu_1.json")).hasContent("bigger output");
        assertThat(copied.resolve("toolu_2.json")).hasContent("more");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copied.resolve("toolu_2.json")))).isEqualTo("rw-------");
    }

    @Test
    void onlyTheAcceptedHostWritesTheMirror() throws Exception {
        Files.writeString(transcriptA, "{}\n");
        mirror.acceptFrom(Optional.of(hostB));
        update(Optional.empty());
        assertThat(mirror.holds(sessionId)).isFalse();

        mirror.acceptFrom(Optional.of(hostA));
        update(Optional.empty());
        assertThat(mirror.holds(sessionId)).isTrue();
    }

    @Test
    void theCopyGoesWhereTheCliLooksForTheRealWorkingDirectory() throws Exception {
        Path real = Files.createDirectories(temp.resolve("real"));
        Path link = Files.createSymbolicLink(temp.resolve("link"), real);
        HostPlace linked = HostPlace.of(slot("b"), ClaudeCodeOptions.builder().cwd(link.resolve("project")).build());
        Files.writeString(transcriptA, "{}\n");
        update(Optional.empty());

        mirror.copyTo(linked, sessionId);

        Path copied = ProjectDirectories.directoryFor(temp.resolve("config-b"), real.toRealPath().resolve("project"))
                .resolve(sessionId + ".jsonl");
        assertThat(copied).hasContent("{}");
        assertThat(real.resolve("project")).as("the working directory is created").isDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copied))).isEqualTo("rw-------");
    }

    @Test
    void aMissingTranscriptLeavesTheMirrorEmptyAndClosingDeletesIt() throws Exception {
        update(Optional.empty());
        assertThat(mirror.holds(sessionId)).isFalse();

        Files.writeString(transcriptA, "{}\n");
        update(Optional.empty());
        assertThat(temp.resolve("mirror")).isNotEmptyDirectory();
        mirror.close();

        assertThat(temp.resolve("mirror")).doesNotExist();
        update(Optional.empty());
        assertThat(temp.resolve("mirror")).doesNotExist();
    }
}
