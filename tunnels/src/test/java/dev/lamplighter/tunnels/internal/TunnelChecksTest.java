package dev.lamplighter.tunnels.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.tunnels.DestinationConfig;
import dev.lamplighter.tunnels.TunnelRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TunnelChecksTest {

  private static TunnelRequest request(List<String> services, int lifetime) {
    return new TunnelRequest(
        Optional.empty(),
        Map.of(),
        Optional.of(new DestinationConfig(Optional.of("lamp-1"), services)),
        lifetime);
  }

  @Test
  void upToThreeDistinctServices_andALifetimeOf1To720Minutes_areAccepted() {
    assertThatCode(() -> TunnelChecks.checkOpen(request(List.of("SSH", "RDP", "HTTP"), 720)))
        .doesNotThrowAnyException();
    assertThatCode(() -> TunnelChecks.checkOpen(request(List.of(), 1))).doesNotThrowAnyException();
    assertThatCode(
            () ->
                TunnelChecks.checkOpen(
                    new TunnelRequest(Optional.empty(), Map.of(), Optional.empty(), 60)))
        .doesNotThrowAnyException();
  }

  @Test
  void aFourthService_exceedsTheLimit() {
    assertThatThrownBy(
            () -> TunnelChecks.checkOpen(request(List.of("SSH", "RDP", "HTTP", "VNC"), 60)))
        .isInstanceOfSatisfying(
            ServiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED));
  }

  @Test
  void aServiceTwice_isAnInvalidRequest() {
    assertThatThrownBy(() -> TunnelChecks.checkOpen(request(List.of("SSH", "SSH"), 60)))
        .isInstanceOfSatisfying(
            ServiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
  }

  @Test
  void aLifetimeOutside1To720Minutes_isAnInvalidRequest() {
    for (int lifetime : new int[] {0, 721}) {
      assertThatThrownBy(() -> TunnelChecks.checkOpen(request(List.of("SSH"), lifetime)))
          .isInstanceOfSatisfying(
              ServiceException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }
  }
}
