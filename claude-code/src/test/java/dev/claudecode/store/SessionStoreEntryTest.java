package dev.claudecode.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionStoreEntryTest {

    @Test
    void keepsTheTextAndReadsTypeUuidAndTimestamp() {
        String line = "{\"type\":\"user\",\"uuid\":\"u-1\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"message\":{\"content\":\"hi\"}}";
        SessionStoreEntry entry = SessionStoreEntry.parse(line);
        assertThat(entry.json()).isEqualTo(line);
        assertThat(entry.type()).isEqualTo("user");
        assertThat(entry.uuid()).contains("u-1");
        assertThat(entry.timestamp()).contains("2026-01-01T00:00:00Z");
        assertThat(entry.value()).containsEntry("message", Map.of("content", "hi"));
    }

    @Test
    void entriesWithoutUuidHaveNone() {
        SessionStoreEntry entry = SessionStoreEntry.parse("{\"type\":\"last-prompt\",\"uuid\":\"\",\"lastPrompt\":\"x\"}");
        assertThat(entry.uuid()).isEmpty();
        assertThat(SessionStoreEntry.parse("{\"lastPrompt\":\"x\"}").type()).isEmpty();
    }

    @Test
    void equalityIsDeepJsonEqualityNotTextEquality() {
        SessionStoreEntry written = SessionStoreEntry.parse("{\"type\":\"x\",\"uuid\":\"u\",\"a\":1,\"b\":{\"c\":[1.0,2]}}");
        SessionStoreEntry reordered = SessionStoreEntry.parse("{\"b\": {\"c\": [1, 2e0]}, \"a\": 1.00, \"uuid\": \"u\", \"type\": \"x\"}");
        assertThat(reordered).isEqualTo(written).hasSameHashCodeAs(written);
        assertThat(SessionStoreEntry.parse("{\"type\":\"x\",\"uuid\":\"u\",\"a\":2,\"b\":{\"c\":[1,2]}}")).isNotEqualTo(written);
    }

    @Test
    void textIsAlwaysOneLine() {
        SessionStoreEntry entry = SessionStoreEntry.parse("{\n  \"type\": \"x\",\n  \"text\": \"a\\nb\"\r\n}");
        assertThat(entry.json()).doesNotContain("\n", "\r");
        assertThat(entry.value()).containsEntry("text", "a\nb");
    }

    @Test
    void onlyObjectsAreEntries() {
        assertThatThrownBy(() -> SessionStoreEntry.parse("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionStoreEntry.parse("{\"type\":")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionStoreEntry.parse("\"text\"")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void madeFromPlainJavaValues() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", "tag");
        value.put("tag", "release");
        value.put("list", List.of(1, "two"));
        value.put("none", null);
        SessionStoreEntry entry = SessionStoreEntry.of(value);
        assertThat(entry.json()).isEqualTo("{\"type\":\"tag\",\"tag\":\"release\",\"list\":[1,\"two\"],\"none\":null}");
        assertThat(entry.value()).isEqualTo(value);
    }

    @Test
    void toStringShowsNoContent() {
        SessionStoreEntry entry = SessionStoreEntry.parse("{\"type\":\"user\",\"uuid\":\"u\",\"secret\":\"sk-ant-123\"}");
        assertThat(entry.toString()).contains("user", "u").doesNotContain("sk-ant");
    }

    @Test
    void unpairedSurrogatesBecomeEscapesSoTheTextEncodesAsUtf8() {
        assertThat(SessionStoreEntry.parse("{\"a\":\"ok \ud83c\udf89\"}").json()).isEqualTo("{\"a\":\"ok \ud83c\udf89\"}");
        SessionStoreEntry cut = SessionStoreEntry.of(Map.of("a", "cut \ud83d"));
        assertThat(cut.json()).isEqualTo("{\"a\":\"cut \\ud83d\"}");
        assertThat(cut.value()).containsEntry("a", "cut \ud83d");
        assertThat(SessionStoreEntry.parse("{\"a\":\"\udf89 x\"}").json()).isEqualTo("{\"a\":\"\\udf89 x\"}");
    }
}
