"""measures: every number of documents.csv once more, long — and each value equal to the one it comes from."""

import math

import pandas as pd
import pytest

import framing
from framing.lexicons import CATEGORIES
from framing.measures import DOCUMENT_MEASURES, MEASURE_COLUMNS, measures_table

from .memory_texts import TEXTS


@pytest.fixture(scope="module")
def analysis():
    return framing.analyze(TEXTS)


def documents_column(row) -> str:
    """The documents.csv column a measures row comes from (the test's own reading of the two layouts)."""
    if row.measure == "loaded_per_1000":
        return f"{'loaded' if row.category == 'all' else row.category}_{row.voice}_per_1000"
    return next(spec.column for spec in DOCUMENT_MEASURES
                if (spec.measure, spec.category, spec.voice) == (row.measure, row.category, row.voice))


def test_every_value_equals_the_documents_value_it_comes_from(analysis):
    measures = analysis.measures
    assert list(measures.columns) == MEASURE_COLUMNS
    documents = analysis.documents.set_index("doc_id")
    for row in measures.itertuples():
        expected = float(documents.at[row.doc_id, documents_column(row)])
        assert row.value == expected or (math.isnan(row.value) and math.isnan(expected)), row


def test_every_numeric_column_of_documents_is_one_row_per_document(analysis):
    numeric = [column for column in analysis.documents.columns
               if pd.api.types.is_numeric_dtype(analysis.documents[column])]
    counts = analysis.measures.groupby("doc_id", sort=False).size()
    assert counts.to_dict() == {"wire": len(numeric), "tabloid": len(numeric)}
    assert not analysis.measures.duplicated(["doc_id", "measure", "category", "voice"]).any()


def test_loaded_rates_carry_category_and_voice_in_columns(analysis):
    loaded = analysis.measures.query("doc_id == 'tabloid' and measure == 'loaded_per_1000'")
    assert set(loaded["category"]) == {*CATEGORIES, "all"}
    assert set(loaded["voice"]) == {"authorial", "reported"}
    assert set(loaded["unit"]) == {"per 1,000 words"}
    violent = loaded.query("category == 'violent_dramatic' and voice == 'authorial'")["value"].item()
    assert violent > 0  # "slaughtered", "bloodbath" in the tabloid's own voice


def test_a_column_it_does_not_know_still_gets_its_rows(analysis):
    documents = analysis.documents.assign(new_score=[0.25, 0.5])
    measures = measures_table(documents, analysis.loaded_summary)
    new = measures[measures["measure"] == "new_score"]
    assert new[["doc_id", "value", "unit"]].values.tolist() == [["wire", 0.25, ""], ["tabloid", 0.5, ""]]


def test_measures_csv_is_written_beside_documents_csv(analysis, tmp_path):
    analysis.write(tmp_path / "out")
    written = pd.read_csv(tmp_path / "out" / "measures.csv", keep_default_na=False, na_values=[""])
    assert len(written) == len(analysis.measures)
    assert written["value"].tolist() == pytest.approx(analysis.measures["value"].tolist(), nan_ok=True)
    assert (tmp_path / "out" / "documents.csv").is_file()
