package dev.claudecode.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestCliTest {

    @Test
    void versionsCompareNumberByNumber() {
        assertThat(TestCli.compare("2.1.332", "2.1.332")).isZero();
        assertThat(TestCli.compare("2.1.197", "2.1.332")).isNegative();
        assertThat(TestCli.compare("2.1.1000", "2.1.332")).isPositive();
        assertThat(TestCli.compare("2.2", "2.1.332")).isPositive();
        assertThat(TestCli.compare("2.1", "2.1.0")).isZero();
    }
}
