package dev.claudecode.internal.protocol;

import java.util.Set;

/** The command-line flags that put the CLI into the SDK protocol; the library sets them, never the user. */
public final class ProtocolFlags {

    /** Flags the library always sets itself; {@code extraArgs} may not name them. */
    public static final Set<String> PROTOCOL_FLAGS =
            Set.of("--output-format", "--input-format", "--verbose", "--print", "--sdk-url");

    /** The {@code --permission-prompt-tool} value that sends permission prompts to the SDK. */
    public static final String PERMISSION_PROMPT_TOOL = "stdio";

    private ProtocolFlags() {
    }
}
