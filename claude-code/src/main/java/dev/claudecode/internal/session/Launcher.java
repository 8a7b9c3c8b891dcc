package dev.claudecode.internal.session;

/** Plans how to start a session's CLI: the first time, after a crash, and after a reset. */
public interface Launcher {

    /** @return the launch that the session's options describe */
    Launch initial();

    /**
     * @param sessionId the conversation to continue
     * @return a launch that resumes it in a new process
     */
    Launch resume(String sessionId);

    /** @return a launch that starts a new conversation, ignoring resume, fork and continue */
    Launch fresh();
}
