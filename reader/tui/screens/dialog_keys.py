"""The main screen's dialogs that change one article or open another window: tags (t), the
filter (f), who said what (w), a quote's correction, the speakers (S) and help (?).

Plain functions over the main screen, like :mod:`view_keys`; each dialog loads on first use.
The screen's workers do the writes a dialog asks for.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.tui import messages as msg
    from reader.tui.data import Choice
    from reader.tui.screens.correct_modal import QuoteCorrection
    from reader.tui.screens.main import MainScreen
    from reader.tui.screens.statements import StatementTarget
    from reader.tui.screens.tag_modal import TagChange


def edit_tags(screen: MainScreen, event: msg.TagsReady) -> None:
    from reader.tui.screens.tag_modal import TagModal  # modals load on first use

    def apply(change: TagChange | None) -> None:
        if change is not None:
            screen.searches.tag(event.article_id, change.name, change.add, screen.request)

    screen.app.push_screen(TagModal(event.title, event.current, event.known), apply)


def pick_filter(screen: MainScreen, event: msg.FilterReady) -> None:
    from reader.tui.screens.filter_modal import FilterModal

    def apply(choice: Choice | None) -> None:
        if choice is not None:
            screen.set_view(replace(screen.view, choice=choice))

    screen.app.push_screen(FilterModal(screen.view.choice, event.lists, screen.connections), apply)


def statements(screen: MainScreen) -> None:
    from reader.tui.screens.statements import StatementsScreen

    def opened(target: StatementTarget | None) -> None:
        if target is not None:
            screen.pending_quote = (target.article_id, target.start, target.end)
            screen.current_id = target.article_id  # shows it, then scrolls to the quote

    request = screen.view.apply(screen.request)
    screen.app.push_screen(StatementsScreen(screen.connections, request), opened)


def correct_quote(screen: MainScreen, quote: dict[str, Any]) -> None:
    from reader.tui.screens.correct_modal import CorrectModal

    def apply(correction: QuoteCorrection | None) -> None:
        if correction is not None and screen.current_id is not None:
            screen.searches.correct(screen.current_id, correction)

    screen.app.push_screen(CorrectModal(quote), apply)


def speakers(screen: MainScreen) -> None:
    from reader.tui.screens.speakers_modal import SpeakersModal

    screen.app.push_screen(SpeakersModal(screen.connections))


def help(screen: MainScreen) -> None:  # noqa: A001 - the key's name
    from reader.tui.screens.help import HelpScreen

    screen.app.push_screen(HelpScreen())
