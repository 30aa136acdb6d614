"""``python -m reader``: the command line (and, with no command, the app)."""

from reader.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
