/**
 * Throughput benchmarks: each runs a service as deployed (its Spring application with the
 * platform's exactly-once settings) against a real broker and registry on 127.0.0.1, and
 * reports events per second. Timing is measured and printed here, never asserted in tests.
 */
package dev.streamsuite.benchmarks;
