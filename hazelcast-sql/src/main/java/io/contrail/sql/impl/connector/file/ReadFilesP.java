package io.contrail.sql.impl.connector.file;

import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.Outbox;
import io.contrail.jet.core.Processor;
import io.contrail.jet.core.Watermark;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The batch source of a File mapping: emits the rows of its files (one {@code Object[]} of
 * internal values per row), then completes.
 *
 * <h2>Work split</h2>
 * {@link #init} lists the files ({@link FileLister}); processor {@code i} of {@code n} reads the
 * files whose index in that sorted list is {@code i} modulo {@code n}, one after the other, each
 * from start to end. With {@code sharedFileSystem} {@code i} and {@code n} are cluster-wide (every
 * member sees the same files, each is read once), otherwise per member (each member reads its own
 * files). Today a job runs on the member that ran the statement, so both are the same.
 *
 * <p>Non-cooperative: reads block on the file system, on the processor's own thread. Holds one
 * row of one file at a time.
 *
 * <h2>Snapshot</h2>
 * One entry per processor, keyed by {@link ReaderKey}: how many of its files it has finished and
 * how many rows of the current one it has emitted. A restore skips that many rows of that file,
 * which is exact when the files do not change while the job runs; the parallelism must be the
 * same.
 */
final class ReadFilesP implements Processor {

    /** A cap on the rows of one {@code complete()} call, so that snapshots are not held off for long. */
    private static final int MAX_ROWS_PER_CALL = 1024;

    private final FileTable table;
    private final String mappingName;
    private final FileOptions options;

    private Outbox outbox;
    private int processorIndex;
    private int parallelism;
    /** The files this processor reads, in order. */
    private List<Path> files;
    /** The index into {@link #files} of the file being read. */
    private int fileCursor;
    /** Rows of the current file already emitted. */
    private long rowsEmittedInFile;
    /** Over the current file; {@code null} before it is opened. */
    private RowReader reader;
    /** A row the outbox refused. */
    private Object[] pendingRow;

    ReadFilesP(FileTable table) {
        this.table = requireNonNull(table, "table is null");
        this.mappingName = table.mappingName();
        this.options = table.options();
    }

    @Override
    public boolean isCooperative() {
        return false;
    }

    @Override
    public void init(Outbox outbox, Context context) throws IOException {
        this.outbox = outbox;
        this.processorIndex = options.sharedFileSystem() ? context.globalProcessorIndex() : context.localProcessorIndex();
        this.parallelism = options.sharedFileSystem() ? context.totalParallelism() : context.localParallelism();
        List<Path> all = FileLister.list(options).orElse(null);
        if (all == null) {
            if (!options.ignoreFileNotFound()) {
                throw new SqlException(SqlErrorCode.EXECUTION_FAILED, FileLister.missingDirectory(options, mappingName));
            }
            all = List.of();
        }
        files = new ArrayList<>();
        for (int i = processorIndex; i < all.size(); i += parallelism) {
            files.add(all.get(i));
        }
    }

    @Override
    public boolean complete() {
        for (int rows = 0; rows < MAX_ROWS_PER_CALL; ) {
            if (pendingRow != null) {
                if (!outbox.offer(pendingRow)) {
                    return false;
                }
                pendingRow = null;
                rowsEmittedInFile++;
                rows++;
            } else if (reader == null) {
                if (fileCursor == files.size()) {
                    return true;
                }
                reader = open(files.get(fileCursor));
            } else {
                Object[] row = read();
                if (row == null) {
                    closeReader();
                    fileCursor++;
                    rowsEmittedInFile = 0;
                } else {
                    pendingRow = row;
                }
            }
        }
        return false;
    }

    /** Opens a file and skips the rows emitted before a restore. */
    private RowReader open(Path file) {
        try {
            RowReader opened = options.format().openReader(file, table.columns(), mappingName);
            for (long i = 0; i < rowsEmittedInFile && opened.next() != null; i++) {
                // skipped: emitted before the snapshot this processor was restored from
            }
            return opened;
        } catch (IOException e) {
            throw readFailure(file, e);
        }
    }

    private Object[] read() {
        try {
            return reader.next();
        } catch (IOException e) {
            throw readFailure(files.get(fileCursor), e);
        }
    }

    private SqlException readFailure(Path file, IOException e) {
        return new SqlException(SqlErrorCode.EXECUTION_FAILED, "Cannot read file '" + file + "' of File mapping '"
                + mappingName + "': " + e, e);
    }

    @Override
    public boolean tryProcessWatermark(Watermark watermark) {
        throw new IllegalStateException("A file source has no input, but received " + watermark);
    }

    @Override
    public boolean saveToSnapshot() {
        // A refused row is not counted as emitted: the restored processor emits it again.
        return outbox.offerToSnapshot(new ReaderKey(processorIndex), new ReaderState(fileCursor, rowsEmittedInFile, parallelism));
    }

    @Override
    public void restoreFromSnapshot(Inbox inbox) {
        for (Object o; (o = inbox.poll()) != null; ) {
            Map.Entry<?, ?> entry = (Map.Entry<?, ?>) o;
            if (!(entry.getKey() instanceof ReaderKey key) || key.processorIndex() != processorIndex) {
                continue;
            }
            ReaderState state = (ReaderState) entry.getValue();
            if (state.parallelism() != parallelism) {
                throw new IllegalStateException("Cannot restore the reader of File mapping '" + mappingName
                        + "' saved with parallelism " + state.parallelism() + " into parallelism " + parallelism
                        + ": the split of the files depends on it");
            }
            fileCursor = state.fileCursor();
            rowsEmittedInFile = state.rowsEmittedInFile();
        }
    }

    @Override
    public void close() throws IOException {
        closeReader();
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                throw readFailure(files.get(fileCursor), e);
            } finally {
                reader = null;
            }
        }
    }

    /** The snapshot key of a reader: its index among the readers of the vertex. */
    record ReaderKey(int processorIndex) implements Serializable {
    }

    /** The saved position of a reader; see the class javadoc. */
    record ReaderState(int fileCursor, long rowsEmittedInFile, int parallelism) implements Serializable {
    }

    @Override
    public String toString() {
        return "ReadFilesP{mapping=" + mappingName + ", path=" + options.path() + ", glob=" + options.glob() + '}';
    }
}
