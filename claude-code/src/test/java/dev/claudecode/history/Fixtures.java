package dev.claudecode.history;

import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.protocol.ProtocolRecordings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Session files for tests: the recorded ones from {@code protocol/2.1.197/session-files} and generated ones. */
final class Fixtures {

    static final String MULTI_TURN = "20_multi_turn__7c341ea3-f56c-41c7-acd2-e44fcbca08b3.jsonl";
    static final String MULTI_TURN_FORK = "20_multi_turn__62257470-90c5-4e65-9bfb-3df7bedc8790.jsonl";
    static final String TOOL_FLOW = "35_hooks_tool_flow__5a6664dc-5bd9-42fd-8881-2e61972a807b.jsonl";
    static final String HOOK_STOP = "37_hook_stop_block_and_continue_false__0ca10774-ff12-4918-b05c-912b6461c899.jsonl";
    static final String CONTROL = "50_control_subtypes__e02cfa23-48ca-4499-b2a1-ce11b9bbff47.jsonl";
    static final String REWIND = "60_rewind_files__05f7a455-47ec-4219-a722-177e6daca247.jsonl";
    static final String SIGKILL = "80_sigkill_mid_turn__97dfd091-203e-4f4e-a326-d114f4541a1a.jsonl";
    static final String HUGE_TOOL_RESULTS = "85_huge_tool_results__32f4d274-e41f-4250-adb6-513bec3c1a56.jsonl";

    static final List<String> RECORDED =
            List.of(MULTI_TURN, MULTI_TURN_FORK, TOOL_FLOW, HOOK_STOP, CONTROL, REWIND, SIGKILL, HUGE_TOOL_RESULTS);

    private Fixtures() {
    }

    /** @return the CLI 2.1.197 recordings, which the named session files come from */
    static Path protocolDir() {
        return ProtocolRecordings.dir(ProtocolRecordings.V2_1_197);
    }

    /** @return the session id in a recorded file name ({@code <scenario>__<id>.jsonl}) */
    static String sessionIdOf(String recordedName) {
        return recordedName.substring(recordedName.indexOf("__") + 2, recordedName.length() - ".jsonl".length());
    }

    /** @return the recorded file's lines with the {@code <CWD>} placeholder replaced */
    static String recordedText(String recordedName, String cwd) {
        return recordedText(recordedName, ProtocolRecordings.V2_1_197, cwd);
    }

    /** @return one CLI version's recorded file's lines with the {@code <CWD>} placeholder replaced */
    static String recordedText(String recordedName, String version, String cwd) {
        try {
            String text = Files.readString(ProtocolRecordings.dir(version).resolve("session-files").resolve(recordedName));
            String escaped = Json.write(cwd);
            return text.replace("<CWD>", escaped.substring(1, escaped.length() - 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Installs a recorded transcript as the CLI would have written it for {@code cwd}.
     *
     * @return the transcript file
     */
    static Path installRecorded(Path configDir, String recordedName, Path cwd) {
        return installRecorded(configDir, recordedName, ProtocolRecordings.V2_1_197, cwd);
    }

    /**
     * Installs one CLI version's recorded transcript as the CLI would have written it for {@code cwd}.
     *
     * @return the transcript file
     */
    static Path installRecorded(Path configDir, String recordedName, String version, Path cwd) {
        String cwdText = cwd.toString();
        Path dir = configDir.resolve("projects").resolve(ProjectDirectories.encode(cwdText));
        Path file = dir.resolve(sessionIdOf(recordedName) + ".jsonl");
        write(file, recordedText(recordedName, version, cwdText));
        return file;
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writeRecords(Path file, List<Map<String, Object>> records) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> record : records) {
            text.append(Json.write(record)).append('\n');
        }
        return write(file, text.toString());
    }

    static void touch(Path file, Instant modified) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(modified));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A UUID-shaped id ending in {@code n}. */
    static String id(int n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }

    /** A session id ending in {@code n}. */
    static String sessionId(int n) {
        return String.format("5e551000-0000-4000-8000-%012d", n);
    }

    /** Records of one generated session, with the fields the CLI writes on every chain record. */
    static final class Transcript {
        private final String sessionId;
        private final String cwd;
        private final List<Map<String, Object>> records = new ArrayList<>();
        private int clock;

        Transcript(String sessionId, String cwd) {
            this.sessionId = sessionId;
            this.cwd = cwd;
        }

        List<Map<String, Object>> records() {
            return records;
        }

        Transcript add(Map<String, Object> record) {
            records.add(record);
            return this;
        }

        Map<String, Object> chain(String type, String uuid, String parentUuid) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("parentUuid", parentUuid);
            record.put("isSidechain", false);
            record.put("type", type);
            record.put("uuid", uuid);
            record.put("timestamp", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(clock++).toString());
            record.put("cwd", cwd);
            record.put("sessionId", sessionId);
            record.put("version", "2.1.197");
            record.put("gitBranch", "main");
            return record;
        }

        Transcript user(String uuid, String parentUuid, Object content) {
            Map<String, Object> record = chain("user", uuid, parentUuid);
            record.put("message", Map.of("role", "user", "content", content));
            return add(record);
        }

        Transcript assistant(String uuid, String parentUuid, String messageId, Map<String, Object> block) {
            Map<String, Object> record = chain("assistant", uuid, parentUuid);
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("id", messageId);
            message.put("type", "message");
            message.put("role", "assistant");
            message.put("model", "claude-test");
            message.put("content", List.of(block));
            message.put("stop_reason", "end_turn");
            record.put("message", message);
            return add(record);
        }

        Transcript assistantText(String uuid, String parentUuid, String messageId, String text) {
            return assistant(uuid, parentUuid, messageId, Map.of("type", "text", "text", text));
        }

        Transcript lastPrompt(String prompt, String leafUuid) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("type", "last-prompt");
            record.put("lastPrompt", prompt);
            record.put("leafUuid", leafUuid);
            record.put("sessionId", sessionId);
            return add(record);
        }

        Path writeTo(Path file) {
            return writeRecords(file, records);
        }
    }
}
