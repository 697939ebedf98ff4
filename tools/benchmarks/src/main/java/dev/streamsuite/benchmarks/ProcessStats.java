package dev.streamsuite.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Memory and CPU time of a child process as the kernel counts them. */
final class ProcessStats {

    private ProcessStats() {}

    /** Resident set size in MiB ({@code VmRSS} of /proc/<pid>/status); 0 once the process is gone. */
    static double rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException gone) {
            return 0;
        }
        return 0;
    }

    /**
     * CPU time the process has used, user and system, all its threads, in seconds ({@code utime} and
     * {@code stime} of /proc/<pid>/stat, in the kernel's USER_HZ of 100 ticks a second); -1 once the
     * process is gone.
     */
    static double cpuSeconds(long pid) {
        try {
            return cpuSeconds(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    /**
     * CPU time the process's JIT compiler threads have used, in seconds (threads named {@code C1
     * CompilerThread…} and {@code C2 CompilerThread…}, as /proc/<pid>/task/<tid>/stat names them,
     * cut to 15 characters); -1 once the process is gone.
     */
    static double compilerCpuSeconds(long pid) {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            double seconds = 0;
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException threadGone) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    seconds += cpuSeconds(stat);
                }
            }
            return seconds;
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    private static double cpuSeconds(String stat) {
        // Fields after the command name in parentheses, which may hold spaces: state is field 3.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[UTIME - 3]) + Long.parseLong(fields[STIME - 3])) / TICKS_PER_SECOND;
    }

    private static final int UTIME = 14;
    private static final int STIME = 15;
    private static final double TICKS_PER_SECOND = 100.0;
}
