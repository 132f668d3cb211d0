package dev.lamplighter.shadow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.shadow.internal.ShadowDocuments;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The Device Shadow service of AWS IoT, for a registered thing's classic and named shadows. Every
 * refusal is a {@link dev.lamplighter.core.error.ServiceException} whose code carries the HTTP
 * status AWS answers with (and that MQTT {@code rejected} documents carry as {@code code}) and
 * whose message is AWS's.
 */
public interface ShadowService {

  /**
   * GetThingShadow: the shadow's document.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND when the thing or the
   *     shadow does not exist
   */
  Shadow get(Scope scope, ShadowId id);

  /**
   * UpdateThingShadow: merges the request's state into the shadow (creating it), in one transaction
   * that also appends the change with the documents to publish.
   *
   * @param request the request state document as received
   * @return the {@code accepted} document
   * @throws dev.lamplighter.core.error.ServiceException INVALID_REQUEST,
   *     UNSUPPORTED_DOCUMENT_ENCODING, REQUEST_TOO_LARGE, CONFLICT (version), RESOURCE_NOT_FOUND
   *     (thing); nothing is stored then
   */
  ObjectNode update(Scope scope, ShadowId id, byte[] request);

  /**
   * UpdateThingShadow without waiting: the request is checked at once (a bad one throws as {@link
   * #update} does), then committed with the other updates waiting at that moment, in the order they
   * came.
   *
   * @return completes with the {@code accepted} document once it is stored, or exceptionally with
   *     the refusal
   */
  CompletableFuture<ObjectNode> updateAsync(Scope scope, ShadowId id, byte[] request);

  /**
   * DeleteThingShadow: removes the shadow's document; an update within 48 hours continues its
   * version.
   *
   * @param clientToken the request's client token to echo, or null
   * @return the {@code delete/accepted} document: {@code {"version", "timestamp"}}
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND when the thing or the
   *     shadow does not exist
   */
  ObjectNode delete(Scope scope, ShadowId id, String clientToken);

  /**
   * ListNamedShadowsForThing: the names of the thing's named shadows, in name order.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND when the thing does not
   *     exist
   */
  Page<String> listNamed(Scope scope, String thingName, PageRequest page);

  /** The thing's classic and named shadows that exist, classic first, then by name. */
  List<Shadow> shadowsOf(Scope scope, String thingName);

  /**
   * The {@code clientToken} of a request payload, read leniently: for rejections, and for get and
   * delete requests whose body AWS otherwise ignores. Null when there is none.
   */
  static String clientTokenOf(byte[] payload) {
    return ShadowDocuments.clientTokenOf(payload);
  }
}
