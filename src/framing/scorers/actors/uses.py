"""How a loaded term is used in its sentence, which decides the constructions that may tie it to an actor.

The lexicon's categories say what a term does to a reader, not what it is applied to: "ruthless", "so-called",
"usurper" (hyperbole, delegitimising) are said of actors as much as "terrorist"; "massacre", "carnage", "the
crackdown" are acts and events. By the words around a hit, a term is used as

* ``label`` — a label category's noun or adjective ("terrorist", "regime", "martyr"), or any term before an
  actor noun of its phrase ("the notorious jihadist movement", "a brutal force", "ruthless generals"): the
  label's phrase then ends at that noun, and every construction applies;
* ``describer`` — an agent noun heading its phrase ("he is a usurper"), an adjective after "be" or "as"
  ("describe its leaders as corrupt", "is reckless"), a noun heading an indefinite phrase after "be" or "as"
  ("Spain is a police state", "described the court as a sham"; not an act of violence or a side's word for its
  own act: "it was a massacre", "as a proportionate response" speak of events), or an adjective between a
  determiner and a name ("the so-called White Helmets"): premodifier before a name, appositive, naming, copula;
* ``act`` — any other term, an act or event ("a massacre", "their own killing spree", "Beijing's propaganda",
  "extreme violence"): only a possessive ties it to its doer — and "the X of Y" only for words, not violence,
  since "the slaughter of civilians" names the victims.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from ...phrases import PhraseWalker, is_plural, is_quote_mark, is_word
from ...phrases.words import (ADVERBS, AUXILIARY, BE_FORMS, BOUNDARY, COMMON_VERBS, DEFINITE, INDEFINITE,
                              POSSESSIVE, PREPOSITIONS, ROLES)
from .context import BODY_LABELS, GOVERNMENT_LABELS, PARTY_NOUNS
from .parties import CROWD_NOUNS

Use = Literal["label", "describer", "act"]
LABEL_CATEGORIES = frozenset({"pejorative_label", "honorific_label"})
# Acts whose "of" names the victim, not the doer ("the slaughter of civilians").
VIOLENT_CATEGORIES = frozenset({"violent_dramatic"})
# Categories whose nouns name acts even after "be" or "as": violence, and the words a side uses for its own acts
# ("described as a proportionate response", "was a targeted killing").
ACT_CATEGORIES = VIOLENT_CATEGORIES | {"legitimising", "euphemism"}
ADJECTIVE_ENDINGS = ("ous", "ful", "less", "ic", "al", "ive", "ly", "ent", "ant", "ate", "ed", "ish", "ible",
                     "able", "ary", "ist", "-called")
AGENT_ENDINGS = ("er", "ers", "tor", "tors", "ist", "ists")
# Common nouns with an agent's ending that name no one.
NOT_AGENTS = frozenset({"order", "orders", "border", "borders", "other", "others", "matter", "water", "number",
                        "disaster", "letter", "paper", "shelter", "manner", "weather", "center", "centre",
                        "corner", "murder", "murders", "sector", "factor", "after", "never", "under", "over",
                        "winter", "summer", "quarter", "chapter", "register", "fever", "anger", "danger", "former",
                        "latter", "further", "rather", "together", "whether", "either", "neither"})
# Nouns that end like adverbs ("the family", "a rally"): they may follow a word they are the head of.
NOUNS_IN_LY = frozenset({"family", "assembly", "rally", "supply", "ally", "monopoly", "anomaly", "bully", "belly",
                         "italy", "july", "homily", "jelly", "lily", "folly", "melancholy"})
# Singular nouns for a person that an agent's ending does not give away (is_agent): the head of "a notorious
# drug lord", "the firebrand boss of …", "a far-left deputy".
PERSON_NOUNS = frozenset({"man", "woman", "lord", "kingpin", "boss", "deputy", "lawmaker", "politician",
                          "official", "figure", "militant", "rebel", "student", "youth", "veteran", "cleric"})
ACTOR_NOUNS = ROLES | BODY_LABELS | GOVERNMENT_LABELS | PARTY_NOUNS | PERSON_NOUNS | {"president", "state"}
# Particles of phrasal verbs: "gun down teenagers" is an act on them; "called out", "named after" are not naming.
PARTICLES = frozenset({"down", "out", "for", "on", "off", "up", "after", "back", "upon"})
COPULAS = BE_FORMS | {"became", "become", "becomes", "remained", "remains", "remain", "seems", "seemed"}
SUPERLATIVES = frozenset({"most", "least"})
DEGREE = frozenset({"more", "most", "so", "too", "very", "truly", "utterly", "deeply", "increasingly"})
MAX_WORDS_TO_HEAD = 2  # words between a term and the actor noun it modifies ("notorious jihadist movement")


class TermUse(NamedTuple):
    use: Use
    last: int  # the last token of the label's phrase: the term's, or the actor noun it modifies


def term_use(walker: PhraseWalker, first: int, last: int, category: str, lemma: str,
             labels: frozenset[int] = frozenset()) -> TermUse:
    """How the term on tokens ``first … last`` is used (module docstring). ``labels``: the tokens of the
    sentence's label-category hits, nouns for someone like any actor noun ("a dangerous demagogue")."""
    determined = walker.low(first - 1) in DEFINITE | INDEFINITE | POSSESSIVE or walker.low(first - 1).endswith(
        ("'s", "s'")) or walker.low(first - 2) in DEFINITE | INDEFINITE
    if category in LABEL_CATEGORIES or walker.low(last) in CROWD_NOUNS:
        # A crowd word labels its crowd whatever its category ("provocateurs"); a determined label before a
        # person's noun labels the person ("a far-left deputy, Hélène Marchand").
        head = _actor_noun_after(walker, last, labels) if determined and walker.low(last + 1) in PERSON_NOUNS \
            else None
        return TermUse("label", head if head is not None else last)
    if _capital_next(walker, last):
        # "the so-called White Helmets", "the heroic Bolivarian militia"; not "destabilise China", not a
        # title in capitals ('"Toxic Parents"').
        return TermUse("describer" if determined and is_adjective(walker.low(last)) else "act", last)
    head = _actor_noun_after(walker, last, labels) if walker.low(last) not in PARTICLES else None  # not "gun down …"
    if head is not None and (determined or is_plural(walker.low(head))):
        return TermUse("label", head)  # "the notorious jihadist movement", "cowardly terrorists"
    if not heads_phrase(walker, last):
        return TermUse("act", last)
    if is_agent(walker.low(last)) or is_adjective(walker.low(last)) and _predicative(walker, first):
        return TermUse("describer", last)  # "he is a usurper", "describe its leaders as corrupt"
    if category not in ACT_CATEGORIES and _predicate_noun(walker, first):
        return TermUse("describer", last)  # "Spain is a police state"
    return TermUse("act", last)


def _predicate_noun(walker: PhraseWalker, first: int) -> bool:
    """The term starts (after adjectives) an indefinite phrase that follows "be" or "as" ("is a police state",
    "is not a brutal police state", "as a sham"): the phrase says what its subject or object is."""
    k = first - 1
    while k >= 0 and (is_adjective(walker.low(k)) or walker.low(k) in DEGREE or walker.tokens[k].text in "\"'"):
        k -= 1
    if walker.low(k) not in {"a", "an"}:
        return False
    k -= 1
    while k >= 0 and (walker.low(k) in ADVERBS or walker.low(k) in {"not", "never"}):
        k -= 1
    return walker.low(k) in COPULAS or walker.low(k) == "as"


def _predicative(walker: PhraseWalker, first: int) -> bool:
    """An adjective after "be" or "as" ("is reckless", "as corrupt", "was 'horrific'", "as the most radical"),
    degree words and quotation marks between; not one heading a noun phrase of its own ("violent rhetoric about
    …")."""
    k = first - 1
    while k >= 0 and (walker.low(k) in DEGREE or walker.low(k) in ADVERBS or walker.tokens[k].text in "\"'"):
        k -= 1
    if walker.low(k) in DEFINITE and is_superlative(walker, k + 1):
        k -= 1
    return walker.low(k) in COPULAS or walker.low(k) == "as"


def is_superlative(walker: PhraseWalker, k: int) -> bool:
    """ "most" or "least" after "the" at token ``k``: a degree word of a superlative ("the most radical"), not
    the quantifier of "most protesters"."""
    return walker.low(k) in SUPERLATIVES and walker.low(k - 1) in DEFINITE


def is_adjective(lower: str) -> bool:
    """An adjective by its ending ("brutal", "racist"), not a noun in -ment."""
    return lower.endswith(ADJECTIVE_ENDINGS) and not lower.endswith("ment")


def of_names_doer(category: str) -> bool:
    """Whether "the TERM of X" makes X the doer (a speech act, a label) rather than the victim (violence)."""
    return category not in VIOLENT_CATEGORIES


def is_agent(lower: str) -> bool:
    """A noun for someone who does something, by its ending ("usurper", "liberators", "colonialist")."""
    return lower.endswith(AGENT_ENDINGS) and lower not in NOT_AGENTS and len(lower) > 4


def _capital_next(walker: PhraseWalker, last: int) -> bool:
    """A capitalised word right after the term (a quotation mark between allowed): "so-called White Helmets"."""
    k = last + 1
    while k < walker.n and walker.tokens[k].text in "\"'":
        k += 1
    return k < walker.n and walker.tokens[k].text[:1].isupper()


def _actor_noun_after(walker: PhraseWalker, last: int, labels: frozenset[int] = frozenset()) -> int | None:
    """The actor noun the term modifies, within :data:`MAX_WORDS_TO_HEAD` lower-case words after it (quotation
    marks between are skipped: 'the self-styled "revolutionary" leader'). An actor noun that modifies another
    ("a notorious former police officer") gives way to the noun it modifies, the phrase's head."""
    words, k = 0, last + 1
    while k < walker.n and words <= MAX_WORDS_TO_HEAD:
        token = walker.tokens[k]
        if is_quote_mark(token):
            k += 1
            continue
        if not is_word(token) or token.text[:1].isupper() or token.lower in PREPOSITIONS | BOUNDARY | AUXILIARY:
            return None
        if _actor_noun(token.lower) or k in labels:
            while k + 1 < walker.n and (_actor_noun(walker.low(k + 1)) or k + 1 in labels) \
                    and not heads_phrase(walker, k):
                k += 1  # a compound: "police officer", "militia leader"
            return k
        following = walker.tokens[min(k + 1, walker.n - 1)]
        if heads_phrase(walker, k) and not is_quote_mark(following) and not (
                k + 1 < walker.n and token.lower.isalpha() and _actor_noun(following.lower)):
            return None  # the phrase ends at a noun for no one ("extreme violence"); not "young protesters"
        words += 1
        k += 1
    return None


def _actor_noun(lower: str) -> bool:
    return lower in ACTOR_NOUNS or is_agent(lower)


def heads_phrase(walker: PhraseWalker, last: int) -> bool:
    """Whether the word at token ``last`` is its phrase's head noun: what follows is no noun it modifies
    ("the regime said", "the regime's will" — not "the terrorist attack")."""
    if walker.low(last).endswith("'s"):
        return True
    nxt = last + 1
    if nxt >= walker.n or not is_word(walker.tokens[nxt]):
        return True
    low = walker.low(nxt)
    # After a singular head a word in -s is its verb ("the regime funds them"), not a plural it modifies.
    verb_s = low.endswith("s") and not low.endswith("ss") and not walker.low(last).endswith("s")
    # A determiner opens the next phrase ("called the autocrat a thief"), and an adverb in -ly belongs to the
    # verb ("the tyrant finally met"): no noun modifies either.
    return low in PREPOSITIONS or low in BOUNDARY or low in AUXILIARY or low in COMMON_VERBS or low in ADVERBS \
        or low.endswith("ed") or verb_s or low in {"who", "which", "that", "as"} or low in INDEFINITE \
        or low in DEFINITE or (low.endswith("ly") and low not in NOUNS_IN_LY)
