"""The only writer of the site: safe joins, the lock, the marker rule, whole-or-nothing writes,
and updates through a hard-link twin that never change the live site before the swap."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from dossier import output
from dossier.errors import OutputError

from .sitekit import make_site, run_build, tree, urls_of


def site_with(out: Path, files: dict[str, bytes]) -> None:
    output.write_site(out, iter(files.items()), {})


def failing(pages: list[tuple[str, bytes]], after: int):
    """A page iterator that breaks down after ``after`` pages, like a template error or a kill."""
    for n, page in enumerate(pages):
        if n == after:
            raise RuntimeError("killed while rendering")
        yield page


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir()
                  if p.name.startswith(f".{out.name}.") and not p.name.endswith((".lock", ".spare")))


# --- safe joins -------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["../x.html", "a/../../x.html", "/etc/passwd", "a\\b.html",
                                 "", "a//b.html", "a/./b.html", "nul\x00.html", "a/"])
def test_safe_join_refuses_anything_but_a_plain_path_inside(tmp_path: Path, url: str):
    with pytest.raises(OutputError) as refused:
        output.safe_join(tmp_path, url)
    assert str(refused.value) == (f"refusing to write '{url}': not a plain path inside the site")


def test_safe_join_refuses_a_symlink_out_of_the_folder(tmp_path: Path):
    root, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    root.mkdir()
    elsewhere.mkdir()
    (root / "people").symlink_to(elsewhere)
    with pytest.raises(OutputError) as refused:
        output.safe_join(root, "people/x.html")
    assert str(refused.value) == ("refusing to write 'people/x.html': it leads outside the "
                                  "output folder")
    assert output.safe_join(root, "briefings/x.html") == root / "briefings" / "x.html"


def test_safe_join_with_remembered_folders_still_refuses_links_out(tmp_path: Path):
    root, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    (root / "briefings").mkdir(parents=True)
    elsewhere.mkdir()
    (root / "people").symlink_to(elsewhere)
    (root / "briefings" / "a.html").symlink_to(elsewhere / "a.html")
    verified: set[Path] = set()
    assert output.safe_join(root, "briefings/b.html", verified) == root / "briefings" / "b.html"
    assert verified == {root / "briefings"}
    for url in ("people/x.html", "briefings/a.html"):
        with pytest.raises(OutputError) as refused:
            output.safe_join(root, url, verified)
        assert str(refused.value) == (f"refusing to write '{url}': it leads outside the "
                                      "output folder")


# --- the lock and the marker rule -------------------------------------------------------------

def test_the_lock_refuses_a_second_build(tmp_path: Path):
    config = make_site(tmp_path / "site")
    out = tmp_path / "site" / "_site"
    with output.lock(out):
        with pytest.raises(OutputError) as refused:
            run_build(config)
    assert str(refused.value) == (f"{out}: another build is writing this site right now; wait "
                                  "for it to finish and run the build again")
    assert not out.exists()
    assert run_build(config).briefings == 6             # the lock is free again


def test_the_cli_reports_a_held_lock(tmp_path: Path, capsys):
    from dossier.cli import main

    config = make_site(tmp_path / "site")
    with output.lock(tmp_path / "site" / "_site"):
        assert main(["build", "--config", str(config)]) == 1
    assert capsys.readouterr().err == (f"error: {tmp_path / 'site' / '_site'}: another build is "
                                       "writing this site right now; wait for it to finish and "
                                       "run the build again\n")


def test_a_folder_dossier_did_not_make_is_never_replaced(tmp_path: Path):
    config = make_site(tmp_path / "site")
    out = tmp_path / "site" / "_site"
    out.mkdir()
    (out / "precious.txt").write_text("mine")
    with pytest.raises(OutputError) as refused:
        run_build(config)
    assert str(refused.value) == (f"{out}: refusing to replace this folder: Dossier did not make "
                                  "it (no .dossier-site file inside); empty it, or set "
                                  "paths.output to another folder")
    assert tree(out) == {"precious.txt": b"mine"}


def test_the_project_folder_is_never_the_output(tmp_path: Path):
    config = make_site(tmp_path / "site")
    config.write_text(config.read_text() + "paths:\n  output: .\n")
    with pytest.raises(OutputError) as refused:
        run_build(config)
    assert str(refused.value) == (f"{tmp_path / 'site'}: the output folder holds the project "
                                  "itself; set paths.output in config.yaml to a folder of its "
                                  "own, such as _site")


def test_the_content_folder_is_never_the_output(tmp_path: Path):
    config = make_site(tmp_path / "site")
    config.write_text(config.read_text() + "paths:\n  output: content\n")
    with pytest.raises(OutputError) as refused:
        run_build(config)
    assert "the output folder overlaps" in str(refused.value)


# --- whole or nothing -------------------------------------------------------------------------

def test_a_failing_full_write_leaves_the_old_site(tmp_path: Path):
    out = tmp_path / "_site"
    site_with(out, {"index.html": b"old", "a/b.html": b"old b"})
    before = tree(out)
    pages = [("index.html", b"new"), ("a/b.html", b"new b"), ("c.html", b"new c")]
    with pytest.raises(RuntimeError):
        output.write_site(out, failing(pages, after=2), {})
    assert tree(out) == before
    assert leftovers(out) == []


def test_a_failing_update_leaves_the_old_site(tmp_path: Path):
    out = tmp_path / "_site"
    site_with(out, {"index.html": b"old", "a/b.html": b"old b", "gone.html": b"gone"})
    before = tree(out)
    pages = [("index.html", b"new"), ("a/b.html", b"new b"), ("c.html", b"new c")]
    with pytest.raises(RuntimeError):
        output.update_site(out, failing(pages, after=2), {}, ["gone.html"])
    assert tree(out) == before
    assert leftovers(out) == []


def test_a_build_failing_while_rendering_leaves_the_old_site(tmp_path: Path, monkeypatch):
    """Raise inside the page iterator of a real incremental build."""
    from dossier import render

    config = make_site(tmp_path / "site")
    run_build(config)
    out = tmp_path / "site" / "_site"
    before = tree(out)
    source = (render.BUILTIN_TEMPLATES / "person.html").read_text()
    assert "Roles over time" in source
    (tmp_path / "site" / "templates" / "person.html").write_text(
        source.replace("Roles over time", "Roles held"))
    real, calls = render.render_page, []

    def broken(env, site, page, assets):
        calls.append(page.url)
        if len(calls) == 3:
            raise RuntimeError("killed while rendering")
        return real(env, site, page, assets)

    monkeypatch.setattr(render, "render_page", broken)
    with pytest.raises(RuntimeError):
        run_build(config, jobs=1)
    assert tree(out) == before
    assert leftovers(out) == []
    assert len(calls) == 3                              # it did fail while rendering
    monkeypatch.setattr(render, "render_page", real)
    assert set(run_build(config).rendered) == urls_of(config, "person.html")   # now done


def test_a_swap_a_kill_interrupted_is_finished_by_the_next_build(tmp_path: Path):
    out = tmp_path / "_site"
    site_with(out, {"index.html": b"old"})
    os.replace(out, tmp_path / "._site.old")           # killed between the two renames
    output.recover(out)
    assert tree(out) == {".dossier-site": tree(out)[".dossier-site"], "index.html": b"old"}


# --- updates ----------------------------------------------------------------------------------

def test_an_update_changes_removes_and_keeps(tmp_path: Path):
    out = tmp_path / "_site"
    site_with(out, {"index.html": b"old", "a/b.html": b"b", "a/gone.html": b"x", "d/only.html": b"y"})
    kept = (out / "a" / "b.html").stat().st_ino
    written = output.update_site(out, iter([("index.html", b"new"), ("n/new.html", b"n")]), {},
                                 ["a/gone.html", "d/only.html"])
    files = tree(out)
    del files[".dossier-site"]
    assert files == {"index.html": b"new", "a/b.html": b"b", "n/new.html": b"n"}
    assert not (out / "d").exists()                     # emptied folders go too
    assert (out / "a" / "b.html").stat().st_ino == kept  # unchanged files are not rewritten
    assert written.files == 2


def test_an_update_never_writes_through_to_the_previous_site(tmp_path: Path):
    out = tmp_path / "_site"
    site_with(out, {"index.html": b"one"})
    output.update_site(out, iter([("index.html", b"two")]), {}, [])
    spare = tmp_path / "._site.spare"
    assert (spare / "index.html").read_bytes() == b"one"   # the twin kept the old file whole
    output.update_site(out, iter([("index.html", b"three")]), {}, [])
    assert (out / "index.html").read_bytes() == b"three"
    assert (spare / "index.html").read_bytes() == b"two"


def test_the_twin_is_brought_in_step_whatever_happened_to_it(tmp_path: Path):
    out = tmp_path / "_site"
    site_with(out, {"index.html": b"one", "a/b.html": b"b"})
    output.update_site(out, iter([("index.html", b"two")]), {}, [])
    spare = tmp_path / "._site.spare"
    (spare / "stray.html").write_text("stray")
    (spare / "a" / "b.html").unlink()
    (spare / "a" / "b.html").mkdir()
    output.update_site(out, iter([("c.html", b"c")]), {}, [])
    files = tree(out)
    del files[".dossier-site"]
    assert files == {"index.html": b"two", "a/b.html": b"b", "c.html": b"c"}


def test_a_folder_in_the_twins_place_that_dossier_did_not_make_is_left_alone(tmp_path: Path):
    out = tmp_path / "_site"
    site_with(out, {"index.html": b"one"})
    foreign = tmp_path / "._site.spare"
    foreign.mkdir()
    (foreign / "mine.txt").write_text("mine")
    output.update_site(out, iter([("index.html", b"two")]), {}, [])
    assert (out / "index.html").read_bytes() == b"two"
    assert tree(foreign) == {"mine.txt": b"mine"}


def test_nothing_is_written_twice(tmp_path: Path):
    out = tmp_path / "_site"
    site_with(out, {"index.html": b"one"})
    with pytest.raises(OutputError) as refused:
        output.update_site(out, iter([("a.html", b"1"), ("a.html", b"2")]), {}, [])
    assert str(refused.value) == ("two pages want to be written to 'a.html'; rename one of "
                                  "their sources")
    with pytest.raises(OutputError):
        output.claim_all(["x.html", "assets/s.css", "x.html"])
    assert (out / "index.html").read_bytes() == b"one"


def test_list_files(tmp_path: Path):
    out = tmp_path / "_site"
    assert output.list_files(out) == set() and not output.has_site(out)
    site_with(out, {"index.html": b"1", "a/b/c.html": b"2"})
    assert output.list_files(out) == {"index.html", "a/b/c.html"}
    assert output.has_site(out)
