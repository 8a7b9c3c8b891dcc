package dev.claudecode.control;

import dev.claudecode.internal.json.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The session's live permission rules and workspace directories, as the terminal's
 * {@code /permissions} lists them: the answer to {@link SessionControl#permissionRules()}
 * ({@code list_permission_rules}, introduced after CLI 2.1.197).
 *
 * @param rules every rule with its source ({@code rules})
 * @param workspaceDirectories the additional working directories ({@code workspaceDirectories})
 * @param originalCwd the session's original working directory ({@code originalCwd})
 * @param managedOnly whether managed settings allow only policy rules ({@code managedOnly}); rules
 *     of other files are then listed as not in effect
 * @param withheld whether the answer was cut because the connection stores its answers ({@code withheld})
 * @param raw the whole {@code state} object as plain JSON, settings {@code errors} included
 */
public record PermissionRules(List<Rule> rules, List<WorkspaceDirectory> workspaceDirectories, String originalCwd,
        boolean managedOnly, boolean withheld, Map<String, Object> raw) {

    /** Validates and copies the components. */
    public PermissionRules {
        rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
        workspaceDirectories = List.copyOf(Objects.requireNonNull(workspaceDirectories, "workspaceDirectories"));
        Objects.requireNonNull(originalCwd, "originalCwd");
        raw = JsonValues.copyMap(Objects.requireNonNull(raw, "raw"));
    }

    /**
     * One permission rule.
     *
     * @param behavior {@code allow}, {@code deny} or {@code ask} ({@code behavior})
     * @param source where it comes from, e.g. {@code cliArg}, {@code userSettings}, {@code session} ({@code source})
     * @param rule the rule exactly as stored, e.g. {@code Bash(git *)}; may hold invisible characters:
     *     escape it for display ({@code rule})
     * @param description the CLI's plain-language reading of it ({@code description})
     * @param editability {@code persistent}, {@code session} or {@code readonly} ({@code editability})
     * @param notInEffect whether managed settings make the session ignore it ({@code notInEffect})
     */
    public record Rule(String behavior, String source, String rule, Optional<Description> description, String editability,
            boolean notInEffect) {

        /** Validates the components. */
        public Rule {
            Objects.requireNonNull(behavior, "behavior");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(editability, "editability");
        }
    }

    /**
     * The plain-language reading of a rule, split so the part taken from the rule can be emphasised.
     *
     * @param prefix fixed words before it ({@code prefix})
     * @param emphasis the part taken from the rule ({@code emphasis})
     * @param suffix fixed words after it ({@code suffix})
     */
    public record Description(String prefix, Optional<String> emphasis, Optional<String> suffix) {

        /** Validates the components. */
        public Description {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(emphasis, "emphasis");
            Objects.requireNonNull(suffix, "suffix");
        }

        /** {@return the reading as one line} */
        public String text() {
            return prefix + emphasis.orElse("") + suffix.orElse("");
        }
    }

    /**
     * An additional working directory.
     *
     * @param path the directory ({@code path})
     * @param source where the grant comes from, e.g. {@code cliArg} for {@code --add-dir} ({@code source})
     */
    public record WorkspaceDirectory(String path, String source) {

        /** Validates the components. */
        public WorkspaceDirectory {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(source, "source");
        }
    }
}
