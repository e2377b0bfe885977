"""The cue rules: one method per ``pattern_type`` of the cue file, each finding the source and the attributed
content of one cue occurrence (the rules per type are in the package docstring, "Cues").

Two refinements live here: a passive ``verb_of`` / ``verb_for`` cue with an agent cites the agent ("was accused
by rights groups of …"; without one it is a hedge from ``hedges.tsv``); and "was quoted by state media as saying"
cites the one quoted, the agent being the channel. (A subject that only stands for facts, "All of this clearly
shows …", is no source at all: :func:`.kinds.stands_for_facts`.)"""

from __future__ import annotations

import re

from ...corpus import WORD
from ...phrases.tokens import is_cap, is_participle, is_quote_mark, is_word
from ...phrases.walkers import Phrase
from ...phrases.words import (ADVERBS, AUXILIARY, BE_FORMS, BOUNDARY, CONTROL_VERBS, DEFINITE, INDEFINITE,
                              INSTITUTIONS, POSSESSIVE, PREPOSITIONS)
from .antecedents import names_people
from .parser import SourceWalker
from .records import Found
from .vocabulary import (AS_WINDOW, CLAUSE_ONLY, CLAUSE_STARTS, DOCUMENT_ONLY, INFINITIVE_CUES, MAX_SOURCE_WORDS,
                         NO_PASSIVE_SOURCE, NOUN_LIKE, OTHER_SENSE_BEFORE_TO, Cue, cue_index, cue_lemmas)

# "To X, he is …": the form of "be" must come within this many words of the comma.
VIEW_VERB_WINDOW = 4
# The cue of a sentence that opens "To his supporters, he is a hero" (not in the cue file: see sources()).
VIEWPOINT_CUE = Cue("to", "to", "neutral", "viewpoint")
_ADJECTIVE = re.compile(r"(?:ful|less|ous|ive|al|ic|able|ible|ant|ent|ary|ile|ish)$|^(?:un|il|ir|im|in)\w+ed$")


class CueParser(SourceWalker):
    """Finds cues and their sources in one sentence's tokens: :meth:`sources`."""

    def sources(self) -> tuple[Found, ...]:
        """Every source cited in the sentence, in the order their cues occur (a cue inside a quotation is the quoted
        speaker's and is skipped); at each word, the longest cue whose rule finds a source wins."""
        index = cue_index()
        # "To X, …" opens the sentence or not at all; "to" is no cue anywhere else, so it stays out of the index
        # (as a cue word it would end noun phrases: "ambassador to Iraq").
        if self.low(0) == "to":
            self._cue_viewpoint(0, 1, VIEWPOINT_CUE)
        i = 0
        while i < self.n:
            tok = self.tokens[i]
            # Few words start a cue: look them up before anything else (this runs for every token of a corpus).
            entries = index.get(tok.lower)
            if not entries or tok.quoted or not is_word(tok):
                i += 1
                continue
            matched = False
            for words, cue in entries:
                if tuple(self.low(i + k) for k in range(len(words))) != words:
                    continue
                if any(self.tokens[i + k].quoted for k in range(len(words))):
                    continue
                handler = getattr(self, f"_cue_{cue.pattern_type}")
                if handler(i, i + len(words), cue):
                    matched = True
                    i += len(words)
                    break
            if not matched:
                i += 1
        return tuple(self.found)

    def _cue_verb(self, i: int, end: int, cue: Cue) -> bool:
        low = self.tokens[i].lower
        prev = self.low(i - 1)
        if self.negated(i):
            return False
        nxt = self.low(end)
        surface = self.text_of(i, end).lower()
        # Adjectives and nouns: "the stated goal", "no reported casualties", "Soleimani's claim".
        if prev in DEFINITE | POSSESSIVE | {"a", "an", "no", "any", "every"} or prev.endswith("'s"):
            return False
        if prev in PREPOSITIONS and not (prev == "to" and self.low(i - 2) in CONTROL_VERBS):
            return False
        if cue.lemma in OTHER_SENSE_BEFORE_TO and nxt == "to":
            return False  # "added to the list", "determined to fight", "testifies to the problem"
        if cue.lemma == "note" and nxt == "for":
            return False
        if nxt in cue_lemmas() and end < self.n and not is_cap(self.tokens[end]):
            return False  # "a leaked report stated": the next word is the verb, this one a noun
        clause_follows = nxt in {"that", ":"} or (end < self.n and is_quote_mark(self.tokens[end])) or \
            (end < self.n and self.tokens[end].quoted) or (nxt == "to" and cue.lemma in INFINITIVE_CUES)
        frame_final = self.frame_final(end, cue) and self.frame_position(i)
        if low in NOUN_LIKE and not (clause_follows or frame_final):
            return False
        if cue.lemma in CLAUSE_ONLY and not (clause_follows or frame_final or self.find_that(end) is not None
                                             or nxt in CLAUSE_STARTS or self._account_object(i, end, cue)
                                             or self._after_quotation(i)):
            return False
        # Passive: "was rejected by X" cites X; "is quoted (by X) as saying" cites the subject; otherwise a hedge.
        # A participle right before "by" is a passive even without "be" ("grounds cited by the EU").
        if self.passive(i) or (is_participle(low) and nxt == "by" and self.by_agent(end) is not None):
            if cue.lemma == "quote" and self._quoted_as_saying(end):
                subject, _ = self.subject_left(self.skip_left(i - 1) + 1)
                if subject is not None:
                    return self.add_source(subject, surface, cue, i, [])
                return False
            if cue.lemma in NO_PASSIVE_SOURCE:
                return False
            agent = self.by_agent(end)
            if agent is None:
                return False
            return self.add_source(agent, surface, cue, i, [], agent=True)
        if low.endswith("ing") and not self.progressive(i):
            return self._participle(i, end, cue, surface)
        subject, how = self.subject_left(i)
        if how == "coordinated":
            subject = self.previous_subject()
        if subject is None and how == "after_comma":
            # Inverted: "'…,' said Leila Farhadi, a fellow at …" / "…, said X."
            starts_np = end < self.n and is_word(self.tokens[end]) and not self.tokens[end].quoted and \
                self.low(end) not in BOUNDARY | PREPOSITIONS | AUXILIARY
            inverted = self.np_right(end) if starts_np else None
            if inverted is None:
                return False
            if not (self.frame_final(inverted.end, cue) or self.content_follows_quote(i)):
                return False
            content = [self.before_frame(i)]
            return self.add_source(inverted, surface, cue, i, content)
        if subject is None:
            return False
        if cue.lemma in DOCUMENT_ONLY and not self.document_subject(subject):
            return False
        relative = how == "relative" or self.in_relative(subject)
        content = self._verb_content(i, end, subject, cue, relative=relative)
        return self.add_source(subject, surface, cue, i, content, subordinate=relative)

    def _account_object(self, i: int, end: int, cue: Cue) -> bool:
        """ "Witnesses described a scene of panic": what people describe is their account of what they saw, so a
        noun phrase object is reported like a clause (with "as" the verb_as cue has already read it). A thing
        describing ("It also describes a quiet street") reports nothing."""
        if cue.lemma != "describe" or self.low(end) in PREPOSITIONS | ADVERBS \
                or self.np_right(end, allow_appositive=False) is None:
            return False
        subject = self.cue_subject(i, self.low(i - 1))
        return subject is not None and names_people(self.text_of(subject.start, subject.end))

    def _quoted_as_saying(self, end: int) -> bool:
        """ "was quoted as saying", "was quoted by state media as saying": the one quoted speaks; an agent before
        "as" is the channel that quoted them, as "told The New York Times" names a channel."""
        if self.low(end) == "as":
            return True
        channel = self.by_agent(end)
        return channel is not None and self.low(channel.end) == "as"

    def _after_quotation(self, i: int) -> bool:
        """The cue right after a quotation that its punctuation closes ("'…,' wrote X", "'…?' added the
        minister"): an inverted frame, whose clause is the quotation."""
        return i >= 2 and is_quote_mark(self.tokens[i - 1]) and self.low(i - 2) in {",", "?", "!"}

    def _participle(self, i: int, end: int, cue: Cue, surface: str) -> bool:
        prev = self.low(i - 1)
        if prev not in {",", "and", "while", "before", "after", "by", "when"}:
            return False
        subject = self.previous_subject() or self.main_subject()
        if subject is None:
            return False
        that = self.find_that(end)
        content = [self.content_from(that if that is not None else end)]
        return self.add_source(subject, surface, cue, i, content)

    def _verb_content(self, verb: int, end: int, subject: Phrase, cue: Cue, *,
                      relative: bool) -> list[tuple[int, int] | None]:
        before_subject = subject.start - 1
        after_comma = before_subject >= 0 and (self.tokens[before_subject].text == "," or
                                               is_quote_mark(self.tokens[before_subject])) \
            and not relative
        if after_comma:
            nxt = end
            # Parenthetical: "The general, officials said, was a terrorist …"
            if nxt < self.n and self.tokens[nxt].text == "," and nxt + 1 < self.n \
                    and not self.frame_final(nxt + 1, cue):
                return [self.content_from(nxt + 1)]
            if self.frame_final(end, cue):
                return [self.before_frame(subject.start + 1 if subject.start + 1 <= verb else verb)]
        that = self.find_that(end)
        if that is not None:
            return [self.content_from(that, relative=relative)]
        start = end
        if cue.lemma in {"tell", "ask"}:
            # Skip the listener: "told reporters", "told The New York Times".
            obj = self.np_right(start, allow_appositive=False)
            if obj is not None:
                start = obj.end
        return [self.content_from(start, relative=relative)]

    def _cue_verb_as(self, i: int, end: int, cue: Cue) -> bool:
        as_index = None
        for j in range(end, min(self.n, end + AS_WINDOW)):
            if self.tokens[j].text in {",", ";", ".", ":"} and not self.tokens[j].quoted:
                break
            if self.low(j) == "as" and not self.tokens[j].quoted:
                as_index = j
                break
        if as_index is None:
            return False
        prev = self.low(i - 1)
        if prev in DEFINITE | POSSESSIVE | {"a", "an", "no"} or prev.endswith("'s"):
            return False
        if prev in PREPOSITIONS and not (prev == "to" and self.low(i - 2) in CONTROL_VERBS):
            return False
        surface = f"{self.text_of(i, end).lower()} as"
        label = self.label_end(as_index + 1)
        label_stop = label[1] if label else len(self.sentence)
        passive = self.passive(i) or (is_participle(self.low(i)) and prev in {"and", ",", ""}) \
            or (is_participle(self.low(i)) and self.low(end) == "by")
        if passive:
            agent = self.by_agent(end, limit=as_index)
            by_after = None
            if agent is None:
                for j in range(as_index + 1, self.n):
                    if self.tokens[j].start >= label_stop:
                        break
                    if self.low(j) == "by" and not self.tokens[j].quoted:
                        by_after = j
                        break
                if by_after is not None:
                    agent = self.np_right(by_after + 1)
            content = (self.tokens[as_index + 1].start, self.tokens[by_after].start) if by_after is not None \
                else label
            if agent is None:
                if content and content[1] > content[0]:
                    self.agentless_labels.append(content)
                return False
            return self.add_source(agent, surface, cue, i, [content], agent=True)
        subject, how = self.subject_left(i)
        if how == "coordinated":
            subject = self.previous_subject()
        subject = self.pronoun_subject(i) or subject
        if subject is None:
            return False
        return self.add_source(subject, surface, cue, i, [label],
                                subordinate=how == "relative" or self.in_relative(subject))

    def _cue_verb_complement(self, i: int, end: int, cue: Cue) -> bool:
        nxt = self.low(end)
        prev = self.low(i - 1)
        if nxt in {"for", "on", "off", "up", "in", "out", "back", "it", "upon", "to"} and cue.lemma == "call":
            if not (nxt == "it" and end + 1 < self.n and self.low(end + 1) in INDEFINITE | DEFINITE):
                return False
        if prev in DEFINITE | POSSESSIVE | {"a", "an", "no"} or prev.endswith("'s"):
            return False
        if self.passive(i):
            return self._passive_complement(i, end, cue)
        if prev in PREPOSITIONS and not (prev == "to" and self.low(i - 2) in CONTROL_VERBS):
            return False
        subject = self.cue_subject(i, prev)
        if subject is None:
            return False
        # "What the Pentagon calls a 'defensive action'", "which Iran called an act of war": no object.
        fronted = subject.start > 0 and self.low(subject.start - 1) in {"what", "which", "that", "whom"}
        complement_start = end if fronted else self._object_end(end)
        if complement_start is None or complement_start >= self.n:
            return False
        label = self.label_end(complement_start)
        if label is None:
            return False
        surface = self.text_of(i, end).lower()
        return self.add_source(subject, surface, cue, i, [label])

    def _passive_complement(self, i: int, end: int, cue: Cue) -> bool:
        """ "Y has been designated / branded Z by X": the agent X gives Y the label Z, the words up to "by". Without
        an agent there is no source (hedges.tsv reads some agentless passives)."""
        label = self.label_end(end)
        if label is None:
            return False
        by = next((j for j in range(end, self.n) if self.tokens[j].start >= label[1]
                   or (self.low(j) == "by" and not self.tokens[j].quoted)), None)
        if by is None or self.low(by) != "by" or by == end:
            return False
        agent = self.np_right(by + 1)
        if agent is None:
            return False
        return self.add_source(agent, self.text_of(i, end).lower(), cue, i, [(label[0], self.tokens[by].start)],
                               agent=True)

    def _object_end(self, i: int) -> int | None:
        """Index where the complement starts after the object of call/brand/label/dub."""
        if i >= self.n:
            return None
        first = self.tokens[i]
        if first.lower in {"him", "her", "it", "them", "himself", "herself", "itself", "themselves", "this",
                           "us", "me", "you"}:
            return i + 1
        j = i + 1 if not is_quote_mark(first) else i
        while j < self.n:
            tok = self.tokens[j]
            prev = self.tokens[j - 1]
            if is_quote_mark(tok) or tok.quoted:
                return j
            if tok.lower in INDEFINITE | DEFINITE | POSSESSIVE and prev.lower not in PREPOSITIONS:
                return j
            if is_cap(tok) and not is_cap(prev) and prev.lower not in PREPOSITIONS | DEFINITE \
                    and is_word(prev):
                return j
            if tok.text in {",", ";", "."}:
                break
            j += 1
        # No second noun phrase: a final predicate adjective is the complement ("called the killing unlawful").
        last = j - 1
        if last > i + 1 and _ADJECTIVE.search(self.tokens[last].lower) and not is_cap(self.tokens[last]):
            return last
        return None

    def _cue_verb_of(self, i: int, end: int, cue: Cue, *, particle: str = "of") -> bool:
        prev = self.low(i - 1)
        if prev in DEFINITE | POSSESSIVE | {"a", "an"} or prev.endswith("'s"):
            return False
        if self.low(end) == particle and not self._fronted_object(i, prev):
            return False  # "enterprises accused of funding …": the accuser is not named (a hedge in hedges.tsv)
        particle_at = self._particle_after(end, particle)
        if particle_at is None:
            return False
        if self.passive(i):
            # "was accused by rights groups of …" cites the agent, up to the particle.
            agent = self.by_agent(end, limit=particle_at)
            if agent is None:
                return False
            return self.add_source(Phrase(agent.start, min(agent.end, particle_at)), self.text_of(i, end).lower(),
                                   cue, i, [self.content_from(particle_at + 1)], agent=True)
        subject = self.cue_subject(i, prev)
        if subject is None:
            return False
        return self.add_source(subject, self.text_of(i, end).lower(), cue, i, [self.content_from(particle_at + 1)])

    def _fronted_object(self, i: int, prev: str) -> bool:
        """The verb at ``i`` has a subject whose clause opens with its object, a relative pronoun: in "a commander
        whom rights groups have accused of massacres" the accused is "whom", so "accused of" names an accuser."""
        if self.passive(i):
            return False
        subject = self.cue_subject(i, prev)
        return subject is not None and subject.start > 0 and self.low(subject.start - 1) in {"whom", "which", "that"}

    def _particle_after(self, end: int, particle: str) -> int | None:
        """Index of the "of" / "for" that opens the content within a few words of the verb, in the same clause."""
        for j in range(end, min(self.n, end + AS_WINDOW)):
            if self.low(j) == particle and not self.tokens[j].quoted:
                return j
            if self.tokens[j].text in {",", ";", "."}:
                return None
        return None

    def _cue_verb_for(self, i: int, end: int, cue: Cue) -> bool:
        return self._cue_verb_of(i, end, cue, particle="for")

    def _cue_verb_from(self, i: int, end: int, cue: Cue) -> bool:
        j = end
        while j < self.n and self.low(j) in ADVERBS:
            j += 1
        surface = self.text_of(i, end).lower()
        that = self.find_that(end)
        content = [self.content_from(that)] if that is not None else []
        if self.low(j) == "from":
            source = self.np_right(j + 1, allow_appositive=False)
            if source is not None:
                end_source = source.end
                while end_source > source.start and self.low(end_source - 1) == "that":
                    end_source -= 1
                return self.add_source(Phrase(source.start, end_source), surface, cue, i, content)
        if that is None:
            return False
        subject, _ = self.subject_left(i)
        if subject is None:
            return False
        return self.add_source(subject, surface, cue, i, content)

    def _cue_prep(self, i: int, end: int, cue: Cue) -> bool:
        source = self.np_right(end, to_comma=True)
        if source is None:
            return False
        source = self.before_main_clause(source)
        text = self.text_of(source.start, source.end)
        if len(WORD.findall(text)) > MAX_SOURCE_WORDS:
            source = self.np_right(end, allow_appositive=False)
            if source is None:
                return False
        surface = self.text_of(i, end).lower()
        sentence_final = source.end >= self.n or (source.end == self.n - 1 and self.tokens[-1].text in ".!?")
        starts = i == 0 or self.skip_left(i - 1) < 0
        content: list[tuple[int, int] | None]
        if cue.cue in {"citing", "quoting"} or (sentence_final and not starts):
            content = [self.before_frame(i + 1 if self.low(i - 1) != "," else i)]
        elif source.end < self.n and self.tokens[source.end].text == ",":
            content = [self.content_from(source.end + 1)]
        else:
            content = [self.content_from(source.end)]
        return self.add_source(source, surface, cue, i, content)

    def _cue_viewpoint(self, i: int, end: int, cue: Cue) -> bool:
        source = self.np_right(end, allow_appositive=False)
        if source is None or source.end >= self.n or self.tokens[source.end].text != ",":
            return False
        if not self._holds_views(source):
            return False
        clause = source.end + 1
        if not any(self.low(k) in BE_FORMS for k in range(clause, min(self.n, clause + VIEW_VERB_WINDOW))):
            return False
        return self.add_source(source, "to", cue, i, [self.content_from(clause)])

    def _holds_views(self, source: Phrase) -> bool:
        """People or a body, who can hold a view: "his supporters", "the government", "Beijing", "many
        Catalans"; not a time or a place ("To date", "To the north", "To this day")."""
        text = self.text_of(source.start, source.end)
        head = self.tokens[source.end - 1]
        return names_people(text) or head.lower in INSTITUTIONS or is_cap(head)

    def _cue_put_it(self, i: int, end: int, cue: Cue) -> bool:
        subject, _ = self.subject_left(i)
        if subject is None or self.low(subject.start - 1) != "as":
            return False
        j = end
        while j < self.n and self.tokens[j].text not in {",", "."} and not is_quote_mark(self.tokens[j]):
            j += 1
        if j < self.n and self.tokens[j].text == "," and j + 1 < self.n:
            content = [self.content_from(j + 1)]
        else:
            content = [self.before_frame(subject.start - 1)]
        return self.add_source(subject, "put it", cue, i, content)
