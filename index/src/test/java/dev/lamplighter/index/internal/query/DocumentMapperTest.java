package dev.lamplighter.index.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.index.Connectivity;
import dev.lamplighter.index.IndexingConfiguration;
import dev.lamplighter.index.ThingGroupIndexDocument;
import dev.lamplighter.index.ThingIndexDocument;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Documents read back exactly, keys replace, scopes and kinds stay apart, names sort and page. */
class DocumentMapperTest {
  private static final FieldCatalogue GROUPS =
      FieldCatalogue.thingGroups(IndexingConfiguration.DEFAULT);

  private static final ThingIndexDocument FULL_THING =
      new ThingIndexDocument(
          "lamp-1",
          "id-1",
          "lamp",
          Map.of("temperature", "21.5", "colour", "ünïcødé ✓", "empty", ""),
          7,
          List.of("kitchen", "lights"),
          new Connectivity(false, 1_700_000_000_000L, "CONNECTION_LOST"));

  @Test
  void aThing_readsBackExactly_throughAnIndex() throws Exception {
    ThingIndexDocument bare =
        new ThingIndexDocument("bare", "id-2", null, Map.of(), 1, List.of(), null);
    ThingIndexDocument noReason =
        new ThingIndexDocument(
            "on", "id-3", null, Map.of(), 2, List.of(), new Connectivity(true, 5, null));

    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      write(
          directory,
          DocumentMapper.thing(Fleet.SCOPE, FULL_THING, Fleet.CATALOGUE),
          DocumentMapper.thing(Fleet.SCOPE, bare, Fleet.CATALOGUE),
          DocumentMapper.thing(Fleet.SCOPE, noReason, Fleet.CATALOGUE));
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertThat(DocumentMapper.readThing(reader, 0)).isEqualTo(FULL_THING);
        assertThat(DocumentMapper.readThing(reader, 1)).isEqualTo(bare);
        assertThat(DocumentMapper.readThing(reader, 2)).isEqualTo(noReason);
      }
    }
  }

  @Test
  void aThingGroup_readsBackExactly() {
    ThingGroupIndexDocument group =
        new ThingGroupIndexDocument(
            "lights", "gid-1", "All lights", Map.of("floor", "2"), List.of("house", "kitchen"));
    ThingGroupIndexDocument bare =
        new ThingGroupIndexDocument("root", "gid-2", null, Map.of(), List.of());

    assertThat(DocumentMapper.readThingGroup(DocumentMapper.thingGroup(Fleet.SCOPE, group, GROUPS)))
        .isEqualTo(group);
    assertThat(DocumentMapper.readThingGroup(DocumentMapper.thingGroup(Fleet.SCOPE, bare, GROUPS)))
        .isEqualTo(bare);
  }

  @Test
  void updatingByKey_replacesTheThing_andScopesAndKindsStayApart() throws Exception {
    ThingIndexDocument renamedType =
        new ThingIndexDocument("lamp-1", "id-1", "bulb", Map.of(), 8, List.of(), null);
    ThingGroupIndexDocument sameNameGroup =
        new ThingGroupIndexDocument("lamp-1", "gid", null, Map.of(), List.of());

    try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriter writer =
            new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer()))) {
      writer.updateDocument(
          DocumentMapper.key(Fleet.SCOPE, IndexKind.THINGS, "lamp-1"),
          DocumentMapper.thing(Fleet.SCOPE, FULL_THING, Fleet.CATALOGUE));
      writer.updateDocument(
          DocumentMapper.key(Fleet.OTHER_SCOPE, IndexKind.THINGS, "lamp-1"),
          DocumentMapper.thing(Fleet.OTHER_SCOPE, FULL_THING, Fleet.CATALOGUE));
      writer.updateDocument(
          DocumentMapper.key(Fleet.SCOPE, IndexKind.THING_GROUPS, "lamp-1"),
          DocumentMapper.thingGroup(Fleet.SCOPE, sameNameGroup, GROUPS));
      writer.updateDocument(
          DocumentMapper.key(Fleet.SCOPE, IndexKind.THINGS, "lamp-1"),
          DocumentMapper.thing(Fleet.SCOPE, renamedType, Fleet.CATALOGUE));
      writer.commit();

      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        assertThat(searcher.count(DocumentMapper.scope(Fleet.SCOPE, IndexKind.THINGS))).isOne();
        assertThat(searcher.count(DocumentMapper.scope(Fleet.OTHER_SCOPE, IndexKind.THINGS)))
            .isOne();
        assertThat(searcher.count(DocumentMapper.scope(Fleet.SCOPE, IndexKind.THING_GROUPS)))
            .isOne();
        ScoreDoc hit =
            searcher.search(DocumentMapper.scope(Fleet.SCOPE, IndexKind.THINGS), 1).scoreDocs[0];
        assertThat(DocumentMapper.readThing(searcher.getIndexReader(), hit.doc))
            .isEqualTo(renamedType);
      }
    }
  }

  @Test
  void names_sortAndPageAfterAGivenName() throws Exception {
    try (Fleet fleet = new Fleet()) {
      IndexSearcher searcher = fleet.searcher();
      Sort byName = new Sort(new SortField(DocumentMapper.NAME_FIELD, SortField.Type.STRING));
      TermRangeQuery afterTvLcd =
          TermRangeQuery.newStringRange(DocumentMapper.NAME_FIELD, "tv-lcd", null, false, true);

      List<String> names =
          java.util.Arrays.stream(searcher.search(afterTvLcd, 10, byName).scoreDocs)
              .map(hit -> read(searcher, hit).thingName())
              .toList();

      assertThat(names).containsExactly("tv-plasma", "word-1", "word-2", "word-3");
    }
  }

  @Test
  void aDeclaredNumberAttribute_thatIsNotANumber_isLeftOutOfItsField_butKept() throws Exception {
    try (Fleet fleet = new Fleet()) {
      assertThat(fleet.search("attributes.temperature:*")).doesNotContain("too-hot");
      assertThat(fleet.search("hot")).containsExactly("too-hot");
      assertThat(fleet.search("thingName:too-hot")).containsExactly("too-hot");
    }
  }

  private static ThingIndexDocument read(IndexSearcher searcher, ScoreDoc hit) {
    try {
      return DocumentMapper.readThing(searcher.getIndexReader(), hit.doc);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void write(ByteBuffersDirectory directory, Document... documents)
      throws Exception {
    try (IndexWriter writer =
        new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer()))) {
      for (Document document : documents) {
        writer.addDocument(document);
      }
      writer.commit();
    }
  }
}
