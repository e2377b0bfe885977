"""Train the English Punkt parameters that framing ships as package data.

Why train our own instead of `nltk.download("punkt_tab")`: the toolkit must work offline and on machines that
reach only the package registries, and no well-maintained registry package ships NLTK's Punkt models. Punkt is
unsupervised (Kiss & Strunk 2006), so a few megabytes of news prose are enough to learn sentence starters and
collocations; the abbreviation list, where a small corpus is weakest, is completed from a hand-written list of
titles, ranks, months and place abbreviations that occur in news.

Run from the project root:  python tools/train_punkt.py
Reads the seeds (always) and, when ``../shared/benchmarks`` is present, the running text of VADER's NYT
editorial snippets and the MBIC sentences (development data; BABE, the test set, is deliberately not read).
Writes ``src/framing/data/punkt_english.json`` (only learned parameters; no text is copied).
"""

from __future__ import annotations

import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

from nltk.tokenize.punkt import PunktTrainer

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT.parent / "shared" / "benchmarks"
OUTPUT = ROOT / "src" / "framing" / "data" / "punkt_english.json"

# Abbreviations that must never end a sentence on their own in news copy. Lowercase, without the final period,
# as Punkt stores them ("u.s" for "U.S."). Left out on purpose: words that also end sentences as plain English
# ("no", "ill", "miss", "mass", "wash", "del", "est", "co", "ind").
NEWS_ABBREVIATIONS = """
mr mrs ms messrs dr prof rev fr sr jr st mt ft
gen maj lt col capt cmdr cdr adm brig sgt cpl pvt pte gov sen rep pres supt insp det
u.s u.k u.n u.s.a u.a.e e.u d.c n.y u.s.s.r
jan feb mar apr aug sep sept oct nov dec
inc corp ltd llc plc bros dept univ assn govt
vol vols pp approx vs etc al
e.g i.e a.m p.m a.d b.c
ala ariz ark calif colo conn fla kan ky md mich minn mont neb nev okla tenn tex wis wyo
""".split()
PLAIN_WORDS = {"no", "ill", "miss", "mass", "wash", "del", "est", "co", "ind", "ore", "mo", "ca", "v", "la", "op", "cit"}


def seed_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]


def nyt_editorials() -> list[str]:
    """Group the NYT snippets back into editorials (ids are ``<editorial>_<sentence>``)."""
    path = BENCHMARKS / "vader_nyt" / "nytEditorialSnippets_GroundTruth.txt"
    if not path.exists():
        return []
    editorials: dict[str, list[str]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if len(parts) == 3:
            editorials[parts[0].split("_")[0]].append(parts[2])
    return [" ".join(sentences) for sentences in editorials.values()]


def mbic_sentences() -> list[str]:
    path = BENCHMARKS / "mbic" / "mbic_labeled_dataset.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        return [" ".join(row["sentence"] for row in csv.DictReader(handle))]


def main() -> int:
    texts = seed_texts() + nyt_editorials() + mbic_sentences()
    if not (BENCHMARKS.exists()):
        print("note: ../shared/benchmarks not found; training on the seeds only", file=sys.stderr)
    trainer = PunktTrainer()
    trainer.INCLUDE_ALL_COLLOCS = True
    for text in texts:
        trainer.train(text, finalize=False)
    trainer.finalize_training()
    params = trainer.get_params()
    abbreviations = (set(params.abbrev_types) - PLAIN_WORDS) | set(NEWS_ABBREVIATIONS)
    payload = {
        "about": "Punkt parameters for English news, trained by tools/train_punkt.py on the framing seeds, "
        "VADER's NYT editorial snippets and MBIC sentences, plus a hand-written list of news abbreviations.",
        "abbrev_types": sorted(abbreviations),
        "collocations": sorted([list(pair) for pair in params.collocations]),
        "sent_starters": sorted(params.sent_starters),
        "ortho_context": dict(sorted(params.ortho_context.items())),
    }
    OUTPUT.write_text(json.dumps(payload, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(
        f"wrote {OUTPUT.relative_to(ROOT)}: {len(payload['abbrev_types'])} abbreviations, "
        f"{len(payload['collocations'])} collocations, {len(payload['sent_starters'])} sentence starters, "
        f"{len(payload['ortho_context'])} word types, from {len(texts)} texts"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
