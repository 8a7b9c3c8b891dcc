package dev.claudecode.internal.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionLossNoticeTest {

    @Test
    void aLostConnectionAddsOneLineAfterTheOutput() throws IOException {
        InputStream in = new ConnectionLossNotice(stream("warning\n"), () -> Optional.of("the connection to h was lost"));

        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("warning\nssh: the connection to h was lost\n");
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void aNormalEndAddsNothing() throws IOException {
        InputStream in = new ConnectionLossNotice(stream("done\n"), Optional::empty);

        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("done\n");
    }

    @Test
    void aPipeClosedByTheLossEndsWithTheLine() throws IOException {
        InputStream in = new ConnectionLossNotice(failing(), () -> Optional.of("lost"));

        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("ssh: lost\n");
    }

    @Test
    void otherwiseAReadFailureIsReported() {
        InputStream in = new ConnectionLossNotice(failing(), Optional::empty);

        assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessage("Closed");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream failing() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Closed");
            }
        };
    }
}
