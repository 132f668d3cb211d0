package dev.lamplighter.registry;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import java.util.Collection;
import java.util.List;

/**
 * Tags on taggable resources, named by ARN. A resource type becomes taggable when its module
 * registers a {@link TaggableResource}.
 *
 * <p>Threading: safe from any thread; writes are single durable transactions.
 */
public interface TagService {

  /**
   * TagResource: adds tags, replacing the value of keys already present.
   *
   * @throws dev.lamplighter.core.error.ServiceException INVALID_REQUEST for an ARN that is not a
   *     taggable IoT resource, or a key with the reserved {@code aws:} prefix; RESOURCE_NOT_FOUND
   *     when the resource does not exist in the caller's scope; LIMIT_EXCEEDED when the resource
   *     would carry more than 50 tags
   */
  void tag(Scope scope, String resourceArn, List<Tag> tags);

  /**
   * UntagResource: removes the given keys; keys that are not present are ignored.
   *
   * @throws dev.lamplighter.core.error.ServiceException as {@link #tag}
   */
  void untag(Scope scope, String resourceArn, Collection<String> keys);

  /**
   * Removes every tag of a resource that is being deleted, inside the caller's transaction. The
   * resource need not exist any more.
   */
  void removeAll(Scope scope, String resourceArn);

  /**
   * ListTagsForResource, ordered by key.
   *
   * @throws dev.lamplighter.core.error.ServiceException as {@link #tag}
   */
  Page<Tag> list(Scope scope, String resourceArn, PageRequest page);
}
