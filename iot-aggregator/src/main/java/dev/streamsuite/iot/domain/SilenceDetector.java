package dev.streamsuite.iot.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Notices devices that stopped reporting, once per silence, and their return, once per return.
 *
 * <p>The detector works on one time line chosen by the caller: either event time (lastSeen is the latest event time
 * of a reading, and {@code now} the stream time) or wall-clock time (lastSeen is the arrival time, and {@code now}
 * the punctuation time). The instants passed to {@link #onReading} and {@link #check} must come from that same time
 * line. The detector never reads the clock.
 *
 * @param silentAfter how long without a reading makes a device silent; positive
 */
public record SilenceDetector(Duration silentAfter) {

    public SilenceDetector {
        Objects.requireNonNull(silentAfter, "silentAfter");
        if (silentAfter.isNegative() || silentAfter.isZero()) {
            throw new IllegalArgumentException("silentAfter must be positive, was " + silentAfter);
        }
    }

    /**
     * Declares an online device silent once {@code now - lastSeen >= silentAfter}. A device that is already silent
     * stays silent without a second event.
     */
    public SilenceTransition check(DevicePresence presence, Instant now) {
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(now, "now");
        Instant silentAt = presence.lastSeen().plus(silentAfter);
        if (presence.state() == PresenceState.SILENT || now.isBefore(silentAt)) {
            return new SilenceTransition(presence, Optional.empty());
        }
        return new SilenceTransition(
                new DevicePresence(presence.lastSeen(), PresenceState.SILENT),
                Optional.of(new SilenceEvent(
                        SilenceEvent.Kind.WENT_SILENT,
                        presence.lastSeen(),
                        silentAt,
                        "no reading since " + presence.lastSeen() + ", for at least " + silentAfter)));
    }

    /**
     * Records that the device was seen at {@code seenAt}, bringing a silent device back online with one event.
     *
     * <p>A reading not later than {@code lastSeen} is a redelivery or a straggler from before the silence; it says
     * nothing about the device now, so it changes nothing. A later reading that arrives late, with a time before the
     * silence was declared, still brings the device back: the silence alert has gone out and needs its end.
     */
    public SilenceTransition onReading(DevicePresence presence, Instant seenAt) {
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(seenAt, "seenAt");
        if (!seenAt.isAfter(presence.lastSeen())) {
            return new SilenceTransition(presence, Optional.empty());
        }
        DevicePresence online = DevicePresence.online(seenAt);
        if (presence.state() == PresenceState.ONLINE) {
            return new SilenceTransition(online, Optional.empty());
        }
        return new SilenceTransition(
                online,
                Optional.of(new SilenceEvent(
                        SilenceEvent.Kind.BACK_ONLINE,
                        presence.lastSeen(),
                        seenAt,
                        "reading at " + seenAt + " after " + Duration.between(presence.lastSeen(), seenAt)
                                + " without one")));
    }
}
