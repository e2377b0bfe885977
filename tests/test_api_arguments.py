"""The public functions answer a wrong argument with one clear sentence, not a traceback from pandas.

Reported: load_corpus([]) raised KeyError 'doc_id', sentences(None) an AttributeError, load_lexicon(123) and
framing.analyze(None) a TypeError about os.PathLike from deep inside pathlib.
"""

import pytest

import framing
from framing import FramingError


@pytest.mark.parametrize(("call", "error", "message"), [
    (lambda: framing.load_corpus([]), FramingError, r"^no paths given: name at least one file or folder$"),
    (lambda: framing.load_corpus(None), TypeError, r"^paths must be a file or folder path, or a list of them; "
                                                   r"got None$"),
    (lambda: framing.load_corpus([1, "a.txt"]), TypeError, r"; got a list holding int$"),
    (lambda: framing.sentences(None), TypeError, r"^sentences\(\) needs a Corpus, as framing\.load_corpus\(\) "
                                                 r"returns; got None$"),
    (lambda: framing.sentences([]), TypeError, r"needs a Corpus.*; got an empty list$"),
    (lambda: framing.load_lexicon(123), TypeError, r"^load_lexicon's path must be a file path or None; got a value "
                                                   r"of type int$"),
    (lambda: framing.load_lexicon(extend=[]), TypeError, r"^load_lexicon's extend must be .*; got an empty list$"),
    (lambda: framing.analyze(None), TypeError, r"^paths must be a file or folder path"),
    (lambda: framing.analyze([]), FramingError, r"^no paths given"),
    (lambda: framing.analyze(123), TypeError, r"got a value of type int$"),
])
def test_wrong_arguments_get_one_clear_sentence(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_one_path_or_a_tuple_of_paths_still_works(tmp_path):
    (tmp_path / "a.txt").write_text("The regime said the talks would resume. Officials gave no date.\n")
    (tmp_path / "b.txt").write_text("Officials gave no date for the talks.\n")
    assert framing.load_corpus(tmp_path / "a.txt").documents["doc_id"].tolist() == ["a"]
    assert framing.load_corpus((tmp_path / "a.txt", str(tmp_path / "b.txt"))).documents["doc_id"].tolist() == ["a", "b"]
