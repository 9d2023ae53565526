"""Release parsing and event extraction: plain Python, no Django.

`extract_release(text)` is the entry point: it reads the headline, dateline and body of one
release and returns the dated events found in it, each with verbatim evidence and offsets.
"""

from events.extraction.events import extract_release
from events.extraction.model import ExtractedEvent, ExtractedRelease, ReleaseError
from events.extraction.release import read_release_file

__all__ = ["ExtractedEvent", "ExtractedRelease", "ReleaseError", "extract_release", "read_release_file"]
