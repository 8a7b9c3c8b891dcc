package dev.claudecode.testkit;

import dev.claudecode.store.InMemorySessionStore;
import dev.claudecode.store.SessionStore;

/** The in-memory store passes the conformance suite. */
class InMemorySessionStoreConformanceTest extends SessionStoreConformance {

    private final InMemorySessionStore store = new InMemorySessionStore();

    @Override
    protected SessionStore store() {
        return store;
    }
}
