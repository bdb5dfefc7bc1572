package io.contrail.sql.impl.pgwire;

import io.contrail.sql.SqlColumnMetadata;
import io.contrail.sql.SqlRow;
import io.contrail.sql.SqlRowMetadata;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Writes server messages to one connection. Each message is {@code byte type | int32 length
 * (itself included) | body}; strings are NUL-terminated UTF-8.
 *
 * <p>Messages go into a queue; a drain task on the event loop hands everything queued to the
 * channel and flushes. A row asks for a drain ({@link #dataRow}), and so does {@link #flush()};
 * a drain already scheduled takes the new messages along, so a fast producer sends many rows per
 * task and per flush, and a slow one each row at once.
 *
 * <p>Back-pressure: before each row the session calls {@link #awaitWritable}, which blocks while
 * Netty's outbound buffer is above its high water mark or too many bytes wait in the queue: a
 * slow client slows the statement down instead of filling the member's memory.
 *
 * <p>Threading: written by the connection's session thread (and by the event loop for the
 * one-byte answers before startup); {@link #writabilityChanged()} is called on the event loop.
 */
final class PgOutput {

    private static final Pattern UNNAMED = Pattern.compile("EXPR\\$\\d+");

    /** Bytes handed to the event loop but not yet to the channel, beyond which writers wait. */
    private static final int QUEUED_BYTES_LIMIT = 256 * 1024;

    private final Channel channel;
    private final Queue<ByteBuf> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    /** Whether a drain task is scheduled and has not started yet. */
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Object writableSignal = new Object();
    /** Whether a writer waits in awaitWritable; read by the event loop to decide to wake it. */
    private volatile boolean writerWaiting;

    PgOutput(Channel channel) {
        this.channel = requireNonNull(channel, "channel is null");
    }

    boolean isOpen() {
        return channel.isActive();
    }

    /** Sends the messages written so far. */
    void flush() {
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                channel.eventLoop().execute(this::drain);
            } catch (RejectedExecutionException e) {
                // the event loop is shutting down: the connection is gone, and the messages with it
                releaseQueued();
            }
        }
    }

    /** Hands every queued message to the channel and flushes; on the event loop. */
    private void drain() {
        drainScheduled.set(false);
        ByteBuf message;
        while ((message = queue.poll()) != null) {
            queuedBytes.addAndGet(-message.readableBytes());
            channel.write(message, channel.voidPromise());
        }
        channel.flush();
        wakeWriter();
    }

    private void releaseQueued() {
        ByteBuf message;
        while ((message = queue.poll()) != null) {
            message.release();
        }
    }

    /**
     * Blocks until the channel takes more writes, it closes, or {@code stop} says so.
     *
     * @throws InterruptedException if the session thread is interrupted
     */
    void awaitWritable(BooleanSupplier stop) throws InterruptedException {
        if (isWritable()) {
            return;
        }
        synchronized (writableSignal) {
            writerWaiting = true;
            try {
                while (!isWritable() && channel.isActive() && !stop.getAsBoolean()) {
                    // woken by writabilityChanged() and the write tasks; the timeout re-checks stop (a cancel)
                    writableSignal.wait(100);
                }
            } finally {
                writerWaiting = false;
            }
        }
    }

    private boolean isWritable() {
        return channel.isWritable() && queuedBytes.get() < QUEUED_BYTES_LIMIT;
    }

    /** Called on the event loop when the channel's writability flips. */
    void writabilityChanged() {
        wakeWriter();
    }

    private void wakeWriter() {
        if (writerWaiting) {
            synchronized (writableSignal) {
                writableSignal.notifyAll();
            }
        }
    }

    /** The one-byte answer {@code N} to an SSLRequest (without TLS) or a GSSENCRequest: not supported. */
    void refuseEncryption() {
        queue.add(channel.alloc().buffer(1).writeByte('N'));
        queuedBytes.incrementAndGet();
        flush();
    }

    void authenticationOk() {
        authentication(0, null);
    }

    /** AuthenticationSASL (10), SASLContinue (11) or SASLFinal (12) with their data. */
    void authentication(int code, byte[] data) {
        ByteBuf buf = begin('R');
        buf.writeInt(code);
        if (data != null) {
            buf.writeBytes(data);
        }
        write(buf);
    }

    void parameterStatus(String name, String value) {
        ByteBuf buf = begin('S');
        writeString(buf, name);
        writeString(buf, value);
        write(buf);
    }

    void backendKeyData(int processId, int secretKey) {
        write(begin('K').writeInt(processId).writeInt(secretKey));
    }

    /** ReadyForQuery; always idle ('I'): there are no transactions. */
    void readyForQuery() {
        write(begin('Z').writeByte('I'));
    }

    void parseComplete() {
        write(begin('1'));
    }

    void bindComplete() {
        write(begin('2'));
    }

    void closeComplete() {
        write(begin('3'));
    }

    void noData() {
        write(begin('n'));
    }

    void portalSuspended() {
        write(begin('s'));
    }

    void emptyQueryResponse() {
        write(begin('I'));
    }

    void commandComplete(String tag) {
        ByteBuf buf = begin('C');
        writeString(buf, tag);
        write(buf);
    }

    void parameterDescription(int[] types) {
        ByteBuf buf = begin('t');
        buf.writeShort(types.length);
        for (int type : types) {
            buf.writeInt(type);
        }
        write(buf);
    }

    /**
     * RowDescription: per column its name, table OID and attribute number (0, 0: not a table
     * column), type OID, type length, type modifier (-1) and format (0 text, 1 binary).
     */
    void rowDescription(SqlRowMetadata metadata, ResultFormats formats) {
        List<SqlColumnMetadata> columns = metadata.columns();
        ByteBuf buf = begin('T');
        buf.writeShort(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            PgType type = PgType.of(columns.get(i).type());
            writeString(buf, clientName(columns.get(i).name()));
            buf.writeInt(0).writeShort(0).writeInt(type.oid()).writeShort(type.length()).writeInt(-1)
                    .writeShort(formats.isBinary(i) ? 1 : 0);
        }
        write(buf);
    }

    /**
     * A column's name as PostgreSQL clients expect it: {@code ?column?} for an expression the
     * query did not name, which Calcite calls {@code EXPR$0}, {@code EXPR$1}...
     */
    static String clientName(String name) {
        return UNNAMED.matcher(name).matches() ? "?column?" : name;
    }

    /** DataRow: per column int32 length (-1 for NULL) and the value in its format. */
    void dataRow(SqlRow row, ResultFormats formats) {
        List<SqlColumnMetadata> columns = row.metadata().columns();
        ByteBuf buf = begin('D');
        buf.writeShort(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            Object value = row.getObject(i);
            if (value == null) {
                buf.writeInt(-1);
                continue;
            }
            PgType type = PgType.of(columns.get(i).type());
            byte[] bytes = formats.isBinary(i) ? type.toBinary(value) : type.toText(value).getBytes(StandardCharsets.UTF_8);
            buf.writeInt(bytes.length).writeBytes(bytes);
        }
        write(buf, true);
    }

    /** ErrorResponse with fields S (severity), V (same, not localized), C (SQLSTATE), M and P. */
    void errorResponse(PgError error) {
        ByteBuf buf = begin('E');
        writeField(buf, 'S', error.severity());
        writeField(buf, 'V', error.severity());
        writeField(buf, 'C', error.sqlState());
        writeField(buf, 'M', error.message());
        if (error.position() > 0) {
            writeField(buf, 'P', Integer.toString(error.position()));
        }
        buf.writeByte(0);
        write(buf);
    }

    /** Sends what is queued, then closes the connection. */
    void close() {
        try {
            channel.eventLoop().execute(() -> {
                drain();
                channel.close();
            });
        } catch (RejectedExecutionException e) {
            releaseQueued();
        }
    }

    private ByteBuf begin(char type) {
        return channel.alloc().buffer().writeByte(type).writeInt(0);
    }

    private void write(ByteBuf message) {
        write(message, false);
    }

    /** Queues a finished message; with {@code send}, it goes out soon without waiting for a flush. */
    private void write(ByteBuf message, boolean send) {
        message.setInt(1, message.writerIndex() - 1);
        queuedBytes.addAndGet(message.readableBytes());
        queue.add(message);
        if (send) {
            flush();
        }
    }

    private static void writeField(ByteBuf buf, char field, String value) {
        buf.writeByte(field);
        writeString(buf, value);
    }

    private static void writeString(ByteBuf buf, String value) {
        buf.writeCharSequence(value, StandardCharsets.UTF_8);
        buf.writeByte(0);
    }
}
