package dev.lamplighter.broker.internal;

import dev.lamplighter.broker.BrokerStorage;
import dev.lamplighter.broker.extension.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's append-only journal in {@code <dir>/journal.log}: persistent sessions, their
 * subscriptions, QoS 1 messages owed to them, deliveries, and retained messages.
 *
 * <p>Durability: an entry that must survive a crash (a message before its PUBACK, a subscription
 * before its SUBACK, a retained message, a session's start and end) is written to the file before
 * the method returns, so it survives the process being killed; with {@code forceWrites} it is also
 * forced to the device, surviving a power loss. Deliveries may be lost in a crash (the message is
 * then sent again: at least once), so they are buffered and written with the next entry or by
 * {@link #flush}.
 *
 * <p>Compaction: when the file has grown past a threshold, a background pass replays it up to its
 * current end into a {@link JournalState}, writes that state's snapshot to a new file, appends what
 * was written meanwhile, and swaps the files atomically. Appends go on during the pass.
 *
 * <p>Thread-safe: appends from any thread are serialized by one lock; each is one {@code write}.
 */
final class Journal implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
  static final String FILE = "journal.log";
  private static final String COMPACTING = "journal.compacting";
  private static final long MIN_COMPACTION_BYTES = 64L * 1024 * 1024;
  private static final int LAZY_BUFFER_BYTES = 64 * 1024;

  private final Path directory;
  private final boolean forceWrites;
  private final ReentrantLock lock = new ReentrantLock();
  private final ByteBuffer lazy = ByteBuffer.allocate(LAZY_BUFFER_BYTES);
  private FileChannel channel;
  private long nextMessageId;
  private long compactedSize;
  private volatile boolean compacting;
  private boolean closed;

  private Journal(Path directory, boolean forceWrites, FileChannel channel, long lastMessageId) {
    this.directory = directory;
    this.forceWrites = forceWrites;
    this.channel = channel;
    this.nextMessageId = lastMessageId + 1;
    this.compactedSize = size(channel);
  }

  /**
   * Opens the journal in {@code storage}'s directory, replays it, and rewrites it compacted.
   *
   * @return the journal and the state it held (expired sessions and messages dropped)
   */
  static Recovered open(BrokerStorage storage, long nowMillis) {
    Path directory = storage.directory();
    try {
      createPrivateDirectory(directory);
      Files.deleteIfExists(directory.resolve(COMPACTING));
      Path file = directory.resolve(FILE);
      JournalState state = new JournalState();
      long entries = 0;
      if (Files.exists(file)) {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        JournalRecord record;
        while ((record = JournalCodec.decode(bytes)) != null) {
          state.apply(record);
          entries++;
        }
        if (bytes.hasRemaining()) {
          LOG.warn(
              "The MQTT journal [{}] ends with {} bytes of an entry cut short; they are dropped",
              file,
              bytes.remaining());
        }
      }
      state.expire(nowMillis);
      writeSnapshot(directory, state.snapshot(), null, 0);
      FileChannel channel = openForAppend(file);
      LOG.info(
          "MQTT journal [{}]: {} entries replayed, {} persistent sessions, {} retained topics",
          file,
          entries,
          state.sessions().size(),
          state.retained().values().stream().mapToInt(m -> m.size()).sum());
      return new Recovered(
          new Journal(directory, storage.forceWrites(), channel, state.lastMessageId()), state);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the MQTT journal in " + directory, e);
    }
  }

  /** The journal and what it held at start-up. */
  record Recovered(Journal journal, JournalState state) {}

  /** Appends a QoS 1 message owed to {@code recipients}; returns its id. */
  long appendMessage(String namespace, Message message, List<String> recipients) {
    lock.lock();
    try {
      long id = nextMessageId++;
      write(
          JournalCodec.encode(new JournalRecord.MessageStored(id, namespace, message, recipients)));
      return id;
    } finally {
      lock.unlock();
    }
  }

  /** Appends an entry that must survive a crash once this returns. */
  void append(JournalRecord record) {
    byte[] bytes = JournalCodec.encode(record);
    lock.lock();
    try {
      write(bytes);
    } finally {
      lock.unlock();
    }
  }

  /** Appends an entry that may be lost in a crash (written with the next entry or flush). */
  void appendLazily(JournalRecord record) {
    byte[] bytes = JournalCodec.encode(record);
    lock.lock();
    try {
      if (closed) {
        return;
      }
      if (bytes.length > lazy.remaining()) {
        writeLazy();
      }
      if (bytes.length > lazy.capacity()) {
        writeNow(ByteBuffer.wrap(bytes));
      } else {
        lazy.put(bytes);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Writes buffered entries; called periodically. */
  void flush() {
    lock.lock();
    try {
      if (!closed) {
        writeLazy();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Whether the file has grown enough since the last compaction to compact it now. */
  boolean wantsCompaction() {
    long size = size(channel);
    return !compacting && size > Math.max(MIN_COMPACTION_BYTES, 2 * compactedSize);
  }

  /** Compacts the journal; run on a background thread, appends go on meanwhile. */
  void compact(long nowMillis) {
    long end;
    lock.lock();
    try {
      if (closed || compacting) {
        return;
      }
      compacting = true;
      writeLazy();
      end = size(channel);
    } finally {
      lock.unlock();
    }
    try {
      Path file = directory.resolve(FILE);
      JournalState state = new JournalState();
      ByteBuffer bytes = ByteBuffer.allocate((int) end);
      try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
        while (bytes.hasRemaining() && reader.read(bytes, bytes.position()) > 0) {
          // reads up to the end noted above
        }
      }
      bytes.flip();
      JournalRecord record;
      while ((record = JournalCodec.decode(bytes)) != null) {
        state.apply(record);
      }
      state.expire(nowMillis);
      lock.lock();
      try {
        if (closed) {
          return;
        }
        writeLazy();
        writeSnapshot(directory, state.snapshot(), file, end);
        channel.close();
        channel = openForAppend(file);
        compactedSize = size(channel);
      } finally {
        lock.unlock();
      }
      LOG.info("Compacted the MQTT journal from {} to {} bytes", end, compactedSize);
    } catch (IOException e) {
      LOG.error("Compacting the MQTT journal failed; it keeps growing until the next attempt", e);
    } finally {
      compacting = false;
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      writeLazy();
      closed = true;
      channel.close();
    } catch (IOException e) {
      LOG.warn("Closing the MQTT journal failed: {}", e.toString());
    } finally {
      lock.unlock();
    }
  }

  private void write(byte[] bytes) {
    if (closed) {
      throw new IllegalStateException("the MQTT journal is closed");
    }
    writeLazy();
    writeNow(ByteBuffer.wrap(bytes));
    if (forceWrites) {
      try {
        channel.force(false);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot sync the MQTT journal", e);
      }
    }
  }

  private void writeLazy() {
    if (lazy.position() == 0) {
      return;
    }
    lazy.flip();
    writeNow(lazy);
    lazy.clear();
  }

  private void writeNow(ByteBuffer bytes) {
    try {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the MQTT journal", e);
    }
  }

  /**
   * Writes {@code records} to a new file, then (when {@code tailFrom} is given) the bytes of the
   * old file from {@code tailFrom} on, and moves it over the journal in one step.
   */
  private static void writeSnapshot(
      Path directory, List<JournalRecord> records, Path tailFrom, long tailStart)
      throws IOException {
    Path compacting = directory.resolve(COMPACTING);
    try (FileChannel out =
        FileChannel.open(
            compacting,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      setPrivate(compacting);
      for (JournalRecord record : records) {
        ByteBuffer bytes = ByteBuffer.wrap(JournalCodec.encode(record));
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
      }
      if (tailFrom != null) {
        try (FileChannel tail = FileChannel.open(tailFrom, StandardOpenOption.READ)) {
          long position = tailStart;
          long end = tail.size();
          while (position < end) {
            position += tail.transferTo(position, end - position, out);
          }
        }
      }
      out.force(true);
    }
    Files.move(
        compacting,
        directory.resolve(FILE),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  private static FileChannel openForAppend(Path file) throws IOException {
    return FileChannel.open(
        file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  private static long size(FileChannel channel) {
    try {
      return channel.size();
    } catch (IOException e) {
      return 0;
    }
  }

  private static void createPrivateDirectory(Path directory) throws IOException {
    Files.createDirectories(directory);
    try {
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException e) {
      // A file system without POSIX permissions: nothing to restrict.
    }
  }

  private static void setPrivate(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // A file system without POSIX permissions: nothing to restrict.
    }
  }
}
