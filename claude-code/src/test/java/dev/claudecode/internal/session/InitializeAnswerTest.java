package dev.claudecode.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.control.ServerInfo;
import dev.claudecode.internal.control.ServerInfoDecoder;
import dev.claudecode.internal.json.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class InitializeAnswerTest {

    private static final String ANSWER = "{\"commands\":[{\"name\":\"review\",\"description\":\"Review — ünïcode\",\"argumentHint\":\"\"}],"
            + "\"agents\":[{\"name\":\"helper\",\"description\":\"Helps\"}],\"models\":[{\"value\":\"sonnet\",\"displayName\":\"Sonnet\"}],"
            + "\"output_style\":\"default\",\"available_output_styles\":[\"default\"],\"pid\":42}";

    @Test
    void keepsTheAnswerAsCompactJsonAndGivesBackAnEqualFreshTree() {
        JsonNode response = Json.parse(ANSWER);
        InitializeAnswer answer = InitializeAnswer.of(response);

        assertThat(answer.tree()).isEqualTo(response);
        assertThat(answer.size()).isEqualTo(Json.MAPPER.writeValueAsBytes(response).length);
        ((ObjectNode) answer.tree()).put("pid", 7);
        assertThat(answer.tree().path("pid").asInt()).isEqualTo(42);
    }

    @Test
    void decodesTheSameServerInfoAsTheAnswerItself() {
        JsonNode response = Json.parse(ANSWER);

        ServerInfo info = InitializeAnswer.of(response).serverInfo();

        assertThat(info).isEqualTo(ServerInfoDecoder.decode(response));
        assertThat(info.commands()).hasSize(1);
        assertThat(info.commands().get(0).description()).isEqualTo("Review — ünïcode");
        assertThat(info.pid()).hasValue(42);
    }
}
