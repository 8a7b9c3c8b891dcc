package dev.claudecode.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.UserInput;
import dev.claudecode.internal.json.Json;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserLinesTest {

    @Test
    void aVerbatimMessageCarriesClientComposedAndOthersDoNot() {
        UserInput input = UserInput.text("look at @hello.txt").withUuid("u-1");

        assertThat(UserLines.of(input.content(), input.uuid(), input.verbatim())).isEqualTo(Json.parse(
                "{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"look at @hello.txt\"},"
                        + "\"parent_tool_use_id\":null,\"session_id\":\"\",\"uuid\":\"u-1\"}"));
        UserInput verbatim = input.asVerbatim();
        assertThat(verbatim.uuid()).contains("u-1");
        assertThat(UserLines.of(verbatim.content(), Optional.empty(), verbatim.verbatim()).get("client_composed").booleanValue())
                .isTrue();
        assertThat(verbatim.withUuid("u-2").verbatim()).isTrue();
    }
}
