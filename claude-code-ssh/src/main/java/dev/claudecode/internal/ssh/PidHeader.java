package dev.claudecode.internal.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import org.apache.sshd.common.channel.ChannelPipedInputStream;

/**
 * Reads the line {@link LaunchScript} writes on stderr before the command starts, which carries
 * the command's process (and group) id. What the script wrote before it is an error message.
 *
 * @param pid the process id, when the command started
 * @param before what came before the marker line (or before the end of the stream)
 */
public record PidHeader(OptionalLong pid, String before) {

    /** The script's own messages are short; anything longer is not the script talking. */
    private static final int MAX_BEFORE = 64 * 1024;

    /**
     * Reads up to and including the marker line, byte by byte, so that nothing the command
     * writes after it is consumed.
     *
     * @param stderr the channel's stderr
     * @param timeout how long the script may take to start the command
     * @return the header; without a pid when the stream ended first
     * @throws IOException when reading fails or the timeout passes
     */
    public static PidHeader read(InputStream stderr, Duration timeout) throws IOException {
        ChannelPipedInputStream piped = stderr instanceof ChannelPipedInputStream p ? p : null;
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream before = new ByteArrayOutputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            while (true) {
                if (piped != null) {
                    long remaining = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
                    if (remaining <= 0) {
                        throw new SocketException("the remote command did not start within " + timeout.toMillis() + " ms");
                    }
                    piped.setTimeout(remaining);
                }
                int b = stderr.read();
                if (b < 0) {
                    line.writeTo(before);
                    return new PidHeader(OptionalLong.empty(), before.toString(StandardCharsets.UTF_8));
                }
                if (b != '\n') {
                    line.write(b);
                    if (before.size() + line.size() > MAX_BEFORE) {
                        throw new IOException("the remote command wrote more than " + MAX_BEFORE + " bytes before starting");
                    }
                    continue;
                }
                String text = line.toString(StandardCharsets.UTF_8);
                if (text.startsWith(LaunchScript.PID_MARKER)) {
                    try {
                        long pid = Long.parseLong(text.substring(LaunchScript.PID_MARKER.length()).strip());
                        return new PidHeader(OptionalLong.of(pid), before.toString(StandardCharsets.UTF_8));
                    } catch (NumberFormatException e) {
                        throw new IOException("unreadable process id line from the remote command: " + text, e);
                    }
                }
                line.write('\n');
                line.writeTo(before);
                line.reset();
            }
        } finally {
            if (piped != null) {
                piped.setTimeout(0);
            }
        }
    }
}
