package dev.claudecode.options;

import dev.claudecode.errors.InvalidOptionsException;
import dev.claudecode.internal.protocol.ProtocolFlags;
import dev.claudecode.store.SessionKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks {@link ClaudeCodeOptions.Builder#build()} runs. They catch, before a process is
 * started, what the CLI would reject with a terse message on stderr (ranges, blank values) and
 * what it would silently misread (a sandbox next to a settings file). Choices that exclude each
 * other are types ({@link SessionStart}, {@link PromptText}, {@link Thinking}), which need no check
 * here. Every problem is collected, so one exception names them all.
 */
final class OptionsValidation {

    private static final Pattern ENV_NAME = Pattern.compile("[^=\\x00]+");

    private final List<String> problems = new ArrayList<>();

    private OptionsValidation() {
    }

    /**
     * Checks the options.
     *
     * @param options the options to check
     * @throws InvalidOptionsException naming every problem found
     */
    static void check(ClaudeCodeOptions options) {
        OptionsValidation validation = new OptionsValidation();
        validation.ranges(options);
        validation.exclusive(options);
        validation.store(options);
        validation.texts(options);
        validation.paths(options);
        validation.environment(options);
        validation.extraArgs(options);
        if (!validation.problems.isEmpty()) {
            throw new InvalidOptionsException("invalid ClaudeCodeOptions: " + String.join("; ", validation.problems));
        }
    }

    private void ranges(ClaudeCodeOptions o) {
        o.maxTurns().ifPresent(n -> require(n > 0, "maxTurns must be positive, was " + n));
        o.maxBudgetUsd().ifPresent(usd -> require(usd > 0 && Double.isFinite(usd),
                "maxBudgetUsd must be a positive finite number, was " + usd));
        o.taskBudget().ifPresent(n -> require(n > 0, "taskBudget must be positive, was " + n));
        o.maxStdoutLineBytes().ifPresent(n -> require(n > 0, "maxStdoutLineBytes must be positive, was " + n));
        o.maxBufferedBytes().ifPresent(n -> require(n > 0, "maxBufferedBytes must be positive, was " + n));
        Duration timeout = o.controlTimeout();
        require(!timeout.isNegative() && !timeout.isZero(), "controlTimeout must be positive, was " + timeout);
        o.inactivityTimeout().ifPresent(limit -> positive("inactivityTimeout", limit));
        positive("permissionCallbackTimeout", o.permissionCallbackTimeout());
        positive("elicitationTimeout", o.elicitationTimeout());
        positive("userDialogTimeout", o.userDialogTimeout());
        positive("hookTimeout", o.hookTimeout());
        positive("mcpToolTimeout", o.mcpToolTimeout());
        positive("sessionStoreLoadTimeout", o.sessionStoreLoadTimeout());
    }

    private void store(ClaudeCodeOptions o) {
        o.sessionStoreProjectKey().ifPresent(key -> require(SessionKey.isValidName(key),
                "sessionStoreProjectKey must be one path name without '/', '\\' or control characters: '" + key + "'"));
        if (o.sessionStore().isPresent()) {
            require(!o.noSessionPersistence(), "sessionStore cannot be combined with noSessionPersistence: the CLI mirrors"
                    + " what it writes to disk, so it must write (give it a private CLAUDE_CONFIG_DIR to keep no lasting copy)");
            require(!o.enableFileCheckpointing(), "sessionStore cannot be combined with enableFileCheckpointing: the file"
                    + " checkpoints are not mirrored, so rewinding would fail after a resume from the store");
            require(!(o.start() instanceof SessionStart.FromPr),
                    "sessionStore cannot be combined with SessionStart.fromPr: the pull request's session is not in the store");
        }
    }

    private void exclusive(ClaudeCodeOptions o) {
        require(o.canUseTool().isEmpty() || o.permissionPromptTool().isEmpty(),
                "canUseTool and permissionPromptTool cannot be combined: canUseTool answers the permission prompts"
                        + " itself (the CLI is started with --permission-prompt-tool stdio)");
        require(o.supportedDialogKinds().isEmpty() || o.onUserDialog().isPresent(),
                "supportedDialogKinds needs onUserDialog: the CLI would send dialogs of these kinds that nobody answers");
        require(o.model().isEmpty() || !o.model().equals(o.fallbackModel()),
                "fallbackModel must differ from model");
        require(!(o.sandbox().isPresent() && o.settings().orElse(null) instanceof Settings.File),
                "sandbox cannot be merged into a settings file the CLI reads itself; give the settings as values or put the sandbox in the file");
        require(!(o.apiKey().isPresent() && o.env().containsKey("ANTHROPIC_API_KEY")),
                "apiKey and env ANTHROPIC_API_KEY cannot both be set");
        o.mcpServers().keySet().forEach(name -> require(!name.isBlank(), "an mcpServers name must not be blank"));
        if (o.permissionPrompts().orElse(null) == PermissionPrompts.NONE) {
            require(o.canUseTool().isEmpty(), "canUseTool cannot be combined with permissionPrompts NONE: with nobody to"
                    + " answer permission prompts, the CLI denies them and never asks the callback");
            require(o.permissionPromptTool().isEmpty(), "permissionPromptTool cannot be combined with permissionPrompts"
                    + " NONE: with nobody to answer permission prompts, the CLI never asks the tool");
        }
        require(!(o.appendSystemPrompt().orElse(null) instanceof PromptText.Blocks),
                "appendSystemPrompt takes one text, not blocks; give the blocks as systemPrompt");
        o.toolAliases().forEach((alias, target) -> {
            require(!alias.isBlank() && !target.isBlank(), "a toolAliases entry needs a tool name on both sides, was '"
                    + alias + "' -> '" + target + "'");
            require(!alias.equals(target), "the tool alias '" + alias + "' names itself");
        });
        o.agents().keySet().forEach(name -> require(!name.isBlank(), "an agents name must not be blank"));
    }

    // Values the CLI treats as present only when non-blank; a blank one is almost always a bug upstream.
    private void texts(ClaudeCodeOptions o) {
        notBlank("model", o.model());
        notBlank("fallbackModel", o.fallbackModel());
        notBlank("agent", o.agent());
        notBlank("permissionPromptTool", o.permissionPromptTool());
        notBlank("name", o.name());
        notBlank("worktreeName", o.worktreeName());
        notBlank("debugFilter", o.debugFilter());
        notBlank("thinkingDisplay", o.thinkingDisplay());
        notBlank("workload", o.workload());
        notBlank("apiKey", o.apiKey());
        o.betas().forEach(beta -> require(!beta.isBlank(), "betas must not contain a blank value"));
        o.supportedDialogKinds().forEach(kind -> require(!kind.isBlank(), "supportedDialogKinds must not contain a blank kind"));
        o.allowedTools().forEach(rule -> require(!rule.isBlank(), "allowedTools must not contain a blank rule"));
        o.disallowedTools().forEach(rule -> require(!rule.isBlank(), "disallowedTools must not contain a blank rule"));
        o.mcpConfig().forEach(config -> require(!config.isBlank(), "mcpConfig must not contain a blank value"));
        o.files().forEach(file -> require(file.contains(":"), "files entries are file_id:relative_path, was '" + file + "'"));
    }

    private void paths(ClaudeCodeOptions o) {
        o.projectConfigRoot().ifPresent(root -> require(root.isAbsolute(),
                "projectConfigRoot must be an absolute path, was '" + root + "'"));
    }

    private void environment(ClaudeCodeOptions o) {
        for (Map.Entry<String, String> variable : o.env().entrySet()) {
            require(ENV_NAME.matcher(variable.getKey()).matches(), "env name '" + variable.getKey() + "' is not valid");
            require(variable.getValue().indexOf('\0') < 0, "env " + variable.getKey() + " contains a NUL character");
        }
    }

    private void extraArgs(ClaudeCodeOptions o) {
        for (String flag : o.extraArgs().keySet()) {
            require(!ProtocolFlags.PROTOCOL_FLAGS.contains("--" + flag),
                    "extraArgs cannot set --" + flag + ": the library owns the protocol flags " + ProtocolFlags.PROTOCOL_FLAGS);
        }
    }

    private void positive(String option, Duration timeout) {
        require(!timeout.isNegative() && !timeout.isZero(), option + " must be positive, was " + timeout);
    }

    private void notBlank(String option, Optional<String> value) {
        value.ifPresent(text -> require(!text.isBlank(), option + " must not be blank"));
    }

    private void require(boolean condition, String problem) {
        if (!condition) {
            problems.add(problem);
        }
    }
}
