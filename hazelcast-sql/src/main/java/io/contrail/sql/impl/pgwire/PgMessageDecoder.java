package io.contrail.sql.impl.pgwire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Frames and reads client messages into {@link ClientMessage}s. A connection starts without
 * type bytes, then switches to typed messages once the StartupMessage is read:
 *
 * <pre>
 * State.STARTUP:  int32 length | int32 code | body
 *                 code 80877103 SSLRequest, 80877104 GSSENCRequest (stay in STARTUP),
 *                 80877102 CancelRequest (int32 pid, int32 key), 196608 StartupMessage (-> MESSAGES)
 * State.MESSAGES: byte type | int32 length (itself included) | body
 * </pre>
 *
 * <p>Threading: one instance per connection, on its event loop.
 */
final class PgMessageDecoder extends ByteToMessageDecoder {

    static final int SSL_REQUEST = 80877103;
    static final int GSSENC_REQUEST = 80877104;
    static final int CANCEL_REQUEST = 80877102;
    static final int PROTOCOL_3_0 = 196608;

    private static final int MAX_STARTUP_LENGTH = 10_000;
    private static final int MAX_MESSAGE_LENGTH = 64 * 1024 * 1024;

    private enum State { STARTUP, MESSAGES }

    private State state = State.STARTUP;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (state == State.STARTUP) {
            decodeStartup(in, out);
        } else {
            decodeMessage(in, out);
        }
    }

    private void decodeStartup(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 8) {
            return;
        }
        int length = in.getInt(in.readerIndex());
        if (length < 8 || length > MAX_STARTUP_LENGTH) {
            throw new DecoderException("Invalid startup message length " + length + "; is this a PostgreSQL client?");
        }
        if (in.readableBytes() < length) {
            return;
        }
        in.skipBytes(4);
        int code = in.readInt();
        ByteBuf body = in.readSlice(length - 8);
        switch (code) {
            case SSL_REQUEST -> out.add(new ClientMessage.SslRequest());
            case GSSENC_REQUEST -> out.add(new ClientMessage.GssEncRequest());
            case CANCEL_REQUEST -> out.add(new ClientMessage.CancelRequest(body.readInt(), body.readInt()));
            default -> {
                Map<String, String> parameters = new LinkedHashMap<>();
                while (body.isReadable() && body.getByte(body.readerIndex()) != 0) {
                    parameters.put(readString(body), readString(body));
                }
                state = State.MESSAGES;
                out.add(new ClientMessage.Startup(code, parameters));
            }
        }
    }

    private static void decodeMessage(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 5) {
            return;
        }
        int length = in.getInt(in.readerIndex() + 1);
        if (length < 4 || length > MAX_MESSAGE_LENGTH) {
            throw new DecoderException("Invalid message length " + length);
        }
        if (in.readableBytes() < length + 1) {
            return;
        }
        char type = (char) in.readByte();
        in.skipBytes(4);
        out.add(read(type, in.readSlice(length - 4)));
    }

    private static ClientMessage read(char type, ByteBuf body) {
        return switch (type) {
            case 'p' -> new ClientMessage.AuthenticationResponse(readBytes(body, body.readableBytes()));
            case 'Q' -> new ClientMessage.Query(readString(body));
            case 'P' -> {
                String name = readString(body);
                String sql = readString(body);
                int[] types = new int[body.readUnsignedShort()];
                for (int i = 0; i < types.length; i++) {
                    types[i] = body.readInt();
                }
                yield new ClientMessage.Parse(name, sql, types);
            }
            case 'B' -> readBind(body);
            case 'D' -> new ClientMessage.Describe((char) body.readByte(), readString(body));
            case 'E' -> new ClientMessage.Execute(readString(body), body.readInt());
            case 'C' -> new ClientMessage.Close((char) body.readByte(), readString(body));
            case 'S' -> new ClientMessage.Sync();
            case 'H' -> new ClientMessage.Flush();
            case 'X' -> new ClientMessage.Terminate();
            default -> new ClientMessage.Unsupported(type);
        };
    }

    private static ClientMessage.Bind readBind(ByteBuf body) {
        String portal = readString(body);
        String statement = readString(body);
        short[] parameterFormats = readShorts(body);
        int count = body.readUnsignedShort();
        List<byte[]> parameters = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = body.readInt();
            parameters.add(length < 0 ? null : readBytes(body, length));
        }
        return new ClientMessage.Bind(portal, statement, parameterFormats, parameters, readShorts(body));
    }

    private static short[] readShorts(ByteBuf body) {
        short[] values = new short[body.readUnsignedShort()];
        for (int i = 0; i < values.length; i++) {
            values[i] = body.readShort();
        }
        return values;
    }

    private static byte[] readBytes(ByteBuf body, int length) {
        byte[] bytes = new byte[length];
        body.readBytes(bytes);
        return bytes;
    }

    /** A NUL-terminated UTF-8 string. */
    private static String readString(ByteBuf body) {
        int end = body.indexOf(body.readerIndex(), body.writerIndex(), (byte) 0);
        if (end < 0) {
            throw new DecoderException("A string in a message has no terminating NUL byte");
        }
        String value = body.toString(body.readerIndex(), end - body.readerIndex(), StandardCharsets.UTF_8);
        body.readerIndex(end + 1);
        return value;
    }
}
