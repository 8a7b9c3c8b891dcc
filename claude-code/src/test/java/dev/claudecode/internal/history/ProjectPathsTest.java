package dev.claudecode.internal.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link walk that stands in for realpath on file systems whose toRealPath does not resolve links. */
class ProjectPathsTest {

    @TempDir
    Path temp;

    @Test
    void resolvesAbsoluteRelativeAndChainedLinksLikeTheOperatingSystem() throws IOException {
        Path real = Files.createDirectories(temp.resolve("real").resolve("project"));
        Path absoluteLink = Files.createSymbolicLink(temp.resolve("abs"), real.toAbsolutePath());
        Path relativeLink = Files.createSymbolicLink(temp.resolve("rel"), Path.of("real"));
        Path chained = Files.createSymbolicLink(temp.resolve("chain"), Path.of("rel/project"));
        Path upAndOver = Files.createSymbolicLink(real.resolve("up"), Path.of("../../abs/.."));

        for (Path path : new Path[] {absoluteLink, relativeLink.resolve("project"), chained, upAndOver.resolve("project"),
                temp.resolve("rel/./project/../project")}) {
            assertThat(ProjectPaths.resolveLinks(path)).as("%s", path).isEqualTo(path.toRealPath());
        }
    }

    @Test
    void aLinkLoopIsAnError() throws IOException {
        Path a = temp.resolve("a");
        Files.createSymbolicLink(a, temp.resolve("b"));
        Files.createSymbolicLink(temp.resolve("b"), a);

        assertThatThrownBy(() -> ProjectPaths.resolveLinks(a)).isInstanceOf(IOException.class).hasMessageContaining("symbolic links");
    }

    @Test
    void aDanglingLinkIsAnError() throws IOException {
        Path dangling = Files.createSymbolicLink(temp.resolve("dangling"), temp.resolve("nowhere"));

        assertThatThrownBy(() -> ProjectPaths.resolveLinks(dangling)).isInstanceOf(IOException.class);
    }
}
