package dev.lamplighter.api.iotdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamplighter.api.http.Call;
import dev.lamplighter.api.http.JsonDocument;
import dev.lamplighter.api.http.PageTokens;
import dev.lamplighter.api.iotdata.ShadowShapes.DeleteThingShadowRequest;
import dev.lamplighter.api.iotdata.ShadowShapes.GetThingShadowRequest;
import dev.lamplighter.api.iotdata.ShadowShapes.ListNamedShadowsForThingRequest;
import dev.lamplighter.api.iotdata.ShadowShapes.ListNamedShadowsForThingResponse;
import dev.lamplighter.api.iotdata.ShadowShapes.UpdateThingShadowRequest;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.shadow.ShadowId;
import dev.lamplighter.shadow.ShadowService;
import java.time.Clock;

/**
 * Handlers of the Device Shadow REST API: decode, one call to {@link ShadowService}, and the
 * shadow's JSON document as the whole response body. The account's access keys may use every shadow
 * of their scope; devices use the same operations over HTTPS with their certificates, under their
 * policies, on the data-plane port.
 */
final class ShadowOperations {
  /** The page size of ListNamedShadowsForThing without {@code pageSize}. */
  static final int DEFAULT_PAGE = 25;

  private static final byte[] EMPTY = new byte[0];

  /** Writes documents exactly as the service built them, nulls of accepted updates included. */
  private static final ObjectMapper DOCUMENTS = new ObjectMapper();

  private final ShadowService shadows;
  private final PageTokens pages;
  private final Clock clock;

  ShadowOperations(ShadowService shadows, PageTokens pages, Clock clock) {
    this.shadows = shadows;
    this.pages = pages;
    this.clock = clock;
  }

  Object get(Call call) {
    GetThingShadowRequest request = call.input(GetThingShadowRequest.class);
    ShadowId id = ShadowId.of(request.thingName(), request.shadowName());
    return document(shadows.get(call.scope(), id).document(now()));
  }

  Object update(Call call) {
    UpdateThingShadowRequest request = call.input(UpdateThingShadowRequest.class);
    ShadowId id = ShadowId.of(request.thingName(), request.shadowName());
    byte[] payload = request.payload() == null ? EMPTY : request.payload();
    return document(shadows.update(call.scope(), id, payload));
  }

  Object delete(Call call) {
    DeleteThingShadowRequest request = call.input(DeleteThingShadowRequest.class);
    ShadowId id = ShadowId.of(request.thingName(), request.shadowName());
    return document(shadows.delete(call.scope(), id, null));
  }

  Object listNamed(Call call) {
    ListNamedShadowsForThingRequest request = call.input(ListNamedShadowsForThingRequest.class);
    String thingName = ShadowId.classic(request.thingName()).thingName();
    PageRequest page = pages.request(call, request.pageSize(), request.nextToken(), DEFAULT_PAGE);
    Page<String> names = shadows.listNamed(call.scope(), thingName, page);
    return new ListNamedShadowsForThingResponse(names.items(), pages.next(call, names), now());
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }

  private static JsonDocument document(JsonNode document) {
    try {
      return new JsonDocument(DOCUMENTS.writeValueAsBytes(document));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }
}
