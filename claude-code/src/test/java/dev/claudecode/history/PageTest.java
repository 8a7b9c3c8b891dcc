package dev.claudecode.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PageTest {

    private static final List<Integer> TEN = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

    @Test
    void aPageSkipsTheOffsetThenKeepsAtMostTheLimit() {
        assertThat(Page.all().of(TEN)).isEqualTo(TEN);
        assertThat(Page.first(3).of(TEN)).containsExactly(0, 1, 2);
        assertThat(Page.first(3).offset(5).of(TEN)).containsExactly(5, 6, 7);
        assertThat(Page.first(3).offset(8).of(TEN)).containsExactly(8, 9);
        assertThat(Page.all().offset(7).of(TEN)).containsExactly(7, 8, 9);
        assertThat(Page.first(3).offset(10).of(TEN)).isEmpty();
        assertThat(Page.all().offset(Integer.MAX_VALUE).of(TEN)).isEmpty();
        assertThat(Page.first(Integer.MAX_VALUE).offset(Integer.MAX_VALUE).of(TEN)).isEmpty();
    }

    @Test
    void theWithersKeepTheOtherComponent() {
        assertThat(Page.all().offset(5).limit(2)).isEqualTo(new Page(OptionalInt.of(2), 5));
        assertThat(Page.first(2).offset(5)).isEqualTo(new Page(OptionalInt.of(2), 5));
    }

    @Test
    void theEndIsWhereThePageStops() {
        assertThat(Page.first(3).offset(5).end()).isEqualTo(8);
        assertThat(Page.first(Integer.MAX_VALUE).offset(Integer.MAX_VALUE).end()).isEqualTo(2L * Integer.MAX_VALUE);
        assertThat(Page.all().offset(5).end()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theLimitIsPositiveAndTheOffsetNotNegative() {
        assertThatThrownBy(() -> Page.first(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be positive: 0");
        assertThatThrownBy(() -> Page.all().offset(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("offset must not be negative: -1");
        assertThatThrownBy(() -> new Page(null, 0)).isInstanceOf(NullPointerException.class);
    }
}
