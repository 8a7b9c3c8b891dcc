package dev.claudecode.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.content.ContentBlock;
import dev.claudecode.content.DocumentBlock;
import dev.claudecode.content.DocumentSource;
import dev.claudecode.content.ImageBlock;
import dev.claudecode.content.ImageSource;
import dev.claudecode.content.McpToolResultBlock;
import dev.claudecode.content.McpToolUseBlock;
import dev.claudecode.content.RedactedThinkingBlock;
import dev.claudecode.content.ServerToolUseBlock;
import dev.claudecode.content.TextBlock;
import dev.claudecode.content.ThinkingBlock;
import dev.claudecode.content.ToolResultBlock;
import dev.claudecode.content.ToolResultContent;
import dev.claudecode.content.ToolUseBlock;
import dev.claudecode.content.UnknownBlock;
import dev.claudecode.internal.json.Json;
import dev.claudecode.message.AssistantMessage;
import dev.claudecode.message.Message;
import dev.claudecode.message.UserMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The encoder writes what the CLI accepts, and what it writes decodes back to the same block. */
class ContentEncoderTest {

    /** The 1x1 PNG of transcript 17, which the CLI accepted in a user message. */
    private static final String PNG_BASE64 =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    private static ContentBlock roundTrip(ContentBlock block) {
        return ContentBlockDecoder.decode(Json.parse(Json.write(ContentEncoder.encode(block))));
    }

    @Test
    void imageIsWrittenAsTheCliAcceptedIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pixel.bin");
        Files.write(file, Base64.getDecoder().decode(PNG_BASE64));
        ImageBlock image = ImageBlock.of(file);

        assertThat(Json.write(ContentEncoder.encode(image))).isEqualTo(
                "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\""
                        + PNG_BASE64 + "\"}}");
        assertThat(image).isEqualTo(ImageBlock.base64("image/png", PNG_BASE64));
        assertThat(roundTrip(image)).isEqualTo(image);
    }

    @Test
    void imageSourcesRoundTrip() {
        for (ImageBlock image : List.of(
                ImageBlock.base64("image/jpeg", "AAAA"),
                ImageBlock.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}),
                ImageBlock.url("https://example.com/a.png"),
                ImageBlock.file("file_01"),
                new ImageBlock(new ImageSource.Unknown("s3", Map.of("type", "s3", "key", "k"))))) {
            assertThat(roundTrip(image)).as("%s", image).isEqualTo(image);
        }
        assertThat(ImageBlock.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}).source())
                .isEqualTo(new ImageSource.Base64("image/jpeg", "/9j/AA=="));
    }

    @Test
    void documentsRoundTrip() {
        byte[] pdf = "%PDF-1.7 tiny".getBytes(StandardCharsets.US_ASCII);
        DocumentBlock withEverything = DocumentBlock.pdf(pdf)
                .withTitle("Spec")
                .withContext("The product spec")
                .withCitations(true);
        assertThat(Json.write(ContentEncoder.encode(withEverything))).isEqualTo(
                "{\"type\":\"document\",\"source\":{\"type\":\"base64\",\"media_type\":\"application/pdf\",\"data\":\""
                        + Base64.getEncoder().encodeToString(pdf) + "\"},\"title\":\"Spec\","
                        + "\"context\":\"The product spec\",\"citations\":{\"enabled\":true}}");
        assertThat(Json.write(ContentEncoder.encode(DocumentBlock.text("notes")))).isEqualTo(
                "{\"type\":\"document\",\"source\":{\"type\":\"text\",\"media_type\":\"text/plain\",\"data\":\"notes\"}}");

        for (DocumentBlock document : List.of(
                withEverything,
                DocumentBlock.text("plain notes"),
                DocumentBlock.url("https://example.com/a.pdf"),
                DocumentBlock.of(new DocumentSource.File("file_02")),
                DocumentBlock.of(new DocumentSource.Content(List.of(TextBlock.of("chunk 1"), TextBlock.of("chunk 2")))),
                DocumentBlock.of(new DocumentSource.Unknown("zip", Map.of("type", "zip", "data", "x"))))) {
            assertThat(roundTrip(document)).as("%s", document).isEqualTo(document);
        }
    }

    @Test
    void textAndToolBlocksRoundTrip() {
        List<ContentBlock> blocks = List.of(
                TextBlock.of("hello"),
                TextBlock.of(""),
                new TextBlock("cited", List.of(Map.of("type", "char_location", "start_char_index", 0))),
                new ThinkingBlock("hmm", "sig"),
                new RedactedThinkingBlock("opaque"),
                new ToolUseBlock("toolu_1", "Bash", Map.of("command", "ls", "flags", List.of("-l"))),
                new ServerToolUseBlock("srvtoolu_1", "web_search", Map.of("query", "java")),
                new McpToolUseBlock("mcptoolu_1", "add", "calc", Map.of("a", 1)),
                ToolResultBlock.of("toolu_1", "file.txt"),
                ToolResultBlock.error("toolu_1", "Error: no such file"),
                ToolResultBlock.of("toolu_1", List.of(TextBlock.of("see"), ImageBlock.base64("image/png", PNG_BASE64))),
                ToolResultBlock.of("toolu_1", List.of()),
                new McpToolResultBlock("mcptoolu_1", ToolResultContent.text("3"), false),
                new UnknownBlock("future_block", Map.of("type", "future_block", "n", 1)));
        for (ContentBlock block : blocks) {
            assertThat(roundTrip(block)).as("%s", block).isEqualTo(block);
        }
        assertThat(Json.write(ContentEncoder.encodeAll(blocks.subList(0, 1))))
                .isEqualTo("[{\"type\":\"text\",\"text\":\"hello\"}]");
        assertThat(Json.write(ContentEncoder.encode(ToolResultBlock.error("t", "boom"))))
                .isEqualTo("{\"type\":\"tool_result\",\"tool_use_id\":\"t\",\"content\":\"boom\",\"is_error\":true}");
    }

    @Test
    void unknownBlockWithoutTypeInItsRawGetsOne() {
        assertThat(Json.write(ContentEncoder.encode(new UnknownBlock("x", Map.of("a", 1)))))
                .isEqualTo("{\"a\":1,\"type\":\"x\"}");
    }

    @Test
    void everyRecordedContentBlockRoundTrips() {
        List<ContentBlock> recorded = new ArrayList<>();
        for (GoldenTranscripts.Line line : GoldenTranscripts.stdout()) {
            if (line.isControl()) {
                continue;
            }
            Message message = MessageDecoder.decode(line.msg());
            if (message instanceof AssistantMessage a) {
                recorded.addAll(a.content());
            } else if (message instanceof UserMessage u) {
                recorded.addAll(u.content());
            }
        }
        assertThat(recorded).hasSizeGreaterThan(150);
        for (ContentBlock block : recorded) {
            assertThat(roundTrip(block)).isEqualTo(block);
        }
    }

    @Test
    void recordedUserInputEncodesToTheSameJson() {
        // transcript 17 sent text + image; the encoder must produce exactly that content
        JsonNode sent = Json.parse("[{\"type\":\"text\",\"text\":\"what is in this image?\"},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\""
                + PNG_BASE64 + "\"}}]");
        assertThat(ContentEncoder.encodeAll(List.of(
                TextBlock.of("what is in this image?"), ImageBlock.base64("image/png", PNG_BASE64))))
                .isEqualTo(sent);
        assertThat(ContentBlockDecoder.decodeAll(sent).get(1)).isInstanceOf(ImageBlock.class);
        assertThat(DocumentBlock.text("x").title()).isEqualTo(Optional.empty());
    }
}
