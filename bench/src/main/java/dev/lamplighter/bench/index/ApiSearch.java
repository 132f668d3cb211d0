package dev.lamplighter.bench.index;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamplighter.bench.groups.SignedClient;
import java.util.ArrayList;
import java.util.List;

/**
 * SearchIndex through the server's API, maxResults 100. A timed query counts the send alone (not
 * the signing) and does not read the body; the sample reads the page and asks GetStatistics for the
 * number of matches.
 */
public final class ApiSearch implements SearchSide {
  static final int PAGE = 100;

  private final SignedClient client;

  ApiSearch(SignedClient client) {
    this.client = client;
  }

  @Override
  public String label() {
    return "api";
  }

  @Override
  public Outcome time(QueryMix query) throws InterruptedException {
    SignedClient.Answer answer = client.send(IndexRequests.searchIndex(query.queryString(), PAGE));
    return new Outcome(answer.status(), answer.nanos());
  }

  @Override
  public Sample sample(QueryMix query) throws InterruptedException {
    List<String> names = names(client, query.queryString());
    SignedClient.Answer statistics =
        client.send(IndexRequests.statistics(query.queryString(), "attributes.wattage"));
    long matches =
        statistics.ok()
            ? Json.read(statistics.body()).path("statistics").path("count").asLong(-1)
            : -1;
    return new Sample(
        names.size(),
        names.isEmpty() ? null : names.get(0),
        names.isEmpty() ? null : names.get(names.size() - 1),
        matches);
  }

  /**
   * The thing names on the first page of a query.
   *
   * @throws IllegalStateException when the search fails
   */
  public static List<String> names(SignedClient client, String queryString)
      throws InterruptedException {
    SignedClient.Answer answer = client.send(IndexRequests.searchIndex(queryString, PAGE));
    if (!answer.ok()) {
      throw new IllegalStateException(
          "SearchIndex '" + queryString + "' answered " + answer.status() + ": " + answer.text());
    }
    List<String> names = new ArrayList<>();
    for (JsonNode thing : Json.read(answer.body()).path("things")) {
      names.add(thing.path("thingName").asText());
    }
    return names;
  }
}
