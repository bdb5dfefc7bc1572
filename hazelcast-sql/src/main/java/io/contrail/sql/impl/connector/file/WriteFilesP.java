package io.contrail.sql.impl.connector.file;

import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.Outbox;
import io.contrail.jet.core.Processor;
import io.contrail.jet.core.Watermark;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The sink of a File mapping: writes the rows it receives (arrays of internal values) into new
 * files in the mapping's directory, which it creates if needed; emits nothing.
 *
 * <h2>File names</h2>
 * {@code <job id, 16 hex digits>-<processor index>-<sequence>.<csv|jsonl>}, for example
 * {@code 0a1b2c3d4e5f6789-0-0.csv}: unique per job (each INSERT runs as a job of its own),
 * processor and file of that processor. A file is written under a hidden temporary name,
 * {@code .<name>.tmp}, and renamed to its name once complete (an atomic rename in the same
 * directory), so readers, which skip hidden files ({@link FileLister}), never see a partial
 * file. A processor that receives no row writes no file.
 *
 * <h2>When files are published</h2>
 * <ul>
 *     <li>When the input completes (a bounded INSERT or SINK INTO): each processor publishes its
 *     one file.</li>
 *     <li>At each snapshot (jobs with a processing guarantee, such as a streaming CREATE JOB
 *     with {@code snapshotIntervalMillis}): the open file is closed in {@link #saveToSnapshot}
 *     and its name saved as the processor's state; it is published when the snapshot is complete
 *     everywhere ({@link #snapshotCommitFinish}, after a failed snapshot with the next one); the
 *     next row starts the next file. A restored processor publishes the files of the snapshot it
 *     restores (they belong to a complete snapshot) and continues the sequence, so under
 *     exactly-once no row is published twice or lost.</li>
 *     <li>A streaming write without a processing guarantee takes no snapshots and so publishes
 *     nothing until it ends; cancelling it deletes its open file.</li>
 * </ul>
 * A processor that fails or is cancelled deletes its open temporary file; temporary files of
 * snapshots that no job restores stay behind, hidden.
 *
 * <p>Non-cooperative: writes and renames block on the file system, on the processor's own
 * thread.
 */
final class WriteFilesP implements Processor {

    private final FileTable table;
    private final String mappingName;
    private final FileOptions options;

    private Outbox outbox;
    private Path dir;
    private int processorIndex;
    /** The start of this processor's file names: job id and processor index. */
    private String namePrefix;
    /** The sequence number of the next file. */
    private long nextSequence;
    /** The open file, or {@code null}; {@link #currentName} is its published name. */
    private RowWriter writer;
    private String currentName;
    /** Files closed at a snapshot and not yet published, by name. */
    private final List<String> prepared = new ArrayList<>();
    /** Whether this snapshot's {@link #saveToSnapshot} closed the open file already (it may be called again). */
    private boolean rolled;

    WriteFilesP(FileTable table) {
        this.table = requireNonNull(table, "table is null");
        this.mappingName = table.mappingName();
        this.options = table.options();
    }

    @Override
    public boolean isCooperative() {
        return false;
    }

    @Override
    public void init(Outbox outbox, Context context) {
        this.outbox = outbox;
        this.dir = Path.of(options.path());
        this.processorIndex = context.globalProcessorIndex();
        this.namePrefix = String.format("%016x-%d-", context.jobId(), processorIndex);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SqlException(SqlErrorCode.EXECUTION_FAILED, "Cannot create the directory '" + dir
                    + "' of File mapping '" + mappingName + "': " + e + "; check its 'path' and the permissions", e);
        }
    }

    @Override
    public void process(int ordinal, Inbox inbox) {
        try {
            for (Object item; (item = inbox.poll()) != null; ) {
                if (writer == null) {
                    currentName = namePrefix + nextSequence++ + "." + options.format().extension();
                    writer = options.format().openWriter(temporary(currentName), table.columns());
                }
                writer.write((Object[]) item);
            }
        } catch (IOException e) {
            throw writeFailure(currentName, e);
        }
    }

    @Override
    public boolean tryProcessWatermark(Watermark watermark) {
        return true;
    }

    @Override
    public boolean complete() {
        roll();
        publishPrepared();
        return true;
    }

    @Override
    public boolean saveToSnapshot() {
        if (!rolled) {
            roll();
            rolled = true;
        }
        if (!outbox.offerToSnapshot(new WriterKey(processorIndex), new WriterState(List.copyOf(prepared), nextSequence))) {
            return false;
        }
        rolled = false;
        return true;
    }

    @Override
    public boolean snapshotCommitFinish(boolean success) {
        if (success) {
            publishPrepared();
        }
        return true;
    }

    @Override
    public void restoreFromSnapshot(Inbox inbox) {
        for (Object o; (o = inbox.poll()) != null; ) {
            Map.Entry<?, ?> entry = (Map.Entry<?, ?>) o;
            if (!(entry.getKey() instanceof WriterKey key) || !(entry.getValue() instanceof WriterState state)) {
                continue;
            }
            for (String name : state.prepared()) {
                publish(name);
            }
            if (key.processorIndex() == processorIndex) {
                nextSequence = Math.max(nextSequence, state.nextSequence());
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            try {
                writer.close();
            } finally {
                writer = null;
                Files.deleteIfExists(temporary(currentName));
            }
        }
    }

    /** Closes the open file, if any, and adds it to {@link #prepared}. */
    private void roll() {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            throw writeFailure(currentName, e);
        } finally {
            writer = null;
        }
        prepared.add(currentName);
    }

    private void publishPrepared() {
        for (String name : prepared) {
            publish(name);
        }
        prepared.clear();
    }

    /** Renames a closed file to its name; does nothing if it was renamed already. */
    private void publish(String name) {
        try {
            Files.move(temporary(name), dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            if (!Files.exists(dir.resolve(name))) {
                throw writeFailure(name, e);
            }
        } catch (FileAlreadyExistsException e) {
            throw new SqlException(SqlErrorCode.EXECUTION_FAILED, "Cannot publish file '" + dir.resolve(name)
                    + "' of File mapping '" + mappingName + "': a file of that name exists; remove it", e);
        } catch (IOException e) {
            throw writeFailure(name, e);
        }
    }

    private Path temporary(String name) {
        return dir.resolve("." + name + ".tmp");
    }

    private SqlException writeFailure(String name, IOException e) {
        return new SqlException(SqlErrorCode.EXECUTION_FAILED, "Cannot write file '" + dir.resolve(name)
                + "' of File mapping '" + mappingName + "': " + e, e);
    }

    /** The snapshot key of a writer: its index among the writers of the vertex. */
    record WriterKey(int processorIndex) implements Serializable {
    }

    /** The saved state of a writer: its files closed at the snapshot, and its next file's number. */
    record WriterState(List<String> prepared, long nextSequence) implements Serializable {
    }

    @Override
    public String toString() {
        return "WriteFilesP{mapping=" + mappingName + ", path=" + options.path() + '}';
    }
}
