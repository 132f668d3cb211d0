-- The named shadows the fleet index indexes (filter.namedShadowNames), as a JSON list of names.
-- Rows stored before the filter existed read as an empty filter.
ALTER TABLE indexing_configurations ADD COLUMN named_shadow_names TEXT NOT NULL DEFAULT '[]';
