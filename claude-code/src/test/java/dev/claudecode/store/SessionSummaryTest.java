package dev.claudecode.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The summary fold: set-once facts keep their first value, changing facts take the newest. */
class SessionSummaryTest {

    private static final SessionKey KEY = SessionKey.of("p", "s");

    private static SessionStoreEntry entry(String json) {
        return SessionStoreEntry.parse(json);
    }

    @Test
    void setOnceFactsKeepTheirFirstValue() {
        SessionSummary summary = SessionSummary.fold(Optional.empty(), KEY, List.of(
                entry("{\"type\":\"queue-operation\",\"timestamp\":\"2026-01-02T03:04:05.678Z\"}"),
                entry("{\"type\":\"user\",\"cwd\":\"/work/a\",\"entrypoint\":\"sdk-java\",\"gitBranch\":\"main\","
                        + "\"timestamp\":\"2026-01-02T03:05:00Z\",\"message\":{\"role\":\"user\",\"content\":\"Fix the build\"}}")), 1000);
        summary = SessionSummary.fold(Optional.of(summary), KEY, List.of(
                entry("{\"type\":\"user\",\"cwd\":\"/work/b\",\"entrypoint\":\"cli\",\"gitBranch\":\"feature\","
                        + "\"message\":{\"role\":\"user\",\"content\":\"And the tests\"}}")), 2000);
        assertThat(summary.mtime()).isEqualTo(2000);
        assertThat(summary.data())
                .containsEntry("createdAt", 1_767_323_045_678L)
                .containsEntry("cwd", "/work/a")
                .containsEntry("entrypoint", "sdk-java")
                .containsEntry("firstPrompt", "Fix the build")
                .containsEntry("firstPromptLocked", true)
                .containsEntry("gitBranch", "feature")
                .containsEntry("isSidechain", false);
    }

    @Test
    void changingFactsTakeTheNewest() {
        SessionSummary summary = SessionSummary.fold(Optional.empty(), KEY, List.of(
                entry("{\"type\":\"ai-title\",\"aiTitle\":\"Generated\"}"),
                entry("{\"type\":\"custom-title\",\"customTitle\":\"Mine\"}"),
                entry("{\"type\":\"last-prompt\",\"lastPrompt\":\"one\"}"),
                entry("{\"type\":\"summary\",\"summary\":\"older CLI summary\"}"),
                entry("{\"type\":\"tag\",\"tag\":\"release\"}"),
                entry("{\"type\":\"last-prompt\",\"lastPrompt\":\"two\"}")), 1);
        assertThat(summary.data()).containsEntry("aiTitle", "Generated").containsEntry("customTitle", "Mine")
                .containsEntry("lastPrompt", "two").containsEntry("summaryHint", "older CLI summary").containsEntry("tag", "release");
        SessionSummary untagged = summary.fold(List.of(entry("{\"type\":\"tag\",\"tag\":\"\"}"),
                entry("{\"type\":\"relocated\",\"relocatedCwd\":\"/moved\"}")));
        assertThat(untagged.data()).doesNotContainKey("tag").containsEntry("cwd", "/moved");
        assertThat(untagged.mtime()).isEqualTo(1);
    }

    @Test
    void theFirstPromptSkipsWhatTheCliWritesItselfAndFallsBackToACommand() {
        SessionSummary summary = SessionSummary.fold(Optional.empty(), KEY, List.of(
                entry("{\"type\":\"user\",\"isMeta\":true,\"message\":{\"content\":\"meta\"}}"),
                entry("{\"type\":\"user\",\"message\":{\"content\":\"<command-name>/clear</command-name>\"}}")), 1);
        assertThat(summary.data()).containsEntry("commandFallback", "/clear").doesNotContainKey("firstPrompt");
        summary = SessionSummary.fold(Optional.of(summary), KEY, List.of(
                entry("{\"type\":\"user\",\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"Real prompt\"}]}}")), 2);
        assertThat(summary.data()).containsEntry("firstPrompt", "Real prompt").containsEntry("commandFallback", "/clear");
        summary = SessionSummary.fold(Optional.of(summary), KEY, List.of(
                entry("{\"type\":\"user\",\"message\":{\"content\":\"Later prompt\"}}")), 3);
        assertThat(summary.data()).containsEntry("firstPrompt", "Real prompt");
    }

    @Test
    void dataRoundTripsThroughText() {
        SessionSummary summary = SessionSummary.fold(Optional.empty(), KEY, List.of(
                entry("{\"type\":\"user\",\"timestamp\":\"2026-01-02T03:04:05Z\",\"message\":{\"content\":\"hi\"}}")), 42);
        assertThat(SessionSummary.parse("s", 42, summary.dataJson())).isEqualTo(summary);
        assertThat(summary.toString()).doesNotContain("hi");
    }
}
