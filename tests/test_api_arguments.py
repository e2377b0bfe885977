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


# Options: the Python API checks them with the command line's own checks, so both refuse with the same words.

TWO_TEXTS = ["The regime said the talks would resume. Officials gave no date.",
             "The regime denied it. Talks resumed on Monday, a spokesman said."]


def test_sections_given_as_one_string_is_one_section_not_its_letters():
    analysis = framing.analyze(TWO_TEXTS, sections="body")
    assert analysis.sections == ("body",)
    assert analysis.documents["n_sentences"].tolist() == [2, 2]  # not NaN: the body sentences are summarised
    assert framing.analyze(TWO_TEXTS, sections="body, headline").sections == ("body", "headline")
    assert framing.analyze(TWO_TEXTS, sections="all").sections is None


@pytest.mark.parametrize(("options", "cli_options", "hint"), [
    ({"sections": "bdy"}, ["--sections", "bdy"], "--sections"),
    ({"sections": ["body", "footer"]}, ["--sections", "body,footer"], "--sections"),
    ({"contributions": "some"}, ["--contributions", "some"], "'--contributions'"),
    ({"pair": "a,b,c"}, ["--pair", "a,b,c"], "--pair"),
])
def test_a_bad_option_gets_the_command_lines_message(options, cli_options, hint, tmp_path):
    from click.testing import CliRunner

    from framing.cli import main

    with pytest.raises(FramingError) as refused:
        framing.analyze(TWO_TEXTS, **options)
    result = CliRunner().invoke(main, ["analyze", str(tmp_path), *cli_options, "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: Invalid value for {hint}: {refused.value}"
    assert not (tmp_path / "out").exists()


def test_meta_columns_given_as_one_string_are_split_at_commas_only():
    from framing.arguments import comma_separated

    assert comma_separated("outlet", "meta_columns") == ("outlet",)
    assert comma_separated("outlet, published,", "meta_columns") == ("outlet", "published")
    assert comma_separated(["outlet"], "meta_columns") == ("outlet",)
    with pytest.raises(TypeError, match=r"^meta_columns must be a comma-separated string or a list of names; got a "
                                        r"value of type int$"):
        comma_separated(3, "meta_columns")


def test_the_pair_may_be_given_as_on_the_command_line():
    assert framing.analyze(TWO_TEXTS, pair="doc2,doc1").word_shift_pair == ("doc2", "doc1")
