"""`dossier new DIR`: a working site to start from (config, an example article, override folders)."""
from __future__ import annotations

import shutil
from pathlib import Path

from .config import CONFIG_NAME, default_config_text
from .errors import DossierError

SKELETON = Path(__file__).resolve().parent / "skeleton"

_README_TEMPLATES = """\
Put a template here to override the built-in one with the same name, e.g. copy the built-in
`base.html` here and edit it. Templates not found here come from Dossier's own templates/.
"""
_README_STATIC = """\
Files here are copied to the site's assets/ folder; a file with the same name as a built-in
one (e.g. style.css) replaces it.
"""


def scaffold(target: Path) -> list[str]:
    """Create a new site in ``target``; refuse to touch a folder that already has files."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise DossierError("the folder is not empty; choose a new folder for the site",
                           path=target)
    (target / "content" / "analysis").mkdir(parents=True, exist_ok=True)
    shutil.copytree(SKELETON / "content", target / "content", dirs_exist_ok=True)
    (target / CONFIG_NAME).write_text(default_config_text(), encoding="utf-8")
    for folder, readme in (("templates", _README_TEMPLATES), ("static", _README_STATIC)):
        (target / folder).mkdir()
        (target / folder / "README.txt").write_text(readme, encoding="utf-8")
    return [CONFIG_NAME, "content/articles/", "content/analysis/", "templates/", "static/"]
