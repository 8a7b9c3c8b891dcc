package dev.claudecode.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.claudecode.errors.ClaudeCodeException;
import dev.claudecode.errors.ProtocolException;
import dev.claudecode.message.Message;
import dev.claudecode.transport.LaunchSpec;
import dev.claudecode.transport.LocalTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many idle connections must not starve the JVM's virtual threads: a virtual thread blocked in a
 * pipe read pins its carrier, and the scheduler adds at most 256 carriers, so readers on virtual
 * threads stopped every virtual thread once about 128 processes sat idle.
 */
class CliConnectionThreadsTest {

    private static final int CONNECTIONS = 150;

    @Test
    void virtualThreadsStillRunWithManyIdleConnections() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/cat")), "needs /bin/cat, which waits on its input like an idle CLI");
        LaunchSpec idle = new LaunchSpec("/bin/cat", List.of(), Map.of(), name -> name.equals("PATH"), Optional.empty());
        List<CliConnection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                connections.add(CliConnection.open(LocalTransport.create(), idle, Long.MAX_VALUE,
                        (subtype, request) -> null, new NoEvents()));
            }
            CompletableFuture<String> ran = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> ran.complete("ran"));

            assertThat(ran.get(10, TimeUnit.SECONDS)).isEqualTo("ran");
        } finally {
            connections.parallelStream().forEach(connection -> connection.stop(Duration.ofSeconds(2)));
        }
        assertThat(connections).noneMatch(CliConnection::isAlive);
    }

    private static final class NoEvents implements CliConnection.Events {
        @Override
        public void onMessage(CliConnection connection, Message message) {
        }

        @Override
        public void onProtocolError(ProtocolException error) {
        }

        @Override
        public void onStderr(String line) {
        }

        @Override
        public void onExit(CliConnection connection, Optional<ClaudeCodeException> failure) {
        }
    }
}
