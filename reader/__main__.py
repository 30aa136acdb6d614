"""``python -m reader``: the command line (and, with no command, the app)."""

from reader.cli import entry

if __name__ == "__main__":
    entry()
