package dev.lamplighter.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.relay.protocol.Protobuf.Message;
import dev.lamplighter.relay.protocol.Protobuf.Message.Type;
import dev.lamplighter.relay.protocol.TunnelProtocolException;
import dev.lamplighter.tunnels.ClientMode;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a relay client may send, side by side. */
class FrameRulesTest {
  private final FrameRules source = new FrameRules(ClientMode.SOURCE, Set.of("SSH", "HTTP"));
  private final FrameRules destination =
      new FrameRules(ClientMode.DESTINATION, Set.of("SSH", "HTTP"));

  private static Message message(Type type, int stream, String service) {
    return Message.newBuilder().setType(type).setStreamId(stream).setServiceId(service).build();
  }

  @Test
  void theSourceStartsStreamsAndConnections_andBothSendDataAndResets() {
    assertThat(source.check(message(Type.STREAM_START, 1, "SSH"))).isTrue();
    assertThat(source.check(message(Type.CONNECTION_START, 1, "SSH"))).isTrue();
    assertThat(destination.check(message(Type.DATA, 1, "SSH"))).isTrue();
    assertThat(destination.check(message(Type.CONNECTION_RESET, 1, "HTTP"))).isTrue();
    assertThat(destination.check(message(Type.STREAM_RESET, 1, "SSH"))).isTrue();
  }

  @Test
  void theDestination_doesNotStartStreams() {
    assertThatThrownBy(() -> destination.check(message(Type.STREAM_START, 1, "SSH")))
        .isInstanceOf(TunnelProtocolException.class);
    assertThatThrownBy(() -> destination.check(message(Type.CONNECTION_START, 1, "SSH")))
        .isInstanceOf(TunnelProtocolException.class);
  }

  @Test
  void clients_doNotSendTheRelaysMessages() {
    assertThatThrownBy(() -> source.check(message(Type.SERVICE_IDS, 0, "")))
        .isInstanceOf(TunnelProtocolException.class);
    assertThatThrownBy(() -> destination.check(message(Type.SESSION_RESET, 0, "")))
        .isInstanceOf(TunnelProtocolException.class);
  }

  @Test
  void streamMessages_needAStreamId_andOneOfTheTunnelsServices() {
    assertThatThrownBy(() -> source.check(message(Type.DATA, 0, "SSH")))
        .hasMessageContaining("without a stream id");
    assertThatThrownBy(() -> source.check(message(Type.STREAM_START, 1, "VNC")))
        .hasMessageContaining("VNC");
  }

  @Test
  void aClient_doesNotMixMessagesWithAndWithoutServiceIds() {
    source.check(message(Type.STREAM_START, 1, ""));

    assertThatThrownBy(() -> source.check(message(Type.DATA, 1, "SSH")))
        .hasMessageContaining("mixed");
  }

  @Test
  void unknownTypes_areSkippedWhenIgnorable_andRefusedOtherwise() {
    Message ignorable = Message.newBuilder().setTypeValue(42).setIgnorable(true).build();
    Message required = Message.newBuilder().setTypeValue(42).build();

    assertThat(source.check(ignorable)).isFalse();
    assertThatThrownBy(() -> source.check(required)).isInstanceOf(TunnelProtocolException.class);
  }
}
