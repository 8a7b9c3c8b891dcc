package dev.claudecode.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * The fake kubelet's exec: runs the command as a process on this machine, its stdin fed from
 * channel 0 (closed when the client sends {@code [255, 0]}), its stdout and stderr sent on
 * channels 1 and 2. The pod's file system is therefore this machine's, which the tests use to
 * check what the node wrote.
 */
final class LocalExec {

    private LocalExec() {
    }

    static int run(List<String> command, ChannelFrames frames, Consumer<byte[]> send) throws Exception {
        Process process = new ProcessBuilder(command).start();
        Thread in = Thread.ofVirtual().start(() -> {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(frames.readToEnd());
            } catch (IOException | InterruptedException | RuntimeException e) {
                // the command stopped reading
            }
        });
        Thread out = Thread.ofVirtual().start(() -> pump(process.getInputStream(), 1, send));
        Thread err = Thread.ofVirtual().start(() -> pump(process.getErrorStream(), 2, send));
        int status = process.waitFor();
        out.join();
        err.join();
        in.interrupt();
        return status;
    }

    private static void pump(InputStream stream, int channel, Consumer<byte[]> send) {
        byte[] buffer = new byte[8192];
        try (stream) {
            int read;
            while ((read = stream.read(buffer)) >= 0) {
                byte[] payload = new byte[read];
                System.arraycopy(buffer, 0, payload, 0, read);
                send.accept(ChannelFrames.frame(channel, payload));
            }
        } catch (IOException e) {
            // the command ended
        }
    }
}
