package io.contrail.sql.impl.pgwire;

import io.contrail.sql.SqlColumnMetadata;
import io.contrail.sql.SqlRow;
import io.contrail.sql.SqlRowMetadata;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static java.util.Objects.requireNonNull;

/**
 * Writes server messages to one connection. Each message is {@code byte type | int32 length
 * (itself included) | body}; strings are NUL-terminated UTF-8.
 *
 * <p>Back-pressure: the session thread writes rows as they come, each followed by a flush
 * request ({@link #dataRow}); flushes are coalesced on the event loop, so a fast producer sends
 * many rows per flush and a slow one each row at once. Before each row the session calls
 * {@link #awaitWritable}, which blocks while Netty's outbound buffer is above its high water
 * mark or too many bytes wait to be handed to it: a slow client slows the statement down
 * instead of filling the member's memory.
 *
 * <p>Every message is handed to the event loop as a task of its own, in the order written, so
 * the event loop alone decides when to flush ({@code flushPending} is confined to it).
 *
 * <p>Threading: written by the connection's session thread (and by the event loop for the
 * one-byte answers before startup); {@link #writabilityChanged()} is called on the event loop.
 */
final class PgOutput {

    /** Bytes handed to the event loop but not yet to the channel, beyond which writers wait. */
    private static final int QUEUED_BYTES_LIMIT = 256 * 1024;

    private final Channel channel;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final Object writableSignal = new Object();
    /** Whether a flush task is queued on the event loop; event loop only. */
    private boolean flushPending;
    /** Whether a writer waits in awaitWritable; read by the event loop to decide to wake it. */
    private volatile boolean writerWaiting;

    PgOutput(Channel channel) {
        this.channel = requireNonNull(channel, "channel is null");
    }

    boolean isOpen() {
        return channel.isActive();
    }

    /** Flushes once the messages written so far are handed over. */
    void flush() {
        execute(channel::flush, null);
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

    /** The one-byte answer to SSLRequest and GSSENCRequest: {@code N}, not supported. */
    void refuseEncryption() {
        ByteBuf answer = channel.alloc().buffer(1).writeByte('N');
        execute(() -> channel.writeAndFlush(answer), answer);
    }

    void authenticationOk() {
        authentication(0, null);
    }

    void authenticationCleartextPassword() {
        authentication(3, null);
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
            writeString(buf, columns.get(i).name());
            buf.writeInt(0).writeShort(0).writeInt(type.oid()).writeShort(type.length()).writeInt(-1)
                    .writeShort(formats.isBinary(i) ? 1 : 0);
        }
        write(buf);
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

    /** Flushes, then closes the connection. */
    void close() {
        execute(() -> channel.writeAndFlush(channel.alloc().buffer(0)).addListener(f -> channel.close()), null);
    }

    private ByteBuf begin(char type) {
        return channel.alloc().buffer().writeByte(type).writeInt(0);
    }

    private void write(ByteBuf message) {
        write(message, false);
    }

    /** Hands a finished message to the event loop; with {@code flushSoon}, a flush follows on the event loop. */
    private void write(ByteBuf message, boolean flushSoon) {
        message.setInt(1, message.writerIndex() - 1);
        int size = message.readableBytes();
        queuedBytes.addAndGet(size);
        execute(() -> {
            channel.write(message, channel.voidPromise());
            if (queuedBytes.addAndGet(-size) < QUEUED_BYTES_LIMIT / 2) {
                wakeWriter();
            }
            if (flushSoon && !flushPending) {
                flushPending = true;
                channel.eventLoop().execute(() -> {
                    flushPending = false;
                    channel.flush();
                });
            }
        }, message);
    }

    private void execute(Runnable task, ByteBuf message) {
        try {
            channel.eventLoop().execute(task);
        } catch (RejectedExecutionException e) {
            // the event loop is shutting down: the connection is gone, and the message with it
            if (message != null) {
                message.release();
            }
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
