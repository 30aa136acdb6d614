"""Versions that decide whether cached results are still valid (kept light to import)."""

#: Bump whenever cleaning output changes: cached articles of another version are
#: cleaned again.
CLEANER_VERSION = 15
