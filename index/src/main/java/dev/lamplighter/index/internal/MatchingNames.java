package dev.lamplighter.index.internal;

import dev.lamplighter.index.internal.query.DocumentMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * The names of every document a query matches, read from the name's doc values: no scoring, no
 * stored fields and no top-N queue, so a query matching a million things costs one pass.
 */
final class MatchingNames {
  private MatchingNames() {}

  static Set<String> of(LuceneIndex index, Query query) {
    IndexSearcher searcher = index.acquire();
    try {
      NameCollector collector = new NameCollector();
      searcher.search(query, collector);
      return collector.names;
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the index failed", e);
    } finally {
      index.release(searcher);
    }
  }

  private static final class NameCollector extends SimpleCollector {
    private final Set<String> names = new TreeSet<>();
    private SortedDocValues segmentNames;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      segmentNames = DocValues.getSorted(context.reader(), DocumentMapper.NAME_FIELD);
    }

    @Override
    public void collect(int doc) throws IOException {
      if (segmentNames.advanceExact(doc)) {
        names.add(segmentNames.lookupOrd(segmentNames.ordValue()).utf8ToString());
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
