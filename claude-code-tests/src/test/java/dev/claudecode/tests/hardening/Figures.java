package dev.claudecode.tests.hardening;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures the hardening suite proves (how many lines, cycles, messages, processes), collected
 * while it runs and printed together when it ends by {@link FiguresSummary}.
 */
public final class Figures {

    private static final Map<String, List<String>> BY_CASE = new TreeMap<>();

    private Figures() {
    }

    /**
     * Records one figure of a case.
     *
     * @param area the group, such as {@code faults} or {@code leaks}
     * @param testCase what was tried
     * @param figure what was measured, in words and numbers
     */
    public static synchronized void record(String area, String testCase, String figure) {
        BY_CASE.computeIfAbsent(area + " | " + testCase, k -> new ArrayList<>()).add(figure);
        System.out.println("[hardening] " + area + " | " + testCase + ": " + figure);
    }

    /** @return every figure recorded so far, by area and case */
    static synchronized Map<String, List<String>> all() {
        Map<String, List<String>> copy = new TreeMap<>();
        BY_CASE.forEach((key, figures) -> copy.put(key, List.copyOf(figures)));
        return copy;
    }
}
