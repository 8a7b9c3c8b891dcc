package dev.claudecode.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.options.SessionStart;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StartingSessionIdTest {

    @Test
    void theKnownSessionIdIsTheNewOrForkedIdElseTheResumedSession() {
        UUID given = UUID.fromString("62257470-90c5-4e65-9bfb-3df7bedc8790");

        assertThat(known(SessionStart.newSession())).isEmpty();
        assertThat(known(SessionStart.newSession(given))).contains(given.toString());
        assertThat(known(SessionStart.resume("older"))).contains("older");
        assertThat(known(SessionStart.resume("older").forked())).contains("older");
        assertThat(known(SessionStart.resume("older").forked(given))).contains(given.toString());
        assertThat(known(SessionStart.continueLatest())).isEmpty();
        assertThat(known(SessionStart.continueLatest().forked(given))).contains(given.toString());
        assertThat(known(SessionStart.fromPr("123"))).isEmpty();
        assertThat(known(SessionStart.fromPr("123").forked(given))).contains(given.toString());
    }

    private static Optional<String> known(SessionStart start) {
        return StartingSessionId.of(start);
    }
}
