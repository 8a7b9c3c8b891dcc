package dev.claudecode.internal.control;

import dev.claudecode.options.ThinkingDisplay;
import dev.claudecode.permission.PermissionMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.databind.node.ObjectNode;

/**
 * The runtime changes a caller made to a session (model, permission mode, thinking budget and
 * display), kept
 * so that a new CLI process, started after a crash or a clear, gets them again: without this, a
 * session recovered from a crash would silently fall back to the model of its options.
 */
public final class RuntimeSettings {

    private Optional<String> model;
    private boolean modelSet;
    private PermissionMode permissionMode;
    private OptionalInt maxThinkingTokens;
    private boolean maxThinkingTokensSet;
    private Optional<ThinkingDisplay> thinkingDisplay;
    private boolean thinkingDisplaySet;

    /** @param model the model set, empty for the default */
    public synchronized void model(Optional<String> model) {
        this.model = model;
        this.modelSet = true;
    }

    /** @param mode the permission mode set */
    public synchronized void permissionMode(PermissionMode mode) {
        this.permissionMode = mode;
    }

    /** @param tokens the thinking budget set, empty for the default */
    public synchronized void maxThinkingTokens(OptionalInt tokens) {
        this.maxThinkingTokens = tokens;
        this.maxThinkingTokensSet = true;
    }

    /** @param display the thinking display set, empty when the override was cleared */
    public synchronized void thinkingDisplay(Optional<ThinkingDisplay> display) {
        this.thinkingDisplay = display;
        this.thinkingDisplaySet = true;
    }

    /** @return the control requests that give a new CLI the changes made so far, in a fixed order */
    public synchronized List<ObjectNode> replay() {
        List<ObjectNode> requests = new ArrayList<>(4);
        if (modelSet) {
            requests.add(ControlRequests.setModel(model));
        }
        if (permissionMode != null) {
            requests.add(ControlRequests.setPermissionMode(permissionMode));
        }
        if (maxThinkingTokensSet) {
            requests.add(ControlRequests.setMaxThinkingTokens(maxThinkingTokens));
        }
        if (thinkingDisplaySet) {
            requests.add(ControlRequests.setThinkingDisplay(thinkingDisplay));
        }
        return requests;
    }
}
