"""The schema, built by versioned migrations (one function per step, each in a transaction).

Full-text search uses FTS5 external-content tables kept in sync by triggers.
Every text column is indexed twice: as written (names, exact forms) and as
Indonesian stems (``*_stem`` columns, filled by :mod:`reader.text.stem`), so a
query for ``curang`` reaches ``kecurangan`` while exact matches rank higher.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "reader"
migrations = Migrations(MIGRATION_SET)

FTS_TOKENIZER = "unicode61 remove_diacritics 2"


def _execute_all(db: Database, statements: str) -> None:
    # sqlite-utils splits the script itself inside a transaction (no implicit COMMIT).
    db.executescript(statements)


def _fts_with_triggers(db: Database, table: str, columns: list[str], vocab: bool = True) -> None:
    """An external-content FTS5 table over ``columns`` of ``table``, its sync triggers and
    (with ``vocab``) an fts5vocab table of its terms."""
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    fts = f"{table}_fts"
    _execute_all(
        db,
        f"""
CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', content_rowid='id',
  tokenize='{FTS_TOKENIZER}');
CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN
  INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new});
END;
CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN
  INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old});
END;
CREATE TRIGGER {table}_au AFTER UPDATE ON {table} BEGIN
  INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old});
  INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new});
END
""",
    )
    if vocab:
        _execute_all(db, f"CREATE VIRTUAL TABLE {fts}_vocab USING fts5vocab({fts}, 'row')")


@migrations()
def m001_articles(db: Database) -> None:
    _execute_all(
        db,
        """
CREATE TABLE article (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL UNIQUE,
  title TEXT,
  section TEXT,
  outlet TEXT,
  url TEXT,
  published TEXT,
  body TEXT NOT NULL,
  title_stem TEXT NOT NULL DEFAULT '',
  body_stem TEXT NOT NULL DEFAULT '',
  origin TEXT,
  imported_at TEXT NOT NULL
);
CREATE INDEX article_published ON article(published);
CREATE INDEX article_outlet ON article(outlet COLLATE NOCASE)
""",
    )
    _fts_with_triggers(db, "article", ["title", "body", "title_stem", "body_stem"])


@migrations()
def m002_quotes_actors(db: Database) -> None:
    _execute_all(
        db,
        """
CREATE TABLE quote (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  text TEXT NOT NULL,
  text_stem TEXT NOT NULL DEFAULT '',
  speaker TEXT,
  role TEXT,
  cue TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect')),
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL
);
CREATE INDEX quote_article ON quote(article_id, seq);
CREATE INDEX quote_speaker ON quote(speaker COLLATE NOCASE);
CREATE TABLE actor (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  discovered INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE mention (
  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  actor_id INTEGER NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
  count INTEGER NOT NULL,
  offsets TEXT NOT NULL,
  PRIMARY KEY (article_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX mention_actor ON mention(actor_id, article_id)
""",
    )
    _fts_with_triggers(db, "quote", ["text", "text_stem", "speaker"])


@migrations()
def m003_review(db: Database) -> None:
    _execute_all(
        db,
        """
CREATE TABLE tag (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE article_tag (
  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
  tagged_at TEXT NOT NULL,
  PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tag_tag ON article_tag(tag_id, article_id);
CREATE TABLE review (
  article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
  reviewed INTEGER NOT NULL DEFAULT 0,
  reviewed_at TEXT
);
CREATE INDEX review_reviewed ON review(reviewed, article_id);
CREATE TABLE review_log (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL,
  action TEXT NOT NULL,
  value TEXT,
  batch TEXT,
  at TEXT NOT NULL
);
CREATE INDEX review_log_batch ON review_log(batch)
""",
    )


@migrations()
def m004_search_meta(db: Database) -> None:
    # Search joins FTS matches to article rows only for the date and outlet: this
    # covering index answers those without reading the (large) article rows.
    _execute_all(db, "CREATE INDEX article_search_meta ON article(id, published, outlet COLLATE NOCASE)")


@migrations()
def m005_mention_rank(db: Database) -> None:
    # "Articles naming this actor most often" in index order, for actor searches.
    _execute_all(db, "CREATE INDEX mention_actor_count ON mention(actor_id, count DESC, article_id)")


@migrations()
def m006_search_vocab(db: Database) -> None:
    # The search vocabulary (fts5vocab terms and document counts) for typo fixing,
    # saved by reader.search.fuzzy with the article count and last id it belongs to.
    _execute_all(
        db,
        """
CREATE TABLE search_vocab (term TEXT PRIMARY KEY, doc INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE search_vocab_stamp (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  max_id INTEGER NOT NULL,
  articles INTEGER NOT NULL
)
""",
    )


# Named m006 like the step above (both were added at the same time); databases already
# record this name, so it stays. Steps run in the order they are defined here.
@migrations()
def m006_workflow(db: Database) -> None:
    # Saved searches remember the highest article id seen when last opened ("N new since").
    # A bulk tag action is one batch in review_log; bulk_untagged keeps the tagged_at of
    # the tags a bulk untag removed, so undoing it restores them exactly.
    _execute_all(
        db,
        """
CREATE TABLE saved_search (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  query TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_opened_at TEXT,
  seen_max_id INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE bulk_action (
  batch TEXT PRIMARY KEY,
  action TEXT NOT NULL CHECK (action IN ('tag', 'untag')),
  tag TEXT NOT NULL,
  query TEXT NOT NULL,
  matched INTEGER NOT NULL,
  changed INTEGER NOT NULL,
  at TEXT NOT NULL,
  undone_at TEXT
);
CREATE TABLE bulk_untagged (
  batch TEXT NOT NULL REFERENCES bulk_action(batch) ON DELETE CASCADE,
  article_id INTEGER NOT NULL,
  tagged_at TEXT NOT NULL,
  PRIMARY KEY (batch, article_id)
) WITHOUT ROWID
""",
    )


# Merge tuning of the article index, measured on imports of 3,000 articles: bigger
# in-memory term batches (hashsize, bytes) and fewer, larger merges cost the writer less.
ARTICLE_FTS_CONFIG = {"hashsize": 16 * 1024 * 1024, "automerge": 16, "crisismerge": 64}


@migrations()
def m007_speaker_names(db: Database) -> None:
    # Quotes lose their own full-text index: their words are in the article body already,
    # and the speaker: filter only needs speaker names. Those are kept once each in
    # ``speaker`` (with a small word index for "Anies" -> "Anies Baswedan"); an index on
    # quote(speaker, article_id) leads from a name to its articles. mention_actor_count
    # answers every lookup by actor that mention_actor did, so that index goes.
    _execute_all(
        db,
        """
DROP TRIGGER quote_ai;
DROP TRIGGER quote_ad;
DROP TRIGGER quote_au;
DROP TABLE quote_fts_vocab;
DROP TABLE quote_fts;
DROP INDEX quote_speaker;
CREATE INDEX quote_speaker ON quote(speaker, article_id);
DROP INDEX mention_actor;
CREATE TABLE speaker (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
)
""",
    )
    _fts_with_triggers(db, "speaker", ["name"], vocab=False)
    _execute_all(
        db,
        "INSERT INTO speaker(name) SELECT DISTINCT speaker FROM quote "
        "WHERE speaker IS NOT NULL ORDER BY speaker",
    )
    for key, value in ARTICLE_FTS_CONFIG.items():
        db.execute("INSERT INTO article_fts(article_fts, rank) VALUES (?, ?)", [key, value])


@migrations()
def m008_quote_corrections(db: Database) -> None:
    # The analyst's corrections, apart from extraction: keyed by the article's source id
    # and the quote's folded text (and which occurrence of it), never by a quote row id,
    # so they survive re-importing and re-extracting. ``extracted`` is the quote row as
    # extracted (JSON), for undoing; ``quote_id`` the row it is applied to (or had, when
    # removed as not a quote). A quote row names the correction applied to it.
    _execute_all(
        db,
        """
CREATE TABLE quote_correction (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  text_key TEXT NOT NULL,
  occurrence INTEGER NOT NULL DEFAULT 0,
  speaker TEXT,
  role TEXT,
  not_a_quote INTEGER NOT NULL DEFAULT 0,
  extracted TEXT NOT NULL,
  quote_id INTEGER,
  corrected_by TEXT NOT NULL,
  corrected_at TEXT NOT NULL,
  UNIQUE (source, text_key, occurrence)
);
CREATE INDEX quote_correction_quote ON quote_correction(quote_id);
ALTER TABLE quote ADD COLUMN correction_id INTEGER
""",
    )


@migrations()
def m009_identities(db: Database) -> None:
    # One person, one identity: every speaker name points at the actor it belongs to
    # (``Awiek`` and ``Achmad Baidowi`` at one row); ``decided`` marks an analyst's merge
    # or split, which later imports keep. Re-pointing a name does not touch its word index.
    _execute_all(
        db,
        """
ALTER TABLE speaker ADD COLUMN actor_id INTEGER REFERENCES actor(id);
ALTER TABLE speaker ADD COLUMN decided INTEGER NOT NULL DEFAULT 0;
CREATE INDEX speaker_actor ON speaker(actor_id);
CREATE INDEX speaker_decided ON speaker(actor_id) WHERE decided = 1;
DROP TRIGGER speaker_au;
CREATE TRIGGER speaker_au AFTER UPDATE OF name ON speaker BEGIN
  INSERT INTO speaker_fts(speaker_fts, rowid, name) VALUES ('delete', old.id, old.name);
  INSERT INTO speaker_fts(rowid, name) VALUES (new.id, new.name);
END
""",
    )
    from reader.store.identities import assign_stored

    assign_stored(db)


# Quote kinds whose words are searchable with said: (statements, not other kinds of spans).
SAID_KINDS = ("direct", "indirect")
QUOTE_FTS_CONFIG = {"automerge": 16, "crisismerge": 64}
# A statement's rowid in quote_fts: its article id and the low 32 bits of its quote id, so the
# articles of matching statements come from the index alone (no lookup of each quote row).
SAID_ID = "(({row}.article_id << 32) | ({row}.id & 4294967295))"


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
    _execute_all(
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
    _execute_all(
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
    _execute_all(
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
    _execute_all(
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
    _execute_all(
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
    _execute_all(db, CATALOGUE_TABLE)
    from reader.store.catalogue import seed_bundled

    seed_bundled(db)


@migrations()
def m016_who(db: Database) -> None:
    # Who: the analyst behind each review mark, tagging, note, log line and undo step (NULL for
    # what was written before names were kept). review_before and bulk_untagged keep it too, so
    # undoing restores a mark or a tag with its holder.
    _execute_all(
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
    _execute_all(
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


def known_migration_names() -> set[str]:
    return {m.name for m in migrations._migrations}
