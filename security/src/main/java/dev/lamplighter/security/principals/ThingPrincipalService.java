package dev.lamplighter.security.principals;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;

/**
 * Principals (certificates) attached to things.
 *
 * <p>Threading: safe from any thread; each write is one durable transaction with a change log
 * entry.
 */
public interface ThingPrincipalService {

  /**
   * AttachThingPrincipal. An EXCLUSIVE_THING attachment requires the principal to be attached to no
   * other thing, and keeps others away.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown thing or
   *     principal; INVALID_REQUEST for a principal that is not a certificate ARN of the scope or
   *     when exclusivity would be broken
   */
  void attach(Scope scope, String thingName, String principal, ThingPrincipalType type);

  /**
   * DetachThingPrincipal; detaching what is not attached succeeds.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown thing
   */
  void detach(Scope scope, String thingName, String principal);

  /**
   * ListThingPrincipals(V2): the thing's principals in ARN order.
   *
   * @param type only attachments of this type, or null
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown thing, in
   *     AWS's words ("Failed to list principals for thing … because the thing does not exist in
   *     your account")
   */
  Page<ThingPrincipal> principalsOf(
      Scope scope, String thingName, ThingPrincipalType type, PageRequest page);

  /**
   * ListPrincipalThings(V2): the principal's things in name order.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown principal
   */
  Page<ThingPrincipal> thingsOf(
      Scope scope, String principal, ThingPrincipalType type, PageRequest page);
}
