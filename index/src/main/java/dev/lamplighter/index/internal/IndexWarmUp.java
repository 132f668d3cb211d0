package dev.lamplighter.index.internal;

import dev.lamplighter.core.event.ChangeLog;
import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.core.tenancy.Region;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.index.ThingIndexDocument;
import dev.lamplighter.index.internal.query.Aggregations;
import dev.lamplighter.index.internal.query.DocumentMapper;
import dev.lamplighter.index.internal.query.FieldCatalogue;
import dev.lamplighter.index.internal.query.FleetQueryParser;
import dev.lamplighter.index.internal.query.IndexKind;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs once at start-up, before the feed follows the log and before the API listens, the paths a
 * write and the search after it take through the index: the log's head, a scope's configuration,
 * writing a document, publishing, parsing a query, searching, aggregating and reading the document
 * back. Without it the first search after a start loads and compiles all of that while its caller
 * waits (about a second on a small machine).
 *
 * <p>The document it writes and deletes belongs to a scope no account uses and carries a name the
 * registry refuses ({@code #warm-up}), so it can neither be found by nor replace a real document.
 */
final class IndexWarmUp {
  private static final Logger LOG = LoggerFactory.getLogger(IndexWarmUp.class);
  private static final Scope NOBODY =
      new Scope(AccountId.of("000000000000"), Region.of("us-east-1"));
  private static final String NAME = "#warm-up";

  private IndexWarmUp() {}

  static void run(LuceneIndex index, ScopeConfigurations configurations, ChangeLog log) {
    long started = System.nanoTime();
    try {
      log.head();
      FieldCatalogue catalogue = configurations.things(NOBODY);
      Term key = DocumentMapper.key(NOBODY, IndexKind.THINGS, NAME);
      ThingIndexDocument document =
          new ThingIndexDocument(NAME, NAME, null, Map.of("warm", "up"), 1, List.of(), null);
      index.put(key, DocumentMapper.thing(NOBODY, document, catalogue));
      index.refresh();
      Query query =
          new BooleanQuery.Builder()
              .add(DocumentMapper.scope(NOBODY, IndexKind.THINGS), Occur.FILTER)
              .add(
                  FleetQueryParser.parse("thingName:\\#warm* AND attributes.warm:up", catalogue),
                  Occur.MUST)
              .build();
      IndexSearcher searcher = index.acquire();
      try {
        for (var hit : searcher.search(query, 1).scoreDocs) {
          DocumentMapper.readThing(searcher.getIndexReader(), hit.doc);
        }
        Aggregations.statistics(searcher, query, "attributes.warm", catalogue);
        Aggregations.buckets(searcher, query, "attributes.warm", 1, catalogue);
      } finally {
        index.release(searcher);
      }
      index.delete(new TermQuery(key));
      index.refresh();
      LOG.debug("[fleet-index] warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
    } catch (IOException | RuntimeException e) {
      // Only speed is at stake: the first search pays for what was not warmed.
      LOG.warn("[fleet-index] warming up failed; the first search may be slow", e);
    }
  }
}
