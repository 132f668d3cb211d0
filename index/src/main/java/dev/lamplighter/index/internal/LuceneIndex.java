package dev.lamplighter.index.internal;

import dev.lamplighter.index.internal.query.DocumentMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Lucene index on disk, derived from the change log: a writer, near-real-time searchers, and
 * the change log sequence its last commit reflects (kept in the commit's user data, so a restart
 * resumes after it). An index that is missing, or that cannot be opened, starts empty at sequence 0
 * and is rebuilt by replaying the log.
 *
 * <p>Threading: one thread writes (the change feed); any thread may {@link #acquire} a searcher.
 */
final class LuceneIndex implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LuceneIndex.class);
  private static final String SEQUENCE = "lamplighter.sequence";

  /**
   * The layout of the documents this code writes. An index written with another layout is rebuilt
   * from the change log; raise it whenever DocumentMapper changes what it indexes.
   */
  private static final String LAYOUT = "lamplighter.layout";

  private static final String CURRENT_LAYOUT = "4";

  private final Path path;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final long committedSequence;

  private LuceneIndex(Path path, Directory directory, IndexWriter writer, long committedSequence)
      throws IOException {
    this.path = path;
    this.directory = directory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
    this.committedSequence = committedSequence;
  }

  /** Opens the index at {@code path}, or starts an empty one when it is missing or unreadable. */
  static LuceneIndex open(Path path, Analyzer analyzer) {
    try {
      return openExisting(path, analyzer);
    } catch (IOException | RuntimeException e) {
      LOG.warn("The index at [{}] cannot be opened ({}); rebuilding it", path, e.toString());
      deleteRecursively(path);
      try {
        return create(path, analyzer);
      } catch (IOException again) {
        throw new UncheckedIOException("Cannot create the index at " + path, again);
      }
    }
  }

  private static LuceneIndex openExisting(Path path, Analyzer analyzer) throws IOException {
    Directory directory = PrivateFilesDirectory.open(path);
    try {
      if (!DirectoryReader.indexExists(directory)) {
        return create(path, directory, analyzer);
      }
      long sequence;
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        Map<String, String> userData = reader.getIndexCommit().getUserData();
        if (!CURRENT_LAYOUT.equals(userData.get(LAYOUT))) {
          throw new IOException(
              "documents of layout " + userData.get(LAYOUT) + ", not " + CURRENT_LAYOUT);
        }
        String stored = userData.get(SEQUENCE);
        sequence = stored == null ? 0 : Long.parseLong(stored);
      }
      IndexWriter writer = new IndexWriter(directory, config(analyzer, OpenMode.APPEND));
      return new LuceneIndex(path, directory, writer, sequence);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  private static LuceneIndex create(Path path, Analyzer analyzer) throws IOException {
    return create(path, PrivateFilesDirectory.open(path), analyzer);
  }

  private static LuceneIndex create(Path path, Directory directory, Analyzer analyzer)
      throws IOException {
    IndexWriter writer = new IndexWriter(directory, config(analyzer, OpenMode.CREATE));
    writer.setLiveCommitData(commitData(0));
    writer.commit();
    return new LuceneIndex(path, directory, writer, 0);
  }

  private static IndexWriterConfig config(Analyzer analyzer, OpenMode mode) {
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(mode);
    // Updates arrive one thing at a time; a larger buffer batches them into fewer segments.
    config.setRAMBufferSizeMB(64);
    // Segments keep their documents in name order, the order of every SearchIndex page: a page
    // then stops after its first hits in each segment instead of sorting every match.
    config.setIndexSort(new Sort(new SortField(DocumentMapper.NAME_FIELD, SortField.Type.STRING)));
    return config;
  }

  IndexWriter writer() {
    return writer;
  }

  /** Replaces the document with {@code key}, or adds it. */
  void put(Term key, Document document) {
    try {
      writer.updateDocument(key, document);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Writing " + key.text() + " to the index at " + path + " failed", e);
    }
  }

  /** Deletes the documents that {@code keys} match. */
  void delete(Query... keys) {
    try {
      writer.deleteDocuments(keys);
    } catch (IOException e) {
      throw new UncheckedIOException("Deleting from the index at " + path + " failed", e);
    }
  }

  /** The sequence of the last committed change this index reflects; 0 for a new index. */
  long committedSequence() {
    return committedSequence;
  }

  /** Makes the changes written so far visible to searchers, without a commit. */
  void refresh() {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("Refreshing the index at " + path + " failed", e);
    }
  }

  /** Commits what was written, recording that it reflects the log up to {@code sequence}. */
  void commit(long sequence) {
    try {
      writer.setLiveCommitData(commitData(sequence));
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("Committing the index at " + path + " failed", e);
    }
  }

  private static Iterable<Map.Entry<String, String>> commitData(long sequence) {
    return Map.of(SEQUENCE, Long.toString(sequence), LAYOUT, CURRENT_LAYOUT).entrySet();
  }

  IndexSearcher acquire() {
    try {
      return searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException("The index at " + path + " cannot be read", e);
    }
  }

  void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException("Releasing a searcher of " + path + " failed", e);
    }
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Closing the index at " + path + " failed", e);
    }
  }

  private static void deleteRecursively(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove the unreadable index at " + path, e);
    }
  }
}
