package dev.claudecode.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionKeyTest {

    @Test
    void aMainKeyAndItsSubagentKeys() {
        SessionKey main = SessionKey.of("-home-me-app", "3f2a");
        SessionKey sub = main.withSubpath("subagents/agent-a1");
        assertThat(main.isMain()).isTrue();
        assertThat(sub.isMain()).isFalse();
        assertThat(sub.subpath()).contains("subagents/agent-a1");
        assertThat(sub.main()).isEqualTo(main);
        assertThat(sub).hasToString("-home-me-app/3f2a/subagents/agent-a1");
        assertThat(new SessionKey("p", "s", Optional.empty())).isEqualTo(SessionKey.of("p", "s"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "a\\b", "nul\u0000", "line\nbreak"})
    void namesThatWouldEscapeTheirDirectoryAreRefused(String name) {
        assertThatThrownBy(() -> SessionKey.of(name, "s")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("projectKey");
        assertThatThrownBy(() -> SessionKey.of("p", name)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sessionId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/abs", "a//b", "a/../b", "a/./b", "trailing/", "..", "back\\slash"})
    void subpathsThatWouldEscapeTheSessionAreRefused(String subpath) {
        assertThatThrownBy(() -> SessionKey.of("p", "s", subpath)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subpath");
    }

    @Test
    void overlongNamesAreRefused() {
        assertThatThrownBy(() -> SessionKey.of("p".repeat(256), "s")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SessionKey.of("p".repeat(255), "s").projectKey()).hasSize(255);
    }
}
