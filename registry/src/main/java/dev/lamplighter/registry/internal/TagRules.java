package dev.lamplighter.registry.internal;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.registry.Tag;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** AWS's tag rules beyond the wire constraints: reserved prefix, duplicates, count per resource. */
final class TagRules {
  static final int MAX_TAGS_PER_RESOURCE = 50;
  private static final String RESERVED_PREFIX = "aws:";

  private TagRules() {}

  /** The tags as a map, refusing reserved and duplicate keys. */
  static Map<String, String> toMap(List<Tag> tags) {
    Map<String, String> result = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (Tag tag : tags) {
      if (tag.key().toLowerCase(Locale.ROOT).startsWith(RESERVED_PREFIX)) {
        throw ErrorCode.INVALID_REQUEST.exception(
            "Tag key %s uses the reserved prefix 'aws:'.", tag.key());
      }
      if (!seen.add(tag.key())) {
        throw ErrorCode.INVALID_REQUEST.exception("Tag key %s is given more than once.", tag.key());
      }
      result.put(tag.key(), tag.value());
    }
    return result;
  }

  /** Refuses a tag set larger than a resource may carry. */
  static void checkCount(String resource, int count) {
    if (count > MAX_TAGS_PER_RESOURCE) {
      throw ErrorCode.LIMIT_EXCEEDED.exception(
          "Resource %s would carry %d tags; at most %d are allowed.",
          resource, count, MAX_TAGS_PER_RESOURCE);
    }
  }
}
