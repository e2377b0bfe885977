"""framing.nltk_parts: Punkt without the rest of NLTK, and an ``nltk`` that is whole whenever a user asks for it.

Each case runs in a fresh interpreter: what is imported is the thing under test.
"""

import subprocess
import sys
import textwrap


def run_python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_punkt_splits_without_importing_the_rest_of_nltk():
    out = run_python("""
        import sys
        from framing.segment import punkt_tokenizer
        print(punkt_tokenizer().tokenize("Gen. Smith left at 5 p.m. on Friday. He did not return."))
        print(sorted(m for m in ("nltk.collocations", "nltk.corpus", "nltk.tag", "scipy.stats", "sklearn")
                     if m in sys.modules))
    """).splitlines()
    assert out[0] == "['Gen. Smith left at 5 p.m. on Friday.', 'He did not return.']"
    assert out[1] == "[]"


def test_nltk_is_whole_when_a_user_asks_for_it_after_framing():
    out = run_python("""
        from importlib import metadata
        from framing.segment import punkt_tokenizer
        punkt_tokenizer()
        import nltk
        from nltk import FreqDist
        print(nltk.__version__ == metadata.version("nltk"), FreqDist("aab")["a"], callable(nltk.download))
        from nltk.corpus import stopwords
        print(nltk.tokenize.punkt.PunktSentenceTokenizer.__name__, type(stopwords).__name__)
    """).splitlines()
    assert out == ["True 2 True", "PunktSentenceTokenizer LazyCorpusLoader"]


def test_the_aligners_stems_leave_the_rest_of_nltk_unimported():
    out = run_python("""
        import sys
        from framing.segment import punkt_tokenizer
        from framing.align.words import _stem
        punkt_tokenizer()
        print(_stem("running"), _stem("organisations"), "nltk.corpus" in sys.modules, "nltk.stem" in sys.modules)
    """)
    assert out == "run organiz False False"


def test_an_nltk_imported_first_is_used_as_it_is():
    out = run_python("""
        import nltk
        from framing.nltk_parts import punkt
        print(punkt() is nltk.tokenize.punkt, type(nltk).__name__)
    """)
    assert out == "True module"


def test_a_failed_partial_import_falls_back_to_the_ordinary_one():
    # Another NLTK release could import differently: then NLTK is imported whole, as without framing.
    out = run_python("""
        import importlib, sys
        real = importlib.import_module
        state = {"failed": False}
        def flaky(name, package=None):
            if name == "nltk.tokenize.punkt" and not state["failed"] and type(sys.modules.get("nltk")).__name__ == "_LazyPackage":
                state["failed"] = True
                raise ImportError("simulated")
            return real(name, package)
        importlib.import_module = flaky
        from framing.nltk_parts import punkt
        module = punkt()
        importlib.import_module = real
        import nltk
        print(state["failed"], type(nltk).__name__, module.PunktSentenceTokenizer.__name__)
    """)
    assert out == "True module PunktSentenceTokenizer"
