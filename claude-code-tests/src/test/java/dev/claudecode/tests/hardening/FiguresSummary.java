package dev.claudecode.tests.hardening;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints the hardening suite's figures once every test has run, and writes them to {@code
 * target/hardening-figures.txt}; registered as a JUnit Platform listener through {@code
 * META-INF/services}.
 */
public final class FiguresSummary implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        Map<String, List<String>> figures = Figures.all();
        if (figures.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder("\n==== hardening suite: figures ====\n");
        figures.forEach((testCase, lines) -> {
            text.append(testCase).append('\n');
            lines.forEach(line -> text.append("    ").append(line).append('\n'));
        });
        text.append("==================================\n");
        System.out.print(text);
        try {
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Files.writeString(target.resolve("hardening-figures.txt"), text);
            }
        } catch (IOException e) {
            System.out.println("could not write target/hardening-figures.txt: " + e);
        }
    }
}
