package dev.claudecode.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.node.CommandOptions;
import dev.claudecode.node.CommandResult;
import dev.claudecode.node.LocalNode;
import dev.claudecode.node.Node;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a session's config and working directories are on local and remote nodes. */
class SessionPlaceTest {

    private static final Path REMOTE_HOME = Path.of("/home/agent");

    /** A remote node as far as SessionPlace can tell: not the local one, with a home of its own. */
    private static final Node REMOTE = new Node() {
        @Override
        public String name() {
            return "ssh://agent@host:22";
        }

        @Override
        public FileSystem fileSystem() {
            return FileSystems.getDefault();
        }

        @Override
        public Path home() {
            return REMOTE_HOME;
        }

        @Override
        public CommandResult run(List<String> command, CommandOptions options) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void onARemoteNodeTheHomeHoldsTheConfigAndTheLoginDirectoryIsTheDefaultCwd() {
        SessionPlace place = SessionPlace.on(ClaudeCodeOptions.builder().build(), REMOTE);

        assertThat(place.configDir()).isEqualTo(REMOTE_HOME.resolve(".claude"));
        assertThat(place.cwd()).isEqualTo(REMOTE_HOME);
    }

    @Test
    void onARemoteNodeTildeAndRelativeWorkingDirectoriesAreUnderTheHome() {
        assertThat(SessionPlace.on(ClaudeCodeOptions.builder().cwd(Path.of("~/work/app")).build(), REMOTE).cwd())
                .isEqualTo(REMOTE_HOME.resolve("work/app"));
        assertThat(SessionPlace.on(ClaudeCodeOptions.builder().cwd(Path.of("~")).build(), REMOTE).cwd()).isEqualTo(REMOTE_HOME);
        assertThat(SessionPlace.on(ClaudeCodeOptions.builder().cwd(Path.of("work")).build(), REMOTE).cwd())
                .isEqualTo(REMOTE_HOME.resolve("work"));
        assertThat(SessionPlace.on(ClaudeCodeOptions.builder().cwd(Path.of("/srv/app")).build(), REMOTE).cwd())
                .isEqualTo(Path.of("/srv/app"));
    }

    @Test
    void theOptionsConfigDirWinsAndARemoteNodeInheritsNothing() {
        ClaudeCodeOptions configured = ClaudeCodeOptions.builder().env("CLAUDE_CONFIG_DIR", "/srv/claude-config").build();

        assertThat(SessionPlace.on(configured, REMOTE).configDir()).isEqualTo(Path.of("/srv/claude-config"));
        assertThat(SessionPlace.of(ClaudeCodeOptions.builder().build(), REMOTE, java.util.Map.of(), REMOTE_HOME).configDir())
                .isEqualTo(REMOTE_HOME.resolve(".claude"));
    }

    @Test
    void locallyARelativeWorkingDirectoryIsUnderThisProcesssDirectoryAndTildeIsJustAName() {
        Path here = Path.of("").toAbsolutePath();

        assertThat(SessionPlace.on(ClaudeCodeOptions.builder().cwd(Path.of("sub")).build(), LocalNode.instance()).cwd())
                .isEqualTo(here.resolve("sub"));
        assertThat(SessionPlace.on(ClaudeCodeOptions.builder().cwd(Path.of("~/x")).build(), LocalNode.instance()).cwd())
                .isEqualTo(here.resolve("~/x"));
        assertThat(SessionPlace.on(ClaudeCodeOptions.builder().build(), LocalNode.instance()).cwd()).isEqualTo(here);
    }
}
