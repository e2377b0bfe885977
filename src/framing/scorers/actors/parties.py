"""A document's unnamed parties: the groups of people a story keeps referring to by a common noun, and the words
that stand for them without naming them.

News about a protest, a riot or an uprising names its crowd by a common noun ("the protesters",
"demonstrators", "students") and labels it with others ("Rioters storm …", "a furious mob", "the rampaging
crowd", "groups of rioters", "the dead", "some of those arrested"). Those words name no one by themselves; the
rules here say when they stand for the story's crowd:

1. **The civil party.** A document's civil party is the noun for people in the streets (:data:`CIVIL_NOUNS`)
   it writes most often, anywhere in it (a headline's "Rioters …" comes before the body names the protesters);
   on a tie between two nouns there is none. A document that names none but writes of protests or
   demonstrations ("the protests", "a demonstration") has the protesters as its civil party: a protest is made
   by protesters, whatever the outlet calls them.
2. **Crowd words** (:data:`CROWD_NOUNS`: "rioters", "mob", "crowd", "looters", "provocateurs" …) heading a
   phrase that is not generic ("every mob", "any crowd" are anyone) stand for the civil party — except when an
   adjective of another party stands before them ("a loyalist mob", "rebel looters"): that party's
   (:func:`party_of_adjective`). A document with no civil party leaves them with no target.
3. **The affected.** People named by what befell them in the story's event ("the dead", "the wounded",
   "those arrested", "some of those killed") are the civil party too: in a story about a crowd, they are the
   crowd's own. Only those words; "those who …" may be anyone ("those who question the account").
4. **First person plural in a quotation.** "We", "us" and "our" inside a quotation are the quoted speaker's
   side: the civil party when the sentence, outside the quotation, calls the speaker one of them ("one
   protester, a student, said: 'We are not rioters'") or a private person with no office or role ("said Rosa
   Quishpe, a 52-year-old farmer": news quotes the crowd's members by age and trade); otherwise nobody.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property

from .context import PARTY_NOUNS

# Nouns for people in the streets: the parties a crowd word can stand for ("supporters" of a leader who storm a
# parliament or fill a square are a crowd like protesters).
CIVIL_NOUNS = frozenset({"protesters", "protestors", "demonstrators", "marchers", "strikers", "students",
                         "activists", "supporters"})
# Their singulars, which say a quoted speaker is one of them ("one protester said").
CIVIL_MEMBERS = frozenset(noun[:-1] for noun in CIVIL_NOUNS)
# Words for a crowd that label it without naming it.
CROWD_NOUNS = frozenset({"rioters", "mob", "mobs", "crowd", "crowds", "looters", "vandals", "radicals",
                         "provocateurs", "hooligans", "anarchists", "agitators", "ringleaders", "troublemakers",
                         "rabble", "hordes"})
# People named by what befell them: "the dead", "those arrested".
AFFECTED = frozenset({"dead", "wounded", "injured", "arrested", "detained", "killed", "jailed"})
# Words that make a crowd word generic: "every mob", "any crowd", "no rioters".
GENERIC_OPENERS = frozenset({"every", "any", "no", "each"})
FIRST_PERSON_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
# The protest words of a document that names its crowd by no noun of its own.
_PROTEST = re.compile(r"\b(?:protests?|demonstrations?)\b", re.IGNORECASE)
_CIVIL = re.compile(r"\b(?:%s)\b" % "|".join(sorted(CIVIL_NOUNS)), re.IGNORECASE)


class DocumentParties:
    """What one document calls its crowd: :attr:`civil`, the key of its civil party ("protesters"), or ``None``.

    Read from the document's sentences only when a rule asks for it: crowd words are rare, and searching every
    document of a large corpus for its crowd nouns would cost more than the rest of the actor stage's new work.
    """

    def __init__(self, texts: list[str] = ()) -> None:
        self.texts = texts

    @cached_property
    def civil(self) -> str | None:
        """Rule 1 of the module docstring."""
        text = "\n".join(self.texts)
        counts = Counter(match.lower().replace("protestors", "protesters") for match in _CIVIL.findall(text))
        ranked = counts.most_common(2)
        if ranked:
            return None if len(ranked) > 1 and ranked[0][1] == ranked[1][1] else ranked[0][0]
        return "protesters" if _PROTEST.search(text) else None


NO_PARTIES = DocumentParties()


def party_of_adjective(lower: str) -> str | None:
    """The party an adjective before a crowd word names ("loyalist" → "loyalists"), or ``None``."""
    plural = lower + "s"
    return plural if plural in PARTY_NOUNS and plural not in CIVIL_NOUNS else None
