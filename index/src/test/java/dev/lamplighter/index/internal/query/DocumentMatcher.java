package dev.lamplighter.index.internal.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.IndexableFieldType;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;

/**
 * Whether one document matches a query, decided in memory by Lucene's MemoryIndex: an oracle the
 * query tests compare the real index against, document by document.
 */
final class DocumentMatcher {
  // Mapped documents have no tokenized fields; the analyzer is never asked to split anything.
  private static final Analyzer UNUSED_ANALYZER = new KeywordAnalyzer();

  private DocumentMatcher() {}

  /** Whether {@code thingDocument}, as {@link DocumentMapper} made it, matches {@code query}. */
  static boolean matches(Document thingDocument, Query query) {
    MemoryIndex index = new MemoryIndex(false, false);
    for (IndexableField field : thingDocument) {
      if (isSearchable(field.fieldType())) {
        index.addField(field, UNUSED_ANALYZER);
      }
    }
    // Counting, not MemoryIndex.search: that returns a score, and filters score zero.
    try {
      return index.createSearcher().count(query) > 0;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot search a document in memory", e);
    }
  }

  /** Stored-only fields (the document's source) play no part in matching. */
  private static boolean isSearchable(IndexableFieldType type) {
    return type.indexOptions() != IndexOptions.NONE
        || type.docValuesType() != DocValuesType.NONE
        || type.pointDimensionCount() > 0;
  }
}
