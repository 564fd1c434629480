from .archive import (
    ArchiveIndexPage,
    ArchiveViewCount,
    EventPerson,
    Recording,
    SubtitleTrack,
)
from .feedback import Question, QuestionVote, Wish, WishVote
from .pages import (
    EventPage,
    EventPageTag,
    EventPlatform,
    EventSession,
    InstitutionPage,
    OccurrenceChange,
    ProgrammeIndexPage,
)
from .registrations import Attendance, Registration
from .schedule import EventOccurrence
from .snippets import Audience, Domain, Venue

__all__ = [
    "Question",
    "QuestionVote",
    "Wish",
    "WishVote",
    "ArchiveIndexPage",
    "ArchiveViewCount",
    "EventPerson",
    "Recording",
    "SubtitleTrack",
    "Attendance",
    "EventOccurrence",
    "Registration",
    "Audience",
    "Domain",
    "EventPage",
    "EventPageTag",
    "EventPlatform",
    "EventSession",
    "InstitutionPage",
    "OccurrenceChange",
    "ProgrammeIndexPage",
    "Venue",
]
