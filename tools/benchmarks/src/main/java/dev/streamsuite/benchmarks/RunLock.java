package dev.streamsuite.benchmarks;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One benchmark run at a time. A run starts by emptying its folder (the broker's storage, state directories,
 * logs), and a second run started while one is going would delete the first's files from under its broker and
 * take half the machine's two cores from it. The lock is the operating system's, so it goes with the process
 * however that ends.
 */
final class RunLock implements AutoCloseable {

    /** Holds the lock: closing it lets go. */
    private final FileChannel channel;

    private RunLock(FileChannel channel) {
        this.channel = channel;
    }

    /** Takes the lock of {@code file}, or fails at once, saying what to do, if another run holds it. */
    static RunLock acquire(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        var channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("Another benchmark run is going (it holds " + file
                    + "); its figures would be wrong and its files deleted. Wait for it to finish, or stop it"
                    + " (its java process runs dev.streamsuite.benchmarks.SuiteBenchmark), then start again.");
        }
        return new RunLock(channel);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
