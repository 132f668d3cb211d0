package dev.lamplighter.index;

/**
 * DescribeIndex's answer.
 *
 * @param indexName AWS_Things or AWS_ThingGroups
 * @param indexStatus ACTIVE, or BUILDING while this node's index catches up with the change log
 *     after it was created or rebuilt
 * @param schema what the index holds, as AWS names it (REGISTRY_AND_CONNECTIVITY_STATUS,
 *     THING_GROUPS, ...)
 */
public record IndexDescription(String indexName, Status indexStatus, String schema) {
  /** AWS's IndexStatus. */
  public enum Status {
    ACTIVE,
    BUILDING,
    REBUILDING
  }
}
