package cn.gov.xining.hotline.reporting.daily;

import cn.gov.xining.hotline.kafka.EventSerdes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A day's {@link Counts} in its stores and changelogs, in a compact binary form: each update of a
 * day reads and writes the whole day (hundreds of counters), and JSON made that the most expensive
 * step of catching up (see docs/benchmarks.md). Format: a version byte {@code 1}, the number of
 * counters, then each counter's key (modified UTF-8) and value. Records written as JSON by earlier
 * versions (they start with {@code '{'}) are still read, so existing changelogs restore.
 */
final class CountsSerde {

  private static final byte VERSION = 1;

  private CountsSerde() {}

  static Serde<Counts> serde() {
    var json = EventSerdes.serde(Counts.class).deserializer();
    Serializer<Counts> serializer = (topic, counts) -> counts == null ? null : write(counts);
    Deserializer<Counts> deserializer =
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          return bytes.length > 0 && bytes[0] == '{' ? json.deserialize(topic, bytes) : read(bytes);
        };
    return Serdes.serdeFrom(serializer, deserializer);
  }

  private static byte[] write(Counts counts) {
    var bytes = new ByteArrayOutputStream(32 + counts.counts().size() * 32);
    try (var out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeInt(counts.counts().size());
      for (var entry : counts.counts().entrySet()) {
        out.writeUTF(entry.getKey());
        out.writeLong(entry.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static Counts read(byte[] bytes) {
    try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalArgumentException("unknown counts format " + version);
      }
      int size = in.readInt();
      var counts = new TreeMap<String, Long>();
      for (int i = 0; i < size; i++) {
        counts.put(in.readUTF(), in.readLong());
      }
      return new Counts(counts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
