"""Analysis ⇄ YAML and the rule people rely on: a file they edited is never overwritten."""
from __future__ import annotations

from pathlib import Path

import pytest

from dossier import store
from dossier.errors import BuildFailed, StoreError
from dossier.model import (Analysis, Country, Defect, Figure, FocusArea, Issue, Money, Mou,
                           MouCount, Person, Place, Prospect, Source, Topic)


def rich(sha: str = "a" * 64, title: str = "Minister Ruiz visits Oslo") -> Analysis:
    return Analysis(
        source=Source(path="content/articles/ruiz.txt", sha256=sha, url="https://example.org/r"),
        title=title, date="2024-02-03", summary="Foreign Minister Ana Ruiz of Chile visited Norway.",
        countries=[Country("Chile", "guest", ["p1"]), Country("Norway", "host", ["p1"])],
        delegates=[Person("ana-ruiz", "Ana Ruiz", "Foreign Minister", "Chile", "guest", ["p1", "p3"])],
        people=[Person("olav-berg", "Olav Berg", "analyst", None, None, ["p4"])],
        topics=[Topic("fisheries", "Fisheries", ["p2"])],
        focus_areas=[FocusArea("fisheries", "Fisheries", "Quotas.", ["ana-ruiz"], ["fisheries"], ["p2"])],
        mous=[Mou("fish-mou", "MoU on Fisheries", "Joint research.", ["Chile", "Norway"],
                  Money("$4.5 million", 4500000.0, "USD"), ["fisheries"], ["fisheries"], ["p3"])],
        mou_count=MouCount(2, "two MoUs", ["p3"]),
        prospects=[Prospect("research", "Joint Research", "More to come.", ["fisheries"], [], ["p5"])],
        figures=[Figure("$4.5 million", 4500000.0, "USD", "fisheries MoU", ["p3"]),
                 Figure("12.5 percent", 12.5, "percent", "trade growth", ["p2"])],
        places=[Place("Oslo", "city", "Norway", ["p1"])],
        issues=[Issue("Arctic shipping", ["p4"])],
        defects=[Defect("truncated", "and the", "ends mid-sentence", ["p5"])],
        tags=["fisheries"],
    )


def test_dump_then_parse_gives_back_the_same_analysis():
    text = store.dump(rich(), extractor="x1")
    stored = store.parse(text, path="a.yaml")
    assert stored.analysis == rich()
    assert stored.extractor == "x1"
    assert stored.untouched


def test_every_contract_key_is_present_in_order():
    text = store.dump(Analysis(source=Source("a.txt", "b" * 64), title="T"), extractor="x1")
    keys = [line.split(":")[0] for line in text.splitlines() if line[:1].isalpha()]
    assert keys == ["schema", "extractor", "fingerprint", "source", "title", "date", "summary",
                    "countries", "delegates", "people", "topics", "focus_areas", "mous",
                    "mou_count", "prospects", "figures", "places", "issues", "defects", "tags"]


def test_any_edit_makes_the_file_hand_edited():
    text = store.dump(rich(), extractor="x1")
    assert store.is_untouched(text)
    assert not store.is_untouched(text.replace("Ana Ruiz", "Ana María Ruiz"))
    assert not store.is_untouched(text + "# checked\n")
    assert not store.is_untouched(text.replace("fingerprint: sha256:", "fingerprint: sha256:0"))


def test_schema_problems_are_all_reported_with_line_and_key():
    text = store.dump(rich(), extractor="x1")
    broken = (text.replace("title: Minister Ruiz visits Oslo", "title: [a, list]")
                  .replace("  role: Foreign Minister\n", "  role: Foreign Minister\n  rank: 3\n")
                  .replace("  amount: 4500000\n", "  amount: lots\n", 1))
    with pytest.raises(BuildFailed) as caught:
        store.parse(broken, path="a.yaml")
    lines = {k: n for n, k in enumerate(broken.splitlines(), start=1)}
    assert [str(p) for p in caught.value.problems] == [
        f"a.yaml:{lines['title: [a, list]']}: key 'title': expected text, found a list",
        f"a.yaml:{lines['  rank: 3']}: key 'delegates[0].rank': unknown key; known keys here: "
        "id, name, role, country, side, evidence",
        f"a.yaml:{lines['    amount: lots']}: key 'mous[0].value.amount': expected a number or null, "
        "found 'lots'",
    ]


def test_a_file_that_is_not_an_analysis(tmp_path):
    with pytest.raises(StoreError) as caught:
        store.parse("just a sentence\n", path="a.yaml")
    assert str(caught.value) == ("a.yaml:1: expected an analysis (a mapping with keys schema, "
                                 "source, title, ...); delete the file to regenerate it")


def test_a_missing_required_key(tmp_path):
    text = store.dump(rich(), extractor="x1").replace("  name: Ana Ruiz\n", "")
    with pytest.raises(BuildFailed) as caught:
        store.parse(text, path="a.yaml")
    assert [p.key for p in caught.value.problems] == ["delegates[0].name"]
    assert caught.value.problems[0].message == "required key is missing"


# --- sync: nothing is lost ------------------------------------------------------------------

class Extractor:
    """Counts calls; returns an analysis for the given article hash."""

    def __init__(self) -> None:
        self.calls = 0
        self.title = "Fresh title"

    def __call__(self, sha: str):
        def fresh() -> Analysis:
            self.calls += 1
            return rich(sha, self.title)
        return fresh


def test_sync_lifecycle(tmp_path: Path):
    path = tmp_path / "ruiz.yaml"
    ex = Extractor()

    first = store.sync(path, "1" * 64, "v1", ex("1" * 64))
    assert (first.action, ex.calls) == ("created", 1)
    written = path.read_text()

    again = store.sync(path, "1" * 64, "v1", ex("1" * 64))
    assert (again.action, ex.calls) == ("unchanged", 1)
    assert again.stored.analysis == first.stored.analysis
    assert path.read_text() == written

    ex.title = "Improved title"
    newer = store.sync(path, "1" * 64, "v2", ex("1" * 64))     # a better extractor
    assert (newer.action, newer.stored.analysis.title) == ("updated", "Improved title")

    changed = store.sync(path, "2" * 64, "v2", ex("2" * 64))   # the article changed
    assert changed.action == "updated"
    assert changed.stored.analysis.source.sha256 == "2" * 64

    path.unlink()                                              # deleting regenerates
    assert store.sync(path, "2" * 64, "v2", ex("2" * 64)).action == "created"


def test_an_edited_file_is_kept_and_the_fresh_extraction_goes_beside_it(tmp_path: Path):
    path = tmp_path / "ruiz.yaml"
    ex = Extractor()
    store.sync(path, "1" * 64, "v1", ex("1" * 64))
    edited = path.read_text().replace("Ana Ruiz", "Ana María Ruiz") + "# checked by Sam\n"
    path.write_text(edited)

    reviewed = store.sync(path, "1" * 64, "v2", ex("1" * 64))  # even a new extractor keeps it
    assert reviewed.action == "reviewed"
    assert reviewed.stored.analysis.delegates[0].name == "Ana María Ruiz"

    conflict = store.sync(path, "2" * 64, "v2", ex("2" * 64))  # article changed too
    assert conflict.action == "conflict"
    assert path.read_text() == edited
    fresh = store.parse(path.with_name("ruiz.yaml.new").read_text(), path="new")
    assert fresh.analysis.source.sha256 == "2" * 64
    assert conflict.note == ("the article changed after this analysis was edited by hand; your "
                             "file is kept and the fresh extraction is in ruiz.yaml.new: merge "
                             "what you need, then run 'dossier accept ruiz'")
    assert conflict.stored.analysis.delegates[0].name == "Ana María Ruiz"


def test_accept_stamps_the_reviewed_file_keeping_comments(tmp_path: Path):
    path = tmp_path / "ruiz.yaml"
    ex = Extractor()
    store.sync(path, "1" * 64, "v1", ex("1" * 64))
    path.write_text(path.read_text().replace("title: Fresh title", "title: Fresh title  # shortened"))
    store.sync(path, "2" * 64, "v1", ex("2" * 64))            # conflict: .new written
    store.accept(path, "2" * 64)
    text = path.read_text()
    assert "title: Fresh title  # shortened" in text
    assert store.load(path).analysis.source.sha256 == "2" * 64
    assert not path.with_name("ruiz.yaml.new").exists()
    assert store.sync(path, "2" * 64, "v1", ex("2" * 64)).action == "reviewed"


def test_force_keeps_a_backup(tmp_path: Path):
    path = tmp_path / "ruiz.yaml"
    path.write_text(store.dump(rich(), extractor="v1") + "# my notes\n")
    backup = store.force(path, rich("3" * 64, "Forced"), "v1")
    assert backup == tmp_path / "ruiz.yaml.bak"
    assert backup.read_text().endswith("# my notes\n")
    assert store.load(path).analysis.title == "Forced"
