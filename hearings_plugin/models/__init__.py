from .pages import (
    HearingDocument,
    HearingIndexPage,
    HearingPage,
    HearingRelatedPage,
    Topic,
)
from .procedure import NOTICE_PERIOD, CommentPeriodChange, HearingProcedure, Stage
from .results import HearingFollow, HearingResult, TopicProposal
from .submissions import AnswerTemplate, District, Submission

__all__ = [
    "NOTICE_PERIOD",
    "AnswerTemplate",
    "CommentPeriodChange",
    "District",
    "HearingDocument",
    "HearingFollow",
    "HearingIndexPage",
    "HearingPage",
    "HearingProcedure",
    "HearingRelatedPage",
    "HearingResult",
    "Stage",
    "Submission",
    "Topic",
    "TopicProposal",
]
