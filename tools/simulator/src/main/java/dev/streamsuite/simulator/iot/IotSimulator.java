package dev.streamsuite.simulator.iot;

import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.iot.Device;
import dev.streamsuite.schemas.iot.SensorReading;
import dev.streamsuite.schemas.iot.Thresholds;
import dev.streamsuite.simulator.Checks;
import dev.streamsuite.simulator.Emit;
import dev.streamsuite.simulator.GroundTruth;
import dev.streamsuite.simulator.Randoms;
import dev.streamsuite.simulator.ScenarioTraffic;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

/**
 * Sensor readings of devices spread over sites, with labelled incidents.
 *
 * <p>Devices measure temperature (celsius, thresholds low 0 and high 40) or humidity (percent, threshold high 90),
 * without a rate-of-change limit. Values follow a daily sine cycle (UTC) around a per-device base, plus Gaussian noise
 * clamped to three standard deviations: temperature stays within about 12 to 30 celsius and humidity within about 27
 * to 73 percent, well inside the thresholds and iot-aggregator's plausible ranges. Each device reports every {@link
 * Settings#reportInterval()} (5 s by default), at its own phase.
 *
 * <p>Scenarios start at {@link Settings#scenariosPerSecond()} on a device that has reported, is in no other scenario
 * and is past the cool-off of its previous one:
 *
 * <ul>
 *   <li>{@link Scenario#THRESHOLD_HIGH}: for 3 minutes the device reports its high threshold plus 10 (humidity: plus
 *       8, to stay below the plausible maximum of 100), with a little noise. Expected: one {@code THRESHOLD_HIGH} alert
 *       from the first breaching reading to 2 minutes after the breach (then a {@code THRESHOLD_CLEARED}).
 *   <li>{@link Scenario#SILENT_DEVICE}: the device sends nothing for 8 minutes, then resumes. Expected: one {@code
 *       SILENT_DEVICE} alert between its last reading and its return (then a {@code BACK_ONLINE}). iot-aggregator
 *       detects silence by wall clock, so this needs live ticks.
 *   <li>{@link Scenario#LATE_READINGS}: 5 readings, sent now, with event times 10 minutes in the past. Expected on
 *       {@code iot.late-readings.v1}, no alert.
 *   <li>{@link Scenario#CORRUPT_READINGS} (temperature devices): a NaN reading, a reading of 500 celsius and a value
 *       that is not Avro at all. Expected on the dead-letter topic, no alert.
 * </ul>
 *
 * <p>Not thread-safe: drive it from one thread.
 */
public final class IotSimulator extends ScenarioTraffic {

    /** The kinds of injected incident; the ground truth kind is the name. */
    public enum Scenario {
        THRESHOLD_HIGH,
        SILENT_DEVICE,
        LATE_READINGS,
        CORRUPT_READINGS
    }

    /** The sensor types of the simulation, with the thresholds of their devices and their plausible ranges. */
    public enum SensorType {
        TEMPERATURE("temperature", "celsius", 0.0, 40.0, -90.0, 150.0, 18.0, 24.0, 2.0, 5.0, 0.3),
        HUMIDITY("humidity", "percent", null, 90.0, 0.0, 100.0, 40.0, 60.0, 4.0, 10.0, 1.0);

        private final String sensorType;
        private final String unit;
        private final Double low;
        private final Double high;
        private final double plausibleMin;
        private final double plausibleMax;
        private final double baseMin;
        private final double baseMax;
        private final double amplitudeMin;
        private final double amplitudeMax;
        private final double noise;

        SensorType(
                String sensorType,
                String unit,
                Double low,
                Double high,
                double plausibleMin,
                double plausibleMax,
                double baseMin,
                double baseMax,
                double amplitudeMin,
                double amplitudeMax,
                double noise) {
            this.sensorType = sensorType;
            this.unit = unit;
            this.low = low;
            this.high = high;
            this.plausibleMin = plausibleMin;
            this.plausibleMax = plausibleMax;
            this.baseMin = baseMin;
            this.baseMax = baseMax;
            this.amplitudeMin = amplitudeMin;
            this.amplitudeMax = amplitudeMax;
            this.noise = noise;
        }

        /** As in the device registry, e.g. {@code temperature}. */
        public String sensorType() {
            return sensorType;
        }

        public String unit() {
            return unit;
        }

        /** {@code null}: no low threshold. */
        public Double low() {
            return low;
        }

        public Double high() {
            return high;
        }

        /** iot-aggregator's default plausible range (both ends inclusive). */
        public double plausibleMin() {
            return plausibleMin;
        }

        public double plausibleMax() {
            return plausibleMax;
        }

        /** How far above the high threshold a breach goes: 10, less when that would leave the plausible range. */
        public double breachOffset() {
            return Math.min(BREACH_OFFSET, (plausibleMax - high) * 0.8);
        }
    }

    /**
     * @param reportInterval time between two readings of a device
     * @param scenariosPerSecond expected number of scenarios started per second (a Poisson process); 0 for none
     * @param scenarios the scenarios started at random; {@link #startScenario} starts any
     * @param devicesPerSite how many devices share a site
     * @param scenarioCoolOff how long after a scenario ends its device takes part in no other scenario
     * @param temperatureShare share of the devices that measure temperature; the others measure humidity
     */
    public record Settings(
            Duration reportInterval,
            double scenariosPerSecond,
            Set<Scenario> scenarios,
            int devicesPerSite,
            Duration scenarioCoolOff,
            double temperatureShare) {

        public Settings {
            Checks.requirePositive(reportInterval, "reportInterval");
            Checks.requireRate(scenariosPerSecond, "scenariosPerSecond");
            scenarios = scenarios.isEmpty()
                    ? Collections.emptySet()
                    : Collections.unmodifiableSet(EnumSet.copyOf(scenarios));
            if (devicesPerSite < 1) {
                throw new IllegalArgumentException("devicesPerSite must be at least 1, was " + devicesPerSite);
            }
            Checks.requirePositive(scenarioCoolOff, "scenarioCoolOff");
            if (!(temperatureShare >= 0.0 && temperatureShare <= 1.0)) {
                throw new IllegalArgumentException("temperatureShare must be within 0..1, was " + temperatureShare);
            }
        }

        /**
         * A reading every 5 s, a scenario every 100 s on average, all scenarios, 10 devices per site, 5 minutes of
         * cool-off, 60% temperature devices.
         */
        public static Settings defaults() {
            return new Settings(
                    Duration.ofSeconds(5), 0.01, EnumSet.allOf(Scenario.class), 10, Duration.ofMinutes(5), 0.6);
        }

        public Settings withReportInterval(Duration interval) {
            return new Settings(
                    interval, scenariosPerSecond, scenarios, devicesPerSite, scenarioCoolOff, temperatureShare);
        }

        public Settings withScenariosPerSecond(double rate) {
            return new Settings(reportInterval, rate, scenarios, devicesPerSite, scenarioCoolOff, temperatureShare);
        }

        public Settings withScenarios(Set<Scenario> enabled) {
            return new Settings(
                    reportInterval, scenariosPerSecond, enabled, devicesPerSite, scenarioCoolOff, temperatureShare);
        }
    }

    /** How far above the high threshold a breach goes, where the plausible range allows. */
    public static final double BREACH_OFFSET = 10.0;
    /** How long a breach lasts. */
    public static final Duration BREACH_DURATION = Duration.ofMinutes(3);
    /** The threshold ground truth ends this long after the breach. */
    public static final Duration BREACH_ALERT_MARGIN = Duration.ofMinutes(2);
    /** How long a silent device sends nothing. */
    public static final Duration SILENCE_DURATION = Duration.ofMinutes(8);
    /** How far in the past the late readings are. */
    public static final Duration LATE_BY = Duration.ofMinutes(10);
    /** Readings of a late burst. */
    public static final int LATE_READINGS = 5;
    /** The physically impossible temperature of a corrupt reading. */
    public static final double IMPOSSIBLE_CELSIUS = 500.0;

    private static final String READINGS_TOPIC = TopicCatalog.SENSOR_READINGS.name();
    private static final String DEVICES_TOPIC = TopicCatalog.DEVICES.name();
    private static final double SECONDS_PER_DAY = 86_400.0;
    private static final double NOISE_LIMIT = 3.0;
    private static final double BREACH_NOISE = 0.3;

    private static final class SimDevice {
        final int index;
        final String deviceId;
        final String siteId;
        final SensorType type;
        final double base;
        final double amplitude;
        final double phase;
        Instant nextReportAt;
        Instant lastReadingAt;
        Instant coolOffUntil = Instant.MIN;
        ActiveScenario scenario;

        SimDevice(
                int index,
                String deviceId,
                String siteId,
                SensorType type,
                double base,
                double amplitude,
                double phase) {
            this.index = index;
            this.deviceId = deviceId;
            this.siteId = siteId;
            this.type = type;
            this.base = base;
            this.amplitude = amplitude;
            this.phase = phase;
        }
    }

    private static final class ActiveScenario {
        final String id;
        final Scenario kind;
        final SimDevice device;
        final Instant endsAt;
        boolean recorded;

        ActiveScenario(String id, Scenario kind, SimDevice device, Instant endsAt) {
            this.id = id;
            this.kind = kind;
            this.device = device;
            this.endsAt = endsAt;
        }
    }

    private final InstantSource wallClock;
    private final Settings settings;
    private final Random trafficRandom;
    private final List<SimDevice> devices;
    private final PriorityQueue<SimDevice> schedule = new PriorityQueue<>(
            Comparator.comparing((SimDevice device) -> device.nextReportAt).thenComparingInt(device -> device.index));
    private final List<ActiveScenario> active = new ArrayList<>();
    private long readings;

    /** With the system clock as wall clock and the {@linkplain Settings#defaults() default settings}. */
    public IotSimulator(long seed, int devices, Emit emit) {
        this(seed, devices, emit, Clock.systemUTC(), Settings.defaults());
    }

    /**
     * @param seed fixes every draw: the same seed and the same ticks emit the same records
     * @param wallClock gives {@link GroundTruth#sentAt()} and the devices' {@code updatedAt}
     */
    public IotSimulator(long seed, int devices, Emit emit, InstantSource wallClock, Settings settings) {
        super(seed, Objects.requireNonNull(emit, "emit"), "iot", 0x696e636964656e74L);
        if (devices < 1) {
            throw new IllegalArgumentException("devices must be at least 1, was " + devices);
        }
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.trafficRandom = Randoms.forPurpose(seed, 0x72656164696e6773L);
        Random setup = Randoms.forPurpose(seed, 0x64657669636573L);
        List<SimDevice> all = new ArrayList<>(devices);
        for (int i = 0; i < devices; i++) {
            SensorType type =
                    setup.nextDouble() < settings.temperatureShare() ? SensorType.TEMPERATURE : SensorType.HUMIDITY;
            all.add(new SimDevice(
                    i,
                    "dev-" + seed + "-" + i,
                    "site-" + seed + "-" + (i / settings.devicesPerSite()),
                    type,
                    Randoms.between(setup, type.baseMin, type.baseMax),
                    Randoms.between(setup, type.amplitudeMin, type.amplitudeMax),
                    Randoms.between(setup, 0.0, 2 * Math.PI)));
        }
        this.devices = List.copyOf(all);
    }

    public Settings settings() {
        return settings;
    }

    /** The ids of the devices, in the order of their index. */
    public List<String> deviceIds() {
        return devices.stream().map(device -> device.deviceId).toList();
    }

    /** Readings emitted so far, including late and corrupt ones. */
    public long readingsSent() {
        return readings;
    }

    /** Emits every device's registry entry. */
    @Override
    public void publishReferenceData() {
        Instant updatedAt = wallClock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (SimDevice device : devices) {
            emit.send(
                    DEVICES_TOPIC,
                    device.deviceId,
                    Device.newBuilder()
                            .setDeviceId(device.deviceId)
                            .setSiteId(device.siteId)
                            .setSensorType(device.type.sensorType())
                            .setUnit(device.type.unit())
                            .setThresholds(new Thresholds(device.type.low(), device.type.high(), null))
                            .setUpdatedAt(updatedAt)
                            .build());
        }
    }

    @Override
    protected void advance(Instant t, double seconds) {
        finishScenarios(t);
        startScenarios(settings.scenariosPerSecond(), seconds, () -> startRandomScenario(t));
        runReadings(t);
    }

    @Override
    protected void begin(Instant t) {
        long interval = settings.reportInterval().toMillis();
        for (SimDevice device : devices) {
            device.nextReportAt = t.plusMillis(Math.floorMod(trafficRandom.nextLong(), interval));
            schedule.add(device);
        }
    }

    private void runReadings(Instant t) {
        while (!schedule.isEmpty() && !schedule.peek().nextReportAt.isAfter(t)) {
            SimDevice device = schedule.poll();
            ActiveScenario scenario = device.scenario;
            if (scenario == null || scenario.kind != Scenario.SILENT_DEVICE) {
                boolean breach = scenario != null && scenario.kind == Scenario.THRESHOLD_HIGH;
                double value = breach ? breachValue(device) : normalValue(device, t, trafficRandom);
                SensorReading reading = send(device, value, t);
                device.lastReadingAt = t;
                if (breach && !scenario.recorded) {
                    scenario.recorded = true;
                    record(scenario, t, scenario.endsAt.plus(BREACH_ALERT_MARGIN), reading.getReadingId(), true);
                }
            }
            Instant next = device.nextReportAt.plus(settings.reportInterval());
            device.nextReportAt = next.isAfter(t) ? next : t.plus(settings.reportInterval());
            schedule.add(device);
        }
    }

    private void finishScenarios(Instant t) {
        for (Iterator<ActiveScenario> it = active.iterator(); it.hasNext(); ) {
            ActiveScenario scenario = it.next();
            if (!t.isBefore(scenario.endsAt)) {
                it.remove();
                finish(scenario, t);
            }
        }
    }

    private void finish(ActiveScenario scenario, Instant t) {
        scenario.device.scenario = null;
        scenario.device.coolOffUntil = t.plus(settings.scenarioCoolOff());
    }

    private void startRandomScenario(Instant t) {
        startAnyOf(settings.scenarios(), kind -> startScenario(kind, t).isPresent());
    }

    /**
     * Starts a scenario now on a device that qualifies, whatever the settings. Late and corrupt readings are emitted
     * at once; a breach or a silence applies from the next tick on.
     *
     * @return the scenario id, or empty when no device qualifies right now
     */
    public Optional<String> startScenario(Scenario kind, Instant now) {
        Objects.requireNonNull(kind, "kind");
        Instant t = notBeforeLastTick(now);
        SimDevice device = findEligible(kind, t);
        if (device == null) {
            return Optional.empty();
        }
        String id = nextScenarioId();
        switch (kind) {
            case THRESHOLD_HIGH -> activate(new ActiveScenario(id, kind, device, t.plus(BREACH_DURATION)));
            case SILENT_DEVICE -> {
                ActiveScenario scenario = new ActiveScenario(id, kind, device, t.plus(SILENCE_DURATION));
                activate(scenario);
                scenario.recorded = true;
                record(scenario, device.lastReadingAt, scenario.endsAt, null, false);
            }
            case LATE_READINGS -> sendLateReadings(new ActiveScenario(id, kind, device, t), t);
            case CORRUPT_READINGS -> sendCorruptReadings(new ActiveScenario(id, kind, device, t), t);
        }
        return Optional.of(id);
    }

    private void activate(ActiveScenario scenario) {
        scenario.device.scenario = scenario;
        active.add(scenario);
    }

    private SimDevice findEligible(Scenario kind, Instant t) {
        return findEligible(
                devices,
                device -> device.scenario == null
                        && !t.isBefore(device.coolOffUntil)
                        && device.lastReadingAt != null
                        && (kind != Scenario.CORRUPT_READINGS || device.type == SensorType.TEMPERATURE));
    }

    private void sendLateReadings(ActiveScenario scenario, Instant t) {
        SimDevice device = scenario.device;
        Instant first = t.minus(LATE_BY);
        SensorReading trigger = null;
        Instant last = first;
        for (int i = 0; i < LATE_READINGS; i++) {
            Instant eventTime = first.plus(settings.reportInterval().multipliedBy(i));
            SensorReading reading = send(device, normalValue(device, eventTime, scenarioRandom), eventTime);
            if (trigger == null) {
                trigger = reading;
            }
            last = eventTime;
        }
        record(scenario, first, last, trigger.getReadingId(), true);
        finish(scenario, t);
    }

    private void sendCorruptReadings(ActiveScenario scenario, Instant t) {
        SimDevice device = scenario.device;
        SensorReading notANumber = send(device, Double.NaN, t);
        send(device, IMPOSSIBLE_CELSIUS, t);
        readings++;
        String garbage = "corrupt-" + seed + "-" + readings + ": not an Avro record";
        emit.sendRaw(READINGS_TOPIC, device.deviceId, garbage.getBytes(StandardCharsets.UTF_8));
        record(scenario, t, t, notANumber.getReadingId(), true);
        finish(scenario, t);
    }

    private void record(ActiveScenario scenario, Instant from, Instant to, String triggerId, boolean sentNow) {
        record(new GroundTruth(
                scenario.id,
                GroundTruth.IOT,
                scenario.kind.name(),
                scenario.device.deviceId,
                from,
                to,
                triggerId,
                sentNow ? wallClock.instant() : null));
    }

    /** The device's value at {@code time} by its daily cycle, with noise, to two decimals. */
    private static double normalValue(SimDevice device, Instant time, Random random) {
        double secondOfDay = Math.floorMod(time.getEpochSecond(), 86_400L) + time.getNano() / 1e9;
        double cycle = Math.sin(2 * Math.PI * secondOfDay / SECONDS_PER_DAY - device.phase);
        double noise = device.type.noise * Randoms.clampedGaussian(random, NOISE_LIMIT);
        return round2(device.base + device.amplitude * cycle + noise);
    }

    private double breachValue(SimDevice device) {
        double noise = BREACH_NOISE * Randoms.clampedGaussian(trafficRandom, NOISE_LIMIT);
        return round2(device.type.high() + device.type.breachOffset() + noise);
    }

    private static double round2(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    private SensorReading send(SimDevice device, double value, Instant eventTime) {
        readings++;
        SensorReading reading = SensorReading.newBuilder()
                .setReadingId("r-" + seed + "-" + readings)
                .setDeviceId(device.deviceId)
                .setValue(value)
                .setEventTime(eventTime)
                .build();
        emit.send(READINGS_TOPIC, device.deviceId, reading);
        return reading;
    }

    @Override
    public boolean scenariosInProgress() {
        return !active.isEmpty();
    }
}
