/**
 * JUnit 5 support for integration tests against real infrastructure: an in-process KRaft
 * broker and an Apicurio Registry child process, both on free loopback ports, started once
 * per test JVM and stopped when the test plan ends.
 */
package dev.streamsuite.testsupport;
