"""The report's "Who is called what" section: its text for the seed fixture, the run-wide table, the one-line
reason when no label has a target, escaping, and its place in a whole report beside figure 9."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from framing.report.html import _environment
from framing.report.labels import LABELS_FIGURE, actor_lines, label_uses, labels_context, run_rows

from ..conftest import SEEDS
from ..figures import labelled

DOCS = ["wikipedia-2025", "wikipedia-2017", "dailymail-2020"]
COLOURS = dict.fromkeys(DOCS, "#000000")
SOLEIMANI = labelled.SOLEIMANI


def lines_of(doc_id: str, terms: pd.DataFrame | None = None, **limits) -> list[tuple[str, str]]:
    uses = label_uses(labelled.seed_terms() if terms is None else terms)
    lines, _ = actor_lines(uses[uses["doc_id"] == doc_id], **limits)
    return [(line.actor, line.text) for line in lines]


def test_each_document_lists_its_actors_with_labels_as_written_counts_voice_and_speaker():
    assert lines_of("dailymail-2020") == [
        (SOLEIMANI, "“terrorist” ×3 (own voice); “blood of thousands on his hands” (own voice); “masterminded” "
                    "(own voice); “hero” (reported: Iranian state TV); “selfless” (reported: Iranian state TV)"),
        ("Iran", "“regime” ×3 (own voice); “bullying” (own voice)"),
        ("Bashar al-Assad", "“dictator” (own voice)"),
        ("Quds Force", "“terrorists” (reported: the Pentagon)"),
    ]
    assert lines_of("wikipedia-2025")[0] == (
        SOLEIMANI, "“martyr” ×2 (reported: Iranian officials); “noble warrior” (reported: Ali Khamenei); “shahid” "
                   "(reported, source not named)")
    # The same word in both voices is two entries; the untargeted hits ("assassination") are not listed.
    assert lines_of("wikipedia-2017") == [
        (SOLEIMANI, "“bravery” (own voice); “living martyr” (reported: Ali Khamenei)"),
        ("Quds Force", "“terrorist” (own voice); “terrorist” (reported: the US Treasury)"),
        ("Iran", "“axis of evil” (reported: George W. Bush)"),
    ]


def test_speakers_of_one_label_are_named_together_most_frequent_first():
    terms = labelled.seed_terms()
    terms.loc[terms["doc_id"] == "wikipedia-2017", "doc_id"] = "wikipedia-2025"  # one encyclopedia
    assert ("Quds Force", "“terrorist” ×2 (reported: the US Treasury, the United States); “terrorist” (own voice)") \
        in lines_of("wikipedia-2025", terms)


def test_actors_and_labels_beyond_the_limits_are_counted_not_listed():
    uses = label_uses(labelled.seed_terms())
    lines, more = actor_lines(uses[uses["doc_id"] == "dailymail-2020"], actors=2, labels=2)
    assert [line.actor for line in lines] == [SOLEIMANI, "Iran"] and more == 2
    assert lines[0].text == "“terrorist” ×3 (own voice); “blood of thousands on his hands” (own voice); and 3 more labels"
    assert lines[0].n == 7


def test_spread_table_counts_documents_per_voice():
    rows, n_pairs = run_rows(label_uses(labelled.spread_terms(40)))
    assert n_pairs == 4
    assert rows == [{"actor": "Hamas", "label": "“terrorists”", "own": "40", "reported": "0"},
                    {"actor": "Hamas", "label": "“resistance fighters”", "own": "0", "reported": "14"},
                    {"actor": "Israel", "label": "“occupier”", "own": "10", "reported": "0"},
                    {"actor": "United Nations", "label": "“so-called”", "own": "0", "reported": "1"}]
    rows, n_pairs = run_rows(label_uses(labelled.spread_terms(40)), rows=1)
    assert len(rows) == 1 and n_pairs == 4


@pytest.mark.parametrize("terms", [
    pd.DataFrame({"doc_id": ["a"], "term": ["regime"], "voice": ["authorial"]}),  # a run before the target linker
    labelled.seed_terms().assign(target=""),
], ids=["no target column", "no target"])
def test_no_target_gives_one_line_and_no_figure(terms):
    context = labels_context(terms, DOCS, COLOURS, kind="documents", grouped=False, figure=None)
    assert context["reason"] == ("No loaded label in these documents is tied to an actor (the target column of "
                                 "terms.csv is empty for every hit), so there is no one to show and figure 9 is not "
                                 "drawn.")
    assert context["documents"] == [] and context["figure"] is None
    html = render("html", context)
    assert html.count("<p") == 1 and "figure" not in html.replace("figure 9", "")


def render(kind: str, context: dict) -> str:
    template = "labels.html.j2" if kind == "html" else "labels.md.j2"
    return _environment(html=kind == "html").get_template(template).render(labels=context)


def test_actor_names_labels_and_speakers_are_escaped():
    terms = labelled.seed_terms()
    terms.loc[0, ["target", "term", "speaker"]] = ["<script>alert(1)</script> & Co", "<b>evil</b>", "x|y"]
    terms.loc[0, "voice"] = "reported"
    context = labels_context(terms, DOCS, COLOURS, kind="documents", grouped=False, figure=None)
    html = render("html", context)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    assert "“&lt;b&gt;evil&lt;/b&gt;” (reported: x|y)" in html
    markdown = render("md", context)
    assert r"**\<script\>alert(1)\</script\> & Co** — “\<b\>evil\</b\>” (reported: x\|y)" in markdown


def test_side_by_side_section_text():
    context = labels_context(labelled.seed_terms(), DOCS, COLOURS, kind="documents", grouped=False, figure=None)
    markdown = render("md", context)
    assert ("**dailymail-2020**\n\n- **Qasem Soleimani** — “terrorist” ×3 (own voice); “blood of thousands on his "
            "hands” (own voice); “masterminded” (own voice); “hero” (reported: Iranian state TV); “selfless” "
            "(reported: Iranian state TV)\n- **Iran** — “regime” ×3 (own voice); “bullying” (own voice)\n") in markdown
    html = render("html", context)
    assert "<strong>Qasem Soleimani</strong> — “martyr” ×2 (reported: Iranian officials)" in html
    assert "each document's loaded labels" in html


def test_spread_section_is_one_table_for_the_run():
    terms = labelled.spread_terms(40)
    order = sorted(terms["doc_id"].unique())
    context = labels_context(terms, order, dict.fromkeys(order, "#5a5a5a"), kind="spread", grouped=False,
                             figure=None)
    assert context["documents"] == [] and len(context["rows"]) == 4
    html = render("html", context)
    assert "doc-0" not in html
    assert "<tr><td>Hamas</td><td>“terrorists”</td><td>40</td><td>0</td></tr>" in html
    assert "| Hamas | “resistance fighters” | 0 | 14 |" in render("md", context)


# ---------------------------------------------------------------------------------------------------------
# A whole run: the seeds with hand-made targets


@pytest.fixture(scope="module")
def labelled_seeds():
    from framing.pipeline import analyze

    analysis = analyze(SEEDS)
    terms = labelled.with_targets(analysis.terms)
    return replace(analysis, terms=terms, labels=labelled.labels_from(terms))


def test_group_view_sums_labels_per_group(labelled_seeds):
    from framing.groups import group_view

    grouped = group_view(labelled_seeds, "kind")
    table = grouped.labels.set_index(["doc_id", "actor", "category", "voice"])["n"]
    assert table[("encyclopedic", SOLEIMANI, "honorific_label", "reported")] == 4 + 1
    assert table[("encyclopedic", "Quds Force", "pejorative_label", "reported")] == 2
    assert table[("tabloid", SOLEIMANI, "pejorative_label", "authorial")] == 4
    assert set(grouped.labels["doc_id"]) == {"encyclopedic", "tabloid"}


def test_report_shows_the_section_with_figure_9_beside_it(labelled_seeds, tmp_path):
    from framing.report import write_analysis

    write_analysis(tmp_path / "out", labelled_seeds, options={})
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    section = html[html.index('<section id="labels">'):html.index('<section id="figures">')]
    assert "<h2>Who is called what</h2>" in section and section.count("<svg") == 1
    assert "Figure 9. Who is called what" in section
    assert '<a href="#labels">Who is called what</a>' in html
    gallery = html[html.index('<section id="figures">'):]
    assert "Figure 9." not in gallery and "Figure 8." in gallery
    markdown = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "- **Qasem Soleimani** — “martyr” ×2 (reported: Iranian officials)" in markdown
    assert f"(figures/{LABELS_FIGURE}.png)" in markdown
