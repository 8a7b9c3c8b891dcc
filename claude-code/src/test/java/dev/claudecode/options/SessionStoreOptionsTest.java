package dev.claudecode.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.errors.InvalidOptionsException;
import dev.claudecode.store.InMemorySessionStore;
import dev.claudecode.store.SessionStoreFlush;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionStoreOptionsTest {

    private final InMemorySessionStore store = new InMemorySessionStore();

    @Test
    void defaults() {
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().sessionStore(store).build();
        assertThat(options.sessionStore()).contains(store);
        assertThat(options.sessionStoreFlush()).isEqualTo(SessionStoreFlush.BATCHED);
        assertThat(options.sessionStoreLoadTimeout()).isEqualTo(ClaudeCodeOptions.DEFAULT_SESSION_STORE_LOAD_TIMEOUT);
        assertThat(ClaudeCodeOptions.builder().build().sessionStore()).isEmpty();
        assertThat(options.toBuilder().sessionStoreFlush(SessionStoreFlush.EAGER).build().sessionStoreFlush()).isEqualTo(SessionStoreFlush.EAGER);
    }

    @Test
    void whatAStoreCannotWorkWith() {
        assertThatThrownBy(() -> ClaudeCodeOptions.builder().sessionStore(store).noSessionPersistence(true).build())
                .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("noSessionPersistence");
        assertThatThrownBy(() -> ClaudeCodeOptions.builder().sessionStore(store).enableFileCheckpointing(true).build())
                .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("enableFileCheckpointing");
        assertThatThrownBy(() -> ClaudeCodeOptions.builder().sessionStore(store).start(SessionStart.fromPr("12")).build())
                .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("fromPr");
        assertThatThrownBy(() -> ClaudeCodeOptions.builder().sessionStore(store).sessionStoreLoadTimeout(Duration.ZERO).build())
                .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("sessionStoreLoadTimeout");
        assertThatThrownBy(() -> ClaudeCodeOptions.builder().sessionStore(store).sessionStoreProjectKey("../x").build())
                .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("sessionStoreProjectKey");
        assertThat(ClaudeCodeOptions.builder().sessionStore(store).sessionStoreProjectKey("tenant-7").build().sessionStoreProjectKey())
                .contains("tenant-7");
        assertThat(ClaudeCodeOptions.builder().noSessionPersistence(true).enableFileCheckpointing(true).build()).isNotNull();
    }
}
