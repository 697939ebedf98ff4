package dev.streamsuite.simulator.cli;

import dev.streamsuite.simulator.GroundTruth;
import dev.streamsuite.simulator.TrafficSimulator;
import dev.streamsuite.simulator.clicks.ClickSimulator;
import dev.streamsuite.simulator.evaluation.Evaluator;
import dev.streamsuite.simulator.evaluation.GroundTruthWriter;
import dev.streamsuite.simulator.evaluation.Report;
import dev.streamsuite.simulator.iot.IotSimulator;
import dev.streamsuite.simulator.payments.PaymentsSimulator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drives the three generators against a cluster: reference data first, then ticks every
 * 200 ms (live: event time is the wall clock) or as fast as the producer takes them (event
 * time advances one second per tick), the ground truth written as it is recorded, a progress
 * line every five seconds and, with evaluation on, the alerts collected for the report.
 */
public final class Simulation implements AutoCloseable {

    /**
     * @param rate events per second per domain; {@code Double.POSITIVE_INFINITY} for as fast as possible
     * @param scenarioRate labelled scenarios started per second per domain
     * @param duration how long to generate (event time); null for until stopped
     */
    public record Options(
            String bootstrapServers,
            String registryUrl,
            double rate,
            double scenarioRate,
            Duration duration,
            long seed,
            Path groundTruth,
            boolean evaluate) {}

    private static final Duration TICK = Duration.ofMillis(200);

    private final Options options;
    private final PrintStream out;
    private final KafkaEmit emit;
    private final AlertCollector collector;
    private final List<TrafficSimulator> simulators;
    private final GroundTruthWriter writer;
    private final List<GroundTruth> truths = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private Thread thread;
    private Instant now;
    private long nextProgress = System.nanoTime();
    private volatile RuntimeException failure;

    private Simulation(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.emit = new KafkaEmit(options.bootstrapServers(), options.registryUrl());
        this.collector =
                options.evaluate() ? new AlertCollector(options.bootstrapServers(), options.registryUrl()) : null;
        boolean live = !Double.isInfinite(options.rate());
        double rate = live ? options.rate() : 50;
        this.now = Instant.now();
        InstantSource clock = live ? InstantSource.system() : () -> now;
        int cards = (int) Math.max(200, rate * 300);
        var payments = new PaymentsSimulator(
                options.seed(),
                cards,
                emit,
                clock,
                PaymentsSimulator.Settings.defaults()
                        .withPaymentsPerSecond(rate)
                        .withScenariosPerSecond(options.scenarioRate()));
        var iot = new IotSimulator(
                options.seed(),
                (int) Math.max(10, Math.round(rate * 5)),
                emit,
                clock,
                IotSimulator.Settings.defaults().withScenariosPerSecond(options.scenarioRate()));
        var clicks = new ClickSimulator(
                options.seed(),
                2_000,
                400,
                emit,
                clock,
                payments,
                ClickSimulator.Settings.defaults()
                        .withSessionsPerSecond(rate / 6.5)
                        .withBotSessionsPerSecond(options.scenarioRate() / 4));
        this.simulators = List.of(payments, iot, clicks);
        try {
            Files.createDirectories(options.groundTruth().toAbsolutePath().getParent());
            this.writer = GroundTruthWriter.open(options.groundTruth());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the ground truth to " + options.groundTruth(), e);
        }
    }

    /** Publishes the reference data and starts generating on a thread of its own. */
    public static Simulation start(Options options, PrintStream out) {
        var simulation = new Simulation(options, out);
        simulation.simulators.forEach(TrafficSimulator::publishReferenceData);
        simulation.thread = new Thread(simulation::run, "simulator");
        simulation.thread.setDaemon(true);
        simulation.thread.start();
        return simulation;
    }

    private void run() {
        try {
            generate();
        } catch (RuntimeException e) {
            failure = e;
            running.set(false);
        }
    }

    private void generate() {
        boolean live = !Double.isInfinite(options.rate());
        Instant end = options.duration() == null ? null : now.plus(options.duration());
        while (running.get() && (end == null || now.isBefore(end))) {
            step(live);
        }
        // Let the running scenarios finish, so every labelled case is complete.
        simulators.forEach(TrafficSimulator::stopScenarios);
        Instant finishBy = now.plus(Duration.ofMinutes(10));
        while (running.get()
                && simulators.stream().anyMatch(TrafficSimulator::scenariosInProgress)
                && now.isBefore(finishBy)) {
            step(live);
        }
        recordGroundTruth();
        running.set(false);
    }

    private void step(boolean live) {
        now = live ? Instant.now() : now.plusSeconds(1);
        simulators.forEach(simulator -> simulator.tick(now));
        recordGroundTruth();
        if (System.nanoTime() >= nextProgress) {
            out.printf(
                    "simulator: %,d records sent (%,d failed), %d labelled scenarios, %s alerts seen%n",
                    emit.sent(),
                    emit.failed(),
                    truths.size(),
                    collector == null
                            ? "-"
                            : Integer.toString(collector.alerts().size()));
            nextProgress = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        }
        if (live) {
            sleep(TICK);
        }
    }

    private void recordGroundTruth() {
        for (var simulator : simulators) {
            var drained = simulator.drainGroundTruth();
            if (!drained.isEmpty()) {
                truths.addAll(drained);
                try {
                    writer.writeAll(drained);
                    writer.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Waits until generation is done (the duration passed and the scenarios completed). */
    public void awaitGenerated() throws InterruptedException {
        thread.join();
        if (failure != null) {
            throw new IllegalStateException("The simulation failed: " + failure.getMessage(), failure);
        }
    }

    public boolean isGenerating() {
        return running.get();
    }

    /** The evaluation so far: labelled cases against the alerts seen. */
    public Report report() {
        if (collector == null) {
            throw new IllegalStateException("Evaluation is off; start with --evaluate=true");
        }
        return new Evaluator().evaluate(List.copyOf(truths), collector.alerts());
    }

    public long recordsSent() {
        return emit.sent();
    }

    @Override
    public void close() {
        running.set(false);
        try {
            if (thread != null) {
                thread.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        emit.close();
        if (collector != null) {
            collector.close();
        }
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
