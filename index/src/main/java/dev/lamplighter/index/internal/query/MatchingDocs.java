package dev.lamplighter.index.internal.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Visits the live documents that match a query, segment by segment, without scoring them and
 * without reading stored fields: the base of every aggregation.
 */
final class MatchingDocs {
  private MatchingDocs() {}

  /** Prepares one segment: opens its doc values and returns what to do with each match. */
  interface SegmentVisitor {
    DocVisitor open(LeafReader segment) throws IOException;
  }

  interface DocVisitor {
    void visit(int doc) throws IOException;

    /** Called once the segment's matches have all been visited. */
    default void finish() throws IOException {}
  }

  static void forEach(IndexSearcher searcher, Query query, SegmentVisitor visitor) {
    try {
      Weight weight =
          searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
      for (LeafReaderContext segment : searcher.getIndexReader().leaves()) {
        Scorer scorer = weight.scorer(segment);
        if (scorer == null) {
          continue;
        }
        DocVisitor docs = visitor.open(segment.reader());
        Bits live = segment.reader().getLiveDocs();
        DocIdSetIterator matches = scorer.iterator();
        for (int doc = matches.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = matches.nextDoc()) {
          if (live == null || live.get(doc)) {
            docs.visit(doc);
          }
        }
        docs.finish();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the index", e);
    }
  }
}
