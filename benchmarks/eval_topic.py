"""Evaluate topic classification: rules alone, the learned model alone, and both, and measure their cost.

Run: ``make eval-topic`` (``python -m benchmarks.eval_topic``).

Two kinds of data, reported apart because they flatter differently:

* the project's own dev set (``benchmarks/data/devset/*.jsonl``, 459 stories in 12
  languages written for this project, gold coarse topics); the rules were tuned on it;
* public labelled news (``benchmarks/data/topics/eval.jsonl.gz``, made by
  ``make topic-model`` from the sources in ``benchmarks/data/topics/SOURCES.md``):
  each source's test split, and the sources or source languages held out of
  training entirely (the model file's header lists them; marked ``held-out``
  below). Nothing here was used to choose the model's settings.

For every (source, language) it prints coarse macro-F1 of rules, model and the
combination, and coverage (share of stories given at least one alert topic),
on the full text and on its first 110 characters (a short post or headline), and beside it ``any``: the
share given any IPTC topic, alert topic or not, which is the issue's measure ("share of stories with a
topic"). They differ by the stories the combination files only under lifestyle and leisure
(``medtop:10000000``, travel in SIB-200), which has no coarse alert topic: every Swahili and Hausa SIB-200
test story without an alert topic has that one. Then the pooled lines (all
public, held-out only, the training sources' test splits only) and the test splits' coverage, by which the
model's alone-threshold is chosen (``--threshold`` tries another without rebuilding the model).
Then the cost per ~2,000-character story of the topic stage with and without
the model (warm, then on wire-length stories of distinct text: :func:`fresh`, and once the process has
read about 800 other stories of never-repeated public text: :func:`steady`; that text (its stories as built) holds
148,329 distinct words in 667,332 tokens, as it prints), what
reading only the first :data:`~stream.topics.classifier.BODY_CHARS` characters of the body
changes (:func:`read_part`), and the model's resident memory. The cost part runs before the public set is
classified: the public texts pad the bench stories (:data:`benchmarks.corpus.PUBLIC`) and make the steady ones, and
once read they would sit in the caches (the fifth cost round below found the fresh and steady figures of earlier
rounds flattered so). ``--cost-only`` skips the public set.

Cost round of issue #13 (the topic stage at most 300 us per fresh 2 KB story, accuracy not to drop).
Medians of ``fresh(model(), 300)`` (rules alone / rules + model, us; each classify once per story, on
different stories) on this shared 2-core machine, each variant run 2-3 times back-to-back with the one
before it; only rows measured together compare, the machine's load moved the figures by up to 50%:

=====================================================================  ===============  =================
variant (cumulative unless "dropped")                                   rules            rules + model
=====================================================================  ===============  =================
before (46bc166), load ~0.5                                              611-659          1238-1364
PyStemmer: snowballstemmer's C stemmers, the same stems                  394-398          841-869
model: a new word's run built without own_features' tuple lists           332-343          696-719
  or a numpy array per word (array('q')), English rows once per word
reading the headline + first 1,200 body characters (BODY_CHARS)          198-210          459-490
  the same session, whole body (``--body-chars all``)                    307-310          652-662
  the same session, 1,000 characters                                     235-242          575-587
final, back-to-back at load 4-5: before (46bc166)                        618-643          1253-1307
final, back-to-back at load 4-5: whole body                              383-503          838-1165
final, back-to-back at load 4-5: shipped (1,200)                         270-316          649-762
final, back-to-back at load ~1.2: before (46bc166)                       510-585          993-1080
final, back-to-back at load ~1.2: shipped (1,200)                        241-264          564-634
=====================================================================  ===============  =================

``make eval-topic`` on the shipped stage, quiet machine: warm 48 us / 100 us (was 60 / 121), fresh
(600 stories) 193 us / 532 us. At a quiet time the rules alone are under the 300 us; rules + model
are not (issue #13 stays open on that).
Outputs with ``--body-chars all`` are identical to 46bc166's (every topic, score and evidence offset of
the dev set and 700 bench stories compared, with an uncommitted script); the stems were compared with
the pure-Python ones on 170,402 distinct words (dev set, public eval set, bench corpus, rule files) in
the six Snowball languages, also uncommitted; ``tests/unit/test_topics.py`` keeps that check on the dev
set's words.

The body's cut-off, every value tried (``python -m benchmarks.eval_topic --no-cost --body-chars N``;
own dev both / all public both / held-out both macro-F1): all 0.840 / 0.576 / 0.600; 1,500 0.840 / 0.576
/ 0.600; **1,200** 0.840 / 0.577 / 0.601; 1,100 0.837 / 0.577 / 0.601; 1,000 0.838 / 0.577 / 0.600; 700
0.842 / 0.578 / 0.599. 1,200 is the shortest that lowers neither the dev nor the held-out figure; the
held-out rows were looked at for that check (issue #13 asks that they do not drop), so their 0.601 is
no longer a figure nothing was chosen on. Few eval texts are that long (:func:`read_part` prints how
many: mostly ANT Arabic and Setswana news), so the check is weak; on the
bench corpus, whose stories are a written headline and lead padded with unrelated public sentences,
the cut keeps the written topic on every story and takes the other coarse topics per story from 0.67 to
0.24 (:func:`read_part`). A model capped at 200 tokens beside the 1,200 characters gave the same
figures (150 tokens: dev 0.839); not taken, the 1,200 characters are ~210 tokens anyway.

The cut-off was then turned off again (``BODY_CHARS = None``, the whole body read) by the lead's
regression check on event clustering: the events clusterer reads the story's topics (its ``t:`` terms
and the topic veto), and ECB+'s full-length English articles, never tuned on, clustered worse with
the cut (``python -m benchmarks.eval_events_ecb``: B-cubed F1 0.765 -> 0.742, mean of 10 orders 0.754 ->
0.746; bisected to this commit alone). No value was chosen on ECB+; the stage went back to what it
was. The stage's cost with the whole body is the "whole body" rows of the table above (about
650-840 us rules + model fresh, against 460-760 with the cut); ``--body-chars 1200`` still measures the
cut, and a deployment that clusters no events may set :data:`~stream.topics.classifier.BODY_CHARS`.

The model reads the lead (stop 31, :data:`~stream.topics.classifier.MODEL_TOKENS`): in the pipeline the model
now reads a story's first 150 tokens instead of the trainer's 250, while the rules still read the whole body
(the events clusterer's topics come mostly from them). Chosen on the training sources' test splits, where only
the long Setswana news reach 150 tokens (dikgang_tn both 0.332 / 0.382 / 0.367 at 250 / 150 / 100 tokens; every
other row and the own dev set unchanged); ITN events unchanged, ECB+ first order 0.743 / 0.744 / 0.742. Cost,
``python -m benchmarks.eval_topic --model-tokens N``, alternating 250 / 150 twice on a quiet machine:
fresh rules + model median 453 / 363, then 437 / 347 us (p95 677-685 / 508-566); steady 538 / 414, then 525 /
410 us. Still above the 300 us of issue #13; rules alone are 153-170 us of it.

The subword model (stop 42, :mod:`stream.topics.subwords`): ``--subwords none`` measures the word model alone.
Alternating the two in four processes on a quiet machine (``python -m benchmarks.eval_topic --cost-only
[--subwords none]``), rules + model medians: warm 173-184 / 326-331 us, fresh (bench corpus) 703-762 / 966-1,404
us, steady 728-792 / 986-1,528 us (the two high figures from a run while ``make lock`` installed packages); resident
92 / 125 MiB. Per story (scratch timers): the tokeniser ~85 us for 1,000 characters (one call over the text: a call
per word, even with every word's tokens kept, cost more: 307 us per story cold, 74 warm), the sum ~15 us, and the
evidence of each model topic added ~40-80 us. Accuracy (``--no-cost``), word model alone -> with the subword model:
held-out rules + model 0.633 -> 0.660, model 0.614 -> 0.648; test splits 0.630 -> 0.642; own dev set 0.859 -> 0.862;
with the combination's own relative cut-off (0.7, ``stream/build/topic_subwords.py``) 0.663 / 0.649, 0.645, 0.863.
At the stop's last code commit (7636afc), the same alternation on a quiet machine (load 0.2): warm 179-193 / 326-345
us, fresh 725-815 / 1,078-1,428 us, steady 748-816 / 1,019-1,080 us, resident 91-92 / 125 MiB.
Stop 43: the subword model tokenises only the first 1,500 characters (cut at a space) when they hold its 256
tokens, which a wire story's do (``SubwordModel._first_pieces``; scratch checks: the same ids on 28,125 texts, and
topics, probabilities and evidence unchanged on 4,533). The ``of which the subword model's scores`` line, alternating
a893f99 and the change twice on a quiet machine: median 168-169 -> 121-122 us, p95 230-232 -> 145-147 us; the
whole stage's fresh median moved within its noise (1,061-1,118 against 1,067-1,107 us).
Stop 44: the vocabulary and the translation table are packed into arrays (:mod:`stream.topics.packed`: the keys'
UTF-8 bytes, their sorted hashes indexed by their top bits, exact answers) and the word cache holds 98,304 words
instead of 65,536. The resident line: 124-125 -> 75-80 MiB (six runs); the word cache line (added then) gives
~16 MiB more when the cache is full (at 2**17 words ~21 MiB, which could pass the 100 MiB budget; a scratch script
found ~96 MiB resident in all at 2**17 after 20,000 bench stories, against ~139 MiB before). Cost at 352cccd (the
2**17 cache), alternating with 66fec05 twice (``--cost-only``): the machine was noisy that day (rules alone, unchanged, moved 351-526 us between runs), fresh
rules + model 1,622 / 1,851 -> 1,378 / 1,640 us, steady 1,294 / 1,679 -> 1,461 / 1,227 us, no change the noise
lets one read. In one process (a scratch script, stories in sequence as a worker reads them, the two indexes
interleaved): ``FeatureIndex.found`` with the same cache, dicts 325 against packed 375 us median (a binary search
of all the hashes, before the bucket index, cost 575 against 708; one search per table instead of one per kind of
key took a further ~30 us); with the packed tables and a 2**17 cache, 320-327 against 267 us on 6,000 stories (new
words made 179,281 -> 87,368); with the shipped 98,304 words, 333 against 311 us (new words 115,408). The lookups
then became a Python loop over ``array.array`` items (a dozen NumPy calls per search had been the fixed cost):
with the same cache dicts 269 against packed 284 us. ``--cost-only`` at that commit, alternating 66fec05 / the
change / 66fec05 on a quieter machine: warm rules + model 321 / 354 / 363 us, fresh 1,037 / 1,108 / 1,558, steady
1,207 / 1,144 / 1,129; resident 124 / 82 / 124 MiB.

Dropped, with uncommitted code, so their figures are not reproducible by a committed command:

* a table of runs for every vocabulary word (108,324), built at load: only 32% of a fresh story's new
  words are vocabulary words; FeatureIndex.found on fresh stories 256 -> 239 us, +7.6 MiB resident
  (77 -> 84.6), +0.26 s load;
* float16 weights gathered, then widened (the same sums): cold gather 40-43 us -> 45-49 us;
* rules: skipping the automaton for words whose first letters start no key: 0.76 -> 0.90 us per new
  word (every language's matcher has short and Arabic keys, so few words skip it);
* model: a story's new words looked up together through ``map``: found() on fresh stories 187-397 us
  before, 192-398 after (five pairs), no gain seen;
* model: a sorted array of the hashes of every word with a word id, word feature or exact translation
  (and of every stem with a stem feature or stem translation), searched for all of a story's new words
  at once, so that most of them skip three dict lookups: found() 240-262 us against 217-239 us for the
  current code in the same process (interleaved), slower;
* model: looking up only the adjacent pairs whose two words both start a pair (37% of them) instead of
  all: found() 381-411 us against 386-415 us with the CPU caches flushed between stories, ~1%.

Where the rest goes (uncommitted timers around each step, quiet machine, per story with the model): the model's
new words ~165-200 us (~45 distinct new words of ~160, 3-4.5 us each, most of it lookups into the
225,334-entry vocabulary and the 106,250-entry translation table of the model then shipped from cold memory), the rest of
FeatureIndex.found ~100 us, the weights' gather ~30-40 us; the rules' scan ~150 us (new words ~85 us),
their scoring ~50 us.

Fourth cost round (branch tcost4, from 75f8439), output-identical changes only: every topic, score, evidence
offset, model probability and found row of 3,559 stories (2,000 bench stories with their language and 300 without,
800 public texts in 43 languages, the dev set) compared with 75f8439's, and ``--no-cost`` prints the same rows.
Where the time went first (timers around each step, fresh flow, rules + model ~410 us at load ~1): the rules'
scan ~160 us (its new words' candidate terms ~70, later words of multi-word terms ~20), their scoring ~40, the
model's new words ~85 (30 per story; their lookups ~45, Snowball stems and their lookups ~18, making their runs
~20), the rest of ``found`` and the gather ~50. Kept:

* rules, the token after a multi-word term's first word: a term whose second word is exact, a prefix or a suffix
  matches only a token that holds its form (starts with it, or, for Arabic and Hebrew, ends with a part that
  does), so ``Term.after`` drops the others before the scan makes their cache key or matches them; of 52,300
  multi-word checks in the fresh run's 1,200 stories, 22,600 go (stems are left alone: Snowball may change a
  word's first letter);
* rules, a two-word term's second word, unless peeled, is matched directly (``Term.second``): stems are cached
  per word already, and the cache of later words cost more than asking again;
* rules, a new word's candidates verified in a loop instead of a generator per automaton key;
* rules, the keys that must start a token are put in the automaton behind a sentinel that ``starting_at`` puts
  before the token, so that they are no longer found (and dropped) inside words: 30,500 of a fresh run's 44,000
  automaton hits were such;
* model, a one-hash Bloom filter (1 MiB, built at load key by key, +~0.1 s load, resident unchanged at 88 MiB)
  of every word with an id, a word feature or its own table entry and every stem with a stem feature or a ``~``
  entry: over half of a fresh story's new words are none, and their three lookups (0.35-0.7 us each, cold) are
  skipped; the bit test itself costs ~0.3 us a word (it reads cold memory too), so the gain is small;
* model, the weights' rows gathered with ``take`` (a third of fancy indexing's cost, ~1 us).

In-process A/Bs (uncommitted scripts in ``/work/scratch/tcost4``; each story run by both variants, order
alternating; an A/A run differs by ~1 us): the rules' scan (``scan_ab.py``, 75f8439's ``Matcher`` methods against
the branch's) fresh median 110 -> 87 and 111 -> 89 us, steady 130 -> 102 and 126 -> 98 us, and with 75f8439's
whole ``rules`` module loaded beside the branch's (``scan_ab2.py``, its own terms and caches) fresh 135 -> 113 and
124 -> 102, steady 144 -> 115 and 136 -> 108; the model's ``guesses`` (``guess_ab.py``, 75f8439's
``FeatureIndex`` against the branch's, after the rules have run) fresh 143 -> 142 and 141 -> 141 us, steady
211 -> 204 and 217 -> 212 us. Whole stage, fresh processes alternating
75f8439 and the branch (``ab_cpu.sh``: the ``fresh`` and ``steady`` flows below, each story timed by thread CPU
time; load 1-2, the other engineer's jobs moving single runs by up to 40%), six pairs with 75f8439 first, then
six with the branch first, medians of the per-pair differences: fresh rules -25 / -12 us (medians of both halves
~223 -> ~201), rules + model -22 / -10 (~419 -> ~397), steady rules -20 / -26 (~172 -> ~150), rules + model -40 /
-50 (~497 -> ~458).
``python -m benchmarks.eval_topic`` alternated with 75f8439 three times at load 0.3-1.2, before the last three
rules changes: fresh rules 156 / 158 / 152 -> 139 / 143 / 136 us, rules + model 350 / 358 / 347 -> 317 / 324 /
311, steady rules + model 400 / 405 / 379 -> 364 / 360 / 357; at load 1-2 later the same command's runs moved
by more than the change (fresh rules + model 324-371 us for 75f8439, 330-433 for the branch, in six runs each).
Final, the same command at load ~1, three pairs with 75f8439 first, then three with the branch first (fresh rules +
model, 75f8439 -> branch): 351 -> 334, 352 -> 345, 320 -> 317, 328 -> 354, 362 -> 327, 322 -> 310 us (median of
the differences -10); steady rules + model 413 -> 394, 397 -> 392, 372 -> 387, 371 -> 407, 466 -> 371, 390 -> 356
(-12); fresh rules alone -2.5. Smaller than in the flows above: here the public set has been classified first,
so the caches already hold most words, and the new-word work this round cut is a smaller part of each story.
The 300 us of issue #13 are still not reached on fresh stories; the rest is per new word (a fresh story brings
~30 new words to the model and ~44 to the rules; their lookups read cold memory), the per-token cache lookups
(the rules' are 11% of the stage after the public set, by py-spy) and per-story glue of a few us in many places.

Dropped (uncommitted code): a cache of stems (first five letters) holding their ``p`` row and ``~`` entry (only
40% of a fresh story's long new words have a stem seen before; in-process replay of the fresh run's new words
slower, 64 -> 67 us per story's batch); every run packed in one array and sliced (1.70 -> 1.69 us a word, no
gain); the filter tested with numpy for the whole batch (30 words: 3.7 -> 4.4 us warm, 4.7 -> 5.6 cold);
only the new words' places filled in ``_fill`` instead of every token looked up again (``guesses`` 2-5 us
slower); ``dataclasses.replace`` in ``_add_model_topics`` replaced by naming every field (1 us a story, and a field
added later would be dropped silently); each word pattern's test made once as a closure for its mode (an exact
word's ``str.__eq__``; 63 -> 23 ns a call alone, but the scan 1-4 us slower in ``scan_ab2.py``, whose A/A runs
differ by up to 3 us); a smaller cache of the rules' per-word answers (``_START_CACHE`` 2**15 instead of 2**18:
after the public set, its lookups are 11% of the stage by py-spy, but in the same order as ``eval_topic`` fresh
rules + model 329 / 331 against 325 / 344 us, steady 412 / 408 against 379 / 383: the misses cost more).
Not done: the weights widened to float32 at load (the same sums, gather + sum 8.3 -> 5.6 us a story) for +8 MiB
of the 100 MiB budget; pruning (no feature's largest weight is below 0.1, and every table entry's English word
has rows: nothing negligible to prune without changing outputs); a first-letter test for stemmed second words
(it would drop 21,000 of 24,000 failing checks, but Snowball rewrites ä, á, ё... so no test is sound).

After the merge (stop 32, quiet machine, ``python -m benchmarks.eval_topic`` alternating with the stop's start
392e777, four pairs, two in each order): fresh rules + model 311 / 387 / 342 / 316 us against 359 / 479 / 388 /
360; steady 361 / 431 / 392 / 363 against 419 / 493 / 439 / 385; warm 102 against 109-111; fresh rules alone
135-174 against 159-221. The first pair ran while another process was finishing and is the noisiest. The
tokenizer's own gain (one regex split, 109 -> 101-104 us, the tokens column of ``benchmarks.region_cost``) is outside these
figures: the worker tokenises once for both stages and the topic stage is timed from the tokens.

Fifth cost round (branch tcost5, from 1f4dd71). Outputs identical: every topic, score, evidence offset, model
probability and found row of the same 3,559 stories as the fourth round compared with 1f4dd71's (uncommitted script).
Where a fresh story's time goes, on words new to the process (uncommitted timers and replays, ``fresh`` flow without
the public set first): the model makes ~25 new words a story in ~115 us (4.6 us a word; the same words replayed with
warm CPU caches 2.1 us: the rest is reading cold memory, one or two filter bytes and up to six dict probes a word);
44% of them are Snowball-stemmed for a ``^`` unit and 16% of those find one. The rules work out ~41 new words a
story, 89% of which start no term (1.1 us a word warm, ~2 in the stage).

Found: the default run classifies the public set first, whose texts pad the bench stories and are the steady ones, so
its fresh and steady figures never were of words new to the process: the rules keep 2**18 words per language and held
the public set's (1f4dd71's fresh rules alone 135-180 us in the default runs below, 172-242 with ``--cost-only``);
the model kept 2**16 words over all languages and cleared them all when full, every ~1,000 stories of a worker.
Added ``--cost-only`` (the dev set and the cost part only), whose fresh and steady stories meet no text read before.

Measured and not taken: the model's word cache (``_WORD_CACHE``) 2**16 -> 2**18 words, as the rules keep per
language. New words the model makes per rules + model story (medians, uncommitted counter around ``_entries``): default
run fresh 30 -> 0, steady 62 -> 0 (means 36 -> 3, 63 -> 5); ``--cost-only`` fresh 22 -> 22, steady 55 -> 31. The
cache costs ~145 bytes a word (key, run, slot), ~38 MiB when full against ~9.5 MiB: with the model's 88 MiB of tables
over the issue's 100 MiB, so reverted at the merge (the steady gain below is what it would buy).

After the merge the default run measures the cost before it reads the public set (``--cost-only`` still skips it), so
its fresh and steady figures are of text new to the process, as ``--cost-only``'s are.

Kept after the merge (stop 34): the model's word cache in two generations of ``_WORD_CACHE`` / 2 words
(``FeatureIndex._fill``): when the current one is full it becomes the one before and the one before is dropped, so
a word read since the last turn comes back without being made again; at most as many words are kept as before.
New words the model makes per rules + model story (``--cost-only``; the line ``eval_topic`` prints under each timed
block since this review, from ``FeatureIndex.made``; first counted with the uncommitted counter above): fresh 22 ->
22, steady median 55 -> 44.5 (mean 58.5 -> 49.6). Times, ``python -m benchmarks.eval_topic --cost-only`` alternating
340f45e and the change, four pairs (base first, change first, base first, change first), load 1.3-1.5, rules + model
medians in us, base -> change: fresh 364 -> 392, 394 -> 382, 381 -> 333, 368 -> 372; steady 434 -> 483, 434 -> 400,
409 -> 402, 426 -> 417; warm 96-99 both. The steady gain is within this machine's noise in three pairs of four and
reversed in the first; the fewer words made are what it is kept for.

A/B, each command alternating 1f4dd71's code (with this ``eval_topic.py``) and the branch in fresh processes, four
pairs (base first, branch first, base first, branch first), twice: at load 2-3.5 (the other engineer's CI and Kafka
broker), then at load 0.7-1.35; medians in us, base -> branch per pair:

* ``python -m benchmarks.eval_topic``: fresh rules + model 333 -> 228, 337 -> 230, 313 -> 230, 353 -> 251, then
  392 -> 238, 352 -> 276, 336 -> 234, 355 -> 231; steady 371 -> 191, 419 -> 219, 396 -> 198, 445 -> 212, then
  441 -> 208, 399 -> 223, 382 -> 195, 410 -> 201; warm 101-104 -> 97-99; fresh rules alone 135-180 -> 136-168. The
  fresh and steady drops are the public set's words now kept, not a cheaper new word: under 300 us here, but not on
  words new to the process;
* ``python -m benchmarks.eval_topic --cost-only``: fresh rules + model 460 -> 331, 332 -> 373, 414 -> 429, 337 -> 396,
  then 423 -> 418, 370 -> 362, 349 -> 342, 370 -> 363 (no change expected, none beyond the load's); steady 463 -> 351,
  410 -> 372, 504 -> 350, 423 -> 399, then 484 -> 427, 429 -> 395, 430 -> 387, 416 -> 388; warm 96-99 both.

Fresh rules + model on words new to the process stays at ~340-420 us (``--cost-only``, load ~1), above the 300 us of
issue #13 (rules alone ~175-230 us of it, the model ~165-195): most of both is their new words' cold reads above.

Stop 35, real agency files (tests/fixtures/iptc through the whole pipeline): two English rule terms matched a word
they were not written for, found only there. Economy's "shipping" stemmed to "ship" (AP's Costa Concordia stories
got economy from "cruise ship") and is now exact; civil unrest's "demonstrators" stems as "demonstration" does, so
one "a demonstration of what can be achieved" (the Tour Down Under anti-doping story) counted twice and passed the
threshold; "demonstrators" and "demonstrator" are now exact. ``python -m benchmarks.eval_topic --no-cost``, rules
alone / both: Wikinews en test 0.476 / 0.708 -> 0.478 / 0.709, WCEP 0.491 / 0.700 -> 0.493 / 0.701, own dev set
0.859 / 0.855 unchanged, test splits 0.259 / 0.630 -> 0.260 / 0.630 (the held-out rows read after the choice).
The rule files hold 111 such pairs of stem-equal terms (crime's "arrest" and "arrested", civil unrest's "protest"
and "protesters" ...), whose double count their weights and thresholds were tuned with; counting a token once per
file everywhere (uncommitted) moved the public rows both ways (WCEP both +0.005, Wikinews fa -0.018, test splits
0.630 -> 0.630, own dev 0.855 -> 0.857) and cut the rules-alone coverage of the English public rows (Wikinews en
0.41 -> 0.36, WCEP 0.51 -> 0.44), so only the two pairs that misread a real file were changed.

Stop 35: the timed flows run rules + model on every story of the first half, as a worker does, then rules alone
on the second (:func:`_time_once`); they had alternated, so the model met every other story only and made the
skipped stories' words again (fresh: 22 new words a story against 19 now). ``python -m benchmarks.eval_topic
--cost-only``, three pairs alternating the two flows in fresh processes (load ~1, two helpers running), medians in
us, alternating -> worker flow: fresh rules + model 369 / 387 / 405 -> 391 / 369 / 375, steady 425 / 408 / 438 ->
440 / 458 / 426; rules alone fresh 191 / 203 / 213 -> 171 / 156 / 155 (now timed after the first half has warmed
the rules' caches). The stage's figure does not move: the model's fewer new words are paid back by the rules meeting
the first half's stories colder than in the alternating flow, where every timed story came later. Still above the
300 us of issue #13.

Dropped (uncommitted code): ``_fill`` filling the gaps of the looked-up runs in place instead of looking every token
up again (in-process A/B against 1f4dd71's ``FeatureIndex`` after the rules, as the fourth round's ``guess_ab.py``:
fresh 137.8 -> 135.5 and 142.4 -> 141.7 us, steady 212.8 -> 215.1 and 216.4 -> 219.7 us; no gain: the pass that
finds the new words already pays the cold reads of the cached runs that the join would pay). Not tried, by count:
skipping the rules' second cache probe for a new word (the probe is warm by then, ~0.1 us, and a word repeated in
the story would be worked out again: 8% of new-word occurrences); a per-language stem dict instead of ``stem``'s
``lru_cache`` (~8 calls a fresh story, ~2 us); the model's evidence (7 of 600 fresh rules + model stories make any).

Stop 36, stemmed terms that also match frequent words of another meaning. A real agency file (ANA-MPA's English
labour-market release, "Wage employment balance positive in Jan-March ... grew in March") had civil unrest as its
only topic: "March" the month has the stem of "march" and "marched". ``python -m benchmarks.rule_stems`` (``make
rule-stems``) lists, per language, each stemmed single-word term with the wordfreq words it matches that are about as
frequent as the term or more; read by hand, 92 terms in en, fr, es and ru were written as exact forms where those
words mean something else: en imports/important, author/authorities, premiere/Premier, executions/executive,
final/finally, boxing/boxes, hail/hailed, opposition/opposite, hospitals/hospitality, shelling/Shell,
mobilization/mobile, physics/physical, recession/recess, earnings/earned, protest/Protestant; fr
importations/important, parlement/parle, opéra/opération, série/sera, réalisateur/réalisé, tennis/tenir,
finale/finalement, attaquant/attaque, blanchiment/blanche, traité/traitement, foi/foyer, tirs/tirer,
manifestation/manifeste; es importaciones/importante, periodista/periodo, partido/parte, deportación/deportes,
misa/mis, ordenador/orden, atentado/atento, índice/indica, alud/alude, junta/junto, manifestación/manifestó; ru
грузы/Грузии, долг/долго, забил/забыл, учения/ученые, бои/боюсь, ранены/ранее, премьера/премьер, корь/Корея,
колония/колонна, открытие/открыто, выборы/выбор. Each exact form keeps the score the stemmed terms gave it (the sum
where stem-equal terms both matched: French "manifestants" 2.0 + "manifestation" 2.0), so only the other words
lose their match (the bare "march" is gone: a month is no march). German was not changed: an exact form would lose
the compound heads a stem matches (Verfassungsrichter, Außenhandel). Seven rule-file examples fail on the old terms.
``python -m benchmarks.eval_topic --no-cost``, rules alone / both: own dev set 0.859 / 0.855 -> 0.861 / 0.856 (ru
0.845 / 0.838 -> 0.851 / 0.843, en 0.849 / 0.874 -> 0.851 / 0.876; science 0.871 -> 0.881, economy 0.841 ->
0.845 both); test splits: WCEP 0.493 / 0.702 -> 0.492 / 0.703, Wikinews es 0.558 / 0.833 -> 0.557 / 0.835, en 0.476
/ 0.708 -> 0.475 / 0.707, SIB-200 en 0.335 / 0.826 -> 0.329 / 0.823 (one sentence the rules had right through
"physical" and "remains"), es 0.281 / 0.811 -> 0.277 / 0.814. Chosen on the rule
files' reading and those rows; the held-out rows were read once, after.

German, where an exact form would lose compound heads, got a rule instead: a term written with a capital (a noun) matches
a small token only when that is an adjective made from it (its stem, then -lich, -isch, -ig, -haft, -bar or -sam:
wirtschaftlichen, olympischen), never a verb Snowball stems alike (gewinnen/Gewinn, gebeten/Gebet, handeln/Handel,
richtet/Richter, verbunden/Verbündete, vertrieben/Vertriebene). ``python -m benchmarks.eval_topic --no-cost``: every
row of the own dev set and the test splits unchanged (the first version, without the adjective exception, lost four
SIB-200 de rule topics on adjectives); kept for the misreads it removes (an economy rule example fails without it).

The exact forms above first went in as one term per form, and the scorer counts each distinct term in full (only a
term's repeats are damped, ``weight * (1 + 0.5 ln count)``), so a story with several forms of one word scored higher
than before. The rule language now writes one exact word as its forms, ``"=import|imports|imported|importing"``: one
term, its forms' hits one term's repeats (forms that kept different weights are one term per weight). The en, fr, es
and ru rows above are unchanged by the merge. The same round for the languages whose terms match a word and a few more
letters (``python -m benchmarks.rule_stems --lang tr uk ar fa``: every suffix or prefix term with the words of Zipf 3
or more it also matches): Turkish gösteri (a demonstration) had matched gösteriyor (shows), din (religion) dinlemek
(to listen), cami (mosque) camiası (community: "futbol camiası"), opera operasyon, roman Romanya, sergi sergiledi,
uydu uydurma, hisse hissediyorum, belirti belirtildi, Fed Federasyon, hakim hakimiyet, kazı Kazım; Ukrainian наступ*
(an offensive) наступного (next), опер* операції; Arabic فن فندق (hotel), طبي طبيعي (natural), دين دينار (dinar),
جامع جامعة (university), الحج الحجم (size), التنس التنسيق, نمو نموذج, علم علما, العملة عمله (his work); Persian حج
حجم, محرم محرمانه, اپرا اپراتور, گل گلوله (bullet), بدهی بدهید; negative terms where a prefix is the whole false
family (uk газет* -0.5 under газ*, прибутт* under прибут*, судячи under суд; fa جنگل under armed conflict's جنگ, as
war had). ``python -m benchmarks.eval_topic --no-cost`` against the merged state before it: own dev set tr 0.871 /
0.858 -> 0.892 / 0.879 (rules / both; three police "operasyon" stories no longer culture), culture 0.878 -> 0.911 both,
macro 0.856 -> 0.859 both; test splits: SIB-200 tr rules 0.307 -> 0.301 (both 0.771 unchanged), every other row
unchanged (uk, ar, fa included). Five rule-file examples fail on the old terms.

Measured and not taken (stop 36): per-topic offsets on the model's biases, chosen by coordinate ascent (steps -1 to
+0.5) on the training sources' test splits (12,988 stories; the held-out rows were not read), rules + model pooled
macro-F1 with coverage kept at 0.95 or more (uncommitted script). Free on all 15 topics: 0.630 -> 0.644 (crime -0.5,
disaster -0.75, economy -0.5, health -0.25, politics +0.25, society -1.0, conflict -1.5, international relations
-1.5), but mostly by pushing down conflict and international relations, which only WCEP labels, so the Wikinews and
SIB-200 rows count them as errors: on the own dev set (wire-like stories in 12 languages) the model alone fell 0.599
-> 0.559 (conflict recall 0.281 -> 0.156) and rules + model stayed 0.859, politics 0.782 -> 0.739. With conflict,
international relations and politics held at 0: 0.630 -> 0.637 (crime -0.5, disaster -0.75, economy -0.5, health
-0.25, society -1.0), coverage 0.955 -> 0.954; own dev both 0.859 -> 0.861 but model alone 0.599 -> 0.593, and
per language both ways (es 0.820 -> 0.840, hy 0.814 -> 0.844, fa 0.832 -> 0.787, ka 0.866 -> 0.817). A gain of this
size, learnt from the eval sources' label mix and mixed on wire-like stories, did not justify a new model file.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from stream.story import Story
from stream.text.normalize import TokenStream
from stream.topics import classifier
from stream.topics import model as topic_model
from stream.topics.classifier import classify
from stream.topics.model import TopicModel, load
from stream.topics.subwords import ARTIFACT as SUBWORDS
from stream.topics.subwords import load as load_subwords
from stream.topics.taxonomy import COARSE_TOPICS, load_taxonomy

__all__ = ["main"]

DEVSET = Path(__file__).parent / "data" / "devset"
EVALSET = Path(__file__).parent / "data" / "topics" / "eval.jsonl.gz"
CORE = ("en", "fr", "ar", "ru", "tr")
SHORT = 110  # characters: the median Arabic news post the independent measurement used
MODES = ("rules", "model", "both")

Counts = dict[str, list[int]]  # coarse topic -> [tp, fp, fn]


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _macro(counts: Counts) -> float:
    f1s = [_f1(*counts[t])[2] for t in COARSE_TOPICS if counts[t][0] + counts[t][2]]
    return sum(f1s) / len(f1s) if f1s else 0.0


def _new() -> Counts:
    return {t: [0, 0, 0] for t in COARSE_TOPICS}


def _add(counts: Counts, gold: set[str], pred: set[str]) -> None:
    for topic in COARSE_TOPICS:
        if topic in gold and topic in pred:
            counts[topic][0] += 1
        elif topic in pred:
            counts[topic][1] += 1
        elif topic in gold:
            counts[topic][2] += 1


def _predict(story: Story, lang: str, mode: str, model: TopicModel) -> set[str]:
    if mode == "model":
        taxonomy = load_taxonomy()
        found = (taxonomy.get(t.code) for t in model.predict(TokenStream.of(story.text), story.text, lang=lang))
        return {t.coarse for t in found if t is not None and t.coarse}
    return classify(story, lang, model=model if mode == "both" else None).coarse()


def _best(run: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best * 1e6


def _jsonl(paths: Iterable[Path]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for path in paths:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as fh:
            rows.extend(json.loads(line) for line in fh if line.strip())
    return rows


def dev_set(model: TopicModel) -> list[tuple[Story, str]]:
    rows = _jsonl(sorted(DEVSET.glob("*.jsonl")))
    print(f"== own dev set: {len(rows)} stories, {DEVSET} (rules were tuned on it)")
    total = {m: _new() for m in MODES}
    by_lang: dict[str, dict[str, Counts]] = defaultdict(lambda: {m: _new() for m in MODES})
    stories: list[tuple[Story, str]] = []
    for row in rows:
        lang = str(row["language"])
        story = Story(id=str(row["id"]), headline=str(row.get("headline", "")), body=str(row.get("body", "")))
        stories.append((story, lang))
        gold = set(row.get("topics", []))  # type: ignore[call-overload]
        for mode in MODES:
            pred = _predict(story, lang, mode, model)
            _add(total[mode], gold, pred)
            _add(by_lang[lang][mode], gold, pred)
    print(f"{'topic':22} " + " ".join(f"{m + ' P/R/F1':>20}" for m in MODES))
    for topic in COARSE_TOPICS:
        cells = []
        for mode in MODES:
            p, r, f = _f1(*total[mode][topic])
            cells.append(f"{p:6.3f} {r:6.3f} {f:6.3f}")
        print(f"{topic:22} " + " ".join(f"{c:>20}" for c in cells))
    print(f"{'macro-F1':22} " + " ".join(f"{_macro(total[m]):>20.3f}" for m in MODES))
    core = {m: {t: [sum(by_lang[lg][m][t][i] for lg in CORE) for i in range(3)] for t in COARSE_TOPICS} for m in MODES}
    print(f"{'macro-F1 core (' + ' '.join(CORE) + ')':22} " + " ".join(f"{_macro(core[m]):>8.3f}" for m in MODES))
    for lang in sorted(by_lang):
        print(f"  {lang}: " + "  ".join(f"{m} {_macro(by_lang[lang][m]):.3f}" for m in MODES))
    return stories


def public_set(model: TopicModel, evalset: Path = EVALSET, *, per_label: bool = False) -> None:
    if not evalset.exists():
        print(f"== public set: {evalset} missing (make topic-model writes it)")
        return
    rows = _jsonl([evalset])
    held = {str(h) for h in model.header.get("held_out", [])}
    taxonomy = load_taxonomy()
    print(f"\n== public labelled news: {len(rows)} stories, {evalset}")
    print(
        "   macro-F1 over coarse topics; cov = share with an alert topic; any = share with any IPTC topic (both);"
        " short = first 110 characters"
    )
    groups: dict[tuple[str, str], list[dict[str, object]]] = defaultdict(list)
    for row in rows:
        groups[(str(row["source"]), str(row["lang"]))].append(row)
    header = f"{'source':18} {'lang':6} {'n':>5} {'kind':9} " + " ".join(f"{m:>6}" for m in MODES)
    header += (
        "  " + " ".join(f"{'cov ' + m:>10}" for m in MODES) + f" {'short both':>10} {'short cov':>9} {'any':>5} {'short any':>9}"
    )
    print(header)
    pooled = {m: _new() for m in (*MODES, "short")}
    held_pool = {m: _new() for m in (*MODES, "short")}
    test_pool = {m: _new() for m in (*MODES, "short")}
    test_stories = test_covered = 0  # the training sources' test splits: where the alone-threshold is chosen
    for (source, lang), items in sorted(groups.items()):
        counts = {m: _new() for m in (*MODES, "short")}
        covered = dict.fromkeys((*MODES, "short"), 0)
        anything = dict.fromkeys(("both", "short"), 0)  # stories given any topic, an alert topic or not
        is_held = source in held or f"{source}:{lang}" in held
        for row in items:
            code = str(row["label"])
            topic = taxonomy.get(code)
            coarse = topic.coarse if topic else None
            if coarse is None:
                continue
            text = str(row["text"])
            story = Story(id="e", headline="", body=text)
            short = Story(id="s", headline="", body=text[:SHORT])
            for mode in (*MODES, "short"):
                target = short if mode == "short" else story
                if mode in anything:  # rules + model: one classification gives both coverages
                    result = classify(target, lang, model=model)
                    pred = result.coarse()
                    anything[mode] += bool(result.topics)
                else:
                    pred = _predict(target, lang, mode, model)
                _add(counts[mode], {coarse}, pred)
                _add(pooled[mode], {coarse}, pred)
                if is_held:
                    _add(held_pool[mode], {coarse}, pred)
                else:
                    _add(test_pool[mode], {coarse}, pred)
                covered[mode] += bool(pred)
        n = sum(counts["both"][t][0] + counts["both"][t][2] for t in COARSE_TOPICS)
        if not n:
            continue
        kind = "held-out" if is_held else "test"
        if not is_held:
            test_stories += n
            test_covered += covered["both"]
        line = f"{source:18} {lang:6} {n:5d} {kind:9} " + " ".join(f"{_macro(counts[m]):6.3f}" for m in MODES)
        line += "  " + " ".join(f"{covered[m] / n:10.2f}" for m in MODES)
        line += f" {_macro(counts['short']):10.3f} {covered['short'] / n:9.2f} {anything['both'] / n:5.2f} {anything['short'] / n:9.2f}"
        print(line)
    for name, pool in (("all public", pooled), ("held-out only", held_pool), ("test splits only", test_pool)):
        print(f"{name:34} " + " ".join(f"{_macro(pool[m]):6.3f}" for m in MODES) + f"   short both {_macro(pool['short']):.3f}")
    if test_stories:
        print(
            f"coverage (both) of the training sources' test splits: {test_covered / test_stories:.3f} of {test_stories} "
            f"stories at the alone-threshold {model.threshold:g} (stream/build/topic_model.py THRESHOLD picks it by this line)"
        )
    if per_label:
        # Where the held-out errors are: a topic predicted too often (low P) or missed (low R).
        print(f"\nheld-out only, per topic {'gold':>5} " + " ".join(f"{m + ' P/R/F1':>20}" for m in MODES))
        for label in COARSE_TOPICS:
            gold = held_pool["both"][label][0] + held_pool["both"][label][2]
            cells = " ".join(f"{' '.join(f'{v:.3f}' for v in _f1(*held_pool[m][label])):>20}" for m in MODES)
            print(f"  {label:22} {gold:5d} {cells}")


def cost(stories: list[tuple[Story, str]], model: TopicModel) -> None:
    long: list[tuple[Story, str]] = []
    for story, lang in stories:
        body = story.body
        while len(body) < 1900 and body:
            body = body + "\n" + body
        long.append((Story(id="c", headline=story.headline, body=body[:2000]), lang))
    for story, lang in long[:50]:
        classify(story, lang, model=model)  # warm caches: automata, stems, per-word candidates
    # Best of three per story: the machine is shared, and a preemption would otherwise dominate the tail.
    rules: list[float] = []
    both: list[float] = []
    for story, lang in long:
        stream = TokenStream.of(story.text)
        rules.append(_best(lambda: classify(story, lang, stream=stream)))  # noqa: B023 - called before the loop moves on
        both.append(_best(lambda: classify(story, lang, stream=stream, model=model)))  # noqa: B023
    avg = statistics.mean(len(s.text) for s, _ in long)
    print(f"\n== cost of the topic stage per story (~{avg:.0f} chars, shared TokenStream as in the worker, best of 3)")
    for name, times in (("rules", rules), ("rules + model", both)):
        times.sort()
        print(f"  {name:14} median {statistics.median(times):5.0f} us, p95 {times[int(len(times) * 0.95)]:5.0f} us")
    fresh(model)
    steady(model)
    word_cache(model)
    read_part(model, stories)


def _time_once(items: list[tuple[Story, str]], model: TopicModel) -> None:
    """Classify each story once and print the medians and p95s: rules + model on the first half (each story
    through both, as the worker does), then rules alone on the second half.

    The model's word cache sees the stream a worker's would: every story before the timed one. (Until stop 35
    the two ran on alternate stories, so the model met only every other story, made the words of the skipped
    ones again and was timed colder than any worker runs it.) The rules alone run after, on caches that have
    read the first half too: their figure is the rules' cost a little later in a worker's life."""
    runs: dict[str, list[float]] = {"rules + model": [], "rules": []}
    made: list[int] = []  # words the model had not met before and made, per rules + model story
    half = len(items) // 2
    for i, (story, lang) in enumerate(items):
        stream = TokenStream.of(story.text)
        with_model = i < half
        before = model.index.made
        start = time.perf_counter()
        classify(story, lang, stream=stream, model=model if with_model else None)
        runs["rules + model" if with_model else "rules"].append((time.perf_counter() - start) * 1e6)
        if with_model:
            made.append(model.index.made - before)
    for name in ("rules", "rules + model"):
        times = sorted(runs[name])
        print(f"  {name:14} median {statistics.median(times):5.0f} us, p95 {times[int(len(times) * 0.95)]:5.0f} us")
    if made:
        print(
            f"  new words the model made per rules + model story: median {statistics.median(made):g}, mean {statistics.mean(made):.1f}"
        )


def fresh(model: TopicModel, n: int = 600) -> None:
    """Cost on wire-length stories of distinct text, each classified once.

    The figure above is a warm one: a short story repeated to 2,000 characters holds few distinct
    words, and the best of three runs finds every word's stem and model rows cached. A wire story
    brings words the process has not seen, and stemming them and looking up their rows is most of
    the stage. Here the bench corpus (:mod:`benchmarks.corpus`: 2,000 characters, 12 languages, padded
    with public sentences) is classified once per story after 100 stories of warm-up: rules + model on the
    first half, as the worker runs them, then rules alone on the second (see :func:`_time_once`)."""
    from benchmarks.corpus import stories as bench_stories

    items = []
    for s in bench_stories(100 + 2 * n, seed=5):
        d = json.loads(s.raw)
        items.append((Story(id=d["id"], headline=d["headline"], body=d["body"]), s.language))
    for story, lang in items[:100]:
        classify(story, lang, model=model)
    print(f"== the same on {n} wire-length stories of distinct text (bench corpus), each classified once")
    _time_once(items[100:], model)
    sub = model.subwords
    if sub is not None:  # its part of the above: tokenising (most of it) and the table sum, best of 3
        read = [story.text for story, lang in items[100:] if sub.reads(lang)]
        times = sorted(_best(lambda: sub.scores(text)) for text in read)  # noqa: B023 - called before the loop moves on
        print(
            f"  of which the subword model's scores: median {statistics.median(times):5.0f} us, "
            f"p95 {times[int(len(times) * 0.95)]:5.0f} us ({len(read)} stories in its languages, best of 3)"
        )


def steady(model: TopicModel, evalset: Path = EVALSET, n: int = 600) -> None:
    """Cost on wire-length stories once the process has read a stream for a while (no text repeated).

    :func:`fresh` warms up on 100 stories, so most words of each timed story are new to the process: a
    worker's first minute. A worker that has read for a while has most of a story's words in its caches
    (bounded: :data:`stream.topics.model._WORD_CACHE` words, the matcher's per-word answers) and meets
    only the rare ones for the first time. Here every public text of ``evalset`` is used once: texts of a
    language are joined into stories of about 2,000 characters (the first text's first 120 characters as
    the headline), the stories are shuffled as a wire would interleave them, all but the last ``2 * n``
    are classified as warm-up (about 1,200 stories: six minutes of a worker at 200 stories a second), and
    the last ``2 * n`` are timed once each, rules + model on the first half, rules alone on the second. Each
    story's text is seen once, so no figure comes from a repeat."""
    import random

    by_lang: dict[str, list[str]] = defaultdict(list)
    for row in _jsonl([evalset]):
        by_lang[str(row["lang"])].append(str(row["text"]))
    items: list[tuple[Story, str]] = []
    for lang, texts in sorted(by_lang.items()):
        parts: list[str] = []
        for text in texts:
            parts.append(text)
            if sum(len(t) for t in parts) >= 2000:
                headline, body = parts[0][:120], " ".join([parts[0][120:], *parts[1:]]).strip()
                items.append((Story(id=f"steady-{len(items)}", headline=headline, body=body[:1900]), lang))
                parts = []
    random.Random(7).shuffle(items)
    warm, timed = items[: -2 * n], items[-2 * n :]
    for story, lang in warm:
        classify(story, lang, model=model)
    words: set[str] = set()
    tokens = 0
    for story, _ in items:
        texts = TokenStream.of(story.text).texts
        words.update(texts)
        tokens += len(texts)
    print(
        f"== steady state: {len(timed)} wire-length stories of public text never seen before, after {len(warm)} "
        f"others ({len(by_lang)} languages; {len(words):,} distinct words in {tokens:,} tokens), each classified once"
    )
    _time_once(timed, model)


def word_cache(model: TopicModel) -> None:
    """The model's per-word cache after the cost runs: words held and their bytes (keys, runs, dict slots), and
    that per word times the cache's bound, which is what a long-running worker holds."""
    index = model.index
    kept = [*index._by_lang.values(), *index._old.values()]
    words = sum(map(len, kept))
    size = sum(sys.getsizeof(d) + sum(sys.getsizeof(k) + sys.getsizeof(v) for k, v in d.items()) for d in kept)
    bound = topic_model._WORD_CACHE
    per_word = size / max(words, 1)
    print(
        f"  word cache after these runs: {words:,} words, {size / 2**20:.1f} MiB ({per_word:.0f} bytes a word); "
        f"full ({bound:,} words) ~{per_word * bound / 2**20:.0f} MiB beside the resident figure above"
    )


# The coarse topics each kind of bench story is written about (benchmarks/corpus.py TOPIC_SHARES).
_WRITTEN = {
    "caucasus": {"conflict", "diplomacy"},
    "disaster": {"disaster"},
    "terror": {"conflict", "crime"},
    "economy": {"economy"},
    "sport": {"sport"},
}


def read_part(model: TopicModel, dev: list[tuple[Story, str]], n: int = 600) -> None:
    """What the body's cut-off (:data:`~stream.topics.classifier.BODY_CHARS`) changes: on the bench corpus's
    wire-length stories (a written headline and lead padded with unrelated public sentences), the share
    whose written topic is found and the other coarse topics per story, reading the whole body and reading
    its first ``BODY_CHARS`` characters; on both sets, how many stories' topic codes differ."""
    from benchmarks.corpus import stories as bench_stories

    shipped = classifier.BODY_CHARS
    cut = shipped if shipped is not None else classifier.MEASURED_BODY_CHARS
    wire = []
    written = []
    for s in bench_stories(n, seed=5):
        d = json.loads(s.raw)
        wire.append((Story(id=d["id"], headline=d["headline"], body=d["body"]), s.language))
        written.append(_WRITTEN[s.topic])
    print(f"== reading all of the body against its first {cut} characters")
    if EVALSET.exists():
        texts = [str(row["text"]) for row in _jsonl([EVALSET])]
        print(f"  public set: {sum(len(t) > cut for t in texts)} of {len(texts)} texts are longer than {cut} characters")
    for name, items in (("bench corpus", wire), ("own dev set", dev)):
        changed = 0
        found = {None: 0, cut: 0}
        other = {None: 0, cut: 0}
        for i, (story, lang) in enumerate(items):
            codes = {}
            for limit in (None, cut):
                classifier.BODY_CHARS = limit
                result = classify(story, lang, model=model)
                codes[limit] = result.codes
                if name == "bench corpus":
                    found[limit] += bool(result.coarse() & written[i])
                    other[limit] += len(result.coarse() - written[i])
            changed += codes[None] != codes[cut]
        classifier.BODY_CHARS = shipped
        longer = sum(len(story.body) > cut for story, _ in items)
        line = f"  {name}: {longer} of {len(items)} bodies are longer; topic codes differ on {changed} stories"
        if name == "bench corpus":
            line += "; written topic found " + ", ".join(f"{found[x] / len(items):.2f} ({x or 'all'} chars)" for x in (None, cut))
            line += "; other coarse topics per story " + ", ".join(
                f"{other[x] / len(items):.2f} ({x or 'all'} chars)" for x in (None, cut)
            )
        print(line)


def _resident_mib(path: Path, subwords: Path | None) -> float:
    def rss() -> float:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

    before = rss()
    kept = load(path).with_subwords(load_subwords(subwords) if subwords else None)
    grown = rss() - before
    del kept
    return grown


def main(argv: list[str] | None = None) -> int:
    import argparse

    from stream.topics.model import ARTIFACT

    parser = argparse.ArgumentParser(prog="python -m benchmarks.eval_topic", description=__doc__.splitlines()[0])
    parser.add_argument("model", nargs="?", type=Path, default=ARTIFACT, help="model file (default: the shipped one)")
    parser.add_argument(
        "--evalset", type=Path, default=EVALSET, help="public evaluation file (python -m stream.build.topic_model --evalset)"
    )
    parser.add_argument("--no-cost", action="store_true", help="skip the cost measurement")
    parser.add_argument(
        "--cost-only",
        action="store_true",
        help="the dev set and the cost part only (the public set, classified after the cost part, is skipped)",
    )
    parser.add_argument("--threshold", type=float, help="the model's threshold without rule topics (default: its header's)")
    parser.add_argument(
        "--relative", type=float, help="share of the best model topic's probability a further one needs (default: its header's)"
    )
    parser.add_argument("--per-label", action="store_true", help="also print P/R/F1 per topic on the held-out rows")
    parser.add_argument(
        "--body-chars",
        type=lambda v: None if v == "all" else int(v),
        default=classifier.BODY_CHARS,
        help=f"characters of a story's body the topic stage reads ('all' or a number; shipped: {classifier.BODY_CHARS})",
    )
    parser.add_argument(
        "--model-tokens",
        type=int,
        default=classifier.MODEL_TOKENS,
        help=f"tokens of a story the model reads in the topic stage (shipped: {classifier.MODEL_TOKENS})",
    )
    parser.add_argument(
        "--subwords",
        default=str(SUBWORDS),
        help="subword model file combined with the model ('none': the word model alone; default: the shipped one)",
    )
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    subwords = None if args.subwords == "none" else Path(args.subwords)
    classifier.BODY_CHARS = args.body_chars
    classifier.MODEL_TOKENS = args.model_tokens
    path = args.model
    resident = _resident_mib(path, subwords)
    model = load(path).with_subwords(load_subwords(subwords) if subwords else None)
    head = model.header
    if args.threshold is not None:
        head["threshold"] = args.threshold
    if args.relative is not None:
        head["relative_cutoff"] = args.relative
        if model.subwords is not None:  # the share a story read by both models uses
            model.subwords.header["relative_cutoff"] = args.relative
    print(f"topic stage reads the headline and {args.body_chars or 'all'} characters of the body")
    print(
        f"model {path.name}: {len(model.topics)} topics, {head['features']:,} features, {path.stat().st_size / 2**20:.1f} MB, "
        f"subwords {subwords.name if subwords else 'none'}, "
        f"~{resident:.0f} MiB resident; trained on {', '.join(head['trained_on'])}; held out {', '.join(head['held_out']) or '-'}"
    )
    stories = dev_set(model)
    # Cost first: the public set's texts pad the fresh stories and make the steady ones, so once classified they
    # would be in the caches and the figures no longer of text new to the process.
    if not args.no_cost:
        cost(stories, model)
    if not args.cost_only:
        public_set(model, args.evalset, per_label=args.per_label)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
