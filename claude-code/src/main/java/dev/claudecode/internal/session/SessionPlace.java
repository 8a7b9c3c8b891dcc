package dev.claudecode.internal.session;

import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.node.LocalNode;
import dev.claudecode.node.Node;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a session's files are on its node: the CLI's config directory (which holds the
 * transcripts) and the working directory (which names the project). Both are paths on the node's
 * own file system, so history is read where the CLI wrote it.
 *
 * @param configDir the {@code CLAUDE_CONFIG_DIR} the CLI uses
 * @param cwd the directory the CLI runs in
 */
public record SessionPlace(Path configDir, Path cwd) {

    private static final String CONFIG_DIR_VARIABLE = "CLAUDE_CONFIG_DIR";

    /**
     * Works out the place of a session with these options on this node. On this machine the CLI
     * inherits this process's environment and starts in its directory; on another machine it
     * gets only the variables of the options and starts in the login directory, the home.
     *
     * @param options the session's options
     * @param node the node the CLI runs on
     * @return the place
     */
    public static SessionPlace on(ClaudeCodeOptions options, Node node) {
        boolean local = node instanceof LocalNode;
        return of(options, node, local ? System.getenv() : Map.of(), local ? Path.of("").toAbsolutePath() : node.home());
    }

    /**
     * Works out the place from the options, the node and, for a local node, this process's
     * environment and directory. A working directory of {@code ~} or starting with {@code ~/}
     * is under the node's home, as a remote launch reads it; a relative one is under {@code
     * defaultCwd}, where the CLI process starts.
     *
     * @param options the session's options
     * @param node the session's node
     * @param inheritedEnvironment the variables the CLI inherits (empty for remote nodes)
     * @param defaultCwd the directory the CLI starts in when the options name none
     * @return the place
     */
    public static SessionPlace of(ClaudeCodeOptions options, Node node, Map<String, String> inheritedEnvironment,
            Path defaultCwd) {
        String configured = options.env().getOrDefault(CONFIG_DIR_VARIABLE,
                options.inheritEnv().inherits(CONFIG_DIR_VARIABLE) ? inheritedEnvironment.get(CONFIG_DIR_VARIABLE) : null);
        Path configDir = configured != null && !configured.isBlank() ? node.path(configured) : node.home().resolve(".claude");
        Path cwd = options.cwd().map(dir -> onNode(dir.toString(), node, defaultCwd)).orElse(defaultCwd);
        return new SessionPlace(configDir, cwd);
    }

    private static Path onNode(String dir, Node node, Path defaultCwd) {
        if (!(node instanceof LocalNode) && (dir.equals("~") || dir.startsWith("~/"))) {
            return dir.length() <= 2 ? node.home() : node.home().resolve(dir.substring(2));
        }
        Path path = node.path(dir);
        return path.isAbsolute() ? path : defaultCwd.resolve(path);
    }
}
