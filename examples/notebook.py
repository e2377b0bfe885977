# %% [markdown]
# # framing from Python (a notebook in script form)
#
# Each `# %%` line starts a cell: open this file in Jupyter (with jupytext), VS Code or Spyder and run it cell by
# cell, or run it whole with `python examples/notebook.py [out-folder]`. It analyses two texts held in memory,
# shows the result, draws one figure and writes every table as one Excel workbook
# (`pip install 'framing[xlsx]'`).

# %%
import sys
from pathlib import Path

import framing

out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("notebook-out")

texts = {
    "wire": ("Police killed two protesters in the capital on Monday, officials said. \"We will respond,\" the "
             "minister told reporters. The regime denied any wrongdoing."),
    "tabloid": ("The butcher was slaughtered in a brutal bloodbath. Two men died. Critics say the regime has "
                "blood on its hands."),
}

# %% A list of strings, a {doc_id: text} mapping or a DataFrame (text_column=, id_column=, meta_columns=) works
# as well as files and folders. Nothing is written yet.
analysis = framing.analyze(texts)

# %% In Jupyter, `analysis` on its own line shows this table; repr() is a short summary.
print(repr(analysis))
print(analysis._repr_html_())

# %% Every table is a DataFrame; `measures` is documents.csv in long form, ready for a pivot table.
measures = analysis.measures
print(measures[measures["measure"] == "loaded_per_1000"].pivot_table(
    index=["category", "voice"], columns="doc_id", values="value").round(1))

# %% The figures are matplotlib figures: adjust them, or save one for a write-up.
figures = analysis.figures()
out.mkdir(parents=True, exist_ok=True)
figures["02_loaded_terms_by_voice"].savefig(out / "loaded_terms.png", dpi=150)
print(f"figures drawn: {', '.join(figures)}")

# %% What `framing analyze --format xlsx` writes: one workbook with a sheet per table, the figures and the report.
written = analysis.write(out / "run", format="xlsx")
print(f"wrote {len(written)} files to {out / 'run'}, among them {out / 'run' / 'framing.xlsx'}")
