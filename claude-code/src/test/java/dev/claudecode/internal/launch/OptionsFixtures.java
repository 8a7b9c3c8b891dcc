package dev.claudecode.internal.launch;

import dev.claudecode.store.InMemorySessionStore;
import dev.claudecode.options.BaseTools;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.Effort;
import dev.claudecode.options.PermissionPrompts;
import dev.claudecode.options.PluginDelivery;
import dev.claudecode.options.Skills;
import dev.claudecode.options.PromptText;
import dev.claudecode.options.SessionStart;
import dev.claudecode.options.SettingSource;
import dev.claudecode.options.Thinking;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.permission.PermissionMode;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Options that together set every option, for tests that must cover every flag. */
final class OptionsFixtures {

    static final String API_KEY = "sk-ant-fixture-secret-0123456789";
    static final UUID SESSION_ID = UUID.fromString("3f2a9d4e-8c1b-4e5f-9a6d-2b7c8e9f0a1b");

    private OptionsFixtures() {
    }

    /**
     * Three option sets, because some options exclude each other (a resumed, continued or
     * pull-request start; a prompt given inline or from a file; the thinking choices); together
     * they reach every row of {@link CliArguments}.
     */
    static List<ClaudeCodeOptions> everyFlag(Path dir) {
        return List.of(resumeVariant(dir), continueVariant(dir), fromPrVariant());
    }

    static ClaudeCodeOptions resumeVariant(Path dir) {
        return ClaudeCodeOptions.builder()
                .apiKey(API_KEY)
                .env(Map.of("FIXTURE_VARIABLE", "1"))
                .model("sonnet")
                .fallbackModel("haiku")
                .effort(Effort.HIGH)
                .thinking(Thinking.adaptive())
                .thinkingDisplay("summarized")
                .betas("context-1m-2025-08-07")
                .maxTurns(3)
                .maxBudgetUsd(2.5)
                .taskBudget(5000)
                .systemPrompt("-be brief")
                .appendSystemPrompt("--and polite")
                .excludeDynamicSystemPromptSections(true)
                .planModeInstructions("plan carefully")
                .agent("Explore")
                .tools(BaseTools.only("Bash", "Read"))
                .allowedTools("Read", "Bash(git log *)")
                .disallowedTools("Write")
                .permissionMode(PermissionMode.PLAN)
                .permissionPromptTool("stdio")
                .permissionPrompts(PermissionPrompts.HOST)
                .skills(Skills.only("pdf"))
                .allowDangerouslySkipPermissions(true)
                .dangerouslySkipPermissions(true)
                .addDirs(dir.resolve("a"), dir.resolve("-b"))
                .mcpConfig("{\"mcpServers\":{\"fromJson\":{\"command\":\"true\"}}}")
                .mcpServer("calc", McpServerConfig.stdio("calc-server", "--port", "0"))
                .strictMcpConfig(true)
                .outputFormat(Map.of("type", "object"))
                .includePartialMessages(true)
                .replayUserMessages(true)
                .includeHookEvents(true)
                .promptSuggestions(true)
                .enableAuthStatus(true)
                .settings(Map.of("includeCoAuthoredBy", false))
                .sandbox(Map.of("enabled", false))
                .managedSettings(Map.of("permissions", Map.of("deny", List.of("WebFetch"))))
                .settingSources(SettingSource.USER, SettingSource.PROJECT)
                .plugins(dir.resolve("plugin"))
                .pluginsWithoutMcp(List.of(dir.resolve("plugin-no-mcp")))
                .pluginUrls(List.of(URI.create("https://plugins.example/p.zip")))
                .disableSlashCommands(true)
                .bare(true)
                .safeMode(true)
                .brief(true)
                .start(SessionStart.resume("-a session title").atMessage("msg_0001").droppingTurn("prompt_0001").forked(SESSION_ID))
                .noSessionPersistence(true)
                .name("-named")
                .files(List.of("file_abc:doc.txt"))
                .worktreeName("wt")
                .workload("nightly")
                .projectConfigRoot(dir.resolve("checkout"))
                .debugFilter("!1p,!file")
                .debugFile(dir.resolve("debug.log"))
                .build();
    }

    static ClaudeCodeOptions continueVariant(Path dir) {
        return ClaudeCodeOptions.builder()
                .start(SessionStart.continueLatest())
                .sessionStore(new InMemorySessionStore())
                .thinking(Thinking.enabled(2048))
                .systemPrompt(PromptText.file(dir.resolve("system.txt")))
                .appendSystemPrompt(PromptText.file(dir.resolve("append.txt")))
                .tools(BaseTools.defaults())
                .debug(true)
                .worktree(true)
                .plugins(dir.resolve("plugin"))
                .pluginDelivery(PluginDelivery.INITIALIZE)
                .build();
    }

    static ClaudeCodeOptions fromPrVariant() {
        return ClaudeCodeOptions.builder()
                .start(SessionStart.fromPr("123"))
                .thinking(Thinking.disabled())
                .tools(BaseTools.none())
                .build();
    }
}
