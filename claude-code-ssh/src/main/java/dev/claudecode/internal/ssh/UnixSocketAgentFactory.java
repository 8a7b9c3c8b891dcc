package dev.claudecode.internal.ssh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;

/** Lets a MINA SSHD client authenticate with the keys of an ssh-agent on a Unix socket; no agent forwarding. */
public final class UnixSocketAgentFactory implements SshAgentFactory {

    private final Path socket;

    /**
     * Creates the factory.
     *
     * @param socket the agent's socket, such as the value of {@code SSH_AUTH_SOCK}
     */
    public UnixSocketAgentFactory(Path socket) {
        this.socket = socket;
    }

    @Override
    public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
        return List.of();
    }

    @Override
    public SshAgent createClient(Session session, FactoryManager manager) {
        return new UnixSocketAgent(socket);
    }

    @Override
    public SshAgentServer createServer(ConnectionService service) throws IOException {
        throw new IOException("agent forwarding is not offered");
    }
}
