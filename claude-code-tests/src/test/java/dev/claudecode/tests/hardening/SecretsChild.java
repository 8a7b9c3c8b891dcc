package dev.claudecode.tests.hardening;

import dev.claudecode.ClaudeCode;
import dev.claudecode.errors.ClaudeCodeException;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.Session;
import dev.claudecode.internal.launch.OptionsLauncher;
import dev.claudecode.node.LocalNode;
import dev.claudecode.testkit.TestCli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A program that {@link SecurityIT} runs in a JVM of its own, with every logger at TRACE: it uses
 * an API key the way an application would, logging what an application might log (the options,
 * the launch, every message, the CLI's stderr, failures with their causes), so that the parent can
 * check that the key appears nowhere in the output. The real CLI runs a Bash tool; a stand-in that
 * prints its key on stdout and stderr and then fails plays a misbehaving CLI.
 */
public final class SecretsChild {

    private static final Logger LOG = LoggerFactory.getLogger(SecretsChild.class);

    private SecretsChild() {
    }

    /**
     * Runs the program.
     *
     * @param args the file holding the key, the working directory, the leaky stand-in CLI
     * @throws Exception when something unexpected fails
     */
    public static void main(String[] args) throws Exception {
        String key = Files.readString(Path.of(args[0])).strip();
        Path cwd = Path.of(args[1]);
        ClaudeCodeOptions real = ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(cwd).apiKey(key)
                .allowedTools("Bash").stderr(line -> LOG.info("CLI stderr: {}", line)).build();
        LOG.trace("options: {}", real);
        LOG.trace("launch: {}", new OptionsLauncher(real, TestCli.path().toString(), LocalNode::instance).initial().spec());
        try (Session session = ClaudeCode.start(real)) {
            session.addListener(message -> LOG.trace("message: {}", message));
            LOG.info("result: {}", session.query("run the tool"));
        }

        ClaudeCodeOptions leaky = real.toBuilder().cliPath(Path.of(args[2])).build();
        try (Session session = ClaudeCode.start(leaky)) {
            session.addListener(message -> LOG.trace("message: {}", message));
            session.query("hello");
            LOG.error("the leaky stand-in was expected to fail");
        } catch (ClaudeCodeException e) {
            LOG.error("the leaky CLI failed", e);
            System.out.println("FAILED AS EXPECTED: " + e);
        }
        System.out.println("DONE");
    }
}
