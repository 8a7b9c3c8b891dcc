package dev.claudecode.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.errors.ProtocolException;
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
    void passesOnACompleteLineBeforeWaitingForMoreBytes() throws Exception {
        // the stream delivers one line, then blocks as an idle CLI's stdout does
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        InputStream idleAfterOneLine = new InputStream() {
            private final byte[] line = "{\"a\":1}\n".getBytes(StandardCharsets.UTF_8);
            private int position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position < line.length) {
                    int n = Math.min(len, line.length - position);
                    System.arraycopy(line, position, b, off, n);
                    position += n;
                    return n;
                }
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
                return -1;
            }
        };
        java.util.concurrent.BlockingQueue<String> seen = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try {
                new LineReader(idleAfterOneLine, Long.MAX_VALUE).readAll((b, off, len) -> seen.add(new String(b, off, len, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                seen.add("failed: " + e);
            }
        });
        try {
            assertThat(seen.poll(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("{\"a\":1}");
        } finally {
            release.countDown();
            reader.join(5_000);
        }
    }

    @Test
    void readsLinesThatArriveOneByteAtATimeWithNothingWaiting() throws IOException {
        // available() is 0 throughout, as on streams that cannot tell: every read starts idle
        byte[] input = "ab\n\ncd\n".getBytes(StandardCharsets.UTF_8);
        InputStream dribble = new ByteArrayInputStream(input) {
            @Override
            public synchronized int available() {
                return 0;
            }

            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        assertThat(lines(dribble, Long.MAX_VALUE)).containsExactly("ab", "", "cd");
    }

    @Test
    void readsLinesAroundAMultiMegabyteLineInOneStream() throws IOException {
        String big = "z".repeat(3 * 1024 * 1024 + 17);
        byte[] input = ("first\n" + big + "\nlast\n").getBytes(StandardCharsets.UTF_8);
        assertThat(lines(new ByteArrayInputStream(input), Long.MAX_VALUE)).containsExactly("first", big, "last");
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

    @Test
    void joinsTheBufferedPiecesOfALongLineInOrderIntoAnArrayOfItsExactSize() throws IOException {
        byte[] big = new byte[3 * LineReader.SPILL_BYTES + 12_345];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('a' + i % 23);
        }
        byte[] input = concat("first\n".getBytes(StandardCharsets.UTF_8), big, "\nlast".getBytes(StandardCharsets.UTF_8));
        List<byte[]> seen = new ArrayList<>();
        List<Integer> arrayLengths = new ArrayList<>();
        new LineReader(new ByteArrayInputStream(input), Long.MAX_VALUE).readAll((b, off, len) -> {
            seen.add(Arrays.copyOfRange(b, off, off + len));
            arrayLengths.add(b.length);
        });
        assertThat(seen).hasSize(3);
        assertThat(new String(seen.get(0), StandardCharsets.UTF_8)).isEqualTo("first");
        assertThat(seen.get(1)).isEqualTo(big);
        assertThat(arrayLengths.get(1)).isEqualTo(big.length);
        assertThat(new String(seen.get(2), StandardCharsets.UTF_8)).isEqualTo("last");
    }

    @Test
    void dropsACarriageReturnThatEndsABufferedPiece() throws IOException {
        byte[] content = "q".repeat(LineReader.SPILL_BYTES - 1).getBytes(StandardCharsets.UTF_8);
        byte[] input = concat(content, "\r\nnext\r\n".getBytes(StandardCharsets.UTF_8));
        List<Integer> lengths = new ArrayList<>();
        new LineReader(new ByteArrayInputStream(input), Long.MAX_VALUE).readAll((b, off, len) -> lengths.add(len));
        assertThat(lengths).containsExactly(content.length, 4);
    }

    @Test
    void passesOnALongLastLineWithoutTerminator() throws IOException {
        String big = "w".repeat(2 * LineReader.SPILL_BYTES + 5);
        assertThat(lines(new ByteArrayInputStream(("a\n" + big).getBytes(StandardCharsets.UTF_8)), Long.MAX_VALUE))
                .containsExactly("a", big);
    }

    @Test
    void failsOnALongLineOverTheCapBeforeReadingAllOfIt() {
        long cap = LineReader.SPILL_BYTES + 100L;
        InputStream endless = new InputStream() {
            private long served;

            @Override
            public int read() {
                served++;
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (served > 4 * cap) {
                    throw new AssertionError("read far past the cap");
                }
                Arrays.fill(b, off, off + len, (byte) 'x');
                served += len;
                return len;
            }
        };
        assertThatThrownBy(() -> new LineReader(endless, cap).readAll((b, off, len) -> { }))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining(Long.toString(cap));
    }

    @Test
    void saysWhenItHasPassedOnEveryLineItReadBeforeReadingMore() throws IOException {
        List<byte[]> reads = List.of("a\nb\nc".getBytes(StandardCharsets.UTF_8), "c\n".getBytes(StandardCharsets.UTF_8),
                "d\ne".getBytes(StandardCharsets.UTF_8));
        // each read returns the rest of one chunk, as a pipe returns what one write put in it
        InputStream chunks = new InputStream() {
            private int next;
            private int position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (next == reads.size()) {
                    return -1;
                }
                byte[] chunk = reads.get(next);
                int n = Math.min(len, chunk.length - position);
                System.arraycopy(chunk, position, b, off, n);
                position += n;
                if (position == chunk.length) {
                    next++;
                    position = 0;
                }
                return n;
            }

            @Override
            public int available() {
                return next < reads.size() ? reads.get(next).length - position : 0;
            }
        };
        List<String> events = new ArrayList<>();
        new LineReader(chunks, Long.MAX_VALUE).readAll(new LineReader.LineConsumer() {
            @Override
            public void line(byte[] buffer, int offset, int length) {
                events.add(new String(buffer, offset, length, StandardCharsets.UTF_8));
            }

            @Override
            public void caughtUp() {
                events.add("|");
            }
        });
        assertThat(events).containsExactly("a", "b", "|", "cc", "|", "d", "|", "e", "|");
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    @Test
    void aCuttingReaderPassesOnTheHeadOfALongLineAndDropsTheRest() throws IOException {
        byte[] input = ("short\n" + "a".repeat(40_000) + "b".repeat(70_000) + "\nnext\n").getBytes(StandardCharsets.UTF_8);
        List<String> seen = new ArrayList<>();
        new LineReader(new ByteArrayInputStream(input), 16_384, LineReader.Overflow.CUT, "test lines")
                .readAll((b, off, len) -> seen.add(new String(b, off, len, StandardCharsets.UTF_8)));
        assertThat(seen).containsExactly("short", "a".repeat(16_384), "next");
    }

    @Test
    void aCuttingReaderKeepsNoMoreThanItsCapOfALineThatNeverEnds() throws IOException {
        long total = 256L * 1024 * 1024;
        InputStream endless = new InputStream() {
            private long served;

            @Override
            public int read() {
                return served++ < total ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (served >= total) {
                    return -1;
                }
                int n = (int) Math.min(len, total - served);
                Arrays.fill(b, off, off + n, (byte) 'x');
                served += n;
                return n;
            }
        };
        List<Integer> lengths = new ArrayList<>();
        long heapBefore = usedHeap();
        long[] peak = {0};
        new LineReader(endless, 16_384, LineReader.Overflow.CUT, "test lines").readAll(new LineReader.LineConsumer() {
            @Override
            public void line(byte[] buffer, int offset, int length) {
                lengths.add(length);
            }

            @Override
            public void caughtUp() {
                peak[0] = Math.max(peak[0], usedHeap() - heapBefore);
            }
        });
        // a quarter of a gigabyte went through; one cut line came out, and nothing near its size was held
        assertThat(lengths).containsExactly(16_384);
        assertThat(peak[0]).isLessThan(64L * 1024 * 1024);
    }

    @Test
    void theFailureOfALineOverTheCapNamesTheCap() {
        byte[] input = ("y".repeat(5000) + "\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new LineReader(new ByteArrayInputStream(input), 1000, LineReader.Overflow.FAIL,
                "ClaudeCodeOptions.maxStdoutLineBytes").readAll((b, off, len) -> { }))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("limit of 1000 bytes (ClaudeCodeOptions.maxStdoutLineBytes)");
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
