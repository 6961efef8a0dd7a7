"""`python build.py [command]` is `dossier [command]`: see `python build.py --help`."""
from dossier.cli import run

if __name__ == "__main__":
    run()
