package org.lanyard.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap of a run, two ways: the largest heap occupancy right after a collection (the live
 * data the run holds: what "bounded in memory" is about) and the sum of the heap pools' peak
 * usage (which also counts garbage not yet collected). Start after warm-up.
 */
final class HeapWatch {

    private final AtomicLong liveAfterGc = new AtomicLong();

    HeapWatch() {
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = 0;
                for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    MemoryUsage after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                    if (pool.getType() == MemoryType.HEAP && after != null) {
                        used += after.getUsed();
                    }
                }
                liveAfterGc.accumulateAndGet(used, Math::max);
            }, null, null);
        }
    }

    void reset() {
        System.gc();
        liveAfterGc.set(0);
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Largest heap occupancy after a GC since {@link #reset}, in bytes; includes a final collection. */
    long livePeak() {
        System.gc();
        return liveAfterGc.get();
    }

    long usedPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
