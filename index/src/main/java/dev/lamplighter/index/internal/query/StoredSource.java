package dev.lamplighter.index.internal.query;

import dev.lamplighter.index.Connectivity;
import dev.lamplighter.index.ThingGroupIndexDocument;
import dev.lamplighter.index.ThingIndexDocument;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents SearchIndex returns, kept in one stored binary field: a compact encoding that reads
 * back exactly what was indexed, nulls included, without a JSON library.
 */
final class StoredSource {
  private static final byte THING = 1;
  private static final byte THING_GROUP = 2;

  private StoredSource() {}

  static byte[] encode(ThingIndexDocument thing) {
    return write(
        out -> {
          out.writeByte(THING);
          writeString(out, thing.thingName());
          writeString(out, thing.thingId());
          writeString(out, thing.thingTypeName());
          writeMap(out, thing.attributes());
          out.writeLong(thing.version());
          writeList(out, thing.thingGroupNames());
          Connectivity connectivity = thing.connectivity();
          out.writeBoolean(connectivity != null);
          if (connectivity != null) {
            out.writeBoolean(connectivity.connected());
            out.writeLong(connectivity.timestamp());
            writeString(out, connectivity.disconnectReason());
          }
          writeString(out, thing.shadow());
        });
  }

  static byte[] encode(ThingGroupIndexDocument group) {
    return write(
        out -> {
          out.writeByte(THING_GROUP);
          writeString(out, group.thingGroupName());
          writeString(out, group.thingGroupId());
          writeString(out, group.thingGroupDescription());
          writeMap(out, group.attributes());
          writeList(out, group.parentGroupNames());
        });
  }

  static ThingIndexDocument decodeThing(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      expect(in, THING);
      String name = readString(in);
      String id = readString(in);
      String typeName = readString(in);
      Map<String, String> attributes = readMap(in);
      long version = in.readLong();
      List<String> groups = readList(in);
      Connectivity connectivity = null;
      if (in.readBoolean()) {
        connectivity = new Connectivity(in.readBoolean(), in.readLong(), readString(in));
      }
      String shadow = readString(in);
      return new ThingIndexDocument(
          name, id, typeName, attributes, version, groups, connectivity, shadow);
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable stored thing", e);
    }
  }

  static ThingGroupIndexDocument decodeThingGroup(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      expect(in, THING_GROUP);
      return new ThingGroupIndexDocument(
          readString(in), readString(in), readString(in), readMap(in), readList(in));
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable stored thing group", e);
    }
  }

  private interface Writer {
    void writeTo(DataOutputStream out) throws IOException;
  }

  private static byte[] write(Writer writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writer.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void expect(DataInputStream in, byte kind) throws IOException {
    byte actual = in.readByte();
    if (actual != kind) {
      throw new IOException("stored kind " + actual + " where " + kind + " was expected");
    }
  }

  // writeUTF is limited to 64 KiB and uses modified UTF-8; a length-prefixed UTF-8 has no limit.
  private static void writeString(DataOutputStream out, String value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  private static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, String> entry : map.entrySet()) {
      writeString(out, entry.getKey());
      writeString(out, entry.getValue());
    }
  }

  private static Map<String, String> readMap(DataInputStream in) throws IOException {
    int size = in.readInt();
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      map.put(readString(in), readString(in));
    }
    return map;
  }

  private static void writeList(DataOutputStream out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String value : list) {
      writeString(out, value);
    }
  }

  private static List<String> readList(DataInputStream in) throws IOException {
    int size = in.readInt();
    List<String> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(readString(in));
    }
    return list;
  }
}
