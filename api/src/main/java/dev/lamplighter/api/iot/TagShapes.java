package dev.lamplighter.api.iot;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Wire records of the tagging operations, named after the AWS model's members. */
final class TagShapes {
  private TagShapes() {}

  record Tag(@JsonProperty("Key") String key, @JsonProperty("Value") String value) {}

  record TagResourceRequest(String resourceArn, List<Tag> tags) {}

  record UntagResourceRequest(String resourceArn, List<String> tagKeys) {}

  record ListTagsForResourceRequest(String resourceArn, String nextToken) {}

  record ListTagsForResourceResponse(List<Tag> tags, String nextToken) {}

  static List<dev.lamplighter.registry.Tag> registryTags(List<Tag> tags) {
    return tags == null
        ? List.of()
        : tags.stream().map(t -> new dev.lamplighter.registry.Tag(t.key(), t.value())).toList();
  }
}
