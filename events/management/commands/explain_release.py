"""Explain, sentence by sentence, how the events of one release file were extracted."""

from django.core.management.base import BaseCommand, CommandError

from events.extraction import ReleaseError, extract_release, read_release_file
from events.extraction.explain import Trace


class Command(BaseCommand):
    help = (
        "Print how the extractor reads a release file: each date found (pattern, span, value), each date "
        "dropped and why, the events each sentence states with the rules that dated and kinded them, "
        "the merges, and the events the release yields. Touches no table."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="Release files to explain.")
        parser.add_argument("--width", type=int, default=100, help="Cut quoted text to this many characters.")

    def handle(self, *args, files: list[str], width: int, **options):
        failed = 0
        for name in files:
            try:
                text = read_release_file(name)
                trace = Trace()
                release = extract_release(text, trace=trace)
            except ReleaseError as error:
                self.stderr.write(self.style.WARNING(f"{name}: {error}"))
                failed += 1
                continue
            published = release.published.isoformat() if release.published else "unknown"
            inferred = " (inferred)" if release.published_inferred else ""
            self.stdout.write(self.style.MIGRATE_HEADING(f"{name}: {release.title}"))
            self.stdout.write(f"published {published}{inferred}")
            self.stdout.write(trace.render(text, width))
        if failed == len(files):
            raise CommandError("No file could be read.")
