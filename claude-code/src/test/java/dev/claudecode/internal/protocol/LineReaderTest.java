package dev.claudecode.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.ProtocolException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    private static List<String> lines(InputStream in, long cap) throws IOException {
        List<String> lines = new ArrayList<>();
        new LineReader(in, cap).readAll((b, off, len) -> lines.add(new String(b, off, len, StandardCharsets.UTF_8)));
        return lines;
    }

    @Test
    void splitsOnNewlinesAndKeepsALastUnterminatedLine() throws IOException {
        byte[] input = "a\nbb\r\n\nccc".getBytes(StandardCharsets.UTF_8);
        assertThat(lines(new ByteArrayInputStream(input), Long.MAX_VALUE)).containsExactly("a", "bb", "", "ccc");
    }

    @Test
    void handlesLinesSplitAcrossTinyReads() throws IOException {
        byte[] input = "{\"x\":1}\n{\"y\":\"é\"}\n".getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new ByteArrayInputStream(input) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        assertThat(lines(trickle, Long.MAX_VALUE)).containsExactly("{\"x\":1}", "{\"y\":\"é\"}");
    }

    @Test
    void readsA64MegabyteLineWhole() throws IOException {
        int size = 64 * 1024 * 1024;
        byte[] input = new byte[size + 4];
        Arrays.fill(input, 0, size, (byte) 'x');
        input[size] = '\n';
        input[size + 1] = 'o';
        input[size + 2] = 'k';
        input[size + 3] = '\n';
        List<Integer> lengths = new ArrayList<>();
        new LineReader(new ByteArrayInputStream(input), Long.MAX_VALUE).readAll((b, off, len) -> lengths.add(len));
        assertThat(lengths).containsExactly(size, 2);
    }

    @Test
    void failsCleanlyOnALineOverTheCap() {
        byte[] input = ("short\n" + "y".repeat(5000) + "\nnever\n").getBytes(StandardCharsets.UTF_8);
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> new LineReader(new ByteArrayInputStream(input), 1000)
                .readAll((b, off, len) -> seen.add(new String(b, off, len, StandardCharsets.UTF_8))))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("1000");
        assertThat(seen).containsExactly("short");
    }
}
