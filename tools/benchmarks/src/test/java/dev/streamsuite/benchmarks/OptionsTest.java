package dev.streamsuite.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamsuite.testsupport.ServiceProcess;
import org.junit.jupiter.api.Test;

/** The benchmark's command line, as Maven hands it over (one argument). */
class OptionsTest {

    @Test
    void theEarlierRunsTakeTheDefaultPodsJvmOptionsUnlessToldOtherwise() {
        var defaults = SuiteBenchmark.Options.parse(new String[] {"--before /work/before"});
        var otherCollector = SuiteBenchmark.Options.parse(
                new String[] {"--before . --before-jvm -XX:MaxRAMPercentage=40.0,-XX:+UseG1GC --rounds 1"});

        assertThat(defaults.beforeJvm()).isEqualTo(ServiceProcess.POD_JVM_OPTIONS);
        assertThat(otherCollector.before()).isEqualTo(".");
        assertThat(otherCollector.beforeJvm()).containsExactly("-XX:MaxRAMPercentage=40.0", "-XX:+UseG1GC");
        assertThat(otherCollector.rounds()).isEqualTo(1);
        assertThat(otherCollector.command())
                .isEqualTo("tools/benchmarks/run --before . --before-jvm -XX:MaxRAMPercentage=40.0,-XX:+UseG1GC"
                        + " --rounds 1");
    }

    @Test
    void aSemicolonStandsForACommaWithinOneJvmOptionOfEitherKind() {
        var options = SuiteBenchmark.Options.parse(new String[] {
            "--jvm -agentpath:/p/lib.so=start;event=itimer,-Xss1m --before . --before-jvm -Da=1;2,-XX:+UseG1GC"
        });

        assertThat(options.jvm()).isEqualTo("-agentpath:/p/lib.so=start,event=itimer -Xss1m");
        assertThat(options.beforeJvm()).containsExactly("-Da=1,2", "-XX:+UseG1GC");
    }

    @Test
    void aWordThatIsNotAnOptionNamesTheOptions() {
        assertThatThrownBy(() -> SuiteBenchmark.Options.parse(new String[] {"rounds 3"}))
                .hasMessageContaining("--before-jvm")
                .hasMessageEndingWith("got rounds");
    }
}
