package dev.lamplighter.security.spi;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.security.principals.ThingPrincipal;
import java.util.List;

/** Which principals are attached to which things. */
public interface ThingPrincipalRepository {

  /** Attaches; false when that principal was attached to that thing already. */
  boolean attach(Scope scope, ThingPrincipal attachment);

  /** Detaches; false when it was not attached. */
  boolean detach(Scope scope, String thingName, String principalArn);

  /** The thing's principals whose ARNs sort after {@code after}, in ARN order. */
  List<ThingPrincipal> principalsOf(Scope scope, String thingName, String after, int limit);

  /** The principal's things whose names sort after {@code after}, in name order. */
  List<ThingPrincipal> thingsOf(Scope scope, String principalArn, String after, int limit);
}
