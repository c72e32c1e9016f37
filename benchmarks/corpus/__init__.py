"""Building blocks of the synthetic news corpus used by ``benchmarks/make_corpus.py``.

* :mod:`.lexicon`: hand-written lists (outlets, actors, speakers, cue verbs, terms, titles).
* :mod:`.vocab`: word and bigram frequencies learned from ``seeds/`` and ``../shared/corpus/``.
* :mod:`.profile`: article lengths and election-term frequencies of real coverage.
* :mod:`.article`: turns one random stream plus the vocabulary into one article record.
"""

# Bumped whenever the generator's output changes, so that benchmark corpora and the databases
# built from them are never silently reused across generator versions.
GENERATION = 2
