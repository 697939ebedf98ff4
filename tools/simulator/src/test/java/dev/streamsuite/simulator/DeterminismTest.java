package dev.streamsuite.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamsuite.simulator.clicks.ClickSimulator;
import dev.streamsuite.simulator.iot.IotSimulator;
import dev.streamsuite.simulator.payments.PaymentsSimulator;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A run is reproducible from its seed: the same seed sends the same records and ground truth, another seed not. */
class DeterminismTest {

    private static final Instant START = Instant.parse("2025-03-10T08:00:00Z");
    private static final InstantSource WALL = InstantSource.fixed(START.plusMillis(123));

    /** One simulator's run: how it is made, how long it runs, what a run must at least hold. */
    record Case(String name, Simulator simulator, int minutes, int minRecords, int minTruths, int maxTruths) {

        List<String> run(long seed) {
            return RecordingEmit.transcript(
                    emit -> simulator.create(seed, emit),
                    START,
                    START.plus(Duration.ofMinutes(minutes)),
                    Duration.ofSeconds(1));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    interface Simulator {
        TrafficSimulator create(long seed, Emit emit);
    }

    static Stream<Case> simulators() {
        return Stream.of(
                new Case("payments", DeterminismTest::payments, 40, 2_000, 1, Integer.MAX_VALUE),
                new Case("iot", DeterminismTest::iot, 30, 8_000, 11, Integer.MAX_VALUE),
                new Case("clicks", DeterminismTest::clicks, 30, 3_000, 2, 2));
    }

    private static TrafficSimulator payments(long seed, Emit emit) {
        return new PaymentsSimulator(
                seed, 100, emit, WALL, PaymentsSimulator.Settings.defaults().withScenariosPerSecond(0.05));
    }

    private static TrafficSimulator iot(long seed, Emit emit) {
        return new IotSimulator(
                seed, 30, emit, WALL, IotSimulator.Settings.defaults().withScenariosPerSecond(0.05));
    }

    /** Two compromised accounts, so that bot sessions start. */
    private static TrafficSimulator clicks(long seed, Emit emit) {
        CompromisedAccounts accounts = now -> List.of("acct-1", "acct-2");
        return new ClickSimulator(
                seed,
                100,
                200,
                emit,
                WALL,
                accounts,
                ClickSimulator.Settings.defaults().withBotSessionsPerSecond(0.01));
    }

    @ParameterizedTest
    @MethodSource("simulators")
    void theSameSeedGivesTheSameRecords(Case simulator) {
        List<String> first = simulator.run(42);

        assertThat(first).hasSizeGreaterThan(simulator.minRecords()).isEqualTo(simulator.run(42));
        assertThat(simulator.run(43)).isNotEqualTo(first);
        assertThat(first.stream().filter(line -> line.startsWith("GroundTruth")).count())
                .isBetween((long) simulator.minTruths(), (long) simulator.maxTruths());
    }
}
