package dev.claudecode.history;

import static dev.claudecode.history.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.history.Fixtures.Transcript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a listing reports, and what it leaves out, over generated transcripts. */
class ListingTest {

    @TempDir
    Path temp;

    private Path config;
    private Path project;
    private Path dir;
    private History history;

    @BeforeEach
    void setUp() throws Exception {
        config = temp.resolve("config");
        project = Files.createDirectories(temp.resolve("project")).toRealPath();
        dir = ProjectDirectories.directoryFor(config, project);
        history = History.at(config);
    }

    private Transcript transcript(int n) {
        return new Transcript(Fixtures.sessionId(n), project.toString());
    }

    private Path file(int n) {
        return dir.resolve(Fixtures.sessionId(n) + ".jsonl");
    }

    private static Map<String, Object> record(Object... keysAndValues) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            record.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return record;
    }

    @Test
    void prefersTheCustomTitleThenTheAiTitleThenAnOldSummary() {
        transcript(1).add(record("type", "ai-title", "aiTitle", "Generated"))
                .user(id(1), null, "hello")
                .add(record("type", "custom-title", "customTitle", "Mine"))
                .writeTo(file(1));
        transcript(2).add(record("type", "ai-title", "aiTitle", "Generated"))
                .user(id(1), null, "hello")
                .add(record("type", "summary", "summary", "Old summary", "leafUuid", id(1)))
                .writeTo(file(2));
        transcript(3).add(record("type", "summary", "summary", "Old summary", "leafUuid", id(1)))
                .user(id(1), null, "hello")
                .writeTo(file(3));
        transcript(4).user(id(1), null, "just a prompt").writeTo(file(4));

        Map<String, SessionInfo> byId = new LinkedHashMap<>();
        history.listSessions().forEach(info -> byId.put(info.sessionId(), info));

        assertThat(byId.get(Fixtures.sessionId(1)).title()).contains("Mine");
        assertThat(byId.get(Fixtures.sessionId(2)).title()).contains("Generated");
        assertThat(byId.get(Fixtures.sessionId(3)).title()).contains("Old summary");
        assertThat(byId.get(Fixtures.sessionId(4)).title()).isEmpty();
        assertThat(byId.get(Fixtures.sessionId(4)).summary()).isEqualTo("just a prompt");
    }

    @Test
    void findsTheFirstRealPrompt() {
        Map<String, Object> meta = transcript(1).chain("user", id(1), null);
        meta.put("isMeta", true);
        meta.put("message", Map.of("role", "user", "content", "<local-command-caveat>Caveat</local-command-caveat>"));
        transcript(1).add(meta)
                .user(id(2), id(1), "<command-name>/model</command-name>\n<command-args>sonnet</command-args>")
                .user(id(3), id(2), "<local-command-stdout>Set model</local-command-stdout>")
                .user(id(4), id(3), "[Request interrupted by user]")
                .user(id(5), id(4), List.of(Map.of("type", "tool_result", "tool_use_id", "t", "content", "x")))
                .user(id(6), id(5), List.of(Map.of("type", "text", "text", "  the real question  ")))
                .writeTo(file(1));
        transcript(2).user(id(1), null, "<command-name>/compact</command-name>").writeTo(file(2));
        transcript(3).user(id(1), null, "<bash-input>ls -la</bash-input>").writeTo(file(3));

        Map<String, SessionInfo> byId = new LinkedHashMap<>();
        history.listSessions().forEach(info -> byId.put(info.sessionId(), info));

        assertThat(byId.get(Fixtures.sessionId(1)).firstPrompt()).contains("the real question");
        assertThat(byId.get(Fixtures.sessionId(2)).firstPrompt()).contains("/compact");
        assertThat(byId.get(Fixtures.sessionId(3)).firstPrompt()).contains("! ls -la");
    }

    @Test
    void leavesOutEmptyFilesAndSubagentTranscripts() {
        transcript(1).user(id(1), null, "kept").writeTo(file(1));
        Fixtures.write(file(2), "");
        Map<String, Object> sidechain = transcript(3).chain("user", id(1), null);
        sidechain.put("isSidechain", true);
        sidechain.put("message", Map.of("role", "user", "content", "subagent"));
        transcript(3).add(sidechain).writeTo(file(3));
        Fixtures.write(file(4), "not json at all\n");

        assertThat(history.listSessions()).extracting(SessionInfo::sessionId).containsExactly(Fixtures.sessionId(1));
    }

    @Test
    void takesTheRelocatedCwdAndTheLatestBranch() {
        Map<String, Object> later = new Transcript(Fixtures.sessionId(1), project.toString()).chain("user", id(2), id(1));
        later.put("gitBranch", "feature");
        later.put("message", Map.of("role", "user", "content", "later"));
        transcript(1).user(id(1), null, "hello")
                .add(later)
                .add(record("type", "relocated", "relocatedCwd", "/moved/here", "sessionId", Fixtures.sessionId(1)))
                .writeTo(file(1));

        SessionInfo info = history.listSessions().getFirst();
        assertThat(info.cwd()).contains("/moved/here");
        assertThat(info.gitBranch()).contains("feature");
        assertThat(info.created()).contains(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void readsOnlyTheNewestFilesForAPage() {
        Instant base = Instant.parse("2026-02-01T00:00:00Z");
        for (int n = 1; n <= 50; n++) {
            transcript(n).user(id(1), null, "prompt " + n).writeTo(file(n));
            Fixtures.touch(file(n), base.plusSeconds(n));
        }

        List<SessionInfo> page = history.listSessions(SessionListQuery.builder().page(Page.first(3).offset(2)).build());

        assertThat(page).extracting(SessionInfo::firstPrompt)
                .containsExactly(java.util.Optional.of("prompt 48"), java.util.Optional.of("prompt 47"),
                        java.util.Optional.of("prompt 46"));
    }

    @Test
    void countsMessagesOfLargeFilesOnlyWhenAsked() {
        String padding = "p".repeat(200 * 1024);
        transcript(1).user(id(1), null, "first")
                .assistantText(id(2), id(1), "msg_1", padding)
                .user(id(3), id(2), "second")
                .assistantText(id(4), id(3), "msg_2", "done")
                .writeTo(file(1));

        assertThat(history.listSessions().getFirst().messageCount()).isEmpty();
        assertThat(history.listSessions(SessionListQuery.builder().countMessages(true).build()).getFirst()
                .messageCount()).hasValue(4);
        SessionInfo info = history.listSessions().getFirst();
        assertThat(info.firstPrompt()).contains("first");
        assertThat(info.fileSize()).isGreaterThan(200 * 1024);
    }

    @Test
    void listsNothingWithoutAProjectsDirectory() {
        assertThat(History.at(temp.resolve("no-config")).listSessions()).isEmpty();
        assertThat(history.listSessions(SessionListQuery.forProject(temp.resolve("unknown")))).isEmpty();
    }

    @Test
    void defaultConfigDirFollowsTheEnvironment() {
        assertThat(History.defaultConfigDir(Map.of("CLAUDE_CONFIG_DIR", "/opt/claude-config"), "/home/u"))
                .isEqualTo(Path.of("/opt/claude-config"));
        assertThat(History.defaultConfigDir(Map.of(), "/home/u")).isEqualTo(Path.of("/home/u", ".claude"));
    }
}
