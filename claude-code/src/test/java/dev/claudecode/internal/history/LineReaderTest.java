package dev.claudecode.internal.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    private static LineReader reader(String text) {
        return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Returns {@code "<offset>:<line>"} for every line. */
    private static List<String> lines(LineReader reader) throws IOException {
        List<String> lines = new ArrayList<>();
        while (reader.next()) {
            lines.add(reader.lineStart() + ":" + new String(reader.line().readAllBytes(), StandardCharsets.UTF_8));
        }
        return lines;
    }

    @Test
    void splitsLinesAndReportsTheirOffsets() throws IOException {
        assertThat(lines(reader("ab\n\ncde\nf"))).containsExactly("0:ab", "3:", "4:cde", "8:f");
        assertThat(lines(reader("ab\n"))).containsExactly("0:ab");
        assertThat(lines(reader(""))).isEmpty();
    }

    @Test
    void streamsLinesLongerThanItsBuffer() throws IOException {
        String longLine = "x".repeat(200_000);
        List<String> lines = lines(reader("a\n" + longLine + "\nb\n"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).isEqualTo("2:" + longLine);
        assertThat(lines.get(2)).isEqualTo((2 + 200_000 + 1) + ":b");
    }

    @Test
    void skipsTheUnreadRestOfALine() throws IOException {
        LineReader reader = reader("x".repeat(150_000) + "\nnext\n");
        assertThat(reader.next()).isTrue();
        assertThat(reader.line().readNBytes(10)).hasSize(10);
        assertThat(reader.next()).isTrue();
        assertThat(new String(reader.line().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("next");
        assertThat(reader.next()).isFalse();
    }

    @Test
    void seeksForwardToALineStart() throws IOException {
        String text = "first\n" + "y".repeat(300_000) + "\nthird\nfourth\n";
        long third = 6 + 300_001;
        long fourth = third + 6;
        try (LineReader reader = reader(text)) {
            reader.seek(third);
            assertThat(reader.next()).isTrue();
            assertThat(reader.lineStart()).isEqualTo(third);
            assertThat(new String(reader.line().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("third");
            reader.seek(fourth);
            assertThat(reader.next()).isTrue();
            assertThat(new String(reader.line().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("fourth");
            assertThatThrownBy(() -> reader.seek(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void keepsTheUnderlyingStreamOpenWhenALineStreamIsClosed() throws IOException {
        LineReader reader = reader("a\nb\n");
        assertThat(reader.next()).isTrue();
        try (InputStream line = reader.line()) {
            assertThat(line.read()).isEqualTo('a');
            assertThat(line.read()).isEqualTo(-1);
        }
        assertThat(reader.next()).isTrue();
        assertThat(reader.line().read()).isEqualTo('b');
    }

    @Test
    void readsFromStreamsThatReturnFewBytesAtATime() throws IOException {
        byte[] bytes = "one\ntwo\nthree".getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new InputStream() {
            private int pos;

            @Override
            public int read() {
                return pos < bytes.length ? bytes[pos++] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= bytes.length) {
                    return -1;
                }
                b[off] = bytes[pos++];
                return 1;
            }
        };
        assertThat(lines(new LineReader(trickle))).containsExactly("0:one", "4:two", "8:three");
    }
}
