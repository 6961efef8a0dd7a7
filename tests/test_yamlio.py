"""The YAML gateway: safe, bounded loading with lines; stable dumps; comment-keeping updates."""
from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier import yamlio
from dossier.errors import StoreError


def load(text: str, max_bytes: int = 100_000) -> yamlio.Loaded:
    return yamlio.load(text, path="f.yaml", error=StoreError, max_bytes=max_bytes)


def test_values_and_the_line_of_every_key_and_item():
    loaded = load("title: A\nitems:\n  - name: x\n    when: 2024-05-01\n  - name: y\n")
    assert loaded.data == {"title": "A", "items": [{"name": "x", "when": "2024-05-01"},
                                                   {"name": "y"}]}
    assert loaded.lines[("title",)] == 1
    assert loaded.lines[("items", 1)] == 5
    assert loaded.line(("items", 0, "when")) == 4
    assert loaded.line(("items", 0, "missing")) == 3   # falls back to the nearest ancestor


def test_dates_stay_the_strings_people_wrote():
    assert load("date: 2024-05-01").data == {"date": "2024-05-01"}


@pytest.mark.parametrize("text, message", [
    ("a: !!python/object/apply:os.system ['echo hi']",
     "f.yaml:1: YAML tag '!!python/object/apply:os.system' is not allowed; remove it and write a plain value"),
    ("a: !!binary aGk=",
     "f.yaml:1: YAML tag '!!binary' is not allowed; remove it and write a plain value"),
    ("base: &b {x: 1}\nother: *b\n",
     "f.yaml:1: YAML anchors and aliases (&name / *name) are not allowed; write the values out"),
    ("a: [1, 2\nb: 3\n",
     "f.yaml:2: invalid YAML: did not find expected ',' or ']'; check indentation, colons and quotes"),
    ("base: {x: 1}\nother:\n  <<: {y: 2}\n",
     "f.yaml:3: YAML merge keys ('<<') are not allowed; write the values out"),
])
def test_refusals_name_the_line_and_what_to_do(text, message):
    with pytest.raises(StoreError) as caught:
        load(text)
    assert str(caught.value) == message


def test_alias_bomb_is_refused_quickly():
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    with pytest.raises(StoreError, match="anchors and aliases"):
        load("\n".join(lines))


def test_size_and_depth_limits():
    with pytest.raises(StoreError, match="larger than 1 KB"):
        load("a: " + "x" * 2000, max_bytes=1024)
    with pytest.raises(StoreError, match="nested deeper than"):
        load("a: " + "[" * 60 + "]" * 60)


def test_dump_keeps_key_order_unicode_and_flow_lists():
    text = yamlio.dump({"name": "Iñés’", "evidence": ["p1", "p4"], "items": [{"b": 1, "a": None}]})
    assert text == "name: Iñés’\nevidence: [p1, p4]\nitems:\n- b: 1\n  a: null\n"


def test_update_keeps_comments_and_key_order():
    text = "# reviewed by hand\nzeta: 1   # why\nsource:\n  sha256: old\n  path: a.txt\n"
    assert yamlio.update(text, {("source", "sha256"): "new"}) == (
        "# reviewed by hand\nzeta: 1   # why\nsource:\n  sha256: new\n  path: a.txt\n")


_PLAIN = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=60)
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(_PLAIN)
def test_dump_writes_what_pyyamls_representer_would(data):
    """dump() builds the YAML nodes itself, for speed; PyYAML's own representer is the oracle."""
    expected = yaml.dump(data, Dumper=yamlio._Dumper, sort_keys=False, allow_unicode=True,
                         width=100, default_flow_style=False)
    assert yamlio.dump(data) == expected


def test_dump_falls_back_to_the_representer_for_other_types():
    assert yamlio.dump({"when": (1, 2), "nan": float("nan")}) == "when:\n- 1\n- 2\nnan: .nan\n"
