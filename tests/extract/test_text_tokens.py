"""Faster twins of patterns give the same results: the ASCII tokeniser, defects' word runs."""
from __future__ import annotations

import random
from pathlib import Path

from dossier.extract._text import _TOKEN, _TOKEN_ASCII

HERE = Path(__file__).parent


def _tokens(rx, text):
    return [(m.start(), m.group()) for m in rx.finditer(text)]


def test_ascii_tokens_same_on_examples():
    samples = ["U.S. and U.K. officials", "H.E. Dr. O'Dell", "Mara-Lin's 2,400-km road", "People's talks.s end",
               "a-b-c x_y _z 9a a9 'S 's's -x x- x'- 'tis rock'n'roll", "A.B.C. a.b. 1.2. A. B. e.g. i.e.",
               "Kenya's; (Ghana)'s \"quoted\" -- ... !? 12.5% $3bn __init__ O''Brien a--b"]
    for text in samples:
        assert _tokens(_TOKEN_ASCII, text) == _tokens(_TOKEN, text), text


def test_ascii_tokens_same_on_articles():
    for path in sorted(HERE.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        if text.isascii():
            assert _tokens(_TOKEN_ASCII, text) == _tokens(_TOKEN, text), path.name


def test_ascii_tokens_same_on_random_text():
    rng = random.Random(7)
    alphabet = "aAsSzZ09_-'.,$% \n\t"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        assert _tokens(_TOKEN_ASCII, text) == _tokens(_TOKEN, text), repr(text)


def test_defects_ascii_words_same_as_pattern():
    from dossier.extract.defects import _WORD_RUNS, _words

    rng = random.Random(11)
    alphabet = "".join(chr(c) for c in range(128))
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert _words(text) == _WORD_RUNS.findall(text), repr(text)
    assert _words("l’été à Paris, it's") == _WORD_RUNS.findall("l’été à Paris, it's")


def test_contains_word_is_the_whole_word_search():
    r"""contains_word(text, w) is re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text), on examples
    and on random texts over an alphabet of word and non-word characters (Unicode ones too)."""
    import re

    from dossier.extract._text import contains_word

    def regex(text: str, word: str) -> bool:
        return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None

    cases = [("Quell met Varkon", "Quell"), ("Quellen met", "Quell"), ("the Quell_2 team", "Quell"),
             ("Ostrenia's Quell", "Quell"), ("(Quell)", "Quell"), ("Quell", "Quell"), ("aQuell Quell", "Quell"),
             ("Dr. Ó Quell", "Ó"), ("ÓQuell", "Quell"), ("x ² y", "y"), ("x²y", "y"), ("a.b", ".b"), ("", "a"),
             ("crisis in Harn Valley", "Harn Valley"), ("Harn Valleys", "Harn Valley")]
    for text, word in cases:
        assert contains_word(text, word) == regex(text, word), (text, word)
    rnd = random.Random(5)
    alphabet = "ab_ .-'’Ó²٣\u0301"
    for _ in range(20000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
        word = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 3)))
        assert contains_word(text, word) == regex(text, word), (text, word)
