package dev.claudecode.examples.springboot;

import dev.claudecode.Session;
import dev.claudecode.spring.ClaudeCodeSessions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Answers a question in a session of its own. */
@RestController
public class AskController {

    private final ClaudeCodeSessions sessions;

    /**
     * @param sessions the starter's session factory
     */
    public AskController(ClaudeCodeSessions sessions) {
        this.sessions = sessions;
    }

    /**
     * @param question what the user asks
     * @return the answer
     */
    @GetMapping("/ask")
    public String ask(@RequestParam("question") String question) {
        try (Session session = sessions.start()) {
            return session.query(question).result().orElse("");
        }
    }
}
