package dev.lamplighter.registry.internal;

import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.Tag;
import dev.lamplighter.registry.TagService;
import dev.lamplighter.registry.TaggableResource;
import dev.lamplighter.registry.spi.RegistryPorts;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Tags on any resource type that registered itself as taggable. An ARN of another account or region
 * is reported as not found, so callers cannot probe other tenants.
 */
public final class TagServiceImpl implements TagService {
  private final RegistryPorts ports;
  private final Map<ResourceType, TaggableResource> taggable;

  public TagServiceImpl(RegistryPorts ports, Collection<TaggableResource> taggable) {
    this.ports = ports;
    this.taggable = new TreeMap<>();
    taggable.forEach(t -> this.taggable.put(t.type(), t));
  }

  @Override
  public void tag(Scope scope, String resourceArn, List<Tag> tags) {
    Map<String, String> given = TagRules.toMap(tags);
    ports
        .transactions()
        .inTransaction(
            () -> {
              Arn arn = existingResource(scope, resourceArn);
              SortedMap<String, String> merged = new TreeMap<>(ports.tags().find(arn));
              merged.putAll(given);
              TagRules.checkCount(resourceArn, merged.size());
              ports.tags().put(arn, given);
            });
  }

  @Override
  public void untag(Scope scope, String resourceArn, Collection<String> keys) {
    ports
        .transactions()
        .inTransaction(() -> ports.tags().remove(existingResource(scope, resourceArn), keys));
  }

  @Override
  public void removeAll(Scope scope, String resourceArn) {
    Arn.parse(resourceArn)
        .filter(arn -> arn.scope().equals(scope))
        .ifPresent(arn -> ports.transactions().inTransaction(() -> ports.tags().removeAll(arn)));
  }

  @Override
  public Page<Tag> list(Scope scope, String resourceArn, PageRequest page) {
    SortedMap<String, String> tags = ports.tags().find(existingResource(scope, resourceArn));
    SortedMap<String, String> remaining =
        page.after().map(after -> tags.tailMap(after + "\0")).orElse(tags);
    List<Tag> fetched =
        remaining.entrySet().stream()
            .limit(page.limit() + 1L)
            .map(e -> new Tag(e.getKey(), e.getValue()))
            .toList();
    return Page.fromLookahead(fetched, page.limit(), Tag::key);
  }

  private Arn existingResource(Scope scope, String resourceArn) {
    Arn arn =
        Arn.parse(resourceArn)
            .orElseThrow(
                () ->
                    ErrorCode.INVALID_REQUEST.exception(
                        "%s is not a valid AWS IoT resource ARN.", resourceArn));
    TaggableResource resource = taggable.get(arn.type());
    if (resource == null) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "Resources of type %s cannot be tagged.", arn.type().displayName());
    }
    if (!arn.scope().equals(scope) || !resource.exists(scope, arn.name())) {
      throw ErrorCode.RESOURCE_NOT_FOUND.exception("Resource %s does not exist.", resourceArn);
    }
    return arn;
  }
}
