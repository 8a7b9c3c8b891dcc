package dev.claudecode.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** The JUnit extension gives each test a fresh server and closes it afterwards. */
@ExtendWith(FakeClaudeApiExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeClaudeApiExtensionTest {

    private static FakeClaudeApi fromFirstTest;

    private FakeClaudeApi fromBeforeEach;

    @BeforeEach
    void setUp(FakeClaudeApi api) {
        fromBeforeEach = api;
    }

    @Test
    @Order(1)
    void injectsOneServerPerTest(FakeClaudeApi api, FakeClaudeApi again) {
        fromFirstTest = api;
        assertThat(again).isSameAs(api).isSameAs(fromBeforeEach);
        assertThat(api.configDir()).isDirectory();
    }

    @Test
    @Order(2)
    void closesTheServerAfterTheTestAndStartsAFreshOne(FakeClaudeApi api) {
        assertThat(fromFirstTest).isNotNull().isNotSameAs(api);
        assertThat(fromFirstTest.configDir()).doesNotExist();
        assertThat(api.configDir()).isDirectory();
    }
}
