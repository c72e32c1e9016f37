"""The stemmer's speed-ups give exactly the stems Sastrawi gives on its own."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from importlib import resources

from reader.text.sastrawi import MAX_PATTERNS, CompiledOnce, word_stemmer
from reader.text.stem import TABLE_FILE

PREFIXES = ("", "me", "mem", "men", "meng", "meny", "ber", "di", "ke", "pe", "pem", "pen", "per", "se", "ter")
SUFFIXES = ("", "i", "an", "kan", "nya", "lah", "kah", "pun", "annya", "kannya")


def _affixed_words(limit: int) -> list[str]:
    """Affixed forms of Sastrawi's own root words, most of them not in the bundled table."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    roots = sorted(StemmerFactory().get_words())[::97]
    words = [p + root + s for root in roots if root.isalpha() for p in PREFIXES for s in SUFFIXES]
    return words[::7][:limit]


def test_every_bundled_stem_is_what_the_compiled_stemmer_gives() -> None:
    # The bundled table holds plain Sastrawi's result for 20,000 frequent words.
    text = resources.files("reader.text").joinpath(TABLE_FILE).read_text("utf-8")
    stem_word = word_stemmer()
    pairs = [line.split(" ") for line in text.splitlines() if line and not line.startswith("#")]
    differing = [(p[0], stem_word(p[0]) or p[0]) for p in pairs if (stem_word(p[0]) or p[0]) != p[-1]]
    assert len(pairs) > 19_000
    assert differing == []


def test_rare_words_stem_as_plain_sastrawi_stems_them() -> None:
    words = _affixed_words(3000)
    # Plain Sastrawi in a fresh process: the compiled stemmer changes the shared modules.
    code = (
        "import json, sys\n"
        "from Sastrawi.Stemmer.StemmerFactory import StemmerFactory\n"
        "stem = StemmerFactory().create_stemmer().delegatedStemmer.stem_word\n"
        "print(json.dumps([stem(w) for w in json.loads(sys.stdin.read())]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], input=json.dumps(words), capture_output=True, text=True, timeout=120
    )
    plain = json.loads(done.stdout)
    stem_word = word_stemmer()
    assert len(words) == 3000
    assert [stem_word(w) for w in words] == plain
    assert sum(a != b for a, b in zip(words, plain, strict=True)) > 1000  # real stripping was tested


def test_compiled_patterns_behave_as_re_and_stay_bounded() -> None:
    shim = CompiledOnce()
    for word, part in (("mengatakan", "kata"), ("kakak", "ka"), ("", "x"), ("abc", "")):
        assert shim.sub(part, "", word, count=1) == re.sub(part, "", word, count=1)
        assert shim.sub(part, "-", word) == re.sub(part, "-", word)
    assert shim.sub(r"(is|kan|an)$", "", "mengatakan", count=1) == "mengata"
    assert shim.match(r"^ber([aiueo].*)$", "berlari") is None
    assert shim.match(r"^ber([aiueo].*)$", "berusaha").group(1) == "usaha"  # type: ignore[union-attr]
    for n in range(MAX_PATTERNS + 100):
        assert shim.match(rf"^x{n}(.*)$", f"x{n}yz").group(1) == "yz"  # type: ignore[union-attr]
    assert len(shim.patterns) <= MAX_PATTERNS
