package dev.claudecode.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StandInModelTest {

    private final StandInModel model = new StandInModel();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "What is 5 + 3?|8",
        "what is 7 times 6|42",
        "Compute (2 + 3) * 4.|20",
        "10 / 4|2.5",
        "What's 1 divided by 3?|0.3333333333",
        "12 minus 20|-8",
        "3 x 3|9",
        "0.1 + 0.2|0.3",
    })
    void answersArithmeticWithTheBareNumber(String question, String answer) {
        assertThat(model.answer(request(user(question)))).isEqualTo(answer);
    }

    @Test
    void continuesFromThePreviousNumericAnswer() {
        RecordedRequest request = request(user("What is 5 + 3?"), assistant("8"), user("And times 2?"));

        assertThat(model.answer(request)).isEqualTo("16");
    }

    @Test
    void greetsWithALabel() {
        assertThat(model.answer(request(user("Hello there")))).startsWith("Hello!").contains("offline stand-in model");
    }

    @Test
    void echoesAnythingElseWithALabel() {
        assertThat(model.answer(request(user("Tell me about Java"))))
                .isEqualTo("(offline stand-in model) You said: Tell me about Java");
        assertThat(model.answer(request(user("Divide 1 by zero: 1 / 0")))).startsWith(StandInModel.LABEL);
    }

    @Test
    void ignoresTheClisSystemReminders() {
        RecordedRequest request = request(new ApiMessage("user", List.of(
                Map.of("type", "text", "text", "<system-reminder>\nToday's date is 2026-11-24.\n</system-reminder>\n"),
                Map.of("type", "text", "text", "What is 2 + 2?"))));

        assertThat(model.answer(request)).isEqualTo("4");
    }

    @Test
    void summarisesTheNewestToolResults() {
        RecordedRequest request = request(user("run it"),
                new ApiMessage("assistant", List.of(
                        Map.of("type", "tool_use", "id", "toolu_1", "name", "Bash", "input", Map.of("command", "echo hi")))),
                new ApiMessage("user", List.of(
                        Map.of("type", "tool_result", "tool_use_id", "toolu_1", "content", "hi\n", "is_error", false))));

        assertThat(model.answer(request)).isEqualTo("(offline stand-in model) The Bash tool returned: hi");
    }

    @Test
    void reportsAFailedTool() {
        RecordedRequest request = request(user("read it"),
                new ApiMessage("user", List.of(
                        Map.of("type", "tool_result", "tool_use_id", "toolu_2", "content", "No such file", "is_error", true))));

        assertThat(model.answer(request)).isEqualTo("(offline stand-in model) The tool failed: No such file");
    }

    @Test
    void givesTheTitleRequestAFixedTitle() {
        Map<String, Object> body = ApiClient.titleBody("anything");
        RecordedRequest request = new RecordedRequest(0, Instant.now(), "POST", "/v1/messages", "", Map.of(), body,
                TestkitJson.write(body), RequestKind.TITLE);

        assertThat(TestkitJson.toMap(TestkitJson.parse(model.answer(request)))).isEqualTo(Map.of("title", StandInModel.TITLE));
    }

    @Test
    void answersAsATextReply() {
        Reply reply = StandInModel.reply().resolve(request(user("What is 5 + 3?")));

        assertThat(reply).isEqualTo(Reply.text("8"));
    }

    private static ApiMessage user(String text) {
        return new ApiMessage("user", List.of(Map.of("type", "text", "text", text)));
    }

    private static ApiMessage assistant(String text) {
        return new ApiMessage("assistant", List.of(Map.of("type", "text", "text", text)));
    }

    private static RecordedRequest request(ApiMessage... messages) {
        List<Object> wire = new ArrayList<>();
        for (ApiMessage message : messages) {
            wire.add(Map.of("role", message.role(), "content", message.content()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", "claude-test");
        body.put("tools", List.of(Map.of("name", "Bash")));
        body.put("messages", wire);
        return new RecordedRequest(0, Instant.now(), "POST", "/v1/messages", "", Map.of(), body, TestkitJson.write(body),
                RequestKind.MAIN);
    }
}
