package dev.claudecode.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenderedMessageTest {

    @Test
    void chunksNeverSplitASurrogatePair() {
        assertThat(RenderedMessage.chunks("a😀b😀", 1)).containsExactly("a", "😀", "b", "😀");
        assertThat(RenderedMessage.chunks("abcde", 2)).containsExactly("ab", "cd", "e");
    }

    @Test
    void sizeZeroOrEmptyTextGivesOneChunk() {
        assertThat(RenderedMessage.chunks("abcde", 0)).containsExactly("abcde");
        assertThat(RenderedMessage.chunks("", 3)).containsExactly("");
    }
}
