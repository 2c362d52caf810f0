-- Full-text search over titles, summaries, place and partner names (rowid = engagements.pk).
-- drizzle-kit cannot describe virtual tables, so this migration is written by hand.
CREATE VIRTUAL TABLE `engagements_fts` USING fts5(`title`, `summary`, `places`, `partner`, tokenize = 'unicode61 remove_diacritics 2');
