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
  (`dukungan`, `pernyataan`, `pentingnya`) and shows no predicate before the first
  `yang` or preposition (`-nya` nouns need a predicate word, not just a verb); after
  verbs of saying proper (`mengatakan`) the predicate may come after a `yang` clause.
"""

from __future__ import annotations

import re

from reader.extract.lexicon import dictionary_words

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
    visi misi peran hal soal""".split()
)
_NOMINALISATION = re.compile(r"(?:ke|pe|per|pen|pem|peng|peny)[a-z]{3,}an")
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
REQUEST_REACH = 10  # words after a request verb searched for `agar`/`untuk`
PREDICATE_REACH = 16  # words after a noun head searched for its predicate


def is_reported_clause(verb: str, span: str, introduced: bool) -> bool:
    """Does ``span``, after ``verb``, report what was said?

    ``introduced``: a comma, colon or `bahwa` stood between the verb and the span.
    """
    if introduced:
        return True
    words = [w.strip(",.;:()\"'“”").casefold() for w in span.split()]
    words = [w for w in words if w]
    if not words:
        return False
    first = words[0]
    if first in SUBJECT_WORDS or first in CONJUNCTIONS or first in PREDICATE_WORDS:
        return True
    if verb in REQUEST_VERBS and any(
        w in ("agar", "supaya", "untuk") for w in words[1:REQUEST_REACH]
    ):
        return True
    if verb in TOPIC_VERBS:
        return False
    possessed = first.endswith("nya")  # `dukungannya`, `pentingnya`
    if not (possessed or first in NOUN_HEADS or _NOMINALISATION.fullmatch(first)):
        return True  # `KPU hanya mengeluarkan …`, `Ganjar sosok yang tegas`
    head = []
    breaks = frozenset() if verb in SAYING_VERBS else _PHRASE_BREAKS
    for word in words[1:PREDICATE_REACH]:
        if word in breaks:
            break
        head.append(word)
    if any(w in PREDICATE_WORDS for w in head):
        return True  # `keputusan MK sudah final`
    return not possessed and any(_verb(w) for w in head)  # `isu itu diikuti banyak orang`


def _verb(word: str) -> bool:
    """A derived verb (`mengeluarkan`, `dibahas`), not a root that looks like one (`media`)."""
    return (
        len(word) > 4
        and word.startswith(_VERB_PREFIXES)
        and word not in _NOT_VERBS
        and word not in dictionary_words()
    )
