package dev.claudecode.internal.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The first and last bytes of a file, read through a {@link SeekableByteChannel} so the middle of
 * a large transcript is never transferred. A file that fits in both windows is read whole.
 *
 * @param head the first bytes (the whole file when {@code complete})
 * @param tail the last bytes, preceded by one extra byte that tells whether the window starts on a
 *     line boundary; empty when {@code complete}
 * @param size the file size when it was opened, or -1 when only the head was read and the file is longer
 * @param complete whether {@code head} is the entire file
 */
public record FileWindow(byte[] head, byte[] tail, long size, boolean complete) {

    /** The window size used for session listings: 64 KiB at each end. */
    public static final int DEFAULT_SIZE = 64 * 1024;

    /**
     * Reads the head and tail windows of a file.
     *
     * @param file the file
     * @param window the bytes to read at each end
     * @return the windows
     * @throws IOException when the file cannot be read
     */
    public static FileWindow read(Path file, int window) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size <= 2L * window) {
                byte[] all = readUpTo(channel, (int) size);
                return new FileWindow(all, new byte[0], size, true);
            }
            byte[] head = readUpTo(channel, window);
            long tailStart = size - window - 1;
            byte[] tail;
            try {
                channel.position(tailStart);
                tail = readUpTo(channel, window + 1);
            } catch (UnsupportedOperationException notSeekable) {
                // some file systems (zip) only stream: skipping still avoids keeping the middle
                tail = readTailByStream(file, tailStart, window + 1);
            }
            return new FileWindow(head, tail, size, false);
        }
    }

    /**
     * Reads only the head window of a file; the result is {@code complete} when the file was shorter.
     *
     * @param file the file
     * @param window the bytes to read
     * @return the head, with an empty tail
     * @throws IOException when the file cannot be read
     */
    public static FileWindow readHead(Path file, int window) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(window + 1);
            boolean complete = head.length <= window;
            byte[] kept = complete ? head : Arrays.copyOf(head, window);
            return new FileWindow(kept, new byte[0], complete ? head.length : -1, complete);
        }
    }

    /**
     * The complete lines of the head window, in order. The last line of a complete file counts even
     * without a final newline; otherwise the cut-off last line is left out.
     *
     * @return each line as {@code {offset, length}} into {@link #head()}
     */
    public List<int[]> headLines() {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < head.length; i++) {
            if (head[i] == '\n') {
                lines.add(new int[] {start, i - start});
                start = i + 1;
            }
        }
        if (complete && start < head.length) {
            lines.add(new int[] {start, head.length - start});
        }
        return lines;
    }

    /**
     * The complete lines of the tail window, in order; the line the window cuts into is left out,
     * the file's last line counts even without a final newline.
     *
     * @return each line as {@code {offset, length}} into {@link #tail()}
     */
    public List<int[]> tailLines() {
        List<int[]> lines = new ArrayList<>();
        if (complete || tail.length == 0) {
            return lines;
        }
        int first = 0;
        while (first < tail.length && tail[first] != '\n') {
            first++;
        }
        int start = first + 1;
        for (int i = start; i < tail.length; i++) {
            if (tail[i] == '\n') {
                lines.add(new int[] {start, i - start});
                start = i + 1;
            }
        }
        if (start < tail.length) {
            lines.add(new int[] {start, tail.length - start});
        }
        return lines;
    }

    private static byte[] readUpTo(SeekableByteChannel channel, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                break;
            }
        }
        return buffer.position() == length ? buffer.array() : Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static byte[] readTailByStream(Path file, long start, int length) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Streams.skipFully(in, start);
            return in.readNBytes(length);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FileWindow window && size == window.size && complete == window.complete
                && Arrays.equals(head, window.head) && Arrays.equals(tail, window.tail);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(head) + Arrays.hashCode(tail);
    }

    @Override
    public String toString() {
        return "FileWindow[size=" + size + ", head=" + head.length + ", tail=" + tail.length + ", complete=" + complete + "]";
    }
}
