"""Every edit and query the window can make, and the types they speak.

The window (gui/) reaches the core only through this package and ``models``' public
names: the service for edits and reads, ``OpenDocument`` for the document on screen,
``DocumentListing`` for the document list, ``Corpus`` for import and export jobs,
``TeamIndex`` for a team database's annotators and versions.
"""

from models.io.exporters import ExportOptions, ExportReport
from models.io.exporters.outgoing import noise_of
from models.io.importers import ImportReport
from models.service.annotation import AnnotationService
from models.service.context import EditError, shorten
from models.service.corpus import FORMATS, Corpus, JobError, export_suffix
from models.service.history import SpanEdit
from models.service.listing import DocumentListing, Filter, ListingReader
from models.service.open_document import OpenDocument
from models.service.review import ReviewDiff, SpanDiff, review_diff
from models.service.team import TeamIndex, VersionInfo
from models.store.rows import DocumentSummary

__all__ = [
    "FORMATS",
    "AnnotationService",
    "Corpus",
    "DocumentListing",
    "DocumentSummary",
    "EditError",
    "ExportOptions",
    "ExportReport",
    "Filter",
    "ImportReport",
    "JobError",
    "ListingReader",
    "OpenDocument",
    "ReviewDiff",
    "SpanDiff",
    "SpanEdit",
    "TeamIndex",
    "VersionInfo",
    "export_suffix",
    "noise_of",
    "review_diff",
    "shorten",
]
