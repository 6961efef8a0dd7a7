"""Build records: input scans, the object store, page digests and template dependencies."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from dossier import cache


# --- digests ----------------------------------------------------------------------------------

@dataclass
class Leaf:
    name: str
    evidence: list[str] = field(default_factory=list)
    amount: float | None = None


@dataclass
class Holder:
    title: str
    leaves: list[Leaf]
    urls: dict[str, str] = field(default_factory=dict)
    tags: frozenset = frozenset()


@dataclass(frozen=True)
class Frozen:
    a: int
    b: tuple


@dataclass
class Node:
    name: str
    next: "Node | None" = None


def digest(value, **options) -> str:
    return cache.Digester(**options).digest(value)


def sample() -> Holder:
    return Holder("Visit", [Leaf("Ana", ["p1", "p2"], 1.5), Leaf("Olav", ["p3"])],
                  {"ana": "people/ana.html"}, frozenset({"b", "a", "c"}))


def test_equal_content_gives_equal_digests():
    assert digest(sample()) == digest(sample())
    assert digest(Frozen(1, ("x", Leaf("y")))) == digest(Frozen(1, ("x", Leaf("y"))))


@pytest.mark.parametrize("change", [
    lambda h: setattr(h, "title", "Visit!"),
    lambda h: h.leaves[1].evidence.append("p4"),
    lambda h: setattr(h.leaves[0], "amount", 1.25),
    lambda h: setattr(h.leaves[0], "amount", None),
    lambda h: h.leaves.reverse(),
    lambda h: h.urls.update(olav="people/olav.html"),
    lambda h: setattr(h, "tags", frozenset({"a"})),
    lambda h: setattr(h.leaves[0], "name", ["Ana"]),          # a list is not its item
    lambda h: setattr(h.leaves[0], "evidence", ("p1", "p2")),  # a tuple is not a list
])
def test_any_change_anywhere_changes_the_digest(change):
    changed = sample()
    change(changed)
    assert digest(changed) != digest(sample())


def table() -> list:
    return [["people/ana.html", "Ana", 1, 2.5, True, None, ""] for _ in range(cache._ROWS)]


def test_a_table_is_digested_at_once_and_exactly():
    # rows of plain values, from _ROWS of them on, take another (faster) path: its digest
    # is as equal and as different as the walk's
    assert digest(table()) == digest(table()) and digest(Holder("t", table(), {}, frozenset())) \
        == digest(Holder("t", table(), {}, frozenset()))
    assert digest(table()) != digest(table()[:-1])
    assert digest(table()) != digest(tuple(table())) != digest([tuple(r) for r in table()])
    for value in ("Ana ", 1.0, "1", 2, None, False, 2**70):
        for column in range(7):
            changed = table()
            if changed[3][column] != value or type(changed[3][column]) is not type(value):
                changed[3][column] = value
                assert digest(changed) != digest(table()), (column, value)
    # not for rows holding anything but plain values: those are walked
    walked = table()
    walked[2][0] = Leaf("Ana")
    assert digest(walked) != digest(table())
    walked[2][0] = Leaf("Ana ")
    assert digest(walked) != digest([*table()[:2], [Leaf("Ana"), *table()[2][1:]], *table()[3:]])


def test_a_dict_in_another_order_shows_in_another_order():
    assert digest({"a": 1, "b": 2}) != digest({"b": 2, "a": 1})


def test_a_shared_object_is_walked_once(monkeypatch):
    leaf = Leaf("Shared", ["p1"])
    holders = [Holder(f"H{n}", [leaf]) for n in range(5)]
    digester = cache.Digester()
    walked = []
    real = digester._text
    monkeypatch.setattr(digester, "_text", lambda v, k: walked.append(k) or real(v, k))
    tokens = [digester.token(h) for h in holders]
    assert len(set(tokens)) == 5 and walked.count(Leaf) == 1


def test_known_and_special_objects_are_not_walked():
    analysis = Leaf("a long analysis", ["p1"] * 100)
    twin = Leaf("a long analysis", ["p1"] * 100)
    known = {id(analysis): (analysis, "yaml:abc")}
    assert digest(Holder("t", [analysis]), known=known) != digest(Holder("t", [twin]))
    assert digest(Holder("t", [analysis]), known=known) == digest(
        Holder("t", [twin]), known={id(twin): (twin, "yaml:abc")})
    by_name = {Leaf: lambda leaf: leaf.name}
    assert digest(Leaf("x", ["p1"]), special=by_name) == digest(Leaf("x", ["p2"]), special=by_name)


def test_keep_only_keeps_the_tokens_of_the_values_given_and_forgets_the_others():
    kept, other = Leaf("kept"), Leaf("other")
    digester = cache.Digester()
    digester.know(kept, "told:kept")
    digester.know(other, "told:other")
    digester.keep_only([kept])
    assert digester.token(kept) == "told:kept"
    assert digester.token(other) == cache.Digester().token(Leaf("other"))   # walked again


def test_cycles_do_not_hang():
    a, b = Node("a"), Node("b")
    a.next, b.next = b, a
    assert digest(a) == digest(a) and digest(a) != digest(b)


def test_sets_have_one_digest_whatever_their_order():
    assert digest({"x", "y", "z"}) == digest({"z", "x", "y"})


def test_a_value_that_cannot_be_digested_is_refused():
    with pytest.raises(TypeError) as refused:
        digest(Holder("t", [object()]))
    assert "cannot digest a object" in str(refused.value)


def test_paths_digest_by_their_text():
    assert digest(Path("a/b")) == digest(Path("a/b")) != digest(Path("a/c"))


# --- templates --------------------------------------------------------------------------------

@pytest.mark.parametrize("source, refs", [
    ('{% extends "base.html" %}', ("base.html",)),
    ("{%- extends 'base.html' -%}", ("base.html",)),
    ('{% include "a.html" %}{% include "b.html" ignore missing with context %}',
     ("a.html", "b.html")),
    ('{% include ["x.html", "y.html"] %}', ("x.html", "y.html")),
    ('{% import "m.html" as m %}{% from "partials/p.html" import pager with context %}',
     ("m.html", "partials/p.html")),
    ("{% block main %}{{ 'include' }}{% endblock %}", ()),
    ('{% include page.template %}', None),
    ('{% extends "layouts/" ~ kind ~ ".html" %}', None),
    ('{% import name as m %}', None),
])
def test_template_refs(source: str, refs):
    assert cache.template_refs(source) == refs


def test_a_template_digest_covers_what_it_uses(tmp_path: Path):
    user, builtin = tmp_path / "user", tmp_path / "builtin"
    (builtin / "partials").mkdir(parents=True)
    user.mkdir()
    (builtin / "base.html").write_text("<main>{% block main %}{% endblock %}</main>")
    (builtin / "page.html").write_text('{% extends "base.html" %}'
                                       '{% from "partials/p.html" import p %}')
    (builtin / "other.html").write_text('{% extends "base.html" %}')
    (builtin / "partials" / "p.html").write_text("{% macro p() %}p{% endmacro %}")
    before = cache.template_digests([user, builtin])
    (builtin / "partials" / "p.html").write_text("{% macro p() %}P{% endmacro %}")
    after = cache.template_digests([user, builtin])
    assert after["page.html"] != before["page.html"]
    assert after["other.html"] == before["other.html"] and after["base.html"] == before["base.html"]
    (user / "base.html").write_text("<main>{% block main %}{% endblock %}</main>!")
    overridden = cache.template_digests([user, builtin])      # the user's folder wins
    assert overridden["other.html"] != after["other.html"]
    assert overridden["page.html"] != after["page.html"]


def test_a_template_that_picks_its_include_at_render_time_depends_on_all(tmp_path: Path):
    (tmp_path / "dyn.html").write_text("{% include name %}")
    (tmp_path / "a.html").write_text("a")
    before = cache.template_digests([tmp_path])["dyn.html"]
    (tmp_path / "b.html").write_text("b")
    assert cache.template_digests([tmp_path])["dyn.html"] != before


def test_templates_that_include_each_other_do_not_hang(tmp_path: Path):
    (tmp_path / "a.html").write_text('{% include "b.html" %}')
    (tmp_path / "b.html").write_text('{% include "a.html" %}')
    assert set(cache.template_digests([tmp_path])) == {"a.html", "b.html"}


# --- inputs, records, objects -----------------------------------------------------------------

def test_scan_stats_inputs_by_group_and_skips_hidden_files(tmp_path: Path):
    (tmp_path / "t" / "sub").mkdir(parents=True)
    (tmp_path / "t" / "a.html").write_text("a")
    (tmp_path / "t" / "sub" / "b.html").write_text("b")
    (tmp_path / "t" / ".swap.html").write_text("x")
    (tmp_path / "t" / "__pycache__").mkdir()
    (tmp_path / "t" / "__pycache__" / "c.pyc").write_text("x")
    (tmp_path / "y").mkdir()
    (tmp_path / "y" / "one.yaml").write_text("1")
    (tmp_path / "y" / "one.yaml.new").write_text("1")
    (tmp_path / "c.yaml").write_text("c")
    found = cache.scan([cache.Root("templates", str(tmp_path / "t"), recursive=True),
                        cache.Root("analyses", str(tmp_path / "y"), suffixes=(".yaml",)),
                        cache.Root("config", str(tmp_path / "c.yaml")),
                        cache.Root("static", str(tmp_path / "missing"))])
    assert {g: sorted(Path(p).name for p in files) for g, files in found.items()} == {
        "templates": ["a.html", "b.html"], "analyses": ["one.yaml"], "config": ["c.yaml"],
        "static": []}
    path = str(tmp_path / "c.yaml")
    info = os.stat(path)
    assert found["config"][path] == (info.st_mtime_ns, info.st_size, info.st_ino)


def test_a_record_round_trips_and_a_bad_one_is_none(tmp_path: Path):
    record = cache.Record(config_key="k", outputs={"index.html": "d"}, briefings=3)
    entries = cache.Entries(articles={"/a.txt": cache.ArticleEntry((1, 2, 3), "article-k", b"")})
    cache.save(tmp_path, record, entries)
    assert cache.load(tmp_path) == record
    assert cache.load_entries(tmp_path) == entries and entries.keys() == {"article-k"}
    assert cache.load(tmp_path / "none") is None
    assert cache.load_entries(tmp_path / "none") == cache.Entries()
    (tmp_path / cache.RECORD_NAME).write_bytes(b"\x80\x05junk")
    assert cache.load(tmp_path) is None


def test_after_a_failure_only_the_entries_are_saved(tmp_path: Path):
    cache.save(tmp_path, cache.Record(config_key="old"), cache.Entries())
    cache.save(tmp_path, None, cache.Entries(analyses={}))
    assert cache.load(tmp_path).config_key == "old"


def test_objects_are_stored_once_and_pruned(tmp_path: Path):
    objects = cache.Objects(tmp_path / "objects")
    key = cache.object_key("article", "a.txt", "sha")
    objects.put(key, Leaf("a"))
    assert cache.Objects(tmp_path / "objects").get(key) == Leaf("a")
    assert objects.get("article-none") is None
    objects.put(cache.object_key("article", "b.txt", "sha"), Leaf("b"))
    objects.keep_only({key})
    assert [p.stem for p in (tmp_path / "objects").iterdir()] == [key]
    assert set(objects.memory) == {key}
