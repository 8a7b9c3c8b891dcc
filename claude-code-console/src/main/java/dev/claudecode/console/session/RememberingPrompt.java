package dev.claudecode.console.session;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link PermissionPrompt} that remembers "always": once a person allows a tool always, later uses
 * of that tool in the session are allowed without asking again.
 */
public final class RememberingPrompt implements PermissionPrompt {

    private final PermissionPrompt person;
    private final Set<String> alwaysAllowed = ConcurrentHashMap.newKeySet();

    /**
     * @param person who is asked when the tool is not yet always allowed
     */
    public RememberingPrompt(PermissionPrompt person) {
        this.person = Objects.requireNonNull(person, "person");
    }

    @Override
    public ToolDecision decide(ToolRequest request) {
        if (alwaysAllowed.contains(request.toolName())) {
            return ToolDecision.ALLOW;
        }
        ToolDecision decision = person.decide(request);
        if (decision == ToolDecision.ALLOW_ALWAYS) {
            alwaysAllowed.add(request.toolName());
        }
        return decision;
    }

    /** @return the tools allowed always so far */
    public Set<String> alwaysAllowed() {
        return Set.copyOf(alwaysAllowed);
    }
}
