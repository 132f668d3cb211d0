package dev.lamplighter.index.internal;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.index.IndexQuery;
import dev.lamplighter.index.IndexingConfiguration;
import dev.lamplighter.index.internal.query.IndexKind;

/** AWS's two index names, and whether a configuration switches each on. */
final class IndexNames {
  private IndexNames() {}

  /** The kind of documents an index holds; RESOURCE_NOT_FOUND for any other name. */
  static IndexKind kind(String indexName) {
    if (IndexQuery.THINGS.equals(indexName)) {
      return IndexKind.THINGS;
    }
    if (IndexQuery.THING_GROUPS.equals(indexName)) {
      return IndexKind.THING_GROUPS;
    }
    throw notFound(indexName);
  }

  static String name(IndexKind kind) {
    return kind == IndexKind.THINGS ? IndexQuery.THINGS : IndexQuery.THING_GROUPS;
  }

  static boolean enabled(IndexingConfiguration configuration, IndexKind kind) {
    return kind == IndexKind.THINGS ? configuration.thingsIndexed() : configuration.groupsIndexed();
  }

  static ServiceException notFound(String indexName) {
    return new ServiceException(
        ErrorCode.RESOURCE_NOT_FOUND, "Index " + indexName + " does not exist");
  }
}
