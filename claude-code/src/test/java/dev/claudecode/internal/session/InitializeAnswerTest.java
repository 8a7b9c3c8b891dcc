package dev.claudecode.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.internal.json.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class InitializeAnswerTest {

    @Test
    void keepsTheAnswerAsCompactJsonAndGivesBackAnEqualFreshTree() {
        JsonNode response = Json.parse("{\"commands\":[{\"name\":\"review\",\"description\":\"Review — ünïcode\"}],\"models\":[],\"pid\":42}");
        InitializeAnswer answer = InitializeAnswer.of(response);

        assertThat(answer.tree()).isEqualTo(response);
        assertThat(answer.size()).isEqualTo(Json.MAPPER.writeValueAsBytes(response).length);
        ((ObjectNode) answer.tree()).put("pid", 7);
        assertThat(answer.tree().path("pid").asInt()).isEqualTo(42);
    }
}
