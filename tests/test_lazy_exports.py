"""What a command imports before the work starts, and the lazily re-exported names of framing.report/align."""

import pytest

from .test_nltk_parts import run_python

HEAVY = ("matplotlib", "sklearn", "scipy.stats", "scipy.sparse", "nltk.collocations", "nltk.corpus")


def test_checking_the_inputs_imports_no_heavy_library():
    # What `framing analyze` imports before it starts the workers (framing.cli._run): the workers are forked
    # from this process, so whatever it imports first holds up the first batch.
    out = run_python(f"""
        import sys
        import framing.cli as cli
        cli._draw_without_a_display()
        from framing.pipeline import analyze, events_beside, score_batch
        from framing.report import prepare_out_dir, write_analysis
        from framing.align import read_events_file
        from framing.figures.registry import AFTER_ALIGNMENT, FIGURES
        print([name for name in {HEAVY!r} if name in sys.modules])
    """)
    assert out == "[]"


def test_the_figures_are_drawn_with_agg_when_matplotlib_comes_later():
    out = run_python("""
        import os
        os.environ["MPLBACKEND"] = "TkAgg"
        import framing.cli as cli
        cli._draw_without_a_display()
        import matplotlib
        print(matplotlib.get_backend().lower())
    """)
    assert out == "agg"


def test_lazily_exported_names_are_the_modules_own():
    import framing.align as align
    import framing.figures as figures
    import framing.report as report
    from framing.align.features import Aligner
    from framing.figures.shift import word_shift_figure
    from framing.report.write import write_analysis

    assert align.Aligner is Aligner and report.write_analysis is write_analysis
    assert figures.word_shift_figure is word_shift_figure
    assert "write_analysis" in report.__all__ and "write_analysis" in dir(report)
    assert len(align.__all__) == 36 and len(report.__all__) == 29 and len(figures.__all__) == 35
    assert all(getattr(align, name) is not None for name in align.__all__)
    for name in report.__all__ + figures.__all__:
        getattr(report if name in report.__all__ else figures, name)
    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        report.nothing  # noqa: B018
