"""Is what follows a speech verb a reported clause, or only the thing talked about?

`Ganjar mengatakan bahwa logistik sudah sampai` reports speech; `Dasco menyinggung
narasi kecurangan` and `partai itu menyatakan dukungannya kepada Anies` name a topic
(a noun phrase). Without a parser the tests are about the words that open the span:

* `bahwa`, or a comma or colon right after the verb, introduces a clause;
* a subject pronoun (`pihaknya`, `dirinya`), a conjunction (`agar`, `jika`) or a
  predicate word (`akan`, `tidak`, `siap`, `merupakan`) opening it makes a clause;
* a request verb (`meminta`, `mengajak`) takes an object and then `agar`/`untuk …`;
* verbs that mostly take a topic (`menyoroti`, `menanggapi`, `membantah`) need one of
  the above;
* after other verbs a span is a clause unless it opens with a noun that heads a topic
  (`dukungan`, `pernyataan`, `pentingnya`, a root with `-an`: `ucapan`, `pasangan`; an
  abstract loan: `potensi`, `situasi`) and shows no predicate before the first
  `yang`, preposition or subordinating conjunction (`potensi bahaya jika …`); a
  possessed noun (`janjinya`, `rencana mereka`) needs a predicate word, not just a
  verb; after verbs of saying proper (`mengatakan`) the predicate may come after a
  `yang` clause or a preposition, never after the conjunction;
* a cue verb after a negation (`tidak menyebut siapa …`, `belum bisa memastikan …`,
  `tidak pernah mengusulkan …`) or a wish (`menginginkan mengajak …`) reports what was
  not (yet) said;
* a span pointing back at the words said (`hal itu`, `pernyataannya ini`, `itu`) and
  going on to why or when they were said (`untuk merespons …`, `sebagai tanggapan …`,
  `saat ditemui …`) is about the speaking, not what was said.
"""

from __future__ import annotations

import re

from reader.extract.lexicon import DEMONSTRATIVES, SAID_NOUNS, dictionary_words

SUBJECT_WORDS = frozenset(
    """pihaknya dirinya ia dia beliau mereka kami kita saya aku keduanya semuanya
    partainya timnya""".split()
)
CONJUNCTIONS = frozenset(
    """bahwa agar supaya jika kalau apabila bila jikalau seandainya karena sebab meski
    meskipun walaupun sehingga asalkan""".split()
)
PREDICATE_WORDS = frozenset(
    """akan sudah telah tidak tak belum harus bisa dapat perlu masih sedang adalah
    merupakan ialah yakni menjadi jadi ada siap mampu ingin mau boleh bakal pasti pernah
    enggan tengah sempat wajib mesti yakin optimistis optimis khawatir senang bangga
    sebagai hanya cukup sangat tetap terus selalu justru lebih kurang bukan baru
    berhasil gagal""".split()
)
REQUEST_VERBS = frozenset(
    """meminta mendesak mengimbau mengajak mengingatkan berpesan menyarankan mengusulkan
    menuntut berharap""".split()
)
TOPIC_VERBS = frozenset(
    """menyoroti menyinggung mengkritik menanggapi menepis membantah mengeluhkan
    memaparkan membeberkan mengungkap menceritakan mengisahkan mencontohkan
    mengklarifikasi menguraikan menjawab bercerita berkisah""".split()
)
# Nouns that head a topic or an object rather than open a clause (`menyatakan dukungan
# kepada …`, `menyampaikan terima kasih`).
NOUN_HEADS = frozenset(
    """dukungan apresiasi terima rasa pesan komitmen sikap isu poin alasan langkah harapan
    visi misi peran hal soal rencana janji niat tekad upaya ucapan selamat maaf cerita
    kisah kabar ide konsep makna arti kronologi""".split()
)
_NOMINALISATION = re.compile(r"(?:ke|pe|per|pen|pem|peng|peny)[a-z]{3,}an")
# Abstract nouns borrowed with their ending (`potensi`, `situasi`, `kualitas`, `populisme`).
_LOAN_NOUN = re.compile(r"[a-z]{3,}(?:si|tas|isme)")
# Possessors after a noun (`rencana mereka`): the noun phrase goes on.
POSSESSORS = frozenset("mereka kami kita saya aku kalian beliau anda".split())
# Subordinating conjunctions: the main clause's predicate comes before them.
SUBORDINATORS = frozenset(
    """jika kalau apabila bila jikalau seandainya karena sebab lantaran sehingga hingga
    agar supaya meski meskipun walaupun asalkan""".split()
)
# DEMONSTRATIVES make a noun of SAID_NOUNS (`hal itu`, `pernyataannya ini`), or stand alone
# as, the thing said.
# What follows `hal itu` when the sentence says why, when or where it was said.
CIRCUMSTANCES = frozenset(
    """untuk guna demi sebagai saat ketika sewaktu tatkala usai seusai setelah sesudah
    sebelum selepas seraya sambil sembari dalam di pada kepada kala menanggapi merespons
    menjawab terkait menyusul lewat melalui""".split()
)
# Words that end the stretch where a noun-headed span shows its predicate.
_PHRASE_BREAKS = frozenset(
    "yang untuk dalam terhadap kepada bagi tentang terkait mengenai soal atas".split()
)
_VERB_PREFIXES = ("mem", "men", "meng", "meny", "me", "ber", "di", "ter")
# Derived words that are not predicates.
_NOT_VERBS = frozenset(
    """tersebut termasuk terutama terkait terhadap terakhir bersama berbagai beberapa
    melalui menurut menjelang mengenai berdasarkan berikut dirinya meski""".split()
)
# Verbs of saying proper: what follows them is nearly always the clause said, so a noun
# head may carry a relative clause (`keputusan MK yang … membuka peluang`).
SAYING_VERBS = frozenset(
    """mengatakan menuturkan menjelaskan mengungkapkan menerangkan menambahkan berkata
    berujar""".split()
)
# Before a cue verb: it was not said (`tidak`, `belum`, `enggan`) or only wished for; and the
# modal and aspect words that may stand between (`belum bersedia menyebutkan`).
NEGATIONS = frozenset(
    "tidak tak tidaklah belum bukan enggan menolak urung tanpa jangan menginginkan".split()
)
MODAL_WORDS = frozenset(
    """pernah bersedia bisa dapat mau ingin mampu sempat berani sudi hendak juga lagi
    pula secara gamblang terang rinci spesifik detail langsung sama sekali""".split()
)
NEGATION_REACH = 4  # words before the cue searched for a negation
# Verbs of judging take a small clause with an adjective for predicate (`menilai
# elektabilitas Anies rendah`), so only the listed and nominalised nouns head a topic.
JUDGING_VERBS = frozenset(
    "menilai menganggap memandang berpendapat menduga memperkirakan menyimpulkan".split()
)
SHARE_UNITS = [["persen"], ["kursi"], ["suara"]]
REQUEST_REACH = 10  # words after a request verb searched for `agar`/`untuk`
PREDICATE_REACH = 16  # words after a noun head searched for its predicate
TOKEN_REACH = 32  # tokens of a span read (the tests need its first PREDICATE_REACH words)


def is_reported_clause(verb: str, span: str, introduced: bool) -> bool:
    """Does ``span``, after ``verb``, report what was said?

    ``introduced``: a comma, colon or `bahwa` stood between the verb and the span.
    """
    if introduced:
        return True
    words = _leading_words(span)
    if not words:
        return False
    first = words[0]
    if _about_the_speaking(words):
        return False
    if verb in JUDGING_VERBS and first in _VERDICTS:
        return False  # `menilai positif putusan MK itu`: how it was judged, not what was said
    if verb in TOPIC_VERBS and first in _NEGATED and len(words) > 2 and _nominalised_verb(words[1]):
        return False  # `menyinggung tidak disertainya naskah akademis`: a negated verb made a noun
    if first in SUBJECT_WORDS or first in CONJUNCTIONS or first in PREDICATE_WORDS:
        return True
    if verb in REQUEST_VERBS and any(
        w in ("agar", "supaya", "untuk") for w in words[1:REQUEST_REACH]
    ):
        return True
    if verb in TOPIC_VERBS:
        return False
    possessed = first.endswith("nya") or (  # `dukungannya`, `rencana mereka`
        len(words) > 1 and words[1] in POSSESSORS
    )
    if not (possessed or _noun_head(first, verb not in JUDGING_VERBS)):
        return True  # `KPU hanya mengeluarkan …`, `Ganjar sosok yang tegas`
    head = []
    breaks = SUBORDINATORS if verb in SAYING_VERBS else _PHRASE_BREAKS | SUBORDINATORS
    for word in words[1:PREDICATE_REACH]:
        if word in breaks:
            break
        head.append(word)
    if any(w in PREDICATE_WORDS for w in head) or _share(head):
        return True  # `keputusan MK sudah final`, `elektabilitas Prabowo 37,5 persen`
    return not possessed and any(_verb(w) for w in head)  # `isu itu diikuti banyak orang`


_NEGATED = frozenset("tidak tak belum".split())
_VERDICTS = frozenset("positif negatif".split())


def _nominalised_verb(word: str) -> bool:
    """`disertainya`, `adanya`, `terpenuhinya`: a verb made a noun by `-nya`."""
    if not word.endswith("nya") or len(word) < 6:
        return False
    return word.startswith(("di", "ter", "ber")) or word[:-3] in ("ada", "hadir")


def is_unsaid(before: str) -> bool:
    """``before`` ends right before a cue verb: does it deny or only wish the speaking?"""
    for word in reversed(before.split()[-NEGATION_REACH:]):
        folded = word.casefold()
        if folded in NEGATIONS:
            return True
        if folded not in MODAL_WORDS:
            return False
    return False


def _leading_words(span: str) -> list[str]:
    """The span's first :data:`PREDICATE_REACH` words, folded and without punctuation
    (all that the tests read), and at most the words of a few more tokens."""
    tokens = span.split(None, TOKEN_REACH)
    words = [w for w in map(_folded, tokens[:TOKEN_REACH]) if w]
    if len(tokens) > TOKEN_REACH and len(words) < PREDICATE_REACH:
        words = [w for w in map(_folded, span.split()) if w]
    if words:
        words[0] = words[0].casefold()
    return words


def _folded(token: str) -> str:
    """A token without punctuation, folded unless capitalised: after the span's first word
    a capital marks a name (`Kebayoran Baru`), whose words are no predicate."""
    word = token.strip(",.;:()\"'“”")
    return word if word[:1].isupper() else word.casefold()


def _share(words: list[str]) -> bool:
    """A figure for predicate: `37,5 persen`, `40%`, `120 kursi` (not a date or a year)."""
    return any(
        w[:1].isdigit() and (w.endswith("%") or words[at + 1 : at + 2] in SHARE_UNITS)
        for at, w in enumerate(words)
    )


def _noun_head(word: str, derived: bool = True) -> bool:
    """A noun that heads a topic: listed, nominalised, or (``derived``) a root with `-an`
    or an abstract loan."""
    if word in NOUN_HEADS or _NOMINALISATION.fullmatch(word):
        return True
    if not derived:
        return False
    if _LOAN_NOUN.fullmatch(word):
        return True
    return word.endswith("an") and len(word) > 5 and word[:-2] in dictionary_words()


def _about_the_speaking(words: list[str]) -> bool:
    """`hal itu untuk merespons …`, `itu sebagai tanggapan …`: why or when it was said."""
    for at, word in enumerate(words[:3]):
        if word in DEMONSTRATIVES:
            said = all(_said_noun(w) for w in words[:at])
            return said and at + 1 < len(words) and words[at + 1] in CIRCUMSTANCES
    return False


def _said_noun(word: str) -> bool:
    return word in SAID_NOUNS or (word.endswith("nya") and word[:-3] in SAID_NOUNS)


def _verb(word: str) -> bool:
    """A derived verb (`mengeluarkan`, `dibahas`), not a root that looks like one (`media`)."""
    return (
        len(word) > 4
        and word.startswith(_VERB_PREFIXES)
        and word not in _NOT_VERBS
        and word not in dictionary_words()
    )
