from .pages import ProgrammeIndexPage

__all__ = ["ProgrammeIndexPage"]
