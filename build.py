"""`python build.py [command]` is `dossier [command]`: see `python build.py --help`."""
import sys

from dossier.cli import main

if __name__ == "__main__":
    sys.exit(main())
