package dev.streamsuite.iot.topology;

import dev.streamsuite.iot.domain.AlertIds;
import dev.streamsuite.iot.domain.RateOfChangeMonitor;
import dev.streamsuite.iot.domain.ThresholdEvent;
import dev.streamsuite.iot.domain.ThresholdMonitor;
import dev.streamsuite.iot.domain.ThresholdState;
import dev.streamsuite.iot.domain.WindowMean;
import dev.streamsuite.iot.state.DeviceMonitorState;
import dev.streamsuite.schemas.iot.Device;
import dev.streamsuite.schemas.iot.DeviceAlert;
import dev.streamsuite.schemas.iot.DeviceAlertType;
import dev.streamsuite.schemas.iot.WindowedAggregate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges each device's closed window against the device's thresholds (with hysteresis, so a
 * value hovering around a limit raises one alert and one clearance, not a flood) and its
 * rate-of-change limit. Windows close in event-time order per device, so the previous
 * window's mean is the right comparison.
 */
final class WindowAlertMonitor implements FixedKeyProcessor<String, WindowedAggregate, List<DeviceAlert>> {

    private static final Logger log = LoggerFactory.getLogger(WindowAlertMonitor.class);

    private final IotSettings settings;
    private FixedKeyProcessorContext<String, List<DeviceAlert>> context;
    private TimestampedKeyValueStore<String, Device> devices;
    private KeyValueStore<String, DeviceMonitorState> monitors;

    WindowAlertMonitor(IotSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, List<DeviceAlert>> context) {
        this.context = context;
        this.devices = context.getStateStore(IotTopology.DEVICES_STORE);
        this.monitors = context.getStateStore(IotTopology.MONITOR_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, WindowedAggregate> record) {
        WindowedAggregate window = record.value();
        var stored = devices.get(record.key());
        Device device = stored == null ? null : stored.value();
        if (device == null) {
            return;
        }
        DeviceMonitorState state = monitors.get(record.key());
        if (state == null) {
            state = DeviceMonitorState.newBuilder().build();
        }
        if (state.getPreviousWindowStart() != null
                && window.getWindow().getStart().toEpochMilli() <= state.getPreviousWindowStart()) {
            // A window judged already (re-emitted after a restart reopened it): judging it again would
            // compare it with a newer window and repeat alerts.
            return;
        }
        var alerts = new ArrayList<DeviceAlert>();
        var thresholds = device.getThresholds();

        ThresholdMonitor thresholdMonitor;
        RateOfChangeMonitor rateMonitor;
        try {
            thresholdMonitor = new ThresholdMonitor(thresholds.getLow(), thresholds.getHigh(), settings.hysteresis());
            rateMonitor = new RateOfChangeMonitor(thresholds.getMaxChangePerMinute());
        } catch (IllegalArgumentException e) {
            // A bad device entry must not cost the readings: no alerts for it until it is corrected.
            log.warn(
                    "Device {} has unusable thresholds ({}); publish a corrected entry to enable its alerts",
                    record.key(),
                    e.getMessage());
            return;
        }
        var previous = ThresholdState.valueOf(state.getThresholdState());
        var transition = thresholdMonitor.evaluate(previous, window.getMin(), window.getMax());
        transition.event().ifPresent(event -> alerts.add(thresholdAlert(window, previous, event)));

        var current = new WindowMean(window.getWindow().getStart(), window.getMean());
        var last = state.getPreviousWindowStart() == null
                ? null
                : new WindowMean(Instant.ofEpochMilli(state.getPreviousWindowStart()), state.getPreviousMean());
        var rate = rateMonitor.evaluate(state.getRateArmed(), last, current);
        rate.event()
                .ifPresent(event -> alerts.add(alert(
                        window, DeviceAlertType.RATE_OF_CHANGE, event.ratePerMinute(), event.limit(), event.reason())));

        monitors.put(
                record.key(),
                DeviceMonitorState.newBuilder()
                        .setThresholdState(transition.newState().name())
                        .setRateArmed(rate.armed())
                        .setPreviousWindowStart(current.windowStart().toEpochMilli())
                        .setPreviousMean(current.mean())
                        .build());
        if (!alerts.isEmpty()) {
            context.forward(record.withValue(List.copyOf(alerts)));
        }
    }

    private static DeviceAlert thresholdAlert(WindowedAggregate window, ThresholdState previous, ThresholdEvent event) {
        var type =
                switch (event.kind()) {
                    case RAISED_HIGH -> DeviceAlertType.THRESHOLD_HIGH;
                    case RAISED_LOW -> DeviceAlertType.THRESHOLD_LOW;
                    case CLEARED -> DeviceAlertType.THRESHOLD_CLEARED;
                };
        String reason = event.kind() == ThresholdEvent.Kind.CLEARED
                ? previous.name().toLowerCase(java.util.Locale.ROOT) + " alert cleared: " + event.reason()
                : event.reason();
        return alert(window, type, event.observed(), event.threshold(), reason);
    }

    private static DeviceAlert alert(
            WindowedAggregate window, DeviceAlertType type, double value, Double threshold, String reason) {
        // The window end is the event time at which the condition became known.
        var at = window.getWindow().getEnd();
        return DeviceAlert.newBuilder()
                .setAlertId(AlertIds.deviceAlertId(window.getDeviceId(), type.name(), at))
                .setDeviceId(window.getDeviceId())
                .setSiteId(window.getSiteId())
                .setType(type)
                .setValue(value)
                .setThreshold(threshold)
                .setReason(reason)
                .setWindow(window.getWindow())
                .setEventTime(at)
                .build();
    }
}
