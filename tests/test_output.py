"""The only writer of the site: safe joins, the lock, the marker rule, whole-or-nothing writes,
and updates through a hard-link twin that never change the live site before the swap."""
from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

import pytest

from dossier import output
from dossier.errors import OutputError

from .sitekit import folders, make_site, run_build, tree, urls_of


def site_with(out: Path, files: dict[str, bytes]) -> None:
    output.write_site(out, iter(files.items()), {})


def failing(pages: list[tuple[str, bytes]], after: int):
    """A page iterator that breaks down after ``after`` pages, like a template error or a kill."""
    for n, page in enumerate(pages):
        if n == after:
            raise RuntimeError("killed while rendering")
        yield page


def leftovers(out: Path) -> list[str]:
    """What a build left beside ``out`` but the lock, the spare twin and the twin's record."""
    return sorted(p.name for p in out.parent.iterdir()
                  if p.name.startswith(f".{out.name}.")
                  and not p.name.endswith((".lock", ".spare", ".spare.stale")))


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

    def broken(env, site, page, assets, *lines):
        calls.append(page.url)
        if len(calls) == 3:
            raise RuntimeError("killed while rendering")
        return real(env, site, page, assets, *lines)

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


# --- the twin's record: updates that cost the changes, not the site ---------------------------

def shape(root: Path) -> dict[str, object]:
    """Every entry under ``root``: a folder, or the file (inode) it links to."""
    found: dict[str, object] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            rel = path.relative_to(root).as_posix()
            is_folder = path.is_dir() and not path.is_symlink()
            found[rel] = "folder" if is_folder else path.lstat().st_ino
    return found


def applied(files: dict[str, bytes], pages=(), copies=None, remove=()) -> dict[str, bytes]:
    files = {u: d for u, d in files.items() if u not in set(remove)}
    files.update(pages)
    files.update({u: p.read_bytes() for u, p in (copies or {}).items()})
    return files


def site_is(out: Path, files: dict[str, bytes]) -> None:
    """``out`` holds exactly ``files`` (and the marker), with no folder but theirs."""
    found = tree(out)
    assert found.pop(".dossier-site").startswith(b"This folder was made by Dossier")
    assert found == files
    assert folders(out) == {"/".join(u.split("/")[:n]) for u in files
                            for n in range(1, u.count("/") + 1)}


def twin_is_in_step(out: Path) -> None:
    """What the next update would start from is exactly ``out``, file for file."""
    staging, _ = output._twin(out)
    try:
        assert not (out.parent / f".{out.name}.spare.stale").exists()     # used up at once
        assert shape(staging) == shape(out)
    finally:
        output._retire(staging, out)


@pytest.fixture
def compared(monkeypatch) -> list[str]:
    """The sites an update compared entry by entry with their twin (the fallback)."""
    calls: list[str] = []
    real = output._mirror

    def spy(source, target, folders=None, rel=""):
        if folders is not None and not rel:
            calls.append(source)
        return real(source, target, folders, rel)

    monkeypatch.setattr(output, "_mirror", spy)
    return calls


START = {"index.html": b"home", "f.html": b"f", "a/b.html": b"b", "a/c/d.html": b"d",
         "a/c/e.html": b"e", "g/h.html": b"h", "x/y/z.html": b"z"}


def test_the_twin_follows_its_record_through_many_updates(tmp_path: Path, compared):
    out = tmp_path / "_site"
    site_with(out, START)
    css = tmp_path / "s.css"
    css.write_bytes(b"body{}")
    kept = (out / "x" / "y" / "z.html").stat().st_ino
    steps = [
        ([("index.html", b"home 2"), ("n/new.html", b"n")], {}, ["f.html"]),      # a new folder
        ([("a/c/d.html", b"d 2")], {"assets/s.css": css}, ["g/h.html"]),           # g/ goes
        ([("a/c", b"a file now")], {}, ["a/c/d.html", "a/c/e.html"]),              # folder -> file
        ([("a/c/new.html", b"a folder again")], {}, ["a/c"]),                      # file -> folder
        ([("g/h.html", b"h again"), ("index.html", b"home 3")], {}, ["n/new.html"]),
        ([], {"a/c/new.html": css}, ["assets/s.css", "a/b.html"]),
        ([("index.html", b"home 4")], {}, []),
    ]
    files = dict(START)
    for pages, copies, remove in steps:
        output.update_site(out, iter(pages), copies, remove)
        files = applied(files, pages, copies, remove)
        site_is(out, files)
        assert (tmp_path / "._site.spare.stale").is_file()
    assert compared == [str(out)]                       # only the first update, without a record
    assert (out / "x" / "y" / "z.html").stat().st_ino == kept      # never rewritten
    twin_is_in_step(out)
    assert compared == [str(out)]


def test_the_record_never_reaches_the_site(tmp_path: Path):
    out = tmp_path / "_site"
    site_with(out, START)
    for n in range(3):
        output.update_site(out, iter([("index.html", b"%d" % n)]), {}, [])
        assert output.list_files(out) == set(START)
        assert output.list_files(tmp_path / "._site.spare") == set(START)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["._site.spare", "._site.spare.stale",
                                                              "_site"]


def corrupt(record: Path) -> None:
    """Still well-formed, but no longer what was written: it names no stale URL."""
    data = record.read_bytes()
    stale = b'"stale":["a/b.html","f.html","n/new.html","x/y/z.html"]'
    assert data.count(stale) == 1
    record.write_bytes(data.replace(stale, b'"stale":[]'))


def truncate(record: Path) -> None:
    record.write_bytes(record.read_bytes()[:-10])


def no_record(record: Path) -> None:
    record.unlink()


def edit_twin_deep_inside(record: Path) -> None:
    twin = record.parent / "._site.spare"
    (twin / "a" / "c" / "stray.html").write_text("stray")
    (twin / "x" / "y" / "z.html").unlink()                 # a file gone, and one replaced
    (twin / "a" / "b.html").unlink()
    (twin / "a" / "b.html").write_text("edited in the twin")


def edit_site_deep_inside(record: Path) -> None:
    site = record.parent / "_site"
    (site / "a" / "c" / "d.html").unlink()
    (site / "a" / "c" / "d.html").write_bytes(b"edited in the site")


def edit_site_in_a_new_folder(record: Path) -> None:
    (record.parent / "_site" / "n" / "mine.html").write_bytes(b"mine")


def rebuild_site(record: Path) -> None:
    output.write_site(record.parent / "_site", iter(START.items()), {})


@pytest.mark.parametrize("spoil", [corrupt, truncate, no_record, edit_twin_deep_inside,
                                   edit_site_deep_inside, edit_site_in_a_new_folder,
                                   rebuild_site])
def test_a_record_that_cannot_be_trusted_is_not(tmp_path: Path, compared, spoil):
    out = tmp_path / "_site"
    site_with(out, START)
    first = [("a/b.html", b"b 2"), ("x/y/z.html", b"z 2"), ("n/new.html", b"n")]
    output.update_site(out, iter(first), {}, ["f.html"])
    record = tmp_path / "._site.spare.stale"
    assert compared == [str(out)] and record.is_file()
    spoil(record)
    files = applied(START, first, remove=["f.html"])
    if spoil is edit_site_deep_inside:                  # edits in the site itself are kept, as ever
        files["a/c/d.html"] = b"edited in the site"
    if spoil is edit_site_in_a_new_folder:
        files["n/mine.html"] = b"mine"
    if spoil is rebuild_site:
        files = dict(START)
    output.update_site(out, iter([("index.html", b"home 2")]), {}, [])
    files["index.html"] = b"home 2"
    assert compared == [str(out)] * 2                   # every entry compared again
    site_is(out, files)
    output.update_site(out, iter([("index.html", b"home 3")]), {}, [])
    files["index.html"] = b"home 3"
    assert compared == [str(out)] * 2                   # and the new record is trusted
    site_is(out, files)
    twin_is_in_step(out)


def test_a_whole_new_site_drops_the_twin_and_the_next_update_makes_one_afresh(
        tmp_path: Path, monkeypatch):
    out = tmp_path / "_site"
    site_with(out, START)
    output.update_site(out, iter([("index.html", b"home 2")]), {}, [])
    spare = tmp_path / "._site.spare"
    assert spare.is_dir() and (tmp_path / "._site.spare.stale").is_file()
    output.write_site(out, iter(START.items()), {})
    assert not spare.exists() and not (tmp_path / "._site.spare.stale").exists()
    unlinked: list[str] = []
    real = os.unlink
    monkeypatch.setattr(output.os, "unlink", lambda path, *a, **k: (unlinked.append(str(path)),
                                                                    real(path, *a, **k)))
    output.update_site(out, iter([("f.html", b"f 2")]), {}, [])
    # the changed page's link is the only one undone: no old twin's files to unlink first
    assert [Path(p).name for p in unlinked] == ["f.html"]
    site_is(out, {**START, "f.html": b"f 2"})
    twin_is_in_step(out)


def test_a_folder_dossier_did_not_make_in_the_twins_place_survives_a_whole_new_site(
        tmp_path: Path):
    out = tmp_path / "_site"
    site_with(out, START)
    foreign = tmp_path / "._site.spare"
    foreign.mkdir()
    (foreign / "mine.txt").write_text("mine")
    output.write_site(out, iter(START.items()), {})
    assert (foreign / "mine.txt").read_text() == "mine"


def test_a_record_naming_a_path_out_of_the_twin_is_not_trusted(tmp_path: Path, compared):
    """Well-formed and whole, but naming a URL that is not a plain path inside the site."""
    out, elsewhere = tmp_path / "_site", tmp_path / "elsewhere"
    elsewhere.mkdir()
    site_with(out, START)
    output.update_site(out, iter([("index.html", b"home 2")]), {}, [])
    record = tmp_path / "._site.spare.stale"
    head, _, text = record.read_bytes().split(b"\n", 2)
    text = text.replace(b'"stale":["index.html"]', b'"stale":["../elsewhere/x.html"]')
    record.write_bytes(b"%s\n%s\n%s" % (head, hashlib.sha256(text).hexdigest().encode(), text))
    output.update_site(out, iter([("f.html", b"f 2")]), {}, [])
    assert compared == [str(out)] * 2
    assert list(elsewhere.iterdir()) == []
    site_is(out, applied(START, [("index.html", b"home 2"), ("f.html", b"f 2")]))


def test_after_a_failing_update_the_next_one_is_right_and_quick(tmp_path: Path, compared):
    out = tmp_path / "_site"
    site_with(out, START)
    output.update_site(out, iter([("index.html", b"home 2")]), {}, [])
    before = tree(out)
    pages = [("a/c/d.html", b"new d"), ("n/m/new.html", b"new"), ("never.html", b"x")]
    with pytest.raises(RuntimeError):
        output.update_site(out, failing(pages, after=2), {}, ["g/h.html", "a/b.html"])
    assert tree(out) == before
    assert leftovers(out) == []
    output.update_site(out, iter([("index.html", b"home 3")]), {}, ["f.html"])
    assert compared == [str(out)]                       # the failed update left a true record
    site_is(out, applied(START, [("index.html", b"home 3")], remove=["f.html"]))
    twin_is_in_step(out)


def test_a_copy_failing_halfway_leaves_a_true_record(tmp_path: Path, compared):
    """The copy fails after the twin's old file is gone: that URL is stale too."""
    out = tmp_path / "_site"
    site_with(out, START)
    output.update_site(out, iter([("index.html", b"home 2")]), {}, [])
    with pytest.raises(FileNotFoundError):
        output.update_site(out, iter([]), {"a/b.html": tmp_path / "vanished.css"}, [])
    output.update_site(out, iter([("f.html", b"f 2")]), {}, [])
    assert compared == [str(out)]
    site_is(out, applied(START, [("index.html", b"home 2"), ("f.html", b"f 2")]))
    twin_is_in_step(out)


def test_a_hand_edit_of_the_site_during_an_update_does_not_come_back(tmp_path: Path):
    """The update started from the site as it was; the edit stays in the previous site, the
    twin, which must then not be trusted to differ only where the update wrote."""
    out = tmp_path / "_site"
    site_with(out, START)
    output.update_site(out, iter([("index.html", b"home 2")]), {}, [])

    def pages():
        (out / "a" / "c" / "mine.html").write_bytes(b"mine")     # while the update runs
        yield "f.html", b"f 2"

    output.update_site(out, pages(), {}, [])
    output.update_site(out, iter([("index.html", b"home 3")]), {}, [])
    site_is(out, applied(START, [("index.html", b"home 3"), ("f.html", b"f 2")]))
    twin_is_in_step(out)


# Each step of an update (a rename, link, unlink, new or removed folder, time set) in turn
# kills the process, or fails; what follows is what the next build does: recover, update.

STEPS = ("replace", "rename", "link", "unlink", "mkdir", "rmdir", "utime")


def run_until_step(k: int, how: str, work) -> int:
    """Run ``work`` in a child process that dies (or whose step fails) at step ``k``; its exit
    status: 0 finished, 86 killed, 87 the update failed."""
    pid = os.fork()
    if pid == 0:                                        # the child: never returns
        status = 1
        try:
            count = iter(range(k + 1))
            for name in STEPS:
                def step(*args, _real=getattr(os, name), **kwargs):
                    if next(count, None) is None:
                        if how == "kill":
                            os._exit(86)
                        raise OSError(errno.EIO, "the disk failed")
                    return _real(*args, **kwargs)
                setattr(os, name, step)
            try:
                work()
                status = 0
            except OSError:
                status = 87
        finally:
            os._exit(status)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


@pytest.mark.parametrize("how", ["kill", "fail"])
@pytest.mark.parametrize("with_record", [True, False])
def test_a_kill_or_failure_at_any_step_leaves_one_site_and_the_next_update_right(
        tmp_path: Path, how: str, with_record: bool):
    first = ([("index.html", b"home 2"), ("a/c", b"c")], {}, ["a/c/d.html", "a/c/e.html"])
    change = ([("a/c/d.html", b"d 2"), ("n/new.html", b"n"), ("a/b.html", b"b 2")], {},
              ["a/c", "g/h.html", "f.html"])
    follow = ([("index.html", b"home 3"), ("g/h.html", b"h 3")], {}, ["n/new.html"])
    before = applied(START, *first)
    after = applied(before, *change)
    endings = set()
    for k in range(1000):
        out = tmp_path / f"run{k}" / "_site"
        site_with(out, START)
        output.update_site(out, iter(first[0]), first[1], first[2])
        if not with_record:
            (out.parent / "._site.spare.stale").unlink()
        status = run_until_step(k, how, lambda: output.update_site(
            out, iter(change[0]), change[1], change[2]))
        assert status in (0, 86 if how == "kill" else 87)
        output.recover(out)                             # what the next build does first
        now = tree(out)
        del now[".dossier-site"]
        assert now in (before, after)
        endings.add(now == after)
        output.update_site(out, iter(follow[0]), follow[1], follow[2])
        site_is(out, applied(now, *follow))
        twin_is_in_step(out)
        assert leftovers(out) == []
        if status == 0:
            break
    assert status == 0 and k > 10                       # every step was tried, then none
    assert endings == {True, False}
