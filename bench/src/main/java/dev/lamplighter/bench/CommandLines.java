package dev.lamplighter.bench;

/** What the benchmark steps' command lines share. */
public final class CommandLines {
  private CommandLines() {}

  /**
   * {@code text} as a positive whole number.
   *
   * @throws IllegalArgumentException naming {@code name} and the text when it is not one
   */
  public static int positive(String name, String text) {
    try {
      int value = Integer.parseInt(text);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        name + " must be a positive whole number, not '" + text + "'");
  }
}
