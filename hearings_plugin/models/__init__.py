from .pages import HearingIndexPage

__all__ = ["HearingIndexPage"]
