package dev.lamplighter.gateway.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Scanning a shadow change log entry for its names and its documents' text. */
class LoggedShadowTest {

  @Test
  void scan_findsTheNames_andCutsOutEachDocumentAsLogged() {
    String entry =
        "{\"accepted\":{\"state\":{\"reported\":{\"dim\":40,\"tags\":[\"a\",{\"b\":null}]}},"
            + "\"version\":2},\"delta\":null,\"documents\":{\"current\":{\"version\":2}},"
            + "\"shadowName\":\"config\",\"thingName\":\"lamp-1\",\"version\":2}";

    LoggedShadow logged = LoggedShadow.scan(entry);

    assertThat(logged.topicPrefix()).isEqualTo("$aws/things/lamp-1/shadow/name/config");
    assertThat(logged.document("accepted"))
        .isEqualTo(
            "{\"state\":{\"reported\":{\"dim\":40,\"tags\":[\"a\",{\"b\":null}]}},\"version\":2}");
    assertThat(logged.document("documents")).isEqualTo("{\"current\":{\"version\":2}}");
    assertThat(logged.document("delta")).isNull();
  }

  @Test
  void scan_cutsOutOnlyTheWantedDocuments_askingWithTheShadowsTopicPrefix() {
    String entry =
        "{\"thingName\":\"lamp-1\",\"shadowName\":null,\"version\":3,"
            + "\"accepted\":{\"version\":3},\"delta\":{\"state\":{}},\"documents\":{\"x\":1}}";

    LoggedShadow logged =
        LoggedShadow.scan(
            entry,
            (prefix, document) ->
                prefix.equals("$aws/things/lamp-1/shadow") && document.equals("delta"));

    assertThat(logged.document("delta")).isEqualTo("{\"state\":{}}");
    assertThat(logged.document("accepted")).isNull();
    assertThat(logged.document("documents")).isNull();
  }

  @Test
  void scan_ofAClassicShadow_givesItsTopicPrefix() {
    LoggedShadow logged =
        LoggedShadow.scan("{\"thingName\":\"lamp-1\",\"shadowName\":null,\"accepted\":{}}");

    assertThat(logged.topicPrefix()).isEqualTo("$aws/things/lamp-1/shadow");
    assertThat(logged.document("accepted")).isEqualTo("{}");
  }

  @Test
  void scan_ofSomethingElse_isNull() {
    assertThat(LoggedShadow.scan("[1,2]")).isNull();
    assertThat(LoggedShadow.scan("{\"accepted\":{}}")).isNull();
    assertThat(LoggedShadow.scan("{\"thingName\":")).isNull();
  }
}
