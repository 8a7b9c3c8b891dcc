package dev.claudecode.node;


/**
 * Work to do on the machine where a session's CLI runs; see {@code Session.execute}.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface NodeTask<T> {

    /**
     * Does the work.
     *
     * @param node the session's node
     * @return the result
     * @throws Exception any failure; it reaches the caller wrapped in a {@link dev.claudecode.errors.NodeCommandException}
     *     unless it already is a {@code ClaudeCodeException}
     */
    T run(Node node) throws Exception;
}
