package dev.lamplighter.registry;

import java.util.List;

/** The input of CreateBillingGroup. */
public record NewBillingGroup(String name, String description, List<Tag> tags) {
  public NewBillingGroup {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
