package dev.claudecode.internal.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PidHeaderTest {

    @Test
    void readsThePidAndLeavesTheRestOfTheStream() throws Exception {
        InputStream stderr = stream("claude-code-java:pid:4242\nfirst line of the command\n");

        PidHeader header = PidHeader.read(stderr, Duration.ofSeconds(1));

        assertThat(header.pid()).hasValue(4242);
        assertThat(header.before()).isEmpty();
        assertThat(new String(stderr.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("first line of the command\n");
    }

    @Test
    void keepsWhatCameBeforeTheMarker() throws Exception {
        PidHeader header = PidHeader.read(stream("a warning\nclaude-code-java:pid:7\n"), Duration.ofSeconds(1));

        assertThat(header.pid()).hasValue(7);
        assertThat(header.before()).isEqualTo("a warning\n");
    }

    @Test
    void withoutAMarkerEverythingIsTheErrorMessage() throws Exception {
        PidHeader header = PidHeader.read(stream("claude-code-java: cannot run: /x is not found\npartial"), Duration.ofSeconds(1));

        assertThat(header.pid()).isEmpty();
        assertThat(header.before()).isEqualTo("claude-code-java: cannot run: /x is not found\npartial");
    }

    @Test
    void aGarbledMarkerIsAnError() {
        assertThatThrownBy(() -> PidHeader.read(stream("claude-code-java:pid:abc\n"), Duration.ofSeconds(1)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("claude-code-java:pid:abc");
    }

    @Test
    void endlessChatterBeforeTheMarkerIsAnError() {
        assertThatThrownBy(() -> PidHeader.read(stream("x".repeat(70_000)), Duration.ofSeconds(1)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("before starting");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
