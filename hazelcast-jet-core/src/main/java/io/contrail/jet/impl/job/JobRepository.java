package io.contrail.jet.impl.job;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.flakeidgen.FlakeIdGenerator;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Job records in the cluster's IMaps, so that every member sees them: one map of records by id,
 * one of active job names to ids (which makes names unique among active jobs), and a flake id
 * generator for ids that are unique and ordered by time. Records of ended jobs stay until
 * {@link #removeEndedBefore} removes them (see {@link JobService} for the retention).
 */
public final class JobRepository {

    public static final String JOB_RECORDS_MAP = "__contrail.jobRecords";
    public static final String JOB_NAMES_MAP = "__contrail.jobNames";
    public static final String JOB_IDS_GENERATOR = "__contrail.jobIds";

    private final IMap<Long, JobRecord> records;
    private final IMap<String, Long> activeNames;
    private final FlakeIdGenerator ids;

    public JobRepository(HazelcastInstance hazelcastInstance) {
        this.records = hazelcastInstance.getMap(JOB_RECORDS_MAP);
        this.activeNames = hazelcastInstance.getMap(JOB_NAMES_MAP);
        this.ids = hazelcastInstance.getFlakeIdGenerator(JOB_IDS_GENERATOR);
    }

    /** A new job id: 64-bit, unique in the cluster, increasing with time. */
    public long newJobId() {
        return ids.newId();
    }

    /**
     * Claims {@code name} for job {@code jobId}.
     *
     * @return the id of the active job that holds the name already, if any
     */
    public Optional<Long> claimName(String name, long jobId) {
        while (true) {
            Long holder = activeNames.putIfAbsent(name, jobId);
            if (holder == null) {
                return Optional.empty();
            }
            JobRecord holderRecord = records.get(holder);
            if (holderRecord != null && !holderRecord.status().isTerminal()) {
                return Optional.of(holder);
            }
            // The holder ended without releasing the name (its member died): take it over.
            if (activeNames.replace(name, holder, jobId)) {
                return Optional.empty();
            }
        }
    }

    /** Releases {@code name} if job {@code jobId} still holds it. */
    public void releaseName(String name, long jobId) {
        activeNames.remove(name, jobId);
    }

    public void put(JobRecord record) {
        records.set(record.jobId(), record);
    }

    public Optional<JobRecord> get(long jobId) {
        return Optional.ofNullable(records.get(jobId));
    }

    /** The id of the active job of that name, if any. */
    public Optional<Long> activeJobId(String name) {
        return Optional.ofNullable(activeNames.get(name));
    }

    public Collection<JobRecord> all() {
        return records.values();
    }

    /**
     * Removes the records of the jobs that ended at or before {@code cutoffMillis} (epoch ms),
     * with their names if they still hold them. The records are selected on the members that own
     * them.
     *
     * @return how many records were removed
     */
    public int removeEndedBefore(long cutoffMillis) {
        Predicate<Long, JobRecord> ended = entry -> entry.getValue().status().isTerminal()
                && entry.getValue().completionTime() <= cutoffMillis;
        Set<Map.Entry<Long, JobRecord>> expired = records.entrySet(ended);
        for (Map.Entry<Long, JobRecord> entry : expired) {
            // an ended job's record never changes again, so nothing is lost between the query and here
            records.delete(entry.getKey());
            activeNames.remove(entry.getValue().name(), entry.getKey());
        }
        return expired.size();
    }
}
