package dev.claudecode.internal.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A remote command's stderr that, when it ends because the connection was lost, ends with one more
 * line saying so and why (as OpenSSH's {@code ssh} prints "Timeout, server not responding"), so
 * that the failure of a session whose host froze or vanished names the cause, not only exit 255.
 */
final class ConnectionLossNotice extends InputStream {

    private final InputStream in;
    private final Supplier<Optional<String>> loss;
    private byte[] notice;
    private int position;

    /**
     * Wraps a stream.
     *
     * @param in the command's stderr
     * @param loss why the connection was lost, once it was; asked when {@code in} ends
     */
    ConnectionLossNotice(InputStream in, Supplier<Optional<String>> loss) {
        this.in = in;
        this.loss = loss;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (notice == null) {
            try {
                int n = in.read(buffer, offset, length);
                if (n >= 0) {
                    return n;
                }
            } catch (IOException e) {
                // a pipe closed under the reader by the lost connection ends here too
                if (loss.get().isEmpty()) {
                    throw e;
                }
            }
            notice = loss.get().map(text -> ("ssh: " + text + "\n").getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        }
        if (length == 0) {
            return 0;
        }
        if (position >= notice.length) {
            return -1;
        }
        int n = Math.min(length, notice.length - position);
        System.arraycopy(notice, position, buffer, offset, n);
        position += n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return notice == null ? in.available() : notice.length - position;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
