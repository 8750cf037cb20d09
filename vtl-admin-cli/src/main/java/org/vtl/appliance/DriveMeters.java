package org.vtl.appliance;

import java.util.List;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.vtl.scsi.ssc.DriveCounters;

/**
 * The Micrometer meters of one tape drive, read from its {@link DriveCounters} when scraped (the data path only
 * increments the counters): {@code vtl.drive.host.written}/{@code read} (bytes), {@code vtl.drive.blocks.written}/
 * {@code read}, {@code vtl.drive.stored} (bytes after compression) and {@code vtl.drive.compression.ratio}, tagged
 * with the partition and the drive number.
 */
final class DriveMeters {

    private DriveMeters() {
    }

    /** Registers the drive's meters; returns them so they can be removed when the drive goes. */
    static List<Meter> register(MeterRegistry registry, String partition, int index, DriveCounters c) {
        Tags tags = Tags.of("partition", partition, "drive", Integer.toString(index));
        return List.of(
                FunctionCounter.builder("vtl.drive.host.written", c, DriveCounters::bytesWritten).baseUnit("bytes")
                        .description("bytes initiators wrote through the drive").tags(tags).register(registry),
                FunctionCounter.builder("vtl.drive.host.read", c, DriveCounters::bytesRead).baseUnit("bytes")
                        .description("bytes initiators read through the drive").tags(tags).register(registry),
                FunctionCounter.builder("vtl.drive.blocks.written", c, DriveCounters::blocksWritten)
                        .description("data blocks written").tags(tags).register(registry),
                FunctionCounter.builder("vtl.drive.blocks.read", c, DriveCounters::blocksRead)
                        .description("data blocks read").tags(tags).register(registry),
                FunctionCounter.builder("vtl.drive.stored", c, DriveCounters::bytesStored).baseUnit("bytes")
                        .description("bytes stored for what the drive wrote, after compression").tags(tags)
                        .register(registry),
                Gauge.builder("vtl.drive.compression.ratio", c, DriveCounters::compressionRatio)
                        .description("native per stored byte of what the drive wrote").tags(tags).register(registry));
    }
}
