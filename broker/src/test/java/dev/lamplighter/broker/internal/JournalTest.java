package dev.lamplighter.broker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.broker.BrokerStorage;
import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.broker.extension.Message.MessageProperties;
import dev.lamplighter.broker.extension.Message.UserProperty;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  private static final String NS = "111122223333:eu-west-1";
  private static final long NOW = 1_800_000_000_000L;

  @TempDir Path dir;

  private static Message message(String topic, String payload) {
    return new Message(
        topic,
        payload.getBytes(StandardCharsets.UTF_8),
        1,
        false,
        new MessageProperties(
            true,
            "text/plain",
            "replies/1",
            new byte[] {1, 2, 3},
            List.of(new UserProperty("a", "1"), new UserProperty("a", "2")),
            0));
  }

  @Test
  void everyEntry_roundTripsThroughTheCodec() {
    Subscription subscription = Subscription.of("$share/g/lights/+/state", 1, true, true, 2);
    List<JournalRecord> records =
        List.of(
            new JournalRecord.SessionOpened(NS, "lamp-1", 3_600_000),
            new JournalRecord.SessionClosed(NS, "lamp-1", NOW),
            new JournalRecord.SessionEnded(NS, "lamp-1"),
            new JournalRecord.Subscribed(NS, "lamp-1", subscription),
            new JournalRecord.Unsubscribed(NS, "lamp-1", "lights/#"),
            new JournalRecord.MessageStored(7, NS, message("lights/1", "on"), List.of("a", "b")),
            new JournalRecord.Delivered(NS, "lamp-1", 7),
            new JournalRecord.Retained(NS, "lights/1", message("lights/1", "on"), NOW),
            new JournalRecord.Retained(NS, "lights/1", null, NOW));
    for (JournalRecord record : records) {
      JournalRecord decoded = JournalCodec.decode(ByteBuffer.wrap(JournalCodec.encode(record)));
      assertThat(JournalCodec.encode(decoded)).isEqualTo(JournalCodec.encode(record));
    }
    JournalRecord.MessageStored stored =
        (JournalRecord.MessageStored)
            JournalCodec.decode(ByteBuffer.wrap(JournalCodec.encode(records.get(5))));
    assertThat(stored.message().properties().userProperties())
        .containsExactly(new UserProperty("a", "1"), new UserProperty("a", "2"));
    assertThat(stored.message().properties().correlationData()).containsExactly(1, 2, 3);
    assertThat(stored.recipients()).containsExactly("a", "b");
  }

  @Test
  void replay_keepsUndeliveredMessagesInOrder_andForgetsDeliveredOnes() {
    Journal journal = Journal.open(BrokerStorage.journal(dir, false), NOW).journal();
    journal.append(new JournalRecord.SessionOpened(NS, "lamp-1", 3_600_000));
    journal.append(
        new JournalRecord.Subscribed(
            NS, "lamp-1", Subscription.of("lights/#", 1, false, false, 0)));
    long first = journal.appendMessage(NS, message("lights/1", "one"), List.of("lamp-1"));
    long second = journal.appendMessage(NS, message("lights/1", "two"), List.of("lamp-1"));
    long third = journal.appendMessage(NS, message("lights/1", "three"), List.of("lamp-1"));
    journal.appendLazily(new JournalRecord.Delivered(NS, "lamp-1", second));
    journal.close();

    JournalState state = Journal.open(BrokerStorage.journal(dir, false), NOW).state();

    JournalState.SessionState session = state.sessions().get(new SessionKey(NS, "lamp-1"));
    assertThat(session.pending).containsExactly(first, third);
    assertThat(session.subscriptions).containsKey("lights/#");
    assertThat(new String(state.message(third).payload(), StandardCharsets.UTF_8))
        .isEqualTo("three");
  }

  @Test
  void anEntryCutShortByACrash_isDropped_andTheRestIsKept() throws IOException {
    Journal journal = Journal.open(BrokerStorage.journal(dir, false), NOW).journal();
    journal.append(new JournalRecord.SessionOpened(NS, "lamp-1", 3_600_000));
    journal.appendMessage(NS, message("lights/1", "kept"), List.of("lamp-1"));
    journal.close();
    byte[] torn = JournalCodec.encode(new JournalRecord.SessionOpened(NS, "lamp-2", 1000));
    Files.write(
        dir.resolve(Journal.FILE),
        java.util.Arrays.copyOf(torn, torn.length - 3),
        StandardOpenOption.APPEND);

    JournalState state = Journal.open(BrokerStorage.journal(dir, false), NOW).state();

    assertThat(state.sessions()).containsOnlyKeys(new SessionKey(NS, "lamp-1"));
    assertThat(state.sessions().get(new SessionKey(NS, "lamp-1")).pending).hasSize(1);
  }

  @Test
  void expiredSessionsAndMessages_areDroppedAtReplay() {
    Journal journal = Journal.open(BrokerStorage.journal(dir, false), NOW).journal();
    journal.append(new JournalRecord.SessionOpened(NS, "gone", 60_000));
    journal.append(new JournalRecord.SessionClosed(NS, "gone", NOW - 61_000));
    journal.append(new JournalRecord.SessionOpened(NS, "kept", 60_000));
    journal.append(new JournalRecord.SessionClosed(NS, "kept", NOW - 1_000));
    Message stale =
        new Message(
            "t",
            new byte[] {1},
            1,
            false,
            new MessageProperties(null, null, null, null, List.of(), NOW - 1));
    journal.appendMessage(NS, stale, List.of("kept"));
    journal.close();

    JournalState state = Journal.open(BrokerStorage.journal(dir, false), NOW).state();

    assertThat(state.sessions()).containsOnlyKeys(new SessionKey(NS, "kept"));
    assertThat(state.sessions().get(new SessionKey(NS, "kept")).pending).isEmpty();
  }

  @Test
  void compaction_keepsTheSameState_andWritesDuringItAreKept() throws IOException {
    Journal journal = Journal.open(BrokerStorage.journal(dir, false), NOW).journal();
    journal.append(new JournalRecord.SessionOpened(NS, "lamp-1", 3_600_000));
    for (int i = 0; i < 500; i++) {
      long id = journal.appendMessage(NS, message("lights/1", "m" + i), List.of("lamp-1"));
      if (i % 10 != 0) {
        journal.appendLazily(new JournalRecord.Delivered(NS, "lamp-1", id));
      }
    }
    journal.append(
        new JournalRecord.Retained(NS, "lights/1", message("lights/1", "retained"), NOW));
    long before = Files.size(dir.resolve(Journal.FILE));
    journal.compact(NOW);
    long after = Files.size(dir.resolve(Journal.FILE));
    journal.appendMessage(NS, message("lights/1", "after"), List.of("lamp-1"));
    journal.close();

    JournalState state = Journal.open(BrokerStorage.journal(dir, false), NOW).state();

    assertThat(after).isLessThan(before);
    assertThat(state.sessions().get(new SessionKey(NS, "lamp-1")).pending).hasSize(51);
    assertThat(state.retained().get(NS)).containsKey("lights/1");
    assertThat(Files.getPosixFilePermissions(dir.resolve(Journal.FILE)))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(dir))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
  }
}
