package dev.lamplighter.api.iot;

import dev.lamplighter.api.http.Call;
import dev.lamplighter.api.http.PageTokens;
import dev.lamplighter.api.iot.TagShapes.ListTagsForResourceRequest;
import dev.lamplighter.api.iot.TagShapes.ListTagsForResourceResponse;
import dev.lamplighter.api.iot.TagShapes.TagResourceRequest;
import dev.lamplighter.api.iot.TagShapes.UntagResourceRequest;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.registry.Tag;
import dev.lamplighter.registry.TagService;

/** Handlers of the tagging operations: decode, one service call, encode. */
final class TagOperations {
  static final int PAGE_SIZE = 50;

  private final TagService tags;
  private final PageTokens pages;

  TagOperations(TagService tags, PageTokens pages) {
    this.tags = tags;
    this.pages = pages;
  }

  Object tag(Call call) {
    TagResourceRequest request = call.input(TagResourceRequest.class);
    tags.tag(call.scope(), request.resourceArn(), TagShapes.registryTags(request.tags()));
    return null;
  }

  Object untag(Call call) {
    UntagResourceRequest request = call.input(UntagResourceRequest.class);
    tags.untag(call.scope(), request.resourceArn(), request.tagKeys());
    return null;
  }

  Object list(Call call) {
    ListTagsForResourceRequest request = call.input(ListTagsForResourceRequest.class);
    Page<Tag> page =
        tags.list(
            call.scope(),
            request.resourceArn(),
            pages.request(call, null, request.nextToken(), PAGE_SIZE, request.resourceArn()));
    return new ListTagsForResourceResponse(
        page.items().stream().map(t -> new TagShapes.Tag(t.key(), t.value())).toList(),
        pages.next(call, page, request.resourceArn()));
  }
}
