from .mixins import SocialMetaMixin
from .pages import FormField, FormPage, HomePage, SectionPage, StandardPage
from .settings import FooterText, SiteSettings

__all__ = [
    "FooterText",
    "FormField",
    "FormPage",
    "HomePage",
    "SectionPage",
    "SiteSettings",
    "SocialMetaMixin",
    "StandardPage",
]
