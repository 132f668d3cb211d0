package dev.lamplighter.index.internal.query;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Query strings and the things of {@link Fleet} each finds: AWS's documented examples first, then
 * every operator and value form.
 */
final class QueryExamples {
  private QueryExamples() {}

  static Stream<Arguments> examples() {
    return Stream.of(
        // AWS's example thing queries.
        example("thingName:myThing", "myThing"),
        example("thingName:my*", "MyCapital", "myLamp", "mySensor", "myThing"),
        example("thingName:*Lamp", "myLamp"),
        example("thingName:*Sens*", "mySensor"),
        example("thingName:ab?", "aba", "abb", "abc"),
        example("thingTypeName:aa", "myLamp", "myThing"),
        example("thingGroupNames:a", "myLamp", "myThing"),
        example("thingGroupNames:a*", "myLamp", "myThing"),
        example("attributes.myAttribute:75", "myThing"),
        example("attributes.myAttribute:[75 TO 80]", "myLamp", "mySensor", "myThing"),
        example("attributes.myAttribute:{75 TO 80]", "myLamp", "mySensor"),
        example("attributes.serialNumber:[\"abcd\" TO \"abcf\"]", "aba", "abb", "abc"),
        example("attributes.myAttribute:i*t", "word-1", "word-2"),
        example(
            "attributes.attr1:abc AND attributes.attr2<5 NOT attributes.attr3>10",
            "attr-1",
            "attr-4"),
        allBut("NOT attributes.model:legacy", "myThing"),
        example("connectivity.connected:true", "myLamp", "myThing"),
        example("connectivity.connected:false", "mySensor"),
        example(
            "connectivity.connected:true AND connectivity.timestamp : [1557651600000 TO"
                + " 1557867600000]",
            "myLamp",
            "myThing"),
        example(
            "connectivity.connected:false AND connectivity.timestamp : [1557651600000 TO"
                + " 1557867600000]",
            "mySensor"),
        example("connectivity.connected:true AND connectivity.timestamp > 1557651600000", "myLamp"),
        example("connectivity.connected:*", "myLamp", "mySensor", "myThing"),
        // Values are exact: tv-plasma is not named plasma.
        example("thingName:(tv* AND -plasma)", "tv-lcd", "tv-plasma"),
        example("thingName:(tv* AND -tv-plasma)", "tv-lcd"),
        // Terms without a field search every string value.
        example("abc", "abc", "attr-1", "attr-2", "attr-3", "attr-4"),
        example("(tv-lcd OR plasma)", "plasma", "tv-lcd", "tv-plasma"),
        example("legac*", "myThing"),
        allBut("*"),
        // Numbers, comparisons and open ranges.
        example("attributes.temperature:22", "abc"),
        example("attributes.temperature:22.0", "abc"),
        example("attributes.temperature:-5", "neg"),
        example("attributes.temperature:[21 TO *]", "abc", "abcd"),
        example("attributes.temperature:[* TO 21}", "abb", "neg"),
        example("attributes.temperature:{20.5 TO 25}", "abc"),
        example("attributes.temperature:[-10 TO 0]", "neg"),
        example("attributes.temperature>=22", "abc", "abcd"),
        example("attributes.temperature>22", "abcd"),
        example("attributes.temperature<22", "abb", "neg"),
        example("attributes.temperature <= -5", "neg"),
        example("attributes.temperature:*", "abb", "abc", "abcd", "neg"),
        example("registry.version:3", allNames().toArray(String[]::new)),
        example("thingName>=tv", "tv-lcd", "tv-plasma", "word-1", "word-2", "word-3"),
        // Booleans, exists, escaping and quoting.
        example("attributes.enabled:true", "tv-lcd"),
        example("attributes.enabled:FALSE", "tv-plasma"),
        example("attributes.enabled:*", "tv-lcd", "tv-plasma"),
        example("thingName:arn\\:thing", "arn:thing"),
        example("thingName:\"arn:thing\"", "arn:thing"),
        example("attributes.path:\"a b\"", "arn:thing"),
        example("attributes.path:a\\ b", "arn:thing"),
        example("attributes.note:x\\*y", "arn:thing"),
        example("attributes.note:\"x*y\"", "arn:thing"),
        example("attributes.note:x*", "arn:thing"),
        example("thingName:MyThing", "myThing"),
        example("attributes.model:LEGACY", "myThing"),
        example("thingId:id-abc", "abc"),
        example("connectivity.disconnectReason:CLIENT_INITIATED_DISCONNECT", "mySensor"),
        // Operators: AND binds tighter than OR, side by side means AND, NOT and - exclude.
        example(
            "thingName:myThing OR thingName:abc AND attributes.serialNumber:abcf",
            "abc",
            "myThing"),
        example("thingName:myThing OR thingName:abc AND attributes.serialNumber:abcd", "myThing"),
        example("(thingName:myThing OR thingName:abc) AND attributes.serialNumber:abcf", "abc"),
        example("thingName:myThing thingTypeName:aa", "myThing"),
        example("thingName:myThing thingTypeName:bb"),
        example("thingGroupNames:tv -thingName:plasma", "tv-lcd", "tv-plasma"),
        example("thingGroupNames:tv AND NOT thingName:plasma", "tv-lcd", "tv-plasma"),
        example("NOT NOT thingName:plasma", "plasma"),
        example("thingGroupNames:(a OR b)", "myLamp", "mySensor", "myThing"),
        allBut(
            "NOT (thingGroupNames:tv OR thingTypeName:*)",
            "myLamp",
            "mySensor",
            "myThing",
            "plasma",
            "tv-lcd",
            "tv-plasma"));
  }

  static Set<String> allNames() {
    return Fleet.THINGS.stream()
        .map(thing -> thing.thingName())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Arguments example(String query, String... names) {
    return Arguments.of(query, new TreeSet<>(List.of(names)));
  }

  private static Arguments allBut(String query, String... excluded) {
    TreeSet<String> names = new TreeSet<>(allNames());
    List.of(excluded).forEach(names::remove);
    return Arguments.of(query, names);
  }
}
