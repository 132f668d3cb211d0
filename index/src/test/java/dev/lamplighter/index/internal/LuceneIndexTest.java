package dev.lamplighter.index.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk index: its committed sequence, recovery from a broken index, private files. */
class LuceneIndexTest {
  @TempDir Path dataDir;

  @Test
  void aNewIndex_startsAtSequenceZero_andACommitIsKeptAcrossReopening() throws Exception {
    Path path = dataDir.resolve("things");
    try (LuceneIndex index = LuceneIndex.open(path, new KeywordAnalyzer())) {
      assertThat(index.committedSequence()).isZero();
      index.writer().addDocument(document("lamp-1"));
      index.commit(42);
    }

    try (LuceneIndex reopened = LuceneIndex.open(path, new KeywordAnalyzer())) {
      assertThat(reopened.committedSequence()).isEqualTo(42);
      assertThat(count(reopened)).isEqualTo(1);
    }
  }

  @Test
  void writesAreSearchableAfterRefresh_beforeAnyCommit() throws Exception {
    try (LuceneIndex index = LuceneIndex.open(dataDir.resolve("things"), new KeywordAnalyzer())) {
      index.writer().addDocument(document("lamp-1"));
      assertThat(count(index)).isZero();

      index.refresh();

      assertThat(count(index)).isEqualTo(1);
    }
  }

  @Test
  void anUnreadableIndex_isReplacedByAnEmptyOneAtSequenceZero() throws Exception {
    Path path = dataDir.resolve("things");
    try (LuceneIndex index = LuceneIndex.open(path, new KeywordAnalyzer())) {
      index.writer().addDocument(document("lamp-1"));
      index.commit(7);
    }
    try (Stream<Path> files = Files.list(path)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
        Files.write(file, new byte[] {1, 2, 3});
      }
    }

    try (LuceneIndex rebuilt = LuceneIndex.open(path, new KeywordAnalyzer())) {
      assertThat(rebuilt.committedSequence()).isZero();
      assertThat(count(rebuilt)).isZero();
    }
  }

  @Test
  void anIndexOfAnotherDocumentLayout_isRebuilt() throws Exception {
    Path path = dataDir.resolve("things");
    try (Directory directory = FSDirectory.open(path);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      writer.addDocument(document("lamp-1"));
      writer.setLiveCommitData(Map.of("lamplighter.sequence", "9").entrySet());
      writer.commit();
    }

    try (LuceneIndex rebuilt = LuceneIndex.open(path, new KeywordAnalyzer())) {
      assertThat(rebuilt.committedSequence()).isZero();
      assertThat(count(rebuilt)).isZero();
    }
  }

  @Test
  void indexFiles_areReadableByTheirOwnerOnly() throws Exception {
    Path path = dataDir.resolve("things");
    try (LuceneIndex index = LuceneIndex.open(path, new KeywordAnalyzer())) {
      index.writer().addDocument(document("lamp-1"));
      index.commit(1);
    }

    assertThat(Files.getPosixFilePermissions(path))
        .containsExactlyInAnyOrder(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE);
    List<Path> files;
    try (Stream<Path> listed = Files.list(path)) {
      files = listed.toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      assertThat(Files.getPosixFilePermissions(file))
          .as(file.getFileName().toString())
          .isSubsetOf(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }
  }

  private static Document document(String name) {
    Document document = new Document();
    document.add(new StringField("thingName", name, Field.Store.YES));
    return document;
  }

  private static int count(LuceneIndex index) throws Exception {
    IndexSearcher searcher = index.acquire();
    try {
      return searcher.count(new MatchAllDocsQuery());
    } finally {
      index.release(searcher);
    }
  }
}
