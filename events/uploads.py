"""Uploaded files are read in memory up to the release limit; nothing of a request is written to disk.

Django's default handlers keep a file in memory up to FILE_UPLOAD_MAX_MEMORY_SIZE and write a bigger
one to a temporary file in full, so a stranger's 100 MB POST (to any form, the login page included)
used to land in /tmp before any view could refuse it. This handler keeps only the first
MAX_RELEASE_BYTES + 1 bytes of each file, enough to read a release or to know it is too large, and
counts the rest without storing it: the view still sees the file's true size and reports
"too large (30.0 MB; at most 1.0 MB)". The request body as a whole is capped before it is read
(timeline_project.middleware.RequestBodyLimitMiddleware, and the proxy's client_max_body_size).
"""

from io import BytesIO

from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler

from events.extraction.release import MAX_RELEASE_BYTES

# One byte past the limit tells "exactly at the limit" from "over it".
KEPT_BYTES = MAX_RELEASE_BYTES + 1


class BoundedMemoryUploadHandler(FileUploadHandler):
    """Each uploaded file as an in-memory file of at most KEPT_BYTES, with its full size."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.kept = BytesIO()

    def receive_data_chunk(self, raw_data, start):
        room = KEPT_BYTES - self.kept.tell()
        if room > 0:
            self.kept.write(raw_data[:room])
        return None  # no other handler sees the data

    def file_complete(self, file_size):
        self.kept.seek(0)
        return InMemoryUploadedFile(
            file=self.kept,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=file_size,  # the whole file's size, counted by the parser
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )
