"""Topics: IPTC Media Topics with evidence.

``taxonomy`` is the vocabulary (``data/taxonomy.yaml``); ``rules`` loads and checks the user-editable
rule files (``data/rules/``); ``classifier`` scores a story against them and keeps provider subjects;
``ruletest`` runs each rule file's examples.
"""

from stream.topics.classifier import Evidence, Query, ScoredTopic, TopicResult, classify, compile_query
from stream.topics.rules import DEFAULT_RULES_DIR, RuleFile, check_rules, load_rules
from stream.topics.ruletest import run_examples
from stream.topics.taxonomy import COARSE_TOPICS, Taxonomy, Topic, load_taxonomy

__all__ = [
    "COARSE_TOPICS",
    "DEFAULT_RULES_DIR",
    "Evidence",
    "Query",
    "RuleFile",
    "ScoredTopic",
    "Taxonomy",
    "Topic",
    "TopicResult",
    "check_rules",
    "classify",
    "compile_query",
    "load_rules",
    "load_taxonomy",
    "run_examples",
]
