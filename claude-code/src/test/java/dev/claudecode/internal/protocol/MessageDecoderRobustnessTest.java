package dev.claudecode.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.errors.ProtocolException;
import dev.claudecode.content.DocumentBlock;
import dev.claudecode.content.DocumentSource;
import dev.claudecode.content.ImageBlock;
import dev.claudecode.content.ImageSource;
import dev.claudecode.content.McpToolResultBlock;
import dev.claudecode.content.McpToolUseBlock;
import dev.claudecode.content.RedactedThinkingBlock;
import dev.claudecode.content.ServerToolResultBlock;
import dev.claudecode.content.ServerToolUseBlock;
import dev.claudecode.content.TextBlock;
import dev.claudecode.content.ToolResultContent;
import dev.claudecode.content.UnknownBlock;
import dev.claudecode.internal.json.Json;
import dev.claudecode.message.AssistantMessage;
import dev.claudecode.message.AuthStatusMessage;
import dev.claudecode.message.Envelope;
import dev.claudecode.message.CompactBoundaryMessage;
import dev.claudecode.message.HookProgressMessage;
import dev.claudecode.message.InitMessage;
import dev.claudecode.message.Message;
import dev.claudecode.message.PromptSuggestionMessage;
import dev.claudecode.message.RateLimitEvent;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.message.StreamEventMessage;
import dev.claudecode.message.TaskProgressMessage;
import dev.claudecode.message.TaskUsage;
import dev.claudecode.message.ToolProgressMessage;
import dev.claudecode.message.UnknownMessage;
import dev.claudecode.message.UnknownSystemMessage;
import dev.claudecode.message.UserMessage;
import dev.claudecode.message.stream.CitationsDelta;
import dev.claudecode.message.stream.ContentBlockDelta;
import dev.claudecode.message.stream.UnknownDelta;
import dev.claudecode.message.stream.UnknownStreamEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Unknown and malformed input never breaks decoding. */
class MessageDecoderRobustnessTest {

    private static Message decode(String json) {
        return MessageDecoder.decode(Json.parse(json));
    }

    @Test
    void nonObjectsAreProtocolErrors() {
        for (String json : List.of("[1,2,3]", "\"just a string\"", "42", "null", "true")) {
            assertThatThrownBy(() -> decode(json)).as(json).isInstanceOf(ProtocolException.class);
        }
        assertThatThrownBy(() -> MessageDecoder.decode(null)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void unknownTypeKeepsTheJson() {
        Message message = decode("{\"type\":\"teleport_summary\",\"summary\":\"ran 2 tools\",\"extra\":null,"
                + "\"session_id\":\"s1\",\"uuid\":\"u1\"}");
        assertThat(message).isInstanceOfSatisfying(UnknownMessage.class, u -> {
            assertThat(u.type()).isEqualTo("teleport_summary");
            assertThat(u.raw()).containsEntry("summary", "ran 2 tools").containsEntry("extra", null);
            assertThat(u.sessionId()).contains("s1");
            assertThat(u.uuid()).contains("u1");
        });
        assertThat(decode("{\"no_type\":true}")).isEqualTo(new UnknownMessage("", Envelope.of(Map.of("no_type", true))));
        assertThat(decode("{\"type\":42}")).isInstanceOfSatisfying(UnknownMessage.class, u -> {
            assertThat(u.type()).isEmpty();
            assertThat(u.sessionId()).isEmpty();
        });
        assertThat(decode("{\"type\":\"control_cancel_request\",\"request_id\":\"r\"}"))
                .isInstanceOf(UnknownMessage.class);
    }

    @Test
    void unknownSystemSubtypeKeepsTheJson() {
        Message message = decode("{\"type\":\"system\",\"subtype\":\"session_teleported\",\"state\":\"idle\","
                + "\"session_id\":\"s1\",\"uuid\":\"u1\"}");
        assertThat(message).isInstanceOfSatisfying(UnknownSystemMessage.class, u -> {
            assertThat(u.type()).isEqualTo("system");
            assertThat(u.subtype()).isEqualTo("session_teleported");
            assertThat(u.raw()).containsEntry("state", "idle");
            assertThat(u.sessionId()).contains("s1");
        });
        assertThat(decode("{\"type\":\"system\"}"))
                .isEqualTo(new UnknownSystemMessage("", Envelope.of(Map.of("type", "system"))));
    }

    @Test
    void unknownAndServerBlocksKeepTheJson() {
        AssistantMessage message = (AssistantMessage) decode("""
                {"type":"assistant","message":{"id":"m","model":"x","content":[
                  {"type":"fancy_block","payload":[1,null]},
                  {"type":"web_search_tool_result","tool_use_id":"srv_1","content":[{"type":"web_search_result","url":"u"}]},
                  {"type":"server_tool_use","id":"srv_1","name":"web_search","input":{"query":"q"}},
                  {"type":"mcp_tool_use","id":"mcp_1","name":"add","server_name":"calc","input":{"a":1}},
                  {"type":"mcp_tool_result","tool_use_id":"mcp_1","is_error":true,"content":"boom"},
                  {"type":"redacted_thinking","data":"opaque"},
                  {"type":"image","source":{"type":"url","url":"https://x/y.png"}},
                  {"type":"image","source":{"type":"s3","bucket":"b"}},
                  {"type":"document","source":{"type":"content","content":"inline"},"title":"T","citations":{"enabled":true}},
                  {"nope":1},
                  "not an object",
                  {"type":"text","text":"cited","citations":[{"type":"char_location","cited_text":"c"}]}
                ]}}""");
        assertThat(message.content()).containsExactly(
                new UnknownBlock("fancy_block", Map.of("type", "fancy_block", "payload", Arrays.asList(1, null))),
                new ServerToolResultBlock("web_search_tool_result", "srv_1",
                        List.of(Map.of("type", "web_search_result", "url", "u")),
                        Map.of("type", "web_search_tool_result", "tool_use_id", "srv_1",
                                "content", List.of(Map.of("type", "web_search_result", "url", "u")))),
                new ServerToolUseBlock("srv_1", "web_search", Map.of("query", "q")),
                new McpToolUseBlock("mcp_1", "add", "calc", Map.of("a", 1)),
                new McpToolResultBlock("mcp_1", ToolResultContent.text("boom"), true),
                new RedactedThinkingBlock("opaque"),
                ImageBlock.url("https://x/y.png"),
                new ImageBlock(new ImageSource.Unknown("s3", Map.of("type", "s3", "bucket", "b"))),
                DocumentBlock.of(new DocumentSource.Content(List.of(TextBlock.of("inline")))).withTitle("T").withCitations(true),
                new UnknownBlock("", Map.of("nope", 1)),
                new TextBlock("cited", List.of(Map.of("type", "char_location", "cited_text", "c"))));
    }

    @Test
    void unknownStreamEventsAndDeltasKeepTheJson() {
        StreamEventMessage ping = (StreamEventMessage) decode("{\"type\":\"stream_event\",\"event\":{\"type\":\"ping\"}}");
        assertThat(ping.event()).isEqualTo(new UnknownStreamEvent("ping", Map.of("type", "ping")));

        StreamEventMessage delta = (StreamEventMessage) decode("{\"type\":\"stream_event\",\"event\":"
                + "{\"type\":\"content_block_delta\",\"index\":3,\"delta\":{\"type\":\"compaction_delta\",\"x\":1}}}");
        assertThat(delta.event()).isEqualTo(new ContentBlockDelta(3,
                new UnknownDelta("compaction_delta", Map.of("type", "compaction_delta", "x", 1))));

        StreamEventMessage citation = (StreamEventMessage) decode("{\"type\":\"stream_event\",\"event\":"
                + "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"citations_delta\","
                + "\"citation\":{\"cited_text\":\"c\"}}}}");
        assertThat(citation.event()).isEqualTo(new ContentBlockDelta(0, new CitationsDelta(Map.of("cited_text", "c"))));

        StreamEventMessage noEvent = (StreamEventMessage) decode("{\"type\":\"stream_event\",\"event\":7}");
        assertThat(noEvent.event()).isEqualTo(new UnknownStreamEvent("", Map.of()));
    }

    @Test
    void typesKnownOnlyFromTheSdkDefinitionsDecode() {
        assertThat(decode("""
                {"type":"rate_limit_event","rate_limit_info":{"status":"allowed_warning","resetsAt":1795532451,
                 "rateLimitType":"five_hour","utilization":0.92,"isUsingOverage":false,"surpassedThreshold":0.9},
                 "uuid":"u","session_id":"s"}"""))
                .isInstanceOfSatisfying(RateLimitEvent.class, e -> {
                    assertThat(e.rateLimitInfo().status()).isEqualTo("allowed_warning");
                    assertThat(e.rateLimitInfo().resetsAt()).hasValue(1795532451L);
                    assertThat(e.rateLimitInfo().rateLimitType()).contains("five_hour");
                    assertThat(e.rateLimitInfo().utilization()).hasValue(0.92);
                    assertThat(e.rateLimitInfo().raw()).containsEntry("surpassedThreshold", 0.9);
                    assertThat(e.sessionId()).contains("s");
                });
        assertThat(decode("""
                {"type":"tool_progress","tool_use_id":"t1","tool_name":"Bash","parent_tool_use_id":null,
                 "elapsed_time_seconds":12.5,"task_id":"k1","uuid":"u","session_id":"s"}"""))
                .isEqualTo(new ToolProgressMessage("t1", "Bash", java.util.Optional.empty(), 12.5,
                        java.util.Optional.of("k1"), false, java.util.Optional.empty(), java.util.Optional.empty(),
                        java.util.Optional.empty(), Envelope.of(Json.toMap(Json.parse("""
                                {"type":"tool_progress","tool_use_id":"t1","tool_name":"Bash","parent_tool_use_id":null,
                                 "elapsed_time_seconds":12.5,"task_id":"k1","uuid":"u","session_id":"s"}""")))));
        assertThat(decode("{\"type\":\"prompt_suggestion\",\"suggestion\":\"Run the tests\"}"))
                .isInstanceOfSatisfying(PromptSuggestionMessage.class,
                        p -> assertThat(p.suggestion()).isEqualTo("Run the tests"));
        assertThat(decode("{\"type\":\"auth_status\",\"isAuthenticating\":true,\"output\":[\"Opening browser\"],"
                + "\"error\":\"denied\"}"))
                .isInstanceOfSatisfying(AuthStatusMessage.class, a -> {
                    assertThat(a.isAuthenticating()).isTrue();
                    assertThat(a.output()).containsExactly("Opening browser");
                    assertThat(a.error()).contains("denied");
                });
        assertThat(decode("{\"type\":\"system\",\"subtype\":\"compact_boundary\",\"compact_metadata\":"
                + "{\"trigger\":\"auto\",\"pre_tokens\":150000,\"post_tokens\":12000}}"))
                .isInstanceOfSatisfying(CompactBoundaryMessage.class, c -> {
                    assertThat(c.trigger()).isEqualTo("auto");
                    assertThat(c.preTokens()).isEqualTo(150_000);
                    assertThat(c.postTokens()).hasValue(12_000);
                });
        assertThat(decode("{\"type\":\"system\",\"subtype\":\"hook_progress\",\"hook_id\":\"h\",\"hook_name\":\"Stop\","
                + "\"hook_event\":\"Stop\",\"stdout\":\"a\",\"stderr\":\"b\",\"output\":\"ab\"}"))
                .isInstanceOfSatisfying(HookProgressMessage.class, h -> {
                    assertThat(h.hookId()).isEqualTo("h");
                    assertThat(h.output()).isEqualTo("ab");
                });
        assertThat(decode("{\"type\":\"system\",\"subtype\":\"task_progress\",\"task_id\":\"k\",\"description\":\"d\","
                + "\"usage\":{\"total_tokens\":5,\"tool_uses\":1,\"duration_ms\":9},\"last_tool_name\":\"Read\"}"))
                .isInstanceOfSatisfying(TaskProgressMessage.class, t -> {
                    assertThat(t.usage()).contains(new TaskUsage(5, 1, 9));
                    assertThat(t.lastToolName()).contains("Read");
                    assertThat(t.summary()).isEmpty();
                });
    }

    @Test
    void wrongTypedFieldsBecomeEmptyValues() {
        ResultMessage result = (ResultMessage) decode("""
                {"type":"result","subtype":7,"is_error":"yes","duration_ms":1.9,"num_turns":99999999999,
                 "result":{"text":"x"},"total_cost_usd":"1","usage":[],"modelUsage":{"m":3},
                 "permission_denials":{"tool_name":"Bash"},"errors":["a",1,null,"b"],"api_error_status":"500",
                 "ttft_ms":1e400,"duration_api_ms":123456789012345678901234567890,"session_id":5}""");
        assertThat(result.subtype()).isEmpty();
        assertThat(result.isError()).isFalse();
        assertThat(result.durationMs()).isEqualTo(1);
        assertThat(result.durationApiMs()).isZero();
        assertThat(result.numTurns()).isZero();
        assertThat(result.result()).isEmpty();
        assertThat(result.totalCostUsd()).isZero();
        assertThat(result.usage()).isEqualTo(dev.claudecode.usage.Usage.EMPTY);
        assertThat(result.modelUsage()).isEmpty();
        assertThat(result.permissionDenials()).isEmpty();
        assertThat(result.errors()).containsExactly("a", "b");
        assertThat(result.apiErrorStatus()).isEmpty();
        assertThat(result.ttftMs()).isEmpty();
        assertThat(result.sessionId()).isEmpty();

        InitMessage init = (InitMessage) decode("{\"type\":\"system\",\"subtype\":\"init\",\"tools\":\"Bash\","
                + "\"mcp_servers\":[{\"name\":1},\"x\"],\"memory_paths\":[],\"plugins\":{}}");
        assertThat(init.tools()).isEmpty();
        assertThat(init.mcpServers()).containsExactly(new InitMessage.McpServer("", ""));
        assertThat(init.model()).isEmpty();

        UserMessage user = (UserMessage) decode("{\"type\":\"user\",\"message\":\"hi\",\"isReplay\":1}");
        assertThat(user.content()).isEmpty();
        assertThat(user.isReplay()).isFalse();
        assertThat(user.toolUseResult()).isEmpty();
    }

    @Test
    void jsonNullsSurviveInRawValues() {
        UserMessage user = (UserMessage) decode("{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"x\"},"
                + "\"parent_tool_use_id\":null,\"tool_use_result\":{\"a\":null,\"b\":[null]}}");
        assertThat(user.raw()).containsEntry("parent_tool_use_id", null);
        assertThat(user.toolUseResult()).hasValueSatisfying(value -> assertThat(value)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("a", null)
                .containsEntry("b", Arrays.asList((Object) null)));
    }

    /**
     * Every field of every kind of recorded line, replaced by values of every JSON type or removed,
     * still decodes, and to the same kind of message as long as type and subtype are unchanged.
     */
    @Test
    void mutatedRecordedLinesStillDecode() {
        List<JsonNode> samples = new ArrayList<>(representativeLines());
        samples.add(Json.parse("{\"type\":\"rate_limit_event\",\"rate_limit_info\":{\"status\":\"allowed\","
                + "\"resetsAt\":1,\"utilization\":0.5},\"uuid\":\"u\",\"session_id\":\"s\"}"));
        samples.add(Json.parse("{\"type\":\"tool_progress\",\"tool_use_id\":\"t\",\"tool_name\":\"Bash\","
                + "\"parent_tool_use_id\":\"p\",\"elapsed_time_seconds\":1,\"task_id\":\"k\"}"));
        samples.add(Json.parse("{\"type\":\"auth_status\",\"isAuthenticating\":true,\"output\":[\"o\"],\"error\":\"e\"}"));
        samples.add(Json.parse("{\"type\":\"prompt_suggestion\",\"suggestion\":\"s\"}"));
        samples.add(Json.parse("{\"type\":\"system\",\"subtype\":\"compact_boundary\","
                + "\"compact_metadata\":{\"trigger\":\"auto\",\"pre_tokens\":1,\"post_tokens\":2}}"));
        samples.add(Json.parse("{\"type\":\"system\",\"subtype\":\"task_progress\",\"task_id\":\"k\","
                + "\"description\":\"d\",\"usage\":{\"total_tokens\":1,\"tool_uses\":1,\"duration_ms\":1}}"));
        samples.add(Json.parse("{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"image\","
                + "\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"AA==\"}},{\"type\":\"document\","
                + "\"source\":{\"type\":\"content\",\"content\":[{\"type\":\"text\",\"text\":\"t\"}]},\"title\":\"T\","
                + "\"citations\":{\"enabled\":true}},{\"type\":\"mcp_tool_result\",\"tool_use_id\":\"m\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"r\"}]}]}}"));

        List<JsonNode> replacements = List.of(
                Json.parse("null"), Json.parse("1.5"), Json.parse("-1"), Json.parse("1e400"),
                Json.parse("123456789012345678901234567890"), Json.parse("\"x\""), Json.parse("true"),
                Json.parse("[]"), Json.parse("{}"), Json.parse("[1,\"a\",null,{},[]]"),
                Json.parse("{\"type\":\"text\",\"text\":5}"));
        int decoded = 0;
        for (JsonNode sample : samples) {
            Class<?> expected = MessageDecoder.decode(sample).getClass();
            for (List<Object> path : paths(sample)) {
                List<JsonNode> variants = new ArrayList<>();
                for (JsonNode replacement : replacements) {
                    variants.add(mutated(sample, path, parent -> set(parent, last(path), replacement)));
                }
                variants.add(mutated(sample, path, parent -> remove(parent, last(path))));
                for (JsonNode variant : variants) {
                    Message message = MessageDecoder.decode(variant);
                    decoded++;
                    boolean sameKind = Json.text(variant, "type", "").equals(Json.text(sample, "type", ""))
                            && Json.text(variant, "subtype", "").equals(Json.text(sample, "subtype", ""))
                            && variant.get("type") != null && variant.get("type").isString();
                    if (sameKind) {
                        assertThat(message).as("%s", variant).isInstanceOf(expected);
                    }
                }
            }
        }
        assertThat(decoded).isGreaterThan(5_000);
    }

    /** One stdout line per kind of message, event and delta in the recordings (small lines only). */
    private static List<JsonNode> representativeLines() {
        Map<String, JsonNode> byKind = new LinkedHashMap<>();
        for (GoldenTranscripts.Line line : GoldenTranscripts.stdout()) {
            if (line.isControl() || line.file().startsWith("84") || line.file().startsWith("85")) {
                continue;
            }
            JsonNode msg = line.msg();
            String kind = line.type() + "/" + Json.text(msg, "subtype", "")
                    + "/" + Json.text(msg.path("event"), "type", "")
                    + "/" + Json.text(msg.path("event").path("delta"), "type", "")
                    + "/" + msg.has("error") + msg.has("tool_use_result") + msg.has("tool_use_meta");
            byKind.putIfAbsent(kind, msg);
        }
        return new ArrayList<>(byKind.values());
    }

    /** Every path (field names and array indexes) to a value inside a tree. */
    private static List<List<Object>> paths(JsonNode node) {
        List<List<Object>> paths = new ArrayList<>();
        collect(node, new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(JsonNode node, List<Object> prefix, List<List<Object>> paths) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                List<Object> path = new ArrayList<>(prefix);
                path.add(field.getKey());
                paths.add(path);
                collect(field.getValue(), path, paths);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < Math.min(node.size(), 3); i++) {
                List<Object> path = new ArrayList<>(prefix);
                path.add(i);
                paths.add(path);
                collect(node.get(i), path, paths);
            }
        }
    }

    private static JsonNode mutated(JsonNode sample, List<Object> path, Consumer<JsonNode> change) {
        JsonNode copy = sample.deepCopy();
        JsonNode parent = copy;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof String name ? parent.get(name) : parent.get((Integer) step);
        }
        change.accept(parent);
        return copy;
    }

    private static Object last(List<Object> path) {
        return path.get(path.size() - 1);
    }

    private static void set(JsonNode parent, Object step, JsonNode value) {
        if (step instanceof String name) {
            ((ObjectNode) parent).set(name, value.deepCopy());
        } else {
            ((ArrayNode) parent).set((Integer) step, value.deepCopy());
        }
    }

    private static void remove(JsonNode parent, Object step) {
        if (step instanceof String name) {
            ((ObjectNode) parent).remove(name);
        } else {
            ((ArrayNode) parent).remove((int) (Integer) step);
        }
    }
}
