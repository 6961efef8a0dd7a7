"""Incremental builds: a rebuild redoes only what changed, and its output is byte for byte the
output of a clean build of the same inputs, whatever changed in between."""
from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from dossier import cache
from dossier.config import load_config
from dossier.errors import BuildFailed
from dossier.pipeline import Memory, _environment, build, preview
from dossier.render import BUILTIN_STATIC, BUILTIN_TEMPLATES, make_env

from .sitekit import (ANA, ENTITY_TEMPLATES, KOFI, MEI, Delegate, add_visit, analysis_yaml,
                      article_text, assert_same_as_clean_build, html_urls, make_site, run_build,
                      site_of, tree, urls_of)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A built site: four reviewed visits naming four people, two extracted ones."""
    root = tmp_path / "site"
    make_site(root)
    first = run_build(root / "config.yaml")
    assert not first.incremental and first.briefings == 6
    return root


def rebuild(site: Path, **options):
    return run_build(site / "config.yaml", **options)


def edit_yaml(site: Path, slug: str, old: str, new: str) -> None:
    path = site / "content" / "analysis" / f"{slug}.yaml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


# --- nothing changed ------------------------------------------------------------------------

def test_a_build_with_nothing_changed_renders_and_writes_nothing(site: Path):
    before = {p: p.stat().st_ino for p in (site / "_site").rglob("*")}
    report = rebuild(site)
    assert report.incremental
    assert report.rendered == () and report.files == 0 and report.removed == ()
    assert report.unchanged == report.pages == len(urls_of(site / "config.yaml"))
    assert {p: p.stat().st_ino for p in (site / "_site").rglob("*")} == before


def test_the_first_build_leaves_a_record_the_second_build_stops_at(site: Path):
    """Dossier's own writes (the extracted analyses) do not make the next build redo them."""
    record = cache.load(site / ".dossier-cache")
    assert record is not None and record.briefings == 6
    assert set(record.outputs) == {p.relative_to(site / "_site").as_posix()
                                   for p in (site / "_site").rglob("*")
                                   if p.is_file() and p.name != ".dossier-site"}
    again = rebuild(site)
    assert again.rendered == () and again.files == 0


def test_touching_a_file_without_changing_it_renders_nothing(site: Path):
    article = site / "content" / "articles" / "chile-norway.txt"
    analysis = site / "content" / "analysis" / "plain-one.yaml"
    for path in (article, analysis):
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 5_000_000_000))
    report = rebuild(site)
    assert report.rendered == () and report.files == 0


def test_a_missing_output_file_is_written_again(site: Path):
    (site / "_site" / "people" / "ana-ruiz.html").unlink()
    report = rebuild(site)
    assert report.rendered == ("people/ana-ruiz.html",)
    assert (site / "_site" / "people" / "ana-ruiz.html").is_file()


def test_a_damaged_record_only_costs_a_full_build(site: Path, tmp_path: Path):
    (site / ".dossier-cache" / "record.pickle").write_bytes(b"not a pickle")
    report = rebuild(site)
    assert not report.incremental and len(report.rendered) == report.pages
    assert_same_as_clean_build(site, tmp_path / "clean")


def test_a_record_of_another_format_is_ignored(site: Path):
    path = site / ".dossier-cache" / "record.pickle"
    record = pickle.loads(path.read_bytes())
    record.format = cache.FORMAT + 1
    path.write_bytes(pickle.dumps(record))
    assert not rebuild(site).incremental


def test_clean_ignores_the_records(site: Path):
    report = rebuild(site, clean=True)
    assert not report.incremental and len(report.rendered) == report.pages


# --- what one change re-renders -------------------------------------------------------------

def test_an_analysis_edit_re_renders_only_the_pages_that_show_it(site: Path):
    # The summary shows on the briefing, in its JSON export and the corpus's, on its card
    # (index.html lists japan-ghana and chile-ghana: newest first, two per page) and in the
    # feed; person pages and indexes do not show summaries. The YAML download is copied anew.
    edit_yaml(site, "chile-ghana", "summary: A visit with talks.", "summary: Talks on cocoa.")
    report = rebuild(site)
    assert set(report.rendered) == {"briefings/chile-ghana.html", "briefings/chile-ghana.json",
                                    "index.html", "feed.xml", "data/analysis.json"}
    assert report.files == len(report.rendered) + 1 and report.removed == ()
    assert "Talks on cocoa." in (site / "_site" / "briefings" / "chile-ghana.html").read_text()
    assert "Talks on cocoa." in (site / "_site" / "briefings" / "chile-ghana.yaml").read_text()


def test_a_role_edit_re_renders_the_entity_pages_that_show_the_role(site: Path):
    # Kofi Mensah's role in chile-ghana: his page and the people index (its line), Ghana's
    # page (its people with their roles), the briefing and its exports, the people and
    # analysis exports, and the search shards holding his entry (so the manifest, and the
    # search page that names it). Not Ana Ruiz's page: she met no one in a focus area.
    edit_yaml(site, "chile-ghana", "role: President", "role: Head of State")
    report = rebuild(site)
    search = {url for url in report.rendered if url.startswith("search/")}
    assert set(report.rendered) - search == {
        "briefings/chile-ghana.html", "briefings/chile-ghana.json", "briefings/chile-ghana.csv",
        "people/kofi-mensah.html", "people/index.html", "countries/ghana.html",
        "data/people.csv", "data/analysis.json", "search.html"}
    shards = urls_of(site / "config.yaml", "search-shard.js")
    assert 0 < len(search & shards) < len(shards)           # some of the shards, not all
    # the shards that changed replace their previous versions (named by content)
    assert {url.split(".")[0] for url in report.removed} <= {url.split(".")[0] for url in search}
    assert {f"search/{p.name}" for p in (site / "_site" / "search").iterdir()} == (
        urls_of(site / "config.yaml", "search-shard.js", "search-index.js"))


def test_an_article_edit_re_extracts_it_and_re_renders_its_pages(site: Path):
    # the briefing shows the text; the analysis, extracted again, names the new text (its
    # sha256) in the briefing's JSON export and the corpus's; nothing else it found changed
    path = site / "content" / "articles" / "plain-one.txt"
    path.write_text(path.read_text() + "\nA late paragraph.\n")
    report = rebuild(site)
    assert set(report.rendered) == {"briefings/plain-one.html", "briefings/plain-one.json",
                                    "data/analysis.json"}
    analysis = (site / "content" / "analysis" / "plain-one.yaml").read_text()
    assert cache.sha256_file(path) in analysis            # extracted again for the new text
    assert "A late paragraph." in (site / "_site" / "briefings" / "plain-one.html").read_text()
    assert (site / "_site" / "briefings" / "plain-one.yaml").read_text() == analysis


# what a page of each kind shows of the whole corpus: counts, lists, every analysis, the index
CORPUS_WIDE = {"index.html", "entities.html", "data.html", "export.json", "export.csv",
               "feed.xml", "sitemap.xml", "search.html", "search-index.js", "search-shard.js"}


def test_an_article_edit_re_renders_no_page_of_an_entity_it_does_not_name(site: Path):
    """The new paragraph brings a topic (ports: transport and connectivity): its page is new,
    and lists that count or name topics change; other entities' pages stay as they are."""
    path = site / "content" / "articles" / "plain-one.txt"
    path.write_text(path.read_text() + "\nA late paragraph about ports.\n")
    report = rebuild(site)
    model = site_of(site / "config.yaml")
    briefing = next(b for b in model.briefings if b.slug == "plain-one")
    named = {*briefing.person_urls.values(), *briefing.country_urls.values(),
             *briefing.topic_urls.values(), *briefing.place_urls, *briefing.agreement_urls}
    template = {p.url: p.template for p in model.pages}
    rendered = set(report.rendered)
    entities = {url for url in rendered if template[url] in ENTITY_TEMPLATES}
    assert "topics/transport-and-connectivity.html" in entities and entities <= named
    assert {url for url in rendered if template[url] not in ENTITY_TEMPLATES | CORPUS_WIDE} == {
        "briefings/plain-one.html"}
    assert {url for url in rendered if url.startswith("briefings/")} == {
        "briefings/plain-one.html", "briefings/plain-one.json", "briefings/plain-one.csv"}


def test_a_template_edit_re_renders_the_pages_that_use_it(site: Path):
    source = (BUILTIN_TEMPLATES / "person.html").read_text()
    assert "Roles over time" in source
    (site / "templates" / "person.html").write_text(source.replace("Roles over time",
                                                                   "Roles held"))
    report = rebuild(site)
    assert set(report.rendered) == urls_of(site / "config.yaml", "person.html") == {
        "people/ana-ruiz.html", "people/olav-berg.html", "people/mei-tanaka.html",
        "people/kofi-mensah.html"}
    assert "Roles held" in (site / "_site" / "people" / "ana-ruiz.html").read_text()


def test_a_partial_edit_re_renders_the_templates_that_import_it(site: Path):
    # partials/links.html is imported by briefing.html, index.html and entity.html, which
    # every entity kind's template extends; not by the indexes, search, data or 404 pages
    (site / "templates" / "partials").mkdir()
    source = (BUILTIN_TEMPLATES / "partials" / "links.html").read_text()
    assert "From the article, paragraph" in source
    (site / "templates" / "partials" / "links.html").write_text(
        source.replace("From the article, paragraph", "Article, paragraph"))
    report = rebuild(site)
    config = site / "config.yaml"
    assert set(report.rendered) == urls_of(config, "briefing.html", "index.html",
                                           *ENTITY_TEMPLATES)
    assert {"briefings", "index.html", "people"} <= {url.split("/")[0] for url in report.rendered}
    assert not set(report.rendered) & urls_of(config, "entities.html", "search.html")


# --- the result is the clean build's, whatever changed ----------------------------------------

def edit_article_with_extracted_analysis(site: Path) -> None:
    path = site / "content" / "articles" / "plain-two.txt"
    path.write_text(path.read_text().replace("joint statement", "joint communique"))


def edit_article_with_reviewed_analysis(site: Path) -> None:
    """The reviewed analysis is kept and the fresh extraction goes beside it."""
    path = site / "content" / "articles" / "japan-norway.txt"
    path.write_text(path.read_text() + "\nA late paragraph.\n")


def edit_analysis_by_hand(site: Path) -> None:
    edit_yaml(site, "chile-norway", "role: Foreign Minister", "role: Minister of Foreign Affairs")


def rename_a_person(site: Path) -> None:
    edit_yaml(site, "japan-ghana", "name: Kofi Mensah", "name: Kofi A. Mensah")


def add_an_article(site: Path) -> None:
    add_visit(site, "ghana-norway", "2024-02-20", [KOFI, Delegate("Olav Berg", "Prime Minister",
                                                                  "Norway", "host")])


def delete_an_article(site: Path) -> None:
    (site / "content" / "articles" / "japan-ghana.txt").unlink()


def delete_an_article_and_its_analysis(site: Path) -> None:
    (site / "content" / "articles" / "chile-ghana.txt").unlink()
    (site / "content" / "analysis" / "chile-ghana.yaml").unlink()


def give_a_name_a_second_country(site: Path) -> None:
    """Kofi Mensah of Ghana now has a namesake from Togo: both are kept apart, so every page
    linking to Kofi's page links to a new URL."""
    add_visit(site, "japan-togo", "2024-05-01", [MEI, Delegate("Kofi Mensah", "Ambassador",
                                                               "Togo", "host")])


def redate_a_visit(site: Path) -> None:
    """The oldest visit becomes the newest: every list by date shows it elsewhere."""
    edit_yaml(site, "chile-norway", "2024-01-05", "2024-06-05")


def edit_a_template(site: Path) -> None:
    source = (BUILTIN_TEMPLATES / "base.html").read_text()
    (site / "templates" / "base.html").write_text(source.replace("made with Dossier",
                                                                 "made with care"))


def edit_the_css(site: Path) -> None:
    css = (BUILTIN_STATIC / "style.css").read_text()
    (site / "static" / "style.css").write_text(css + "\nbody { letter-spacing: .01em; }\n")


def add_a_static_file(site: Path) -> None:
    (site / "static" / "robots.txt").write_text("User-agent: *\n")


def change_the_title(site: Path) -> None:
    config = site / "config.yaml"
    config.write_text(config.read_text().replace("title: Test Dossier", "title: Visits"))


def change_per_page(site: Path) -> None:
    config = site / "config.yaml"
    config.write_text(config.read_text().replace("per_page: 2", "per_page: 4"))


SCENARIOS = [edit_article_with_extracted_analysis, edit_article_with_reviewed_analysis,
             edit_analysis_by_hand, rename_a_person, add_an_article, delete_an_article,
             delete_an_article_and_its_analysis, give_a_name_a_second_country, redate_a_visit,
             edit_a_template, edit_the_css, add_a_static_file,
             change_the_title, change_per_page]


@pytest.mark.parametrize("change", SCENARIOS, ids=lambda f: f.__name__)
def test_an_incremental_build_equals_a_clean_build(site: Path, tmp_path: Path, change):
    change(site)
    report = rebuild(site)
    assert report.incremental and report.unchanged + len(report.rendered) == report.pages
    assert_same_as_clean_build(site, tmp_path / "clean")
    assert rebuild(site).files == 0                     # and the next build has nothing to do


def test_many_changes_in_a_row_stay_equal_to_a_clean_build(site: Path, tmp_path: Path):
    for n, change in enumerate(SCENARIOS):
        change(site)
        rebuild(site)
        if n % 4 == 3:
            assert_same_as_clean_build(site, tmp_path / f"clean-{n}")
    assert_same_as_clean_build(site, tmp_path / "clean-last")


def test_digests_taken_from_the_record_are_the_ones_a_clean_build_computes(site: Path):
    # After edits, the digests an incremental build took from the previous build's record
    # (for briefings, appearances and page data it did not walk again) are exactly those a
    # clean build computes by walking everything.
    rename_a_person(site)
    edit_analysis_by_hand(site)
    rebuild(site)
    incremental = cache.load(site / ".dossier-cache")
    rebuild(site, clean=True)
    clean = cache.load(site / ".dossier-cache")
    assert incremental.outputs == clean.outputs
    assert cache.load_entries(site / ".dossier-cache").derived     # and they are recorded


def test_the_corpus_json_export_re_encodes_only_the_edited_analysis(site: Path, tmp_path: Path,
                                                                     monkeypatch):
    from dossier import exports
    encoded = []
    plain = exports.plain
    monkeypatch.setattr(exports, "plain", lambda value: encoded.append(value) or plain(value))
    lines = cache.load_entries(site / ".dossier-cache").lines
    assert len(lines) == 6                      # one per analysis in data/analysis.json
    edit_yaml(site, "chile-ghana", "summary: A visit with talks.", "summary: Talks on cocoa.")
    report = rebuild(site)
    assert "data/analysis.json" in report.rendered
    assert [getattr(v, "slug", None) for v in encoded if type(v).__name__ == "CorpusItem"] == [
        "chile-ghana"]
    assert len(cache.load_entries(site / ".dossier-cache").lines) == len(lines)   # the old one gone
    assert_same_as_clean_build(site, tmp_path / "clean")


def test_deleted_pages_disappear(site: Path):
    delete_an_article_and_its_analysis(site)
    rename_a_person(site)
    report = rebuild(site)
    assert "briefings/chile-ghana.html" in report.removed
    assert "people/kofi-mensah.html" in report.removed
    assert not (site / "_site" / "briefings" / "chile-ghana.html").exists()
    assert (site / "_site" / "people" / "kofi-a-mensah.html").is_file()


def test_a_css_edit_replaces_the_fingerprinted_file(site: Path):
    old = sorted(p.name for p in (site / "_site" / "assets").glob("style.*.css"))
    edit_the_css(site)
    report = rebuild(site)
    new = sorted(p.name for p in (site / "_site" / "assets").glob("style.*.css"))
    assert len(old) == len(new) == 1 and old != new
    assert f"assets/{old[0]}" in report.removed
    assert len(report.rendered) == report.pages          # every page links the stylesheet


# --- hand-edit protection is unchanged --------------------------------------------------------

def test_a_hand_edited_analysis_survives_and_its_note_is_repeated(site: Path):
    edit_analysis_by_hand(site)
    rebuild(site)
    analysis = site / "content" / "analysis" / "chile-norway.yaml"
    edited = analysis.read_text()
    article = site / "content" / "articles" / "chile-norway.txt"
    article.write_text(article.read_text() + "\nOne more paragraph.\n")
    first = rebuild(site)
    assert analysis.read_text() == edited
    assert analysis.with_name("chile-norway.yaml.new").is_file()
    note = ("content/articles/chile-norway.txt: the article changed after this analysis was "
            "edited by hand; your file is kept and the fresh extraction is in "
            "chile-norway.yaml.new: merge what you need, then run 'dossier accept chile-norway'")
    assert note in first.notes
    again = rebuild(site)                     # nothing changed: the reminder stays
    assert again.files == 0 and note in again.notes


def test_an_extracted_analysis_is_rewritten_only_when_its_article_changes(site: Path):
    path = site / "content" / "analysis" / "plain-one.yaml"
    before = path.stat().st_mtime_ns, path.read_text()
    edit_analysis_by_hand(site)
    rebuild(site)
    assert (path.stat().st_mtime_ns, path.read_text()) == before


def test_a_broken_edit_fails_and_the_fix_rebuilds_only_what_changed(site: Path):
    index = (site / "_site" / "index.html").read_bytes()
    edit_yaml(site, "chile-ghana", "role: President", "role: [President")
    with pytest.raises(Exception) as failed:
        rebuild(site)
    assert "chile-ghana.yaml" in str(failed.value.problems[0])
    assert (site / "_site" / "index.html").read_bytes() == index
    edit_yaml(site, "chile-ghana", "role: [President", "role: Head of State")
    report = rebuild(site)
    # as test_a_role_edit_re_renders_the_entity_pages_that_show_the_role: the failed build
    # did not count as done, and nothing else is redone
    assert {url for url in report.rendered if not url.startswith("search/")} == {
        "briefings/chile-ghana.html", "briefings/chile-ghana.json", "briefings/chile-ghana.csv",
        "people/kofi-mensah.html", "people/index.html", "countries/ghana.html",
        "data/people.csv", "data/analysis.json", "search.html"}


def test_builds_in_one_process_keep_only_the_memory(site: Path):
    """The server settles after each build: the garbage a build leaves in cycles (template
    contexts holding page data) is freed, not frozen with what the memory keeps."""
    import gc

    from dossier.pipeline import settle

    memory = Memory()
    config = load_config(site / "config.yaml")
    build(config, memory=memory, jobs=1)
    settle()
    kept = []
    try:
        for n in range(4):
            edit_yaml(site, "chile-ghana", f"role: President{' x' * n}",
                      f"role: President{' x' * (n + 1)}")
            assert build(load_config(site / "config.yaml"), memory=memory, jobs=1).rendered
            settle()
            kept.append(gc.get_freeze_count())
    finally:
        gc.unfreeze()
    # the same inputs, the same memory: what is frozen stops growing (without the collection,
    # ~940 more objects per build of this site, at N=5,000 a site model per build; with a
    # recursive closure in a build step, a few objects and what they hold per build)
    assert kept[-1] == kept[1], kept


def test_an_edit_in_memory_between_builds(site: Path, tmp_path: Path):
    """The server keeps the record and parsed files in memory between builds."""
    from dossier.pipeline import Memory

    memory = Memory()
    assert rebuild(site, memory=memory).files == 0
    edit_analysis_by_hand(site)
    assert "briefings/chile-norway.html" in rebuild(site, memory=memory).rendered
    edit_a_template(site)
    assert set(rebuild(site, memory=memory).rendered) == html_urls(site / "config.yaml")
    assert rebuild(site, memory=memory).files == 0
    assert_same_as_clean_build(site, tmp_path / "clean")


def test_records_name_only_objects_that_exist(site: Path):
    delete_an_article_and_its_analysis(site)
    rebuild(site)
    entries = cache.load_entries(site / ".dossier-cache")
    stored = {p.stem for p in (site / ".dossier-cache" / "objects").glob("*.pickle")}
    assert stored == entries.keys() and len(entries.articles) == 5


def test_the_cache_folder_can_be_deleted(site: Path, tmp_path: Path):
    shutil.rmtree(site / ".dossier-cache")
    add_an_article(site)
    report = rebuild(site)
    assert not report.incremental
    assert_same_as_clean_build(site, tmp_path / "clean")


def test_unused_inputs_are_not_recorded(site: Path):
    (site / "content" / "articles" / ".draft.txt").write_text("hidden")
    assert rebuild(site).files == 0
    record = cache.load(site / ".dossier-cache")
    assert not any(".draft" in path for path in record.inputs["articles"])


def test_the_written_article_text_is_what_the_records_say(site: Path):
    """An article and its reviewed analysis replaced at once with consistent new versions."""
    slug = "japan-norway"
    text = article_text(slug, "Entirely new talks.")
    (site / "content" / "articles" / f"{slug}.txt").write_text(text)
    (site / "content" / "analysis" / f"{slug}.yaml").write_text(
        analysis_yaml(slug, text, "New talks", "2024-02-11", [MEI, ANA]))
    report = rebuild(site)
    assert "people/olav-berg.html" in report.rendered          # no longer appears in it
    page = (site / "_site" / "briefings" / f"{slug}.html").read_text()
    assert "Entirely new talks." in page and "New talks" in page
    assert b"japan-norway" not in tree(site / "_site")["people/olav-berg.html"]


def test_an_article_edit_in_the_examples_re_renders_the_pages_that_quote_it(tmp_path: Path):
    """The example corpus: its analyses are reviewed, so an article edit keeps them (the fresh
    extraction goes beside them) and only the text changes: the briefing, and the pages that
    quote the edited paragraph (p2 is Jonas Berg's and the North Shoal wind farm's first
    evidence); not Amir Haddad's page, whose quote is p1, nor any list."""
    from .conftest import ROOT

    root = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", root)
    run_build(root / "config.yaml")
    path = root / "content" / "articles" / "estmark-corsene-energy-talks.txt"
    text = path.read_text()
    assert text.count("twelve officials") == 1
    path.write_text(text.replace("twelve officials", "fourteen officials"))
    report = run_build(root / "config.yaml")
    assert set(report.rendered) == {"briefings/estmark-corsene-energy-talks.html",
                                    "people/jonas-berg.html",
                                    "places/north-shoal-wind-farm.html"}
    assert "fourteen officials" in (root / "_site" / "people" / "jonas-berg.html").read_text()
    assert_same_as_clean_build(root, tmp_path / "clean")


# --- the server's preview: the edited briefing first ------------------------------------------

def previewed(site: Path, changed: list[Path], memory: Memory) -> tuple[str, ...]:
    return preview(load_config(site / "config.yaml"), [str(p) for p in changed], memory)


def served(site: Path) -> Memory:
    """The memory of a server process, prepared for previews."""
    memory = Memory()
    rebuild(site, memory=memory, prepare=True)
    assert memory.shown is not None
    return memory


def test_preparing_a_built_site_writes_nothing_not_even_the_record(site: Path):
    """A server started on a built site prepares its previews from what the last build
    recorded, without building the site model again (that would save a new record)."""
    config = load_config(site / "config.yaml")
    records = sorted(config.paths.cache.glob("*.pickle"))
    before = {p: p.stat().st_mtime_ns for p in records}, tree(site / "_site")
    memory = Memory()
    report = rebuild(site, memory=memory, prepare=True)
    assert (report.files, report.rendered, report.incremental) == (0, (), True)
    assert memory.shown is not None and memory.shown[0].pages == []
    assert ({p: p.stat().st_mtime_ns for p in records}, tree(site / "_site")) == before


def test_compiled_templates_are_kept_by_the_version_of_dossier_that_compiled_them(site: Path):
    folder = load_config(site / "config.yaml").paths.cache / "templates"
    made = [p.name for p in folder.iterdir()]
    assert len(made) == 1 and list((folder / made[0]).iterdir())   # the build compiled some
    config, memory = load_config(site / "config.yaml"), Memory()
    other_code = {"dossier/site.py": (1, 2)}
    _environment(config, memory, [BUILTIN_TEMPLATES], {"code": other_code})
    assert [p.name for p in folder.iterdir()] != made and len(list(folder.iterdir())) == 1


def test_preparing_reads_an_analysis_only_when_a_preview_needs_it(site: Path):
    memory = Memory()
    rebuild(site, memory=memory, prepare=True)
    assert memory.objects is not None and memory.objects.memory == {}
    edit_analysis_by_hand(site)
    assert previewed(site, [site / "content" / "analysis" / "chile-norway.yaml"], memory)
    (read,) = memory.objects.memory.values()            # the one the edit is compared with
    assert read[0].source.path.endswith("chile-norway.txt")


def _clear_objects(cache_folder: Path) -> None:
    shutil.rmtree(cache_folder / "objects")


def _drop_entries(cache_folder: Path) -> None:
    (cache_folder / cache.ENTRIES_NAME).unlink()


@pytest.mark.parametrize("lose", [_clear_objects, _drop_entries],
                         ids=["object store cleared", "entries lost"])
def test_preparing_without_what_the_build_recorded_builds_it(site: Path, tmp_path: Path, lose):
    """The preparation falls back to a whole build, and previews work after it as after any
    other."""
    lose(load_config(site / "config.yaml").paths.cache)
    memory = Memory()
    rebuild(site, memory=memory, prepare=True)
    assert memory.shown is not None
    edit_analysis_by_hand(site)
    url = "briefings/chile-norway.html"
    assert previewed(site, [site / "content" / "analysis" / "chile-norway.yaml"],
                     memory) == (url,)
    page = (site / "_site" / url).read_bytes()
    rebuild(site, memory=memory)
    assert (site / "_site" / url).read_bytes() == page
    assert_same_as_clean_build(site, tmp_path / "clean")


@pytest.mark.parametrize("change, changed, url", [
    (edit_analysis_by_hand, "analysis/chile-norway.yaml", "briefings/chile-norway.html"),
    (edit_article_with_extracted_analysis, "articles/plain-two.txt", "briefings/plain-two.html"),
    (edit_article_with_reviewed_analysis, "articles/japan-norway.txt",
     "briefings/japan-norway.html"),
], ids=["analysis", "extracted article", "reviewed article"])
def test_a_preview_writes_the_edited_briefing_as_the_build_after_it_will(
        site: Path, tmp_path: Path, change, changed: str, url: str):
    memory = served(site)
    change(site)
    assert previewed(site, [site / "content" / changed], memory) == (url,)
    page = (site / "_site" / url).read_bytes()
    written = {p.name for p in (site / "content" / "analysis").iterdir()}
    report = rebuild(site, memory=memory)
    assert (site / "_site" / url).read_bytes() == page
    assert url in report.rendered                       # the build still renders it
    assert_same_as_clean_build(site, tmp_path / "clean")
    assert written <= {p.name for p in (site / "content" / "analysis").iterdir()}


def test_a_preview_shows_the_edit(site: Path):
    memory = served(site)
    edit_analysis_by_hand(site)
    previewed(site, [site / "content" / "analysis" / "chile-norway.yaml"], memory)
    page = (site / "_site" / "briefings" / "chile-norway.html").read_text()
    assert "Minister of Foreign Affairs" in page and "Foreign Minister" not in page


def test_a_preview_writes_nothing_to_the_content_folder(site: Path):
    memory = served(site)
    edit_article_with_extracted_analysis(site)
    analysis = site / "content" / "analysis" / "plain-two.yaml"
    before = analysis.read_bytes()
    previewed(site, [site / "content" / "articles" / "plain-two.txt"], memory)
    assert analysis.read_bytes() == before                  # the build syncs it, not the preview


def _broken_yaml(site: Path) -> None:
    edit_yaml(site, "chile-norway", "role: Foreign Minister", "role: [Foreign")


@pytest.mark.parametrize("change, changed", [
    (rename_a_person, "content/analysis/japan-ghana.yaml"),      # names another person
    (add_an_article, "content/articles/ghana-norway.txt"),       # a new file
    (delete_an_article, "content/articles/japan-ghana.txt"),     # a deleted one
    (edit_a_template, "templates/base.html"),                    # another kind of input
    (change_the_title, "config.yaml"),
    (_broken_yaml, "content/analysis/chile-norway.yaml"),        # the build reports it
], ids=lambda v: getattr(v, "__name__", v))
def test_a_preview_declines_what_only_the_whole_build_can_tell(site: Path, change, changed):
    memory = served(site)
    change(site)
    before = tree(site / "_site")
    assert previewed(site, [site / changed], memory) == ()
    assert tree(site / "_site") == before


def test_a_preview_that_cannot_render_writes_nothing(site: Path, tmp_path: Path):
    memory = served(site)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "briefing.html").write_text("{{ no_such_thing.title }}")
    memory.env = (memory.env[0], make_env([broken, BUILTIN_TEMPLATES]))
    edit_analysis_by_hand(site)
    before = tree(site / "_site")
    assert previewed(site, [site / "content" / "analysis" / "chile-norway.yaml"], memory) == ()
    assert tree(site / "_site") == before


def test_no_preview_before_a_build_in_this_process_or_after_a_failed_one(site: Path):
    changed = [site / "content" / "analysis" / "chile-norway.yaml"]
    memory = Memory()
    assert previewed(site, changed, memory) == ()
    assert rebuild(site, memory=memory).files == 0      # nothing changed: no model was made
    assert memory.shown is None and previewed(site, changed, memory) == ()
    memory = served(site)
    _broken_yaml(site)
    with pytest.raises(BuildFailed):
        rebuild(site, memory=memory)
    edit_yaml(site, "chile-norway", "role: [Foreign", "role: Minister of Foreign Affairs")
    assert previewed(site, changed, memory) == ()
