package io.contrail.snapshot.impl;

import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names of the IMaps (and the topic) the store uses, all starting {@value #PREFIX}, and the map
 * configuration applied to them.
 *
 * <pre>
 * __contrail.snapshot.records                  jobId (Long) -> manifest of the last complete snapshot
 * __contrail.snapshot.job.&lt;jobId&gt;.slot&lt;0|1&gt;   chunk and verification keys -> bytes
 * __contrail.snapshot.exported                 export name -> catalog entry (data map name, manifest)
 * __contrail.snapshot.exported.unreadable      export name -> why its file could not be loaded
 * __contrail.snapshot.export.&lt;name&gt;.&lt;uuid&gt;     chunk and verification keys -> bytes of one export
 * __contrail.snapshot.exported.events          topic: exports and deletions, for other members' disks
 * </pre>
 *
 * <h2>Threading</h2>
 * Stateless; safe from any thread.
 */
public final class SnapshotMaps {

    public static final String PREFIX = "__contrail.snapshot";
    public static final String RECORDS = PREFIX + ".records";
    public static final String EXPORTED = PREFIX + ".exported";
    public static final String UNREADABLE = PREFIX + ".exported.unreadable";
    public static final String EVENTS = PREFIX + ".exported.events";
    public static final String EXPORT_DATA_PREFIX = PREFIX + ".export.";
    /** The map-config name pattern covering every map above. */
    public static final String PATTERN = PREFIX + "*";

    private static final Logger LOGGER = LoggerFactory.getLogger(SnapshotMaps.class);

    private SnapshotMaps() {
    }

    public static String slotMapName(long jobId, int slot) {
        return PREFIX + ".job." + jobId + ".slot" + slot;
    }

    public static IMap<String, byte[]> slotMap(HazelcastInstance hz, long jobId, int slot) {
        return hz.getMap(slotMapName(jobId, slot));
    }

    /**
     * Adds a map config with {@code backupCount} synchronous backups for {@link #PATTERN}. Hazelcast
     * spreads it to the whole cluster; a member that asks for a different count than the cluster
     * already has gets a warning and the cluster's setting.
     */
    public static void configure(HazelcastInstance hz, int backupCount) {
        MapConfig config = new MapConfig(PATTERN)
                .setBackupCount(backupCount)
                .setAsyncBackupCount(0)
                .setStatisticsEnabled(false);
        try {
            hz.getConfig().addMapConfig(config);
        } catch (InvalidConfigurationException e) {
            LOGGER.warn("Snapshot maps keep the cluster's existing configuration for '{}' (backup count {}),"
                    + " not the backup count {} of this member's snapshot store configuration; configure the"
                    + " same count on every member: {}", PATTERN,
                    hz.getConfig().findMapConfig(RECORDS).getBackupCount(), backupCount, e.getMessage());
        }
    }
}
