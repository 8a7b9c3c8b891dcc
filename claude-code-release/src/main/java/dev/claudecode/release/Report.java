package dev.claudecode.release;

import java.util.ArrayList;
import java.util.List;

/** What a check found: errors, which keep a bundle from Maven Central, and warnings, which do not. */
final class Report {

    /** How bad a finding is. */
    enum Severity {
        /** Maven Central would refuse the bundle, or the check could not tell. */
        ERROR,
        /** Worth knowing; the bundle is still complete. */
        WARNING
    }

    /**
     * One finding.
     *
     * @param severity how bad it is
     * @param where the component or file it is about
     * @param message what is wrong
     */
    record Finding(Severity severity, String where, String message) {

        @Override
        public String toString() {
            return severity + " " + where + ": " + message;
        }
    }

    private final List<Finding> findings = new ArrayList<>();

    /**
     * Records an error.
     *
     * @param where the component or file it is about
     * @param message what is wrong
     */
    void error(String where, String message) {
        findings.add(new Finding(Severity.ERROR, where, message));
    }

    /**
     * Records a warning.
     *
     * @param where the component or file it is about
     * @param message what is worth knowing
     */
    void warning(String where, String message) {
        findings.add(new Finding(Severity.WARNING, where, message));
    }

    /**
     * Takes over another report's findings.
     *
     * @param other the other report
     */
    void addAll(Report other) {
        findings.addAll(other.findings);
    }

    /** @return every finding, in the order found */
    List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** @return the errors */
    List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    /** @return the warnings */
    List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
    }

    /** @return whether nothing keeps the bundle from Maven Central */
    boolean passed() {
        return errors().isEmpty();
    }
}
