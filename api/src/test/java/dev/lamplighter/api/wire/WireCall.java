package dev.lamplighter.api.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One request to one operation, as a router would hand it to the decoder: the raw path is matched
 * against the operation's URI template, the query string is split and decoded.
 */
final class WireCall {
  private static final Map<String, WireModel> MODELS = new ConcurrentHashMap<>();

  private final WireModel model;
  private final OperationSpec op;
  private String rawPath;
  private final Map<String, List<String>> query = new LinkedHashMap<>();
  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private byte[] body = new byte[0];

  private WireCall(WireModel model, String operation) {
    this.model = model;
    this.op = model.operation(operation);
    this.rawPath = op.template().labels().isEmpty() ? op.uri().split("\\?")[0] : null;
  }

  static WireModel model(String service) {
    return MODELS.computeIfAbsent(service, WireModel::load);
  }

  static WireCall to(String service, String operation) {
    return new WireCall(model(service), operation);
  }

  static WireCall to(WireModel model, String operation) {
    return new WireCall(model, operation);
  }

  /** The raw path, optionally with a raw query string after {@code ?}. */
  WireCall path(String rawPathAndQuery) {
    int question = rawPathAndQuery.indexOf('?');
    rawPath = question < 0 ? rawPathAndQuery : rawPathAndQuery.substring(0, question);
    if (question >= 0) {
      for (String pair : rawPathAndQuery.substring(question + 1).split("&")) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    return this;
  }

  WireCall header(String name, String value) {
    headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    return this;
  }

  WireCall body(String json) {
    body = json.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  WireCall body(byte[] raw) {
    body = raw.clone();
    return this;
  }

  ObjectNode decode() {
    Map<String, String> labels = Map.of();
    if (rawPath != null) {
      labels =
          op.template()
              .match(rawPath)
              .orElseThrow(() -> new AssertionError(rawPath + " does not match " + op.uri()));
    }
    return new RequestDecoder(model).decode(op, labels, query, headers, body);
  }

  /** The failure decoding raises; fails the test if decoding succeeds. */
  ServiceException failure() {
    ServiceException failure = catchThrowableOfType(ServiceException.class, this::decode);
    assertThat(failure).as("decoding should fail").isNotNull();
    return failure;
  }

  /** The message of an {@code InvalidRequestException}; fails on any other outcome. */
  String invalid() {
    ServiceException failure = failure();
    assertThat(failure.code()).as(failure.getMessage()).isEqualTo(ErrorCode.INVALID_REQUEST);
    return failure.getMessage();
  }

  /** The message of a {@code SerializationException}; fails on any other outcome. */
  String unreadable() {
    ServiceException failure = failure();
    assertThat(failure.code()).as(failure.getMessage()).isEqualTo(ErrorCode.SERIALIZATION);
    return failure.getMessage();
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
