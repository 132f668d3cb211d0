package dev.lamplighter.bench.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The {@link QueryMix} on the server's index directory opened read-only with plain Lucene, after
 * the server has stopped: the top 101 by the {@code _name} sorted doc values (the server asks one
 * more than the page to know whether a next page exists) and the {@code _source} doc values of the
 * 100 kept, which is the search work the server does for a page, without the API around it.
 */
final class RawLuceneSearch implements SearchSide, AutoCloseable {
  private static final Sort BY_NAME = byName();

  private final FSDirectory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Map<QueryMix, Query> queries = new EnumMap<>(QueryMix.class);

  /** Name order as the server sorts: without skipping through the indexed names. */
  private static Sort byName() {
    SortField name = new SortField("_name", SortField.Type.STRING);
    name.setOptimizeSortWithIndexedData(false);
    return new Sort(name);
  }

  RawLuceneSearch(Path indexDirectory, String account, String region) throws IOException {
    this.directory = FSDirectory.open(indexDirectory);
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
    for (QueryMix query : QueryMix.values()) {
      queries.put(query, RawQueries.scoped(query, account, region));
    }
  }

  @Override
  public String label() {
    return "raw";
  }

  @Override
  public Outcome time(QueryMix query) {
    long start = System.nanoTime();
    search(query);
    return new Outcome(200, System.nanoTime() - start);
  }

  @Override
  public Sample sample(QueryMix query) {
    Hit[] page = search(query);
    try {
      return new Sample(
          page.length,
          page.length == 0 ? null : page[0].name(),
          page.length == 0 ? null : page[page.length - 1].name(),
          searcher.count(queries.get(query)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The page the server would return: the top hits by name, each with its name and the encoded
   * document the server keeps in the {@code _source} binary doc values (not decoded here).
   */
  private Hit[] search(QueryMix query) {
    try {
      TopDocs top = searcher.search(queries.get(query), ApiSearch.PAGE + 1, BY_NAME);
      int kept = Math.min(top.scoreDocs.length, ApiSearch.PAGE);
      Hit[] hits = new Hit[kept];
      List<LeafReaderContext> leaves = reader.leaves();
      for (int i = 0; i < kept; i++) {
        ScoreDoc hit = top.scoreDocs[i];
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
        int doc = hit.doc - leaf.docBase;
        SortedDocValues names = DocValues.getSorted(leaf.reader(), "_name");
        BinaryDocValues sources = DocValues.getBinary(leaf.reader(), "_source");
        if (!names.advanceExact(doc) || !sources.advanceExact(doc)) {
          throw new IllegalStateException("document " + hit.doc + " lacks _name or _source");
        }
        hits[i] =
            new Hit(
                names.lookupOrd(names.ordValue()).utf8ToString(),
                BytesRef.deepCopyOf(sources.binaryValue()).bytes);
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException("searching the index failed", e);
    }
  }

  private record Hit(String name, byte[] source) {}

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
