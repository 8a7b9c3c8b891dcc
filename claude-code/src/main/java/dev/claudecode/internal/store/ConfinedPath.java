package dev.claudecode.internal.store;

import dev.claudecode.store.SessionKey;
import java.nio.file.Path;

/**
 * Resolves the names of a file to write under the directory it must stay in. Each name must be a
 * single path name ({@link SessionKey#isValidName}: no separator, not {@code .} or {@code ..}), and
 * the resolved path is checked to stay below the root as well, so that a name that slipped past
 * an earlier check still cannot lead a write elsewhere.
 */
final class ConfinedPath {

    private ConfinedPath() {
    }

    /**
     * Resolves names under a root.
     *
     * @param root the directory the file must stay in
     * @param names the path names below it, in order
     * @return the normalized absolute path
     * @throws IllegalArgumentException when a name is not a single path name or the path leaves the root
     */
    static Path under(Path root, String... names) {
        Path base = root.toAbsolutePath().normalize();
        Path path = base;
        for (String name : names) {
            if (!SessionKey.isValidName(name)) {
                throw new IllegalArgumentException("not a single path name: " + printable(name));
            }
            path = path.resolve(name);
        }
        Path normalized = path.normalize();
        if (normalized.equals(base) || !normalized.startsWith(base)) {
            throw new IllegalArgumentException(printable(String.join("/", names)) + " leaves " + base);
        }
        return normalized;
    }

    private static String printable(String text) {
        return dev.claudecode.internal.history.SessionIds.printable(text);
    }
}
