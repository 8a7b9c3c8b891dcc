package dev.claudecode.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.console.session.ContextBreakdown.Category;
import dev.claudecode.console.session.ContextBreakdown.Kind;
import dev.claudecode.control.ContextUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ContextBreakdownTest {

    /** The categories CLI 2.1.332 answered after two turns: name, tokens, kind, whether deferred. */
    private static final List<Object[]> ANSWER = List.of(
            new Object[] {"System prompt", 1968L, "used", false},
            new Object[] {"System tools", 5667L, "used", false},
            new Object[] {"System tools (deferred)", 6293L, "deferred", true},
            new Object[] {"Skills", 2067L, "used", false},
            new Object[] {"Messages", 0L, "used", false},
            new Object[] {"Autocompact buffer", 33000L, "buffer", false},
            new Object[] {"Free space", 957298L, "free", false});

    @Test
    void theNumbersAreTheCliOwnAndTheUsedCategoriesAddUpToTheTotal() {
        ContextBreakdown breakdown = ContextBreakdown.of(usage(true));

        assertThat(breakdown.model()).isEqualTo("claude-opus-5-5");
        assertThat(breakdown.totalTokens()).isEqualTo(9702);
        assertThat(breakdown.windowTokens()).isEqualTo(1_000_000);
        assertThat(breakdown.percentage()).isEqualTo("1%");
        assertThat(breakdown.categories()).containsExactly(
                new Category("System prompt", 1968, Kind.USED, "0.2%"),
                new Category("System tools", 5667, Kind.USED, "0.6%"),
                new Category("Skills", 2067, Kind.USED, "0.2%"),
                new Category("Free space", 957298, Kind.FREE, "96%"),
                new Category("Autocompact buffer", 33000, Kind.BUFFER, "3%"),
                new Category("System tools (deferred)", 6293, Kind.DEFERRED, "0.6%"));
        assertThat(breakdown.used().stream().mapToLong(Category::tokens).sum()).isEqualTo(breakdown.totalTokens());
    }

    @Test
    void anAnswerWithoutKindsIsClassedByTheCliRule() {
        assertThat(ContextBreakdown.of(usage(false)).categories()).extracting(Category::kind)
                .containsExactly(Kind.USED, Kind.USED, Kind.USED, Kind.FREE, Kind.BUFFER, Kind.DEFERRED);
    }

    @Test
    void sharesAreWrittenAsTheCliWritesThem() {
        assertThat(ContextBreakdown.share(378, 1_000_000)).isEqualTo("<0.1%");
        assertThat(ContextBreakdown.share(0, 1_000_000)).isEqualTo("0%");
        assertThat(ContextBreakdown.share(2445, 1_000_000)).isEqualTo("0.2%");
        assertThat(ContextBreakdown.share(9400, 1_000_000)).isEqualTo("0.9%");
        assertThat(ContextBreakdown.share(9702, 1_000_000)).isEqualTo("1%");
        assertThat(ContextBreakdown.share(964555, 1_000_000)).isEqualTo("96%");
        assertThat(ContextBreakdown.share(5, 0)).isEqualTo("–");
    }

    private static ContextUsage usage(boolean withKinds) {
        List<ContextUsage.Category> categories = new ArrayList<>();
        List<Map<String, Object>> raw = new ArrayList<>();
        for (Object[] row : ANSWER) {
            categories.add(new ContextUsage.Category((String) row[0], (Long) row[1], "inactive"));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", row[0]);
            json.put("tokens", row[1]);
            if (withKinds) {
                json.put("kind", row[2]);
            }
            if ((Boolean) row[3]) {
                json.put("isDeferred", true);
            }
            raw.add(json);
        }
        return new ContextUsage(categories, 9702, 1_000_000, 1_000_000, 1, "claude-opus-5-5", true, OptionalLong.of(967_000),
                Map.of("categories", raw));
    }
}
