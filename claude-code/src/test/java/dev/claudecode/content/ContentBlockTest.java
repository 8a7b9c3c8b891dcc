package dev.claudecode.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentBlockTest {

    @Test
    void imageMediaTypeIsDetectedFromTheBytes(@TempDir Path dir) throws Exception {
        byte[] gif = "GIF89a....".getBytes(StandardCharsets.US_ASCII);
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0};
        assertThat(mediaType(ImageBlock.of(gif))).isEqualTo("image/gif");
        assertThat(mediaType(ImageBlock.of(webp))).isEqualTo("image/webp");
        assertThat(mediaType(ImageBlock.of(png))).isEqualTo("image/png");

        Path mislabelled = dir.resolve("photo.png");
        Files.writeString(mislabelled, "not an image");
        assertThatThrownBy(() -> ImageBlock.of(mislabelled))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("photo.png");
        assertThatThrownBy(() -> ImageBlock.of(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageBlock.of(dir.resolve("missing.png"))).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> DocumentBlock.pdf(dir.resolve("missing.pdf"))).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void pdfFromAFileIsBase64(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a.pdf");
        Files.write(file, new byte[] {1, 2, 3});
        assertThat(DocumentBlock.pdf(file).source()).isEqualTo(new DocumentSource.Base64("application/pdf", "AQID"));
    }

    @Test
    void toolResultContentKeepsItsShape() {
        ToolResultContent text = ToolResultContent.text("done");
        assertThat(text.asText()).isEqualTo("done");
        assertThat(text.asBlocks()).containsExactly(TextBlock.of("done"));

        ToolResultContent blocks = ToolResultContent.blocks(
                List.of(TextBlock.of("a"), ImageBlock.url("https://x"), TextBlock.of("b")));
        assertThat(blocks.asText()).isEqualTo("ab");
        assertThat(blocks).isNotEqualTo(ToolResultContent.text("ab"));
        assertThat(ToolResultBlock.error("t", "boom").isError()).isTrue();
        assertThat(ToolResultBlock.of("t", "ok").text()).isEqualTo("ok");
    }

    @Test
    void blocksCopyTheirInputDeeplyAndKeepJsonNulls() {
        Map<String, Object> nested = new HashMap<>();
        nested.put("n", null);
        List<Object> list = new ArrayList<>(Arrays.asList(1, null));
        Map<String, Object> input = new HashMap<>();
        input.put("nested", nested);
        input.put("list", list);

        ToolUseBlock block = new ToolUseBlock("id", "Tool", input);
        nested.put("later", 1);
        list.add(2);
        input.put("added", true);

        assertThat(block.input()).containsOnlyKeys("nested", "list");
        assertThat(block.input().get("nested")).isEqualTo(mapWithNull("n"));
        assertThat(block.input().get("list")).isEqualTo(Arrays.asList(1, null));
        assertThatThrownBy(() -> block.input().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = (Map<String, Object>) block.input().get("nested");
        assertThatThrownBy(() -> inner.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void contentBlocksHelpers() {
        List<ContentBlock> blocks = List.of(
                TextBlock.of("a"), new ToolUseBlock("1", "Bash", Map.of()), TextBlock.of("b"),
                new ToolUseBlock("2", "Read", Map.of()));
        assertThat(ContentBlocks.text(blocks)).isEqualTo("ab");
        assertThat(ContentBlocks.ofType(blocks, ToolUseBlock.class)).extracting(ToolUseBlock::id).containsExactly("1", "2");
        assertThat(new UnknownBlock("x", Map.of()).type()).isEqualTo("x");
        assertThat(new ServerToolResultBlock("web_fetch_tool_result", "t", null, Map.of()).type())
                .isEqualTo("web_fetch_tool_result");
    }

    private static String mediaType(ImageBlock block) {
        return ((ImageSource.Base64) block.source()).mediaType();
    }

    private static Map<String, Object> mapWithNull(String key) {
        Map<String, Object> map = new HashMap<>();
        map.put(key, null);
        return map;
    }
}
