package dev.lamplighter.registry;

/**
 * How far the membership of a dynamic thing group has been computed (AWS's DynamicGroupStatus).
 *
 * <pre>
 *   create ──▶ BUILDING ──(membership computed)──▶ ACTIVE
 *                                                   │  ▲
 *                          (query changed) ◀────────┘  │
 *                              REBUILDING ─(computed)──┘
 * </pre>
 *
 * <p>A group can be used in any status; only an ACTIVE group is known to hold every matching thing.
 */
public enum DynamicGroupStatus {
  /** Created; its first membership is being computed. */
  BUILDING,
  /** Its membership follows its query. */
  ACTIVE,
  /** Its query changed; its membership is being recomputed. */
  REBUILDING
}
