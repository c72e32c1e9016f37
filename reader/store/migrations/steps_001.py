"""Steps m001–m009: articles, quotes and actors, review, search order, saved searches,
speaker names, corrections, identities.

They run in the order they are defined; a database records each by name."""

from __future__ import annotations

from sqlite_utils import Database

from reader.store.migrations.registry import execute_all, fts_with_triggers, migrations


@migrations()
def m001_articles(db: Database) -> None:
    execute_all(
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
    fts_with_triggers(db, "article", ["title", "body", "title_stem", "body_stem"])


@migrations()
def m002_quotes_actors(db: Database) -> None:
    execute_all(
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
    fts_with_triggers(db, "quote", ["text", "text_stem", "speaker"])


@migrations()
def m003_review(db: Database) -> None:
    execute_all(
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
    execute_all(db, "CREATE INDEX article_search_meta ON article(id, published, outlet COLLATE NOCASE)")


@migrations()
def m005_mention_rank(db: Database) -> None:
    # "Articles naming this actor most often" in index order, for actor searches.
    execute_all(db, "CREATE INDEX mention_actor_count ON mention(actor_id, count DESC, article_id)")


@migrations()
def m006_search_vocab(db: Database) -> None:
    # The search vocabulary (fts5vocab terms and document counts) for typo fixing,
    # saved by reader.search.fuzzy with the article count and last id it belongs to.
    execute_all(
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
    execute_all(
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
    execute_all(
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
    fts_with_triggers(db, "speaker", ["name"], vocab=False)
    execute_all(
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
    execute_all(
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
    execute_all(
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
