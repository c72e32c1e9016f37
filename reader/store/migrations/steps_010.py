"""Steps m010–m018: statements search, undo history, article notes, search terms, actor
lookup, the catalogue, who, claims, marks by reviewer.

They run in the order they are defined; a database records each by name."""

from __future__ import annotations

from sqlite_utils import Database

from reader.store.migrations import steps_001  # noqa: F401  (its steps register, and run, first)
from reader.store.migrations.registry import execute_all, migrations
from reader.store.schema_facts import FTS_TOKENIZER, SAID_ID, SAID_KINDS

QUOTE_FTS_CONFIG = {"automerge": 16, "crisismerge": 64}


@migrations()
def m010_said_index(db: Database) -> None:
    # said: searches inside statements. Only statements are indexed (the view quote_said),
    # their text as written and as stems (quote.text_stem, written by the importer), in one
    # external-content FTS5 table without a vocabulary table (typo fixing reads the article
    # vocabulary, which holds every quoted word) and without a speaker column (speaker:
    # narrows the matching quote rows through quote_speaker). Triggers keep it in step with
    # every write of quotes, except the quotes of articles from said_deferred's id on while
    # it has a row: that writer (an import batch, reader.store.writes.
    # statements_indexed_at_end) indexes them in one INSERT ... SELECT at the end of its
    # transaction, a fifth of what the row-by-row trigger costs it.
    from reader.text.stem import stem_text

    kinds = ", ".join(f"'{kind}'" for kind in SAID_KINDS)
    # A quote row of a deferred article (see above) is not in the index yet: triggers skip it.
    live = "NOT EXISTS (SELECT 1 FROM said_deferred WHERE {row}.article_id >= first_article_id)"
    said_id = SAID_ID
    rows = db.execute(f"SELECT id, text FROM quote WHERE text_stem = '' AND kind IN ({kinds})").fetchall()
    db.conn.executemany(
        "UPDATE quote SET text_stem = ? WHERE id = ?", ((stem_text(text), i) for i, text in rows)
    )
    execute_all(
        db,
        f"""
CREATE VIEW quote_said AS SELECT {said_id.format(row="quote")} AS said_id, text, text_stem FROM quote
  WHERE kind IN ({kinds});
CREATE VIRTUAL TABLE quote_fts USING fts5(text, text_stem, content='quote_said', content_rowid='said_id',
  tokenize='{FTS_TOKENIZER}');
CREATE TABLE said_deferred (first_article_id INTEGER NOT NULL);
CREATE TRIGGER quote_ai AFTER INSERT ON quote WHEN new.kind IN ({kinds}) AND {live.format(row="new")} BEGIN
  INSERT INTO quote_fts(rowid, text, text_stem) VALUES ({said_id.format(row="new")}, new.text, new.text_stem);
END;
CREATE TRIGGER quote_ad AFTER DELETE ON quote WHEN old.kind IN ({kinds}) AND {live.format(row="old")} BEGIN
  INSERT INTO quote_fts(quote_fts, rowid, text, text_stem)
    VALUES ('delete', {said_id.format(row="old")}, old.text, old.text_stem);
END;
CREATE TRIGGER quote_au AFTER UPDATE OF id, article_id, text, text_stem, kind ON quote BEGIN
  INSERT INTO quote_fts(quote_fts, rowid, text, text_stem)
    SELECT 'delete', {said_id.format(row="old")}, old.text, old.text_stem
    WHERE old.kind IN ({kinds}) AND {live.format(row="old")};
  INSERT INTO quote_fts(rowid, text, text_stem)
    SELECT {said_id.format(row="new")}, new.text, new.text_stem
    WHERE new.kind IN ({kinds}) AND {live.format(row="new")};
END
""",
    )
    db.execute("INSERT INTO quote_fts(quote_fts) VALUES ('rebuild')")
    for key, value in QUOTE_FTS_CONFIG.items():
        db.execute("INSERT INTO quote_fts(quote_fts, rank) VALUES (?, ?)", [key, value])


@migrations()
def m011_undo_history(db: Database) -> None:
    # One undo history for the app's z: every undoable action (a tag or review on one
    # article, tag all, review all) is a step naming its batch. A review batch keeps each
    # changed article's previous mark, so undoing it restores the mark and its time exactly.
    execute_all(
        db,
        """
CREATE TABLE undo_step (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('bulk-tag', 'tag', 'review')),
  batch TEXT NOT NULL,
  undone_at TEXT
);
CREATE TABLE review_action (
  batch TEXT PRIMARY KEY,
  reviewed INTEGER NOT NULL,
  query TEXT NOT NULL,
  matched INTEGER NOT NULL,
  changed INTEGER NOT NULL,
  at TEXT NOT NULL
);
CREATE TABLE review_before (
  batch TEXT NOT NULL REFERENCES review_action(batch) ON DELETE CASCADE,
  article_id INTEGER NOT NULL,
  reviewed INTEGER NOT NULL,
  reviewed_at TEXT,
  PRIMARY KEY (batch, article_id)
) WITHOUT ROWID;
INSERT INTO undo_step(kind, batch)
  SELECT 'bulk-tag', batch FROM bulk_action WHERE undone_at IS NULL ORDER BY rowid
""",
    )


@migrations()
def m012_article_note(db: Database) -> None:
    # The analyst's own short note on an article (one per article), searched with note:.
    execute_all(
        db,
        """
CREATE TABLE article_note (
  article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  updated_at TEXT NOT NULL
)
""",
    )


@migrations()
def m013_search_terms(db: Database) -> None:
    # The search vocabulary kept by the writer (reader.store.terms) instead of a copy of
    # fts5vocab rebuilt on the query path whenever the articles changed. The expression
    # index serves typo fixing: one (first letter, length) bucket of look-alike terms per read.
    execute_all(
        db,
        """
DROP TABLE IF EXISTS search_vocab;
DROP TABLE IF EXISTS search_vocab_stamp;
CREATE TABLE IF NOT EXISTS search_term (term TEXT PRIMARY KEY, doc INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS search_term_bucket ON search_term(substr(term, 1, 1), length(term))
""",
    )
    from reader.store.terms import rebuild_terms

    rebuild_terms(db)


@migrations()
def m014_actor_lookup(db: Database) -> None:
    # How many articles name each actor, kept by triggers on every write of mentions
    # (re-extraction, merges, deletions; an import batch adds its own counts once at its
    # end, while its said_deferred row quiets the insert trigger: see
    # reader.store.sqlite_backend.statements_indexed_at_end), so the filter window lists the
    # most-mentioned actors through an index instead of counting 13 mentions an article;
    # and a full-text index of the actors' names, so typing finds any of a million actors
    # by the start of any word of their name (only a new or renamed actor writes to it).
    execute_all(
        db,
        """
ALTER TABLE actor ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
UPDATE actor SET articles = (SELECT count(*) FROM mention WHERE mention.actor_id = actor.id);
CREATE INDEX actor_articles ON actor(articles DESC, name);
CREATE TRIGGER mention_articles_ai AFTER INSERT ON mention
WHEN NOT EXISTS (SELECT 1 FROM said_deferred WHERE new.article_id >= first_article_id) BEGIN
  UPDATE actor SET articles = articles + 1 WHERE id = new.actor_id;
END;
CREATE TRIGGER mention_articles_ad AFTER DELETE ON mention BEGIN
  UPDATE actor SET articles = articles - 1 WHERE id = old.actor_id;
END;
CREATE TRIGGER mention_articles_au AFTER UPDATE OF actor_id ON mention
WHEN new.actor_id IS NOT old.actor_id BEGIN
  UPDATE actor SET articles = articles - 1 WHERE id = old.actor_id;
  UPDATE actor SET articles = articles + 1 WHERE id = new.actor_id;
END;
CREATE VIRTUAL TABLE actor_name_fts USING fts5(name, content='actor', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
INSERT INTO actor_name_fts(actor_name_fts) VALUES ('rebuild');
CREATE TRIGGER actor_name_ai AFTER INSERT ON actor BEGIN
  INSERT INTO actor_name_fts(rowid, name) VALUES (new.id, new.name);
END;
CREATE TRIGGER actor_name_ad AFTER DELETE ON actor BEGIN
  INSERT INTO actor_name_fts(actor_name_fts, rowid, name) VALUES ('delete', old.id, old.name);
END;
CREATE TRIGGER actor_name_au AFTER UPDATE OF name ON actor BEGIN
  INSERT INTO actor_name_fts(actor_name_fts, rowid, name) VALUES ('delete', old.id, old.name);
  INSERT INTO actor_name_fts(rowid, name) VALUES (new.id, new.name);
END
""",
    )


CATALOGUE_TABLE = """
CREATE TABLE IF NOT EXISTS catalogue_actor (
  name TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  aliases TEXT NOT NULL DEFAULT '[]',
  case_sensitive TEXT NOT NULL DEFAULT '[]',
  members TEXT NOT NULL DEFAULT '[]',
  seq INTEGER NOT NULL,
  loaded_at TEXT NOT NULL,
  loaded_by TEXT
)
"""


@migrations()
def m015_actor_catalogue(db: Database) -> None:
    # The actor catalogue lives in the database (reader.store.catalogue), seeded with the
    # bundled one, so every importer extracts with the same actors and aliases.
    execute_all(db, CATALOGUE_TABLE)
    from reader.store.catalogue import seed_bundled

    seed_bundled(db)


@migrations()
def m016_who(db: Database) -> None:
    # Who: the analyst behind each review mark, tagging, note, log line and undo step (NULL for
    # what was written before names were kept). review_before and bulk_untagged keep it too, so
    # undoing restores a mark or a tag with its holder.
    execute_all(
        db,
        """
ALTER TABLE review ADD COLUMN reviewed_by TEXT;
ALTER TABLE review_before ADD COLUMN reviewed_by TEXT;
ALTER TABLE review_log ADD COLUMN done_by TEXT;
ALTER TABLE article_tag ADD COLUMN tagged_by TEXT;
ALTER TABLE bulk_untagged ADD COLUMN tagged_by TEXT;
ALTER TABLE article_note ADD COLUMN written_by TEXT;
ALTER TABLE undo_step ADD COLUMN done_by TEXT
""",
    )


@migrations()
def m017_article_claims(db: Database) -> None:
    # Who has an article open, until when (reader.store.claims): a claim that is not renewed
    # expires by itself. One row per article; expired rows are taken over in place.
    execute_all(
        db,
        """
CREATE TABLE article_claim (
  article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
  analyst TEXT NOT NULL,
  claimed_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX article_claim_expires ON article_claim(expires_at)
""",
    )


@migrations()
def m018_review_reviewer(db: Database) -> None:
    # reviewer:NAME, reviewed:me and the count of the whole collection's marks by the searching
    # analyst, read from the index (names compare in any case, as lower() folds them).
    db.execute("CREATE INDEX review_reviewer ON review(reviewed, lower(reviewed_by))")
