"""``reader search QUERY``: the search core on the command line."""

from __future__ import annotations

from typing import Any

import click

from reader.cli.context import echo_json, run_safely, state_of
from reader.text.display import untitled_label

QUERY_HELP = """Search the articles.

\b
QUERY uses the query language:
  kecurangan gibran     every word must match (also kecurangannya, dicurangi, typos)
  "politik uang"        an exact phrase
  curang OR suap        either word (OR in capitals)
  -hoaks                exclude a word (or -"a phrase")
  kecur*                words starting with kecur
  said:WORD  said:"a phrase"   inside what was said (a quote); with speaker:NAME,
                        inside NAME's own quotes
  actor:NAME  speaker:NAME  tag:NAME  outlet:NAME
  reviewed:yes|no  from:YYYY-MM-DD  to:YYYY-MM-DD
  reviewed:me           reviewed by you (the --user analyst)
  reviewer:NAME         reviewed by the analyst NAME (any case)
Quote filter values with spaces: actor:"Cak Imin". An empty QUERY lists every article, newest first.
"""


# "-hoaks" excludes a word, so unknown dash-words are query text, and the command has no
# short options (-h, -n) that a query could collide with.
@click.command(
    "search",
    help=QUERY_HELP,
    context_settings={"ignore_unknown_options": True, "help_option_names": ["--help"]},
)
@click.argument("query", nargs=-1)
@click.option(
    "--limit",
    type=click.IntRange(0, 1000),
    default=20,
    show_default=True,
    help="How many articles to show.",
)
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many articles (paging).")
@click.option(
    "--sort",
    type=click.Choice(["relevance", "newest", "oldest", "date"]),
    default="relevance",
    show_default=True,
    help="Best matches first, newest first (date is the same), or oldest first.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON, with hit offsets.")
@click.option(
    "--exact",
    is_flag=True,
    help="Count a very large match exactly (by default, above 100,000 matches the totals are "
    "estimated from a sample and marked ≈).",
)
@click.pass_context
def search_command(
    ctx: click.Context, query: tuple[str, ...], limit: int, offset: int, sort: str, as_json: bool,
    exact: bool,
) -> None:  # fmt: skip
    from reader.search import SearchRequest, search
    from reader.search.hits import HitOffsets

    state = state_of(ctx)
    text = " ".join(query)
    request = SearchRequest(
        query=text, sort=sort, limit=limit, offset=offset, estimate=not exact, user=state.user
    )

    def action() -> dict[str, Any]:
        db = state.db()
        result = search(db, request)
        document = result_document(result)
        if as_json:
            offsets = HitOffsets(db, text)  # the query planned once for every hit
            for hit in document["hits"]:
                hit["hit_offsets"] = [list(span) for span in offsets.of(hit["id"])]
        return document

    document = run_safely(action)
    if document["error"]:
        click.echo(f"reader: note: {document['error']}", err=True)
    if as_json:
        echo_json(document)
    else:
        click.echo(as_text(document))


def result_document(result: Any) -> dict[str, Any]:
    """A :class:`reader.search.SearchResult` as plain JSON-ready data."""
    request = result.request
    return {
        "query": request.query,
        "sort": request.sort,
        "limit": request.limit,
        "offset": request.offset,
        "total": result.total,
        "reviewed_total": result.reviewed_total,
        "reviewed_by_you": result.reviewed_by_you,
        "estimated": result.estimated,
        "expansions": [
            {"kind": e.kind, "term": e.term, "target": e.target, "text": str(e)} for e in result.expansions
        ],
        "error": result.error,
        "hits": [
            {
                "id": hit.article_id,
                "source": hit.source,
                "title": hit.title,
                "outlet": hit.outlet,
                "published": hit.published,
                "reviewed": hit.reviewed,
                "reviewed_by": hit.reviewed_by,
                "tags": list(hit.tags),
                "score": round(hit.score, 4),
                "lead": hit.lead,
                "snippet": hit.snippet,
                "snippet_spans": [list(span) for span in hit.snippet_spans],
            }
            for hit in result.hits
        ],
    }


def as_text(document: dict[str, Any]) -> str:
    total = document["total"]
    noun = "article" if total == 1 else "articles"
    shown = len(document["hits"])
    first = document["offset"] + 1
    about = "≈ " if document["estimated"] else ""
    figure = "{:,}" if about else "{}"
    reviewed = f"{about}{figure.format(document['reviewed_total'])} reviewed"
    if document["reviewed_total"] and document["reviewed_by_you"] is not None:
        reviewed += f", {about}{figure.format(document['reviewed_by_you'])} by you"
    lines = [
        f"{about}{total:,} {noun} ({reviewed})"
        if about
        else f"{total} {noun} ({reviewed})"
        + (f", showing {first}–{first + shown - 1}" if shown and shown < total else "")
        + f" · sorted by {document['sort']}"
    ]
    if document["expansions"]:
        lines.append("Matched: " + "; ".join(e["text"] for e in document["expansions"]))
    for number, hit in enumerate(document["hits"], start=first):
        meta = [f"id {hit['id']}", hit["outlet"] or "outlet unknown", hit["published"] or "undated"]
        if hit["reviewed"]:
            meta.append(f"reviewed by {hit['reviewed_by']}" if hit["reviewed_by"] else "reviewed")
        if hit["tags"]:
            meta.append("tags: " + ", ".join(hit["tags"]))
        lines += [
            "",
            f"{number:>3}. " + click.style(hit["title"] or untitled_label(hit["lead"]), bold=True),
            "     " + " · ".join(meta),
            "     " + marked(hit["snippet"], hit["snippet_spans"]),
        ]
    return "\n".join(lines)


def marked(text: str, spans: list[list[int]]) -> str:
    """``text`` with the ``spans`` shown bold and underlined (plain when not a terminal)."""
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], click.style(text[start:end], bold=True, underline=True)]
        last = end
    out.append(text[last:])
    return "".join(out)


COMMANDS = [search_command]
