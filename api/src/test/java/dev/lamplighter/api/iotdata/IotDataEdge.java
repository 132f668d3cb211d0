package dev.lamplighter.api.iotdata;

import dev.lamplighter.api.ControlPlaneApi;
import dev.lamplighter.api.EdgeServer;
import dev.lamplighter.api.http.PageTokens;
import dev.lamplighter.api.wire.WireModel;
import dev.lamplighter.core.page.PageTokenCodec;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;

/**
 * The API pipeline with the iot-data route table over a {@link RecordingDeviceMessaging}, on a real
 * HTTP listener on a free port, built as {@link ControlPlaneApi} builds it; plus the AWS SDK's
 * iot-data client and signed raw requests pointed at it.
 */
final class IotDataEdge implements AutoCloseable {
  static final String ACCOUNT = "111122223333";
  static final String REGION = "eu-west-1";
  private static final String KEY = "AKIALAMPLIGHTDATA01";
  private static final String SECRET = "iot-data-secret-for-tests-000000000000000";

  final RecordingDeviceMessaging messaging = new RecordingDeviceMessaging();
  private final EdgeServer edge;

  IotDataEdge() {
    this.edge =
        new EdgeServer(
            ACCOUNT,
            REGION,
            KEY,
            SECRET,
            List.of(WireModel.load(IotDataRoutes.SERVICE)),
            IotDataRoutes.of(
                messaging,
                null, // the shadow operations are tested against the whole server
                new PageTokens(new PageTokenCodec(new byte[32])),
                java.time.Clock.systemUTC()));
  }

  /** The SDK's client, signing as {@code iotdata} like every iot-data client, without retries. */
  IotDataPlaneClient client() {
    return edge.client(IotDataPlaneClient.builder()).build();
  }

  /** A request the SDK would not send, signed for {@code iotdata}. */
  HttpResponse<String> send(
      String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
    return edge.send("iotdata", method, pathAndQuery, headers, body);
  }

  @Override
  public void close() {
    edge.close();
  }
}
