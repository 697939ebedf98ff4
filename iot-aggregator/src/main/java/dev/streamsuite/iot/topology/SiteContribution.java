package dev.streamsuite.iot.topology;

import dev.streamsuite.iot.state.WindowState;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A closed device window on its way to its site's windows: keyed by site and sensor type (a mean
 * of temperatures and humidities means nothing), and stamped with the window's last millisecond.
 * Site windows are whole numbers of device windows ({@link IotSettings}), so the site windows that
 * contain that instant are exactly those that contain the whole device window, and the site
 * stage's clock moves with the windows that closed. Only windows of devices with a site come
 * here; a device moved to another site during a window counts, for that window, in the site of
 * its last reading.
 */
final class SiteContribution implements Processor<Windowed<String>, WindowState, String, WindowState> {

    private ProcessorContext<String, WindowState> context;

    @Override
    public void init(ProcessorContext<String, WindowState> context) {
        this.context = context;
    }

    @Override
    public void process(Record<Windowed<String>, WindowState> record) {
        WindowState state = record.value();
        context.forward(record.withKey(state.getSiteId() + "/" + state.getSensorType())
                .withTimestamp(record.key().window().end() - 1));
    }
}
