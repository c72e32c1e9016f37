"""Building blocks of the synthetic news corpus used by ``benchmarks/make_corpus.py``.

* :mod:`.lexicon`: hand-written lists (outlets, actors, speakers, cue verbs, terms, titles).
* :mod:`.vocab`: word and bigram frequencies learned from ``seeds/`` and ``../shared/corpus/``.
* :mod:`.article`: turns one random stream plus the vocabulary into one article record.
"""
