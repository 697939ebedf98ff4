package dev.streamsuite.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessStatsTest {

    @Test
    void theCpuTimeOfARunningProcessGrowsAndAGoneProcessHasNone() {
        long self = ProcessHandle.current().pid();
        double before = ProcessStats.cpuSeconds(self);
        double after = before;
        // Busy until the kernel's ticks count it (at most 30 s on a machine that gives this thread no time).
        for (long deadline = System.nanoTime() + 30_000_000_000L; after <= before && System.nanoTime() < deadline; ) {
            after = ProcessStats.cpuSeconds(self);
        }

        assertThat(before).isPositive();
        assertThat(after).isGreaterThan(before);
        assertThat(ProcessStats.cpuSeconds(Long.MAX_VALUE)).isEqualTo(-1);
        assertThat(ProcessStats.rssMiB(self)).isPositive();
    }

    @Test
    void countsTheCpuTimeOfTheJitCompilerThreads() {
        long self = ProcessHandle.current().pid();
        // This JVM compiled the test framework before it ran this test: its compiler threads have used CPU time.
        double compiler = ProcessStats.compilerCpuSeconds(self);

        assertThat(compiler).isPositive().isLessThanOrEqualTo(ProcessStats.cpuSeconds(self));
        assertThat(ProcessStats.compilerCpuSeconds(Long.MAX_VALUE)).isEqualTo(-1);
    }
}
