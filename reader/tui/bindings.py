"""Every key of the terminal app, in one place.

Each binding has an ``id`` (the name a user rebinds in ``[keys]`` of the config
file), a footer description and a tooltip. The help screen and the command
palette are generated from these lists, so a key can't be shown in one place
and missing from another.
"""

from __future__ import annotations

from textual.binding import Binding

# The analyst's workflow, also on the main screen: saved searches, tag all, undo, export, timeline.
WORKFLOW = [
    Binding(
        "o",
        "saved_searches",
        "Saved",
        tooltip="Saved searches with their review progress; Enter opens one",
        id="saved-searches",
    ),
    Binding(
        "S", "save_search", "Save search", show=False, tooltip="Save the current search under a name",
        id="save-search",
    ),
    Binding(
        "number_sign", "tags_window", "All tags", show=False,
        tooltip="Every tag with its article and reviewed counts: rename or remove one", id="tags-window",
    ),
    Binding(
        "T", "bulk_tags", "Tag all", show=False,
        tooltip="Add or remove a tag on every article of this view (asks first, with the count)",
        id="bulk-tags",
    ),
    Binding(
        "R", "review_all", "Review all", show=False,
        tooltip="Mark every article of this view reviewed (asks first, with the count)", id="review-all",
    ),
    Binding(
        "z", "undo_bulk", "Undo", show=False,
        tooltip="Undo the last action: a reviewed mark, a tag, tag all or review all", id="undo-bulk",
    ),
    Binding(
        "e", "export", "Export", show=False,
        tooltip="Export every article of this view to a .csv, .jsonl or .md file", id="export",
    ),
    Binding(
        "l", "toggle_timeline", "Timeline", show=False,
        tooltip="Show or hide the articles-per-day chart under the list", id="toggle-timeline",
    ),
]  # fmt: skip

# On the main screen: they work wherever the focus is, except while typing.
SCREEN = [
    Binding("slash", "search", "Search", tooltip="Type a search; results update as you type", id="search"),
    Binding(
        "ctrl+r", "refresh", "Refresh", show=False,
        tooltip="Run the search again, to list articles imported since", id="refresh",
    ),  # fmt: skip
    Binding(
        "r",
        "toggle_reviewed",
        "Reviewed",
        tooltip="Mark or unmark the article as reviewed",
        id="toggle-reviewed",
    ),
    Binding("t", "tags", "Tags", tooltip="Add or remove a tag (with completion)", id="tags"),
    Binding(
        "m", "note", "Note", show=False,
        tooltip="Write, change or remove your short note on the article (note: finds it)", id="note",
    ),  # fmt: skip
    Binding(
        "u",
        "next_unreviewed",
        "Next unreviewed",
        tooltip="Jump to the next unreviewed article",
        id="next-unreviewed",
    ),
    Binding("f", "filter", "Filter", tooltip="All, unreviewed, reviewed, by tag or by actor", id="filter"),
    Binding(
        "n",
        "next_hit",
        "Next hit",
        show=False,
        tooltip="Scroll the text to the next search hit",
        id="next-hit",
    ),
    Binding(
        "N",
        "previous_hit",
        "Previous hit",
        show=False,
        tooltip="Scroll the text to the previous search hit",
        id="previous-hit",
    ),
    Binding(
        "s", "toggle_quotes", "Quotes", show=False, tooltip="Show or hide the quote sidebar",
        id="toggle-quotes",
    ),
    Binding("question_mark", "help", "Help", tooltip="All keys", id="help"),
    Binding("q", "quit", "Quit", tooltip="Leave reader (your review work is already saved)", id="quit"),
]

# On the main screen: what narrows and orders the list besides the query.
VIEW = [
    Binding(
        "F", "clear_filters", "Clear filters", show=False,
        tooltip="Drop the filter, outlet and dates (the search stays)", id="clear-filters",
    ),
    Binding("p", "outlet", "Outlet", show=False, tooltip="Only the articles of one outlet", id="outlet"),
    Binding("d", "dates", "Dates", show=False, tooltip="Only the articles published from … to …", id="dates"),
    Binding(
        "O", "cycle_sort", "Sort", show=False, tooltip="Sort by relevance, newest or oldest first",
        id="cycle-sort",
    ),
]

# On the main screen: the article's source and the clipboard.
SOURCE = [
    Binding("b", "open_url", "Open URL", show=False, tooltip="Open the article's source in the browser",
            id="open-url"),
    Binding(
        "y", "copy", "Copy", show=False, tooltip="Copy the text, the quote or the URL to the clipboard",
        id="copy",
    ),
]

# Who said what, on the main screen: the quote sidebar, the statements view, speaker identities.
WHO_SAID = [
    Binding(
        "Q", "focus_quotes", "To quotes", show=False,
        tooltip="Move to the quote sidebar (c there corrects a quote)",
        id="focus-quotes",
    ),
    Binding(
        "w", "statements", "Statements",
        tooltip="Who said what: the quotes this search finds", id="statements",
    ),
    Binding(
        "I", "speakers", "Speakers", show=False,
        tooltip="Speakers: the names of each person; merge or split",
        id="speakers",
    ),
]  # fmt: skip

# On the article list (when it has the focus).
LIST = [
    Binding("j,down", "cursor_down", "Down", show=False, tooltip="Next article", id="list-down"),
    Binding("k,up", "cursor_up", "Up", show=False, tooltip="Previous article", id="list-up"),
    Binding("pagedown", "page_down", "Page down", show=False, id="list-page-down"),
    Binding("pageup", "page_up", "Page up", show=False, id="list-page-up"),
    Binding("home,g", "first", "First", show=False, id="list-first"),
    Binding("end,G", "last", "Last", show=False, id="list-last"),
    Binding("enter", "open", "Read", tooltip="Move the focus to the article text", id="focus-text"),
    Binding(
        "escape",
        "clear_search",
        "Clear search",
        show=False,
        tooltip="Drop the search and list every article",
        id="clear-search",
    ),
]

# In the article text.
TEXT = [
    Binding("j,down", "scroll_down", "Scroll down", show=False, id="text-down"),
    Binding("k,up", "scroll_up", "Scroll up", show=False, id="text-up"),
    Binding("escape", "back", "Back to list", tooltip="Move the focus back to the list", id="text-back"),
]

# In the quote sidebar (when it has the focus).
QUOTES = [
    Binding("j,down", "cursor_down", "Down", show=False, tooltip="Next quote", id="quotes-down"),
    Binding("k,up", "cursor_up", "Up", show=False, tooltip="Previous quote", id="quotes-up"),
    Binding(
        "c", "correct", "Correct", tooltip="Correct the speaker or role, or mark it as not a quote",
        id="correct-quote",
    ),
    Binding(
        "a", "toggle_all", "All quotes", show=False,
        tooltip="With speaker: or said: in the search, switch between the matching quotes and all of them",
        id="quotes-all",
    ),
    Binding("escape", "back", "Back to list", tooltip="Move the focus back to the list", id="quotes-back"),
]

# In the statements view.
STATEMENTS = [
    Binding("j,down", "cursor(1)", "Down", show=False, tooltip="Next statement", id="statements-down"),
    Binding("k,up", "cursor(-1)", "Up", show=False, tooltip="Previous statement", id="statements-up"),
    Binding("escape,w", "close", "Back", tooltip="Back to the article list", id="statements-back"),
]

# In the dialog that corrects a quote.
CORRECT = [
    Binding(
        "ctrl+n", "not_a_quote", "Not a quote", tooltip="Remove it: this is not a quote",
        id="correct-not-quote",
    ),
    Binding(
        "ctrl+z", "reset", "Undo correction", tooltip="Back to what the extractor found", id="correct-reset"
    ),
    Binding("escape", "cancel", "Cancel", id="correct-cancel"),
]  # fmt: skip

# In the speakers window.
SPEAKERS = [
    Binding("m", "merge", "Merge", tooltip="Another name is this person: fold it in", id="speakers-merge"),
    Binding(
        "x", "split", "Split", tooltip="A variant is someone else: make it a person", id="speakers-split"
    ),
    Binding("escape", "close", "Close", id="speakers-close"),
]

# In the search bar.
SEARCH = [
    Binding(
        "escape", "leave", "Leave search", tooltip="Back to the list; the results stay", id="leave-search"
    ),
    Binding("down", "leave", "To the list", show=False, id="search-to-list"),
]

# In the outlet picker.
PICKER = [
    Binding("escape", "cancel", "Cancel", id="outlet-cancel"),
    Binding("down", "move(1)", "Next outlet", show=False, id="outlet-next"),
    Binding("up", "move(-1)", "Previous outlet", show=False, id="outlet-previous"),
]

# In the date range dialog.
DATES = [Binding("escape", "cancel", "Cancel", id="dates-cancel")]

# In the copy menu.
COPY = [
    Binding("t", "copy('text')", "Text", tooltip="Copy the article's title and text", id="copy-text"),
    Binding("c", "copy('quote')", "Quote", tooltip="Copy the quote chosen in the sidebar", id="copy-quote"),
    Binding("u", "copy('url')", "URL", tooltip="Copy the article's source URL", id="copy-url"),
    Binding("escape", "cancel", "Cancel", id="copy-cancel"),
]

# In the tag-all dialog (T).
BULK_DIALOG = [
    Binding("escape", "cancel", "Cancel", id="bulk-cancel"),
    Binding("down", "move(1)", "Remove instead", show=False, id="bulk-next"),
    Binding("up", "move(-1)", "Add instead", show=False, id="bulk-previous"),
]

# In a one-line prompt (save search, export).
PROMPT = [Binding("escape", "cancel", "Cancel", id="prompt-cancel")]

# In a yes/no question (tag all, review all, undo).
CONFIRM = [
    Binding("y,enter", "answer(True)", "Yes", id="confirm-yes"),
    Binding("n,escape", "answer(False)", "No", id="confirm-no"),
]

# In the filter window (f).
FILTER_DIALOG = [
    Binding("escape", "cancel", "Cancel", id="filter-cancel"),
    Binding("down", "move(1)", "Next choice", show=False, id="filter-next"),
    Binding("up", "move(-1)", "Previous choice", show=False, id="filter-previous"),
]

# On the help screen (?).
HELP_SCREEN = [
    Binding("escape,q,question_mark", "close", "Close", id="help-close"),
]

# In the saved searches (o).
SAVED_DIALOG = [
    Binding("escape", "close", "Close", id="saved-close"),
    Binding("S", "save", "Save current", id="saved-save"),
    Binding("r", "rename", "Rename", id="saved-rename"),
    Binding("x,delete", "delete", "Delete", id="saved-delete"),
]

# In the tags window (#).
TAGS_DIALOG = [
    Binding("escape", "close", "Close", id="tags-close"),
    Binding(
        "r", "rename", "Rename", tooltip="Rename the tag (into an existing one: merge)", id="tags-rename"
    ),
    Binding(
        "x,delete", "delete", "Remove", tooltip="Remove the tag from every article (asks; z undoes)",
        id="tags-delete",
    ),  # fmt: skip
]

# In the tag dialog (t).
TAG_DIALOG = [
    Binding("escape", "cancel", "Cancel", id="tag-cancel"),
    Binding("down", "move(1)", "Next tag", show=False, id="tag-next"),
    Binding("up", "move(-1)", "Previous tag", show=False, id="tag-previous"),
]

DIALOGS = [
    *BULK_DIALOG, *PROMPT, *CONFIRM, *FILTER_DIALOG, *HELP_SCREEN, *SAVED_DIALOG, *TAG_DIALOG,
    *TAGS_DIALOG,
]

ALL = [
    *SCREEN, *VIEW, *SOURCE, *WHO_SAID, *WORKFLOW, *LIST, *TEXT, *QUOTES, *STATEMENTS, *CORRECT,
    *SPEAKERS, *SEARCH, *PICKER, *DATES, *COPY, *DIALOGS,
]  # fmt: skip
BINDING_IDS = frozenset(b.id for b in ALL if b.id)

# The actions the command palette offers (screen actions plus "focus the text").
PALETTE = [b for b in [*SCREEN, *VIEW, *SOURCE, *WHO_SAID, *WORKFLOW] if b.id not in {"quit"}]


def shown_keys(binding: Binding, app: object, joiner: str = " or ") -> str:
    """The keys of ``binding`` as the user has them (``[keys]`` rebinding applied), for dialogs
    that name their keys."""
    keymap: dict[str, str] = getattr(app, "user_keymap", {})
    keys = keymap.get(binding.id or "", binding.key)
    display = getattr(app, "get_key_display", None)
    return joiner.join(
        display(Binding(key.strip(), "")) if display else key.strip() for key in keys.split(",")
    )
