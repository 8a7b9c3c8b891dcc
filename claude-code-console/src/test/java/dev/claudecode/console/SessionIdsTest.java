package dev.claudecode.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SessionIdsTest {

    private static final String A = "3c440b79-1139-4c31-b5e4-d5976bf150b5";
    private static final String B = "3c9f0000-1139-4c31-b5e4-d5976bf150b5";
    private static final String C = "9a4e0000-0000-4000-8000-000000000000";
    private static final Supplier<List<String>> STORED = () -> List.of(A, B, C);

    @Test
    void aFullIdIsTakenAsItIsWithoutListing() {
        assertThat(SessionIds.resolve(A.toUpperCase(), () -> {
            throw new AssertionError("listed");
        })).isEqualTo(A);
    }

    @Test
    void aUniqueStartNamesItsSession() {
        assertThat(SessionIds.resolve("9", STORED)).isEqualTo(C);
        assertThat(SessionIds.resolve("3c44", STORED)).isEqualTo(A);
        assertThat(SessionIds.resolve(" 3C9F ", STORED)).isEqualTo(B);
    }

    @Test
    void anAmbiguousUnknownOrMalformedStartIsRefusedWithTheReason() {
        assertThatThrownBy(() -> SessionIds.resolve("3c", STORED)).hasMessage("3c is the start of 2 session ids: " + A + ", " + B
                + "; give more of the id");
        assertThatThrownBy(() -> SessionIds.resolve("ff", STORED)).hasMessageContaining("no stored session id starts with ff");
        assertThatThrownBy(() -> SessionIds.resolve("../etc", STORED)).hasMessageContaining("is not a session id");
        assertThatThrownBy(() -> SessionIds.resolve("", STORED)).hasMessageContaining("is not a session id");
    }
}
