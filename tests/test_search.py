"""search.py: the words a page is found by, and how the index is cut into small shards."""
from __future__ import annotations

from dossier.search import Entry, build, words


def test_words_are_folded_like_the_browser_does():
    assert words("Tomás Ferreira, Prime-Minister of Ünited") == [
        "tomas", "ferreira", "prime", "minister", "united"]
    assert words("A to Z: the MoU_2024 on trade") == ["mou", "2024", "trade"]
    assert words("Москва 北京") == ["москва", "北京"]


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
