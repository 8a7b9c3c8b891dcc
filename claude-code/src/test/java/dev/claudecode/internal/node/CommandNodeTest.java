package dev.claudecode.internal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.node.CommandOptions;
import dev.claudecode.node.CommandResult;
import dev.claudecode.errors.NodeCommandException;
import dev.claudecode.transport.LaunchSpec;
import dev.claudecode.transport.LocalTransport;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node reached only through commands, here local processes started one by one, as a container's exec would. */
class CommandNodeTest {

    @TempDir
    Path dir;

    private final AtomicInteger started = new AtomicInteger();

    private CommandNode node() {
        CommandRunner runner = (command, environment, workingDirectory) -> {
            started.incrementAndGet();
            return LocalTransport.create().launch(new LaunchSpec(command.get(0), command.subList(1, command.size()), environment,
                    name -> name.equals("PATH"), workingDirectory));
        };
        return new CommandNode("test://node", runner, dir.toString(), Duration.ofSeconds(30));
    }

    @Test
    void filesWrittenThroughCommandsAreTheMachinesFiles() throws Exception {
        CommandNode node = node();
        Path file = node.path(dir.toString(), "a file with 'quotes' and $dollars");
        Files.writeString(file, "hello\nworld\n");

        assertThat(Files.readString(dir.resolve("a file with 'quotes' and $dollars"))).isEqualTo("hello\nworld\n");
        assertThat(Files.readString(file)).isEqualTo("hello\nworld\n");
        assertThat(Files.readAllLines(file)).containsExactly("hello", "world");
        Files.writeString(file, "more\n", StandardOpenOption.APPEND);
        assertThat(Files.readString(file)).isEqualTo("hello\nworld\nmore\n");
        assertThat(Files.size(file)).isEqualTo(17);
        assertThat(Files.isRegularFile(file)).isTrue();
        assertThat(Files.isDirectory(file)).isFalse();
        assertThat(file.getFileSystem()).isSameAs(node.fileSystem());
    }

    @Test
    void directoriesAreListedCreatedAndDeleted() throws Exception {
        CommandNode node = node();
        Path sub = node.home().resolve("sub");
        Files.createDirectory(sub);
        Files.writeString(sub.resolve("one.txt"), "1");
        Files.writeString(sub.resolve(".hidden"), "2");
        Files.createDirectories(sub.resolve("deep/er"));

        try (Stream<Path> list = Files.list(sub)) {
            assertThat(list.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("one.txt", ".hidden", "deep");
        }
        try (Stream<Path> walk = Files.walk(sub)) {
            assertThat(walk.map(p -> sub.relativize(p).toString())).containsExactlyInAnyOrder("", "one.txt", ".hidden", "deep", "deep/er");
        }
        assertThatThrownBy(() -> Files.delete(sub)).isInstanceOf(DirectoryNotEmptyException.class);
        assertThatThrownBy(() -> Files.createDirectory(sub)).isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> Files.list(sub.resolve("one.txt"))).isInstanceOf(NotDirectoryException.class);
        Files.delete(sub.resolve("deep/er"));
        assertThat(Files.exists(sub.resolve("deep/er"))).isFalse();
        assertThat(Files.deleteIfExists(sub.resolve("deep/er"))).isFalse();
    }

    @Test
    void missingFilesFailAsTheDefaultFileSystemDoes() {
        CommandNode node = node();
        Path missing = node.home().resolve("missing");
        assertThatThrownBy(() -> Files.readString(missing)).isInstanceOf(NoSuchFileException.class).hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> Files.readAttributes(missing, BasicFileAttributes.class)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> Files.delete(missing)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> missing.toRealPath()).isInstanceOf(NoSuchFileException.class);
        assertThat(Files.exists(missing)).isFalse();
        assertThat(Files.notExists(missing)).isTrue();
    }

    @Test
    void copyMoveLinksAndRealPaths() throws Exception {
        CommandNode node = node();
        Path source = node.home().resolve("source.txt");
        Files.writeString(source, "content");
        Files.copy(source, node.home().resolve("copy.txt"));
        assertThatThrownBy(() -> Files.copy(source, node.home().resolve("copy.txt"))).isInstanceOf(FileAlreadyExistsException.class);
        Files.move(node.home().resolve("copy.txt"), node.home().resolve("moved.txt"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.readString(dir.resolve("moved.txt"))).isEqualTo("content");
        assertThat(Files.exists(dir.resolve("copy.txt"))).isFalse();

        Files.createDirectory(dir.resolve("real"));
        Path link = node.home().resolve("link");
        Files.createSymbolicLink(link, node.path(dir.resolve("real").toString()));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link).toString()).isEqualTo(dir.resolve("real").toString());
        assertThat(link.toRealPath().toString()).isEqualTo(dir.resolve("real").toRealPath().toString());
        assertThat(Files.isSameFile(link, node.path(dir.resolve("real").toString()))).isTrue();
    }

    @Test
    void aLargeFileStreamsAndSkipsForward() throws Exception {
        CommandNode node = node();
        byte[] big = new byte[3 * 1024 * 1024];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('a' + i % 26);
        }
        Path file = node.home().resolve("big.bin");
        Files.write(file, big);
        assertThat(Files.readAllBytes(file)).isEqualTo(big);
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            assertThat(channel.size()).isEqualTo(big.length);
            channel.position(big.length - 3);
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(10);
            assertThat(channel.read(tail)).isEqualTo(3);
            assertThat(new String(tail.array(), 0, 3, StandardCharsets.US_ASCII))
                    .isEqualTo(new String(big, big.length - 3, 3, StandardCharsets.US_ASCII));
            assertThatThrownBy(() -> channel.position(0)).isInstanceOf(UnsupportedOperationException.class);
        }
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(in.readNBytes(5)).isEqualTo("abcde".getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void pathsAreParsedAsPosixPaths() {
        CommandNode node = node();
        Path path = node.path("/a//b/./c/../d/");
        assertThat(path.toString()).isEqualTo("/a/b/./c/../d");
        assertThat(path.normalize().toString()).isEqualTo("/a/b/d");
        assertThat(path.getFileName().toString()).isEqualTo("d");
        assertThat(path.getParent().toString()).isEqualTo("/a/b/./c/..");
        assertThat(node.path("x/y").toAbsolutePath()).isEqualTo(node.home().resolve("x/y"));
        assertThat(node.path("/a/b").relativize(node.path("/a/c/d")).toString()).isEqualTo("../c/d");
        assertThat(node.path("/a/b/c").startsWith(node.path("/a/b"))).isTrue();
        assertThat(node.path("/a/b/c").endsWith(node.path("b/c"))).isTrue();
        assertThat(node.path("/").getFileName()).isNull();
        assertThat(node.path("/a").getParent().toString()).isEqualTo("/");
        assertThat(node.path("/a b").toUri().toString()).isEqualTo("claude-node:/a%20b");
    }

    @Test
    void commandsRunWithInputEnvironmentDirectoryAndTimeout() {
        CommandNode node = node();
        CommandResult result = node.run(List.of("/bin/sh", "-c", "pwd; echo \"$GREETING\"; cat; echo oops >&2; exit 3"),
                CommandOptions.defaults().withWorkingDirectory(dir.toString()).withEnvironment(java.util.Map.of("GREETING", "hi"))
                        .withInput("piped".getBytes(StandardCharsets.UTF_8)));
        assertThat(result.exitStatus()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo(dir + "\nhi\npiped");
        assertThat(result.stderr()).isEqualTo("oops\n");

        assertThatThrownBy(() -> node.run(Duration.ofMillis(300), "sleep", "30"))
                .isInstanceOf(NodeCommandException.class).hasMessageContaining("ran longer than 300 ms");
    }
}
