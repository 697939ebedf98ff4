package dev.streamsuite.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on 127.0.0.1 in front of a server, which a test can cut and restore: an
 * outage of the server (its clients get connection refused) without losing its state, as
 * stopping an in-memory registry would.
 */
public final class TcpProxy implements AutoCloseable {

    private final int port;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    private TcpProxy(int port, int targetPort) {
        this.port = port;
        this.targetPort = targetPort;
    }

    /** A proxy on a free port of 127.0.0.1 forwarding to {@code targetPort} there. */
    public static TcpProxy to(int targetPort) {
        var proxy = new TcpProxy(LoopbackPorts.free(), targetPort);
        proxy.restore();
        return proxy;
    }

    public int port() {
        return port;
    }

    /** Closes the listening socket and every open connection: clients get connection refused. */
    public synchronized void cut() {
        closeQuietly(server);
        server = null;
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    /** Listens again on the same port. */
    public synchronized void restore() {
        if (server != null) {
            return;
        }
        try {
            var socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = socket;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, e);
        }
        var listening = server;
        daemon("tcp-proxy-" + port, () -> accept(listening));
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            Socket client = null;
            try {
                client = listening.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                synchronized (this) {
                    if (listening.isClosed()) {
                        // cut() came between accept and now: this connection must not survive it.
                        closeQuietly(client);
                        closeQuietly(target);
                        return;
                    }
                    sockets.add(client);
                    sockets.add(target);
                }
                pump(client, target);
                pump(target, client);
            } catch (IOException e) {
                // Closed by cut() or close(), or the target refused: the client sees a closed connection.
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        daemon("tcp-proxy-" + port + "-pump", () -> {
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // One side closed: close both below.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        });
    }

    private static void daemon(String name, Runnable work) {
        var thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing is all that is wanted.
        }
    }

    @Override
    public void close() {
        cut();
    }
}
