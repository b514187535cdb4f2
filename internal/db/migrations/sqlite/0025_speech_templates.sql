-- The speech templates users edit (internal/speechtpl): every saved
-- version of an area's template in one language, the full set of parts
-- (a JSON array of strings), numbered 1, 2, 3… per area and language.
-- Nothing is updated or deleted: a restore is a new version copying an old
-- one (restored_from names its number; origin 'default' copies the seed's
-- words). created_by is the username, created_at UTC RFC 3339 text. A
-- scope's speech uses the latest version of the nearest area at or above
-- it that has one, else the embedded default.
CREATE TABLE speech_template (
  id            INTEGER PRIMARY KEY,
  area_id       INTEGER NOT NULL REFERENCES area(id),
  lang          TEXT NOT NULL CHECK (lang IN ('zh','en')),
  number        INTEGER NOT NULL CHECK (number >= 1),
  parts         TEXT NOT NULL,
  origin        TEXT NOT NULL CHECK (origin IN ('edit','restore','default')),
  restored_from INTEGER,
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  UNIQUE (area_id, lang, number)
);
