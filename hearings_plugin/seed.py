"""Demo content of the public hearings."""

from cms.seed import ensure_child_page, ensure_translations

from .models import HearingIndexPage

HEARINGS = {
    "ru": {
        "title": "Общественные обсуждения",
        "introduction": (
            "Проекты градостроительных решений Казани: читайте материалы и "
            "направляйте предложения и замечания в период обсуждения."
        ),
    },
    "tt": {
        "title": "Иҗтимагый фикер алышулар",
        "introduction": (
            "Казанның шәһәр төзелеше карарлары проектлары: материалларны укыгыз "
            "һәм фикер алышу чорында тәкъдимнәр һәм искәрмәләр җибәрегез."
        ),
    },
    "en": {
        "title": "Public hearings",
        "introduction": (
            "Kazan's urban development drafts: read the materials and submit "
            "proposals and remarks during the comment period."
        ),
    },
}


def seed_demo(home, stdout=None):
    """The hearings index page in three languages."""
    index = ensure_child_page(
        home, HearingIndexPage, "hearings", {**HEARINGS["ru"], "show_in_menus": True}
    )
    ensure_translations(index, {code: HEARINGS[code] for code in ("tt", "en")})
    if stdout:
        stdout.write("Public hearings: ready in ru, tt, en.")
    return index
