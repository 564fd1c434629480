from .mixins import SocialMetaMixin
from .pages import FormField, FormPage, HomePage, SectionPage, StandardPage
from .search import SearchEntry, SearchFacetValue, SearchRebuild, SearchTerm
from .settings import FooterText, SiteSettings

__all__ = [
    "FooterText",
    "FormField",
    "FormPage",
    "HomePage",
    "SearchEntry",
    "SearchFacetValue",
    "SearchRebuild",
    "SearchTerm",
    "SectionPage",
    "SiteSettings",
    "SocialMetaMixin",
    "StandardPage",
]
