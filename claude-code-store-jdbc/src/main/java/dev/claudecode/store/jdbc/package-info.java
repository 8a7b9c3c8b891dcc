/**
 * A {@link dev.claudecode.store.SessionStore} in PostgreSQL over JDBC:
 * {@link dev.claudecode.store.jdbc.JdbcSessionStore}. The module depends on {@code java.sql} and
 * the core only; the PostgreSQL driver comes along at run time for the {@code DataSource} the
 * application builds, and connection pooling is the application's choice.
 */
package dev.claudecode.store.jdbc;
