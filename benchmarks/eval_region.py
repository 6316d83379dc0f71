"""Evaluate geotagging on the dev set (``make eval-region``).

Run from the repository root::

    python -m benchmarks.eval_region [--data DIR] [--errors N] [--public-dev-errors N]

Reads every ``*.jsonl`` of each data set (one story per line with gold
``countries``, ``focus_country`` and ``focus_region``; the held-out set also has
``relevant``) and prints, per set, country precision/recall/F1 (micro overall,
micro and macro by language) for all countries and for the relevant ones
(output ``relevant: true``, every country when the flag is absent, against gold ``relevant``), focus country and focus
region accuracy; then gazetteer load time and memory, and the median and p95
cost per ~2,000-character story after load. The held-out set
(``benchmarks/data/heldout``) is never tuned on: it is its own row.

Then the public set (:mod:`benchmarks.public_places`: Wikipedia "Portal:Current events" events labelled
by their story-line heading's country, never tuned on) when its file exists: ``$WIREWATCH_WCEP_PLACES``,
else the committed ``benchmarks/data/places/wcep_places.jsonl.gz``. Its labels name one country an event
is about, not all it names, so it prints recall of that country (among the story's countries, among the
relevant ones), focus accuracy, and precision only as a lower bound on the events whose text names no
other country; never its per-story errors (``--errors`` covers the self-written sets only).

Before it, the **public dev** row: the same figures on ``benchmarks/data/places/wcep_places_dev.jsonl.gz``
(``$WIREWATCH_WCEP_PLACES_DEV``), drawn by the same rules from the candidates sharing no story-line heading
with any test event (:func:`benchmarks.public_places.dev_split`). That one is for tuning: ``--public-dev-errors
N`` prints up to N of its misses (label not found, focus wrong or null, other countries found on events
whose text names none), with the scores. No option prints the test row's events.

Tuning record, issue #17 (second round). Every change was chosen on the public dev row's misses (and the
self-written dev set), kept only if public dev improved, the self-written dev set did not drop (F1, focus)
and the held-out and public-test *totals* did not fall (their errors were never printed). Figures are
public dev found / focus / precision bound; public test the same; self-written dev F1 / focus.

=================================================  ===================  ===================  ============
change                                             public dev           public test          dev
=================================================  ===================  ===================  ============
start (split built)                                0.870 0.793 0.854    0.858 0.769 0.817    0.975 0.887
unit / title / institution after a place is no     0.873 0.797 0.854    0.869 0.784 0.818    unchanged
surname ("Kyiv Oblast", "Texas Senator")
English demonyms for every state (curated) (a)     0.895 0.818 0.854    0.882 0.797 0.815    unchanged
"US$", "HK$": a currency, not a place              0.895 0.821 0.867    0.882 0.800 0.821    unchanged
demonym before a capitalised title is no first     0.896 0.821 0.867    0.883 0.801 0.821    unchanged
name; OAS / Inter-American are organisations
ISO 3166-2 names also without marks / article      0.898 0.825 0.867    0.886 0.803 0.821    0.975 0.889
(Parwan, Suwayda, Kakheti)
single-state legislatures and forces as metonyms   0.903 0.829 0.868    0.887 0.804 0.821    unchanged
(Bundestag, Tatmadaw, Riigikogu)
South/Central/North America shadow "America"       0.903 0.829 0.869    unchanged            unchanged
compass word before a name is no subdivision       0.903 0.830 0.872    0.887 0.804 0.826    unchanged
("in North Kosovo", "Central Jakarta")
third round (branch focus3):
"Palestine", "State of Palestine" and their       0.904 0.832 0.872    0.889 0.803 0.826    unchanged
forms in 9 languages (curated country_names) (b)
an ambiguous country name opening a sentence is    0.906 0.833 0.872    0.891 0.805 0.826    unchanged
the story's country when the story has no other
place evidence and no other reading ("Jordan
reports ...", "Turkey's regulator ...")
national agencies, offices and parties one state   0.910 0.837 0.873    0.892 0.807 0.826    unchanged
alone has, full names (Food and Drug
Administration, Chancellor of the Exchequer,
Bundesbank, Mossad, Bharatiya Janata Party) (c)
the Houthis as a metonym of Yemen (7 languages)    0.912 0.839 0.873    0.893 0.809 0.826    unchanged
(d)
a subdivision named like a foreign town under      0.912 0.841 0.879    0.893 0.809 0.829    unchanged
1,000,000 (Ontario, CA / California; Bali,
ID / India) keeps its reading; both ambiguous
"Oxford-AstraZeneca" is an organisation name       0.912 0.842 0.882    0.893 0.809 0.831    unchanged
another language's country name before a           0.912 0.842 0.884    0.893 0.809 0.831    unchanged
surname is a person ("Mauricio Macri") (e)
"Red Sea" is a shared water, not Sudan's state     0.912 0.842 0.884    0.893 0.809 0.832    P .977->.978
(its extra Sudans were on events naming other
countries, outside the precision bound)
fourth round (branch focus4):
heads of state and government named in a story    0.929 0.859 0.885    0.908 0.825 0.835    unchanged
that names no place count for the country they
led, x0.5 ("President Rodrigo Duterte ...",
"Prime Minister Tom Thabane ..."; 1,209 full
names, surnames after a title) (f)
a leader's surname before "administration",        0.931 0.861 0.886    unchanged            unchanged
"government", "cabinet", "ministry", "era",
"regime" ("the Trump administration", "Obama-era")
party names (Party Facts, English and native       0.931 0.861 0.886    0.909 0.826 0.835    unchanged
scripts; 5,255 of one country each, one-word
names only with a rare word) count the same way
(g)
=================================================  ===================  ===================  ============

(a) The only total that fell (public-test precision bound): on public dev the new extra countries are right ones the lower bound counts
as wrong (Senegalese migrants, a Rwandan soldier), and the next change lifted it above the start.
The continents were first tried as region names: held-out focus region fell (0.947 -> 0.944), so they
became shadow-only names. Held-out ends at F1 0.968, focus 0.895 (from 0.966, 0.892).

(b) Public-test focus fell by one event (0.804 -> 0.803) while its recall rose (0.887 -> 0.889); kept
because the next row, built on it, ends every total at or above the round's start. The lone ambiguous
name was first tried in any position, not only opening a sentence: public dev the same (0.906 0.833),
public test 0.892 0.806, but held-out F1 fell (0.968 -> 0.967, precision 0.974 -> 0.972): dropped for
the sentence-opening form. A known false reading it admits: "Jordan scores 40 points" with no other
place in the story.

(c) First tried with their acronyms too (FBI, CIA, FDA, CDC, NASA, GOP, NHS, MI5, MI6, SPD, CDU, CSU, BJP,
FSB, IDF; in capitals only) and Home Office / Foreign Office: public dev 0.912 0.839 0.873, public test
0.892 0.807 0.826, but held-out F1 fell (0.968 -> 0.967) and its focus (0.895 -> 0.892), with or without
the two offices; the acronyms were left out (an agency named in passing, "with FBI help", is background).

(d) First tried with the Taliban for Afghanistan: public dev 0.912 0.839 0.871 (the "Pakistani Taliban"
named AF), then with "Pakistani Taliban" / "Tehrik-i-Taliban" as metonyms of Pakistan: public dev 0.912
0.839 0.873, public test 0.893 0.810 0.826 but its relevant precision bound fell (0.887 -> 0.886);
the Taliban were left out.

The subdivision row lifted held-out F1 to 0.969 (precision 0.974 -> 0.976); first-level subdivisions
only: public dev 0.912 0.841 0.878, public test 0.893 0.809 0.828; second-level ones too (Indonesian
provinces) is the row.

(e) Held-out F1 0.969 -> 0.970 (precision 0.976 -> 0.978); the artifact's name lists add 5 MiB. First
tried with a name's own languages including the country's official ones (then "Mauricio" was English
and French) and with every form: public dev 0.907 0.838, public test 0.891 0.807, self-written dev F1
0.974 ("Israeli", "Iraqi", "Philippine" are country names in other locales and became persons);
forms that are also demonyms, metonyms or abbreviations were left out of the lists.

(f) :mod:`stream.places.people`, built by :mod:`stream.build.people` (``make gazetteer``) from Wikipedia's
"List of state leaders in the 21st century" (August 2019) and every daily Wikidata/Wikipedia snapshot of
every-politician-scrapers/world-leaders-2021 (August 2021 - October 2022), office-holders from 2012 on.
Relevant recall rose with it (public dev 0.900 -> 0.917, public test 0.879 -> 0.894); held-out unchanged
(F1 0.970, focus 0.895): its stories all name a place. Load +9 ms, +2 MiB; the median cost is unchanged
(it runs only on stories with no place evidence). Tried and left out, on top of that first row: the leaders also
counted when the story names places, as a low-weight tie-break (x0.1 of a mention's position weight): public dev 0.931 0.858
0.883, public test 0.910 0.825 0.832, self-written dev focus 0.889 -> 0.887, held-out focus 0.895 -> 0.892;
at x0.3 the same except public dev focus 0.859 (a leader abroad pulls the focus from the place named).
With the rows below, leaders' and parties' names are the only evidence of 28 public dev events, the focus
right on 27 (the other: "Donald Trump's announcement" on a story labelled Mexico), and of 25 public test
events, right on 25 (the public rows print it: "countries from leaders' and parties' names alone").

(g) hdigital/partyfactsdata's ``import/wikipedia/wikidata.csv`` (MIT): one public dev event more right
("The CDU/CSU ... and SPD agree on a blueprint", DE; relevant recall 0.919 -> 0.920), public test relevant
0.894 -> 0.895. The leaders-and-parties list loads in ~25-35 ms (folded tokens stored in it), +4-6 MiB;
the load line reads 0.85-0.89 s against 0.69-0.77 s before the round on this shared machine. Tried first
and left out: every party name needing a word outside the 10,000-word lexicons (2,152 parties): no public
dev or test figure moved; three capitalised words or a rare one (4,032): the same ("CDU" is a frequent
German word); any name of two words or more with no article rule (5,274): the row's figures, but "The
Democrats" read as Italy and "The Liberals" as Greece, so a name is judged without its article. Known
false readings it keeps, on stories naming no place: "Rule of Law" (AM), "Pirate Party" (SE).
Also left out, on top of the party row: the leaders of 2026 for 28 G20 and ASEAN states from every
commit of open-data-archive/world-leaders-current@b06a144 (CC BY-SA 4.0; 34 names more: Keir Starmer,
Javier Milei, Claudia Sheinbaum, Friedrich Merz, Sanae Takaichi, and native-script forms such as
"नरेन्द्र मोदी"): public dev unchanged (0.931 0.861 0.886), so not kept, though the public test total
rose (0.910 0.827 0.836): it would be the list's update for stories after October 2022 (kept
in the fifth round for currency, row (h)). Each leader's
name also without diacritics ("Recep Tayyip Erdogan", "Sebastian Pinera"; 1,412 names): public dev
unchanged again, public test 0.910 0.827 0.836; not kept either.

Tried in the third round and left out (on top of the rows above): a lower city population floor. At
50,000 (14,890 places, +163 MiB instead of +114): public dev 0.907 0.834 0.866, public test 0.891 0.807
0.821, self-written dev F1 0.971 focus 0.880, held-out F1 0.964. At 15,000 (36,227 places, +262 MiB,
median cost 563 us): public dev 0.908 0.825 0.832, public test 0.892 0.803 0.793, dev F1 0.953 focus
0.874, held-out F1 0.959. Towns of 50,000-100,000 kept only as ambiguous names (counting with a
locative preposition, a trigger or their country named): public dev 0.905 0.834 0.873, public test
0.891 0.807 0.824, dev F1 0.974 focus 0.889, held-out F1 0.966 -- the towns' names also take forms
from ISO 3166-2 subdivisions (3,036 -> 2,720 subdivision forms), and dev and held-out fell.
Also left out, each measured on top of the Houthi row: a weight for a country name that opens the
story ("Ireland reports its first cases of the variant detected in India"), x1.5: public dev 0.912
0.840, public test 0.893 0.807, self-written dev focus 0.889 -> 0.887; x1.25: public dev 0.912 0.839,
public test 0.809, self-written dev focus 0.882. On top of the subdivision row: an ambiguous country
name opening a sentence as its own support even when other countries are named ("Jordan suspends
flights to the United Kingdom"): public dev 0.913 0.841 0.879, public test unchanged, held-out F1
0.969 -> 0.967; an organisation's country ("Reserve Bank of Australia") counted when the story names
no country at all: public dev 0.914 0.843 0.878, public test 0.893 0.810 0.828, but held-out F1
0.969 -> 0.961 and focus 0.895 -> 0.869 (a company story is about no country there). A demonym
before a leader's title ("Zambian President ...") weighed as a name (1.0, not 0.6): public dev 0.912
0.842, public test 0.893 0.809, self-written dev focus 0.889 -> 0.887. A country that only addresses
the city before it ("Christchurch, New Zealand", "Stockholm, Sweden") weighed x0: public dev 0.912
0.842, public test focus 0.809 -> 0.807; x0.5: public dev focus unchanged (0.841), its relevant
precision bound 0.914 -> 0.913. Every Latin country name that is not the story language's own
needing support like an ambiguous one ("Équateur" in English text): public dev unchanged, self-written
dev F1 0.975 -> 0.976, but held-out recall 0.962 -> 0.955 (F1 0.970 -> 0.967).

Tried and left out: a bonus (x1.5 or x2) for the country named first in the story (its grammatical
subject, "Ireland reports ... detected in India"): public dev focus +0.004, but the self-written dev
focus or the held-out focus region fell, and public-test relevant recall fell. Remaining misses on
public dev are mostly events that name no place at all ("Ben Carson suspends his campaign"), small
towns below the gazetteer's population floor (Sderot), label noise (the heading names a party, not the
place: "Gulf of Oman incident"), and other languages' country names read in English text as persons or
places ("Mauricio Macri" -> Mauritius, "Équateur" province -> Ecuador).

Fifth round (branch focus5), the same protocol; held-out F1 / focus in its own column. Before it: public
dev 0.931 0.861 0.886, public test 0.909 0.826 0.835, self-written dev 0.975 0.889, held-out 0.970 0.895.

=================================================  ===================  ===================  ===========  ===========
change                                             public dev           public test          dev          held-out
=================================================  ===================  ===================  ===========  ===========
the 2026 leaders of the G20 and ASEAN states       0.931 0.861 0.886    0.910 0.827 0.836    0.975 0.889  0.970 0.895
(open-data-archive/world-leaders-current@b06a144,
34 names: Keir Starmer, Andy Burnham, Friedrich
Merz, Sanae Takaichi, Javier Milei ...) (h)
"first / originally / initially detected          0.931 0.865 0.886    unchanged            unchanged    unchanged
(identified, discovered, sequenced, found) in
[the] X": where a thing came from, no locative
boost for X ("Ireland reports ... the variant
originally detected in India") (i)
*dropped*: a demonym before a force noun          0.931 0.866 0.886    0.910 0.828 0.836    0.975 0.889  0.970 0.895
(troops, soldiers, forces, army, military, navy,
air, personnel, warplanes, jets) is an actor,
x0.5 (j)
*dropped*: the same at x0.75 (j)                 0.931 0.867 0.886    0.910 0.828 0.836    0.975 0.889  0.970 0.895
*dropped*: a country reading of a name that an     0.931 0.867 0.886    0.910 0.829 0.836    0.969 0.885  0.967 0.895
address chain puts in another country ("X, Y,
Country") is left out (k)
=================================================  ===================  ===================  ===========  ===========

(h) Kept for currency, not for a figure: the list stopped at October 2022, and a wire processor running
in December 2026 has to know who leads the states it reads about. Public dev does not move (its events
are older); on public test leaders' and parties' names alone decide 26 events (from 25), all rightly. Every daily snapshot at
the pinned commit (16 May - 22 August 2026), English and local names; the EU and African Union entries
are skipped. 25 unique surnames more ("Prime Minister Takaichi", "Chancellor Merz").

The misses after (h), by kind (``--public-dev-errors N`` prints the counts, :data:`MISS_KINDS`): of 296
public dev events with an error, no country found 55, label not found but other countries found 38,
focus on another country 95 (18 of them tied at the top), and 108 with the label found and the focus
right but another country found on an event whose text names no other country. By cause, read on the
first 80 printed: another country that is right after all (a city's, a demonym's: "the Dutch city of
Utrecht", "Russian computers"), counted wrong only by the precision bound, 25; the text names no place
16 (6 of them name a party several countries have: "Labour Party", "Republican Party", "Congress
Party", "National Party"); a foreign actor outweighing the scene ("British military personnel arrive
in Somalia", "Japanese troops land in South Sudan") 8; a tie at the top where the first named is not
the label 7; a false place reading (a person "Anjo" as Anjō, "Eastern Province" as Sri Lanka's) 7; a
host, origin or second scene outweighing the subject ("Romania is expelled from ... Stockholm,
Sweden", "felt in Thailand, Bangladesh and India") 6; label noise (the heading names what the text
does not) 6; a place only inside an organisation's name (Bank of America, Manchester City) 3; a
missed demonym ("Bangladeshi bank officials") 1; Antarctica 1.

(i) The largest focus category is a country other than the label's taking the focus; among its causes
a general one with one reading: a place introduced as where something came from. Five events right
more (Ireland, Portugal, Fiji / India; Denmark / Brazil; Malaysia / South Africa), none lost. Tried:
the origin mention also weighed x0.5 or x0.25 beside losing the locative boost: the same figures on
every row, so the simpler rule (no extra weight) is kept. Its misses by kind after it: no country 55,
label not found 38, another country 90 (18 tied), extra countries only 108.

(j) The next cause by size, a foreign actor outweighing the scene ("British military personnel arrive in
Somalia", "Japanese troops land in South Sudan"). Public dev focus rose (0.865 -> 0.866 at x0.5, 0.867
at x0.75; its relevant precision bound 0.920 -> 0.921) and the self-written and held-out rows did not
move, but the public-test relevant recall total fell at both weights (0.896 -> 0.895; its relevant
precision bound rose, 0.895 -> 0.903 / 0.901): dropped under the protocol.

(k) Aimed at false readings ("in Marawi, Bangsamoro, Philippines" read as Malawi): it missed its case
("Bangsamoro" is no gazetteer name, so the chain broke) and hit lists of countries ("Qatar, Kuwait,
Saudi Arabia"), whose first members it dropped: self-written dev F1 0.975 -> 0.969, held-out F1 0.970 ->
0.967, public-test relevant precision bound 0.895 -> 0.894. Dropped at once.

Sixth round (branch focus), issue #17's focus target (focus right >= 0.90). The protocol changed: a change
is kept when public dev focus rises, the held-out focus does not fall and the self-written dev focus
does not fall by more than noise (one story); the public test row is printed once, at the round's end,
and chose nothing. Figures: public dev found / focus (events right of 1,357) / relevant precision bound;
self-written dev F1 / focus; held-out F1 / focus. Before it: public dev 0.931 0.865 (1174) 0.920,
self-written dev 0.975 0.889, held-out 0.970 0.895; public dev focus misses: another country 72, tied
at the top 18.

=================================================  ========================  ===========  ===========
change                                             public dev                dev          held-out
=================================================  ========================  ===========  ===========
"in" before an article or lower-case compass word  0.931 0.868 (1178) 0.921  0.975 0.887  0.970 0.895
still marks the scene ("in the United States",
"in northern Iraq", not "in the South China Sea")
(l)
a story without a headline weighs its first        0.931 0.870 (1181) 0.924  unchanged    unchanged
sentence as the headline (3, the rest of the lead
2; "U.S.", "Gen." end no sentence) (m)
a name read only as a country beside a             0.931 0.872 (1183) 0.925  unchanged    unchanged
subdivision noun names the subdivision ("Équateur
Province", "Province of Équateur"; province,
region, governorate, oblast, district,
prefecture, county) (n)
a surname after a first name in the body is the    0.931 0.873 (1184) 0.926  unchanged    unchanged
person when repeated alone, outside a locative
("Lloyd Austin ... accusing Austin of") (o)
a name hyphened to an attribute weighs x0.25       0.931 0.873 (1185) 0.929  unchanged    unchanged
("pro-Kremlin", "anti-American", "Saudi-led",
"Iranian-backed", "Chinese-made"; prefixes pro,
anti; suffixes led, backed, brokered, sponsored,
funded, supported, installed, allied, aligned,
armed, trained, owned, made, born) (p)
in English, a form that reads as a country's name  0.931 0.874 (1186) 0.929  0.975 0.889  unchanged
and as its demonym ("Israeli", "Iraqi", "Saudi",
"Yemeni", "Pakistani": names in other locales) is
the demonym (q)
in Latin script, a company word after a name       0.932 0.875 (1187) 0.929  unchanged    unchanged
opens an organisation's name only capitalised
("Bangladeshi bank officials" name Bangladesh,
"Qatar Airways" no place) (r)
*not kept*: "near X" marks the scene, as "in X"    0.932 0.874 (1186) 0.929  unchanged    unchanged
does
an abbreviation before a lower-case word weighs    0.932 0.876 (1188) 0.929  unchanged    unchanged
as a demonym ("U.S. envoy", "UK troops"; not
"U.S. House") (s)
a country in a list of three or more (commas,      0.932 0.877 (1190) 0.929  unchanged    unchanged
"and", "or"; Latin and Cyrillic) weighs x0.5,
unless the lists hold every place the story names
(t)
*not kept*: an English name right after "from"     0.932 0.876 (1189) 0.930  unchanged    unchanged
(an origin) x0.5; x0.75: 1190, no change
*not kept*: "across", "throughout", "inside",      0.932 0.877 (1190) 0.929  unchanged    unchanged
"within" before a name mark the scene: no figure
moved
*not kept*: a headline-less story's second         0.932 0.877 (1190) 0.928  unchanged    unchanged
sentence as its lead (2), the rest as the body
(1)
an English demonym before a lower-case organ of    0.932 0.878 (1192) 0.929  unchanged    unchanged
the state (court, police, government,
authorities, parliament, ministry, prosecutors,
judge, cabinet) weighs as the name (u)
*not kept*, weights scanned on top of (u):
LOCATIVE_WEIGHT 1.25 (1.5 kept)                    0.932 0.876 (1189) 0.928  0.975 0.887  0.970 0.895
LOCATIVE_WEIGHT 1.75                               0.932 0.877 (1190) 0.928  0.975 0.889  0.970 0.885
LOCATIVE_WEIGHT 2.0                                0.932 0.878 (1191) 0.928  0.975 0.885  0.970 0.882
demonym 0.5 (0.6 kept)                             0.932 0.880 (1194) 0.929  0.975 0.887  0.970 0.892
demonym 0.7                                        0.932 0.878 (1191) 0.928  0.975 0.891  0.970 0.895
SPEAKER_WEIGHT 0.6 (0.8 kept)                      0.932 0.877 (1190) 0.929  0.975 0.887  0.970 0.895
SPEAKER_WEIGHT 1.0                                 0.932 0.878 (1192) 0.929  0.975 0.887  0.970 0.895
=================================================  ========================  ===========  ===========

(l) Five public dev events right more (northwest Syria, northern Iraq, bankruptcy "in the United States"
beside "in Canada", a measles count "in the United States" beside "in Mexico", and "involvement in the
Iraq War", right for a poor reason: a war's name is read as its country), one lost ("the new variant ...
in the United Kingdom" took Oman's border closure). The self-written dev story lost is a dateline-only
focus on the edge (ISTANBUL at share 0.494 against the 0.5 floor once "in southern Iraq" counts as the
scene; the headline's "Istanbul Biennial" is read as a person's name, its real cause). German, Spanish
and French articles ("in der Türkei", "en el Líbano") in the skipped words moved no figure: left out.

(m) Every self-written story has a headline, so only headline-less stories (wire briefs, the portal's
events) change. Five public dev events right more (Fiji / Chinese influence, a court in Kyiv / a Russian
soldier, Chernihiv / Russian troops, Somalia / British personnel, Venezuelan government / "Voice of
America"), two lost (the drone strike "in northern Iraq" of row (l), whose first sentence names only the
United States; "In Osaka, Argentina, Brazil ... condemning the Venezuelan government"). Tried and left
out: the first sentence as the lead (2) and the rest as the body (1): 1180; the first sentence as the
headline for every headline rule too (pairs, hosts, a region named, relevance): 1177, and eight events
got a null focus ("Australia, New Zealand, Norway and Spain end their evacuation flights ... in Kabul").

(n) Two public dev events right more (Ebola and an outbreak in the Congolese province, both tied with
Ecuador before), none lost. First tried with "department" and "state" among the nouns: 1180, "the US
Department of Justice", "the Philippines Department of Health" and "the Federal State of Mexico" lost
their only country.

(o) One public dev event right more (Afghanistan, with Austin, Texas gone), none lost; one extra country
fewer. First tried from any person reading, headline included and without the sentence-start and
function-word checks: 1182, held-out F1 0.970 -> 0.967 and focus 0.895 -> 0.889 ("Paris Hilton
İstanbul'da ..." in a headline took İstanbul from the body; "An Arizona Air National Guard F-16", "The
Dubai Roads ..." lost their only place).

(p) One public dev event right more ("Ukrainian president ... denaturalizes pro-Kremlin politician ..."),
none lost. x0.5: the same focus, relevant precision bound 0.926 (x0.25 0.929, x0 the same as x0.25);
x0.75: 1184. With "controlled", "occupied", "held" among the suffixes too: the same focus, but "Houthi-
controlled Yemen" dropped Yemen from an event's relevant countries (relevant recall 0.920 -> 0.919): the
controller named so is often the place's own side.

(q) Public dev: three right more (Israeli strikes on Yemen twice, the Osaka statement on Venezuela), two
lost ("Bangladeshi special forces ... flight heading to Dubai International Airport", "An Azerbaijani
government source ... shot down by Russia's Pantsir"); relevant recall 0.920 -> 0.919 (Israel no longer
relevant in "Israeli Foreign Minister ... condemns ... an arms embargo on Iran"). The self-written dev story
lost in row (l) is right again (its "Iraqi collective" weighs as an adjective). First tried in every
language: held-out focus 0.895 -> 0.892 (German "Italiens", a genitive name, is a French plural adjective).

(r) One public dev event right more (it had no country: "Bangladeshi bank officials say ..."), none lost.
"Near" lost "a suicide bomber ... near the U.S. consulate in Jeddah" and won nothing ("killed a Navy SEAL near
Erbil" stays with the United States).

(s) One public dev event right more ("resigns as U.S. envoy for the Qatar diplomatic dispute"), none lost;
relevant recall 0.920 -> 0.919 ("control of U.S. forces in Afghanistan", labelled US, lists the US as a
background country now). Before any word, capitalised too: 1188 as well (Puerto Rico after "the U.S. House
of Representatives" won, "U.S. President Donald Trump imposes tariffs ... Canada and Mexico" lost) and
relevant recall 0.918: the capitalised form is the state acting.

(t) Two public dev events right more ("hits central Myanmar ... also felt in Thailand, Bangladesh and
India"; "South Korean President Moon ... with North Korea, the United States, China, Japan, Russia, and
Mongolia"), none lost; one moved from Colombia to a null focus (Latin America, as a region, now outweighs
the listed states). x0.25: the same on public dev, self-written dev focus 0.889 -> 0.885; x0.33: 0.887;
x0.75: public dev 1188. Without the "every place" exception a test story ("GENEVA - ... measles cases
doubled in Peru, Nepal and Zambia") took its dateline as the focus. The other story languages' "and" /
"or" moved no figure.

(u) Two public dev events right more ("An Egyptian court sentences Al Jazeera journalists ..."; "An
Azerbaijani government source reports ... shot down by Russia's Pantsir"), none lost. The first try, with
"officials", the leaders' titles "president", "prime" (as in the third round) and capitalised words too:
1190, self-written dev focus 0.887; without the titles: 1191 ("the Chinese Ministry of State Security"
took a Belgian story); lower-case only: 1192, relevant precision bound 0.928 ("according to Ukrainian and
American officials" made the US relevant); without "officials", the row.

After the round: public dev focus misses, another country 61 (from 72), tied at the top 11 (from 18); no
country found 54 (55), label not found 38, label found but focus null 1 (a list's members gave way to
"Latin America"), extra countries only 112 (108). What is left of the first two kinds is mostly an actor
outweighing the scene ("The Israeli military launches a raid in Beit Jinn, Syria", "United States aircraft
bomb a convoy ..."), a city and its country both counted ("in Stockholm, Sweden"), and label noise.

Totals after the round (``python -m benchmarks.eval_region``, its public test row printed once, at the end):
public dev 0.932 0.919 0.878 (found, relevant, focus; from 0.931 0.920 0.865), public test 0.909 0.895
0.835 (from 0.910 0.896 0.827), self-written dev F1 0.975 focus 0.889 (unchanged), held-out F1 0.970
focus 0.895 (unchanged); held-out relevant P/R/F1 0.908 0.928 0.918 (from 0.911 0.931 0.921), found by
switching rules off, not by reading its stories: the list rule (t) takes one relevant country of a list,
the demonym reading (q) adds one relevant country. Region cost per 2 KB story, back to back with main on
the same machine: median 454-465 -> 471-478 us, p95 753-811 -> 811-827 us; the rules first cost ~+40 us
median, cut by the rewrite that found list members after the weighing loop. Then the scanner's hits were made
plain (not frozen) dataclasses, every GeoResult of the dev, held-out and both public sets identical: in one
process, alternating with the geotagger of a03c387 (before the round) over the self-written stories padded to
2 KB, median 479 against 479 us (scratch A/B script, not committed; before this change 492-500 against 477-482):
the stage's cost is back where it was before the round.

Seventh round (branch focus7), the sixth round's protocol. Before it: public dev 0.932 0.878 (1192)
0.929, self-written dev 0.975 0.889, held-out 0.970 0.895; public dev focus misses: another country 61,
tied at the top 11, no country found 54, label not found 38.

=================================================  ========================  ===========  ===========
change                                             public dev                dev          held-out
=================================================  ========================  ===========  ===========
in English, a place name after an indefinite       0.933 0.879 (1193) 0.929  unchanged    unchanged
article is no first name before a capitalised
word ("a Kabul Shiite shrine", "an Arizona Air
National Guard jet") (v)
a country's name or abbreviation before a lower-   0.933 0.881 (1196) 0.929  unchanged    unchanged
case force noun (troops, soldiers, forces, army,
military, navy, air, personnel, warplanes, jets,
aircraft, drones, strikes, airstrikes) weighs
x0.5: the state's forces abroad are an actor
("United States aircraft bomb a convoy ...") (w)
*not kept*: the same for demonyms, (j) on top      0.933 0.882 (1197) 0.930  unchanged    unchanged
a demonym before a force noun weighs x0.5 when     0.933 0.882 (1197) 0.929  unchanged    unchanged
the story names another country in a locative
form ("Japanese troops land in South Sudan") (x)
*not kept*: a name right after "to" x0.5           0.933 0.881 (1196) 0.929  unchanged    unchanged
(a destination: "heading to Dubai"); x0.75:
1199, relevant found 0.920 -> 0.919
"in" before capitalised words no gazetteer place   0.933 0.883 (1198) 0.930  unchanged    unchanged
names, then a comma and a name, makes that name
the scene ("a raid in Beit Jinn, Syria") (y)
*not kept*: a country name opening a headline-     0.933 0.884 (1200) 0.935  unchanged    unchanged
less story (its subject) x2; x1.5: 1197, x1.25:
1198
"in" right after a meeting word (meet, meets,      0.933 0.884 (1199) 0.930  unchanged    unchanged
met, meeting, meetings, talks, summit,
conference, negotiations) is a venue: no
locative boost ("Cyprus meet in Switzerland") (z)
in English, a place name between "the" and a       0.934 0.884 (1200) 0.930  0.976 0.891  unchanged
capitalised word names a thing called after it
(no first name), and weighs x0.3, as inside an
organisation's name ("The Cleveland Board of
Control", "the Boston Celtics") (aa)
*not kept*: "into" marks the scene as "in" does   0.934 0.884 (1200) 0.930  unchanged    unchanged
*not kept*: a metonym outside a locative form      0.934 0.885 (1201) 0.930  unchanged    unchanged
weighs as a speaking capital (x0.8)
*not kept*: a headline-less story's text after     0.934 0.884 (1200) 0.931  unchanged    unchanged
its first sentence weighs as the body (1)
=================================================  ========================  ===========  ===========

(v) One public dev event right more (the Kabul shrine, its only place), none lost. First tried with "the"
too: 1192, two right more ("The Cleveland Board of Control") and two lost ("the Ulster Unionist Party" read
Ulster as Ireland's province, "The Washington Post" took a tie for the United States); self-written dev
F1 0.976, focus 0.891. A definite article opens an organisation's name as often as a thing's.

(w) Three public dev events right more ("United States aircraft bomb a convoy" and "The United States
military reports a drone attack", Syria and Iraq; "a U.S. service member ... the first U.S. military
casualty", Syria), none lost. With (j)'s ten nouns only: 1195 (the aircraft story stays with the United
States); x0.75: 1194. Demonyms too, which is round five's (j), dropped then for a public-test figure, now
judged on public dev alone: two right more ("The Israeli military launches a raid in Beit Jinn, Syria",
"Japanese troops land in South Sudan"), one lost ("The Bahraini military reports that 74 Iranian missiles
... have been intercepted": a state's forces at home); not kept for one event. Also tried, before this row:
every repeated mention of a country after its heaviest weighing x0.5 or x0.75 (repetition adding up
less): public dev 1195 / 1194, but held-out focus 0.895 -> 0.892 and its relevant F1 0.918 -> 0.895 / 0.911.

(x) (j) again, with the reason the row above gives: forces are an actor where the story names another
country as the scene, and at home the state's own. One public dev event right more (Japanese troops in South
Sudan), none lost; the Bahraini military keeps its story. "The Israeli military launches a raid in Beit
Jinn, Syria" stays wrong: "in" marks Beit Jinn, no gazetteer place, not Syria. x0.75: the same 1197. The
singular nouns (soldier, troop, warplane, jet, drone, strike, airstrike) too: the same 1197 ("a Russian
soldier accused of shooting" has no scene in a locative form).

The "to" row: its x0.5 lost three ("cancels a planned trip to India", "German Ambassador to Venezuela returns
...", "travelled from the UK to Sindh") for two ("a flight heading to Dubai International Airport", "his trip
to Cuba and the United States"); the "to" of a visit marks the scene as that of a destination marks a
background; x0.75 is the same rule passing a threshold, not kept; with "from" x0.5 too: 1195.

(y) One public dev event right more ("The Israeli military launches a raid in Beit Jinn, Syria", with (x)
now applying to its demonym), none lost; relevant precision bound 0.929 -> 0.930. Up to three capitalised
words, none a gazetteer place; "first detected in ..." keeps its exception (row (i)).

The subject row is round three's first-named bonus again, on headline-less stories only (every self-written
story has a headline, and there it lowered the self-written dev focus): seven right and five lost at x2,
four and five at x1.5, two and two at x1.25, relevant found 0.920 -> 0.918 at x1.5 and x2. A subject is as
often the actor abroad as the story's country; not kept. Also tried and not kept: a title before a sure
country name and a capitalised word makes a person ("Health Minister Salvador Illa"): no focus moved (that
event has no other place), and "Foreign Minister Israel Katz" would lose its only Israel.

(z) One public dev event right more (Cyprus), none lost. First tried with the meeting word up to four or six
tokens before "in" and with contest, games, forum, hosts: the same 1199, but it fired on "a Shiite meeting
hall in Saudi Arabia" and "the conference officials in Baku reject" (no figure moved); right before "in" it
fires only on "meet in Switzerland" and "the APEC summit in Papua New Guinea" (twice) on public dev and never
on the self-written sets. "World leaders meet at the Bürgenstock Resort in Switzerland" keeps Switzerland.

(aa) Row (v)'s first try again, now weighed: one public dev event right more ("The Cleveland Board of Control
approves ...", its only place), none lost; "the Ulster Unionist Party" and "The Washington Post", lost at full
weight, stay right. Self-written dev F1 0.975 -> 0.976, focus 0.889 -> 0.891 ("the Boston Celtics" and "the
Miami Heat" name the story's only country). Public dev precision bound 0.888 -> 0.887 ("the Paris Agreement"
adds France, "the Ulster Unionist Party" Ireland, each x0.3); its relevant bound unchanged. x0.5: the same
1200, relevant bound 0.929. Only a name that could be a person's (one word, no sure country, no demonym).

Not kept after (aa): "into" as a locative preposition moved no focus ("missiles into northern Ukraine" is
the scene, "smuggling cocaine into Sydney" a destination). Metonyms as speakers won one event ("The
Pentagon reports it has begun withdrawing U.S. troops from Syria") and lost none, but the metonym list
mixes seats of government (Kremlin, Pentagon, Downing Street) with legislatures, agencies, forces and the
Houthis, who are no speaker of Yemen; a rule for the seats alone needs a flag the gazetteer does not have.
The body weight for a headline-less story's later sentences: four right more, four lost.

After the round: public dev focus misses, another country 55 (from 61), tied at the top 11 (11), no country
found 52 (54), label not found 38 (38), label found but focus null 1 (1). Cost: in one process, alternating
with main's geotagger over the self-written stories padded to 2 KB (the scratch A/B script), median 464-476
against 470-482 us over five runs; the rules first cost +7-12 us, paid back by running each check only
where its word is and by skipping the ranking ``min()`` for a span with one chosen reading.

Totals after the round (``python -m benchmarks.eval_region``, its public test row printed once, at the end):
public dev 0.934 0.920 0.884 (found, relevant, focus; from 0.932 0.919 0.878), public test 0.910 0.897
0.834 (from 0.909 0.895 0.835: found and relevant up, focus down one or two events of 1,500), self-written
dev F1 0.976 focus 0.891 (from 0.975 0.889), held-out F1 0.970 focus 0.895, relevant P/R/F1 0.908 0.928
0.918 (unchanged). The eight public dev events won did not carry over to the test row's focus: each rule
fires on one to three events, within the noise of a 1,500-event row. The eval's own cost line: median
453 us, p95 753 us per 2 KB story.

Eighth round (branch focus4; the brief named it the fourth, the table's fourth round being another
branch's), back to the first rounds' protocol: a change is kept when public dev focus rises, the
self-written dev F1 and focus do not fall, and the held-out and public-test *totals* (found, relevant,
focus; F1, focus, relevant P/R/F1) do not fall; the test row's totals are read after every try, never its
events. Figures: public dev found / focus (events right of 1,357) / relevant precision bound; public test
found / relevant / focus; self-written dev F1 / focus; held-out F1 / focus. Before it: public dev 0.934
0.884 (1200) 0.930, public test 0.910 0.897 0.834 (1365 1345 1251 of 1,500), self-written dev 0.976
0.891, held-out 0.970 0.895 (relevant 0.908 0.928 0.918).

=================================================  ========================  ==================  ===========  ===========
change                                             public dev                public test         dev          held-out
=================================================  ========================  ==================  ===========  ===========
a tie at the top goes to a country named right     0.934 0.887 (1203) 0.930  0.910 0.897 0.834   0.976 0.891  0.970 0.895
after "against" or "on" (English), the target of
the action, before the one named first ("a probe
against Lebanon's prime minister", "an arms
embargo on Iran") (ab)
a tie at the top passes over a country named only  0.934 0.887 (1204) 0.930  0.910 0.897 0.834   0.976 0.891  0.970 0.895
as an origin, after "from" (English; names joined
to it by "and", "or", a comma too): "tourists
returning from Istanbul crash near ..., Bulgaria"
(ac)
so does a country named only after "<title>        0.934 0.889 (1206) 0.930  0.910 0.897 0.834   0.976 0.891  0.970 0.895
[name] of" (English; the leaders' titles of
stream.places.people and "minister"): the
speaker ("President Yoweri Museveni of Uganda
announces an end to cooperation with North
Korea") (ad)
so does a country named only as the nationality   0.934 0.889 (1207) 0.930  0.910 0.897 0.834   0.976 0.891  0.970 0.895
of people, a demonym before a lower-case noun of
persons (national, citizen, tourist, migrant,
worker, prisoner, man, woman, families; curated)
("Acquitted Finnish national ..., a soldier in
the British Army") (ae)
=================================================  ========================  ==================  ===========  ===========

(ab) The tie rule of focus.py (the first named leads) is right far more often than not: tried first, a tie
going to the *last* named: 11 public dev events right more, 37 lost (most "X reports its first case ... from
Y"). Where the later country is the target of the action it is the story's: three right more ("a probe
against Lebanon's caretaker prime minister" after "Monaco's judicial authorities", "their strikes against
Iran" after "Israel and the United States", "a United States bid to extend ... embargo on Iran"), none lost;
no other row moved. Only a tie: the shares, and so the relevant flags, stay as they were. Tried and left
out: the target as a scene, its mention weighed x1.5 as after "in": public dev 1202 ("against") or 1203
("against", "on"), but public-test relevant found fell (1345 -> 1344, 1343), at x1.25 and x2 as well;
a tie going to a locative scene too: held-out focus 0.895 -> 0.889, public-test focus 1251 -> 1250;
"against the" / "on the" before the name: no figure moved; the other story languages' "against"
(contre, gegen, contra, против, проти): no figure moved.

(ac) One public dev event right more (the Bulgarian bus crash), none lost; no other row moved. A country the
dateline, a provider place or any other mention names is no mere origin. Without the joined names, "aid from
Colombia and Brazil" made Brazil the one tied country that was no origin (no figure moved, but a false
reading); with them, all tied countries are origins and the first named leads as before. As a weight (x0.5
on a name after "from", the seventh round's try) it won one and lost one.

(ad) Two public dev events right more (Uganda / North Korea, Fiji / Kiribati), none lost; no other row moved.
"President of X" weighs as a name while "Xian President" weighs as a demonym (0.6): weighed x0.6 or x0.8
instead of losing a tie, the same two were won and "The Prime Minister of Pakistan, Nawaz Sharif resigns ...
the Dubai-based ..." lost (x0.6 also "the governor of Malaita province", read with its country): left out. The tie rules read their words only
when the top is tied (a callable score() calls), so a story without a tie pays nothing for them; per name,
the checks had cost ~1.5 us on a short English story.

(ae) One public dev event right more (the British Army soldier), none lost; no other row moved. The nouns
are the persons news text names by nationality abroad, a curated list; the demonym before any other noun
("a Finnish court", "Chinese influence") keeps its part in a tie.

After the round: public dev focus misses, tied at the top 4 (from 11), another country 55 (55), no country
found 52, label not found 38, label found but focus null 1; extra countries only 115 (113: two events right
now that name an extra country). Totals (``python -m benchmarks.eval_region``): public dev 0.934 0.920 0.889
(found, relevant, focus; from 0.934 0.920 0.884), precision bound 0.887 / 0.930 (unchanged); public test
0.910 0.897 0.834 and 0.834 / 0.918 (unchanged); self-written dev P/R/F1 0.978 0.974 0.976, focus 0.891
(unchanged); held-out 0.978 0.962 0.970, focus 0.895, relevant 0.908 0.928 0.918 (unchanged). The rules
decide ties only, and ties are rare outside headline-less one-sentence items: the held-out focus target
(0.90) is not met by this round. Cost, alternating processes with the geotagger of 4dbaa3f (before the
round) over the self-written stories padded to 2 KB: median 472-481 against 474-480 us, p95 772-787 against
778-795 us.

Also tried in the round and left out (public dev events right more / lost, against the row before):
a tie going to the last named (11 / 37; self-written dev 1 / 2); an English country name before "'s" weighed
as a demonym, x0.6 (1 / 3: "in Saudi Arabia's Eastern Province" is the scene); the focus moving to a country
named in a locative form when it holds 0.7 of the leader's share (5 / 8, self-written dev 1 / 4); a demonym
opening a sentence before a capitalised title weighed as a name ("Zambian President Edgar Lungu requests
that Cuba ...": 1 / 1, self-written dev 0 / 1); a tie going to the country with more distinct places
named (nothing moved); two countries joined by "and" or a comma weighed as a list's members are (x0.85:
public dev 1202, but held-out focus 0.895 -> 0.892; x0.75 and x0.5 lost self-written dev stories);
"with", "to" or "into" among the target words (2 / 2, 1 / 1, nothing); a target winning a near tie
(within 0.8 or 0.7 of the top: 0 / 1); "based", "flagged", "bound", "headquartered", "registered"
among the attribute suffixes of row (p) ("the Dubai-based company": no focus moved, public dev relevant
precision bound 0.9296 -> 0.9304); a country right after its own city and a comma ("in Stockholm,
Sweden") x0.5 (1 / 2: "in London, Ontario, Canada"); a place between "a" / "an" and a lower-case word,
a noun adjunct ("a Florida rally"), x0.3: public dev 1204 (1 / 0), but held-out relevant precision
0.908 -> 0.905 and the public-test relevant precision bound 0.918 -> 0.917 ("a Kabul hospital" is the
scene); x0.6: nothing moved. The round's rules touch ties only, so no share, relevant flag or precision
figure moves with them.

Ninth round (branch focus5, second pass): false and missing place readings. Chosen on the self-written dev
set's and public dev's misses and on one-sentence probes written for the purpose; the held-out and public
test rows read once, at the end. Figures: self-written dev P / R / F1, focus; public dev found / focus
(events right of 1,357). Before it: dev 0.978 0.974 0.976, 0.891; public dev 0.934, 0.889 (1207).

=================================================  ========================  ===========================
change                                             dev                       public dev
=================================================  ========================  ===========================
a million-city's word floor (4.5) holds in Arabic  unchanged                 unchanged
script only where the letters spell the form: the
Urdu alternate غازی of Ghaziabad is the Arabic
given name غازي (an Arabic quake story's Battalgazi
added India)
a city named like a country only in a language     unchanged                 0.934 0.890 (1208)
wirewatch does not read shares the form ("Marawi"
Malawi / Marawi PH, "Kota", "Palu"), both ambiguous
in Arabic script, a word-ambiguous name backs no   0.980 0.974 0.977 (P)     unchanged
other ambiguous name (يشير + وادي, two Algerian
towns)
sub-national names' own languages judged by their  0.980 0.975 0.977, 0.893  unchanged
own floor, not added when the form is a word
elsewhere (German "Landes" hid the French Landes)
no Arabic proclitic split off Persian/Urdu tokens  0.980 0.975 0.978         unchanged
(ویران "ruined" was و + Iran)
Roman ordinals are no city alternates (XVIIIe)     0.981 0.975 0.978         unchanged
German weak forms of country names (die            0.981 0.976 0.979         unchanged
Vereinigten Arabischen Emirate, im Vereinigten
Königreich)
Britain's everyday names, 14 languages (curated)   0.981 0.977 0.979         0.934 0.889 (1207) (a)
in Arabic, a unit noun before a country-only name  0.982 0.977 0.980         unchanged
(ولاية جورجيا) makes it a subdivision
everyday names CLDR lacks (Beyaz Rusya was read    unchanged                 unchanged
as Russia; Южная Корея, Weißrussland ...), German
dative plurals (in den Niederlanden), Korean
demonyms in fr/de/es: coverage, no figure moved
=================================================  ========================  ===========================

(a) "the deputy leader of British far-right political party Britain First" now names Britain twice and
takes a Trump story labelled US: a party named after its country (the party list has no Britain First).

Tried and left out: the dateline's weight left out of the headline-pair ratio (Armenia-Azerbaijan deals
filed from one capital): self-written dev focus 0.891 -> 0.878 (a pair story filed from one side's
capital is mostly that side's); the dateline weight scanned (2, 3, 3.5, 5 against 4): dev focus 0.863,
0.876, 0.889, 0.887; a dateline-only country never the focus (label guide: "GENEVA - The WHO ..."): dev
focus 0.847, local stories filed from their own city lost theirs; Arabic word frequencies summed over
their proclitic forms (سيول from السيول, بيرا from كبيرا): 39 forms became words, among them Istanbul,
Alexandria and Mosul in Arabic, whose own inflections were counted; Holy See / Saint-Siège / Heiliger
Stuhl as Vatican names: no figure moved.

Totals after the round (``python -m benchmarks.eval_region``, the held-out and public test rows read once):
self-written dev 0.982 0.977 0.980, focus 0.893 (from 0.978 0.974 0.976, 0.891); held-out 0.979 0.977
0.978, focus 0.895 (from 0.978 0.962 0.970, 0.895; de recall 0.917 -> 0.964), relevant 0.908 0.928 0.918
(unchanged); public dev 0.934 0.920 0.889, precision bound 0.888 / 0.931 (from 0.887 / 0.930); public test
0.910 0.897 0.835 (from 0.910 0.897 0.834), precision bound 0.835 / 0.920 (from 0.834 / 0.918). The focus
target (0.90 on the never-tuned sets) is not met by this round: its fixes are about which places are read.

Tenth round (branch focus6; the brief named it the sixth, the table's sixth round being another branch's),
issue #17's focus target, the eighth round's protocol: a change is kept when public dev and/or self-written
dev focus rise and no total falls (self-written dev F1 / focus, held-out F1 / focus / relevant P/R/F1, public
test found / relevant / focus and precision bounds); the test row's and the held-out set's totals are read
after every try, never their stories. Figures as in the eighth round. Before it: public dev 0.934 0.889
(1207) 0.931, public test 0.910 0.897 0.835 (1365 1345 1253 of 1,500), self-written dev 0.980 0.893 (410 of
459), held-out 0.978 0.895 (273 of 305; relevant 0.908 0.928 0.918).

=================================================  ========================  ==================  ===========  ===========
change                                             public dev                public test         dev          held-out
=================================================  ========================  ==================  ===========  ===========
an ambiguous Latin-script name in a locative       0.934 0.889 (1207) 0.931  0.910 0.897 0.835   0.980 0.895  0.978 0.895
case after an apostrophe is used as a place, as
after "in" (Turkish "Miami'de") (bb)
a place inside a short quotation (at most 25       unchanged                 0.910 0.897 0.836   0.980 0.898  0.978 0.895
characters between the marks, on one line)
weighs x0.3, as inside an organisation's name:
an exhibition («Կոմիտասը և Փարիզը»), a party
("Georgian Dream"), a law's nickname ("the
Russian law"), a club, an oil grade (cc)
a headline pair that also says the two agree,      unchanged                 unchanged           0.980 0.904  0.978 0.905
sign or make a deal has no focus country when
the runner-up holds 0.55 of the leader (0.7
otherwise; words in the twelve story
languages, stems where they inflect) (dd)
a place alone before a colon opening the           unchanged                 unchanged           0.980 0.906  unchanged
headline is its topic, weighed as a scene
("Haut-Karabakh : l'exode des Arméniens ...")
(ee)
the quotations found with str.find, not a          unchanged                 unchanged           unchanged    unchanged
regular expression tried at every character
(cost, (cc))
in English, a plural demonym after a number or     0.934 0.890 (1208) 0.931  unchanged           unchanged    unchanged
a quantifier ("three Australians", "several
Britons") weighs x0.5 of a demonym (ff)
a seat of government (White House, Kremlin,        0.934 0.891 (1209) 0.931  unchanged           unchanged    unchanged
Pentagon, Élysée, Downing Street ..., every
story language) outside a locative weighs as a
capital speaking, x0.8 (gg)
an article after the conjunction keeps a           unchanged                 unchanged           unchanged    0.978 0.908
headline pair ("la Géorgie et l'Azerbaïdjan");
an article alone joins nothing (hh)
a headline pair that agrees keeps its story when   unchanged                 unchanged           0.980 0.908  unchanged
a third country, the host filing it, ranks
between the two (hh)
restoring ties (reopen, restore, تعيد, возобнов,   unchanged                 unchanged           0.980 0.911  unchanged
відновл, bərpa ...) among the words of
agreement (ii)
=================================================  ========================  ==================  ===========  ===========

The self-written dev focus errors at the round's start, 49 of 459, by cause: an oil-price story in seven
languages ("Ölpreise steigen nach Signalen aus Riad", gold null / gulf: OPEC+ producers) 7; a headline pair or
list the gold calls a story of both, lost to the side filing it or named more ("Kyrgyzstan, Tajikistan sign
border deal" from Bishkek, "Україна та Польща домовилися" from Warsaw) 9, and pairs the gold gives to one side
(a prisoner exchange to Ukraine, Putin and Kim's treaty to Russia) 3; sports copy, the venue or dateline
outweighing the athlete's or team's country ("Kenyan runner breaks marathon world record in Chicago") 4, or no
place read in it (clubs, "Miami'de") 4; a visiting or hosting leader's country as the gold ("Putin visita Corea
del Norte" -> RU) 3; actor against scene (Israeli strikes on Gaza in Azerbaijani and Georgian, "Кремль: ..."
-> RU) 5; a home country's culture or business story about a foreign thing (an exhibition on Persia in the
Hermitage, a Georgian artist's French prize, a Turkish car sold in Germany, Rome and the Vatican) 5, and two
places not read (Avignon, under the population floor; "la jeune pousse parisienne"); a false reading (Arabic
سلالة "strain" as Salalah, its Persian spelling) 1; a dateline-only seat of an international body ("GENÈVE -
L'OMS ...", gold null) 1; a region story (the Caspian; CNES and India) 2; a near tie or an implicit subject
(Karabakh's topic, "Azeri Light", Armenian talks with Turkey) 3. Fixed: nine (tr-006, hy-006, az-018, en-032,
fr-002, uk-005, fr-001, fr-056, ar-020); lost: one (tr-029, "Irak ile Türkiye arasında Kalkınma Yolu
mutabakatı", gold IQ, now a pair story). Left: the oil story (one story translated, and the guide's "OPEC+ Gulf producers" convention: a
rule for it would be fitted to it), the pair labels (a clash, an earthquake, a memorandum filed from one side
are that side's; an agreement, a border deal, a flood are both sides'), the visits and sports stories (the
labels follow the actor, the weights the scene), and readings the gazetteer lacks (Georgian "ღაზის სექტორში",
Avignon), left to a gazetteer build (another branch rebuilds it now). Public dev focus misses at the start (150:
no country 52, label not found 38, another country 55, tied 4, null 1; 148 after rows (ff) and (gg)): the 98
with countries, read again, are mostly a label naming a
territory or a heading's country the text does not (Hong Kong, New Caledonia, Martinique, Guam; "Reactions to
the 2022 Russian invasion of Ukraine"), a city and its country both counted for a foreign scene ("Stockholm,
Sweden"), and a leader's visit labelled by the visitor ("President Emmanuel Macron visits Cameroon", FR); the
rows won two with general causes (people counted by nationality abroad, a seat of government speaking).

(bb) One self-written dev story right more (a Turkish NBA item whose only place is "Miami'de"; Miami is a
word elsewhere and nothing backed it), none lost; dev recall 0.977 -> 0.978. First tried with every Latin
locative flag, the address chain of row (y) included: public dev 1206 ("in Rosebud, Victoria" read Victoria
as the Seychelles' capital).

(cc) One self-written dev story right more (an Armenian museum's exhibition «Komitas and Paris», filed from
Yerevan, went to France), none lost; public test focus 1253 -> 1254. At 40 characters the same figures, but
"China should start an investigation", speech, dropped China from a public dev event's relevant countries; at
15 the exhibition's title is too long. The places it weighs on the self-written dev set: "the Russian law" in
eight languages, "Georgian Dream", "Azeri Light", "Qarabağ" (a club), "Art Basel", "Zengezur koridoru". First
written as a regular expression: ~8 us per 2 KB story, the last row's str.find scan ~2 us (identical spans
on every self-written and public story). Cost per 2 KB story, alternating processes with the geotagger of
cc96662 (before the round): median 490-491 against 486-488 us, p95 797-808 against 803-819 us.

(dd) Four self-written dev stories right more (the Azerbaijani-Uzbek alliance signed in Tashkent, the
Kyrgyz-Tajik border deal signed in Bishkek, "Erevan et Bakou s'accordent", the Ukrainian-Polish border deal
agreed in Warsaw: the dateline of one side's capital had put the runner-up at 0.56-0.58 of the leader), one
lost (tr-029, above); held-out focus 0.895 -> 0.905 (three stories; their text never read). The label guide's
"bilateral talks, a border deal": the filing side leads a clash on the border (ar-001, en-001, de-002 stay
Armenia's), not an agreement. At 0.5: 413 (Arabic "توقعان معاهدة", a treaty Russia's, and a memorandum Iraq's
lost too), held-out 0.905; at 0.6: 411, held-out 0.895. Tried first on every pair, without the words (the
pair ratio scanned): 0.5 410, 0.55 412 (six won, six lost: the clashes and an earthquake), 0.6 407, 0.65
410, 0.75 410 (against 412). Talk words (talks, meet, переговоры, görüşme, محادثات ...) among the agreement
words: no figure moved; not kept (row (ii) adds the words of restored ties).

(ee) One self-written dev story right more ("Haut-Karabakh : l'exode des Arméniens s'accélère", Armenia
0.451 against Azerbaijan 0.437), none lost. First tried on any name ending before the colon: 414 (from 415),
"Ermənistanla sərhəddə atışma:" (a clause, not a label) and "Armenien und Aserbaidschan:" (a pair) lost.

(ff) One public dev event right more ("Police in Serbia arrest three Australians ... smuggling of cocaine into
Sydney"), none lost; no other figure moved. With "of" among the count words: 1208 too, but "the vaccination of
Sri Lankans" lost its story and "of Chinese nationals" won nothing (1 / 1). The eighth round's nouns of persons
(row (ae)) weighed x0.5 instead of only losing a tie: 1206 ("not Canadian citizens"); x0.75: nothing moved.

(gg) The seventh round's metonym-as-speaker try again, on the seats of government alone (a curated prefix list
in geotag.py; the gazetteer's metonyms also hold legislatures, agencies, forces and the Houthis, which keep
their weight): one public dev event right more ("The Pentagon reports it has begun withdrawing U.S. troops from
Syria"), none lost; public test relevant found 1345 -> 1346.

(hh) The article row alone moved one held-out story (0.905 -> 0.908; its text never read) and no dev or public
row: it is the next row's premise, read on the dev story that asked for both ("BUCAREST - L'Azerbaïdjan, la
Géorgie, la Roumanie et la Hongrie ont signé ...", headline "la Géorgie et l'Azerbaïdjan signent": the
elided article broke the pair, and Romania, the host, ranked between the two). A pair needs a conjunction or a
separator still: "La Norvège la Suède" is none.

(ii) One self-written dev story right more ("إيران والسعودية تعيدان فتح سفارتيهما", the two reopen their
embassies, filed from Tehran), none lost. Turkish "yeniden" (again) left out: it also opens clashes renewed.
"Normalisation" words left out too: "Suudi Arabistan ile İsrail normalleşmesi askıda" is Saudi Arabia's
(0.56 of the leader). Talk words (talks, meet, переговоры, görüşme, محادثات ...): no figure moved. A headline
naming exactly two countries in any way, with a word of agreement, read as a pair that agrees: 418, one won ("В
Бишкеке подписан договор о границе с Таджикистаном") and one lost ("تشاد كلارك يوقع مع نادي الوحدة الإماراتي",
a player named Chad signing with an Emirati club).

Also tried in the round and left out (against the row before each): a demonym before an event noun (invasion,
war, occupation, aggression, annexation, revolution, offensive, election) weighed x0.5 / x0.75, "the Russian
invasion" as background: public dev one won and one lost at x0.5 ("Ukraine holds its first trial ... against a
Russian soldier" won, "European leaders gather in France for a summit on Ukraine ... ending the Ukrainian war"
lost), one lost at x0.75; the dateline x0.5 / x0.75 when the headline names countries but not the dateline's:
dev 410 / 411 (from 412; a Kazakh boxer in Tashkent won, an oil story, a Stepanakert story and an Armenian
patriarch's election in Istanbul lost); DATELINE_ONLY_SHARE 0.4, 0.45, 0.55, 0.6: dev 410, 411, 410, 408
(from 412). Relevance, read on the totals: RELEVANT_RATIO 0.4 / 0.45 / 0.55 / 0.6 (0.5 kept): held-out relevant P/R/F1
0.887 0.931 0.909 / 0.892 0.928 0.910 / 0.911 0.925 0.918 / 0.914 0.925 0.919, public dev relevant found 0.923
/ 0.923 / 0.919 / 0.915 (precision bound 0.926 / 0.927 / 0.938 / 0.940), public test 0.901 / 0.900 / 0.892
/ 0.889 (0.908 / 0.913 / 0.920 / 0.923): a trade, each way a total falls; in a headline-less story the first
country name of the first sentence made relevant (its subject): public dev relevant found 0.920 -> 0.926,
public test 0.897 -> 0.899, but both relevant precision bounds fell (0.931 -> 0.930, 0.920 -> 0.919); every
name there: 0.926 / 0.901, bounds 0.925 / 0.915; names and demonyms: 0.932 / 0.908, bounds 0.897 / 0.837; a
headline making a country relevant only by a mention weighing 2 or more (not a demonym alone): held-out
relevant 0.914 0.925 0.919 (recall fell).

Totals after the round (``python -m benchmarks.eval_region``): self-written dev P/R/F1 0.982 0.978 0.980,
focus 0.911 (418 of 459; from 0.982 0.977 0.980, 0.893), focus region 0.956 (0.951); held-out 0.979 0.977
0.978, focus 0.908 (277 of 305; from 0.895), relevant 0.908 0.928 0.918 (unchanged); public dev 0.934 0.920
0.891 (1209; from 0.889, 1207), precision bound 0.888 / 0.931 (unchanged); public test 0.910 0.897 0.836
(1365 1346 1254 of 1,500; from 1365 1345 1253), bounds 0.835 / 0.920 (unchanged). Cost per 2 KB story,
alternating processes with the geotagger of cc96662 (the scratch A/B script): median 489-492 against 482-485
us, p95 804-805 against 791-796 us (+1-2%: the quotation scan, the count and seat checks per name). The focus
target (0.90) is met on the self-written held-out set; the public test row (0.836) is far from it: of its events the text names the label's country in 64%, and on those the focus is
right at ~0.91, a ceiling the labels set (one country per story line) more than the rules.

After the merge of the same stop (stop 31): Hebrew names behind prefixes, Russian and Ukrainian city adjectives
(branch places6), Thai, Lao, Myanmar and Khmer words kept whole by the tokenizer, and an ambiguous name listed
beside a sure country read as the country ("Russia and Georgia", "Egypt and Jordan"; self-written dev recall
0.978 -> 0.979, the other rows unchanged): self-written dev 0.982 0.980 0.981, focus 0.911; held-out 0.978,
focus 0.908; public dev 0.934 0.920 0.891; public test 0.910 0.897 0.836. Region cost against the geotagger of
cc96662 (the stop's start), alternating processes over the self-written stories padded to 2 KB (scratch script
``region_cost.py``: ``_timing`` of this module on the dev and held-out rows): the listing rule first added ~20 us
(median 489 -> 509), then looked only at ambiguous names that can be countries (+0-8 us); with the round above the
stage stood at +12-15 us (502-506 against 488-493). Four changes with identical outputs took it back: a form found
inside a Latin, Cyrillic, Armenian or Georgian word is dropped before any lookup; the "US$" check runs only when
the story holds a "$"; the person-name check asks first whether a capitalised word stands beside the name; the
focus scorer's evidence is a named tuple, not a frozen dataclass. Final: median 484-486 against 479-485 us, p95
803-805 against 789-799 us.

Cost round (stop 32), with identical outputs (every country, score, mention and focus of 14,463 texts compared
with an uncommitted script: the self-written sets as written and padded to 2 KB, both public places rows, a third of
the public topic set, the ITN blurbs). The committed A/B: ``python -m benchmarks.region_cost --against REV``
(alternating processes, this checkout first, the dev and held-out stories padded to 2 KB; "tokens + locate" is
``_timing`` above, "locate" the pipeline's ``region`` timing, given the tokens). At the stop's start (392e777) the
stage stood at 490-491 / 378-379 us median against 409-419 before the #17 round (0788559), +15-20%; most of it
(+47 us) the person-name, organisation and relevance checks of 10da1cd. Changes:

* the automaton's root is ordered (``stream.text.automaton``): pyahocorasick scans a node's children linearly and
  looks nearly every character up at the root, which had ~3,100 children in code-point order, so a Georgian letter
  took ~2,000 comparisons and a character that starts no name (digits, "ı", "ь", "ը") all of them. Filled with the
  space and the digits first, then by how often names hold each character, and with a child for every character
  names hold but none starts, the bare walk over a 2 KB story went from 56 to 32 us median (``region_cost``'s
  walk column against 392e777; by language, from an uncommitted script: Russian 55 -> 25, Arabic 65 -> 46,
  Georgian 151 -> 80);
* the token index of a match is looked up only for matches with a reading left (half of them have none), and the
  tail is found by a bounded search for the next space;
* the tokenizer splits once with a capturing regex and reads every offset from running sums of the parts'
  lengths, instead of a match object per token (``region_cost``'s tokens column 109 -> 101-104 us, shared with
  the topic stage);
* mentions are named tuples, the home regions a precomputed set, one reading needs no choice between countries,
  an unambiguous reading is sure without a call, the person-name test reads a single reading without generators,
  the compass test runs only for compass words, offsets are read from the token lists.

Tried and dropped (no gain measured, code not kept): a memo of the grammatical readings per (form, tail), whose
key costs what the loop it saves does; a fast path for a name ending its token; a local memo of ``_tails``;
the person-name test's first checks inlined before the call. One regression was caught by
``tests/unit/test_linear_scan.py``: finding the token start by a backward search per match was quadratic on one
long Arabic token. Final, three rounds against 0788559: tokens + locate median 418-424 against 423-428 us, p95
675-696 against 705-717; locate alone 318-325 against 314-320 (+1-2%), p95 585-603 against 596-614. Against
392e777: 425-426 against 490-491, locate 324-326 against 378-379.

After the review (``TokenStream.inner_span``, the marks listed once), ``python -m benchmarks.region_cost --against
0788559``, two rounds: tokens + locate 427 / 695-703 against 429-433 / 721-729 us, locate 324-325 / 606-608 against
320-322 / 614-625, tokens 100-102 against 111-112, walk 32 against 55.

Anchored forms (stop 34, 6059828; identical outputs on the same 14,463 texts): half of a story's automaton matches
(144 per 2 KB story on the dev and held-out rows, ``region_cost``'s matches column against 1f4dd71) were Latin or
Cyrillic forms inside a longer word ("oman" in "woman"), each reported by the automaton, unpacked and dropped in
Python. Those forms are now stored after a space (``stream.places.gazetteer.ANCHORED_FAMILIES``) and the automaton
walks the joined tokens after one, so it reports them only where a token starts (86 matches a story); the space's
node is ordered like the root (``stream.text.automaton``). ``python -m benchmarks.region_cost --against 1f4dd71
--rounds 1 --by-language`` prints per language that en's walk went 36 -> 22 us, ru 33 -> 29, hy 122 -> 127, ka 88 ->
90 (the Armenian and Georgian figures within the run's noise). Armenian and Georgian forms stay bare: with
``ANCHORED_FAMILIES`` edited to hold them too (a variant not kept, so no committed tree prints it), a letter inside
a word falls back to the root, where those scripts' letters come late, and their stories' walk grew by about a
quarter (hy 124 -> 158 us, ka 86 -> 111). ``python -m benchmarks.region_cost --against 0788559``, two rounds:
tokens + locate 399-405 / 663-670 against 416-422 / 696-710 us, locate 302-303 / 567-577 against 312-316 /
594-602, walk 25 against 55. Gazetteer load 0.66 -> 0.74 s (the space's node gets a child per character).

Russian and Ukrainian nouns of nationality (same stop; ``nationals`` in ``curated.yaml``, read in lower case with
noun endings): every row above is unchanged (the sets hold one such noun), 56 of the 14,463 texts of the
output comparison changed, each a country a nationality noun names (американца, датчанину, норвежцев, українці).
The ITN silver check (``python -m benchmarks.itn_places ru uk``) moves as a silver label must: ru recall 0.844,
"precision" 0.867 -> 0.714, because the Russian blurbs name the laureates' nationalities ("Француз Ален Аспе,
американец Джон Клаузер и австриец Антон Цайлингер") that the English ones leave out; every new country in its
tune half was read right (printed with a scratch script). uk 0.833 / 0.968.
A Cyrillic place name that is a common first name by its romanisations (Владимир vladimir, Софія sofia, Милан,
Лариса; 76 forms) needs support, as Latin ones did: "Володимир заявив ..." named Russia (the city Vladimir). Every
row above and the ITN check are unchanged; of the 14,463 texts one changed (the souq "Аль-Мадина" in Aleppo no
longer names Medina and Saudi Arabia).
Шевченко (the poet, a common surname; GeoNames' Soviet name of Aktau) is shadowed, and five capitalised words
that open Russian and Ukrainian sentences (Того, Ровно, Глаз, Семей, Малі; ``words:`` in ``curated.yaml``, with
their wordfreq figures) need support in those languages and are no lone country. A reproducible rule (Zipf >= 4.5 in
the story's language and >= 1.5 above the place's English name) was tried first and dropped: it also caught Київ,
Львів, Крым and Киев, which the languages' own text simply names more often than English text does. Every row
above is unchanged; so are the 14,463 texts of the output comparison.
Eleventh round (branch focus5, third pass; the brief named it the tenth, the table's tenth round being branch
focus6's), issue #17's focus target, the eighth round's protocol (a change is kept when public dev focus rises, the
self-written dev F1 and focus do not fall, and no held-out or public-test total falls: found, relevant, focus and
both precision bounds; the test row's and the held-out set's totals read after every try, never their events).
Figures as in the eighth round; public test found / relevant / focus as counts of 1,500 where one event matters.
Before it (1f4dd71): public dev 0.934 0.891 (1209) 0.931, public test 0.910 0.897 0.836 (1365 1346 1254),
self-written dev 0.982 0.911, held-out 0.978 0.908 (relevant 0.908 0.928 0.918).

=================================================  ========================  ==================  ===========  ===========
change                                             public dev                public test         dev          held-out
=================================================  ========================  ==================  ===========  ===========
a country named right after its own city or        0.934 0.893 (1212) 0.931  1365 1346 1254      0.982 0.911  0.978 0.908
subdivision and a comma ("in Stockholm, Sweden",
"the Christchurch, New Zealand mosque
shootings"), the chain no longer than that, is
left out when the focus is chosen; its share and
relevance stay (jj)
a demonym or metonym right after its own           0.934 0.895 (1214) 0.931  1365 1346 1254      0.982 0.911  0.978 0.908
country's possessive ("China's National People's
Congress", "Russia's Russian Direct Investment
Fund") is left out the same way (mm)
*not kept*, instead of (jj): the same in the      0.934 0.893 (1212) 0.930  1365 1350 1254      unchanged    unchanged
shares, x0 (the third and eighth rounds' try,
chains of two only); public test bounds 0.8349 /
0.9153 (from 0.9197)
*not kept*, instead of (jj): the same in the      0.934 0.892 (1210) 0.931  0.910 0.900 0.836   unchanged    unchanged
shares, x0.5; public test relevant bound 0.919
(from 0.920)
*not kept*, on 1f4dd71: a capitalised force noun   0.934 0.891 (1209) 0.931  0.910 0.897 0.835   unchanged    unchanged
after a name or demonym too ("United States Navy
Captain ...") (kk)
*not kept*, on row (jj): a country name opening a  0.934 0.894 (1213) 0.931  1365 1346 1248      unchanged    unchanged
headline-less story (its subject) x2, in the
focus ranking only (ll)
=================================================  ========================  ==================  ===========  ===========

(jj) Three public dev events right more ("Romania is expelled from ... the Eurovision Song Contest in Stockholm,
Sweden"; "Telstra blocks access to several websites in Australia for hosting footage of the recent mass shootings in
Christchurch, New Zealand"; "Two people are arrested in Poland ... and the Christchurch, New Zealand mosque
shootings"), none lost; no other figure moved. The country after its city adds no place the story is about: the
city already counted says where it is. Weighed down in the shares, as the third and eighth rounds tried it, it also
moved relevance: at x0 (chains of two) the same three were won, but public-test relevant found rose (1346 -> 1350)
while its relevant precision bound fell (0.920 -> 0.915; public dev 0.931 -> 0.930: "Israeli airstrikes on Al
Hudaydah, Yemen" made Israel relevant); x0.5 won one. Kept out of the shares, the address decides nothing but the
focus, so no relevance flag or precision figure moves. An address chain longer than two ("in Pasir Putih, Aceh,
Indonesia", "in London, Ontario, Canada") is no mere address: there the country settles which reading the chain
means (both were lost at x0 without the limit). Tried and left out, with the kept row: a chain of three whose
members all name the country, and a subdivision noun between city and country ("in Kursk Oblast, Russia"): nothing
moved. Cost, ``python -m benchmarks.region_cost --against 1f4dd71 --rounds 2``: tokens + locate 421 / 687 and 424
/ 690 us (median / p95) against 419 / 679 and 425 / 699, locate 322-323 against 321-323 us: the same.

(kk) Rows (w) and (x) read lower-case force nouns only ("United States aircraft", not "U.S. Army"). With capitalised
ones too: one public dev event right more (Guam: "United States Navy Captain Brett Crozier requests urgent help
... docked in Guam"), one lost ("The United States Navy carries out an airstrike on an alleged drug boat", US), and
public-test focus fell one event: the named service is as often the story's actor as an actor abroad.

(ll) The seventh round's subject weight again, now only where the focus is chosen (as row (jj)): its relevant recall
had fallen in the shares. Public dev: seven right more (Oman, Bolivia, Denmark, Venezuela, Saudi Arabia, "Ukraine
holds its first trial ...", the re-tweeted Britain First videos), six lost ("United States aircraft bomb a convoy
... Syria", "Canada bans its soldiers from joining ... Ukraine", "Saudi Arabia announces a five day ceasefire in
Yemen", "Monaco's judicial authorities ... Lebanon's prime minister" ...); public-test focus 1254 -> 1248. x1.5:
1210, public test 1252; x1.25: 1211, 1253. Dropped: a story's grammatical subject is its actor as often as its
place, which the third, seventh and this round each measured.

(mm) Row (jj)'s reason on another form of one state named twice in a breath: two public dev events right more
("Thousands of protesters take to the streets of Hong Kong to oppose a ... law expected to be passed by China's
National People's Congress", HK; "Bolivia signs a deal with Russia's Russian Direct Investment Fund", BO), none
lost. With the repetition left out the two tie, and the first named leads; the focus ranking subtracts the
repeats' weights and rounds (9 decimals), so that equal evidence ties exactly (3.0 against 4.8 - 1.8), not by a
float's last bit. Tried and left out on top of it: a city or subdivision after its country's possessive ("in
Syria's Idlib Governorate") left out, or the country before it: nothing moved, or one lost ("Turkey's MoD says two
Turkish troops were killed in an airstrike in Syria's Idlib Governorate", with the locative "Syria" left out); the
lighter of the two names left out instead of the later one: nothing moved.

Cost: the rows first cost ~2 us a 2 KB story (the check ran on every name); it now runs only where a comma or an
"s" stands two characters back, and three rewrites with identical outputs pay it back (the tokens inside hits,
the scored evidence and the mentions' dicts built with fewer lookups). Every GeoResult of the dev and held-out
sets (as written and padded to 2 KB) and of both public sets, 4,385 texts, compared with an uncommitted script:
identical to the rows' commit. In one process, alternating per story with the geotagger of 1f4dd71 (scratch
script): median -1.3 to -1.5 us a story (+2.1 to +2.3 before the rewrites). ``python -m benchmarks.region_cost
--against 1f4dd71 --rounds 4``: locate 319-321 / 592-598 us (median / p95) against 319-325 / 601-605, tokens +
locate 418-423 / 683-689 against 419-426 / 689-705.

Also tried and left out: "Saudi Arabian" as an English demonym of Saudi Arabia, so that the attribute rule (p)
reaches "Saudi Arabian-led" (nothing moved); a subdivision named like a country only in languages wirewatch does
not read sharing the form as a city does (``_unattested``: ISO 3166-2's Papua province, read as Papua New Guinea
through Kenyan and Tanzanian CLDR locales, in "Governor of Papua Lukas Enembe"): the build then also made
England (GB-ENG), Chin (MM), Guyane, Curaçao and "Macao SAR" ambiguous; dropped before measuring.

After the round: public dev focus misses, another country 48 (from 53), tied at the top 4, no country found 52,
label not found 38, label found but focus null 1; extra countries only 117 (116: one event right now names an
extra country). Of the 54 events whose focus was another country found in the text after row (jj),
read again: a heading's country the text names only in passing or not as the label's (the "Russian invasion of
Ukraine" headings on stories about Latvia, Poland or the United States; "Gulf of Oman incident"; a Vietnam War medal
in Washington) about 15; a story's subject against a scene or object named with more weight (Oman closing its
borders over a variant "in the United Kingdom", "Bolivia signs a deal with Russia's ...", "Romania recalls its
ambassador to Kenya ... in Nairobi") about 12, which the subject rule measured both ways; an actor abroad (Israeli,
U.S., Turkish forces) or a speaker's demonym (Zambian, Azerbaijani, Ecuadorian presidents) about 10; a dependency
whose label is its own code while its state leads (Hong Kong / China, Guam, Puerto Rico, and the French overseas
policy of ``curated.yaml``: Martinique and New Caledonia count for France) 5, of which row (mm) won Hong Kong; ties
4. Left as they are: the territory policy is the project's (a story about Martinique has focus FR), and the public
labels follow the headings' own codes.

Totals after the round (``PYTHONPATH=. python -m benchmarks.eval_region``): public dev 0.934 0.920 0.895 (found,
relevant, focus; 1214 of 1,357, from 0.891, 1209), on events whose text names the label 0.946 (from 0.941),
precision bounds 0.888 / 0.931 (unchanged); public test 0.910 0.897 0.836 (1365 1346 1254, unchanged), on events
naming the label 0.912, bounds 0.835 / 0.920 (unchanged); self-written dev P/R/F1 0.983 0.980 0.982, focus 0.911
(unchanged); held-out 0.979 0.977 0.978, focus 0.908, relevant 0.908 0.928 0.918 (unchanged). The public dev focus
is short of the 0.90 target (1,222 events) by eight. The two rules fire on 64 public dev events (five foci moved,
all to the label) and on one self-written dev story ("MECCA, Saudi Arabia -", no focus moved); the test row's
focus did not move.

Twelfth round (branch people6), issue #17: more politicians for stories that name only people, the eighth round's
protocol (kept when public dev focus rises, the self-written dev F1 and focus do not fall and no held-out or
public-test total falls; those two sets' totals read after every try, never their events). Before it (3a4d0a8):
public dev 0.934 0.920 0.895 (found, relevant, focus; 1214 of 1,357), bounds 0.888 / 0.931; public test 0.910
0.897 0.836, bounds 0.835 / 0.920, names alone 26 events (26 right); self-written dev 0.982 0.911; held-out 0.978
0.908 (relevant 0.908 0.928 0.918). Public dev "no country found" 52: read again, about 15 name only people or
parties (UK MPs in the Labour splits, "Ben Carson", "Rahul Gandhi", "Penny Mordaunt", ministers of Iceland and
Austria, "Roberta Metsola" on a Qatar-labelled story), the rest no name at all ("The government announces ...").

=================================================  ========================  ==================  ===========  ===========
change                                             public dev                public test         dev          held-out
=================================================  ========================  ==================  ===========  ===========
Wikidata's cabinet ministers of 155 states and     0.934 0.895 (1215) 0.931  0.911 0.898 0.837   0.982 0.911  0.978 0.908
sub-national governments (every-politician-
scrapers/world@4a3b394, missing-successors.csv
at every commit, CC0): 1,084 names more on the
people list, each with a rare word and one
country, in office from 2012 on; no minister's
surname counts alone (nn)
*not kept*: the same without the rare-word test    0.934 0.895 (1215) 0.931  0.911 0.898 0.837   unchanged    unchanged
(1,292 names)
*not kept*: the ministers who left from 2000 on    0.934 0.895 (1215) 0.931  0.911 0.898 0.837   unchanged    unchanged
(1,340 names)
*not kept*: the same repository's foreign          0.934 0.895 (1215) 0.931  0.911 0.899 0.837   unchanged    unchanged
ministers in office (sources/foreign/wikidata.csv
at every commit, Aug-Dec 2022; 218 names more)
=================================================  ========================  ==================  ===========  ===========

(nn) One public dev event right more ("Penny Mordaunt is eliminated from the leadership election", GB, no
place named), none lost; public dev relevant found 0.920 -> 0.921; public test found 0.910 -> 0.911, relevant
0.897 -> 0.898, focus 0.836 -> 0.837, names alone 26 -> 27 events (all right), both precision bounds unchanged
on both rows. The list now holds 2,325 people (from 1,243) and 5,222 parties: rebuilt on this machine, the
builder of 3a4d0a8 itself gives 1,241 and 5,222 (two leaders and 30 parties in Thai, Khmer and Burmese
script, whose stored tokens the present tokeniser no longer produces, so they matched nothing; every figure
above is the same with the committed file and that rebuild). A minister's name joins the leaders' claims, so a
name two countries' leaders or ministers share is dropped (rule 4 of stream.build.people); the surname table
is built from the leaders alone and is unchanged (1,056), so "President Mordaunt" or "the Mordaunt government"
count nothing. ``people.json.gz`` 156 -> 179 KB; its load 69 -> 76 ms, held memory 3.7 -> 4.2 MiB
(tracemalloc, load_people alone); the eval's load line 0.67-0.75 s, +150 MiB, peak RSS 176 MiB, as before.
Cost: ``python -m benchmarks.region_cost --against 3a4d0a8 --rounds 2``: locate 303 / 578 and 307 / 566 us
(median / p95) against 305 / 579 and 305 / 574; tokens + locate 402 / 667 and 404 / 667 against 409 / 670 and
403 / 663: the same (people are read only on stories with no place evidence).

Sources weighed and left out: everypolitician/everypolitician-data (legislators of ~230 countries to 2019,
the issue's candidate): no licence file, its lists gathered from parliaments' own sites under their terms
(the project's own notes name licensing as the barrier to moving them to Wikidata), and its snapshot (2.5 GB)
is past what this build can fetch; a 2015 fork (tijmenb/everypolitician-data) is as unlicensed.
mysociety/parlparse (UK members): the repository's licence is the AGPL for its software, with no word on the
data, and members/people.json (over 4 MiB) is not in the fetched snapshot. unitedstates/congress-legislators
(CC0) would fix no public dev miss (no member of Congress among them), so it was not measured. The rare-word
and 2000 variants moved nothing; the foreign ministers moved only a public-test figure, and a test figure
chooses nothing. Known slips kept from the source: a few rows file a minister under another state ("Haim Ramon"
FR, "Hristos Protopapas" IT), and "Candice Bergen" (a Canadian minister) is also an American actress; a check
dropping a post whose title names one other state than its jurisdiction caught one slip of six drops (Edwina
Hart, Jacques Mézard, Stéphane Le Foll and two Guinean ministers were right) and was left out before measuring.
Left: the UK MPs of the Labour-split events (5), "Ben Carson", "Rahul Gandhi", "Steven
Joyce", "Alma Zadić", "Svandís Svavarsdóttir" need a licence-clean legislators or cabinet source that names
them (Wikidata's per-state cabinet lists in every-politician-scrapers' ~100 per-country repositories would;
a builder reading them all is a larger change); a one-word party name in an uncased script (Thai, Khmer)
fails rule 6's capital test now that the tokeniser keeps it whole.

Members of the US Congress (stop 35, branch congress): ``unitedstates/congress-legislators`` (CC0), its members file
as it stood every half year from 2012 (the historical file is absent from the snapshot), joins the people list as
ministers do (rule 8 of stream.build.people): 3,242 names (from 2,325), no surname alone. Every row of this benchmark
is unchanged to the event (no public dev miss names a member, as the round above found, and no self-written story
does), so no figure chose it: it is kept because English news names senators and representatives without a place
("Amy Klobuchar says ...") and such a story had no country; ``tests/unit/test_people.py`` checks it.

Thirteenth round (branch denoun), German nouns: dpa's "Faktencheck Derby-Elfmeter" (a Dortmund-Schalke match,
``tests/fixtures/iptc/ninjs/2.1-dpa_text.json``) had countries GB, DE and focus GB: "Derby", the German noun for
a local derby, read as the English city. A city form was a word only at Zipf >= 4 in a language (German "derby"
3.91), and German capitalises every noun, so the capital test tells nothing there. Rule kept (``stream.build.
gazetteer`` NOUN_CASE_STEP): a form that is a common word in another checked language by its kind's floor is one
in German from one Zipf step lower (4.0 -> 3.0, a million-city's 4.5 -> 3.5); it gains "de" in ``word_langs``, so
it needs support in German stories only (it was word-ambiguous already elsewhere: no flag changes, no other
language's story moves). 97 forms gain German; the dpa story now reads DE alone, focus DE. Own languages are
unchanged (Essen, Halle in German text). Figures, before -> after (``python -m benchmarks.eval_region``):
self-written dev P/R/F1 0.983 0.980 0.982, focus 0.911 (unchanged; its German stories unchanged); held-out P/R/F1
0.979 0.977 0.978 -> 0.981 0.977 0.979, focus 0.908, relevant 0.908 0.928 0.918 (de P 0.988 -> 1.000); public dev
0.934 0.921 0.895, bounds 0.888 / 0.931, and public test 0.911 0.898 0.837, bounds 0.835 / 0.920 (unchanged: English).
Place hits changed on the German dev and held-out stories (70): one, held-out de-h017, "Die Lira gab dennoch nach"
(the Turkish lira) no longer names Lira, Uganda. On the 1,234 German texts of the public topic set (unlabelled,
read by eye): ten changed, each a false place dropped (Plaza "Central" in Mocoa as Fiji's Central, the
"Kennedy"-Raumfahrtzentrum as Kennedy CO, "Metro" Manila and "Metro"-Wagen as Metro ID, "Bush" as Būsh EG,
"Solis" as Tuzla BA, "Turn"-Frauenteam as Angren UZ, "Dalai Lama" as Kara TG, "Corona"-Krise as Corona US,
"Ajax" Amsterdam as Ajax CA; Cape Canaveral "(Florida)" now the US state, not Floridablanca CO), none lost.
Tried and dropped: the lower German floor for every form, not only words elsewhere. Steps 0.1-0.3 changed the
same few texts, but German's list counts its own names of foreign places (Lissabon 3.78, Straßburg 3.92,
Breslau 3.83, Palästina 3.77, Haag 3.79), which it made ambiguous; from 0.4 it lost "Vatikan" (twice), from 0.5
"Nizza" (self-written dev de-017, F1 and focus down) and "Istanbul" (held-out). With the word-elsewhere condition
steps 0.25, 0.5, 0.75 and 1.0 lost nothing on any German text and fixed 5, 7, 10 and 11; 1.0 kept (a factor of
ten, the capital test's share of a word's uses in a language that writes nouns in lower case is far smaller).
A compound-head test (German words ending in the form: Revierderby, Schweinepest) was looked at and left out:
compass compounds (Südvietnam, Nordkaukasus) make names look like nouns. Cost, ``python -m benchmarks.region_cost
--rounds 1`` against a1e7c4a (the round's start): before (a1e7c4a against itself) locate 306 / 578 against 306 /
569 us (median / p95), tokens + locate 403 / 671 against 405 / 665; after 308 / 584 against 307 / 580, 411 / 682
against 408 / 680: the same (the rule is build-time only). Luxembourgish is no checked language (no word list
read), so it has no such floor.

Fourteenth round (branch focus7), issue #17's focus target, the eighth round's protocol (a change is kept when public
dev focus rises or a clear class of its errors is fixed with focus not falling, the self-written dev F1 and focus do
not fall by more than one story, and no held-out or public-test total falls: found, relevant, focus, both precision
bounds; those two sets' totals read after every try, never their events). Figures: public dev found / relevant /
focus as counts of 1,357 and the two precision bounds; public test the same of 1,500; self-written dev F1 / focus;
held-out F1 / focus. Before it (ab83195): public dev 1268 1250 1215, 0.888 / 0.931; public test 1366 1347 1255,
0.835 / 0.920; self-written dev 0.982 0.911 (418 of 459); held-out 0.979 0.908 (277 of 305; relevant 0.908 0.928
0.918). Public dev misses: no country found 51, label not found 38, another country 48, tied 4, extra countries only
117. The focus misses with countries, read again, are as the eleventh round found them (a heading's country the text
names in passing, subject against scene, actors abroad, territories); the round looked for readings that are wrong
or missing for a reason a rule can state.

=================================================  ==========================  ==========================  ===========  ===========
change                                             public dev                  public test                 dev          held-out
=================================================  ==========================  ==========================  ===========  ===========
a generic subdivision name (compass words and      1268 1250 1215 .889 .932    unchanged                   unchanged    unchanged
unit nouns only) right after a country's
possessive is that country's: no other state's
reading ("Saudi Arabia's Eastern Province" was
Sri Lanka's) (oo)
*not kept*: "into" marks the scene as "in" does    1268 1250 1214 .889 .933    unchanged                   unchanged    unchanged
(the seventh round's try again)
an ambiguous country name whose possessive owns    1269 1251 1216 .889 .932    unchanged                   unchanged    unchanged
an organ of a state ("Jordan's air force",
"Chad's government": institution and force
nouns, president, prime, foreign, defence,
king, embassy) is the country, weighed as a
sure name (pp)
*not kept*: the same supported, weighed as an      1269 1251 1215 .889 .932    unchanged                   unchanged    unchanged
ambiguous name (x0.8)
a central bank named after its state ("Reserve     1270 1252 1217 .889 .932    1367 1348 1256 .835 .920    unchanged    unchanged
Bank of Australia", "Central Bank of
Nigeria"; reserve, central, national) counts
for it, at an organisation's weight, in a story
naming no place (qq)
*not kept*: any "Bank of X" so                     1271 1253 1218 .889 .932    1367 1348 1256 .835 .920    unchanged    0.977 0.902
=================================================  ==========================  ==========================  ===========  ===========

(oo) One public dev event loses a false country ("an attack on a Shia mosque in Saudi Arabia's Eastern Province", SA
and LK, now SA), none gains one; no focus moved (Saudi Arabia led already). The gazetteer's only "Eastern Province" is
Sri Lanka's (ISO 3166-2 English names; Saudi Arabia's is listed as Ash Sharqiyah), so the reading is dropped, not
moved; where the possessor has the subdivision the reading stays its own. Only a generic name: a proper name after a
foreign possessive keeps its reading ("Ukraine's Kursk incursion" names Russia), and without the possessive "the
Eastern Province" is Sri Lanka's as before. The eighth round's try on the possessor (an English name before "'s"
weighed as a demonym) lost "in Saudi Arabia's Eastern Province" as the scene; this row leaves the possessor's weight
alone.

The "into" row lost "Police in Serbia arrest three Australians ... smuggling of cocaine into Sydney" (a destination)
and won nothing; "Russian forces in Belarus launch 25 ballistic missiles into northern Ukraine" stays Belarus's.

(pp) One public dev event right more ("Jordan's air force intercepts four missiles and one drone launched from Iran":
Iran alone before, Jordan a first name with no support beside another country; now tied, and the tie passes over
Iran, named only after "from"), none lost. Weighed as an ambiguous name (x0.8) it found Jordan but left the focus with
Iran (3.0 against 2.4). A person's possessive before anything else ("Jordan's late goal") supports nothing; the third
round's sentence-opening rule still covers "Jordan reports ..." in a story naming no other place.

(qq) One public dev event right more ("The Reserve Bank of Australia slashes its official cash rate ...", no country
before), none lost; public test found, relevant and focus one event more each (1366 1347 1255 -> 1367 1348 1256), its
bounds 0.8350 / 0.9197 -> 0.8351 / 0.9198. The third round counted every organisation's country in a story naming no
country and lost held-out F1 (0.969 -> 0.961): a company is about no country. Any "Bank of X" (the organisation
prefix) won "Bank of America" too, but held-out fell (F1 0.979 -> 0.977, focus 277 -> 275): commercial banks named
after a place ("Bank of Cyprus") are companies; a state's central bank is its organ, as its leader is (people count
the same way, only where no place is named).

After the round: public dev misses, no country found 50 (from 51), label not found 37 (38), another country 48,
tied 4, label found but focus null 1, extra countries only 116 (117). Totals (``python -m benchmarks.eval_region``):
public dev 0.936 0.923 0.897 (found, relevant, focus; 1270 1252 1217 of 1,357, from 0.934 0.921 0.895), bounds 0.889
/ 0.932 (from 0.888 / 0.931); public test 0.911 0.899 0.837 (1367 1348 1256, from 1366 1347 1255), bounds 0.835 /
0.920; self-written dev 0.983 0.980 0.982, focus 0.911; held-out 0.981 0.977 0.979, focus 0.908, relevant 0.908
0.928 0.918 (all unchanged). The public dev focus is 0.897, short of 0.90 (1,222 events) by five. Cost, ``python -m
benchmarks.region_cost --against main --rounds 3`` (main at ab83195): locate 307-310 / 582-589 us (median / p95)
against 303-306 / 565-578, tokens + locate 405-411 / 673-687 against 399-402 / 665-675 (+3-4 us median; the
tokens column, unchanged code, moved by 1-3 us between the same runs).

Fifteenth round (branch focus8), issue #17's "label not found" and "no country found" misses, the fourteenth round's
protocol and figures (public dev found / relevant / focus of 1,357 and the two precision bounds; public test the same
of 1,500; self-written dev F1 / focus; held-out F1 / focus). Before it (main, 57a0a2f): public dev 1270 1252 1217,
.8891 / .9321; public test 1367 1348 1256, .8351 / .9198; self-written dev 0.982 0.911; held-out 0.979 0.908 (relevant
0.908 0.928 0.918). The 87 public dev misses of the two kinds, read by cause. No country found (50): the text names no
place, person or party at all ("The government announces ...", "Officials report the death toll ...") about 22;
people and parties the list lacks (Ben Carson, Lawrence Lessig, the Labour MPs, Rahul Gandhi, Steven Joyce, Svandís
Svavarsdóttir, Alma Zadić, Stewart Rhodes, George Pell, Governor García Padilla ...) about 16; an institution named
after no gazetteer place (Harvard University twice, Fort Hood, Bank of America, the Capitol) 4; a club (FC Dinamo
București; Manchester City and Crewe Alexandra; Galatasaray, labelled MR) 3; Antarctica 2 (the project's policy: an
area that counts for no country); an ambiguous name left without support ("Bali announces ...", "The Supreme Court of
Victoria": the Australian state is no gazetteer reading) 2; "Amazon rainforest ... South America" 1; "Tehran Imam
Khomeini International Airport" read as a person (labelled UA) 1; "Asa Coast Railway" 1. Label not found (37): the
heading's country not named or named only in the heading (the "Russian invasion of Ukraine" headings, "Gulf of Oman
incident" three times, Hong Kong, "Lebanon Ohio", New South Wales labelled GB, "Canary Islands" labelled CC ...)
about 24; the territory policy (New Caledonia, Martinique twice count for France) 3; a false reading 2 ("Governor of
Papua" as Papua New Guinea, "Health Minister Salvador Illa" as El Salvador); a leader beside a place named ("Kulsoom
Nawaz Sharif ... treated in London", "Maduro ... the Russian Sputnik V vaccine") 2; towns under the population floor
(Sderot, Ibim, Nir Am) 1; "Jordan suspends all flights to and from the United Kingdom" (the third round's rule) 1;
the rest a strait or a person abroad.

=================================================  ==========================  ==========================  ===========  ===========
change                                             public dev                  public test                 dev          held-out
=================================================  ==========================  ==========================  ===========  ===========
a city in a sports club's name is the club's       1271 1253 1218 .8892 .9322  unchanged                   unchanged    unchanged
home: after a club's mark in capitals (FC, AFC,
CF, AC, SC, FK, SK; curated, seven), up to two
capitalised words away, or right before one
("FC Dinamo București", "Liverpool FC"); no
surname, backed, x0.3 as "the Boston Celtics"
(rr)
a name read only as a country beside a             1272 1254 1219 .8900 .9330  unchanged                   unchanged    unchanged
governor's title ("Governor of X", "X
Governor") is the one other state's whose ISO
3166-2 subdivision it names exactly (pycountry's
files, a runtime dependency): "Governor of Papua
Lukas Enembe" is Indonesia's, not Papua New
Guinea (ss)
*not kept*: the same for the unit nouns of the     1272 1254 1219 .8900 .9330  unchanged                   unchanged    unchanged
sixth round's row (n) ("Équateur Province" CD
instead of no reading)
=================================================  ==========================  ==========================  ===========  ===========

(rr) One public dev event right more ("FC Dinamo București will be relegated ...", RO; no country before: "Dinamo"
read as a first name and "București" as its surname), none lost. The marks are the clubs' standard abbreviations, a
curated list of seven, read only in capitals. Left out before measuring: "City" and "United" as marks ("Manchester
City" is its city's, but "Gaza City", "Quezon City", "Panama City" are the places themselves, and "Manchester" is
ambiguous and stays unsupported in the Bennell event anyway); no figure of the self-written sets moves (their one
club, "FC Bayern München", names Germany beside "Bayern").

(ss) One public dev event right more (Indonesia's Papua governor), none lost; both public dev precision bounds rise
(.8892 -> .8900, .9322 -> .9330: Papua New Guinea was a false extra on an event naming no other country). A state has
no governor: the title names a subdivision. The rule reaches six gazetteer forms (built on first use from pycountry's
iso3166-1/-2 files: "papua" -> ID, "équateur" -> CD, "santa elena" -> EC, "lau" -> FJ, "norfolk" -> GB, "chin" ->
MM); a name that is itself an ISO 3166-1 country's (Puerto Rico, Guam, Georgia) or a subdivision whose code is the
country's own (NL-SX "Sint Maarten", CN-MO "Macao SAR") keeps its reading, so "Governor of Puerto Rico", "Governor of
Gibraltar" and "Governor of Bermuda" stay those territories'. The first story with a governor's title pays ~65-135
ms once (the two files read with orjson, the objects dropped; 0.02 MiB kept; pycountry's module is already imported
by stream.language). Without the title "Floods in Papua" stays Papua New Guinea's. The unit-noun row moved nothing:
its events were right already (Équateur dropped, DR Congo named beside it); "Chin State" stays China's ("state" is no
unit noun there, the sixth round's try).

Also weighed and left out before measuring: "Governor of X" for any sovereign state (no runtime library says which
states are sovereign, and Puerto Rico, Gibraltar, Bermuda have governors); an ISO 4217 code before a number as support
for its country ("a IDR150,000 tourist tax" would back Bali's Indonesian reading; "USD" would back the US readings of
"Georgia" and other shared names); a universities list (Hipo/university-domains-list, MIT) for "Harvard University"
(one public dev event; a builder and an artifact). Antarctica stays an area (policy), Sderot stays under the floor
(the third round's lower floors lost on the self-written and held-out sets). After the round: public dev misses, no
country found 49 (from 50), label not found 36 (37), another country 48, tied 4, label found but focus null 1, extra
countries only 116. Totals (``python -m benchmarks.eval_region``): public dev 0.937 0.924 0.898 (1272 1254 1219, from
0.936 0.923 0.897), bounds 0.890 / 0.933 (from 0.889 / 0.932); public test 0.911 0.899 0.837, bounds 0.835 / 0.920;
self-written dev 0.983 0.980 0.982, focus 0.911; held-out 0.981 0.977 0.979, focus 0.908, relevant 0.908 0.928 0.918
(all unchanged). The public dev focus is 0.898, short of 0.90 (1,222 events) by three. Gazetteer load 0.69-0.76 s, +150
MiB (unchanged: no artifact rebuilt). Cost, ``python -m benchmarks.region_cost --against main --rounds 2``: locate 312-315
/ 584-592 us (median / p95) against 311-313 / 588-589, tokens + locate 413-414 / 683-687 against 409-412 / 682-685: the
same. The rules' first form, checking every hit for a mark or a title, cost +14-15 us a story (locate 323-324 against
309); they now run only where one pass over the tokens finds a governor's title or a club's mark.

Real agency files (stop 35): Superdesk's NITF test file "nitf-fishing.xml" (AGPL, not vendored) reads "Norfolk,
Virginia" as Norfolk Island: CLDR names the territory "Norfolk", and a city form equal to a country's name was
dropped. A city with ``TINY_TERRITORY_RATIO`` (20) times the people of every country or territory so named now
shares the form, both readings needing support (stream.build.gazetteer): only "norfolk" changes (Norfolk, Virginia,
238,000, against Norfolk Island, 1,800); every row of this benchmark is unchanged to the event.

Real agency files, second pass (branch places17): misreads in Superdesk's test files (AGPL, not vendored; the unit
tests say the same in their own words) and IPTC's examples, the protocol above (public dev, self-written dev F1 /
focus, held-out and public-test totals must not fall). Before it (main, 6278c6e): public dev 0.937 0.924 0.898,
bounds 0.890 / 0.933; public test 0.911 0.899 0.837, bounds 0.835 / 0.920; self-written dev 0.983 0.980 0.982,
focus 0.911; held-out 0.981 0.977 0.979, focus 0.908, relevant 0.908 0.928 0.918.

A NewsML-G2 ``located`` is "the location from which the content originates" (IPTC's LISTING 28 pairs it with the
dateline, the geoArea subjects being what the story is about), and Reuters sends its editing desk there: "Bangalore"
(broader N2:IND) on a Syria story datelined BEIRUT made India relevant (0.18), and a Chelsea match report's focus
India from it alone. It is now the story's origin (``ProviderPlace.origin``): it counts as a provider place only for
a country the text names (its dateline or any mention: dpa's "Athen" over "Athen (dpa) - ..."), never against the
text's own dateline, and in a story whose text names no country it is listed as ``origin``, not relevant, with no
focus. Every row unchanged (no story of the benchmark carries provider metadata). Real files: five Reuters items
lose India, the match report keeps it as its origin only; three STT items whose text names no place (located Helsinki) lose their focus FI, which was right,
as a desk's would be wrong: a missing focus, not a false one. NewsML 1.2's ``HowPresent="Origin"`` is left a
provider place: AFP sends its dateline city there and ANP its own country alone (the fourth round's NLD story).

A country only the provider's metadata names (its places, an origin) supports the text and no longer overrules it:
where the text names countries, the focus is one of them; and the rules for a story that names no place (leaders,
parties, a lone ambiguous country name, a central bank) ask whether the *text* names one, so a provider's place no
longer turns them off. Every row unchanged (no provider metadata in the benchmark); no real file's output moved:
IPTC's ap_video.json (AP: "Ukraine" on a caption about House Democrats and "the Trump impeachment") keeps focus UA,
its text naming no place, leader or party the list reads (see the next paragraph).

A leader's surname before "impeachment" is that leader's, as before "administration" (only an office-holder is
impeached): "the Trump impeachment hearings" names the United States, and with the row above ap_video.json's focus
is US (UA 0.67 from the provider, relevant, no longer the focus). Every row unchanged.

The continents' English adjectives (Latin, South, Central, North American and their plurals) shadow the demonym in
them, as the continents' names shadow "America" (curated ``shared``): "Pope Francis leaves Peru at end of Latin
American trip" (Reuters) named the United States, relevant. Public test precision bound 0.835 -> 0.836 (relevant
0.920 unchanged); every other row unchanged to the event.

A country's name that no checked language writes, and that no language writing it is seen using in wordfreq's
lists (Zipf >= 3), is ambiguous when it is any first name of nam_dict.txt, not only a common one (class >= 7):
CLDR's Colognian "Jaana" for Ghana (a Finnish first name, class 6) made Ghana relevant (0.5) on an STT athletics
results list ("2) Jaana Sieviläinen"); also Siri (SY), Talia (IT), Marita (MT), Rasha (RU), Cameron (CM), Ira (IR): 43 forms.
Norwegian "Kina" (4.99), Czech "Francie", Malay "Yaman" are in use and keep their reading. First tried without the
demonym exclusion: public dev lost one event ("Philippine Justice secretary ...": the form is also the adjective);
forms that are also a demonym are left out. Every row unchanged.

Opening a sentence, where every word is capitalised, an ambiguous town's form that is a frequent English word (Zipf
>= 4) ten times as frequent as the English name of every place it reads as ("can" 6.5, Caen 2.6) is a word unless
the text uses it as a place (a preposition, a locative, a trigger word): another name of its country no longer backs
it (artifact ``opening_words``, 27 forms: Can, Ben, Bush, Julia, Victor, Solo ...). AP's "Can trading pollution like
stocks help fight climate change?" read Caen on the strength of "Paris" below and made France relevant as a headline
country. English only: wordfreq folds case, so a name's own frequency is in its word's, and the gazetteer keeps the
rival name in English alone ("Roma" is Italian's word for Rome). A country's name stays as it was ("Turkey's
central bank ...", the third round's rule). Every row unchanged.

"NSW" names New South Wales, in capitals only (curated ``subdivision_abbreviations``, matched as the country
abbreviations are): AAP's digest of the NSW bushfires ("a huge area of NSW", three times) had focus Syria from one
passing item on Syrian refugee camps; now AU (0.86), SY not relevant. Every row unchanged.

"Mets" and "Zion" shadow the GeoNames alternates of Metz and Jerusalem they collide with, as "Hamas" and "Rugby" do
(curated ``shared``: the New York Mets, Zion National Park): AP's baseball standings named France three times,
Reuters' "Rocky Mountain and Zion" Israel. Every row unchanged.

A dateline-only leader below ``DATELINE_ONLY_SHARE`` is still set aside, but the focus then passes to a country the
headline names when it holds ``HEADLINE_LEAD`` (2) times the next country's share, instead of none: Reuters' "Syria's
Assad says foreign states will pay ..." filed from BEIRUT (LB 0.44 from the dateline, SY 0.33, Iran and Russia 0.11)
had no focus country, now SY. A warning filed from Geneva about several countries the headline does not name keeps
none (the ninth round's "never the focus" try lost local stories; this one only fills a null). Every row unchanged.

EveryPolitician's legislators (branch polit), issue #17's focus target on stories that name a politician and no place,
the fifteenth round's protocol (public dev may not fall, self-written dev F1 / focus may not fall, no held-out or
public-test total may fall; the two sets' totals read after each try, never their events). Source: the members of
239 legislatures of 232 countries and territories in tijmenb/everypolitician-data @ 0642e77 (30 November 2015, a fork
of everypolitician/everypolitician-data, whose own snapshot, 2.5 GB, and its 2019 forks, 0.5-0.9 GB, are past what
``fetch`` brings here), ``countries.json`` and the term CSVs of every period that ended from 2012 on or was open,
kept as members of Congress are (rule 9 of stream.build.people: rule 7's rare word, full names only, no surname
alone, a name two countries claim dropped). Licence: none. Neither repository has a licence file, neither README names
one, and the Popolo files' ``meta.sources`` list parliaments' own sites beside Wikidata; the brief's "CC0" could not be
verified, and the twelfth round had left the source out for that reason. Figures: public dev found / relevant / focus
(focus events right of 1,357), precision bounds; public test found / relevant / focus, bounds; self-written dev F1 /
focus; held-out F1 / focus (relevant P/R/F1 0.908 0.928 0.918 on every row). Before it (main, 09f86b9): the first row.

=================================================  ==========================  ==========================  ===========  ===========
list                                               public dev                  public test                 dev          held-out
=================================================  ==========================  ==========================  ===========  ===========
main (3,242 people, 5,222 parties)                 .937 .924 .898 (1219)       .911 .899 .837              0.982 0.911  0.979 0.908
                                                   .890 / .933                 .836 / .920
every member, 2012 on (32,456 people: 29,222       .941 .928 .902 (1224)       .914 .901 .840              unchanged    unchanged
from EveryPolitician alone) (uu)                   .890 / .933                 .836 / .920
members of the periods open in November 2015       .940 .926 .901 (1223)       .913 .901 .839              unchanged    unchanged
only (25,641 people)                               .890 / .933                 .836 / .920
every member, only names whose every               .940 .926 .901 (1223)       .912 .899 .838              unchanged    unchanged
capitalised word is rare (12,169 people)           .890 / .933                 .836 / .920
=================================================  ==========================  ==========================  ===========  ===========

(uu) Five public dev events right more, none lost, all with no place named: the three Labour events (Angela Eagle and
Owen Smith; the seven MPs who left the party; Chris Williamson), Hong Kong's Leung Kwok-hung, Iceland's Svandís
Svavarsdóttir; no country found 49 -> 44, focus null 51 -> 46; on events whose text names no country, focus 0.849 ->
0.862. Public test: focus on events naming no country 0.788 -> 0.797, names alone decide 31 events (from 27), all
right; neither row's precision bounds moved, nor any self-written or held-out figure. Every variant passes the
protocol; the full list is the best. Not shipped: the licence is not settled, so the source is not read and
``people.json.gz`` is unchanged; the builder that read it (rule 9, an ``--everypolitician`` option) was not merged
either (branch polit in the working copy of stop 36). Its cost if shipped: ``people.json.gz`` 193 -> 871 KB; ``load_people`` alone
~20 -> ~130 ms (best of three), held memory 4.6 -> 19.2 MiB (tracemalloc); the eval's load line 0.87-0.92 -> 1.03-1.15 s
(three alternating runs), peak RSS 177 -> 182 MiB; the median cost per story unchanged (people are read only on
stories with no place evidence). The names are the source's own forms: surname-first ("CASTIGLIONE Giuseppe", Italy's
Senate), capitals, honorifics ("Hon.", "Mag.") are kept as given and match only text written that way; the data stop in
November 2015, so later legislators (Labour's 2019 intake) are absent.

Finnish case endings (branch finnish). STT writes country and city names only inflected ("Myanmarin", "Venäjällä",
"Suomessa", "Saksaan", "Helsingissä"), and a Finnish story about Myanmar had no country. In Finnish stories only
(detected or provider ``fi``) the Latin family now takes a closed set of Finnish tails after the name, as the Turkic
ones are taken in Turkic stories (stream.places.geomorph): after a vowel -n -ssa -sta -lla -lta -lle -na -a -ta (both
harmony spellings) and the illative Vn / hVn / seen, after a consonant the same behind a linking -i- (Myanmarin,
Irakissa, Iraniin), each optionally with -kin / -kaan / -kään. The inessive is a locative; the adessive is not (on most
names it is the possessor: "Kiinalla on", China has), and the translative -ksi is left out (on a country's name it is
the language: "suomeksi", "ranskaksi"). Names whose stem changes are stored as their case forms, read in Finnish
stories only: derived by rule from the CLDR Finnish names and the names of places in Finland and Åland (consonant
gradation, -i -> -e-, -s -> -kse-, plural stems) and kept where wordfreq's Finnish list has them (Zipf >= 2.0), the
stem in two forms at least, each form more frequent than the same ending on the unchanged name (221 forms: Suomessa,
Helsingissä, Turun, Tampereella, Lahdessa, Kreikan, Turkin, Irlannin, Itävallassa, Yhdysvaltain, Yhdysvalloissa,
Alankomaissa, Filippiineillä, Kyproksella, Tšekissä, Etelä-Afrikassa; Malta's "mallan", of malt, is not kept). A
Finnish form of any name (bare or with a tail) that the list has at Zipf >= 3.0 and that is more than one Zipf step
above what the place explains is another word and needs support in Finnish stories (``fi_words``, 213 forms): the
place's Finnish name's most frequent case form explains a CLDR Finnish name, its English name's frequency any other
place's, and places in Finland and Åland are trusted ("Miten" how, not Mitte + n; "Sarjan" of a series, not
Sharjah's; "Oman" own, against Omanin 2.8; "Sodan" of war, not Sudan; "Rehn", Olli Rehn, not Rennes). Every row
unchanged (no Finnish in the eval sets); region_cost against main 27b8a09, one round: tokens + locate 420 / 698 us
(median / p95) against 425 / 705. The real STT files (AGPL copies, not vendored): stt_newsml_location_rich (Rohingya
refugees at the Myanmar-Bangladesh border) BD alone -> BD .57 and MM .43 (Myanmarin, Myanmarissa), focus BD; the three
copies of the Washington story gain Yhdysvalloissa / Yhdysvaltoihin / Yhdysvaltojen / Yhdysvaltain beside "Washington
D.C" (focus US as before) and FI .10-.12 from "Suomen"; stt_newsml_note_test (Jussi Niinistö on Yle's reports)
nothing -> FI and RU (Suomen, Venäjän), focus FI; stt_newsml_no_truncated_text_test (the Vastaamo data breach) focus
none -> FI (Suomen, Suomessa, Lapista; FR, ES, GB, RO from Ranskassa, Pariisin, Espanjassa, Lontoossa, Romaniassa);
stt1 (Revenio's new chief executive) focus none -> FI from "Icare Finlandin", a company's name. Not read: possessive
suffixes (Suomessamme), the inflected first word of a multi-word name (Dominikaanisessa tasavallassa; Keski-Afrikan
tasavallassa and Etelä-Afrikassa are read), Finnish demonyms (venäläinen, suomalainen), England, Scotland and Holland
(Englanti, Skotlanti, Hollanti: no CLDR territory, no Finnish name in the gazetteer), "Britannia" (Finnish news'
name of the United Kingdom; CLDR's is Yhdistynyt kuningaskunta, so "Britannian" is read nowhere), stem changes of foreign cities'
exonyms, and forms wordfreq does not attest. Tallinn's, Malmö's and Wales's Finnish forms need support, Finnish
naming them far more often than English.

State and province qualifiers (stop 37; stream/places/qualifier.py). ``make eval-toponyms`` (public news with every
toponym annotated: LGL and TR-News, benchmarks/eval_toponyms.py) gave the first public precision figure, and its
dev halves' false countries were American and Canadian towns named after foreign places. The qualified ones are now
read: an AP state abbreviation or postal code after "<name>, " ("ATHENS, Ga. (AP)", "BELGRADE, Minn. --",
"Lebanon, Pa.") makes the name a place of that state (its US reading if the gazetteer has one, else the state,
evidence "Athens, Ga."; no hit inside the abbreviation, "Kan." was a Chinese town); a full name of a division of the
US, Canada, Australia or the UK that is no country's name ("Paris, Texas", "London, Ontario"; not "Georgia") keeps
the name only in that country and is itself sure there. AP datelines were the plainest misread: "ATHENS, Ga. (AP)"
had focus GR. eval_toponyms dev halves: LGL P/R/F1 0.676 / 0.787 / 0.727 -> 0.679 / 0.790 / 0.731, TR-News 0.785 /
0.941 / 0.856 -> 0.807 / 0.950 / 0.873. Every row here unchanged, except the public dev precision bound (0.890 ->
0.891) and one fewer public dev event with extra countries only (116 -> 115). The rest of LGL's false countries are
unqualified ("Officials in Athens said", a local paper naming its own town): London 25, Alexandria 20, Paris 20,
Palestine 15, Nelson, Athens, Dublin, Edmonton 12 each. ``python -m benchmarks.region_cost --against 87ad828 --rounds 1``: locate 478 / 1061 us (median / p95)
against 481 / 925, tokens + locate 634 against 638 (the qualifier check runs only on a text with a comma after a name).

Town homonyms (stop 37; stream/build/homonyms.py, ``make gazetteer``): "Officials in Athens said", a local paper
naming its own town. A country named only by bare names that are also towns (15,000+ people) of the US, Canada,
Australia or the UK is dropped when the story surely names a *state* of that country and no third country; the
dateline's and the provider's countries are never dropped. Every row here unchanged; eval_toponyms dev LGL F1 0.731
-> 0.747 (P 0.679 -> 0.708), TR-News 0.873 -> 0.877 (benchmarks/eval_toponyms.py records the first, broader form). ``python -m
benchmarks.region_cost --against b56a4d6 --rounds 2``: locate 502 / 521 us (median) against 490 / 550, the same.

Two readings from the same dev halves (stop 37). "<Name> region of <Country>" ("the Tigray region of Ethiopia",
"the Donetsk region of Ukraine", "the Far North region of Cameroon") had lost the country: the rule for "Province of
Équateur" read every country after "<unit noun> of" as a division's name; with a name before the unit noun the
country is its parent and counts. A division's name made only of compass words ("Far North", "North East", "West
Coast", "North-West") is a phrase of English as "North" is: it is ambiguous (needs support) and before another name
only qualifies it ("Far North Queensland", "North East Texas"). eval_toponyms dev LGL F1 0.747 -> 0.752, TR-News
0.877 -> 0.881; every row here unchanged except the public test (never tuned on) focus 0.837 -> 0.838.

Alternate names of other countries' towns (stop 37, stream.build.gazetteer, flag ELSEWHERE). GeoNames gives a
gazetteer city alternate names that are the own names of towns of other countries below the 100,000 floor:
"Salisbury" (Harare's colonial name; Salisbury, England), "Augusta" (Augsburg's Latin one; Augusta, Georgia),
"Monterey" (Monterrey; Monterey, California), "Bethlehem" (Belém; Bethlehem itself, 29,000), "Venice" (Dayton;
Venice itself, 51,000). Such an alternate (not a short form of the city's own name: "Enfield" of "Enfield Town"
stays) is ambiguous, and a preposition does not back it: "in Salisbury" says it is a place, not which.
Known cost: "In Calcutta the monsoon ..." alone no longer reads India (Calcutta, Eastern Cape has the name); with
India, Bengal or another Indian place named it does. eval_toponyms dev LGL F1 0.752 -> 0.757 (TR-News 0.881, the
first form without the short-form exception lost Enfield, London: 0.870); every row here unchanged except the
public dev's relevant precision bound (0.934 -> 0.935) and extra-countries-only events (115 -> 114).

A country's name that is a frequent word of the story's language (English "turkey"; the form read as that
country only, so "Columbia", also a South Carolina city, is not), capitalised inside a body sentence with small
words around it, is the country: "the ceasefire brokered by Turkey with Russia" had lost Turkey. eval_toponyms dev
TR-News F1 0.881 -> 0.891 (recall 0.950 -> 0.970), LGL unchanged; every row here unchanged except the public test's
found 0.911 -> 0.912 and focus 0.838 -> 0.839. Its first form, any frequent word so written (not only a country's
name), lost: LGL dev 0.752 -> 0.744, held-out precision 0.981 -> 0.971.

Streets and quarters (English stories): a name before a capitalised street noun ("Falcon Street", "Malta Road",
"Pennsylvania Avenue") or after "Little" ("Little Portugal", "Little Italy") names a street or a quarter, not the
place. eval_toponyms dev TR-News F1 0.891 -> 0.899 (P 0.824 -> 0.838), LGL 0.757 unchanged (P 0.727 -> 0.728, R 0.790
-> 0.787: LGL's annotators tag a place inside a street's name, "Memphis Street"); every row here unchanged. "Highway"
was measured among the nouns and left out: "Florida Highway Patrol" is the state's police (LGL dev F1 0.755 with it).

Qualifiers, second pass: the Canadian Press's province abbreviations ("MELVILLE, Sask.", "Churchill, Man.", "London,
Ont."; not "Que.": the gazetteer has Quebec the city only), and an abbreviation after a capitalised word the gazetteer
does not know ("of Cross City, Fla.") names its state as a place of the story, no hit left inside it ("Man." is no
Isle of Man). eval_toponyms dev LGL F1 0.757 -> 0.762 (R 0.787 -> 0.795), TR-News 0.899 unchanged; every row here
unchanged.
The last in English stories only: elsewhere "Ind." or "Del." after a comma is more often something else. Stage cost
over the whole stop, ``python -m benchmarks.region_cost --against e864f1f --rounds 2``: locate 526 / 511 us (median)
against 569 / 497, tokens + locate 683 / 667 against 758 / 661: unchanged within the machine's noise.

Short country names that only languages wirewatch does not read write (stream.build.gazetteer SHORT_FOREIGN_NAME):
Wolof and Jola-Fonyi name India "End", Kabyle Laos "Laws", Breton Switzerland "Suis", and a country's official
languages exempted every surface of its name from the word check, so "The End Of An Era For Apple" had focus India.
Such a name of up to four letters that is a more frequent word of a read language than that language's own name
for the place is left out (an acronym such as "USA" stays). Longer ones were measured and kept: leaving
out every such name also dropped "Turkey", "Holanda", "Olanda", "America" and England's reading in English text.
eval_toponyms dev LGL F1 0.762 -> 0.763, TR-News 0.899 unchanged; every row here unchanged.

A frequent word of the story's language opening a sentence (``opening_words``: "Can", "Turn", "Bush") is no longer
backed by a trigger word or a preposition nearby either, as it was not by another name: '"Can you imagine nine
people dying?" ... police officials' read Caen. eval_toponyms dev TR-News F1 0.899 -> 0.903, LGL unchanged; every
row here unchanged. Measured and not taken: checking every city alternate name in the country's own languages
too ("Drug" for Durg is English's "drug"): GeoNames' primary names are English exonyms, so the endonyms are the
alternates, and "München", "Milano", "Lisboa", "Genève" became words of their own languages.

Stop 45: the news towns (:mod:`stream.build.news_towns`, 168 towns of 5,000 people or more under the 100,000-people
floor that the portal names: Kherson, Bakhmut, Sderot, Jenin; chosen on the public dev row, whose misses had "Explosions in Kherson" find
no country): public dev found 0.937 -> 0.938, relevant 0.924 -> 0.925, focus 0.899 unchanged (items naming no
country 0.849 -> 0.852); public test found 0.916 -> 0.917, focus 0.843 -> 0.846; the self-written rows unchanged.
The table reads the portal without the test row's events and story lines (its rule 1), so no test event taught it a
town; the test row's story lines were still the same portal's.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import statistics
import time
from collections import defaultdict
from pathlib import Path

import orjson

from benchmarks import public_places
from stream.places.gazetteer import load_gazetteer
from stream.places.geotag import locate
from stream.places.people import load_people
from stream.places.regions import load_regions
from stream.story import Story

__all__ = ["MISS_KINDS", "evaluate_public", "main", "public_dev_path", "public_path"]

_DATA = Path(__file__).parent / "data" / "devset"
_HELDOUT = Path(__file__).parent / "data" / "heldout"


def _load(data: Path) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for path in sorted(data.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(orjson.loads(line))
    return rows


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _story(row: dict[str, object]) -> Story:
    return Story(id=str(row["id"]), headline=str(row.get("headline") or ""), body=str(row.get("body") or ""))


def _timing(rows: list[dict[str, object]]) -> tuple[float, float]:
    """Median and p95 microseconds per story cut or padded to ~2,000 characters."""
    samples: list[tuple[Story, str | None]] = []
    for row in rows:
        body = str(row.get("body") or "")
        while body and len(body) < 2000:
            body = body + "\n\n" + body
        samples.append(
            (Story(id="b", headline=str(row.get("headline") or ""), body=body[:2000]), str(row.get("language") or "") or None)
        )
    times: list[float] = []
    for story, lang in samples:
        # Best of five per story: the machine is shared, and the minimum is the
        # stage's own cost without other processes' interference.
        best = float("inf")
        for _ in range(5):
            t0 = time.perf_counter()
            locate(story, lang)
            best = min(best, (time.perf_counter() - t0) * 1e6)
        times.append(best)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95)]


def _evaluate(rows: list[dict[str, object]], max_errors: int) -> None:
    """Print the country and focus table of one data set."""
    per_lang: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0, 0])  # tp fp fn n fc fr nr
    errors = 0
    rel_sets = [0, 0, 0, 0]  # stories with gold relevant, tp fp fn
    for row in rows:
        lang = str(row.get("language") or "und")
        result = locate(_story(row), lang)
        got = {str(c["iso2"]) for c in result.countries}
        if "relevant" in row:
            rel_sets[0] += 1
            got_rel = {str(c["iso2"]) for c in result.countries if c.get("relevant", True)}
            gold_rel = {str(c) for c in row.get("relevant") or []}  # type: ignore[attr-defined]
            rel_sets[1] += len(got_rel & gold_rel)
            rel_sets[2] += len(got_rel - gold_rel)
            rel_sets[3] += len(gold_rel - got_rel)
        gold = {str(c) for c in row.get("countries") or []}  # type: ignore[attr-defined]
        stats = per_lang[lang]
        stats[0] += len(got & gold)
        stats[1] += len(got - gold)
        stats[2] += len(gold - got)
        stats[3] += 1
        stats[4] += int(result.focus_country == row.get("focus_country"))
        if row.get("focus_region") is not None:
            stats[6] += 1
            stats[5] += int(result.focus_region == row.get("focus_region"))
        if errors < max_errors and (got != gold or result.focus_country != row.get("focus_country")):
            errors += 1
            scores = " ".join(f"{c['iso2']}:{c['score']:.2f}" for c in result.countries[:6])
            print(
                f"  {row['id']}: gold {sorted(gold)} focus {row.get('focus_country')}/{row.get('focus_region')}"
                f" | got {sorted(got)} focus {result.focus_country}/{result.focus_region} | {scores}"
            )

    print(f"\n{'lang':6}{'n':>5}{'P':>7}{'R':>7}{'F1':>7}{'focusC':>8}{'focusR':>8}")
    tot = [0] * 7
    f1s: list[float] = []
    for lang in sorted(per_lang):
        s = per_lang[lang]
        tot = [a + b for a, b in zip(tot, s, strict=True)]
        p, r, f = _prf(s[0], s[1], s[2])
        f1s.append(f)
        fr = f"{s[5] / s[6]:.3f}" if s[6] else "-"
        print(f"{lang:6}{s[3]:>5}{p:>7.3f}{r:>7.3f}{f:>7.3f}{s[4] / s[3]:>8.3f}{fr:>8}")
    p, r, f = _prf(tot[0], tot[1], tot[2])
    fr = f"{tot[5] / tot[6]:.3f}" if tot[6] else "-"
    print(f"{'micro':6}{tot[3]:>5}{p:>7.3f}{r:>7.3f}{f:>7.3f}{tot[4] / tot[3]:>8.3f}{fr:>8}")
    print(f"{'macro':6}{'':>5}{'':>7}{'':>7}{statistics.mean(f1s):>7.3f}")
    if rel_sets[0]:
        p, r, f = _prf(rel_sets[1], rel_sets[2], rel_sets[3])
        print(f"{'relev':6}{rel_sets[0]:>5}{p:>7.3f}{r:>7.3f}{f:>7.3f}   (relevant countries only)")


def public_path() -> Path:
    """The public set's file: ``$WIREWATCH_WCEP_PLACES``, else the committed copy."""
    return Path(os.environ.get("WIREWATCH_WCEP_PLACES") or public_places.DEFAULT_OUT)


def public_dev_path() -> Path:
    """The public dev set's file: ``$WIREWATCH_WCEP_PLACES_DEV``, else the committed copy."""
    return Path(os.environ.get("WIREWATCH_WCEP_PLACES_DEV") or public_places.DEFAULT_DEV_OUT)


def evaluate_public(rows: list[dict[str, object]], misses: list[str] | None = None) -> dict[str, float | int]:
    """Figures of :func:`_evaluate_public`: counts and rates keyed by name (see the table it prints).

    With ``misses``, one line per event with an error is appended to it; only ever passed for the dev set.
    """
    n = named = alone = in_c = in_rel = focus = null = 0
    named_hits = [0, 0, 0]  # in countries, in relevant, focus; on events whose text names the label
    bare, bare_hits = 0, [0, 0, 0]  # the same on events whose text names no country at all (a city, a people)
    tp = fp = tp_rel = fp_rel = 0  # on events whose text names no country but the label's
    by_leader = by_leader_right = 0  # events whose only evidence is leaders' or parties' names, and how many are right
    kinds = dict.fromkeys(MISS_KINDS, 0)
    for row in rows:
        gold = str(row["country"])
        text_countries = [str(c) for c in row.get("text_countries") or []]  # type: ignore[attr-defined]
        result = locate(Story(id=str(row["id"]), headline="", body=str(row["text"])), "en")
        got = [str(c["iso2"]) for c in result.countries]
        rel = [str(c["iso2"]) for c in result.countries if c.get("relevant", True)]
        hits = (gold in got, gold in rel, result.focus_country == gold)
        sources = {str(m["source"]) for c in result.countries for m in c["mentions"]}  # type: ignore[attr-defined]
        if sources and sources <= {"person", "party"}:
            # Every piece of evidence is a leader's or party's name (stream.places.people): the story named no place.
            by_leader, by_leader_right = by_leader + 1, by_leader_right + (result.focus_country == gold)
        extra = [c for c in got if c != gold and c not in text_countries]
        kind = _miss_kind(gold, got, hits, result.focus_country, [float(str(c["score"])) for c in result.countries], extra)
        if kind:
            kinds[kind] += 1
        if misses is not None and (not all(hits) or extra):
            scores = " ".join(f"{c['iso2']}:{c['score']:.2f}" for c in result.countries[:6])
            misses.append(
                f"  {row['id']}: gold {gold} text {text_countries} | got {got} focus {result.focus_country}"
                f" | {scores} | {' > '.join(row['headings'])} | {row['text']}"  # type: ignore[arg-type]
            )
        n += 1
        in_c, in_rel, focus = in_c + hits[0], in_rel + hits[1], focus + hits[2]
        null += result.focus_country is None
        if gold in text_countries:
            named += 1
            named_hits = [a + b for a, b in zip(named_hits, hits, strict=True)]
        if not text_countries:
            bare += 1
            bare_hits = [a + b for a, b in zip(bare_hits, hits, strict=True)]
        if set(text_countries) <= {gold}:
            # Any other country came from a city, person, organisation or adjective: counted wrong,
            # though a city of another country can be right, so precision here is a lower bound.
            alone += 1
            tp, fp = tp + hits[0], fp + sum(c != gold for c in got)
            tp_rel, fp_rel = tp_rel + hits[1], fp_rel + sum(c != gold for c in rel)
    return {
        "n": n,
        "recall": in_c / n if n else 0.0,
        "recall_relevant": in_rel / n if n else 0.0,
        "focus": focus / n if n else 0.0,
        "focus_null": null,
        "named": named,
        "named_recall": named_hits[0] / named if named else 0.0,
        "named_recall_relevant": named_hits[1] / named if named else 0.0,
        "named_focus": named_hits[2] / named if named else 0.0,
        "bare": bare,
        "bare_recall": bare_hits[0] / bare if bare else 0.0,
        "bare_recall_relevant": bare_hits[1] / bare if bare else 0.0,
        "bare_focus": bare_hits[2] / bare if bare else 0.0,
        "alone": alone,
        "by_leader": by_leader,
        "by_leader_right": by_leader_right,
        "precision_lb": tp / (tp + fp) if tp + fp else 1.0,
        "precision_lb_relevant": tp_rel / (tp_rel + fp_rel) if tp_rel + fp_rel else 1.0,
        **{f"miss: {k}": v for k, v in kinds.items()},
    }


# The kinds of public-dev errors, by what went wrong (not why); each event with an error has one.
MISS_KINDS = (
    "no country found",
    "label not found, other countries found",
    "focus on another country, tied at the top",
    "focus on another country",
    "label found, focus null",
    "label found and focus right, not relevant",
    "extra countries only (label found, focus right)",
)


def _miss_kind(
    gold: str, got: list[str], hits: tuple[bool, bool, bool], focus: str | None, scores: list[float], extra: list[str]
) -> str:
    """The :data:`MISS_KINDS` entry of one public event, or "" when it has no error."""
    if all(hits) and not extra:
        return ""
    if not got:
        return MISS_KINDS[0]
    if gold not in got:
        return MISS_KINDS[1]
    if focus is None:
        return MISS_KINDS[4]
    if focus != gold:
        return MISS_KINDS[2] if scores[got.index(gold)] == scores[0] else MISS_KINDS[3]
    return MISS_KINDS[5] if not hits[1] else MISS_KINDS[6]


def _evaluate_public(path: Path, dev: bool = False, max_errors: int = 0) -> None:
    """Print the public test (or, ``dev``, dev) set's row, or why there is none; errors only for dev."""
    name = "public dev" if dev else "public"
    if not path.exists():
        print(f"\n== {name}: no file at {path}, skipped (python -m benchmarks.public_places [--mirrors DIR] builds it) ==")
        return
    rows = public_places.load(path)
    misses: list[str] | None = [] if dev and max_errors else None
    f = evaluate_public(rows, misses)
    use = "tuned on, no story line shared with the test row" if dev else "never tuned on"
    print(f"\n== {name}: {path.name} (Wikipedia Portal:Current events, CC BY-SA 4.0; {use}) ==")
    print("label: the one country the event's story-line heading names; precision is not measurable from it")
    print(f"\n{'events':34}{'n':>6}{'inC':>7}{'inRel':>7}{'focusC':>8}")
    print(f"{'all':34}{f['n']:>6}{f['recall']:>7.3f}{f['recall_relevant']:>7.3f}{f['focus']:>8.3f}")
    print(
        f"{'text names the label country':34}{f['named']:>6}{f['named_recall']:>7.3f}"
        f"{f['named_recall_relevant']:>7.3f}{f['named_focus']:>8.3f}"
    )
    print(
        f"{'text names no country':34}{f['bare']:>6}{f['bare_recall']:>7.3f}"
        f"{f['bare_recall_relevant']:>7.3f}{f['bare_focus']:>8.3f}"
    )
    print(
        f"focus null on {f['focus_null']} of {f['n']}; the text names the label's country in {f['named']} "
        f"({f['named'] / f['n']:.1%})"
        if f["n"]
        else "no events"
    )
    print(
        f"precision lower bound, on the {f['alone']} events whose text names no other country: "
        f"all {f['precision_lb']:.3f}, relevant {f['precision_lb_relevant']:.3f}"
    )
    print(
        f"countries from leaders' and parties' names alone (no place named): {f['by_leader']} events, "
        f"focus right on {f['by_leader_right']}"
    )
    if dev:
        print("events with an error, by kind: " + "; ".join(f"{k} {f['miss: ' + k]}" for k in MISS_KINDS))
    if misses:
        print(f"{len(misses)} events with an error; the first {min(max_errors, len(misses))}:")
        print("\n".join(misses[:max_errors]))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, action="append", help="data set folder (repeatable; default dev + held-out)")
    parser.add_argument(
        "--errors", type=int, default=0, help="print up to N stories with country or focus errors, with country scores"
    )
    parser.add_argument(
        "--public-dev-errors", type=int, default=0, help="print up to N public dev events with an error (never test ones)"
    )
    args = parser.parse_args(argv)

    gc.collect()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    gaz = load_gazetteer()
    load_regions()
    people = load_people()
    load_s = time.perf_counter() - t0
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kinds = [e[4] for entries in people.by_first.values() for e in entries]
    print(
        f"gazetteer: {len(gaz.places)} places, {kinds.count('person')} leaders and {kinds.count('party')} parties, "
        f"load {load_s:.2f} s, +{(rss1 - rss0) / 1024:.0f} MiB (peak RSS {rss1 / 1024:.0f} MiB)"
    )

    sets = args.data or [_DATA, _HELDOUT]
    all_rows: list[dict[str, object]] = []
    for data in sets:
        rows = _load(data)
        if not rows:
            print(f"no stories under {data}")
            continue
        all_rows.extend(rows)
        print(f"\n== {data.name} ==")
        _evaluate(rows, args.errors)
    if not args.data:
        _evaluate_public(public_dev_path(), dev=True, max_errors=args.public_dev_errors)
        # The test row: totals only, whatever the options.
        _evaluate_public(public_path())
    if not all_rows:
        return
    rows = all_rows
    med, p95 = _timing(rows)
    print(f"\ncost per 2,000-char story (best of 5 each): median {med:.0f} us, p95 {p95:.0f} us")


if __name__ == "__main__":
    main()
