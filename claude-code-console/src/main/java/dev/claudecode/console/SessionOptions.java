package dev.claudecode.console;

import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.console.session.LiveSession;
import dev.claudecode.console.session.ModelBackend;
import dev.claudecode.permission.PermissionMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options of the commands that run a session: {@code ask}, {@code chat} and {@code serve}. */
final class SessionOptions {

    @Option(names = "--model", description = "The model, e.g. sonnet or opus.")
    String model;

    @Option(names = "--cwd", description = "The directory Claude Code works in (default: the current one).")
    Path cwd;

    @Option(names = "--permission-mode", converter = PermissionModeConverter.class, completionCandidates = PermissionModes.class,
            paramLabel = "MODE", description = "One of: ${COMPLETION-CANDIDATES}.")
    String permissionMode;

    @Option(names = "--allowed-tools", split = ",", description = "Tools that run without asking, e.g. Bash,Read.")
    List<String> allowedTools;

    @Option(names = "--max-turns", description = "The most model turns an answer may take.")
    Integer maxTurns;

    @Option(names = "--permission-timeout", defaultValue = "300", paramLabel = "SECONDS",
            description = "How long a permission question waits for its answer before the tool is denied (default: ${DEFAULT-VALUE}).")
    long permissionTimeoutSeconds;

    @Option(names = "--offline", description = "Use the built-in offline stand-in model even when ANTHROPIC_API_KEY is set.")
    boolean offline;

    @Option(names = "--config-dir", description = "Where Claude Code keeps its sessions (CLAUDE_CONFIG_DIR; "
            + "default: ~/.claude, or a temporary directory for the offline stand-in).")
    Path configDir;

    /** @return the model backend these options ask for; close it when done */
    ModelBackend backend() {
        return ModelBackend.choose(offline, System.getenv(), Optional.ofNullable(configDir));
    }

    /**
     * @param backend the model backend
     * @return the options of a session on that backend
     */
    ClaudeCodeOptions options(ModelBackend backend) {
        ClaudeCodeOptions.Builder options = ClaudeCodeOptions.builder()
                .cliInstallProgress(InstallProgressBar.onStandardError())
                .cwd(workingDirectory())
                .env(backend.environment())
                .includePartialMessages(true)
                .permissionCallbackTimeout(Duration.ofSeconds(Math.max(1, permissionTimeoutSeconds)));
        if (model != null) {
            options.model(model);
        }
        if (permissionMode != null) {
            options.permissionMode(PermissionMode.of(permissionMode));
        }
        if (allowedTools != null) {
            options.allowedTools(allowedTools);
        }
        if (maxTurns != null) {
            options.maxTurns(maxTurns);
        }
        return options.build();
    }

    /** The permission modes the CLI knows, for the help text. */
    static final class PermissionModes implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return LiveSession.PERMISSION_MODES.iterator();
        }
    }

    /** Refuses an unknown permission mode while the command line is read, before any CLI starts (the CLI would take it silently). */
    static final class PermissionModeConverter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return LiveSession.checkPermissionMode(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** @return the directory Claude Code works in */
    Path workingDirectory() {
        return cwd != null ? cwd.toAbsolutePath() : Path.of("").toAbsolutePath();
    }
}
