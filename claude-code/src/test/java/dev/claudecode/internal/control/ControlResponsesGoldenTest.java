package dev.claudecode.internal.control;

import static dev.claudecode.internal.protocol.ProtocolRecordings.V2_1_197;
import static dev.claudecode.internal.protocol.ProtocolRecordings.V2_1_332;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.control.ContextUsage;
import dev.claudecode.control.FileContents;
import dev.claudecode.control.HooksListing;
import dev.claudecode.control.InterruptReceipt;
import dev.claudecode.control.McpCallResult;
import dev.claudecode.control.PermissionRules;
import dev.claudecode.control.PluginsReload;
import dev.claudecode.control.TaskOutput;
import dev.claudecode.control.UsageReport;
import dev.claudecode.control.EffectiveSettings;
import dev.claudecode.control.ModelInfo;
import dev.claudecode.control.RewindResult;
import dev.claudecode.control.ServerInfo;
import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.protocol.GoldenTranscripts;
import dev.claudecode.internal.protocol.GoldenTranscripts.Entry;
import dev.claudecode.mcp.McpConnectionStatus;
import dev.claudecode.mcp.McpServerStatus;
import dev.claudecode.mcp.McpSetServersResult;
import dev.claudecode.message.SlashCommand;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The CLI's recorded answers to the SDK's control requests, decoded. */
class ControlResponsesGoldenTest {

    /** A recorded request and the success answer the CLI gave it. */
    record Exchange(Entry request, JsonNode payload) {

        String subtype() {
            return request.requestSubtype();
        }

        @Override
        public String toString() {
            return request + " " + subtype();
        }
    }

    static List<Exchange> exchanges() {
        List<Exchange> exchanges = new ArrayList<>();
        for (String version : GoldenTranscripts.versions()) {
            for (var file : GoldenTranscripts.files(version)) {
                exchanges.addAll(exchanges(version, file.getFileName().toString()));
            }
        }
        return exchanges;
    }

    private static List<Exchange> exchanges(String version, String file) {
        List<Exchange> exchanges = new ArrayList<>();
        Map<String, Entry> requests = new HashMap<>();
        for (Entry entry : GoldenTranscripts.entries(version, file)) {
            if (entry.isIn() && entry.type().equals("control_request") && entry.msg().has("request_id")) {
                requests.put(Json.text(entry.msg(), "request_id", ""), entry);
            } else if (entry.isOut() && entry.type().equals("control_response")) {
                JsonNode response = entry.msg().path("response");
                Entry request = requests.get(Json.text(response, "request_id", ""));
                if (request != null && Json.text(response, "subtype", "").equals("success")) {
                    JsonNode payload = response.get("response");
                    exchanges.add(new Exchange(request, payload == null ? Json.object() : payload));
                }
            }
        }
        return exchanges;
    }

    /** @return the answers to one subtype, of every recorded version */
    static Stream<Exchange> of(String subtype) {
        return exchanges().stream().filter(exchange -> exchange.subtype().equals(subtype));
    }

    /** @return the answers to one subtype that one CLI version gave */
    static Stream<Exchange> of(String version, String subtype) {
        return of(subtype).filter(exchange -> exchange.request().version().equals(version));
    }

    static Stream<Exchange> initializeAnswers() {
        return of("initialize");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("initializeAnswers")
    void everyInitializeAnswerDecodesCompletely(Exchange exchange) {
        JsonNode payload = exchange.payload();
        ServerInfo info = ServerInfoDecoder.decode(payload);

        assertThat(info.commands()).hasSize(payload.get("commands").size());
        assertThat(info.commands()).extracting(SlashCommand::name).doesNotContain("");
        assertThat(info.agents()).hasSize(payload.get("agents").size());
        assertThat(info.models()).hasSize(payload.get("models").size());
        assertThat(info.models()).extracting(ModelInfo::displayName).doesNotContain("");
        assertThat(info.outputStyle()).isEqualTo(payload.get("output_style").stringValue());
        assertThat(info.availableOutputStyles()).containsExactlyElementsOf(Json.strings(payload.get("available_output_styles")));
        assertThat(info.account().apiKeySource()).contains("ANTHROPIC_API_KEY");
        assertThat(info.account().apiProvider()).contains("firstParty");
        assertThat(info.pid()).hasValue(payload.get("pid").longValue());
        assertThat(info.raw()).isEqualTo(Json.toMap(payload));
    }

    @Test
    void theInitializeAnswerOfTranscript01HasEveryModelDetail() {
        ServerInfo info = ServerInfoDecoder.decode(of(V2_1_197, "initialize").filter(e -> e.request().file().startsWith("01_"))
                .findFirst().orElseThrow().payload());

        ModelInfo defaultModel = info.model("default").orElseThrow();
        assertThat(defaultModel.resolvedModel()).contains("claude-opus-4-8[1m]");
        assertThat(defaultModel.displayName()).isEqualTo("Default (recommended)");
        assertThat(defaultModel.supportsEffort()).isTrue();
        assertThat(defaultModel.supportedEffortLevels()).containsExactly("low", "medium", "high", "xhigh", "max");
        assertThat(defaultModel.supports(dev.claudecode.options.Effort.XHIGH)).isTrue();
        assertThat(defaultModel.supportsAdaptiveThinking()).isTrue();
        assertThat(defaultModel.supportsFastMode()).isTrue();
        assertThat(defaultModel.supportsAutoMode()).isTrue();
        assertThat(info.model("sonnet").orElseThrow().supportsFastMode()).isFalse();
        assertThat(info.commands()).filteredOn(c -> c.name().equals("clear")).singleElement()
                .satisfies(clear -> assertThat(clear.aliases()).containsExactly("reset", "new"));
        assertThat(info.agent("Explore").orElseThrow().model()).contains("haiku");
        assertThat(info.agent("general-purpose").orElseThrow().model()).isEmpty();
        assertThat(info.account().tokenSource()).contains("none");
        assertThat(info.account().email()).isEmpty();
        assertThat(info.fastModeState()).isEmpty();
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void agentsGivenInInitializeAreListed(String version) {
        ServerInfo info = ServerInfoDecoder.decode(of(version, "initialize").filter(e -> e.request().file().startsWith("03_"))
                .findFirst().orElseThrow().payload());

        assertThat(info.agent("reviewer").orElseThrow().description()).isEqualTo("Reviews code for bugs");
        assertThat(info.agent("reviewer").orElseThrow().model()).contains("sonnet");
    }

    static Stream<Exchange> mcpStatusAnswers() {
        return of("mcp_status");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mcpStatusAnswers")
    void everyMcpStatusAnswerDecodes(Exchange exchange) {
        List<McpServerStatus> servers = McpDecoder.status(exchange.payload());
        JsonNode raw = exchange.payload().get("mcpServers");

        assertThat(servers).hasSize(raw.size());
        for (int i = 0; i < servers.size(); i++) {
            McpServerStatus server = servers.get(i);
            assertThat(server.name()).isEqualTo(raw.get(i).get("name").stringValue());
            assertThat(server.status().value()).isEqualTo(raw.get(i).get("status").stringValue());
            assertThat(server.tools()).hasSize(raw.get(i).path("tools").size());
            assertThat(server.error().isPresent()).isEqualTo(raw.get(i).has("error"));
            assertThat(server.config().isPresent()).isEqualTo(raw.get(i).has("config"));
            assertThat(server.raw()).isEqualTo(Json.toMap(raw.get(i)));
        }
    }

    @Test
    void mcpStatusOfTranscript50ShowsConnectedToolsAndFailuresWithTheirConfig() {
        List<List<McpServerStatus>> answers = of(V2_1_197, "mcp_status").filter(e -> e.request().file().startsWith("50_"))
                .map(e -> McpDecoder.status(e.payload())).toList();

        McpServerStatus calc = answers.getFirst().getFirst();
        assertThat(calc.isConnected()).isTrue();
        assertThat(calc.scope()).contains("dynamic");
        assertThat(calc.tools()).singleElement().satisfies(tool -> {
            assertThat(tool.name()).isEqualTo("add");
            assertThat(tool.readOnly()).isEmpty();
        });
        McpServerStatus broken = answers.stream().flatMap(List::stream).filter(s -> s.name().equals("broken")).findFirst().orElseThrow();
        assertThat(broken.status()).isEqualTo(McpConnectionStatus.FAILED);
        assertThat(broken.error().orElseThrow()).contains("Executable not found in $PATH");
        assertThat(broken.config().orElseThrow()).containsEntry("type", "stdio").containsEntry("command", "probe-nonexistent-mcp-server");
        assertThat(answers).anySatisfy(list -> assertThat(list).anyMatch(s -> s.status().equals(McpConnectionStatus.PENDING)));
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void mcpSetServersAnswersDecode(String version) {
        List<McpSetServersResult> results = of(version, "mcp_set_servers").map(e -> McpDecoder.setServersResult(e.payload())).toList();

        assertThat(results).hasSize(3);
        assertThat(results.get(0)).isEqualTo(new McpSetServersResult(List.of("calc2"), List.of("calc"), Map.of()));
        assertThat(results.get(1).added()).containsExactly("broken");
        assertThat(results.get(1).errors()).containsOnlyKeys("broken");
        assertThat(results.get(2).removed()).containsExactly("calc2", "broken");
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void rewindAnswersDecodeForDryAndRealRunsWithAndWithoutCheckpointing(String version) {
        List<RewindResult> withCheckpoints = of(version, "rewind_files").filter(e -> e.request().file().startsWith("60_"))
                .map(e -> ControlResponses.rewindResult(e.payload())).toList();
        List<RewindResult> without = of(version, "rewind_files").filter(e -> e.request().file().startsWith("61_"))
                .map(e -> ControlResponses.rewindResult(e.payload())).toList();

        RewindResult dryRun = withCheckpoints.getFirst();
        assertThat(dryRun.canRewind()).isTrue();
        assertThat(dryRun.filesChanged()).containsExactly("<CWD>/a.txt", "<CWD>/b.txt");
        assertThat(dryRun.insertions()).hasValue(1);
        assertThat(dryRun.deletions()).hasValue(2);
        assertThat(withCheckpoints.get(1)).isEqualTo(new RewindResult(true, java.util.Optional.empty(), List.of(),
                java.util.OptionalLong.empty(), java.util.OptionalLong.empty()));
        assertThat(without).singleElement().satisfies(result -> {
            assertThat(result.canRewind()).isFalse();
            assertThat(result.error()).contains("File rewinding is not enabled.");
        });
    }

    @Test
    void contextUsageDecodes() {
        JsonNode payload = of(V2_1_197, "get_context_usage").findFirst().orElseThrow().payload();
        ContextUsage usage = ContextUsageDecoder.decode(payload);

        assertThat(usage.categories()).extracting(ContextUsage.Category::name).containsExactly("System prompt", "Skills", "Free space");
        assertThat(usage.category("System prompt").orElseThrow().tokens()).isEqualTo(336);
        assertThat(usage.totalTokens()).isEqualTo(10);
        assertThat(usage.maxTokens()).isEqualTo(200_000);
        assertThat(usage.rawMaxTokens()).isEqualTo(200_000);
        assertThat(usage.percentage()).isZero();
        assertThat(usage.model()).isEqualTo(payload.get("model").stringValue()).isNotEmpty();
        assertThat(usage.autoCompactEnabled()).isEqualTo(payload.get("isAutoCompactEnabled").booleanValue());
        assertThat(usage.raw()).containsKeys("gridRows", "memoryFiles", "messageBreakdown");
    }

    @Test
    void settingsAndVersionDecode() {
        List<EffectiveSettings> settings = of(V2_1_197, "get_settings").map(e -> ControlResponses.settings(e.payload())).toList();

        assertThat(settings.getFirst().effective()).isEmpty();
        assertThat(settings.getFirst().applied()).containsEntry("model", "claude-opus-4-8[1m]").containsEntry("effort", "high");
        assertThat(settings.get(1).effective()).containsEntry("model", "haiku");
        assertThat(settings.get(1).sources()).singleElement()
                .isEqualTo(new EffectiveSettings.Source("flagSettings", Map.of("model", "haiku")));
        assertThat(ControlResponses.binaryVersion(of(V2_1_197, "get_binary_version").findFirst().orElseThrow().payload()))
                .isEqualTo(new dev.claudecode.control.BinaryVersion("2.1.197", java.util.Optional.of("2026-06-29T19:08:42Z")));
        assertThat(ControlResponses.binaryVersion(of(V2_1_332, "get_binary_version").findFirst().orElseThrow().payload()))
                .isEqualTo(new dev.claudecode.control.BinaryVersion("2.1.332", java.util.Optional.of("2026-11-24T19:09:44Z")));
    }

    @Test
    void answersWithoutPayloadAreRecordedForTheFireAndForgetSubtypes() {
        // 2.1.197: set_model, set_max_thinking_tokens, mcp_toggle, rename_session, apply_flag_settings: success, no payload
        assertThat(Stream.of("set_model", "set_max_thinking_tokens", "mcp_toggle", "rename_session", "apply_flag_settings")
                .flatMap(subtype -> of(V2_1_197, subtype))).isNotEmpty().allSatisfy(e -> assertThat(e.payload().isEmpty()).isTrue());
        // 2.1.332 answers set_model with the resolved model and interrupt with the prompts still queued
        assertThat(Stream.of("set_max_thinking_tokens", "mcp_toggle", "rename_session", "apply_flag_settings")
                .flatMap(subtype -> of(V2_1_332, subtype))).isNotEmpty().allSatisfy(e -> assertThat(e.payload().isEmpty()).isTrue());
        assertThat(of(V2_1_332, "set_model")).isNotEmpty().allSatisfy(e -> assertThat(e.payload().has("model")).isTrue());
        assertThat(of(V2_1_332, "interrupt")).isNotEmpty().allSatisfy(e -> assertThat(Json.strings(e.payload().get("still_queued"))).isEmpty());
    }

    @Test
    void theRecordedAnswersOfTheRuntimeControlsDecode() {
        assertThat(ControlResponses.interruptReceipt(of(V2_1_332, "interrupt").findFirst().orElseThrow().payload()))
                .contains(new InterruptReceipt(List.of(), List.of()));
        assertThat(of(V2_1_197, "interrupt")).isNotEmpty()
                .allSatisfy(e -> assertThat(ControlResponses.interruptReceipt(e.payload())).isEmpty());
        assertThat(of(V2_1_332, "set_permission_mode").map(e -> ControlResponses.permissionMode(e.payload())))
                .isNotEmpty().allSatisfy(mode -> assertThat(mode).isPresent());

        for (String version : List.of(V2_1_197, V2_1_332)) {
            assertThat(ControlResponses.sessionCost(of(version, "get_session_cost").findFirst().orElseThrow().payload()))
                    .contains("Total duration (API)");
            UsageReport usage = ReportDecoder.usage(of(version, "get_usage").findFirst().orElseThrow().payload());
            assertThat(usage.session().totalCostUsd()).isPositive();
            assertThat(usage.session().modelUsage()).isNotEmpty()
                    .allSatisfy((model, modelUsage) -> assertThat(modelUsage.inputTokens()).isPositive());
            assertThat(usage.rateLimitsAvailable()).isFalse();
            assertThat(usage.subscriptionType()).isEmpty();
            FileContents file = ControlResponses.fileContents(of(version, "read_file").findFirst().orElseThrow().payload());
            assertThat(file.contents()).isEqualTo("hello file\n");
            assertThat(file.absolutePath()).endsWith("/hello.txt");
            assertThat(file.encoding()).isEqualTo(FileContents.Encoding.UTF_8);
            assertThat(new String(file.bytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("hello file\n");
            assertThat(ControlResponses.cancelled(of(version, "cancel_async_message").findFirst().orElseThrow().payload())).isFalse();
            PluginsReload reload = ReportDecoder.pluginsReload(of(version, "reload_plugins").findFirst().orElseThrow().payload());
            assertThat(reload.commands()).isNotEmpty();
            assertThat(reload.held()).isEmpty();
            assertThat(ReportDecoder.skills(of(version, "reload_skills").findFirst().orElseThrow().payload()))
                    .isNotEmpty().allSatisfy(skill -> assertThat(skill.name()).isNotBlank());
            assertThat(ControlResponses.fileSuggestions(of(version, "file_suggestions").findFirst().orElseThrow().payload())
                    .suggestions()).isEmpty();
        }
        FileContents newer = ControlResponses.fileContents(of(V2_1_332, "read_file").findFirst().orElseThrow().payload());
        assertThat(newer.requestedPath()).contains("hello.txt");
        assertThat(newer.lossy()).contains(false);
        assertThat(ControlResponses.fileSuggestions(of(V2_1_332, "file_suggestions").findFirst().orElseThrow().payload()).cwd())
                .contains("<CWD>");
    }

    @Test
    void theAnswersFirstSeenOnCli2_1_332Decode() {
        // answers of CLI 2.1.332 to requests no recording holds, taken from a run of the real CLI
        PermissionRules rules = ReportDecoder.permissionRules(Json.parse("{\"state\":{\"rules\":[{\"behavior\":\"allow\","
                + "\"source\":\"cliArg\",\"rule\":\"Read\",\"description\":{\"prefix\":\"Any use of the \",\"emphasis\":\"Read\","
                + "\"suffix\":\" tool\"},\"editability\":\"session\"}],\"workspaceDirectories\":[],\"originalCwd\":\"/w\","
                + "\"managedOnly\":false}}"));
        assertThat(rules.rules()).singleElement().satisfies(rule -> {
            assertThat(rule.rule()).isEqualTo("Read");
            assertThat(rule.description().orElseThrow().text()).isEqualTo("Any use of the Read tool");
            assertThat(rule.notInEffect()).isFalse();
        });
        assertThat(rules.originalCwd()).isEqualTo("/w");
        FileContents base64 = ControlResponses.fileContents(Json.parse("{\"contents\":\"aGVs\",\"absPath\":\"/w/hello.txt\","
                + "\"truncated\":true,\"encoding\":\"base64\",\"requested_path\":\"hello.txt\"}"));
        assertThat(base64.bytes()).isEqualTo("hel".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(base64.truncated()).isTrue();
        assertThat(ControlResponses.interruptReceipt(Json.parse("{\"still_queued\":[],\"cancelled\":[\"u1\"]}")))
                .contains(new InterruptReceipt(List.of(), List.of("u1")));
        assertThat(ControlResponses.outputStyles(Json.parse("{\"available_output_styles\":[\"default\",\"Concise\"]}")))
                .containsExactly("default", "Concise");
        assertThat(ControlResponses.taskOutput(Json.parse("{\"output\":\"start\\n\",\"total_bytes\":6,\"truncated\":false}")))
                .isEqualTo(new TaskOutput("start\n", 6, false));
        HooksListing hooks = ReportDecoder.hooksListing(Json.parse("{\"events\":[],\"hooks\":[],\"eventCatalog\":[{\"name\":\"PreToolUse\","
                + "\"summary\":\"Before tool execution\",\"supportsMatcher\":true}],\"policy\":{\"disabledByPolicy\":false,"
                + "\"managedOnly\":false,\"pluginOnly\":false,\"allDisabled\":false,\"policyHookCount\":0}}"));
        assertThat(hooks.catalogEntry("PreToolUse").orElseThrow().supportsMatcher()).isTrue();
        assertThat(hooks.policy().policyHookCount()).isZero();
        assertThat(ControlResponses.warning(Json.parse("{\"warning\":\"MCP server 'nope' is not yet known\"}"))).isPresent();
        McpCallResult call = ControlResponses.mcpCallResult(Json.parse(
                "{\"content\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"text\",\"text\":\"b\"}],\"structuredContent\":{\"n\":1}}"));
        assertThat(call.text()).isEqualTo("a\nb");
        assertThat(call.structuredContent()).contains(Map.of("n", 1));
        assertThat(call.isError()).isFalse();
    }

    @Test
    void decodersSurviveMissingAndMistypedFields() {
        JsonNode junk = Json.parse("{\"commands\":7,\"models\":[1,{\"value\":3}],\"account\":\"x\",\"mcpServers\":{},"
                + "\"categories\":[null],\"canRewind\":\"yes\",\"sources\":[{}]}");

        assertThat(ServerInfoDecoder.decode(junk).models()).singleElement().satisfies(m -> assertThat(m.value()).isEmpty());
        assertThat(McpDecoder.status(junk)).isEmpty();
        assertThat(ContextUsageDecoder.decode(junk).categories()).isEmpty();
        assertThat(ControlResponses.rewindResult(junk).canRewind()).isFalse();
        assertThat(ControlResponses.settings(junk).sources()).singleElement().satisfies(s -> assertThat(s.source()).isEmpty());
    }
}
