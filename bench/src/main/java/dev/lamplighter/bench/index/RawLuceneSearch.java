package dev.lamplighter.bench.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * The {@link QueryMix} on the server's index directory opened read-only with plain Lucene, after
 * the server has stopped: the top 101 by the {@code _name} sorted doc values (the server asks one
 * more than the page to know whether a next page exists) and the stored fields of the 100 kept,
 * which is the search work the server does for a page, without the API around it.
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
    Document[] page = search(query);
    try {
      return new Sample(
          page.length,
          page.length == 0 ? null : page[0].get("_name"),
          page.length == 0 ? null : page[page.length - 1].get("_name"),
          searcher.count(queries.get(query)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Document[] search(QueryMix query) {
    try {
      TopDocs top = searcher.search(queries.get(query), ApiSearch.PAGE + 1, BY_NAME);
      StoredFields stored = searcher.storedFields();
      int kept = Math.min(top.scoreDocs.length, ApiSearch.PAGE);
      Document[] documents = new Document[kept];
      for (int i = 0; i < kept; i++) {
        ScoreDoc hit = top.scoreDocs[i];
        documents[i] = stored.document(hit.doc);
      }
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException("searching the index failed", e);
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
