package dev.lamplighter.shadow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.event.ChangeKind;
import dev.lamplighter.core.event.ChangeRecord;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.Registry;
import dev.lamplighter.shadow.Shadow;
import dev.lamplighter.shadow.ShadowId;
import dev.lamplighter.shadow.ShadowLogState;
import dev.lamplighter.shadow.ShadowService;
import dev.lamplighter.shadow.spi.ShadowPorts;
import dev.lamplighter.shadow.spi.StoredShadow;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Applies {@link ShadowDocuments}' rules in store transactions. An update reads the shadow, merges,
 * and writes it back only if nobody wrote it meanwhile (another node); when somebody did, an
 * unconditional update is merged again on the newer document, a conditional one is a version
 * conflict. Updates are committed in groups by a {@link ShadowWriter}.
 */
public final class ShadowServiceImpl implements ShadowService {
  /** How long a deleted shadow's version is remembered, as AWS does. */
  static final Duration VERSION_MEMORY = Duration.ofHours(48);

  private static final int WRITE_ATTEMPTS = 8;

  private final ShadowPorts ports;
  private final Registry registry;
  private final Clock clock;
  private final ShadowWriter writer;

  public ShadowServiceImpl(ShadowPorts ports, Registry registry, Clock clock) {
    this.ports = ports;
    this.registry = registry;
    this.clock = clock;
    this.writer =
        new ShadowWriter(
            ports.transactions(),
            new ShadowWriter.Applier() {
              @Override
              public ObjectNode apply(Scope scope, ShadowId id, ShadowRequest request) {
                return tryUpdate(scope, id, request);
              }

              @Override
              public ObjectNode applyAlone(Scope scope, ShadowId id, ShadowRequest request) {
                return updateAlone(scope, id, request);
              }
            });
  }

  @Override
  public Shadow get(Scope scope, ShadowId id) {
    Optional<Shadow> shadow = live(scope, id);
    if (shadow.isPresent()) {
      return shadow.get();
    }
    requireThing(scope, id.thingName());
    throw noShadow(id);
  }

  @Override
  public ObjectNode update(Scope scope, ShadowId id, byte[] payload) {
    try {
      return updateAsync(scope, id, payload).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  @Override
  public CompletableFuture<ObjectNode> updateAsync(Scope scope, ShadowId id, byte[] payload) {
    return writer.submit(scope, id, ShadowDocuments.parse(payload));
  }

  /** An update alone, in its own transactions, merged again when another writer came first. */
  private ObjectNode updateAlone(Scope scope, ShadowId id, ShadowRequest request) {
    for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      ObjectNode accepted = ports.transactions().inTransaction(() -> tryUpdate(scope, id, request));
      if (accepted != null) {
        return accepted;
      }
      if (request.version() != null) {
        throw versionConflict();
      }
    }
    throw ErrorCode.THROTTLING.exception(
        "The shadow of %s is being updated by too many writers; try again.", id.displayName());
  }

  /** One attempt: the accepted document, or null when another writer came first. */
  private ObjectNode tryUpdate(Scope scope, ShadowId id, ShadowRequest request) {
    long now = clock.instant().getEpochSecond();
    Optional<StoredShadow> row = ports.shadows().find(scope, id);
    if (row.isEmpty()) {
      // A row, even a tombstone, goes with its thing: only a first document needs the registry.
      requireThing(scope, id.thingName());
    }
    boolean existed = row.isPresent() && !row.get().deleted();
    long baseVersion = row.map(r -> continuesVersion(r, now) ? r.version() : 0L).orElse(0L);
    if (request.version() != null && request.version() != baseVersion) {
      throw versionConflict();
    }
    ObjectNode state =
        existed ? ShadowDocuments.readObject(row.get().stateJson()) : ShadowDocuments.object();
    ObjectNode metadata =
        existed ? ShadowDocuments.readObject(row.get().metadataJson()) : ShadowDocuments.object();
    ObjectNode previous =
        existed
            ? ShadowDocuments.logged(row.get().stateJson(), row.get().metadataJson(), baseVersion)
            : null;
    apply(state, metadata, ShadowDocuments.DESIRED, request.desired(), now);
    apply(state, metadata, ShadowDocuments.REPORTED, request.reported(), now);
    String stateJson = ShadowDocuments.write(state);
    if (stateJson.getBytes(StandardCharsets.UTF_8).length > ShadowDocuments.MAX_STATE_BYTES) {
      throw ErrorCode.REQUEST_TOO_LARGE.exception("The payload exceeds the maximum size allowed");
    }
    long version = baseVersion + 1;
    String metadataJson = ShadowDocuments.write(metadata);
    StoredShadow next = new StoredShadow(id, stateJson, metadataJson, version, now, false);
    if (!ports.shadows().write(scope, next, row.map(StoredShadow::version).orElse(null))) {
      return null;
    }
    ObjectNode accepted = accepted(request, version, now);
    ShadowLogState logged =
        new ShadowLogState(
            id.thingName(),
            id.shadowName(),
            version,
            accepted,
            deltaMessage(request, state, metadata, version, now),
            documents(
                previous, ShadowDocuments.logged(stateJson, metadataJson, version), request, now));
    ports
        .changeLog()
        .append(
            existed
                ? ChangeRecord.updated(scope, ResourceType.SHADOW, id.thingName(), logged)
                : ChangeRecord.created(scope, ResourceType.SHADOW, id.thingName(), logged));
    return accepted;
  }

  private static boolean continuesVersion(StoredShadow row, long now) {
    return !row.deleted() || now - row.timestamp() < VERSION_MEMORY.toSeconds();
  }

  private static void apply(
      ObjectNode state, ObjectNode metadata, String section, JsonNode request, long now) {
    if (request == null) {
      return;
    }
    if (request.isNull()) {
      state.remove(section);
      metadata.remove(section);
      return;
    }
    JsonNode stored = state.get(section);
    ObjectNode target = stored instanceof ObjectNode o ? o : ShadowDocuments.object();
    JsonNode storedMeta = metadata.get(section);
    ObjectNode targetMeta = storedMeta instanceof ObjectNode m ? m : ShadowDocuments.object();
    ShadowDocuments.merge(target, targetMeta, (ObjectNode) request, now);
    if (target.isEmpty()) {
      state.remove(section);
      metadata.remove(section);
    } else {
      state.set(section, target);
      metadata.set(section, targetMeta);
    }
  }

  private static ObjectNode accepted(ShadowRequest request, long version, long now) {
    ObjectNode accepted = ShadowDocuments.object();
    // The request is not changed after it was read: its state is shared, not copied.
    accepted.set("state", request.state());
    ObjectNode metadata = accepted.putObject("metadata");
    if (request.desired() != null) {
      metadata.set(
          ShadowDocuments.DESIRED, ShadowDocuments.requestMetadata(request.desired(), now));
    }
    if (request.reported() != null) {
      metadata.set(
          ShadowDocuments.REPORTED, ShadowDocuments.requestMetadata(request.reported(), now));
    }
    accepted.put("version", version);
    accepted.put("timestamp", now);
    if (request.clientToken() != null) {
      accepted.put("clientToken", request.clientToken());
    }
    return accepted;
  }

  /**
   * The {@code update/delta} document, published when the update set desired state and desired
   * still differs from reported; null otherwise.
   */
  private static ObjectNode deltaMessage(
      ShadowRequest request, ObjectNode state, ObjectNode metadata, long version, long now) {
    if (request.desired() == null || !request.desired().isObject()) {
      return null;
    }
    ObjectNode delta = ShadowDocuments.delta(state);
    if (delta.isEmpty()) {
      return null;
    }
    ObjectNode message = ShadowDocuments.object();
    message.put("version", version);
    message.put("timestamp", now);
    message.set("state", delta);
    message.set(
        "metadata", ShadowDocuments.deltaMetadata(delta, metadata.get(ShadowDocuments.DESIRED)));
    if (request.clientToken() != null) {
      message.put("clientToken", request.clientToken());
    }
    return message;
  }

  private static ObjectNode documents(
      ObjectNode previous, ObjectNode current, ShadowRequest request, long now) {
    ObjectNode documents = ShadowDocuments.object();
    if (previous != null) {
      documents.set("previous", previous);
    }
    documents.set("current", current);
    documents.put("timestamp", now);
    if (request.clientToken() != null) {
      documents.put("clientToken", request.clientToken());
    }
    return documents;
  }

  @Override
  public ObjectNode delete(Scope scope, ShadowId id, String clientToken) {
    return ports
        .transactions()
        .inTransaction(
            () -> {
              requireThing(scope, id.thingName());
              StoredShadow row =
                  ports
                      .shadows()
                      .find(scope, id)
                      .filter(r -> !r.deleted())
                      .orElseThrow(() -> noShadow(id));
              long now = clock.instant().getEpochSecond();
              StoredShadow tombstone = new StoredShadow(id, "{}", "{}", row.version(), now, true);
              if (!ports.shadows().write(scope, tombstone, row.version())) {
                throw ErrorCode.CONFLICT.exception("Version conflict");
              }
              ObjectNode accepted = ShadowDocuments.object();
              accepted.put("version", row.version());
              accepted.put("timestamp", now);
              if (clientToken != null) {
                accepted.put("clientToken", clientToken);
              }
              ports
                  .changeLog()
                  .append(
                      new ChangeRecord(
                          scope,
                          ResourceType.SHADOW,
                          id.thingName(),
                          ChangeKind.DELETED,
                          new ShadowLogState(
                              id.thingName(),
                              id.shadowName(),
                              row.version(),
                              accepted,
                              null,
                              null)));
              return accepted;
            });
  }

  @Override
  public Page<String> listNamed(Scope scope, String thingName, PageRequest page) {
    requireThing(scope, ShadowId.classic(thingName).thingName());
    return ports.shadows().namedShadows(scope, thingName, page);
  }

  @Override
  public List<Shadow> shadowsOf(Scope scope, String thingName) {
    return ports.shadows().live(scope, thingName).stream().map(ShadowServiceImpl::shadow).toList();
  }

  private Optional<Shadow> live(Scope scope, ShadowId id) {
    return ports.shadows().find(scope, id).filter(r -> !r.deleted()).map(ShadowServiceImpl::shadow);
  }

  private static Shadow shadow(StoredShadow row) {
    return new Shadow(
        row.id(),
        ShadowDocuments.readObject(row.stateJson()),
        ShadowDocuments.readObject(row.metadataJson()),
        row.version(),
        row.timestamp());
  }

  private void requireThing(Scope scope, String thingName) {
    try {
      registry.things().describe(scope, thingName);
    } catch (ServiceException e) {
      if (e.code() == ErrorCode.RESOURCE_NOT_FOUND) {
        throw ErrorCode.RESOURCE_NOT_FOUND.exception("Thing not found: %s", thingName);
      }
      throw e;
    }
  }

  private static RuntimeException noShadow(ShadowId id) {
    return ErrorCode.RESOURCE_NOT_FOUND.exception(
        "No shadow exists with name: '%s'", id.displayName());
  }

  private static RuntimeException versionConflict() {
    return ErrorCode.CONFLICT.exception("Version conflict");
  }
}
