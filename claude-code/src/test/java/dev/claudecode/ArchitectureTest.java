package dev.claudecode;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep the core's package layout the architecture: no class cycles across packages,
 * no public packages that depend on each other, API signatures free of implementation and
 * third-party types, and a module descriptor that exports exactly the API.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.claudecode";
    private static final String INTERNAL = ROOT + ".internal";

    private static JavaClasses classes;
    private static Map<String, Set<String>> classGraph;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(ROOT);
        classGraph = new TreeMap<>();
        for (JavaClass javaClass : classes) {
            String from = topLevel(javaClass.getName());
            Set<String> targets = classGraph.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass().getBaseComponentType();
                String to = topLevel(target.getName());
                if (to.startsWith(ROOT + ".") && !to.equals(from) && isCore(to)) {
                    targets.add(to);
                }
            }
        }
    }

    @Test
    void theImportCoversTheWholeCore() {
        assertThat(classGraph).containsKeys(ROOT + ".Session", ROOT + ".internal.session.CliConnection",
                ROOT + ".options.ClaudeCodeOptions");
    }

    @Test
    void noCycleOfClassesSpansTwoPackages() {
        List<Set<String>> crossPackage = stronglyConnected(classGraph).stream()
                .filter(component -> component.stream().map(ArchitectureTest::packageOf).distinct().count() > 1)
                .toList();
        assertThat(crossPackage).as("class cycles across packages").isEmpty();
    }

    @Test
    void packagesDependOnEachOtherOnlyAsAnApiAndItsImplementation() {
        Map<String, Set<String>> packages = new TreeMap<>();
        classGraph.forEach((from, targets) -> targets.forEach(to -> {
            if (!packageOf(from).equals(packageOf(to))) {
                packages.computeIfAbsent(packageOf(from), k -> new TreeSet<>()).add(packageOf(to));
            }
        }));
        List<String> mutual = new ArrayList<>();
        packages.forEach((a, targets) -> targets.forEach(b -> {
            boolean back = packages.getOrDefault(b, Set.of()).contains(a);
            if (back && a.compareTo(b) < 0 && !apiAndImplementation(a, b)) {
                mutual.add(a + " <-> " + b);
            }
        }));
        assertThat(mutual).as("packages that import each other").isEmpty();
    }

    @Test
    void publicSignaturesNameOnlyTheJdkAndTheApi() {
        List<String> leaks = new ArrayList<>();
        for (JavaClass javaClass : classes) {
            if (isInternal(javaClass.getPackageName()) || !isVisible(javaClass)) {
                continue;
            }
            List<JavaType> types = new ArrayList<>();
            javaClass.getRawSuperclass().ifPresent(types::add);
            types.addAll(javaClass.getInterfaces());
            for (JavaCodeUnit unit : javaClass.getCodeUnits()) {
                if (unit.getModifiers().contains(JavaModifier.PUBLIC) || unit.getModifiers().contains(JavaModifier.PROTECTED)) {
                    types.add(unit.getReturnType());
                    types.addAll(unit.getParameterTypes());
                    unit.getThrowsClause().getTypes().forEach(types::add);
                }
            }
            for (JavaField field : javaClass.getFields()) {
                if (field.getModifiers().contains(JavaModifier.PUBLIC) || field.getModifiers().contains(JavaModifier.PROTECTED)) {
                    types.add(field.getType());
                }
            }
            types.stream()
                    .flatMap(type -> type.getAllInvolvedRawTypes().stream())
                    .map(JavaClass::getBaseComponentType)
                    .filter(type -> !type.isPrimitive() && !allowedInApi(type.getPackageName()))
                    .map(type -> javaClass.getName() + " names " + type.getName())
                    .distinct()
                    .forEach(leaks::add);
        }
        assertThat(leaks).as("API signatures that name internal or third-party types").isEmpty();
    }

    @Test
    void theModuleExportsTheApiAndLendsInternalsOnlyByName() throws IOException, URISyntaxException {
        Path classesDir = Path.of(ClaudeCode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(classesDir.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        Set<String> apiPackages = packages().stream().filter(p -> !isInternal(p)).collect(Collectors.toCollection(TreeSet::new));
        Set<String> unqualified = descriptor.exports().stream().filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
        Set<String> qualified = descriptor.exports().stream().filter(ModuleDescriptor.Exports::isQualified)
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));

        assertThat(descriptor.name()).isEqualTo(ROOT);
        assertThat(unqualified).as("packages exported to everyone").isEqualTo(apiPackages);
        assertThat(qualified).as("internal packages lent to the library's own modules").allMatch(ArchitectureTest::isInternal);
    }

    @Test
    void everyPackageSaysWhatItIsFor() {
        List<String> missing = packages().stream()
                .filter(p -> ArchitectureTest.class.getClassLoader().getResource(p.replace('.', '/') + "/package-info.class") == null)
                .toList();
        assertThat(missing).as("packages without package-info").isEmpty();
    }

    private static Set<String> packages() {
        return classes.stream().map(JavaClass::getPackageName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean isCore(String className) {
        return classes.contain(className);
    }

    private static boolean isVisible(JavaClass javaClass) {
        JavaClass current = javaClass;
        while (true) {
            Set<JavaModifier> modifiers = current.getModifiers();
            if (!modifiers.contains(JavaModifier.PUBLIC) && !(current.isNestedClass() && modifiers.contains(JavaModifier.PROTECTED))) {
                return false;
            }
            if (current.getEnclosingClass().isEmpty()) {
                return true;
            }
            current = current.getEnclosingClass().get();
        }
    }

    private static boolean allowedInApi(String packageName) {
        return packageName.startsWith("java.") || (packageName.startsWith(ROOT) && !isInternal(packageName));
    }

    private static boolean isInternal(String packageName) {
        return packageName.equals(INTERNAL) || packageName.startsWith(INTERNAL + ".");
    }

    /** A public package and the internal package of the same name that implements it, e.g. history and internal.history. */
    private static boolean apiAndImplementation(String a, String b) {
        return Stream.of(List.of(a, b), List.of(b, a)).anyMatch(pair -> !isInternal(pair.get(0))
                && pair.get(1).equals(INTERNAL + pair.get(0).substring(ROOT.length())));
    }

    private static String topLevel(String className) {
        int nested = className.indexOf('$');
        return nested < 0 ? className : className.substring(0, nested);
    }

    private static String packageOf(String className) {
        return className.substring(0, className.lastIndexOf('.'));
    }

    /** Tarjan's algorithm, iterative so that deep graphs cannot overflow the stack. */
    private static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new LinkedHashSet<>();
        List<Set<String>> components = new ArrayList<>();
        int[] counter = {0};
        for (String start : graph.keySet()) {
            if (index.containsKey(start)) {
                continue;
            }
            Deque<Map.Entry<String, java.util.Iterator<String>>> work = new ArrayDeque<>();
            visit(start, index, low, stack, onStack, counter, work, graph);
            while (!work.isEmpty()) {
                Map.Entry<String, java.util.Iterator<String>> frame = work.peek();
                String node = frame.getKey();
                if (frame.getValue().hasNext()) {
                    String next = frame.getValue().next();
                    if (!index.containsKey(next)) {
                        visit(next, index, low, stack, onStack, counter, work, graph);
                    } else if (onStack.contains(next)) {
                        low.put(node, Math.min(low.get(node), index.get(next)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = work.peek().getKey();
                    low.put(parent, Math.min(low.get(parent), low.get(node)));
                }
                if (low.get(node).equals(index.get(node))) {
                    Set<String> component = new TreeSet<>();
                    String member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (!member.equals(node));
                    if (component.size() > 1) {
                        components.add(component);
                    }
                }
            }
        }
        return components;
    }

    private static void visit(String node, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
            Set<String> onStack, int[] counter, Deque<Map.Entry<String, java.util.Iterator<String>>> work,
            Map<String, Set<String>> graph) {
        index.put(node, counter[0]);
        low.put(node, counter[0]);
        counter[0]++;
        stack.push(node);
        onStack.add(node);
        work.push(Map.entry(node, graph.getOrDefault(node, Set.of()).iterator()));
    }
}
