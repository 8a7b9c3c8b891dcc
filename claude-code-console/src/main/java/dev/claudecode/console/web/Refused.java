package dev.claudecode.console.web;

import io.javalin.http.HttpStatus;

/** A request the console refuses, with the status and the reason the client gets. */
final class Refused extends RuntimeException {

    private final transient HttpStatus status;

    Refused(HttpStatus status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
