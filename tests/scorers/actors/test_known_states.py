"""The shipped list of states (``data/actors_known.toml``): complete, parsed cleanly, and read as general data.

Every sentence here is invented, on stories that no labelled set holds.
"""

from __future__ import annotations

from importlib.resources import files

import pytest

from framing.scorers.actors import alias_book, sentence_mentions
from framing.scorers.actors.actors_file import KNOWN_ACTORS_FILE, known_actors, parse_actors

# The 193 member states of the United Nations, by the names the file gives them ("Republic of Chad": its short
# name is mostly a first name, see the file's header).
UN_MEMBERS = (
    "Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Antigua and Barbuda", "Argentina", "Armenia",
    "Australia", "Austria", "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados", "Belarus", "Belgium",
    "Belize", "Benin", "Bhutan", "Bolivia", "Bosnia and Herzegovina", "Botswana", "Brazil", "Brunei", "Bulgaria",
    "Burkina Faso", "Burundi", "Cabo Verde", "Cambodia", "Cameroon", "Canada", "Central African Republic",
    "Republic of Chad", "Chile", "China", "Colombia", "Comoros", "Republic of the Congo", "Costa Rica",
    "Côte d'Ivoire", "Croatia", "Cuba", "Cyprus", "Czech Republic", "North Korea",
    "Democratic Republic of the Congo", "Denmark", "Djibouti", "Dominica", "Dominican Republic", "Ecuador", "Egypt",
    "El Salvador", "Equatorial Guinea", "Eritrea", "Estonia", "Eswatini", "Ethiopia", "Fiji", "Finland", "France",
    "Gabon", "Gambia", "Georgia", "Germany", "Ghana", "Greece", "Grenada", "Guatemala", "Guinea", "Guinea-Bissau",
    "Guyana", "Haiti", "Honduras", "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq", "Ireland", "Israel",
    "Italy", "Jamaica", "Japan", "Jordan", "Kazakhstan", "Kenya", "Kiribati", "Kuwait", "Kyrgyzstan", "Laos",
    "Latvia", "Lebanon", "Lesotho", "Liberia", "Libya", "Liechtenstein", "Lithuania", "Luxembourg", "Madagascar",
    "Malawi", "Malaysia", "Maldives", "Mali", "Malta", "Marshall Islands", "Mauritania", "Mauritius", "Mexico",
    "Federated States of Micronesia", "Monaco", "Mongolia", "Montenegro", "Morocco", "Mozambique", "Myanmar",
    "Namibia", "Nauru", "Nepal", "Netherlands", "New Zealand", "Nicaragua", "Niger", "Nigeria", "North Macedonia",
    "Norway", "Oman", "Pakistan", "Palau", "Panama", "Papua New Guinea", "Paraguay", "Peru", "Philippines", "Poland",
    "Portugal", "Qatar", "South Korea", "Moldova", "Romania", "Russia", "Rwanda", "Saint Kitts and Nevis",
    "Saint Lucia", "Saint Vincent and the Grenadines", "Samoa", "San Marino", "São Tomé and Príncipe",
    "Saudi Arabia", "Senegal", "Serbia", "Seychelles", "Sierra Leone", "Singapore", "Slovakia", "Slovenia",
    "Solomon Islands", "Somalia", "South Africa", "South Sudan", "Spain", "Sri Lanka", "Sudan", "Suriname",
    "Sweden", "Switzerland", "Syria", "Tajikistan", "Thailand", "Timor-Leste", "Togo", "Tonga",
    "Trinidad and Tobago", "Tunisia", "Turkey", "Turkmenistan", "Tuvalu", "Uganda", "Ukraine",
    "United Arab Emirates", "United Kingdom", "Tanzania", "United States", "Uruguay", "Uzbekistan", "Vanuatu",
    "Venezuela", "Vietnam", "Yemen", "Zambia", "Zimbabwe",
)


def states() -> dict[str, tuple[str, ...]]:
    return {spec.name: spec.aliases for spec in known_actors() if spec.group == "state"}


def found(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.key, m.shape) for m in sentence_mentions(text, alias_book())]


def test_every_un_member_and_both_observers_are_states():
    listed = states()
    assert len(UN_MEMBERS) == len(set(UN_MEMBERS)) == 193
    assert [name for name in UN_MEMBERS if name not in listed] == []
    assert {"Holy See", "Palestine", "Taiwan", "Kosovo"} <= set(listed)
    assert len(listed) == 201  # the 193, the two observers, and six with governments of their own


def test_shipped_file_parses_with_no_alias_claimed_twice():
    text = files("framing.data").joinpath(KNOWN_ACTORS_FILE).read_text(encoding="utf-8")
    specs = parse_actors(KNOWN_ACTORS_FILE, text)  # raises on an alias claimed by two actors
    owners: dict[str, set[str]] = {}
    for spec in specs:
        for word in (spec.name, *spec.aliases):
            owners.setdefault(word.casefold(), set()).add(spec.name)
    assert [word for word, names in owners.items() if len(names) > 1] == []
    assert len(owners) > 800  # names and aliases of about 200 states
    assert all(spec.group for spec in specs)


@pytest.mark.parametrize("text, expected", [
    # a newly listed state through its demonym, its alternative name and its capital
    ("Chilean police fired tear gas.", [("Chilean police", "Chile", "state")]),
    ("Ivory Coast and Czechia signed; Burma did not.", [("Ivory Coast", "Côte d'Ivoire", "state"),
                                                        ("Czechia", "Czech Republic", "state"),
                                                        ("Burma", "Myanmar", "state")]),
    ("Kigali denied the report.", [("Kigali", "Rwanda", "state")]),
    ("Georgian police met officials from Tbilisi.", [("Georgian police", "Georgia", "state"),
                                                     ("Tbilisi", "Georgia", "state")]),
    # the two Congos kept apart; the longer Guinea names matched before "Guinea"
    ("DR Congo and Congo-Brazzaville, Kinshasa and Brazzaville.",
     [("DR Congo", "Democratic Republic of the Congo", "state"),
      ("Congo-Brazzaville", "Republic of the Congo", "state"),
      ("Kinshasa", "Democratic Republic of the Congo", "state"), ("Brazzaville", "Republic of the Congo", "state")]),
    ("Equatorial Guinean and Bissau-Guinean officials thanked Guinean troops.",
     [("Equatorial Guinean", "Equatorial Guinea", "state"), ("Bissau-Guinean officials", "Guinea-Bissau", "state"),
      ("Guinean troops", "Guinea", "state")]),
    # a state whose short name is a first name: found by its demonym and capital, never by the name
    ("Chadian troops left N'Djamena.", [("Chadian troops", "Republic of Chad", "state"),
                                        ("N'Djamena", "Republic of Chad", "state")]),
    ("Greek Cypriot and Turkish Cypriot leaders met.", [("Greek Cypriot", "Cyprus", "state"),
                                                        ("Turkish Cypriot", "Northern Cyprus", "state")]),
])
def test_newly_listed_states_are_found(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # ambiguous words left out of the list: a first name, a demonym two states share, a capital that is also a
    # first name or another place
    ("Chad Wolf called the protesters violent anarchists.", [("Chad Wolf", "Chad Wolf", "person")]),
    ("Congolese soldiers and Korean diplomats arrived.", [("Korean", "Korean", "other")]),
    ("Sofia and Victoria said so.", [("Sofia", "Sofia", "other"), ("Victoria", "Victoria", "other")]),
])
def test_ambiguous_words_left_out_are_no_state(text, expected):
    assert found(text) == expected


def test_a_label_finds_a_newly_listed_state(link):
    hits = link("The Rwandan regime jailed the opposition leader. Critics call the Kigali regime brutal.")
    assert hits[["term", "target", "relation"]].values.tolist() == [
        ["regime", "Rwanda", "premodifier"], ["regime", "Rwanda", "premodifier"], ["brutal", "Rwanda", "naming"]]


@pytest.mark.parametrize("text, expected", [
    # a plural demonym counted or described as people is the country's people, not its government
    ("Thousands of Peruvians marched on the capital.", [("Peruvians", "Peru", "other")]),
    ("Hundreds of young Zambians queued for fuel.", [("Zambians", "Zambia", "other")]),
    ("Some 3,000 Chileans signed the letter.", [("Chileans", "Chile", "other")]),
    # "the Iranians" in diplomacy is the government's shorthand; a demonym adjective stays the state
    ("The Iranians rejected the offer.", [("Iranians", "Iran", "state")]),
    ("Zambian police fired tear gas.", [("Zambian police", "Zambia", "state")]),
])
def test_counted_people_are_not_their_state(text, expected):
    assert found(text) == expected


def test_a_capital_after_in_is_a_place():
    # "in Lusaka" is where something happens; "Lusaka denied" is the government speaking
    assert found("Protesters gathered in Lusaka on Monday.") == [("Lusaka", "Zambia", "other")]
    assert found("Lusaka denied the report.") == [("Lusaka", "Zambia", "state")]


def test_they_after_counted_people_is_not_the_state(link):
    hits = link("Thousands of young Zambians marched in Lusaka on Friday. Officials called them hooligans.")
    assert hits["term"].tolist() == ["hooligans"]
    assert "Zambia" not in hits["target"].tolist()
