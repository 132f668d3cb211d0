package dev.lamplighter.broker.internal;

import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.broker.extension.Message.MessageProperties;
import dev.lamplighter.broker.extension.Message.UserProperty;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The journal's binary format. Each entry is a frame {@code [int length][int crc32c][body]}, the
 * body a type byte and the entry's fields; strings and byte arrays are length-prefixed (-1 for
 * null). A frame whose length or checksum does not hold marks the end of what was written before a
 * crash.
 */
final class JournalCodec {
  static final int HEADER_BYTES = 8;
  private static final byte SESSION_OPENED = 1;
  private static final byte SESSION_CLOSED = 2;
  private static final byte SESSION_ENDED = 3;
  private static final byte SUBSCRIBED = 4;
  private static final byte UNSUBSCRIBED = 5;
  private static final byte MESSAGE_STORED = 6;
  private static final byte DELIVERED = 7;
  private static final byte RETAINED = 8;

  private JournalCodec() {}

  /** The framed bytes of {@code record}. */
  static byte[] encode(JournalRecord record) {
    Writer body = new Writer();
    if (record instanceof JournalRecord.SessionOpened r) {
      body.type(SESSION_OPENED).string(r.namespace()).string(r.clientId()).number(r.expiryMillis());
    } else if (record instanceof JournalRecord.SessionClosed r) {
      body.type(SESSION_CLOSED).string(r.namespace()).string(r.clientId()).number(r.atMillis());
    } else if (record instanceof JournalRecord.SessionEnded r) {
      body.type(SESSION_ENDED).string(r.namespace()).string(r.clientId());
    } else if (record instanceof JournalRecord.Subscribed r) {
      Subscription s = r.subscription();
      body.type(SUBSCRIBED)
          .string(r.namespace())
          .string(r.clientId())
          .string(s.filter())
          .small(s.qos())
          .small(s.noLocal() ? 1 : 0)
          .small(s.retainAsPublished() ? 1 : 0)
          .small(s.retainHandling());
    } else if (record instanceof JournalRecord.Unsubscribed r) {
      body.type(UNSUBSCRIBED).string(r.namespace()).string(r.clientId()).string(r.filter());
    } else if (record instanceof JournalRecord.MessageStored r) {
      body.type(MESSAGE_STORED).number(r.id()).string(r.namespace()).message(r.message());
      body.integer(r.recipients().size());
      for (String recipient : r.recipients()) {
        body.string(recipient);
      }
    } else if (record instanceof JournalRecord.Delivered r) {
      body.type(DELIVERED).string(r.namespace()).string(r.clientId()).number(r.id());
    } else if (record instanceof JournalRecord.Retained r) {
      body.type(RETAINED).string(r.namespace()).string(r.topic()).number(r.storedAtMillis());
      body.small(r.message() == null ? 0 : 1);
      if (r.message() != null) {
        body.message(r.message());
      }
    } else {
      throw new IllegalArgumentException("unknown journal entry " + record);
    }
    return body.framed();
  }

  /**
   * Decodes the frame at the buffer's position and advances past it; null (position unchanged) when
   * what is left is not a whole, intact frame.
   */
  static JournalRecord decode(ByteBuffer buffer) {
    int start = buffer.position();
    if (buffer.remaining() < HEADER_BYTES) {
      return null;
    }
    int length = buffer.getInt();
    int checksum = buffer.getInt();
    if (length <= 0 || length > buffer.remaining()) {
      buffer.position(start);
      return null;
    }
    CRC32C crc = new CRC32C();
    crc.update(buffer.array(), buffer.arrayOffset() + buffer.position(), length);
    if ((int) crc.getValue() != checksum) {
      buffer.position(start);
      return null;
    }
    ByteBuffer body = buffer.slice(buffer.position(), length);
    buffer.position(buffer.position() + length);
    try {
      return decodeBody(new Reader(body));
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      buffer.position(start);
      return null;
    }
  }

  private static JournalRecord decodeBody(Reader in) {
    byte type = in.buffer.get();
    return switch (type) {
      case SESSION_OPENED -> new JournalRecord.SessionOpened(in.string(), in.string(), in.number());
      case SESSION_CLOSED -> new JournalRecord.SessionClosed(in.string(), in.string(), in.number());
      case SESSION_ENDED -> new JournalRecord.SessionEnded(in.string(), in.string());
      case SUBSCRIBED -> {
        String namespace = in.string();
        String clientId = in.string();
        String filter = in.string();
        int qos = in.small();
        boolean noLocal = in.small() == 1;
        boolean retainAsPublished = in.small() == 1;
        int retainHandling = in.small();
        yield new JournalRecord.Subscribed(
            namespace,
            clientId,
            Subscription.of(filter, qos, noLocal, retainAsPublished, retainHandling));
      }
      case UNSUBSCRIBED -> new JournalRecord.Unsubscribed(in.string(), in.string(), in.string());
      case MESSAGE_STORED -> {
        long id = in.number();
        String namespace = in.string();
        Message message = in.message();
        int count = in.integer();
        List<String> recipients = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          recipients.add(in.string());
        }
        yield new JournalRecord.MessageStored(id, namespace, message, recipients);
      }
      case DELIVERED -> new JournalRecord.Delivered(in.string(), in.string(), in.number());
      case RETAINED -> {
        String namespace = in.string();
        String topic = in.string();
        long storedAt = in.number();
        Message message = in.small() == 1 ? in.message() : null;
        yield new JournalRecord.Retained(namespace, topic, message, storedAt);
      }
      default -> throw new IllegalArgumentException("unknown journal entry type " + type);
    };
  }

  /** Appends fields to a growing array. */
  private static final class Writer {
    private byte[] bytes = new byte[128];
    private int size = HEADER_BYTES;

    Writer type(byte type) {
      ensure(1);
      bytes[size++] = type;
      return this;
    }

    Writer small(int value) {
      ensure(1);
      bytes[size++] = (byte) value;
      return this;
    }

    Writer integer(int value) {
      ensure(4);
      ByteBuffer.wrap(bytes, size, 4).putInt(value);
      size += 4;
      return this;
    }

    Writer number(long value) {
      ensure(8);
      ByteBuffer.wrap(bytes, size, 8).putLong(value);
      size += 8;
      return this;
    }

    Writer string(String value) {
      return bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    Writer bytes(byte[] value) {
      if (value == null) {
        return integer(-1);
      }
      integer(value.length);
      ensure(value.length);
      System.arraycopy(value, 0, bytes, size, value.length);
      size += value.length;
      return this;
    }

    Writer message(Message message) {
      string(message.topic()).bytes(message.payload()).small(message.qos());
      small(message.retain() ? 1 : 0);
      MessageProperties p = message.properties();
      small(p.payloadUtf8() == null ? 2 : p.payloadUtf8() ? 1 : 0);
      string(p.contentType()).string(p.responseTopic()).bytes(p.correlationData());
      integer(p.userProperties().size());
      for (UserProperty property : p.userProperties()) {
        string(property.name()).string(property.value());
      }
      return number(p.expiresAtMillis());
    }

    byte[] framed() {
      int length = size - HEADER_BYTES;
      CRC32C crc = new CRC32C();
      crc.update(bytes, HEADER_BYTES, length);
      ByteBuffer.wrap(bytes, 0, HEADER_BYTES).putInt(length).putInt((int) crc.getValue());
      byte[] out = new byte[size];
      System.arraycopy(bytes, 0, out, 0, size);
      return out;
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        byte[] grown = new byte[Math.max(bytes.length * 2, size + more)];
        System.arraycopy(bytes, 0, grown, 0, size);
        bytes = grown;
      }
    }
  }

  /** Reads fields back. */
  private static final class Reader {
    final ByteBuffer buffer;

    Reader(ByteBuffer buffer) {
      this.buffer = buffer;
    }

    int small() {
      return buffer.get();
    }

    int integer() {
      return buffer.getInt();
    }

    long number() {
      return buffer.getLong();
    }

    String string() {
      byte[] value = bytes();
      return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    byte[] bytes() {
      int length = buffer.getInt();
      if (length == -1) {
        return null;
      }
      if (length < 0 || length > buffer.remaining()) {
        throw new IllegalArgumentException("bad length");
      }
      byte[] value = new byte[length];
      buffer.get(value);
      return value;
    }

    Message message() {
      String topic = string();
      byte[] payload = bytes();
      int qos = small();
      boolean retain = small() == 1;
      int format = small();
      String contentType = string();
      String responseTopic = string();
      byte[] correlation = bytes();
      int count = integer();
      List<UserProperty> user = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        user.add(new UserProperty(string(), string()));
      }
      long expiresAt = number();
      return new Message(
          topic,
          payload,
          qos,
          retain,
          new MessageProperties(
              format == 2 ? null : format == 1,
              contentType,
              responseTopic,
              correlation,
              user,
              expiresAt));
    }
  }
}
