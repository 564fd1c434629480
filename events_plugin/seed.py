"""Demo content of the cultural programme."""

from cms.seed import ensure_child_page, ensure_translations

from .models import ProgrammeIndexPage

PROGRAMME = {
    "ru": {
        "title": "Программа",
        "introduction": (
            "Бесплатные онлайн-события учреждений культуры Казани: трансляции, "
            "концерты, мастер-классы, лекции, курсы, виртуальные экскурсии."
        ),
    },
    "tt": {
        "title": "Программа",
        "introduction": (
            "Казан мәдәният учреждениеләренең бушлай онлайн-чаралары: "
            "трансляцияләр, концертлар, мастер-класслар, лекцияләр, курслар, "
            "виртуаль экскурсияләр."
        ),
    },
    "en": {
        "title": "Programme",
        "introduction": (
            "Free online events of Kazan's cultural institutions: livestreams, "
            "concerts, masterclasses, lectures, courses and virtual tours."
        ),
    },
}


def seed_demo(home, stdout=None):
    """The programme guide page in three languages."""
    index = ensure_child_page(
        home,
        ProgrammeIndexPage,
        "programme",
        {**PROGRAMME["ru"], "show_in_menus": True},
    )
    ensure_translations(index, {code: PROGRAMME[code] for code in ("tt", "en")})
    if stdout:
        stdout.write("Programme: ready in ru, tt, en.")
    return index
