"""Reader: read and annotate a corpus of saved web articles."""

__version__ = "0.1.0"
