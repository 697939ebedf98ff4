package dev.streamsuite.localstack;

import dev.streamsuite.simulator.cli.Simulation;

/** The simulator inside the local stack: live traffic at a gentle rate until the stack stops. */
final class SimulatorRunner implements AutoCloseable {

    private final Simulation simulation;

    private SimulatorRunner(Simulation simulation) {
        this.simulation = simulation;
    }

    static SimulatorRunner start(StackOptions options) {
        return new SimulatorRunner(Simulation.start(
                new Simulation.Options(
                        options.bootstrapServers(),
                        options.registryUrl(),
                        options.simulatorRate(),
                        options.scenarioRate(),
                        null,
                        options.seed(),
                        options.workDir().resolve("ground-truth.jsonl"),
                        false),
                System.out));
    }

    @Override
    public void close() {
        simulation.close();
    }
}
