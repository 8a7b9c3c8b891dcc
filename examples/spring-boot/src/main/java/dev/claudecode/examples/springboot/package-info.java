/** A sample Spring Boot application built on claude-code-spring-boot-starter. */
package dev.claudecode.examples.springboot;
