"""Walking a sentence's tokens to find noun phrases, subjects, appositives and clause ends.

A :class:`PhraseWalker` holds one sentence and its tokens (:func:`framing.phrases.tokens.tokenize`); every
method takes and returns token indices (a :class:`Phrase` is a half-open range of them) except where it says
sentence offsets. The grammar is written as code, rule by rule, on purpose: each rule is a decision about
English news prose that can be read, tested and argued with where it is made, which a pattern language would
hide behind its own matching order.

* :meth:`~PhraseWalker.np_left` / :meth:`~PhraseWalker.np_right` — the noun phrase ending / starting at a token
  ("former CIA analyst Kenneth Pollack", "Iran's Revolutionary Guards", "the head of the agency");
* :meth:`~PhraseWalker.subject_left` — the subject of the verb at a token, across auxiliaries, adverbs,
  appositives ("Hamid Rezaei, Iran's envoy, told …") and relative pronouns;
* :meth:`~PhraseWalker.appositive_end` — where an appositive after a comma ends;
* :meth:`~PhraseWalker.main_subject` — the sentence's first noun phrase after an introductory phrase;
* :meth:`~PhraseWalker.clause_end` / :meth:`~PhraseWalker.content_from` — where a clause ends.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from ..corpus import WORD
from .tokens import DATELINE, Token, is_cap, is_plural, is_quote_mark, is_word
from .words import (ADVERBS, AUXILIARY, BOUNDARY, COMMON_VERBS, CONTROL_VERBS, DEFINITE, FIRST_PERSON,
                    INDEFINITE, MODIFIER_PARTICIPLES, NEGATIVE, NP_PREPOSITIONS, POSSESSIVE, PREPOSITIONS,
                    PRONOUNS, RELATIVE, TIME_WORDS, TITLE_ABBREVIATIONS)

# "spent months denouncing …": the time spent is no subject; the subject of "spend" is.
SPEND_FORMS = frozenset({"spent", "spend", "spends", "spending"})
TIME_SPANS = frozenset({"hours", "days", "weeks", "months", "years", "decades"})
# Words for a part of a group before "of whom" / "of which" ("many of whom said …", "two of whom …").
PART_WORDS = INDEFINITE | {"all", "both", "none", "half"}
# Determiners that begin a noun phrase, and the words that may stand before one inside a phrase.
PHRASE_DETERMINERS = (DEFINITE - {"that"}) | POSSESSIVE
BEFORE_DETERMINER = NP_PREPOSITIONS | {"of", "and", "&", "all", "both", "half"}
# The relative words that can only open a relative clause ("that" may open any clause).
RELATIVE_PRONOUNS = RELATIVE - {"that"}
# "X said (that) …": a "that" this many tokens after the verb still opens its clause.
THAT_WINDOW = 10
# A phrase longer than this (in words) is not a noun phrase but a clause.
MAX_PHRASE_WORDS = 16
MAX_INTRODUCTIONS = 3  # introductory phrases before a sentence's main subject that main_subject skips

SubjectHow = Literal["np", "relative", "coordinated", "after_comma", "none"]


class Phrase(NamedTuple):
    """A noun phrase as a range of token indices."""

    start: int  # index of its first token
    end: int  # index after its last token


class PhraseWalker:
    """One sentence's tokens and the walks over them.

    ``clause_verbs`` are lower-case words that, uncapitalised, are the verb of another clause, so a noun phrase
    stops before them (the attribution scorer gives its reporting verbs that are rarely nouns: "said", "told").
    """

    def __init__(self, sentence: str, tokens: list[Token], clause_verbs: frozenset[str] = frozenset()):
        self.sentence = sentence
        self.tokens = tokens
        self.n = len(tokens)
        self.clause_verbs = clause_verbs

    # -- helpers --------------------------------------------------------------------------------------------

    def low(self, i: int) -> str:
        """Token i in lower case; "" outside the sentence (so walks may look one past either end)."""
        return self.tokens[i].lower if 0 <= i < self.n else ""

    def text_of(self, i: int, j: int) -> str:
        """The sentence text from token i to token j (exclusive), as written."""
        if j <= i:
            return ""
        return self.sentence[self.tokens[i].start:self.tokens[j - 1].end]

    def skip_left(self, i: int) -> int:
        """From token i leftwards, skip auxiliaries, adverbs, negation and short time phrases; return the index
        of the first token that is none of these (may be -1)."""
        while i >= 0:
            low = self.low(i)
            if low in AUXILIARY or low in ADVERBS or (low.endswith("ly") and low.isalpha() and low not in
                                                       {"italy", "family", "july", "early"} and
                                                       not is_cap(self.tokens[i])):
                i -= 1
            elif low == "to" and self.low(i - 1) in CONTROL_VERBS:
                i -= 2
            elif low in TIME_WORDS and self.low(i - 1) in {"on", "last", "this", "in", "late", "early"}:
                i -= 2
            elif low.isdigit() and len(low) == 4 and self.low(i - 1) == "in":
                i -= 2
            elif low in {"week", "month", "year", "night"} and self.low(i - 1) in {"last", "this"}:
                i -= 2
            elif low == "time" and self.low(i - 1) == "the" and self.low(i - 2) == "at":
                i -= 3
            else:
                break
        return i

    def clause_end(self, i: int, *, relative: bool = False) -> int:
        """Sentence offset where the clause starting at token i ends."""
        depth = 0
        for j in range(i, self.n):
            tok = self.tokens[j]
            if tok.quoted:
                continue
            if tok.text in "([":
                depth += 1
            elif tok.text in ")]":
                depth = max(0, depth - 1)
            elif depth:
                continue
            elif tok.text == ";":
                return tok.start
            elif tok.text == "," and (relative or self.low(j + 1) in {"but", "yet"}):
                return tok.start
        return len(self.sentence)

    def content_from(self, i: int, *, relative: bool = False) -> tuple[int, int] | None:
        """The attributed content from token i to the end of its clause (sentence offsets)."""
        if i >= self.n:
            return None
        end = self.clause_end(i, relative=relative)
        return (self.tokens[i].start, end) if end > self.tokens[i].start else None

    def find_that(self, i: int) -> int | None:
        """Index of the token after "that" (or ":") within THAT_WINDOW tokens from i, not crossing a quote."""
        for j in range(i, min(self.n, i + THAT_WINDOW)):
            low = self.low(j)
            if self.tokens[j].quoted or is_quote_mark(self.tokens[j]):
                return None
            if low in {"that", ":"}:
                return j + 1
            if low in {";", "."}:
                return None
        return None

    # -- noun phrases ---------------------------------------------------------------------------------------

    def np_left(self, i: int) -> Phrase | None:
        """The noun phrase ending at token i (inclusive), walking left. A personal pronoun there is the whole
        phrase: a pronoun takes no modifiers, so in "a charge it rejected" (a relative clause without "that") the
        words before "it" are another phrase."""
        if i >= 0 and self.low(i) in PRONOUNS | FIRST_PERSON and not self.tokens[i].quoted:
            return Phrase(i, i + 1)
        j = i
        has_and = False
        while j >= 0:
            tok = self.tokens[j]
            low = tok.lower
            if tok.quoted or is_quote_mark(tok):
                break
            if tok.text == ")":
                depth, k = 0, j
                while k >= 0:
                    depth += self.tokens[k].text == ")"
                    depth -= self.tokens[k].text == "("
                    if depth == 0:
                        break
                    k -= 1
                if k < 0:
                    break
                j = k - 1
                continue
            if tok.text == ",":
                # A list of names: "Sergei Lavrov, Medea Benjamin (…) and Hillary Mann Leverett".
                if has_and and j > 0 and is_cap(self.tokens[j - 1]):
                    j -= 1
                    continue
                break
            if not is_word(tok) and tok.text not in {"-", "/", "&", "."}:
                break
            if tok.text == "." and not (j > 0 and self.tokens[j - 1].text.rstrip(".") in TITLE_ABBREVIATIONS):
                break
            if low == "and":
                left = self.tokens[j - 1] if j > 0 else None
                right = self.tokens[j + 1] if j + 1 <= i else None
                if left is not None and right is not None and (is_cap(left) or left.text == ")") and \
                        (is_cap(right) or right.lower in DEFINITE):
                    has_and = True
                    j -= 1
                    continue
                break
            if low in BOUNDARY or low in NEGATIVE - {"no"} or (low in ADVERBS and j != i):
                break
            if low in PREPOSITIONS and low not in NP_PREPOSITIONS:
                break
            if not is_cap(tok) and low in COMMON_VERBS and j != i:
                break
            if not is_cap(tok) and low in self.clause_verbs and j != i:
                break  # another clause's verb ("state television" keeps its noun "state")
            if not is_cap(tok) and low.endswith(("ed", "ing")) and low not in MODIFIER_PARTICIPLES \
                    and "-" not in low and j != i:
                # A participle is a post-modifier only right after a noun and before a preposition:
                # "a survey published in 2018 by …"; otherwise it is the verb of another clause.
                nxt = self.low(j + 1)
                prev = self.tokens[j - 1] if j > 0 else None
                if not (nxt in NP_PREPOSITIONS and prev is not None and is_word(prev)
                        and prev.lower not in AUXILIARY and prev.lower not in BOUNDARY):
                    break
            j -= 1
        start = j + 1
        # Prepositions cannot start a noun phrase.
        while start <= i and self.low(start) in PREPOSITIONS:
            start += 1
        if start > i:
            return None
        start = self._determiner_start(start, i)
        # "a move analysts said": a singular determiner cannot head a plural noun; keep the plural.
        words = [t.lower for t in self.tokens[start:i + 1]]
        if words[0] in {"a", "an"} and is_plural(words[-1]) and not is_cap(self.tokens[i]) \
                and not any(w in NP_PREPOSITIONS for w in words):
            start = i
        return Phrase(start, i + 1)

    def _determiner_start(self, start: int, i: int) -> int:
        """Where a phrase walked left from token ``i`` to ``start`` begins: at its last determiner that follows a
        lower-case word no phrase puts before one ("For five years the separatist leaders …": "the separatist
        leaders"; but "the leaders of the movement", "all the rebels", "both its wings", "Medea Benjamin (the
        founder of …)")."""
        for d in range(i, start, -1):
            before = self.tokens[d - 1]
            # A name before it is the head of an appositive without its comma ("Hadi al-Ameri the head of …").
            if self.low(d) in PHRASE_DETERMINERS and is_word(before) and not is_cap(before) \
                    and before.lower not in BEFORE_DETERMINER:
                return d
        return start

    def np_right(self, i: int, *, allow_appositive: bool = True, to_comma: bool = False) -> Phrase | None:
        """The noun phrase starting at token i, walking right (used after "according to", "by", "said")."""
        if i >= self.n or self.tokens[i].quoted:
            return None
        if to_comma:
            clause = self.np_to_comma(i)
            if clause is not None:
                return clause
        j = i
        seen_cap = False
        while j < self.n:
            tok = self.tokens[j]
            low = tok.lower
            if tok.quoted or is_quote_mark(tok) or (not is_word(tok) and tok.text not in {"-", "/", "&", "(",
                                                                                          "."}):
                break
            if tok.text == ".":
                if j > i and self.tokens[j - 1].text in TITLE_ABBREVIATIONS:
                    j += 1
                    continue
                break
            if tok.text == "(":
                depth, k = 0, j
                while k < self.n:
                    depth += self.tokens[k].text == "("
                    depth -= self.tokens[k].text == ")"
                    if depth == 0:
                        break
                    k += 1
                if k >= self.n:
                    break  # an unclosed bracket ends the phrase
                j = k + 1
                continue
            if j > i and (low in BOUNDARY and low != "and" or low in ADVERBS):
                break
            if low == "and":
                if seen_cap and j + 1 < self.n and (is_cap(self.tokens[j + 1]) or self.low(j + 1) in DEFINITE):
                    j += 1
                    continue
                break
            if j > i and low in PREPOSITIONS and low not in NP_PREPOSITIONS:
                break
            if j > i and low in NP_PREPOSITIONS and seen_cap and is_cap(self.tokens[j - 1]) \
                    and not (j + 1 < self.n and (is_cap(self.tokens[j + 1]) or self.low(j + 1) in DEFINITE)):
                # "Kenneth Pollack in a profile": a name ends the phrase before a lower-case prepositional phrase.
                break
            if j > i and not is_cap(tok) and (low in COMMON_VERBS or low in AUXILIARY or
                                               (low.endswith("ed") and low not in MODIFIER_PARTICIPLES
                                                and seen_cap)):
                break
            if j > i and not is_cap(tok) and low in self.clause_verbs:
                break
            seen_cap = seen_cap or is_cap(tok)
            j += 1
        if j == i:
            return None
        end = j
        while end > i and self.low(end - 1) in PREPOSITIONS | {"and", "-"}:
            end -= 1
        if allow_appositive and end < self.n and self.tokens[end].text == ",":
            appositive = self.appositive_end(end + 1, final_ok=True)
            if appositive is not None:
                end = appositive
        return Phrase(i, end) if end > i else None

    def appositive_end(self, i: int, *, final_ok: bool) -> int | None:
        """If tokens from i form an appositive ("a former CIA officer in Iraq", "who sits on …", "Hamid Rezaei")
        ending at a comma (or the sentence end when ``final_ok``), return the index after it."""
        if i >= self.n:
            return None
        first = self.tokens[i]
        if first.quoted or is_quote_mark(first):
            return None
        if first.lower.endswith("ing") and not is_cap(first):
            return None  # ", adding that …" is a participle clause, not an appositive
        starts = first.lower in {"a", "an", "the", "former", "then", "one", "who", "whose"} \
            or first.lower in POSSESSIVE or (is_cap(first) and first.lower not in BOUNDARY)
        if not starts:
            return None
        if first.lower in {"who", "whose"}:
            j = i
            while j < self.n and self.tokens[j].text not in {",", ";", ".", ":", "—", "–"} \
                    and not is_quote_mark(self.tokens[j]):
                j += 1
        else:
            phrase = self.np_right(i, allow_appositive=False)
            if phrase is None:
                return None
            j = phrase.end
            if self.low(j) in {"who", "whose"}:  # "a former Syrian premier who defected in August 2012"
                while j < self.n and self.tokens[j].text not in {",", ";", ".", ":", "—", "–"} \
                        and not is_quote_mark(self.tokens[j]):
                    j += 1
        if j - i > MAX_PHRASE_WORDS:
            return None
        if j < self.n and self.tokens[j].text == ",":
            return j
        if final_ok and (j >= self.n or (self.tokens[j].text == "." and j == self.n - 1)):
            return j
        return None

    def np_to_comma(self, i: int) -> Phrase | None:
        """After "according to": the source runs to the comma that starts the main clause."""
        j = i
        while j < self.n and self.tokens[j].text not in {",", ";", ":", "—", "–"} and not self.tokens[j].quoted \
                and not is_quote_mark(self.tokens[j]):
            j += 1
        if j >= self.n or self.tokens[j].text != "," or j == i:
            # Runs to the end (sentence-final "…, according to X.") or has no comma.
            if j >= self.n or (self.tokens[j].text == "." and j == self.n - 1):
                end = j
                if end - i <= MAX_PHRASE_WORDS:
                    return Phrase(i, end)
            return None
        if j - i > MAX_PHRASE_WORDS:
            return None
        end = j
        words = self.tokens[i:j]
        # "a senior, non-Syrian security source …": a comma between adjectives.
        if len(words) <= 3 and words[0].lower in INDEFINITE | DEFINITE and not any(is_cap(w) for w in words[1:]) \
                and j + 1 < self.n and not is_cap(self.tokens[j + 1]):
            nxt = self.comma_phrase_end(j + 1)
            if nxt is not None:
                end = nxt
        # ", including Riad Hijab, a former Syrian premier …"
        while end < self.n and self.tokens[end].text == "," and self.low(end + 1) in {"including", "among"}:
            inner = self.np_right(end + 2, allow_appositive=False)
            if inner is None:
                break
            end = inner.end
        # "John Maguire, a former CIA officer in Iraq, …" (an appositive followed by another comma)
        if end < self.n and self.tokens[end].text == "," and is_cap(self.tokens[end - 1]):
            appositive = self.appositive_end(end + 1, final_ok=False)
            if appositive is not None and self.tokens[end + 1].lower in {"a", "an", "former", "then",
                                                                         "one", "who"} | POSSESSIVE:
                end = appositive
        return Phrase(i, end)

    def comma_phrase_end(self, i: int) -> int | None:
        """Index of the comma ending a short phrase from token i (no other clause punctuation, no quotation)."""
        j = i
        while j < self.n and self.tokens[j].text not in {",", ";", ".", ":"} and not self.tokens[j].quoted:
            j += 1
        if j < self.n and self.tokens[j].text == "," and j - i <= MAX_PHRASE_WORDS:
            return j
        return None

    def subject_left(self, verb: int) -> tuple[Phrase | None, SubjectHow]:
        """The subject of the verb at token ``verb``; also say how it was found: ``np``, ``relative`` (a
        relative pronoun stood for it), ``coordinated`` (an "and/but" with no subject), ``after_comma``, ``none``.
        """
        i = self.skip_left(verb - 1)
        if i < 0:
            return None, "none"
        tok = self.tokens[i]
        if tok.lower in {"and", "but", "or"}:
            return None, "coordinated"
        if tok.text == ",":
            # "X, an IRGC commander, told …" / "X, who spoke on condition of anonymity, said …"
            k = i - 1
            depth = 0
            while k >= 0 and not (self.tokens[k].text == "," and depth == 0):
                depth += self.tokens[k].text == ")"
                depth -= self.tokens[k].text == "("
                if self.tokens[k].quoted or is_quote_mark(self.tokens[k]):
                    break
                k -= 1
            if k >= 0 and self.tokens[k].text == "," and k + 1 < i:
                inner_first = self.low(k + 1)
                inner = [t.lower for t in self.tokens[k + 1:i]]
                # "X, who spoke on condition of anonymity, said", and an indefinite appositive with a relative
                # clause of its own ("X, a former cricket star who was ousted last year, calls …").
                relative = inner_first in RELATIVE_PRONOUNS or (
                    inner_first in {"a", "an"} and any(w in RELATIVE_PRONOUNS for w in inner))
                if not relative and (len(inner) > MAX_PHRASE_WORDS or any(w in AUXILIARY for w in inner)):
                    return None, "after_comma"  # a clause between the commas, not an appositive
                head = self.np_left(k - 1)
                if head is None:
                    return None, "after_comma"
                if relative or inner_first in PREPOSITIONS:
                    # "The president, in a video address, urged …": a phrase of place or manner between commas
                    # is no part of the subject
                    return head, "np"
                return Phrase(head.start, i), "np"
            return None, "after_comma"
        if tok.lower in RELATIVE:
            return self.antecedent(i), "relative"
        if tok.text in {"—", "–"}:
            # "A survey published … – one of the few considered reliable – found …"
            k = i - 1
            while k >= 0 and self.tokens[k].text not in {"—", "–"}:
                k -= 1
            if k > 0:
                head = self.np_left(k - 1)
                if head is not None:
                    return head, "np"
            return None, "none"
        if is_quote_mark(tok) or not (is_word(tok) or tok.text == ")" or tok.text == "."):
            return None, "after_comma" if is_quote_mark(tok) or tok.text in ",:" else "none"
        clause = self.np_left(i)
        if clause is None:
            return None, "none"
        spend = next((k for k in range(clause.start, clause.end) if self.low(k) in SPEND_FORMS), None)
        if spend is not None and self.low(clause.end - 1) in TIME_SPANS:
            return self.subject_left(spend)  # "X had spent months denouncing …": the subject of "spent"
        before = clause.start - 1
        if before >= 0 and self.low(before) in RELATIVE and clause.end - clause.start == 0:
            return self.antecedent(before), "relative"
        return clause, "np"

    def antecedent(self, i: int) -> Phrase | None:
        """The noun phrase a relative pronoun at token i stands for ("officials, who …" → "officials"; "traders,
        many of whom …" → "traders": a part of a group speaks for the group)."""
        j = i - 1
        if j >= 1 and self.low(j) == "of" and self.low(j - 1) in PART_WORDS:
            j -= 2
        if j >= 0 and self.tokens[j].text == ",":
            j -= 1
        if j < 0:
            return None
        return self.np_left(j)

    def main_subject(self) -> Phrase | None:
        """The sentence's first noun phrase after any introductory phrase ("In 2011, US officials …") or a wire
        dateline ("SEOUL, Dec 3 (Reuters) - South Korea's president …")."""
        dateline = DATELINE.match(self.sentence)
        i = 0 if dateline is None else next((j for j, t in enumerate(self.tokens) if t.start >= dateline.end()),
                                            self.n)
        # Introductory phrases may follow one another ("On 11 July, when thousands marched, the president …").
        for _ in range(MAX_INTRODUCTIONS):
            if not (i < self.n and (self.low(i) in PREPOSITIONS or self.low(i) in BOUNDARY or
                                    self.low(i).endswith(("ing", "ed")) or is_quote_mark(self.tokens[i]))):
                break
            comma = next((j for j in range(i, self.n) if self.tokens[j].text == "," and not self.tokens[j].quoted),
                         None)
            if comma is None:
                return None
            i = comma + 1
        clause = self.np_right(i, allow_appositive=True)
        if clause is not None and len(WORD.findall(self.text_of(clause.start, clause.end))) > MAX_PHRASE_WORDS // 2 \
                and "," not in self.text_of(clause.start, clause.end):
            return None
        return clause

