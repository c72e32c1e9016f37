"""Speech cue words: what introduces or closes a quote in Indonesian news.

``kata``-type cues follow a quote (`"…," kata X`, `ujarnya`); ``mengatakan``-type
verbs follow the speaker (`X mengatakan, "…"`, `X menegaskan bahwa …`); passive
forms put the speaker after (`disampaikan X`).
"""

from __future__ import annotations

import re

from reader.extract.trie import word_alternation

# Base forms used after a quote, with or without -nya: `kata X`, `ujarnya`.
AFTER_CUES = frozenset(
    """kata ujar ucap ungkap jelas tutur tegas sebut imbuh tambah terang papar pungkas
    lanjut klaim aku akui kilah seru tanya jawab beber cetus kisah urai harap pinta tandas
    sambung tukas tulis timpal sergah tutup nilai sindir keluh tepis bantah pesan ajak
    kenang akunya tuding katakan sahut celetuk jawabnya tambahkan ingat tegasnya desak
    minta simpul tandaskan ungkapkan""".split()
)

# Verbs that follow the speaker: direct quotes after them, or reported speech.
SPEAKER_VERBS = frozenset(
    """mengatakan menyatakan menegaskan menjelaskan mengungkapkan menyebut menyebutkan
    menuturkan menambahkan menerangkan memaparkan mengklaim mengeklaim mengakui mengaku
    menilai menyampaikan membeberkan mengimbau meminta mendesak menuntut berharap berkata
    berujar bertutur menandaskan menekankan mengingatkan menuding membantah menepis
    menanggapi mengemukakan menceritakan menjawab memastikan mengutarakan menyebutkan
    mengungkap menyinggung menyoroti mengajak menganggap berpendapat memandang mengeluhkan
    mengatakannya menguraikan berpesan mengisahkan menyatakannya bercerita berkisah
    mengusulkan menyarankan mengkritik menduga memperkirakan mencontohkan menyimpulkan
    menambahkannya mengklarifikasi """.split()
)

# Passive cues whose agent follows: `disampaikan Khofifah`, `dikatakan oleh X`.
PASSIVE_CUES = frozenset(
    """dikatakan disampaikan diungkapkan dijelaskan ditegaskan disebutkan dituturkan
    dipaparkan diutarakan dikemukakan ditambahkan""".split()
)

# Words that end a speaker phrase after a cue (`kata Anies di Jakarta`).
PHRASE_STOPS = frozenset(
    """di dalam kepada pada saat ketika usai seusai seperti sebagaimana melalui lewat
    dengan sambil setelah sebelum sesuai kemarin tadi selepas selama dan saat-saat
    menjawab menanggapi kala dikutip mengutip lalu pula juga ini menambahkan bahwa
    sembari tatkala sewaktu soal terkait tentang menurut""".split()
)

PRONOUNS = frozenset({"dia", "ia", "beliau", "dirinya", "pihaknya"})

_AFTER_CUE_ALT = "|".join(sorted(AFTER_CUES, key=len, reverse=True))
# A cue word at the very start of the text after a closing mark; the outlet may have written it
# twice (`kata kata Ketua …`).
AFTER_CUE = re.compile(
    rf"(?:(?:demikian|begitu)\s+)?({_AFTER_CUE_ALT})(nya)?(?![\w-])(?:[ \t]+\1(?![\w-]))?", re.I
)


def _rest_after(prefix: str, words: frozenset[str]) -> str:
    """A pattern for what follows ``prefix`` in the words that start with it."""
    return word_alternation(word[len(prefix) :] for word in words if word.startswith(prefix))


# Every speaker verb starts with me- or ber-. These scans look behind only after their first
# letter, and their words are tries: a pattern that opens with a lookbehind, or with a long
# alternation, is tried at every position, one that opens with a letter jumps to the letter.
_ME_VERB, _BER_VERB = _rest_after("me", SPEAKER_VERBS), _rest_after("ber", SPEAKER_VERBS)
# Any case (in a short window before a quote: `X MENEGASKAN, "…"`).
SPEAKER_VERB = re.compile(
    rf"([MmBb](?<![\w-][MmBb])(?i:(?<=m)e{_ME_VERB}|(?<=b)er{_BER_VERB}))(?![\w-])"
)
# Lower case after the first letter (a whole text: `X mengatakan bahwa …`).
SPEAKER_VERB_IN_TEXT = re.compile(
    rf"[MmBb](?<![\w-][MmBb])(?:(?<=[Mm])e{_ME_VERB}|(?<=[Bb])er{_BER_VERB})(?![\w-])"
)
PASSIVE_CUE_IN_TEXT = re.compile(
    rf"d(?<![\w-]d)i{_rest_after('di', PASSIVE_CUES)}(?:\s+oleh)?\s+(?=[A-Z])"
)
_PASSIVE_ALT = "|".join(sorted(PASSIVE_CUES, key=len, reverse=True))
PASSIVE_CUE = re.compile(rf"(?<![\w-])({_PASSIVE_ALT})(?:\s+oleh)?\s+(?=[A-Z])")
# `Menurut X,` / `Menurutnya,` / `menurut dia`
MENURUT = re.compile(r"[Mm](?<![\w-][Mm])enurut(nya)?(?![\w-])")
# The same in a whole text, searched by its literal `enurut`: a match starts one character
# after the `M` (its ``start() - 1``).
MENURUT_IN_TEXT = re.compile(r"enurut(?<=[Mm]enurut)(?<![\w-][Mm]enurut)(nya)?(?![\w-])")
# Inline attribution inside a sentence: `NasDem, kata Ali, yakin …`
INLINE_CUE = re.compile(r",\s*(kata|ujar|lanjut|tambah|jelas|menurut)\s+([^\s,.]+(?:\s+[^\s,.]+){0,3}),")
