package dev.claudecode.internal.session;

import dev.claudecode.ClaudeCodeOptions;
import dev.claudecode.node.Node;
import java.nio.file.Path;

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
     * Works out the place from the options, the node and, for a local node, this process's
     * environment and directory.
     *
     * @param options the session's options
     * @param node the session's node
     * @param inheritedEnvironment the variables the CLI inherits (empty for remote nodes)
     * @param defaultCwd the directory the CLI starts in when the options name none
     * @return the place
     */
    public static SessionPlace of(ClaudeCodeOptions options, Node node, java.util.Map<String, String> inheritedEnvironment,
            Path defaultCwd) {
        String configured = options.env().getOrDefault(CONFIG_DIR_VARIABLE,
                options.inheritEnv().inherits(CONFIG_DIR_VARIABLE) ? inheritedEnvironment.get(CONFIG_DIR_VARIABLE) : null);
        Path configDir = configured != null && !configured.isBlank() ? node.path(configured) : node.home().resolve(".claude");
        Path cwd = options.cwd().map(dir -> node.path(dir.toString())).orElse(defaultCwd);
        return new SessionPlace(configDir, cwd);
    }
}
