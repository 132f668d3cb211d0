package dev.lamplighter.broker.fuzz;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Turns a corpus session into a malformed byte stream. Each call picks a session and applies one to
 * three mutations, packet-level ones (the remaining length rewritten, a huge or over-long remaining
 * length, the type and flags nibble changed, a packet dropped or repeated, the tail spliced from
 * another session) before byte-level ones (bit flips, bytes inserted or deleted, truncation), or
 * replaces the stream with random garbage. One in twenty streams is left valid.
 *
 * <p>Everything is drawn from the {@link Random} passed in, so a seed reproduces the streams.
 */
public final class MqttMutator {
  /** What was done to a stream. */
  public enum Mutation {
    NONE,
    BIT_FLIP,
    BYTE_INSERT,
    BYTE_DELETE,
    TRUNCATE,
    LENGTH_CORRUPTION,
    HUGE_LENGTH,
    TYPE_AND_FLAGS,
    DROP_PACKET,
    REPEAT_PACKET,
    SPLICE,
    GARBAGE
  }

  /** A mutated stream: the session it came from, what was done, and the bytes to send. */
  public record Mutant(String session, List<Mutation> mutations, byte[] bytes) {
    /** The stream in one line, for a failure message that lets the case be replayed. */
    public String describe() {
      return session + " " + mutations + " " + HexFormat.of().formatHex(bytes);
    }
  }

  private static final Mutation[] PACKET_LEVEL = {
    Mutation.LENGTH_CORRUPTION,
    Mutation.HUGE_LENGTH,
    Mutation.TYPE_AND_FLAGS,
    Mutation.DROP_PACKET,
    Mutation.REPEAT_PACKET,
    Mutation.SPLICE
  };
  private static final Mutation[] BYTE_LEVEL = {
    Mutation.BIT_FLIP, Mutation.BYTE_INSERT, Mutation.BYTE_DELETE, Mutation.TRUNCATE
  };

  private final List<MqttCorpus.Session> corpus;

  public MqttMutator(List<MqttCorpus.Session> corpus) {
    if (corpus.isEmpty()) {
      throw new IllegalArgumentException("empty corpus");
    }
    this.corpus = List.copyOf(corpus);
  }

  /** The next mutated stream. */
  public Mutant next(Random random) {
    MqttCorpus.Session session = corpus.get(random.nextInt(corpus.size()));
    int roll = random.nextInt(20);
    if (roll == 0) {
      return new Mutant(session.name(), List.of(Mutation.NONE), session.bytes());
    }
    if (roll == 1) {
      byte[] garbage = new byte[1 + random.nextInt(512)];
      random.nextBytes(garbage);
      return new Mutant("random", List.of(Mutation.GARBAGE), garbage);
    }
    List<Mutation> done = new ArrayList<>();
    List<byte[]> packets = new ArrayList<>(session.packets());
    int count = 1 + random.nextInt(3);
    List<Mutation> planned = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      planned.add(
          random.nextBoolean()
              ? PACKET_LEVEL[random.nextInt(PACKET_LEVEL.length)]
              : BYTE_LEVEL[random.nextInt(BYTE_LEVEL.length)]);
    }
    for (Mutation mutation : planned) {
      if (isPacketLevel(mutation) && !packets.isEmpty()) {
        packets = mutatePackets(mutation, packets, random);
        done.add(mutation);
      }
    }
    byte[] bytes = MqttCorpus.concat(packets);
    for (Mutation mutation : planned) {
      if (!isPacketLevel(mutation) && bytes.length > 0) {
        bytes = mutateBytes(mutation, bytes, random);
        done.add(mutation);
      }
    }
    if (bytes.length == 0) {
      bytes = new byte[] {(byte) random.nextInt(256)};
    }
    return new Mutant(session.name(), List.copyOf(done), bytes);
  }

  private static boolean isPacketLevel(Mutation mutation) {
    for (Mutation m : PACKET_LEVEL) {
      if (m == mutation) {
        return true;
      }
    }
    return false;
  }

  private List<byte[]> mutatePackets(Mutation mutation, List<byte[]> packets, Random random) {
    List<byte[]> out = new ArrayList<>(packets);
    // Mostly the packets after CONNECT, so that the broker's connected state is reached too.
    int index =
        packets.size() > 1 && random.nextInt(4) != 0
            ? 1 + random.nextInt(packets.size() - 1)
            : random.nextInt(packets.size());
    byte[] packet = out.get(index);
    switch (mutation) {
      case LENGTH_CORRUPTION -> {
        int body = bodyLength(packet);
        int length =
            random.nextBoolean()
                ? Math.max(0, body + random.nextInt(9) - 4)
                : random.nextInt(1 << (7 * (1 + random.nextInt(3))));
        out.set(index, withLength(packet, encodeLength(length)));
      }
      case HUGE_LENGTH ->
          out.set(
              index,
              withLength(
                  packet,
                  random.nextBoolean()
                      ? new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F}
                      : new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01}));
      case TYPE_AND_FLAGS -> {
        byte[] copy = packet.clone();
        copy[0] =
            random.nextBoolean()
                ? (byte) ((copy[0] & 0x0F) | (random.nextInt(16) << 4))
                : (byte) ((copy[0] & 0xF0) | random.nextInt(16));
        out.set(index, copy);
      }
      case DROP_PACKET -> out.remove(index);
      case REPEAT_PACKET -> out.add(index, packet);
      case SPLICE -> {
        MqttCorpus.Session other = corpus.get(random.nextInt(corpus.size()));
        byte[] tail = other.bytes();
        int from = random.nextInt(tail.length);
        List<byte[]> spliced = new ArrayList<>(out.subList(0, index + 1));
        byte[] rest = new byte[tail.length - from];
        System.arraycopy(tail, from, rest, 0, rest.length);
        spliced.add(rest);
        return spliced;
      }
      default -> throw new IllegalArgumentException(mutation.name());
    }
    return out;
  }

  private static byte[] mutateBytes(Mutation mutation, byte[] bytes, Random random) {
    switch (mutation) {
      case BIT_FLIP -> {
        byte[] copy = bytes.clone();
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips; i++) {
          int at = random.nextInt(copy.length);
          copy[at] = (byte) (copy[at] ^ (1 << random.nextInt(8)));
        }
        return copy;
      }
      case BYTE_INSERT -> {
        int at = random.nextInt(bytes.length + 1);
        byte[] inserted = new byte[1 + random.nextInt(16)];
        random.nextBytes(inserted);
        byte[] copy = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, copy, 0, at);
        System.arraycopy(inserted, 0, copy, at, inserted.length);
        System.arraycopy(bytes, at, copy, at + inserted.length, bytes.length - at);
        return copy;
      }
      case BYTE_DELETE -> {
        int at = random.nextInt(bytes.length);
        int length = Math.min(bytes.length - at, 1 + random.nextInt(8));
        byte[] copy = new byte[bytes.length - length];
        System.arraycopy(bytes, 0, copy, 0, at);
        System.arraycopy(bytes, at + length, copy, at, bytes.length - at - length);
        return copy;
      }
      case TRUNCATE -> {
        byte[] copy = new byte[random.nextInt(bytes.length)];
        System.arraycopy(bytes, 0, copy, 0, copy.length);
        return copy;
      }
      default -> throw new IllegalArgumentException(mutation.name());
    }
  }

  /** The number of bytes of the remaining-length field of {@code packet} (1 to 4). */
  private static int lengthFieldSize(byte[] packet) {
    int size = 1;
    while (size < 4 && 1 + size <= packet.length && (packet[size] & 0x80) != 0) {
      size++;
    }
    return size;
  }

  private static int bodyLength(byte[] packet) {
    return Math.max(0, packet.length - 1 - lengthFieldSize(packet));
  }

  private static byte[] withLength(byte[] packet, byte[] length) {
    int old = Math.min(packet.length - 1, lengthFieldSize(packet));
    byte[] copy = new byte[1 + length.length + packet.length - 1 - old];
    copy[0] = packet[0];
    System.arraycopy(length, 0, copy, 1, length.length);
    System.arraycopy(packet, 1 + old, copy, 1 + length.length, packet.length - 1 - old);
    return copy;
  }

  private static byte[] encodeLength(int length) {
    byte[] out = new byte[4];
    int size = 0;
    do {
      int digit = length % 128;
      length /= 128;
      out[size++] = (byte) (length > 0 ? digit | 0x80 : digit);
    } while (length > 0 && size < 4);
    byte[] exact = new byte[size];
    System.arraycopy(out, 0, exact, 0, size);
    return exact;
  }
}
