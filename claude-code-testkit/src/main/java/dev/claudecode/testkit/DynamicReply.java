package dev.claudecode.testkit;

import java.util.Objects;
import java.util.function.Function;

/**
 * A reply computed from the request it answers, see {@link Reply#from(Function)}.
 *
 * @param function computes the reply from the recorded request; must not return null
 */
public record DynamicReply(Function<? super RecordedRequest, ? extends Reply> function) implements Reply {

    /** Checks that the function is present. */
    public DynamicReply {
        Objects.requireNonNull(function, "function");
    }

    /**
     * Computes the reply for one request, following nested dynamic replies.
     *
     * @param request the request to answer
     * @return a message or error reply
     * @throws IllegalStateException when the function returns null or nests too deeply
     */
    public Reply resolve(RecordedRequest request) {
        Reply reply = this;
        for (int depth = 0; depth < 16; depth++) {
            if (!(reply instanceof DynamicReply dynamic)) {
                return reply;
            }
            reply = dynamic.function().apply(request);
            if (reply == null) {
                throw new IllegalStateException("a Reply.from(...) function returned null for request #" + request.index());
            }
        }
        throw new IllegalStateException("Reply.from(...) functions nest more than 16 levels deep");
    }
}
