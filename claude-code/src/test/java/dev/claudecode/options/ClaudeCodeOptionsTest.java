package dev.claudecode.options;

import dev.claudecode.elicitation.ElicitationHandler;
import dev.claudecode.elicitation.ElicitationResult;
import dev.claudecode.elicitation.UserDialogHandler;
import dev.claudecode.elicitation.UserDialogResult;
import dev.claudecode.errors.InvalidOptionsException;
import dev.claudecode.mcp.ToolResult;
import dev.claudecode.mcp.SdkMcpServer;
import dev.claudecode.mcp.McpToolPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.options.ClaudeCodeOptions.Builder;
import dev.claudecode.hook.HookEvent;
import dev.claudecode.hook.HookMatcher;
import dev.claudecode.hook.HookOutput;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.permission.CanUseTool;
import dev.claudecode.permission.PermissionMode;
import dev.claudecode.permission.PermissionResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClaudeCodeOptionsTest {

    private static final UUID UUID_1 = UUID.fromString("3f2a9d4e-8c1b-4e5f-9a6d-2b7c8e9f0a1b");

    @Test
    void unsetOptionsAreEmptyAndTheDefaultsAreDocumented() {
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().build();

        assertThat(options.model()).isEmpty();
        assertThat(options.maxTurns()).isEmpty();
        assertThat(options.maxBudgetUsd()).isEmpty();
        assertThat(options.settingSources()).isEmpty();
        assertThat(options.allowedTools()).isEmpty();
        assertThat(options.env()).isEmpty();
        assertThat(options.extraArgs()).isEmpty();
        assertThat(options.maxStdoutLineBytes()).isEmpty();
        assertThat(options.debug()).isFalse();
        assertThat(options.controlTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.inactivityTimeout()).isEmpty();
        assertThat(options.inheritEnv()).isEqualTo(InheritEnv.all());
    }

    @Test
    void theInactivityTimeoutIsOffUntilSetAndNullTurnsItOffAgain() {
        ClaudeCodeOptions on = ClaudeCodeOptions.builder().inactivityTimeout(Duration.ofMinutes(5)).build();

        assertThat(on.inactivityTimeout()).contains(Duration.ofMinutes(5));
        assertThat(on.toBuilder().build()).isEqualTo(on);
        assertThat(on.toBuilder().inactivityTimeout(null).build().inactivityTimeout()).isEmpty();
        assertThat(on.toString()).contains("inactivityTimeout=PT5M");
    }

    @Test
    void toBuilderCopiesEverythingAndChangesNothingInTheOriginal() {
        ClaudeCodeOptions original = ClaudeCodeOptions.builder()
                .model("sonnet")
                .allowedTools("Read")
                .env("A", "1")
                .mcpServer("s", McpServerConfig.http("https://s.example/mcp"))
                .build();

        ClaudeCodeOptions copy = original.toBuilder().build();
        ClaudeCodeOptions changed = original.toBuilder().model("opus").allowedTools("Bash").env("B", "2").build();

        assertThat(copy).isEqualTo(original).hasSameHashCodeAs(original);
        assertThat(changed).isNotEqualTo(original);
        assertThat(original.model()).contains("sonnet");
        assertThat(original.allowedTools()).containsExactly("Read");
        assertThat(original.env()).containsOnlyKeys("A");
        assertThat(changed.env()).containsOnlyKeys("A", "B");
    }

    @Test
    void aBuilderIsNotAffectedByBuildingAndBuiltOptionsAreNotAffectedByTheBuilder() {
        Builder builder = ClaudeCodeOptions.builder().model("a");
        ClaudeCodeOptions first = builder.build();
        builder.model("b");

        assertThat(first.model()).contains("a");
        assertThat(builder.build().model()).contains("b");
    }

    @Test
    void collectionsAreCopiedAndUnmodifiable() {
        List<String> tools = new ArrayList<>(List.of("Read"));
        Map<String, Object> schema = new HashMap<>(Map.of("type", "object"));
        Map<String, Object> nested = new HashMap<>();
        schema.put("properties", nested);
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().allowedTools(tools).outputFormat(schema).build();

        tools.add("Bash");
        nested.put("late", "change");

        assertThat(options.allowedTools()).containsExactly("Read");
        assertThat(options.outputFormat().orElseThrow().get("properties")).isEqualTo(Map.of());
        assertThatThrownBy(() -> options.allowedTools().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> options.env().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullUnsetsAScalarOption() {
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().model("sonnet").build().toBuilder().model(null).build();

        assertThat(options.model()).isEmpty();
    }

    @Test
    void numbersTakePlainLiteralsAndOptionalsUnsetThem() {
        ClaudeCodeOptions set = ClaudeCodeOptions.builder()
                .maxTurns(3).maxBudgetUsd(5).taskBudget(10).maxStdoutLineBytes(1024).build();
        ClaudeCodeOptions unset = set.toBuilder()
                .maxTurns(OptionalInt.empty()).maxBudgetUsd(OptionalDouble.empty()).taskBudget(OptionalLong.empty())
                .maxStdoutLineBytes(OptionalInt.empty()).build();
        ClaudeCodeOptions copied = ClaudeCodeOptions.builder()
                .maxTurns(set.maxTurns()).maxBudgetUsd(set.maxBudgetUsd()).taskBudget(set.taskBudget())
                .maxStdoutLineBytes(set.maxStdoutLineBytes()).build();

        assertThat(set.maxBudgetUsd()).hasValue(5.0);
        assertThat(set.taskBudget()).hasValue(10L);
        assertThat(unset).isEqualTo(ClaudeCodeOptions.builder().build());
        assertThat(copied).isEqualTo(set);
    }

    @Test
    void debugFilterAndWorktreeNameSwitchTheirFlagOnAndFalseClearsThem() {
        ClaudeCodeOptions on = ClaudeCodeOptions.builder().debugFilter("api").worktreeName("w").build();
        ClaudeCodeOptions off = on.toBuilder().debug(false).worktree(false).build();

        assertThat(on.debug()).isTrue();
        assertThat(on.worktree()).isTrue();
        assertThat(off.debugFilter()).isEmpty();
        assertThat(off.worktreeName()).isEmpty();
        assertThat(off.debug()).isFalse();
    }

    @Test
    void toStringMasksTheApiKeyAndOmitsUnsetOptions() {
        String text = ClaudeCodeOptions.builder().apiKey("sk-secret-value").model("sonnet").build().toString();

        assertThat(text).contains("model=sonnet").contains("apiKey=***").doesNotContain("sk-secret-value")
                .doesNotContain("resume");
    }

    @Test
    void toStringNamesTheEnvironmentVariablesButShowsNoneOfTheirValues() {
        String text = ClaudeCodeOptions.builder().env("ANTHROPIC_API_KEY", "sk-ant-secret").env("TEAM", "blue")
                .build().toString();

        assertThat(text).contains("env={ANTHROPIC_API_KEY=***, TEAM=***}").doesNotContain("sk-ant-secret")
                .doesNotContain("blue");
    }

    @Test
    void toStringShowsNoValueOfSettingsMcpServersOrInlineMcpJson() {
        SdkMcpServer calc = SdkMcpServer.builder("calc").tool("add", "Add", Map.of("type", "object"), args -> ToolResult.text("0")).build();
        ClaudeCodeOptions options = ClaudeCodeOptions.builder()
                .mcpServer("files", new McpServerConfig.Stdio("npx", List.of("-y", "server"), Map.of("FILES_TOKEN", "stdio-secret-1")))
                .mcpServer("events", new McpServerConfig.Sse("https://user:pw-secret-2@e.example/sse?key=query-secret-3",
                        Map.of("Authorization", "Bearer header-secret-4")))
                .mcpServer("web", new McpServerConfig.Http("https://w.example/mcp", Map.of("X-Api-Key", "header-secret-5")))
                .mcpServer("calc", McpServerConfig.sdk(calc))
                .mcpConfig("servers.json", "{\"mcpServers\":{\"x\":{\"command\":\"x\",\"env\":{\"K\":\"inline-secret-6\"}}}}")
                .settings(Settings.of(Map.of("env", Map.of("GITHUB_TOKEN", "settings-secret-7"), "model", "haiku")))
                .managedSettings(Map.of("env", Map.of("CORP_TOKEN", "managed-secret-8")))
                .build();

        String text = options.toString();

        for (int i = 1; i <= 8; i++) {
            assertThat(text).doesNotContainPattern("secret-" + i + "\\b");
        }
        assertThat(text).contains("FILES_TOKEN=***", "Authorization=***", "X-Api-Key=***", "https://***@e.example/sse?***",
                "servers.json", "settings=Settings.Values{", "model=***", "managedSettings={env=***}", "command=npx", "args=[-y, server]");
        assertThat(new McpServerConfig.Http("not a url", Map.of()).toString()).isEqualTo("Http[url=***, headers={}, timeout=Optional.empty, alwaysLoad=Optional.empty, tools=[]]");
    }

    @Test
    void settingsMarkSecretsByKeyAndRefuseKeysTheyDoNotHold() {
        Settings.Values settings = Settings.of(Map.of("env", Map.of("GITHUB_TOKEN", "t"), "apiKeyHelper", "/bin/key"))
                .withSecret("env", "GITHUB_TOKEN").withSecret("apiKeyHelper");

        assertThat(settings.secrets()).containsExactly(List.of("env", "GITHUB_TOKEN"), List.of("apiKeyHelper"));
        assertThat(settings.toString()).doesNotContain("/bin/key").doesNotContain("GITHUB_TOKEN");
        assertThatThrownBy(() -> settings.withSecret("env", "NOPE")).isInstanceOf(InvalidOptionsException.class)
                .hasMessageContaining("env.NOPE");
        assertThatThrownBy(() -> settings.withSecret()).isInstanceOf(InvalidOptionsException.class);
        assertThat(settings.withSecret("env", "GITHUB_TOKEN")).isEqualTo(settings);
    }

    @Test
    void extraArgNamesAreNormalisedAndChecked() {
        assertThat(ClaudeCodeOptions.builder().extraArg("--chrome").build().extraArgs())
                .containsExactly(Map.entry("chrome", Optional.empty()));
        assertThatThrownBy(() -> ClaudeCodeOptions.builder().extraArg("-x")).isInstanceOf(InvalidOptionsException.class);
        assertThatThrownBy(() -> ClaudeCodeOptions.builder().extraArg("a=b")).isInstanceOf(InvalidOptionsException.class);
        assertThatThrownBy(() -> ClaudeCodeOptions.builder().extraArg("two words")).isInstanceOf(InvalidOptionsException.class);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad(b -> b.canUseTool(request -> PermissionResult.allow()).permissionPromptTool("mcp__auth__ask"),
                        "canUseTool and permissionPromptTool cannot be combined"),
                bad(b -> b.hookTimeout(Duration.ZERO), "hookTimeout must be positive"),
                bad(b -> b.permissionCallbackTimeout(Duration.ofSeconds(-1)), "permissionCallbackTimeout must be positive"),
                bad(b -> b.mcpToolTimeout(Duration.ZERO), "mcpToolTimeout must be positive"),
                bad(b -> b.elicitationTimeout(Duration.ZERO), "elicitationTimeout must be positive"),
                bad(b -> b.userDialogTimeout(Duration.ofSeconds(-1)), "userDialogTimeout must be positive"),
                bad(b -> b.supportedDialogKinds("refusal_fallback_prompt"), "supportedDialogKinds needs onUserDialog"),
                bad(b -> b.onUserDialog(request -> UserDialogResult.cancelled()).supportedDialogKinds(" "),
                        "supportedDialogKinds must not contain a blank kind"),
                bad(b -> b.maxTurns(0), "maxTurns must be positive"),
                bad(b -> b.maxTurns(-1), "maxTurns must be positive"),
                bad(b -> b.maxBudgetUsd(0.0), "maxBudgetUsd"),
                bad(b -> b.maxBudgetUsd(-2.0), "maxBudgetUsd"),
                bad(b -> b.maxBudgetUsd(Double.NaN), "maxBudgetUsd"),
                bad(b -> b.taskBudget(0), "taskBudget must be positive"),
                bad(b -> b.maxStdoutLineBytes(0), "maxStdoutLineBytes must be positive"),
                bad(b -> b.controlTimeout(Duration.ZERO), "controlTimeout must be positive"),
                bad(b -> b.controlTimeout(Duration.ofSeconds(-1)), "controlTimeout must be positive"),
                bad(b -> b.inactivityTimeout(Duration.ZERO), "inactivityTimeout must be positive"),
                bad(b -> b.inactivityTimeout(Duration.ofMillis(-1)), "inactivityTimeout must be positive"),
                bad(b -> b.model("haiku").fallbackModel("haiku"), "fallbackModel must differ"),
                bad(b -> b.settings(Path.of("s.json")).sandbox(Map.of("enabled", true)), "sandbox cannot be merged"),
                bad(b -> b.apiKey("k").env("ANTHROPIC_API_KEY", "k2"), "apiKey and env ANTHROPIC_API_KEY"),
                bad(b -> b.model(" "), "model must not be blank"),
                bad(b -> b.allowedTools("Read", ""), "allowedTools must not contain a blank rule"),
                bad(b -> b.env("A=B", "1"), "env name 'A=B'"),
                bad(b -> b.files(List.of("no-colon")), "files entries"),
                bad(b -> b.extraArg("output-format", "json"), "extraArgs cannot set --output-format"),
                bad(b -> b.extraArg("verbose"), "extraArgs cannot set --verbose"),
                bad(b -> b.permissionPrompts(PermissionPrompts.NONE).canUseTool(request -> PermissionResult.allow()),
                        "canUseTool cannot be combined with permissionPrompts NONE"),
                bad(b -> b.permissionPrompts(PermissionPrompts.NONE).permissionPromptTool("stdio"),
                        "permissionPromptTool cannot be combined with permissionPrompts NONE"),
                bad(b -> b.projectConfigRoot(Path.of("relative/checkout")), "projectConfigRoot must be an absolute path"),
                bad(b -> b.appendSystemPrompt(PromptText.blocks("a", "b")), "appendSystemPrompt takes one text"),
                bad(b -> b.toolAlias("Bash", "Bash"), "names itself"),
                bad(b -> b.toolAlias("Shell", " "), "a toolAliases entry needs a tool name"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalid")
    void contradictionsAndOutOfRangeValuesAreRejectedByBuild(UnaryOperator<Builder> set, String message) {
        Builder builder = set.apply(ClaudeCodeOptions.builder());

        assertThatThrownBy(builder::build).isInstanceOf(InvalidOptionsException.class).hasMessageContaining(message);
    }

    @Test
    void callbacksAreOptionsLikeAnyOther() {
        CanUseTool policy = request -> PermissionResult.deny("no");
        HookMatcher stop = HookMatcher.all((input, toolUseId, context) -> HookOutput.empty());
        ClaudeCodeOptions options = ClaudeCodeOptions.builder()
                .canUseTool(policy)
                .hook(HookEvent.STOP, stop)
                .hook(HookEvent.STOP, stop)
                .hookTimeout(Duration.ofSeconds(5))
                .build();
        assertThat(options.canUseTool()).containsSame(policy);
        assertThat(options.hooks()).containsOnlyKeys(HookEvent.STOP);
        assertThat(options.hooks().get(HookEvent.STOP)).hasSize(2);
        assertThat(options.hookTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.permissionCallbackTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.toBuilder().build()).isEqualTo(options);
        assertThat(options.toBuilder().hooks(null).hookTimeout(null).build().hooks()).isEmpty();
        assertThatThrownBy(() -> options.hooks().put(HookEvent.STOP, List.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThat(options.toBuilder().canUseTool(null).build().canUseTool()).isEmpty();
    }

    @Test
    void questionHandlersAreOptionsLikeAnyOther() {
        ElicitationHandler forms = request -> ElicitationResult.decline();
        UserDialogHandler dialogs = request -> UserDialogResult.cancelled();
        ClaudeCodeOptions options = ClaudeCodeOptions.builder()
                .onElicitation(forms)
                .elicitationTimeout(Duration.ofSeconds(30))
                .onUserDialog(dialogs)
                .supportedDialogKinds("refusal_fallback_prompt")
                .build();
        assertThat(options.onElicitation()).containsSame(forms);
        assertThat(options.elicitationTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.onUserDialog()).containsSame(dialogs);
        assertThat(options.supportedDialogKinds()).containsExactly("refusal_fallback_prompt");
        assertThat(options.userDialogTimeout()).isEqualTo(ClaudeCodeOptions.DEFAULT_USER_DIALOG_TIMEOUT);
        assertThat(options.toBuilder().build()).isEqualTo(options);
        assertThat(options.toString()).contains("supportedDialogKinds=[refusal_fallback_prompt]");
        ClaudeCodeOptions cleared = options.toBuilder().onElicitation(null).elicitationTimeout(null).onUserDialog(null)
                .supportedDialogKinds(List.of()).build();
        assertThat(cleared.onElicitation()).isEmpty();
        assertThat(cleared.onUserDialog()).isEmpty();
        assertThat(cleared.elicitationTimeout()).isEqualTo(ClaudeCodeOptions.DEFAULT_ELICITATION_TIMEOUT);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Builder builder = ClaudeCodeOptions.builder().maxTurns(0).agent(" ");

        assertThatThrownBy(builder::build).hasMessageContaining("maxTurns").hasMessageContaining("agent must not be blank");
    }

    @Test
    void theCliAcceptsASessionIdWithResumeOnlyWhenForking() {
        ClaudeCodeOptions options = ClaudeCodeOptions.builder()
                .start(SessionStart.resume("x").atMessage("m").forked(UUID_1)).build();

        assertThat(options.start()).isEqualTo(new SessionStart.Resume("x", Optional.of("m"),
                Optional.of(new SessionStart.Fork(Optional.of(UUID_1)))));
        assertThat(ClaudeCodeOptions.builder().start(SessionStart.continueLatest().forked()).build().start())
                .isEqualTo(new SessionStart.Continue(Optional.of(SessionStart.Fork.newId())));
        assertThat(SessionStart.fromPr("1").forked(UUID_1).fork().flatMap(SessionStart.Fork::id)).contains(UUID_1);
    }

    @Test
    void aNewConversationIsTheDefaultStartAndNullRestoresIt() {
        ClaudeCodeOptions resumed = ClaudeCodeOptions.builder().start(SessionStart.resume("x")).build();

        assertThat(ClaudeCodeOptions.builder().build().start()).isEqualTo(SessionStart.newSession());
        assertThat(resumed.toBuilder().build()).isEqualTo(resumed).hasSameHashCodeAs(resumed);
        assertThat(resumed.toBuilder().start(null).build()).isEqualTo(ClaudeCodeOptions.builder().build());
        assertThat(resumed.toString()).contains("start=Resume[session=x");
        assertThat(SessionStart.newSession(UUID_1).id()).contains(UUID_1);
    }

    @Test
    void sessionStartsRejectBlankNamesWhenTheyAreMade() {
        assertThatThrownBy(() -> SessionStart.resume(" ")).isInstanceOf(InvalidOptionsException.class)
                .hasMessageContaining("resume must not be blank");
        assertThatThrownBy(() -> SessionStart.resume("x").atMessage("")).isInstanceOf(InvalidOptionsException.class)
                .hasMessageContaining("atMessage must not be blank");
        assertThatThrownBy(() -> SessionStart.fromPr("")).isInstanceOf(InvalidOptionsException.class)
                .hasMessageContaining("fromPr must not be blank");
        assertThatThrownBy(() -> SessionStart.resume(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aPromptIsEitherTextOrAFile() {
        ClaudeCodeOptions text = ClaudeCodeOptions.builder().systemPrompt("Be terse.").appendSystemPrompt(Path.of("a.md")).build();
        ClaudeCodeOptions file = text.toBuilder().systemPrompt(Path.of("s.md")).appendSystemPrompt("Also: x").build();

        assertThat(text.systemPrompt()).contains(PromptText.inline("Be terse."));
        assertThat(text.appendSystemPrompt()).contains(PromptText.file(Path.of("a.md")));
        assertThat(file.systemPrompt()).contains(new PromptText.FromFile(Path.of("s.md")));
        assertThat(file.appendSystemPrompt()).contains(new PromptText.Inline("Also: x"));
        assertThat(file.toBuilder().systemPrompt((PromptText) null).appendSystemPrompt((String) null).build().systemPrompt())
                .isEmpty();
    }

    @Test
    void aSandboxCanJoinSettingsGivenAsValues() {
        ClaudeCodeOptions options = ClaudeCodeOptions.builder()
                .settingsJson("{\"model\":\"haiku\"}")
                .sandbox(Map.of("enabled", true))
                .build();

        assertThat(options.settings()).contains(Settings.of(Map.of("model", "haiku")));
    }

    @Test
    void settingsJsonMustBeAnObject() {
        assertThatThrownBy(() -> ClaudeCodeOptions.builder().settingsJson("{nope"))
                .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> Settings.parse("[1]"))
                .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("must be an object");
    }

    @Test
    void jsonOptionsMustBeRepresentableAsJson() {
        assertThatThrownBy(() -> ClaudeCodeOptions.builder().outputFormat(Map.of("x", new Unwritable("v"))))
                .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("outputFormat");
    }

    @Test
    void permissionModesKnowTheirWireValuesAndAcceptNewerOnes() {
        assertThat(PermissionMode.of("acceptEdits")).isSameAs(PermissionMode.ACCEPT_EDITS);
        assertThat(PermissionMode.of("dontAsk")).isSameAs(PermissionMode.DONT_ASK);
        assertThat(PermissionMode.of("delegate")).isSameAs(PermissionMode.DELEGATE);
        assertThat(PermissionMode.of("auto")).isSameAs(PermissionMode.AUTO);
        assertThat(PermissionMode.of("future").value()).isEqualTo("future");
        assertThat(PermissionMode.BYPASS_PERMISSIONS).hasToString("bypassPermissions");
        assertThat(List.of(PermissionMode.DEFAULT, PermissionMode.PLAN)).extracting(PermissionMode::value)
                .containsExactly("default", "plan");
        assertThatThrownBy(() -> PermissionMode.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void effortLevelsKnowTheirWireValuesAndAcceptNewerOnes() {
        assertThat(List.of(Effort.LOW, Effort.MEDIUM, Effort.HIGH, Effort.XHIGH, Effort.MAX))
                .extracting(Effort::value).containsExactly("low", "medium", "high", "xhigh", "max");
        assertThat(Effort.of("max")).isSameAs(Effort.MAX);
        assertThat(Effort.of("hyper")).hasToString("hyper");
    }

    @Test
    void settingSourcesCannotHideACommaInOneName() {
        assertThat(SettingSource.of("project")).isSameAs(SettingSource.PROJECT);
        assertThatThrownBy(() -> SettingSource.of("user,project")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thinkingBudgetsArePositive() {
        assertThat(Thinking.enabled(1)).isEqualTo(new Thinking.Enabled(1));
        assertThatThrownBy(() -> Thinking.enabled(0)).isInstanceOf(InvalidOptionsException.class);
    }

    @Test
    void inheritEnvMatchesExactNamesAndStarPrefixes() {
        InheritEnv only = InheritEnv.only("PATH", "LC_*");

        assertThat(only.inherits("PATH")).isTrue();
        assertThat(only.inherits("PATHX")).isFalse();
        assertThat(only.inherits("LC_ALL")).isTrue();
        assertThat(only.inherits("LC")).isFalse();
        assertThat(InheritEnv.all().inherits("ANY")).isTrue();
        assertThat(InheritEnv.none().inherits("PATH")).isFalse();
        assertThat(InheritEnv.only("*").inherits("ANY")).isTrue();
        assertThatThrownBy(() -> InheritEnv.only("")).isInstanceOf(InvalidOptionsException.class);
    }

    @Test
    void mcpServerConfigsValidateAndCopy() {
        List<String> args = new ArrayList<>(List.of("-y"));
        McpServerConfig.Stdio stdio = new McpServerConfig.Stdio("npx", args, Map.of());
        args.add("late");

        assertThat(stdio.args()).containsExactly("-y");
        assertThatThrownBy(() -> McpServerConfig.stdio(" ")).isInstanceOf(InvalidOptionsException.class);
        assertThatThrownBy(() -> McpServerConfig.sse("")).isInstanceOf(InvalidOptionsException.class);
        assertThat(McpServerConfig.http("https://x.example").headers()).isEmpty();
    }

    @Test
    void theOptionsOfTheTypeScriptSdkHaveTheirDefaultsAndValues() {
        ClaudeCodeOptions defaults = ClaudeCodeOptions.builder().build();
        assertThat(defaults.skills()).isEmpty();
        assertThat(defaults.toolAliases()).isEmpty();
        assertThat(defaults.pluginDelivery()).isEqualTo(PluginDelivery.ARGV);
        assertThat(defaults.systemPromptSnapshot()).isEmpty();
        assertThat(defaults.forwardSubagentText() || defaults.agentProgressSummaries() || defaults.perTaskStopAffordance()
                || defaults.verbatimPrompts()).isFalse();

        ClaudeCodeOptions set = ClaudeCodeOptions.builder()
                .skills(Skills.only("pdf", "pdf", "docx"))
                .toolAlias("Shell", "Bash").toolAlias("Web", "mcp__web__fetch")
                .toolConfig(ToolConfig.askUserQuestionPreview(ToolConfig.PreviewFormat.HTML))
                .permissionPrompts(PermissionPrompts.NONE)
                .projectConfigRoot(Path.of("/srv/checkout"))
                .thinkingDisplay(ThinkingDisplay.HIGHLIGHTS)
                .pluginDelivery(null)
                .build();
        assertThat(set.skills()).contains(Skills.only("pdf", "docx"));
        assertThat(set.toolAliases()).containsExactly(Map.entry("Shell", "Bash"), Map.entry("Web", "mcp__web__fetch"));
        assertThat(set.thinkingDisplay()).contains("highlights");
        assertThat(set.pluginDelivery()).isEqualTo(PluginDelivery.ARGV);
        assertThat(set.toBuilder().build()).isEqualTo(set);
        assertThatThrownBy(() -> set.toolAliases().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void skillNamesAreThoseASkillRuleCanCarry() {
        for (String bad : List.of(" ", " pdf", "a,b", "a(b)", "*", "plugin:*", "/pdf", "a\u0001")) {
            assertThatThrownBy(() -> Skills.only(bad)).as(bad).isInstanceOf(InvalidOptionsException.class)
                    .hasMessageContaining("skill name");
        }
        assertThat(Skills.only("plugin:docx").names()).containsExactly("plugin:docx");
    }

    @Test
    void aTruncatingResumeNamesTheTurnItDrops() {
        SessionStart.Resume resume = SessionStart.resume("s").atMessage("m").droppingTurn("p").forked();

        assertThat(resume.droppedTurn()).contains("p");
        assertThat(resume.fork()).isPresent();
        assertThatThrownBy(() -> SessionStart.resume("s").droppingTurn("p")).isInstanceOf(InvalidOptionsException.class)
                .hasMessageContaining("droppingTurn needs atMessage");
        assertThatThrownBy(() -> SessionStart.resume("s").atMessage("m").droppingTurn(" "))
                .isInstanceOf(InvalidOptionsException.class);
    }

    @Test
    void mcpServerTimeoutsArePracticalAndInProcessPoliciesAreTheOnesTheCliApplies() {
        assertThatThrownBy(() -> McpServerConfig.stdio("x").withTimeout(Duration.ofMillis(999)))
                .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("at least one second");
        assertThat(McpServerConfig.http("https://x.example").withTimeout(Duration.ofSeconds(1)).timeout()).contains(Duration.ofSeconds(1));
        SdkMcpServer server = SdkMcpServer.builder("calc").build();
        assertThatThrownBy(() -> McpServerConfig.sdk(server).withToolPolicies(
                List.of(McpToolPolicy.of("add", McpToolPolicy.Permission.ALWAYS_ALLOW))))
                .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("always_ask and always_deny");
        assertThat(McpServerConfig.sdk(server).withToolPolicies(List.of(McpToolPolicy.of("add", McpToolPolicy.Permission.ALWAYS_ASK)))
                .tools()).hasSize(1);
    }

    @Test
    void aPromptGivenAsBlocksNeedsOne() {
        assertThatThrownBy(() -> PromptText.blocks(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(PromptText.blocks("a", PromptText.DYNAMIC_BOUNDARY)).isEqualTo(new PromptText.Blocks(List.of("a", PromptText.DYNAMIC_BOUNDARY)));
    }

    /** A value whose only property cannot be read, so it cannot be written as JSON. */
    record Unwritable(String value) {
        @Override
        public String value() {
            throw new IllegalStateException("unreadable");
        }
    }

    private static Arguments bad(UnaryOperator<Builder> set, String message) {
        return Arguments.of(set, message);
    }
}
