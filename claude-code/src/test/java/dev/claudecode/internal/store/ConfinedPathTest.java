package dev.claudecode.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A file written under a root stays under it, whatever names it is given. */
class ConfinedPathTest {

    private static final Path ROOT = Path.of("/tmp/claude-resume-x/config");

    @Test
    void singleNamesStayUnderTheRoot() {
        assertThat(ConfinedPath.under(ROOT, "projects", "-home-app", "5e55.jsonl"))
                .isEqualTo(Path.of("/tmp/claude-resume-x/config/projects/-home-app/5e55.jsonl"));
        assertThat(ConfinedPath.under(ROOT, "a..b")).isEqualTo(ROOT.resolve("a..b"));
    }

    @Test
    void namesThatCouldLeaveTheRootAreRefused() {
        for (String name : new String[] {"..", ".", "../x", "a/b", "/etc", "x\\..\\y", "", "a\0b", "a\nb"}) {
            assertThatThrownBy(() -> ConfinedPath.under(ROOT, "projects", name)).as(name).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> ConfinedPath.under(ROOT)).isInstanceOf(IllegalArgumentException.class);
    }
}
