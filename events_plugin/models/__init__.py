from .pages import (
    EventPage,
    EventPageTag,
    EventPlatform,
    EventSession,
    InstitutionPage,
    OccurrenceChange,
    ProgrammeIndexPage,
)
from .snippets import Audience, Domain, Venue

__all__ = [
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
