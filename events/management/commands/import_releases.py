"""Import press release files (or folders of them) into the timeline."""

import json

from django.core.management.base import BaseCommand, CommandError

from events.importers import dry_run, import_paths


class Command(BaseCommand):
    help = (
        "Import release files or folders: store each release, the events extracted from it and "
        "their evidence. Re-importing unchanged files changes nothing; editor changes are kept. "
        "With --dry-run --format json, print the extraction as JSON and touch no table."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Release files or folders holding them.")
        parser.add_argument("--publish", action="store_true", help="Publish new events at once instead of drafts.")
        parser.add_argument("--dry-run", action="store_true", help="Extract only; write nothing to the database.")
        parser.add_argument("--format", choices=["text", "json"], default="text", help="Output format.")

    def handle(self, *args, paths, publish, dry_run: bool, format: str, verbosity: int, **options):
        if format == "json" and not dry_run:
            raise CommandError("--format json is only available with --dry-run.")
        if dry_run:
            return self.report_dry_run(paths, format)
        result = import_paths(paths, publish=publish, progress=self.progress if verbosity >= 1 else None)
        if not result.files:
            raise CommandError("No release files found in the given paths.")
        for failure in result.failed:
            self.stderr.write(self.style.WARNING(f"{failure.name}: {failure.error}"))
        if verbosity >= 1:
            for file in result.files:
                for note in file.kept:
                    self.stdout.write(self.style.WARNING(f"{file.name}: {note}"))
        nothing = all(f.status == "unchanged" for f in result.files)
        message = result.summary() + (" (nothing changed)" if nothing else "")
        if len(result.failed) == len(result.files):
            raise CommandError(f"Every file failed. {message}")
        self.stdout.write(self.style.SUCCESS(message))

    def progress(self, index: int, total: int, file) -> None:
        if total >= 20 and (index % 50 == 0 or index == total):
            self.stdout.write(f"  {index}/{total} files")
        elif total < 20 and self.verbosity >= 2:
            self.stdout.write(f"  {file.name}: {file.status}")

    def execute(self, *args, **options):
        self.verbosity = options.get("verbosity", 1)
        return super().execute(*args, **options)

    def report_dry_run(self, paths, format: str) -> None:
        report = dry_run(paths)
        releases = report["releases"]
        if not releases:
            raise CommandError("No release files found in the given paths.")
        if format == "json":
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=1))
        else:
            for release in releases:
                self.stdout.write(f"{release['file']}: {release['published']} {release['title']}")
                for error in release["errors"]:
                    self.stdout.write(self.style.WARNING(f"  error: {error}"))
                for event in release["events"]:
                    end = f"/{event['end']}" if event["end"] else ""
                    self.stdout.write(f"  {event['start']}{end} {event['kind']}: {event['title']}")
        if all(release["errors"] for release in releases):
            raise CommandError("Every file failed.")
