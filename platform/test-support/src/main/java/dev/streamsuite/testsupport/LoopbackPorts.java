package dev.streamsuite.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports on 127.0.0.1 for the processes a test or the benchmark starts.
 *
 * <p>Asking the kernel for port 0 hands out a port from its ephemeral range
 * ({@code /proc/sys/net/ipv4/ip_local_port_range}, 32768–60999 by default): the range it also
 * draws the local end of every outgoing connection from. Between the moment a test learns such a
 * port and the moment its child process binds it, any connection made on the machine (a broker's
 * clients, the registry's, the test's own) may take it, and the child fails with "Address already
 * in use". The ports here lie below that range, where only a listener asking for a port by number
 * gets one; a random start keeps two JVMs apart, and no port is handed out twice in one JVM.
 */
public final class LoopbackPorts {

    static final int LOWEST = 20_000;
    private static final int LINUX_EPHEMERAL_LOW = 32_768;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int EPHEMERAL_LOW = ephemeralLow();
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private LoopbackPorts() {}

    /** A port nothing listens on now, outside the kernel's ephemeral range, never returned before. */
    public static int free() {
        int end = EPHEMERAL_LOW;
        if (end - LOWEST < 1_000) {
            return fromTheKernel();
        }
        int size = end - LOWEST;
        int start = ThreadLocalRandom.current().nextInt(size);
        for (int i = 0; i < size; i++) {
            int port = LOWEST + (start + i) % size;
            if (HANDED_OUT.add(port) && bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free loopback port between " + LOWEST + " and " + end);
    }

    /** The lowest port of the kernel's ephemeral range; Linux's default where it cannot be read. */
    static int ephemeralLow() {
        try {
            // Read by line: the kernel reports a size of 0 for the file, and a whole-file read may stop short.
            try (var reader = Files.newBufferedReader(EPHEMERAL_RANGE)) {
                return Integer.parseInt(reader.readLine().trim().split("\\s+")[0]);
            }
        } catch (IOException | RuntimeException e) {
            return LINUX_EPHEMERAL_LOW;
        }
    }

    private static boolean bindable(int port) {
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Where the ephemeral range leaves no room below it: the kernel's choice, as before. */
    private static int fromTheKernel() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }
}
