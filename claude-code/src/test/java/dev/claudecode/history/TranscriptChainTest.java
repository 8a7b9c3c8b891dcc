package dev.claudecode.history;

import static dev.claudecode.history.Fixtures.id;
import static dev.claudecode.history.RecordedSessionsTest.describe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.history.Fixtures.Transcript;
import dev.claudecode.internal.history.TranscriptIndex;
import dev.claudecode.internal.history.TranscriptReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conversation rebuilding over generated transcripts: branches, sidechains, compaction, merging, bad lines. */
class TranscriptChainTest {

    private static final String SESSION = Fixtures.sessionId(1);

    @TempDir
    Path temp;

    private final Transcript transcript = new Transcript(SESSION, "/w/app");

    private List<String> read(HistoryQuery query) {
        return describe(History.readTranscript(transcript.writeTo(temp.resolve(SESSION + ".jsonl")), query));
    }

    private Map<String, Object> sidechain(String type, String uuid, String parent, String text) {
        Map<String, Object> record = transcript.chain(type, uuid, parent);
        record.put("isSidechain", true);
        record.put("message", Map.of("role", type, "content", List.of(Map.of("type", "text", "text", text))));
        return record;
    }

    @Test
    void leavesSidechainRecordsOut() {
        transcript.user(id(1), null, "delegate this")
                .assistant(id(2), id(1), "msg_1", Map.of("type", "tool_use", "id", "toolu_1", "name", "Task", "input", Map.of()))
                .add(sidechain("user", id(3), id(2), "subagent prompt"))
                .add(sidechain("assistant", id(4), id(3), "subagent answer"))
                .user(id(5), id(2), List.of(Map.of("type", "tool_result", "tool_use_id", "toolu_1", "content", "ok")))
                .assistantText(id(6), id(5), "msg_2", "Delegated.")
                .add(sidechain("user", id(7), id(4), "written last, still a sidechain"));

        assertThat(read(HistoryQuery.all())).containsExactly(
                "user: delegate this", "assistant: [tool_use]", "user: [tool_result]", "assistant: Delegated.");
    }

    @Test
    void followsCompactionBoundariesIntoTheCompactedConversation() {
        Map<String, Object> boundary = transcript.chain("system", id(5), null);
        boundary.put("subtype", "compact_boundary");
        boundary.put("logicalParentUuid", id(4));
        boundary.put("compactMetadata", Map.of("trigger", "manual", "preTokens", 1234));
        Map<String, Object> summary = transcript.chain("user", id(6), id(5));
        summary.put("isCompactSummary", true);
        summary.put("message", Map.of("role", "user", "content", "Summary of the earlier conversation"));
        transcript.user(id(1), null, "first")
                .assistantText(id(2), id(1), "msg_1", "one")
                .user(id(3), id(2), "second")
                .assistantText(id(4), id(3), "msg_2", "two")
                .add(boundary)
                .add(summary)
                .user(id(7), id(6), "third")
                .assistantText(id(8), id(7), "msg_3", "three");

        assertThat(read(HistoryQuery.all())).containsExactly(
                "user: first", "assistant: one", "user: second", "assistant: two",
                "user: Summary of the earlier conversation", "user: third", "assistant: three");
        assertThat(read(HistoryQuery.builder().followCompaction(false).build())).containsExactly(
                "user: Summary of the earlier conversation", "user: third", "assistant: three");
        List<SessionMessage> messages = History.readTranscript(temp.resolve(SESSION + ".jsonl"), HistoryQuery.all());
        assertThat(messages.get(4).isCompactSummary()).isTrue();
        assertThat(messages.get(4).parentUuid()).contains(id(5));
    }

    @Test
    void relinksAPreservedSegmentBelowItsAnchorWithoutRepeatingIt() {
        Map<String, Object> boundary = transcript.chain("system", id(5), null);
        boundary.put("subtype", "compact_boundary");
        boundary.put("logicalParentUuid", id(4));
        boundary.put("compactMetadata",
                Map.of("preservedSegment", Map.of("headUuid", id(3), "anchorUuid", id(6), "tailUuid", id(4))));
        Map<String, Object> summary = transcript.chain("user", id(6), id(5));
        summary.put("isCompactSummary", true);
        summary.put("message", Map.of("role", "user", "content", "Summary"));
        transcript.user(id(1), null, "first")
                .assistantText(id(2), id(1), "msg_1", "one")
                .user(id(3), id(2), "kept prompt")
                .assistantText(id(4), id(3), "msg_2", "kept answer")
                .add(boundary)
                .add(summary)
                .user(id(7), id(6), "after");

        assertThat(read(HistoryQuery.builder().followCompaction(false).build()))
                .containsExactly("user: Summary", "user: kept prompt", "assistant: kept answer", "user: after");
        assertThat(read(HistoryQuery.all())).containsExactly(
                "user: first", "assistant: one", "user: kept prompt", "assistant: kept answer", "user: Summary", "user: after");
    }

    @Test
    void mergesTheRecordsOfOneAssistantMessage() {
        Map<String, Object> attachment = transcript.chain("attachment", id(4), id(3));
        attachment.put("attachment", Map.of("type", "hook_success"));
        transcript.user(id(1), null, "go")
                .assistant(id(2), id(1), "msg_1", Map.of("type", "thinking", "thinking", "hmm", "signature", "s"))
                .assistant(id(3), id(2), "msg_1", Map.of("type", "text", "text", "Running it."))
                .add(attachment)
                .assistant(id(5), id(4), "msg_1", Map.of("type", "tool_use", "id", "toolu_1", "name", "Bash", "input", Map.of()))
                .user(id(6), id(5), List.of(Map.of("type", "tool_result", "tool_use_id", "toolu_1", "content", "ok")))
                .assistantText(id(7), id(6), "msg_2", "Done.")
                .assistantText(id(8), id(7), "msg_3", "Anything else?");

        List<SessionMessage> messages = History.readTranscript(
                transcript.writeTo(temp.resolve(SESSION + ".jsonl")), HistoryQuery.all());

        assertThat(describe(messages)).containsExactly(
                "user: go", "assistant: Running it.", "user: [tool_result]", "assistant: Done.", "assistant: Anything else?");
        SessionMessage merged = messages.get(1);
        assertThat(merged.uuid()).isEqualTo(id(5));
        assertThat(merged.parentUuid()).contains(id(1));
        // the first record's time (the attachment's record was created first, at second 0)
        assertThat(merged.timestamp()).contains(java.time.Instant.parse("2026-01-01T00:00:02Z"));
        assertThat(merged.message()).containsEntry("id", "msg_1").containsEntry("stop_reason", "end_turn");
        List<Object> types = ((List<?>) merged.message().get("content")).stream()
                .map(block -> ((Map<?, ?>) block).get("type")).map(Object.class::cast).toList();
        assertThat(types).containsExactly("thinking", "text", "tool_use");
        assertThat(messages.get(2).parentUuid()).contains(merged.uuid());
    }

    @Test
    void takesTheNewestBranchAfterARewind() {
        transcript.user(id(1), null, "first")
                .assistantText(id(2), id(1), "msg_1", "one")
                .user(id(3), id(2), "second")
                .assistantText(id(4), id(3), "msg_2", "two")
                .user(id(5), id(2), "second, edited")
                .assistantText(id(6), id(5), "msg_3", "two, again");

        assertThat(read(HistoryQuery.all())).containsExactly(
                "user: first", "assistant: one", "user: second, edited", "assistant: two, again");
    }

    @Test
    void prefersTheLeafNamedByAFinalLastPromptRecord() {
        transcript.user(id(1), null, "first")
                .assistantText(id(2), id(1), "msg_1", "one")
                .user(id(3), id(2), "second")
                .assistantText(id(4), id(3), "msg_2", "two")
                .user(id(5), id(2), "other second")
                .assistantText(id(6), id(5), "msg_3", "other two")
                .lastPrompt("second", id(4));

        assertThat(read(HistoryQuery.all())).containsExactly(
                "user: first", "assistant: one", "user: second", "assistant: two");
    }

    @Test
    void takesRecordsWrittenAfterTheLastPromptRecord() {
        transcript.user(id(1), null, "first")
                .assistantText(id(2), id(1), "msg_1", "one")
                .lastPrompt("first", id(2))
                .user(id(3), id(2), "killed before the reply");

        assertThat(read(HistoryQuery.all())).containsExactly(
                "user: first", "assistant: one", "user: killed before the reply");
    }

    @Test
    void skipsAndCountsMalformedLines() throws Exception {
        transcript.user(id(1), null, "first").assistantText(id(2), id(1), "msg_1", "one");
        StringBuilder text = new StringBuilder();
        List<String> valid = transcript.records().stream().map(dev.claudecode.internal.json.Json::write).toList();
        text.append("this is not json\n")
                .append(valid.get(0)).append('\n')
                .append('\n')
                .append("   \r\n")
                .append("[1, 2]\n")
                .append("null\n")
                .append("{\"type\": \"user\", \"uuid\": \"broken\"\n")
                .append("{\"type\": \"user\"} trailing\n")
                .append(valid.get(1)).append('\n')
                .append("{\"type\": \"assistant\", \"uuid\": \"cut off by a kill");
        Path file = Fixtures.write(temp.resolve(SESSION + ".jsonl"), text.toString());

        TranscriptIndex index = TranscriptReader.index(file);
        assertThat(index.malformedLines()).isEqualTo(6);
        assertThat(index.lines()).isEqualTo(8);
        assertThat(describe(History.readTranscript(file, HistoryQuery.all()))).containsExactly("user: first", "assistant: one");
    }

    @Test
    void readsAHugeLine() {
        String big = "x".repeat(6 * 1024 * 1024);
        transcript.user(id(1), null, "make it big")
                .assistant(id(2), id(1), "msg_1", Map.of("type", "tool_use", "id", "toolu_1", "name", "Bash", "input", Map.of()))
                .user(id(3), id(2), List.of(Map.of("type", "tool_result", "tool_use_id", "toolu_1", "content", big)))
                .assistantText(id(4), id(3), "msg_2", "Big.");

        List<SessionMessage> messages = History.readTranscript(
                transcript.writeTo(temp.resolve(SESSION + ".jsonl")), HistoryQuery.all());

        assertThat(describe(messages)).containsExactly(
                "user: make it big", "assistant: [tool_use]", "user: [tool_result]", "assistant: Big.");
        Map<?, ?> result = (Map<?, ?>) ((List<?>) messages.get(2).message().get("content")).getFirst();
        assertThat((String) result.get("content")).hasSize(big.length());
        assertThat(describe(History.readTranscript(temp.resolve(SESSION + ".jsonl"), HistoryQuery.of(Page.first(1).offset(3)))))
                .containsExactly("assistant: Big.");
    }

    @Test
    void returnsNothingForATranscriptWithoutMessages() {
        Map<String, Object> queued = new LinkedHashMap<>();
        queued.put("type", "queue-operation");
        queued.put("operation", "enqueue");
        transcript.add(queued);

        assertThat(read(HistoryQuery.all())).isEmpty();
    }
}
