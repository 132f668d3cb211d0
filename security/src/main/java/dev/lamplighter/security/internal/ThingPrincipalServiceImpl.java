package dev.lamplighter.security.internal;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.event.ChangeKind;
import dev.lamplighter.core.event.ChangeRecord;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.ThingService;
import dev.lamplighter.security.certificates.Certificate;
import dev.lamplighter.security.principals.ThingPrincipal;
import dev.lamplighter.security.principals.ThingPrincipalService;
import dev.lamplighter.security.principals.ThingPrincipalType;
import dev.lamplighter.security.spi.SecurityPorts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Principals attached to things, with AWS's exclusivity rule. */
public final class ThingPrincipalServiceImpl implements ThingPrincipalService {
  private static final int SCAN_LIMIT = 1_000;

  private final SecurityPorts ports;
  private final ThingService things;
  private final Clock clock;

  public ThingPrincipalServiceImpl(SecurityPorts ports, ThingService things, Clock clock) {
    this.ports = ports;
    this.things = things;
    this.clock = clock;
  }

  @Override
  public void attach(Scope scope, String thingName, String principal, ThingPrincipalType type) {
    ThingPrincipalType kind = type == null ? ThingPrincipalType.NON_EXCLUSIVE_THING : type;
    ports
        .transactions()
        .inTransaction(
            () -> {
              things.describe(scope, thingName);
              Certificate certificate =
                  Principals.certificate(ports.certificates(), scope, principal);
              List<ThingPrincipal> attached =
                  ports.thingPrincipals().thingsOf(scope, principal, null, SCAN_LIMIT);
              for (ThingPrincipal other : attached) {
                if (other.thingName().equals(thingName)) {
                  continue;
                }
                if (kind == ThingPrincipalType.EXCLUSIVE_THING
                    || other.type() == ThingPrincipalType.EXCLUSIVE_THING) {
                  throw ErrorCode.INVALID_REQUEST.exception(
                      "Principal %s is attached to thing %s%s; an exclusive attachment allows one"
                          + " thing only.",
                      principal,
                      other.thingName(),
                      other.type() == ThingPrincipalType.EXCLUSIVE_THING ? " exclusively" : "");
                }
              }
              String arn = Principals.arnOf(scope, certificate.certificateId());
              if (ports
                  .thingPrincipals()
                  .attach(scope, new ThingPrincipal(thingName, arn, kind, clock.instant()))) {
                ports
                    .changeLog()
                    .append(
                        new ChangeRecord(
                            scope,
                            ResourceType.CERTIFICATE,
                            certificate.certificateId(),
                            ChangeKind.ATTACHED,
                            new PrincipalAttachment(thingName, arn)));
              }
            });
  }

  @Override
  public void detach(Scope scope, String thingName, String principal) {
    ports
        .transactions()
        .inTransaction(
            () -> {
              things.describe(scope, thingName);
              String certificateId = Principals.certificateArn(principal).name();
              if (ports.thingPrincipals().detach(scope, thingName, principal)) {
                ports
                    .changeLog()
                    .append(
                        new ChangeRecord(
                            scope,
                            ResourceType.CERTIFICATE,
                            certificateId,
                            ChangeKind.DETACHED,
                            new PrincipalAttachment(thingName, principal)));
              }
            });
  }

  @Override
  public Page<ThingPrincipal> principalsOf(
      Scope scope, String thingName, ThingPrincipalType type, PageRequest page) {
    try {
      things.describe(scope, thingName);
    } catch (ServiceException e) {
      if (e.code() != ErrorCode.RESOURCE_NOT_FOUND) {
        throw e;
      }
      // AWS's wording for ListThingPrincipals, which clients match on.
      throw ErrorCode.RESOURCE_NOT_FOUND.exception(
          "Failed to list principals for thing %s because the thing does not exist in your"
              + " account",
          thingName);
    }
    return filtered(
        after -> ports.thingPrincipals().principalsOf(scope, thingName, after, page.limit() + 1),
        type,
        page,
        ThingPrincipal::principal);
  }

  @Override
  public Page<ThingPrincipal> thingsOf(
      Scope scope, String principal, ThingPrincipalType type, PageRequest page) {
    Principals.certificate(ports.certificates(), scope, principal);
    return filtered(
        after -> ports.thingPrincipals().thingsOf(scope, principal, after, page.limit() + 1),
        type,
        page,
        ThingPrincipal::thingName);
  }

  /** One page of attachments of the wanted type, reading on while filtered rows leave it short. */
  private static Page<ThingPrincipal> filtered(
      Function<String, List<ThingPrincipal>> fetch,
      ThingPrincipalType type,
      PageRequest page,
      Function<ThingPrincipal, String> cursor) {
    List<ThingPrincipal> kept = new ArrayList<>();
    String after = page.after().orElse(null);
    while (kept.size() <= page.limit()) {
      List<ThingPrincipal> batch = fetch.apply(after);
      for (ThingPrincipal attachment : batch) {
        if (type == null || attachment.type() == type) {
          kept.add(attachment);
        }
      }
      if (batch.size() <= page.limit()) {
        break;
      }
      after = cursor.apply(batch.get(batch.size() - 1));
    }
    return Page.fromLookahead(
        kept.subList(0, Math.min(kept.size(), page.limit() + 1)), page.limit(), cursor::apply);
  }
}
