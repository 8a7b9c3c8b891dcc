package dev.claudecode.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.content.ToolResultBlock;
import dev.claudecode.internal.json.Json;
import dev.claudecode.message.Message;
import dev.claudecode.message.UserMessage;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Huge lines give exactly the tree Jackson gives, whatever their strings hold. */
class HugeLineParserTest {

    private static final int BIG = HugeLineParser.HUGE_STRING_BYTES + 17;

    /** Repeats a JSON string fragment (as written on the wire) to at least {@link #BIG} bytes. */
    private static String big(String fragment) {
        return fragment.repeat(BIG / fragment.length() + 1);
    }

    private static JsonNode parseHuge(String line) {
        return parseHuge(line, new byte[0][]);
    }

    /** Parses {@code line} between bytes that must stay untouched; {@code bytesOut[0]} gets the buffer after. */
    private static JsonNode parseHuge(String line, byte[][] bytesOut) {
        byte[] bytes = ("junk" + line + "junk").getBytes(StandardCharsets.UTF_8);
        int length = line.getBytes(StandardCharsets.UTF_8).length;
        JsonNode tree = HugeLineParser.parse(bytes, 4, length);
        assertThat(new String(bytes, 0, 4, StandardCharsets.UTF_8)).isEqualTo("junk");
        assertThat(new String(bytes, 4 + length, 4, StandardCharsets.UTF_8)).isEqualTo("junk");
        if (bytesOut.length > 0) {
            bytesOut[0] = bytes;
        }
        return tree;
    }

    /** @return how many strings the parser took out of the line (placeholders it wrote) */
    private static long placeholders(byte[] bytes) {
        return java.util.regex.Pattern.compile("\"\\\\u0000[0-9a-f]{16}#\\d+\"")
                .matcher(new String(bytes, StandardCharsets.ISO_8859_1)).results().count();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "plain ascii text ",
            "escapes \\n\\t\\r\\b\\f \\\"quoted\\\" back\\\\slash \\/slash ",
            "latin-1 é ü ñ and escaped \\u00e9\\u00FC ",
            "beyond latin-1 — ✓ and escaped \\u2014\\u2713 ",
            "astral 😀 and escaped \\ud83d\\ude00 ",
            "escaped control \\u0000\\u001f ",
    })
    void bigStringsComeOutAsJacksonReadsThem(String fragment) {
        String line = "{\"type\":\"user\",\"small\":\"" + fragment + "\",\"message\":{\"content\":[{\"type\":\"tool_result\","
                + "\"content\":\"" + big(fragment) + "\"},\"" + big(fragment) + "\"]},\"n\":[1,2.5,true,null]}";

        byte[][] bytes = new byte[1][];
        assertThat(parseHuge(line, bytes)).isEqualTo(Json.parse(line));
        assertThat(placeholders(bytes[0])).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "lone \\ud800 high surrogate ",
            "lone \\udc00 low surrogate ",
            "pair \\ud83d\\ude00 then lone low \\ude00 ",
            "high \\ud83d before a plain escape \\u0041 ",
    })
    void leavesUndecodableStringsToJackson(String fragment) {
        String line = "{\"a\":\"" + big(fragment) + "\", \"b\":\"" + big("fine ") + "\"}";

        byte[][] bytes = new byte[1][];
        assertThat(parseHuge(line, bytes)).isEqualTo(Json.parse(line));
        assertThat(placeholders(bytes[0])).isEqualTo(1);
    }

    @Test
    void leavesBigPropertyNamesToJacksonWhichRefusesThemAsBefore() {
        String line = "{\"" + big("key ") + "\" : 1, \"b\":\"" + big("fine ") + "\"}";

        assertThatThrownBy(() -> Json.parse(line)).isInstanceOf(JacksonException.class).hasMessageContaining("Name length");
        assertThatThrownBy(() -> parseHuge(line)).isInstanceOf(JacksonException.class).hasMessageContaining("Name length");
    }

    @Test
    void aStringThatLooksLikeAPlaceholderStaysAsItIs() {
        String line = "{\"a\":\"\\u0000ffffffffffffffff#0\",\"b\":\"" + big("x") + "\"}";

        assertThat(parseHuge(line)).isEqualTo(Json.parse(line));
    }

    @Test
    void malformedLinesFailAsWithJackson() {
        assertThatThrownBy(() -> parseHuge("{\"a\":\"" + big("x") + "\",}")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> parseHuge("{\"a\":\"" + big("x"))).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> parseHuge("{\"a\":\"" + big("bad \\q escape ") + "\"}")).isInstanceOf(JacksonException.class);
    }

    @Test
    void theRouterDecodesAHugeLineIntoItsMessage() {
        String text = "line of a very large file ü\n".repeat(HugeLineParser.HUGE_LINE_BYTES / 20);
        String line = Json.write(Json.parse("{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
                + "\"tool_use_id\":\"toolu_1\",\"content\":" + Json.write(text) + "}]},\"session_id\":\"s\"}"));
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        List<Message> messages = new ArrayList<>();
        try (ControlChannel control = new ControlChannel(new StdinWriter(OutputStream.nullOutputStream()), (subtype, request) -> null)) {
            new StdoutRouter(control, messages::add, error -> {
                throw error;
            }).line(bytes, 0, bytes.length);
        }

        assertThat(bytes.length).isGreaterThanOrEqualTo(HugeLineParser.HUGE_LINE_BYTES);
        assertThat(messages).singleElement().isInstanceOfSatisfying(UserMessage.class, user ->
                assertThat(((ToolResultBlock) user.content().getFirst()).text()).isEqualTo(text));
    }
}
