package dev.claudecode.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The library version and the Claude Code CLI version it is built against, read from the jar. */
public final class BuildInfo {

    private static final Properties PROPERTIES = load();

    private BuildInfo() {
    }

    /** @return this library's version, e.g. {@code 0.2.0} */
    public static String libraryVersion() {
        return PROPERTIES.getProperty("version");
    }

    /** @return the pinned Claude Code CLI version, e.g. {@code 2.1.332} */
    public static String cliVersion() {
        return PROPERTIES.getProperty("cli.version");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/claude-code-java.properties")) {
            if (in == null) {
                throw new IllegalStateException("claude-code-java.properties is missing from the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
