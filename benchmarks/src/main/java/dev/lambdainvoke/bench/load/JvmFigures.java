package dev.lambdainvoke.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the client JVM spends, read from the JVM itself: CPU time of the whole process (so also GC and JIT threads),
 * bytes allocated by all its threads, threads, and heap.
 */
final class JvmFigures {

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /** Java 21+ counts threads that have ended too; on 17 the live threads' figures are summed. */
    private final Method totalAllocated = totalAllocatedMethod();

    JvmFigures() {
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    long cpuNanos() {
        return os.getProcessCpuTime();
    }

    long allocatedBytes() {
        if (totalAllocated != null) {
            try {
                return (long) totalAllocated.invoke(threads);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        long sum = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(0, bytes);
        }
        return sum;
    }

    /** CPU time of each live Java thread by name without its trailing number: where the process's CPU goes. */
    Map<String, Long> cpuNanosByThreadGroup() {
        Map<String, Long> groups = new TreeMap<>();
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long cpu = threads.getThreadCpuTime(id);
            if (info != null && cpu > 0) {
                String group = info.getThreadName().replaceAll("[-_ ]?\\d+$", "").replaceAll("-\\d+-", "-#-");
                groups.merge(group, cpu, Long::sum);
            }
        }
        return groups;
    }

    void resetPeakThreads() {
        threads.resetPeakThreadCount();
    }

    int peakJavaThreads() {
        return threads.getPeakThreadCount();
    }

    /** Threads of the process as the OS sees them: Java threads, the JVM's own, and native ones (CRT's). */
    int osThreads() {
        return (int) procStatus("Threads:");
    }

    /** Memory of the process in RAM (heap, thread stacks, native buffers, code), in KiB as Linux counts it. */
    long residentKiB() {
        return procStatus("VmRSS:");
    }

    /** A number from /proc/self/status; -1 where there is none (not Linux): the column says so. */
    private static long procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        return -1;
    }

    /** Heap in use after a full collection: what the invocations in flight and the client really hold. */
    long liveHeapBytes() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static Method totalAllocatedMethod() {
        try {
            return com.sun.management.ThreadMXBean.class.getMethod("getTotalThreadAllocatedBytes");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
