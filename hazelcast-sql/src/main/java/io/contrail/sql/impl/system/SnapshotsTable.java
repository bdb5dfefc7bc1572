package io.contrail.sql.impl.system;

import io.contrail.jet.ContrailInstance;
import io.contrail.snapshot.ExportedSnapshotInfo;
import io.contrail.sql.SqlColumnMetadata;
import io.contrail.sql.SqlColumnType;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code system.snapshots}: the exported (named) snapshots of the cluster, by name:
 * {@code snapshot_name} VARCHAR, {@code job_id} BIGINT and {@code job_name} VARCHAR (the job it
 * was taken of, which may have ended since), {@code snapshot_id} BIGINT (that job's snapshot),
 * {@code exported_at} TIMESTAMP WITH TIME ZONE, {@code size_bytes} and {@code entry_count} BIGINT.
 */
public final class SnapshotsTable extends SystemTable {

    /** The columns, in order. */
    public static final List<SqlColumnMetadata> COLUMNS = List.of(
            new SqlColumnMetadata("snapshot_name", SqlColumnType.VARCHAR),
            new SqlColumnMetadata("job_id", SqlColumnType.BIGINT),
            new SqlColumnMetadata("job_name", SqlColumnType.VARCHAR),
            new SqlColumnMetadata("snapshot_id", SqlColumnType.BIGINT),
            new SqlColumnMetadata("exported_at", SqlColumnType.TIMESTAMP_WITH_TIME_ZONE),
            new SqlColumnMetadata("size_bytes", SqlColumnType.BIGINT),
            new SqlColumnMetadata("entry_count", SqlColumnType.BIGINT));

    /** The table's name. */
    public static final String NAME = "snapshots";

    private final ContrailInstance member;

    SnapshotsTable(ContrailInstance member) {
        super(NAME, COLUMNS);
        this.member = requireNonNull(member, "member is null");
    }

    @Override
    public List<Object[]> rows() {
        return member.getExportedSnapshots().stream().map(SnapshotsTable::row).toList();
    }

    private static Object[] row(ExportedSnapshotInfo snapshot) {
        return new Object[]{
                snapshot.name(),
                snapshot.jobId(),
                snapshot.jobName(),
                snapshot.snapshotId(),
                snapshot.exportedAt().toEpochMilli(),
                snapshot.sizeBytes(),
                snapshot.entryCount()
        };
    }
}
