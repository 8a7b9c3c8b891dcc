package dev.claudecode.internal.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.elicitation.ElicitationMode;
import dev.claudecode.elicitation.ElicitationRequest;
import dev.claudecode.elicitation.ElicitationResult;
import dev.claudecode.elicitation.UserDialogRequest;
import dev.claudecode.elicitation.UserDialogResult;
import dev.claudecode.internal.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CLI's questions for the user, {@code elicitation} and {@code request_user_dialog}: how they
 * are read, how the handlers' answers are written, and what happens without a handler, when one
 * throws, hangs, or is withdrawn by the CLI.
 */
class QuestionAnswersTest {

    private static final String FORM = "{\"type\":\"control_request\",\"request_id\":\"%s\",\"request\":{"
            + "\"subtype\":\"elicitation\",\"mcp_server_name\":\"asker\",\"message\":\"Who are you?\",\"mode\":\"form\","
            + "\"requested_schema\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\",\"title\":\"Name\"},"
            + "\"age\":{\"type\":\"integer\",\"minimum\":0}},\"required\":[\"name\"]},\"property_order\":[\"age\",\"name\"],"
            + "\"title\":\"Sign up\",\"display_name\":\"Asker\",\"description\":\"Needs your name\"}}";

    private static final String URL = "{\"type\":\"control_request\",\"request_id\":\"%s\",\"request\":{"
            + "\"subtype\":\"elicitation\",\"mcp_server_name\":\"asker\",\"message\":\"Sign in\",\"mode\":\"url\","
            + "\"url\":\"https://example.test/login\",\"elicitation_id\":\"el-1\"}}";

    private static final String DIALOG = "{\"type\":\"control_request\",\"request_id\":\"%s\",\"request\":{"
            + "\"subtype\":\"request_user_dialog\",\"dialog_kind\":\"%s\",\"payload\":{\"originalModel\":\"a\","
            + "\"fallbackModel\":\"b\"},\"tool_use_id\":\"toolu_1\"}}";

    private static String form(String id) {
        return FORM.formatted(id);
    }

    private static String dialog(String id, String kind) {
        return DIALOG.formatted(id, kind);
    }

    @Test
    void aFormIsReadWithEveryFieldAndAcceptedWithItsValues() {
        List<ElicitationRequest> seen = new CopyOnWriteArrayList<>();
        CallbackConfig config = CallbackConfig.builder().elicitationHandler(request -> {
            seen.add(request);
            return ElicitationResult.accept(Map.of("name", "Ada", "age", 36));
        }).build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            harness.deliver(form("e"));
            JsonNode answer = harness.answerTo("e");
            assertThat(answer.path("subtype").asString()).isEqualTo("success");
            assertThat(answer.path("response")).isEqualTo(Json.parse("{\"action\":\"accept\",\"content\":{\"name\":\"Ada\",\"age\":36}}"));
        }
        ElicitationRequest request = seen.getFirst();
        assertThat(request.serverName()).isEqualTo("asker");
        assertThat(request.message()).isEqualTo("Who are you?");
        assertThat(request.mode()).isEqualTo(ElicitationMode.FORM);
        assertThat(request.url()).isEmpty();
        assertThat(request.title()).contains("Sign up");
        assertThat(request.displayName()).contains("Asker");
        assertThat(request.description()).contains("Needs your name");
        assertThat(request.propertyOrder()).containsExactly("age", "name");
        assertThat(request.fields()).extracting(field -> field.name() + ":" + field.type() + ":" + field.required())
                .containsExactly("age:INTEGER:false", "name:STRING:true");
        assertThat(request.raw()).containsEntry("subtype", "elicitation");
    }

    @Test
    void aUrlStepIsReadAndAcceptedWithoutContent() {
        List<ElicitationRequest> seen = new CopyOnWriteArrayList<>();
        CallbackConfig config = CallbackConfig.builder().elicitationHandler(request -> {
            seen.add(request);
            return ElicitationResult.accept();
        }).build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            harness.deliver(URL.formatted("u"));
            assertThat(harness.answerTo("u").path("response")).isEqualTo(Json.parse("{\"action\":\"accept\"}"));
        }
        assertThat(seen.getFirst().mode()).isEqualTo(ElicitationMode.URL);
        assertThat(seen.getFirst().url()).contains("https://example.test/login");
        assertThat(seen.getFirst().elicitationId()).contains("el-1");
        assertThat(seen.getFirst().fields()).isEmpty();
    }

    @Test
    void declineAndCancelAreWrittenAsTheirActions() {
        assertThat(ElicitationAnswerer.encode(ElicitationResult.decline(), ElicitationMode.FORM))
                .isEqualTo(Json.parse("{\"action\":\"decline\"}"));
        assertThat(ElicitationAnswerer.encode(ElicitationResult.cancel(), ElicitationMode.URL))
                .isEqualTo(Json.parse("{\"action\":\"cancel\"}"));
        assertThat(ElicitationAnswerer.encode(ElicitationResult.accept(), ElicitationMode.FORM))
                .isEqualTo(Json.parse("{\"action\":\"accept\",\"content\":{}}"));
    }

    @Test
    void withoutAHandlerEveryElicitationIsDeclined() {
        try (ChannelHarness harness = new ChannelHarness(CallbackConfig.builder().build())) {
            harness.deliver(form("e"));
            harness.deliver(URL.formatted("u"));
            assertThat(harness.answerTo("e").path("response")).isEqualTo(Json.parse("{\"action\":\"decline\"}"));
            assertThat(harness.answerTo("u").path("response")).isEqualTo(Json.parse("{\"action\":\"decline\"}"));
        }
    }

    @Test
    void aHandlerThatThrowsCancelsAndOneThatReturnsNullDeclines() {
        CallbackConfig throwing = CallbackConfig.builder().elicitationHandler(request -> {
            throw new IllegalStateException("form service down");
        }).build();
        try (ChannelHarness harness = new ChannelHarness(throwing)) {
            harness.deliver(form("e"));
            assertThat(harness.answerTo("e").path("response").path("action").asString()).isEqualTo("cancel");
        }
        try (ChannelHarness harness = new ChannelHarness(CallbackConfig.builder().elicitationHandler(request -> null).build())) {
            harness.deliver(form("e"));
            assertThat(harness.answerTo("e").path("response").path("action").asString()).isEqualTo("decline");
        }
    }

    @Test
    void aHangingHandlerCancelsAtItsTimeoutAndIsInterrupted() throws Exception {
        UntilInterrupted call = new UntilInterrupted();
        CallbackConfig config = CallbackConfig.builder().elicitationTimeout(Duration.ofMillis(200)).elicitationHandler(request -> {
            call.hang();
            return ElicitationResult.accept(Map.of("name", "late"));
        }).build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            harness.deliver(form("e"));
            assertThat(harness.answerTo("e").path("response")).isEqualTo(Json.parse("{\"action\":\"cancel\"}"));
            assertThat(call.interrupted()).isTrue();
        }
    }

    @Test
    void anElicitationWithdrawnByTheCliIsInterruptedAndNotAnswered() throws Exception {
        UntilInterrupted call = new UntilInterrupted();
        CallbackConfig config = CallbackConfig.builder().elicitationHandler(request -> {
            if (request.mode() == ElicitationMode.FORM) {
                call.hang();
            }
            return ElicitationResult.decline();
        }).build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            harness.deliver(form("e"));
            assertThat(call.started()).isTrue();
            harness.deliver("{\"type\":\"control_cancel_request\",\"request_id\":\"e\"}");
            assertThat(call.interrupted()).isTrue();
            harness.deliver(URL.formatted("after"));
            harness.answerTo("after");
            assertThat(harness.written()).hasSize(1);
        }
    }

    @Test
    void aDeclaredDialogIsAnsweredWithTheHandlersChoice() {
        List<UserDialogRequest> seen = new CopyOnWriteArrayList<>();
        CallbackConfig config = CallbackConfig.builder().dialogKinds(List.of(UserDialogRequest.REFUSAL_FALLBACK_PROMPT))
                .userDialogHandler(request -> {
                    seen.add(request);
                    return UserDialogResult.completed("retry_fallback");
                }).build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            harness.deliver(dialog("d", UserDialogRequest.REFUSAL_FALLBACK_PROMPT));
            assertThat(harness.answerTo("d").path("response"))
                    .isEqualTo(Json.parse("{\"behavior\":\"completed\",\"result\":\"retry_fallback\"}"));
        }
        UserDialogRequest request = seen.getFirst();
        assertThat(request.dialogKind()).isEqualTo("refusal_fallback_prompt");
        assertThat(request.payloadString("fallbackModel")).contains("b");
        assertThat(request.toolUseId()).contains("toolu_1");
    }

    @Test
    void aFailingHangingOrSilentDialogHandlerCancels() throws Exception {
        for (dev.claudecode.elicitation.UserDialogHandler handler : List.<dev.claudecode.elicitation.UserDialogHandler>of(
                request -> null, request -> {
                    throw new IllegalStateException("renderer crashed");
                })) {
            CallbackConfig config = CallbackConfig.builder().dialogKinds(List.of("k")).userDialogHandler(handler).build();
            try (ChannelHarness harness = new ChannelHarness(config)) {
                harness.deliver(dialog("d", "k"));
                assertThat(harness.answerTo("d").path("response")).isEqualTo(Json.parse("{\"behavior\":\"cancelled\"}"));
            }
        }
        UntilInterrupted call = new UntilInterrupted();
        CallbackConfig hanging = CallbackConfig.builder().dialogKinds(List.of("k")).userDialogTimeout(Duration.ofMillis(200))
                .userDialogHandler(request -> {
                    call.hang();
                    return UserDialogResult.completed("late");
                }).build();
        try (ChannelHarness harness = new ChannelHarness(hanging)) {
            harness.deliver(dialog("d", "k"));
            assertThat(harness.answerTo("d").path("response")).isEqualTo(Json.parse("{\"behavior\":\"cancelled\"}"));
            assertThat(call.interrupted()).isTrue();
        }
    }

    @Test
    void aWithdrawnDialogIsInterruptedAndNotAnswered() throws Exception {
        UntilInterrupted call = new UntilInterrupted();
        CallbackConfig config = CallbackConfig.builder().dialogKinds(List.of("k")).userDialogHandler(request -> {
            call.hang();
            return UserDialogResult.cancelled();
        }).build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            harness.deliver(dialog("d", "k"));
            assertThat(call.started()).isTrue();
            harness.deliver("{\"type\":\"control_cancel_request\",\"request_id\":\"d\"}");
            assertThat(call.interrupted()).isTrue();
            assertThat(harness.written()).isEmpty();
        }
    }

    @Test
    void aDialogOfAKindNotDeclaredIsAnsweredWithAnErrorNeverWithCancelled() {
        CallbackConfig config = CallbackConfig.builder().dialogKinds(List.of("k"))
                .userDialogHandler(request -> UserDialogResult.completed("never")).build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            harness.deliver(dialog("other", "auto_mode_outside_reads"));
            JsonNode answer = harness.answerTo("other");
            assertThat(answer.path("subtype").asString()).isEqualTo("error");
            assertThat(answer.path("error").asString()).contains("auto_mode_outside_reads", "supportedDialogKinds");
        }
        try (ChannelHarness harness = new ChannelHarness(CallbackConfig.builder().build())) {
            harness.deliver(dialog("none", "k"));
            assertThat(harness.answerTo("none").path("subtype").asString()).isEqualTo("error");
        }
    }

    @Test
    void theDeclaredDialogKindsGoIntoInitialize() {
        ObjectNode initialize = Json.object();
        CallbackConfig.builder().dialogKinds(List.of("refusal_fallback_prompt", "k"))
                .userDialogHandler(request -> UserDialogResult.cancelled()).build().addTo(initialize);
        assertThat(initialize).isEqualTo(Json.parse("{\"supportedDialogKinds\":[\"refusal_fallback_prompt\",\"k\"]}"));
        ObjectNode none = Json.object();
        CallbackConfig.builder().elicitationHandler(request -> ElicitationResult.decline()).build().addTo(none);
        assertThat(none.isEmpty()).isTrue();
    }
}
