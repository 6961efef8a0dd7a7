"""search.py: the words a page is found by, and how the index is cut into small shards."""
from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier import search
from dossier.search import STOP_WORDS, Entry, build, fold, words

# letters that fold in interesting ways: marks (precomposed and not), a ligature, full width,
# a superscript, final sigma, dotted I, scripts without case; and separators, stop words, and
# words sharing long prefixes, so that small limits cut deep
_PIECES = st.sampled_from([*"abvrlyez019 _-,.'\u00a0", "é", "e\u0301", "\u0301", "Ü", "ß",
                           "İ", "ﬁ", "Ｖａ", "²", "Σ", "ΟΔΟΣ", "北京", "한국", "ё", "\u200b",
                           " va ", " var ", " vars ", " valley ", " the ", " a ", " of "])
_TEXT = st.lists(_PIECES, max_size=12).map("".join)


def test_words_are_folded_like_the_browser_does():
    assert words("Tomás Ferreira, Prime-Minister of Ünited") == [
        "tomas", "ferreira", "prime", "minister", "united"]
    assert words("A to Z: the MoU_2024 on trade") == ["mou", "2024", "trade"]
    assert words("Москва 北京") == ["москва", "北京"]


def test_marks_ligatures_and_wide_letters_fold_to_plain_ones():
    assert words("Tomás Toma\u0301s") == ["tomas", "tomas"]     # precomposed or not
    assert words("re\u0301sume\u0301 ﬁnance ＶＡＲＧＡ x²y") == [
        "resume", "finance", "varga", "x2y"]                      # ligature, full width
    assert words("ΟΔΟΣ İstanbul") == ["οδος", "istanbul"]       # final sigma; dot dropped
    assert fold("Ǆemal") == "dzemal"


def test_ascii_text_takes_the_short_way_to_the_same_words():
    """NFKD leaves every ASCII character alone and none is a mark: folding is lower()."""
    every = "".join(map(chr, range(128)))
    assert fold(every) == every.lower()
    assert words(every + " Za 99 Q_r") == words(every + " Za 99 Q_r é")  # é: general path


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_words_are_nfkd_without_marks_lower_cased(text):
    folded = "".join(c for c in unicodedata.normalize("NFKD", text)
                     if not unicodedata.combining(c)).lower()
    assert fold(text) == folded
    assert words(text) == [w for w in "".join(c if c.isalnum() else " " for c in folded).split()
                           if len(w) > 1 and w not in STOP_WORDS]
    if text.isascii():                    # the short way and the general one agree
        assert words(text) == words(text + " é")


def _entries(n: int, title: str = "Visit") -> list[Entry]:
    return [Entry("Briefing", f"{title} {i}", f"briefings/v{i}.html", "", "") for i in range(n)]


def test_small_index_has_two_letter_shards_with_every_entry():
    url, manifest, shards = build([Entry("Person", "Lena Varga", "people/lena-varga.html",
                                         "Foreign Minister", "Foreign Minister Belmora")])
    assert manifest.folder == "search/" and url.startswith("search/index.") and url.endswith(".js")
    assert manifest.shards == {"be": 1, "fo": 1, "le": 1, "mi": 1, "va": 1}
    assert set(manifest.versions) == set(manifest.shards)
    va = next(s for s in shards if s.prefix == "va")
    assert va.url == f"{manifest.folder}{'va'.encode().hex()}.{manifest.versions['va']}.js"
    assert va.entries == [["Person", "Lena Varga", "people/lena-varga.html", "Foreign Minister",
                           "belmora foreign lena minister varga"]]


def test_busy_prefixes_are_cut_longer_and_common_words_are_capped():
    entries = _entries(10, "Valley") + _entries(3, "Varga") + _entries(2, "Va")
    _, manifest, shards = build(entries, limit=4)
    counts = manifest.shards
    assert "va" in counts and counts["va"] == 2          # the word "va" itself
    assert counts["var"] == 3                             # small enough at three letters
    assert counts["valley"] == -4                         # cannot be cut further: capped
    assert all(len(s.entries) <= 4 for s in shards)
    assert {e[2] for s in shards if s.prefix == "var" for e in s.entries} == {
        f"briefings/v{i}.html" for i in range(3)}


def test_index_is_deterministic_and_its_files_are_named_by_their_content():
    one = build(_entries(5))
    assert build(_entries(5)) == one
    assert build(_entries(6))[0] != one[0]


def test_a_changed_entry_renames_only_the_shards_that_hold_it():
    """So an incremental build rewrites those shards and the manifest, not the whole index."""
    entries = _entries(5) + [Entry("Person", "Lena Varga", "people/lena-varga.html", "Envoy")]
    _, _, before = build(entries)
    entries[-1] = Entry("Person", "Lena Varga", "people/lena-varga.html", "Ambassador")
    _, _, after = build(entries)
    changed = {s.prefix for s in after if s not in before}
    assert changed == {"le", "va"}                      # Lena Varga's words; "vi" is the same
    assert {s.url for s in after if s.prefix == "vi"} == {s.url for s in before
                                                            if s.prefix == "vi"}


def test_a_common_word_is_capped_under_itself_and_its_entries_once_per_shard():
    entries = _entries(6, "Valley") + [Entry("Place", "Valley Valleys", "places/v.html", "")]
    _, manifest, shards = build(entries, limit=4)
    assert manifest.shards["valley"] == -4 and manifest.shards["valleys"] == 1
    assert not {"va", "val", "vall", "valle"} & set(manifest.shards)
    valley = next(s for s in shards if s.prefix == "valley")
    assert [e[2] for e in valley.entries] == [f"briefings/v{i}.html" for i in range(4)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_TEXT, _TEXT), max_size=25), st.integers(min_value=1, max_value=5))
def test_every_shard_holds_the_entries_with_a_word_under_its_prefix(texts, limit):
    """What the browser relies on, checked against the entries' words one by one: a shard
    holds, in order, every entry having a word with its prefix; or, when the prefix was cut
    longer or capped, the (first ``limit``) entries having that very word. And each word of
    each entry is under a shard."""
    entries = [Entry("Briefing", title, f"b/{i}.html", "", keywords)
               for i, (title, keywords) in enumerate(texts)]
    found = [set(words(e.title) + words(e.keywords)) for e in entries]
    url, manifest, shards = build(entries, limit)
    assert [s.prefix for s in shards] == sorted(manifest.shards) == list(manifest.shards)
    for shard in shards:
        prefix, count = shard.prefix, manifest.shards[shard.prefix]
        if count < 0 or any(p.startswith(prefix) and p != prefix for p in manifest.shards):
            exact = [i for i, ws in enumerate(found) if prefix in ws]
            having = exact[:limit]
            assert (count < 0) == (len(exact) > limit)
        else:
            having = [i for i, ws in enumerate(found)
                      if any(w.startswith(prefix) for w in ws)]
        assert [e[2] for e in shard.entries] == [f"b/{i}.html" for i in having]
        assert len(shard.entries) == abs(count) <= limit
        assert [e[4] for e in shard.entries] == [" ".join(sorted(found[i])) for i in having]
    for ws in found:
        for w in ws:
            assert any(w.startswith(p) for p in manifest.shards)
    assert build(list(entries), limit) == (url, manifest, shards)


def test_a_rows_digest_is_the_digest_of_its_json():
    rows = [["Person", 'Ana "Nana" Díaz', "people/ana.html", "a\\b\n\t\x00\x1f", "ana díaz"],
            ["Topic", "</script><!--", "topics/x.html", "\u2028\u2029 日本 😀", ""], [], ["x"]]
    for row in rows:
        assert search._row_digest(row) == search._digest(row)
    assert search._row_digest(["a", None, 1]) == search._digest(["a", None, 1])
