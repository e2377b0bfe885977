"""Label → target: the actor a loaded label is applied to in its sentence, and the construction that says so.

Every loaded term in a noun or adjective form may get a target (not "masterminded"): how it is used
(:mod:`.uses`) decides which constructions may tie it — a label or a word said of someone ("terrorist",
"ruthless generals", "he is a usurper") by all of them, an act or event ("a massacre", "their own killing
spree") only by a possessive. The constructions, tried in this order (the first that holds wins):

* ``premodifier`` — the label is part of a mention ("Martyr Soleimani", "the Iranian regime"), or sits right
  before a name with at most two titles between ("terrorist leader Soleimani", "dictator Bashar al-Assad",
  "the so-called White Helmets", "the radical protesters"), or — a label only — right after one ("ISIS
  terrorists", "the Assad regime");
* ``appositive`` — "Soleimani, the mastermind of …", "the dictator, Bashar al-Assad, …", and the headline
  colon "Terrorist general with …: Qassem Soleimani masterminded …" (also "BUTCHER OF DAMASCUS: Assad …");
* ``naming`` — "called / labelled / branded / designated / hailed / described / saw X (as) a …" (the object X),
  their passives "X was hailed as a hero (by Y)", "X is listed by Y as a known terrorist", "The group has been
  designated a terrorist organisation" (the subject X), and a fronted object ("Maduro, whom … consider an
  illegitimate president", "a rescue group it calls a terrorist front", "which it refers to as …");
* ``copula`` — "Soleimani was a terrorist", "he was a hero" (the subject);
* ``possessive`` — "Assad's regime", "his regime", "the regime of Bashar al-Assad", "the terrorists of the
  so-called Jaish al-Islam", "the propaganda of the terrorists" (the owner; a place is no owner);
* ``referent`` — a definite label that heads its phrase ("the regime", "the dictator", "the terrorists") or
  modifies a body noun ("the terrorist group"): the actor the context makes clear (:mod:`.context`); a crowd
  word, definite or not ("the rampaging crowd", "a furious mob", "Rioters storm …"), or a label before one:
  the story's crowd (:mod:`.parties`).

A slot may hold a name, a pronoun, a definite description or a party phrase ("the protesters", "These
soldiers": :mod:`.slots`). Before the constructions are tried, the label's phrase is widened by two rules of
English syntax: a collective noun and "of" before it ("was a clique of traitors") and a first conjunct before a
bare second one ("traitors and extremists", '"rioters" and "thugs"') make one phrase, so the construction before
them applies to all; so do a possessive that names no actor ('call him "the people's hero"') and a word that opens
a quotation ('"paid agitators"'). A label's past participle after "be" ("were martyred") is a copula; a present
participle between a determiner and an actor noun ("the rampaging crowd") is an adjective of it; any other verb
form labels nobody. A bare plural set off by commas after a phrase ("The riot police, thugs in black balaclavas,
have …") is its appositive.

Pronouns and definite descriptions in a slot resolve by the rule of :mod:`.context`; where it declines, the
hit gets no target. "the fight against terrorism", "regime change", "a terrorist attack" get none either.
"""

from __future__ import annotations

from typing import Literal, get_args

from ...phrases import PhraseWalker, is_cap, is_plural, is_quote_mark, is_word
from ...phrases.words import (ADVERBS, AUXILIARY, BE_FORMS, BOUNDARY, COMMON_VERBS, DEFINITE, DEMONYMS, INDEFINITE,
                              MODIFIER_PARTICIPLES, POSSESSIVE, PREPOSITIONS)
from .context import BODY_LABELS, PARTY_MODIFIERS, PRONOUNS, wanted_for_label
from .mentions import TITLES, Mention, adjectival as _adjectival
from .parties import CROWD_NOUNS
from .possessives import act_of, past_modifiers, possessive
from .naming import AS_PART, NAMING_VERBS, left_of_quotes, naming, subject
from .slots import SentenceActors, Target, without_possessive
from .uses import (ACTOR_NOUNS, ADJECTIVE_ENDINGS, COPULAS, LABEL_CATEGORIES, heads_phrase, is_adjective,
                   is_superlative, of_names_doer, term_use)

Relation = Literal["premodifier", "appositive", "copula", "naming", "possessive", "referent"]
RELATIONS: tuple[str, ...] = get_args(Relation)
DETERMINERS = DEFINITE | INDEFINITE | POSSESSIVE
# Adjectives in -ed that sit inside a label's phrase ("a known terrorist", "the so-called …").
ADJECTIVE_PARTICIPLES = MODIFIER_PARTICIPLES | {"alleged", "self-styled", "reputed", "dreaded", "feared", "noted",
                                                "wanted", "suspected", "designated", "convicted", "known"}
# Adjectives that make a label generic, not definite: "the last terrorist", "the only dictator".
GENERIC_ADJECTIVES = frozenset({"last", "first", "next", "only", "other", "same", "typical", "average", "real"})
_STOP_LEFT = PREPOSITIONS | BOUNDARY | AUXILIARY | COPULAS | NAMING_VERBS | COMMON_VERBS | PRONOUNS | {"as"}
NO_TARGET = Target(None, "")
MAX_APPOSITIVE_WORDS = 8  # words after a bare plural appositive's label before its closing comma


def link_label(actors: SentenceActors, first: int, last: int, category: str, lemma: str) -> Target:
    """The target of the loaded term on tokens ``first … last`` (inclusive) of the sentence.

    A user's lower-case alias that ends with the label ("thugs", "the regime", "loyalist mob") is the story's
    word for an actor, not a name: it never makes the label a premodifier of itself. The constructions are tried
    as if it were not there ("ELN terrorists" is still the ELN's, "X are not terrorists" still X's), and it
    stands in only where the context rule would: for a referent, or a definite label no construction ties
    ("the thugs"), the alias's actor replaces the nearest compatible one. A bare, generic use ("arming
    terrorists") stays without target."""
    own = next((m for m in actors.mentions if m.common and m.start <= first and m.end == last + 1), None)
    target = _linked(actors, first, last, category, lemma, own)
    if own is None or target.relation not in ("", "referent"):
        return target
    if target.relation == "referent" or actors.walker.low(phrase_start(actors.walker, first)) in DEFINITE:
        return Target(own, "referent")
    return target


def _linked(actors: SentenceActors, first: int, last: int, category: str, lemma: str,
            skipped: Mention | None) -> Target:
    walker = actors.walker
    if _verb_form(walker.low(last), lemma) and not _attributive(walker, first, last):
        return _participle_after_be(actors, first, last) if category in LABEL_CATEGORIES else NO_TARGET
    use, head = term_use(walker, first, last, category, lemma, actors.labels)
    promoted, last = head != last, head  # "the notorious jihadist movement": the label's phrase ends at its noun
    inside = next((m for m in actors.mentions if m.start <= first and last < m.end and m is not skipped), None)
    if inside is not None and inside.shape == "other" and (inside.start, inside.end) == (first, last + 1):
        inside = None  # "Rioters torch …": the label written with a headline's capital, not a name
    if inside is not None and not _shouted(walker, inside, first, last):
        # "Martyr Soleimani", "the Iranian regime": the label is a title or body noun outside the actor's
        # key; inside the key it is part of a name ("Noble Comrades", a book) and labels nobody.
        label = without_possessive(walker.text_of(first, last + 1).casefold().replace("’", "'"))
        return NO_TARGET if label in inside.key.casefold() else Target(inside, "premodifier")
    start = _collective_start(walker, _coordinated_start(walker, phrase_start(walker, first)))
    start = _past_ownerless_possessive(actors, start, first, last)
    party = actors.party_ending_at(last) if promoted else None
    if party is not None and party.end == last + 1:
        if walker.low(start) in POSSESSIVE and party.start > start:
            return possessive(actors, start, first, last) or NO_TARGET  # "Its savage fighters": the owner's
        return Target(party, "premodifier")  # "the heroic soldiers", "Myanmar's ruthless generals"
    if use == "act":
        owner = _act_owner(actors, first, last, of_names_doer(category))
        if owner.mention is None and first == last and is_adjective(walker.low(last)) \
                and heads_phrase(walker, last):  # an adjective as an object's complement: 'called X "brutal"'
            owner = naming(actors, start, first, last) or NO_TARGET
        return owner if owner.mention is not None else NO_TARGET
    rules = _DESCRIBER_RULES if use == "describer" else _PROMOTED_RULES if promoted else _LABEL_RULES
    for rule in rules:
        target = rule(actors, start, first, last)
        if target is not None:
            # The first construction that holds decides, even when its slot names nobody: "called the deposed
            # president a puppet of Paris" is about the president, whoever he is, not about Paris.
            return target if target.mention is not None else NO_TARGET
    return NO_TARGET


def _attributive(walker: PhraseWalker, first: int, last: int) -> bool:
    """A present participle between a determiner and an actor noun ("the rampaging crowd", "a marauding
    gang") modifies the noun as an adjective would, rather than being the verb of a clause."""
    return walker.low(last).endswith("ing") and walker.low(first - 1) in DEFINITE | INDEFINITE \
        and walker.low(last + 1) in ACTOR_NOUNS | CROWD_NOUNS


def _act_owner(actors: SentenceActors, first: int, last: int, of_doer: bool) -> Target:
    """The doer of an act or event: a possessive right before it ("Beijing's propaganda", "their own killing
    spree") or, for words rather than violence, "the propaganda of the terrorists"; none when an agent follows
    ("his assassination by …")."""
    walker = actors.walker
    start = past_modifiers(walker, first)
    start = start - 1 if walker.low(start - 1) == "own" else start
    if walker.low(last + 1) == "by":
        return NO_TARGET  # "his assassination by the United States": the owner is whom it was done to
    if walker.low(start - 1) in POSSESSIVE:
        return possessive(actors, start - 1, first, last, of_doer) or NO_TARGET  # "their (own) killing spree"
    if walker.low(start - 1).endswith(("'s", "s'")):
        return possessive(actors, start, first, last, of_doer) or NO_TARGET
    if walker.low(first - 1) in DEFINITE or walker.low(first - 1) in INDEFINITE:
        return act_of(actors, first - 1, first, last, of_doer) or NO_TARGET
    return NO_TARGET


def _participle_after_be(actors: SentenceActors, first: int, last: int) -> Target:
    """A label's past participle after a form of "be" ("Seven members of the militia were martyred") says the
    label of the subject, as "were martyrs" would: a copula. Any other verb form ("masterminded the plot") labels
    nobody, nor does a passive of an act ("the offensive was orchestrated by the general": the caller passes only
    the label categories' participles) or a passive with its agent ("the raid was masterminded by …": the label
    may belong to either side)."""
    walker = actors.walker
    k = first - 1
    while k >= 0 and walker.low(k) in ADVERBS:
        k -= 1
    if not walker.low(last).endswith("ed") or walker.low(k) not in BE_FORMS or walker.low(last + 1) == "by":
        return NO_TARGET
    named = subject(actors, k)
    return Target(named, "copula") if named is not None else NO_TARGET


def _shouted(walker: PhraseWalker, mention: Mention, first: int, last: int) -> bool:
    """A headline in capitals read as a name ("BUTCHER OF DAMASCUS"): a mention in capitals holding the term."""
    return walker.text_of(mention.start, mention.end).isupper() and walker.text_of(first, last + 1).isupper()


def _verb_form(lower: str, lemma: str) -> bool:
    """An inflected verb of a label's lemma ("masterminded", "branding"), not the label itself."""
    for ending in ("ed", "ing"):
        if lower.endswith(ending) and not lemma.endswith(ending):
            return True
    return False


def phrase_start(walker: PhraseWalker, first: int) -> int:
    """Where the label's noun phrase starts: across adjectives (demonyms and other capitalised adjectives of a
    creed or place included: "the Islamic regime", "were Salafist hardliners"), scare-quote marks and one
    determiner."""
    k, words = first, 0
    while k > 0 and words < 4:
        token = walker.tokens[k - 1]
        low = token.lower
        if is_quote_mark(token):
            if walker.low(k - 2) not in DETERMINERS:
                return k  # an opening quotation mark starts the label's phrase: 'called the protesters "rioters"'
            k -= 1
            continue
        if low in DETERMINERS and not low.endswith("'s") and not is_superlative(walker, k - 1):
            return k - 1
        # A lower-case word that opens a quotation is the quoted phrase's adjective, even in the form of a verb
        # ('called them "paid agitators"', '"trained provocateurs"').
        quoted_modifier = is_word(token) and not is_cap(token) and low not in _STOP_LEFT - COMMON_VERBS \
            and _opens_quotation(walker, k - 2)
        if not quoted_modifier and (
                not is_word(token) or (is_cap(token) and low not in DEMONYMS and not _adjectival(token.text))
                or low in _STOP_LEFT or low.endswith("'s")
                or (low.endswith(("ed", "ing")) and low not in ADJECTIVE_PARTICIPLES)):
            break
        k -= 1
        words += 1
    return k


def _opens_quotation(walker: PhraseWalker, k: int) -> bool:
    """Token ``k`` is a quotation mark that opens a quotation (the next token starts right after it): a word after
    it belongs to the quoted phrase ('called the demonstrators "paid agitators"'), not to the sentence's clause,
    where a verb form before a label is the clause's verb ("police killed terrorists")."""
    return 0 <= k < walker.n - 1 and is_quote_mark(walker.tokens[k]) \
        and walker.tokens[k].end == walker.tokens[k + 1].start


def _past_ownerless_possessive(actors: SentenceActors, start: int, first: int, last: int) -> int:
    """The label's phrase start moved before a possessive that names no actor ('call him "the people's hero"', "is
    the nation's enemy"): the possessive only says whose hero, so the phrase is the naming verb's or the copula's
    complement as a whole. A possessive that names an actor ("Assad's regime") is the possessive construction."""
    walker = actors.walker
    if not walker.low(start - 1).endswith(("'s", "s'")):
        return start
    owned = possessive(actors, start, first, last)
    if owned is not None and owned.mention is not None:
        return start
    return phrase_start(walker, start - 1)


# Nouns for a band of people that a label fills through "of": "a clique of traitors" is said of whoever the
# clique is.
COLLECTIVE_NOUNS = frozenset({"clique", "band", "gang", "bunch", "pack", "group", "handful", "horde", "mob",
                              "cabal", "collection", "coterie", "crew"})


def _collective_start(walker: PhraseWalker, start: int) -> int:
    """The start of "a clique of LABELs" for a label phrase starting at ``start``: a collective noun (its
    determiner and adjectives) and "of" before it make one phrase, whose subject or namer is the label's."""
    if walker.low(start - 1) != "of" or walker.low(start - 2) not in COLLECTIVE_NOUNS:
        return start
    return phrase_start(walker, start - 2)


def _coordinated_start(walker: PhraseWalker, start: int) -> int:
    """The start of the first of coordinated bare labels ("traitors and extremists", "bandits or thugs"): a
    second conjunct with no determiner of its own shares the first's phrase, so the construction before it
    applies to both."""
    conjunction = left_of_quotes(walker, start - 1)  # '"rioters" and "thugs"': quoted conjuncts alike
    if walker.low(start) in DETERMINERS or walker.low(conjunction) not in {"and", "or"}:
        return start
    end = left_of_quotes(walker, conjunction - 1)
    if end < 0:
        return start
    before = walker.tokens[end]
    if not is_word(before) or is_cap(before) or before.lower in _STOP_LEFT:
        return start
    return phrase_start(walker, end)


def _premodifier(actors: SentenceActors, start: int, first: int, last: int) -> Target | None:
    """A name right after the term (titles and quotation marks between), for labels and describers."""
    walker = actors.walker
    k, titles = last + 1, 0
    while k < walker.n and not actors.starting_at(k) and (is_quote_mark(walker.tokens[k]) or titles < 2 and (
            walker.low(k) in TITLES or walker.low(k) in BODY_LABELS)):  # "the terrorist group PDF"
        titles += not is_quote_mark(walker.tokens[k])
        k += 1
    after = actors.starting_at(k)
    if after is None or after.shape == "state" and _common_word(walker, after.end):
        return None  # "the revered Iranian military commander"
    return Target(after, "premodifier")


def _describer_premodifier(actors: SentenceActors, start: int, first: int, last: int) -> Target | None:
    """A describer before a name that ends its phrase: "the so-called White Helmets", not "an outlandish Quds
    Force plot" (the plot is outlandish)."""
    target = _premodifier(actors, start, first, last)
    if target is None or _common_word(actors.walker, target.mention.end):
        return None
    return target


def _name_before(actors: SentenceActors, start: int, first: int, last: int) -> Target | None:
    """A label right after a name ("ISIS terrorists", "the Assad regime")."""
    walker = actors.walker
    before = actors.named_ending_at(first - 1)
    if before is None or walker.low(first - 1).endswith(("'s", "s'")):
        return None
    if before.shape == "other" and _adjectival(before.key):
        return None  # "Islamist hardliners": an unknown creed or place adjective says what kind, not whose
    hired = actors.hired_group(before)
    if hired is not None:
        return hired  # "Russian mercenaries": a non-state group's men, not the state's
    if before.shape == "state" and wanted_for_label(without_possessive(walker.low(last))).shapes == ("person",):
        return None  # "the Syrian dictator" is a person of Syria, not Syria
    return Target(before, "premodifier")


def _common_word(walker: PhraseWalker, k: int) -> bool:
    """A lower-case word at token ``k``: after "the revered Iranian" it is the head the label is about
    ("… military commander"), not the state."""
    return k < walker.n and is_word(walker.tokens[k]) and not is_cap(walker.tokens[k]) \
        and walker.low(k) not in _STOP_LEFT


def _owner_start(actors: SentenceActors, start: int) -> int:
    """The phrase start moved before a possessive owner ("Iran's proxy force" starts at "Iran's")."""
    owner = actors.ending_at(start - 1)
    if owner is not None and actors.walker.low(start - 1).endswith(("'s", "s'")):
        return owner.start
    return start


def _appositive(actors: SentenceActors, start: int, first: int, last: int) -> Target | None:
    walker = actors.walker
    head = _owner_start(actors, start)
    # "X, the LABEL …", "X, Iran's LABEL …": an appositive is a determined phrase ("Borrowing from Hillary
    # Clinton, leftist Italian media …" is not one).
    determined = head < start or walker.low(start) in DETERMINERS or walker.low(start - 1).endswith(("'s", "s'"))
    if determined and walker.low(head - 1) == "," and actors.ending_at(head - 2) is not None:
        return Target(actors.ending_at(head - 2), "appositive")
    if _enclosed_plural(walker, start, last) and actors.ending_at(start - 2) is not None:
        return Target(actors.ending_at(start - 2), "appositive")  # "The riot police, thugs in …, have …"
    after = actors.starting_at(last + 2) if determined and walker.low(last + 1) == "," else None
    if after is not None and walker.low(after.end) in {",", ".", ""}:  # "The warlord, Ahmed Musa Dirie, fled"
        return Target(after, "appositive")
    if start == 0:  # a headline: "Terrorist general with the blood …: Qassem Soleimani masterminded …"
        colon = next((k for k in range(last + 1, min(walker.n, last + 16)) if walker.low(k) in {":", ","}), None)
        if colon is not None and walker.low(colon) == ":" and actors.starting_at(colon + 1) is not None:
            return Target(actors.starting_at(colon + 1), "appositive")
    return None


def _enclosed_plural(walker: PhraseWalker, start: int, last: int) -> bool:
    """A bare plural phrase set off by commas right after another phrase ("The riot police, thugs in black
    balaclavas, have …"): an appositive of that phrase. Without the closing comma within
    :data:`MAX_APPOSITIVE_WORDS` words it may be a list's next item ("police, soldiers and …"), so it is none."""
    if walker.low(start - 1) != "," or not is_plural(walker.low(last)) or walker.low(start) in DETERMINERS:
        return False
    closing = next((k for k in range(last + 1, min(walker.n, last + MAX_APPOSITIVE_WORDS + 1))
                    if not is_word(walker.tokens[k])), None)
    return closing is not None and walker.low(closing) == "," and "and" not in {
        walker.low(k) for k in range(last + 1, closing)}


def _copula(actors: SentenceActors, start: int, first: int, last: int) -> Target | None:
    walker = actors.walker
    k = left_of_quotes(walker, _before_comparison(walker, left_of_quotes(walker, start - 1)))
    if walker.low(k) == "of" and walker.low(k - 1) in AS_PART:
        k -= 2  # "became one of Africa's most enduring autocrats"
    while k >= 0 and (walker.low(k) in ADVERBS or walker.low(k) in {"not", "never", "also", "still"}):
        k -= 1
    k = left_of_quotes(walker, k)
    if k < 0 or walker.low(k) not in COPULAS:
        return None
    return Target(subject(actors, k), "copula")


def _before_comparison(walker: PhraseWalker, k: int) -> int:
    """The token before a comparison that still says what the subject is ("were no better than thugs", "is
    nothing but a puppet", "was little more than a gangster"), else ``k``."""
    if walker.low(k) == "but" and walker.low(k - 1) == "nothing":
        return k - 2
    if walker.low(k) == "than" and walker.low(k - 1) in {"better", "more"} \
            and walker.low(k - 2) in {"no", "nothing", "little", "hardly", "scarcely"}:
        return k - 3
    return k


def _referent(actors: SentenceActors, start: int, first: int, last: int) -> Target | None:
    walker = actors.walker
    if walker.low(start) not in DEFINITE or not all(_describing(walker, k) for k in range(start + 1, first)):
        return None  # "the way strongmen always do", "the last terrorist": no one in particular
    if walker.low(last + 1) in CROWD_NOUNS and walker.low(last) not in CROWD_NOUNS:
        last += 1  # "the terrorist vandals": a label before a crowd word says it of the crowd
    elif not heads_phrase(walker, last):
        if walker.low(last + 1) not in BODY_LABELS or not heads_phrase(walker, last + 1):
            return None
        last += 1  # "the terrorist group": the group is what the context names
    head = without_possessive(walker.low(last))
    if head in CROWD_NOUNS:  # "the rampaging crowd", "the terrorist vandals": the story's crowd
        crowd = actors.crowd_party(start, last)
        if crowd is not None:
            return Target(crowd, "referent")
    return Target(actors.resolve(wanted_for_label(head), start), "referent")


def _crowd_referent(actors: SentenceActors, start: int, first: int, last: int) -> Target | None:
    """A crowd word heading an indefinite or bare phrase ("a furious mob stormed …", "Rioters torch …",
    "groups of rioters"): the story's crowd, by the rules of :mod:`.parties`; the definite ones go through
    :func:`_referent`."""
    walker = actors.walker
    if walker.low(last) not in CROWD_NOUNS and walker.low(last + 1) in CROWD_NOUNS:
        last += 1  # "Radical rioters": a label before a crowd word says it of the crowd
    if walker.low(last) not in CROWD_NOUNS or walker.low(start) in DEFINITE or not (
            heads_phrase(walker, last) or is_plural(walker.low(last))):
        return None  # a plural crowd word heads its phrase ("rioters torch …"); "mob rule" is no crowd
    crowd = actors.crowd_party(start, last)
    return Target(crowd, "referent") if crowd is not None else None


def _promoted_referent(actors: SentenceActors, start: int, first: int, last: int) -> Target | None:
    """A definite phrase whose actor noun follows the term across adjectives only: "the notorious jihadist
    movement", not "the so-called personhood movement" (a movement of its own)."""
    if not all(_describing(actors.walker, k) for k in range(first + 1, last)):
        return None
    return _referent(actors, start, first, last)


def _describing(walker: PhraseWalker, k: int) -> bool:
    """A word that may sit between a definite determiner and a label it leaves definite: an adjective, a
    demonym, a quotation mark ("the brutal", "the Islamic", "the 'so-called'") — not a noun, not "last"."""
    token = walker.tokens[k]
    low = token.lower
    if is_quote_mark(token) or low in DEMONYMS or low in ADJECTIVE_PARTICIPLES or low in PARTY_MODIFIERS:
        return True  # … or a noun that says which party ("the coup regime", "the military junta")
    return low not in GENERIC_ADJECTIVES and low.endswith(ADJECTIVE_ENDINGS) and not low.endswith("ment")


_LABEL_RULES = (_premodifier, _name_before, _appositive, naming, _copula, possessive, _referent, _crowd_referent)
# A word before an actor noun is no label of a name before it ("Practicing pro-life litigators").
_PROMOTED_RULES = (_premodifier, _appositive, naming, _copula, possessive, _promoted_referent,
                   _crowd_referent)
_DESCRIBER_RULES = (_describer_premodifier, _appositive, naming, _copula)
