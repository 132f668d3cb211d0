package dev.lamplighter.index;

import dev.lamplighter.core.tenancy.Scope;
import java.util.List;
import java.util.function.UnaryOperator;

/** GetIndexingConfiguration, UpdateIndexingConfiguration, DescribeIndex and ListIndices. */
public interface IndexingConfigurations {

  /** The scope's configuration; {@link IndexingConfiguration#DEFAULT} until it is updated. */
  IndexingConfiguration get(Scope scope);

  /**
   * Applies {@code change} to the scope's configuration in one transaction and logs it, so every
   * node's index re-indexes the scope as the new configuration says.
   *
   * @throws dev.lamplighter.core.error.ServiceException INVALID_REQUEST for connectivity or named
   *     shadow indexing without thing indexing, thing indexing switched off while dynamic thing
   *     groups exist, a named shadow filter of more than 10, repeated or malformed names, a custom
   *     field declared twice or given a new type, a custom field that is a managed field, or one
   *     that names neither an attribute nor a value of an indexed shadow
   */
  IndexingConfiguration update(Scope scope, UnaryOperator<IndexingConfiguration> change);

  /** The managed fields of AWS_Things or AWS_ThingGroups under {@code configuration}. */
  List<IndexField> managedFields(IndexingConfiguration configuration, String indexName);

  /**
   * DescribeIndex.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an index that does
   *     not exist or is switched off
   */
  IndexDescription describe(Scope scope, String indexName);

  /** ListIndices: the indexes that are switched on, in name order. */
  List<String> list(Scope scope);
}
