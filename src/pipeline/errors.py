"""The pipeline's exception tree.

Every error the pipeline raises on purpose derives from :class:`PipelineError`;
third-party errors are wrapped at the boundary (``raise ... from exc``) so the
CLI needs to catch exactly one family. Each error names the thing it is about
(a URL, an article id, a config file and key)::

    PipelineError
    ├── ConfigError            bad settings, sources or glossary file (exit 2)
    ├── StoreError             the database cannot be opened or migrated
    ├── LockHeld               another run holds the lock (exit 75)
    ├── FetchError             a page could not be downloaded
    │   ├── HTTPStatusError    the server answered 4xx/5xx
    │   └── NotRecorded        replay mode: no recording for this URL
    ├── DiscoveryError         a source's index could not be read
    ├── ExtractionError        a page could not be parsed into an article
    ├── TranslationError       an engine failed, timed out or returned garbage
    ├── ReviewError            a review command named a missing article/segment
    └── PublishError           a publisher could not write an article

Outcomes that are not failures are kept apart, as in scrapy's ``DropItem``:
:class:`Skip` (and :class:`NotAnArticle`) is raised by a stage to say "this
item stops here, and that is fine"; the runner counts it and moves on.
"""

from __future__ import annotations


class PipelineError(Exception):
    """Root of every error the pipeline raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, subject: str | None = None) -> None:
        self.subject = subject
        super().__init__(f"{subject}: {message}" if subject else message)


class ConfigError(PipelineError):
    """A configuration file or value is missing or wrong."""

    exit_code = 2

    def __init__(self, message: str, *, file: str | None = None, key: str | None = None) -> None:
        self.file = file
        self.key = key
        where = ""
        if file:
            where = str(file)
            if key:
                where += f": {key}"
        super().__init__(message, subject=where or None)


class StoreError(PipelineError):
    """The article store cannot be opened, migrated or written."""


class LockHeld(PipelineError):
    """Another run holds the pipeline lock."""

    exit_code = 75


class FetchError(PipelineError):
    """A page could not be fetched."""

    def __init__(self, message: str, *, url: str) -> None:
        self.url = url
        super().__init__(message, subject=url)


class HTTPStatusError(FetchError):
    """The server answered with an error status."""

    def __init__(self, status: int, *, url: str) -> None:
        self.status = status
        super().__init__(f"HTTP {status}", url=url)


class NotRecorded(FetchError):
    """Replay mode was asked for a URL that has no recording."""


class DiscoveryError(PipelineError):
    """A source's index pages could not be read."""


class ExtractionError(PipelineError):
    """A page could not be turned into an article."""


class TranslationError(PipelineError):
    """A translation engine failed."""


class ReviewError(PipelineError):
    """A review command could not be carried out."""


class PublishError(PipelineError):
    """A publisher could not publish an article."""


class Skip(Exception):
    """A stage decided that an item stops here, and that is not a failure."""

    reason = "skipped"

    def __init__(self, detail: str = "", *, subject: str | None = None) -> None:
        self.detail = detail
        self.subject = subject
        super().__init__(f"{subject}: {detail}" if subject else detail)


class NotAnArticle(Skip):
    """The page is not an article (an index, an empty page, an error page)."""

    reason = "not_an_article"


class Duplicate(Skip):
    """The content is already in the store under another URL."""

    reason = "duplicate"
