package dev.claudecode.testkit;

import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives each test (and its {@code @BeforeEach} methods) a fresh
 * {@link FakeClaudeApi} parameter and closes it after the test.
 *
 * <pre>{@code
 * @ExtendWith(FakeClaudeApiExtension.class)
 * class MyTest {
 *     @Test
 *     void answers(FakeClaudeApi api) { api.enqueue(Reply.text("8")); ... }
 * }
 *
 * // other rules for every test of a class:
 * @RegisterExtension
 * static FakeClaudeApiExtension fake = new FakeClaudeApiExtension(FakeClaudeApi::standIn);
 * }</pre>
 *
 * <p>Needs {@code junit-jupiter-api} on the class path (an optional dependency of this module).
 */
public final class FakeClaudeApiExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FakeClaudeApiExtension.class);

    private final Supplier<FakeClaudeApi> factory;

    /** An extension that starts servers with {@link FakeClaudeApi#start()}. */
    public FakeClaudeApiExtension() {
        this(FakeClaudeApi::start);
    }

    /**
     * An extension that starts servers its own way.
     *
     * @param factory starts one server, e.g. {@code () -> FakeClaudeApi.builder().sessionTitle("T").start()}
     */
    public FakeClaudeApiExtension(Supplier<FakeClaudeApi> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /**
     * Whether a parameter asks for a server.
     *
     * @param parameterContext the parameter
     * @param extensionContext the test
     * @return true for {@link FakeClaudeApi} parameters
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == FakeClaudeApi.class;
    }

    /**
     * The test's server, started on first use; all parameters of one test share it.
     *
     * @param parameterContext the parameter
     * @param extensionContext the test
     * @return the server
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return store(extensionContext).getOrComputeIfAbsent(key(extensionContext), key -> factory.get(), FakeClaudeApi.class);
    }

    /**
     * Closes the test's server, if one was started.
     *
     * @param context the test
     */
    @Override
    public void afterEach(ExtensionContext context) {
        FakeClaudeApi api = store(context).remove(key(context), FakeClaudeApi.class);
        if (api != null) {
            api.close();
        }
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(NAMESPACE);
    }

    /** One key per test method, so {@code @BeforeEach} and the test see the same server. */
    private static String key(ExtensionContext context) {
        return context.getUniqueId();
    }
}
