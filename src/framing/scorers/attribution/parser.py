"""The walker the cue rules work with: a :class:`~framing.phrases.PhraseWalker` that records the sources it finds
and knows the shapes around a reporting verb (passive, negation, a sentence-final frame, a label after "as")."""

from __future__ import annotations

from ...phrases.tokens import Token, is_cap, is_participle, is_quote_mark, is_word
from ...phrases.walkers import Phrase, PhraseWalker
from ...phrases.words import ADVERBS, AUXILIARY, BE_FORMS, PRONOUNS, RELATIVE, TIME_WORDS
from .kinds import classify
from .records import Found
from .vocabulary import (DOCUMENT_SUBJECTS, MAX_FRAME_TAIL, MEANS_OF_SPEAKING, REFUSALS, SPEECH_START_PREPOSITIONS,
                         Cue, clause_verbs)


# How many words may stand between "who" and a subject walked leftwards ("who fled to Chad").
_RELATIVE_VERB_WORDS = 3


class SourceWalker(PhraseWalker):
    """One sentence's tokens, the sources found in it so far, and the labels of agentless passives ("was hailed
    as a hero": reported text without a source)."""

    def __init__(self, sentence: str, tokens: list[Token]):
        super().__init__(sentence, tokens, clause_verbs())
        self.agentless_labels: list[tuple[int, int]] = []
        self.found: list[Found] = []

    def add(self, clause: Phrase, kind: str, cue_text: str, cue: Cue, cue_index: int,
            content: list[tuple[int, int] | None], *, agent: bool = False, subordinate: bool = False) -> bool:
        """Record the source ``clause`` of the cue at token ``cue_index`` with its attributed ``content``."""
        text = self.text_of(clause.start, clause.end).strip(" ,")
        if not text:
            return False
        start = self.tokens[clause.start].start
        end = start + len(text)
        self.found.append(Found(text, kind, cue_text, cue.stance, start, end,
                                tuple(c for c in content if c is not None), self.tokens[cue_index].start, agent,
                                subordinate, cue_words=self.cue_words(cue_index, cue)))
        return True

    def cue_words(self, cue_index: int, cue: Cue) -> tuple[int, int]:
        """Sentence offsets of the cue's words from token ``cue_index``, with the "as" of a ``verb_as`` cue when it
        follows the verb at once ("described as"; in "described him as" the span is the verb's)."""
        last = cue_index + len(cue.cue.split()) - 1
        if cue.pattern_type == "verb_as" and self.low(last + 1) == "as" and not self.tokens[last + 1].quoted:
            last += 1
        return self.tokens[cue_index].start, self.tokens[last].end

    def add_source(self, clause: Phrase, cue_text: str, cue: Cue, cue_index: int,
                    content: list[tuple[int, int] | None], *, agent: bool = False,
                    subordinate: bool = False) -> bool:
        """Classify and add a source phrase, splitting "several sources, including X" into two sources."""
        tokens = self.tokens[clause.start:clause.end]
        for k, tok in enumerate(tokens):
            if tok.lower in {"including", "among"} and k > 0:
                group = Phrase(clause.start, clause.start + k - (tokens[k - 1].text == ","))
                member = Phrase(clause.start + k + 1, clause.end)
                added = False
                for part in (group, member):
                    if part.end > part.start:
                        kind = classify(self, part)
                        if kind:
                            added = self.add(part, kind, cue_text, cue, cue_index, content, agent=agent,
                                              subordinate=subordinate) or added
                return added
        kind = classify(self, clause)
        if kind is None:
            return False
        return self.add(clause, kind, cue_text, cue, cue_index, content, agent=agent, subordinate=subordinate)

    def passive(self, verb: int) -> bool:
        """The verb at token ``verb`` is a passive participle after a form of "be" or "get"."""
        i = verb - 1
        while i >= 0 and (self.low(i) in ADVERBS or (self.low(i).endswith("ly") and not is_cap(self.tokens[i]))):
            i -= 1
        return i >= 0 and self.low(i) in BE_FORMS | {"get", "got", "gets"} and is_participle(self.low(verb))

    def by_agent(self, i: int, limit: int | None = None) -> Phrase | None:
        """The agent phrase of "by X" at token i (after adverbs, before token ``limit``); "by telephone" is how
        something was said, not by whom."""
        j = i
        while j < self.n and (self.low(j) in ADVERBS or self.low(j).endswith("ly")):
            j += 1
        if self.low(j) == "by" and not self.tokens[j].quoted and (limit is None or j < limit) \
                and self.low(j + 1) not in MEANS_OF_SPEAKING:
            return self.np_right(j + 1)
        return None

    def negated(self, verb: int) -> bool:
        """ "did not say", "would never confirm", "declined to comment": nothing is attributed."""
        i = verb - 1
        while i >= 0 and (self.low(i) in AUXILIARY or self.low(i) in ADVERBS or self.low(i) == "to"):
            if self.low(i) in {"not", "n't", "never"} or (self.low(i) == "to" and self.low(i - 1) in REFUSALS):
                return True
            i -= 1
        return False

    def previous_subject(self) -> Phrase | None:
        """The last source found in this sentence, else its main subject (for ", adding that …", "and said")."""
        if self.found:
            last = self.found[-1]
            for k, tok in enumerate(self.tokens):
                if tok.start == last.start:
                    j = k
                    while j < self.n and self.tokens[j].end <= last.end:
                        j += 1
                    return Phrase(k, j)
        return self.main_subject()

    def in_relative(self, subject: Phrase) -> bool:
        """The subject is a relative pronoun's (", who …"): its cue sits in a relative clause."""
        before = subject.start - 1
        return before >= 0 and self.low(before) in {"which", "who", "whom"} and self.low(before - 1) == ","

    def document_subject(self, subject: Phrase) -> bool:
        """The subject names a document or study (a survey, report, accounts …)."""
        words = [t.lower for t in self.tokens[subject.start:subject.end]]
        return any(w in DOCUMENT_SUBJECTS for w in words)

    def frame_final(self, end: int, cue: Cue) -> bool:
        """After the verb (or the inverted source) only a short tail remains: "…, X said in a statement."."""
        j = end
        if j >= self.n or (self.tokens[j].text in {".", "!", "?"} and j == self.n - 1):
            return True
        tail = self.tokens[j:]
        if any(t.lower == "that" or t.text in {",", ";", ":"} for t in tail) or \
                sum(is_word(t) for t in tail) > MAX_FRAME_TAIL:
            return False
        first = tail[0].lower
        if first in SPEECH_START_PREPOSITIONS or first in TIME_WORDS or first in {"told", "on", ","} \
                or (cue.lemma in {"tell", "ask"}):
            return not any(t.lower in AUXILIARY - {"'s"} for t in tail)
        return False

    def frame_position(self, verb: int) -> bool:
        """The frame comes after its content: a comma or closing quotation mark before the subject (or before
        the verb, when the subject follows it)."""
        i = self.skip_left(verb - 1)
        if i < 0:
            return False
        if self.tokens[i].text == "," or is_quote_mark(self.tokens[i]) or self.tokens[i].text in {"?", "!"}:
            return True
        clause = self.np_left(i)
        before = clause.start - 1 if clause is not None else -1
        return before >= 0 and (self.tokens[before].text == "," or is_quote_mark(self.tokens[before]))

    def content_follows_quote(self, verb: int) -> bool:
        """A closing quotation mark comes right before the verb ("'…,' said X")."""
        i = self.skip_left(verb - 1)
        while i >= 0 and self.tokens[i].text in {",", "?", "!"}:
            i -= 1
        return i >= 0 and is_quote_mark(self.tokens[i])

    def before_frame(self, verb: int) -> tuple[int, int] | None:
        """The content of a sentence-final frame: from the clause start to the comma before the frame."""
        i = verb - 1
        while i >= 0 and self.tokens[i].text not in {",", "\"", "'"}:
            i -= 1
        while i >= 0 and self.tokens[i].text in {",", "\"", "'", "?", "!"} and not self.tokens[i].quoted:
            i -= 1
        if i < 0:
            return None
        start = 0
        for k in range(i, -1, -1):
            if self.tokens[k].text == ";" and not self.tokens[k].quoted:
                start = self.tokens[k].end
                break
        end = self.tokens[i].end
        return (start, end) if end > start else None

    def label_end(self, i: int) -> tuple[int, int] | None:
        """The label after "as" / the complement of "called": to a comma, clause end, agent or place/time phrase."""
        if i >= self.n:
            return None
        end = len(self.sentence)
        for j in range(i, self.n):
            tok = self.tokens[j]
            if tok.quoted:
                continue
            if tok.text in {",", ";", "—", "–"} or (tok.text == "." and j == self.n - 1):
                end = tok.start
                break
            if j > i and tok.lower in {"in", "on", "at", "during", "after", "before", "since", "from", "while",
                                       "when", "because", "although", "but"}:
                end = tok.start
                break
            if j > i and tok.lower in AUXILIARY - {"'s"} | {"will", "would"}:
                end = tok.start
                break
        start = self.tokens[i].start
        return (start, end) if end > start else None

    def subject_left(self, verb: int):
        """The phrase walker's subject of the verb at ``verb``, widened over a relative clause with no commas: in
        "Refugees who reached the border described …" the phrase before the verb is the relative clause's object
        ("the border"); the speaker is who the clause is about, with the clause ("Refugees who reached …")."""
        subject, how = super().subject_left(verb)
        if how != "np" or subject is None:
            return subject, how
        # The relative clause's verb and any preposition between "who" and the phrase: "who fled to".
        k = subject.start - 1
        while k > 0 and subject.start - k <= _RELATIVE_VERB_WORDS and is_word(self.tokens[k]) \
                and not is_cap(self.tokens[k]) and self.low(k) != "who":
            k -= 1
        if k > 0 and k < subject.start - 1 and self.low(k) == "who":
            head = self.antecedent(k)
            if head is not None:
                return Phrase(head.start, subject.end), how
        return subject, how

    def before_main_clause(self, source: Phrase) -> Phrase:
        """A source after "according to" ends at its first comma when what follows has a verb of its own
        ("According to the statement, 40 rebels were killed"): that is the main clause, not an appositive."""
        comma = next((k for k in range(source.start, source.end) if self.tokens[k].text == ","), None)
        if comma is None:
            return source
        for k in range(comma + 1, source.end):
            if self.low(k) in RELATIVE:
                break
            if self.low(k) in AUXILIARY:
                return Phrase(source.start, comma)
        return source

    def pronoun_subject(self, i: int) -> Phrase | None:
        """The pronoun right before the verb at ``i`` as the whole subject, or ``None``."""
        return Phrase(i - 1, i) if i > 0 and self.low(i - 1) in PRONOUNS else None

    def progressive(self, i: int) -> bool:
        """A cue in -ing after a form of "be" ("officials were calling the crowds anarchists"): a finite verb with
        its subject on its left, not a participle hanging on the clause before ("…, calling him …")."""
        k = i - 1
        while k >= 0 and self.low(k) in ADVERBS:
            k -= 1
        return self.low(k) in BE_FORMS

    def cue_subject(self, i: int, prev: str) -> Phrase | None:
        """Who speaks through the cue verb at ``i``: the subject on its left, or for a participle after a comma
        or "and" ("…, calling him …") and for coordinated verbs, the previous clause's subject. A pronoun right
        before the verb is the whole subject ("what he called", "whom they call"): a pronoun takes no
        modifiers, so the words before it belong to another phrase."""
        if self.tokens[i].lower.endswith("ing") and not self.progressive(i):
            return self.previous_subject() if prev in {",", "and"} else None
        pronoun = self.pronoun_subject(i)
        if pronoun is not None:
            return pronoun
        subject, how = self.subject_left(i)
        return self.previous_subject() if how == "coordinated" else subject
