"""config.yaml → Config: defaults, paths relative to the config, every problem reported at once."""
from __future__ import annotations

from pathlib import Path

import pytest

from dossier.config import OPTIONS, default_config_text, load_config
from dossier.errors import BuildFailed, ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_and_paths_relative_to_the_config_folder(tmp_path):
    config = load_config(write(tmp_path, "title: Visits\n"))
    assert config.title == "Visits"
    assert config.per_page == 50
    assert config.base_url == ""
    assert config.paths.root == tmp_path
    assert config.paths.articles == tmp_path / "content" / "articles"
    assert config.paths.output == tmp_path / "_site"


def test_an_empty_config_is_all_defaults(tmp_path):
    config = load_config(write(tmp_path, ""))
    assert config.title == "Dossier"
    assert config.language == "en"


def test_base_url_gets_a_trailing_slash(tmp_path):
    assert load_config(write(tmp_path, "base_url: https://example.org/b\n")).base_url == \
        "https://example.org/b/"


def test_lexicon_additions_are_read(tmp_path):
    config = load_config(write(tmp_path, "lexicon:\n  titles: [Chief Minister]\n"
                                         "  countries: {Pak: Pakistan}\n"
                                         "  topics: {Fisheries: [fish, trawler]}\n"))
    assert config.lexicon.titles == ("Chief Minister",)
    assert config.lexicon.countries == (("Pak", "Pakistan"),)
    assert config.lexicon.topics == (("Fisheries", ("fish", "trawler")),)


def test_every_problem_is_reported_with_line_and_key(tmp_path):
    path = write(tmp_path, "titel: Visits\nper_page: many\nbase_url: example.org\n"
                           "paths:\n  output: 5\n  artcles: x\nlanguage: en\n")
    with pytest.raises(BuildFailed) as caught:
        load_config(path)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:1: key 'titel': unknown setting; did you mean 'title'?",
        f"{path}:6: key 'paths.artcles': unknown setting; did you mean 'paths.articles'?",
        f"{path}:3: key 'base_url': expected an absolute URL starting with http:// or https://, "
        "or an empty string; found 'example.org'",
        f"{path}:2: key 'per_page': expected a whole number, found 'many'",
        f"{path}:5: key 'paths.output': expected text, found 5",
    ]


def test_a_config_that_is_not_a_mapping(tmp_path):
    path = write(tmp_path, "- a\n- b\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value) == (f"{path}:1: expected a mapping of settings (key: value), "
                                 "found a list")


def test_a_missing_config_says_how_to_make_one(tmp_path):
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "config.yaml")
    assert str(caught.value) == (f"{tmp_path / 'config.yaml'}: no config file here; create one "
                                 f"with 'dossier new {tmp_path}' or pass --config PATH")


def test_malformed_yaml_names_the_line(tmp_path):
    path = write(tmp_path, "title: A\npaths:\n  output: [x\n")
    with pytest.raises(ConfigError, match=r"config.yaml:4: invalid YAML"):
        load_config(path)


def test_the_scaffolded_config_documents_every_option_and_loads(tmp_path):
    text = default_config_text()
    for option in OPTIONS:
        assert option.help in text
    config = load_config(write(tmp_path, text))
    assert config.title == "Dossier"
