/**
 * Snapshot storage of Contrail jobs: {@link io.contrail.snapshot.SnapshotStore} writes a job's
 * state into Hazelcast IMaps in two alternating slots, verifies it on read, and keeps named
 * exported snapshots (optionally on disk, see {@code snapshots/README.md} for the format).
 *
 * <p>This package knows nothing about DAGs, processors or SQL: state arrives as key/value pairs
 * per named vertex and processor index, and leaves the same way.
 */
package io.contrail.snapshot;
