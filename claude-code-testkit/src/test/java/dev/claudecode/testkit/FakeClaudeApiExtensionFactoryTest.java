package dev.claudecode.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A registered extension starts its servers with the given factory. */
class FakeClaudeApiExtensionFactoryTest {

    @RegisterExtension
    static final FakeClaudeApiExtension FAKE = new FakeClaudeApiExtension(FakeClaudeApi::standIn);

    @Test
    void injectsAServerFromTheFactory(FakeClaudeApi api) {
        String answer = FakeClaudeApiRoutingTest.text(new ApiClient(api).postMessages(ApiClient.mainBody("What is 5 + 3?", true)));

        assertThat(answer).isEqualTo("8");
    }
}
