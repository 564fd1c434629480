"""The site's own demo content in Russian, Tatar and English.

Plugins add theirs through the ``demo_seed`` of their manifests; the ``seed_demo``
command runs this first, then each plugin's seed.
"""

import uuid

from .models import (
    FooterText,
    FormField,
    FormPage,
    HomePage,
    SiteSettings,
    StandardPage,
)
from .seed import (
    ensure_child_page,
    ensure_home_page,
    ensure_locales,
    ensure_snippet,
    ensure_translations,
)


def _heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2", "anchor": ""}}


def _paragraph(html):
    return {"type": "paragraph", "value": html}


def _list(values):
    # ListBlock items in block format: wagtail-localize only translates those.
    return [
        {"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values
    ]


def _figures(items):
    return {
        "type": "key_figures",
        "value": {
            "figures": _list({"figure": f, "label": label} for f, label in items)
        },
    }


def _faq(items):
    return {
        "type": "accordion",
        "value": {"questions": _list({"question": q, "answer": a} for q, a in items)},
    }


def _quote(text, attribution):
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}


HOME = {
    "ru": {
        "title": "Казань: культура и общественные обсуждения",
        "hero_title": "Культура онлайн и решения о городе — в одном месте",
        "hero_text": (
            "Бесплатные концерты, лекции, курсы и экскурсии от учреждений культуры "
            "Казани, видеоархив всех прошедших событий и общественные обсуждения "
            "проектов, которые меняют город."
        ),
        "search_description": (
            "Программа бесплатных онлайн-событий учреждений культуры Казани и "
            "общественные обсуждения градостроительных проектов."
        ),
        "body": [
            _figures(
                [
                    ("400+", "бесплатных онлайн-событий за сезон"),
                    ("98 000", "участников программы «Культурная среда»"),
                    ("40+", "театров, музеев и оркестров"),
                    ("360+", "общественных обсуждений"),
                ]
            ),
            _heading("Как пользоваться сайтом"),
            _paragraph(
                "<p>Выберите раздел в меню: «Программа» — события культуры, "
                "«Общественные обсуждения» — проекты, по которым город ждёт ваших "
                "предложений. Кнопка «Версия для слабовидящих» вверху страницы "
                "увеличивает текст и делает его контрастнее.</p>"
            ),
        ],
    },
    "tt": {
        "title": "Казан: мәдәният һәм иҗтимагый фикер алышулар",
        "hero_title": "Онлайн мәдәният һәм шәһәр турында карарлар — бер урында",
        "hero_text": (
            "Казан мәдәният учреждениеләреннән бушлай концертлар, лекцияләр, "
            "курслар һәм экскурсияләр, үткән барлык чараларның видеоархивы һәм "
            "шәһәрне үзгәртә торган проектлар буенча иҗтимагый фикер алышулар."
        ),
        "search_description": (
            "Казан мәдәният учреждениеләренең бушлай онлайн-чаралар программасы "
            "һәм шәһәр төзелеше проектлары буенча иҗтимагый фикер алышулар."
        ),
        "body": [
            _figures(
                [
                    ("400+", "сезонга бушлай онлайн-чара"),
                    ("98 000", "«Мәдәни мохит» программасында катнашучы"),
                    ("40+", "театр, музей һәм оркестр"),
                    ("360+", "иҗтимагый фикер алышу"),
                ]
            ),
            _heading("Сайттан ничек файдаланырга"),
            _paragraph(
                "<p>Менюда бүлекне сайлагыз: «Программа» — мәдәни чаралар, "
                "«Иҗтимагый фикер алышулар» — шәһәр сезнең тәкъдимнәрегезне көткән "
                "проектлар. Бит өстендәге «Начар күрүчеләр өчен версия» төймәсе "
                "текстны зурайта һәм аны контрастлырак итә.</p>"
            ),
        ],
    },
    "en": {
        "title": "Kazan: culture and public hearings",
        "hero_title": "Culture online and decisions about the city, in one place",
        "hero_text": (
            "Free concerts, lectures, courses and tours from Kazan's cultural "
            "institutions, a video archive of every past event, and public hearings "
            "on the projects that change the city."
        ),
        "search_description": (
            "The programme of free online events of Kazan's cultural institutions "
            "and public hearings on urban development projects."
        ),
        "body": [
            _figures(
                [
                    ("400+", "free online events a season"),
                    ("98,000", "participants in the Cultural Environment programme"),
                    ("40+", "theatres, museums and orchestras"),
                    ("360+", "public hearings"),
                ]
            ),
            _heading("How to use the site"),
            _paragraph(
                "<p>Choose a section in the menu: “Programme” for cultural events, "
                "“Public hearings” for the projects on which the city awaits your "
                "proposals. The “Version for the visually impaired” button at the top "
                "of the page makes the text larger and the contrast higher.</p>"
            ),
        ],
    },
}

ABOUT = {
    "ru": {
        "title": "О платформе",
        "introduction": (
            "Открытая городская платформа Казани для культурной программы и "
            "общественных обсуждений на русском, татарском и английском языках."
        ),
        "body": [
            _heading("Культурная среда"),
            _paragraph(
                "<p>Управление культуры и более сорока учреждений — музыкальные "
                "школы, Национальная библиотека, дома культуры, театры и музеи — "
                "публикуют здесь трансляции, концерты, мастер-классы, лекции, курсы "
                "с записью, виртуальные экскурсии и интервью с руководителями "
                "городских управлений.</p>"
            ),
            _heading("Общественные обсуждения"),
            _paragraph(
                "<p>Город публикует проекты (Генеральный план, реконструкцию улиц, "
                "новые школы), а жители, подтвердившие личность через Госуслуги, "
                "направляют предложения и замечания в установленный законом срок. "
                "Организатор отвечает на каждое и публикует протокол и "
                "заключение.</p>"
            ),
            _quote(
                "Культура должна быть доступна каждому жителю — дома, в любое время "
                "и бесплатно.",
                "Управление культуры г. Казани",
            ),
            _heading("Частые вопросы"),
            _faq(
                [
                    (
                        "Нужно ли платить за участие?",
                        "<p>Нет. Все события программы бесплатны.</p>",
                    ),
                    (
                        "Как записаться на курс?",
                        "<p>Откройте страницу курса и нажмите «Записаться». "
                        "Для записи нужна учётная запись на сайте.</p>",
                    ),
                    (
                        "Кто может участвовать в общественных обсуждениях?",
                        "<p>Жители, подтвердившие личность через Госуслуги (ЕСИА). "
                        "Читать материалы может любой посетитель.</p>",
                    ),
                ]
            ),
        ],
    },
    "tt": {
        "title": "Платформа турында",
        "introduction": (
            "Казанның мәдәни программа һәм иҗтимагый фикер алышулар өчен рус, татар "
            "һәм инглиз телләрендәге ачык шәһәр платформасы."
        ),
        "body": [
            _heading("Мәдәни мохит"),
            _paragraph(
                "<p>Мәдәният идарәсе һәм кырыктан артык учреждение — музыка "
                "мәктәпләре, Милли китапханә, мәдәният йортлары, театрлар һәм "
                "музейлар — монда трансляцияләр, концертлар, мастер-класслар, "
                "лекцияләр, язылу белән курслар, виртуаль экскурсияләр һәм шәһәр "
                "идарәләре җитәкчеләре белән интервьюлар урнаштыра.</p>"
            ),
            _heading("Иҗтимагый фикер алышулар"),
            _paragraph(
                "<p>Шәһәр проектларны (Генераль план, урамнарны реконструкцияләү, "
                "яңа мәктәпләр) бастыра, ә шәхесләрен Дәүләт хезмәтләре аша "
                "раслаган кешеләр законда билгеләнгән вакытта тәкъдимнәр һәм "
                "искәрмәләр җибәрә. Оештыручы һәрберсенә җавап бирә һәм беркетмә "
                "белән бәяләмәне бастыра.</p>"
            ),
            _quote(
                "Мәдәният һәр кеше өчен — өйдә, теләсә кайсы вакытта һәм бушлай "
                "үтемле булырга тиеш.",
                "Казан шәһәре мәдәният идарәсе",
            ),
            _heading("Еш бирелә торган сораулар"),
            _faq(
                [
                    (
                        "Катнашу өчен түләргә кирәкме?",
                        "<p>Юк. Программадагы барлык чаралар да бушлай.</p>",
                    ),
                    (
                        "Курска ничек язылырга?",
                        "<p>Курс битен ачыгыз һәм «Язылу» төймәсенә басыгыз. "
                        "Язылу өчен сайтта исәп язмасы кирәк.</p>",
                    ),
                    (
                        "Иҗтимагый фикер алышуларда кем катнаша ала?",
                        "<p>Шәхесләрен Дәүләт хезмәтләре (ЕСИА) аша раслаган "
                        "кешеләр. Материалларны теләсә кайсы кеше укый ала.</p>",
                    ),
                ]
            ),
        ],
    },
    "en": {
        "title": "About the platform",
        "introduction": (
            "Kazan's open city platform for the cultural programme and public "
            "hearings, in Russian, Tatar and English."
        ),
        "body": [
            _heading("Cultural Environment"),
            _paragraph(
                "<p>The culture department and more than forty institutions — music "
                "schools, the National Library, community centres, theatres and "
                "museums — publish livestreams, concerts, masterclasses, lectures, "
                "courses with registration, virtual tours and interviews with the "
                "heads of city departments here.</p>"
            ),
            _heading("Public hearings"),
            _paragraph(
                "<p>The city publishes its drafts (the General Plan, street "
                "reconstructions, new schools), and residents who have confirmed "
                "their identity through Gosuslugi submit proposals and remarks within "
                "the period the law sets. The organiser answers each one and "
                "publishes the protocol and the conclusion.</p>"
            ),
            _quote(
                "Culture must be open to every resident: at home, at any time and "
                "free of charge.",
                "Culture Department of the City of Kazan",
            ),
            _heading("Frequently asked questions"),
            _faq(
                [
                    (
                        "Do I have to pay to take part?",
                        "<p>No. Every event of the programme is free.</p>",
                    ),
                    (
                        "How do I register for a course?",
                        "<p>Open the course page and press “Register”. You need an "
                        "account on the site to register.</p>",
                    ),
                    (
                        "Who can take part in public hearings?",
                        "<p>Residents who have confirmed their identity through "
                        "Gosuslugi (ESIA). Anyone can read the materials.</p>",
                    ),
                ]
            ),
        ],
    },
}

CONTACTS = {
    "ru": {
        "title": "Контакты",
        "introduction": (
            "Как связаться с управлением культуры и организаторами обсуждений."
        ),
        "body": [
            _heading("Управление культуры г. Казани"),
            _paragraph(
                "<p>420015, Казань, ул. Пушкина, д. 66/33.<br/>"
                "Приём: понедельник — пятница, с 9:00 до 18:00.</p>"
            ),
            _heading("Поддержка сайта"),
            _paragraph(
                "<p>Если что-то не работает, напишите нам через форму обратной "
                "связи: мы отвечаем в течение двух рабочих дней.</p>"
            ),
        ],
    },
    "tt": {
        "title": "Элемтә",
        "introduction": (
            "Мәдәният идарәсе һәм фикер алышуларны оештыручылар белән ничек "
            "элемтәгә керергә."
        ),
        "body": [
            _heading("Казан шәһәре мәдәният идарәсе"),
            _paragraph(
                "<p>420015, Казан, Пушкин ур., 66/33 йорт.<br/>"
                "Кабул итү: дүшәмбе — җомга, 9:00 дән 18:00 гә кадәр.</p>"
            ),
            _heading("Сайтка ярдәм"),
            _paragraph(
                "<p>Берәр нәрсә эшләмәсә, безгә кире элемтә формасы аша языгыз: "
                "без ике эш көне эчендә җавап бирәбез.</p>"
            ),
        ],
    },
    "en": {
        "title": "Contacts",
        "introduction": (
            "How to reach the culture department and the hearing organisers."
        ),
        "body": [
            _heading("Culture Department of the City of Kazan"),
            _paragraph(
                "<p>66/33 Pushkin Street, Kazan, 420015.<br/>"
                "Open Monday to Friday, 9:00 to 18:00.</p>"
            ),
            _heading("Site support"),
            _paragraph(
                "<p>If something does not work, write to us through the feedback "
                "form: we answer within two working days.</p>"
            ),
        ],
    },
}

FEEDBACK = {
    "ru": {
        "title": "Обратная связь",
        "introduction": (
            "<p>Задайте вопрос, сообщите об ошибке или предложите идею. Мы ответим "
            "на указанный адрес электронной почты.</p>"
        ),
        "thank_you_text": (
            "<p>Спасибо! Ваше сообщение получено. Мы ответим в течение двух "
            "рабочих дней.</p>"
        ),
        "subject": "Сообщение с сайта",
        "fields": [
            ("Ваше имя", "singleline", True, "", ""),
            ("Электронная почта", "email", True, "", "Сюда придёт ответ."),
            (
                "Тема",
                "dropdown",
                True,
                "Программа событий\nОбщественные обсуждения\nОшибка на сайте\nДругое",
                "",
            ),
            ("Сообщение", "multiline", True, "", ""),
            (
                "Я согласен на обработку персональных данных для ответа на сообщение",
                "checkbox",
                True,
                "",
                "",
            ),
        ],
    },
    "tt": {
        "title": "Кире элемтә",
        "introduction": (
            "<p>Сорау бирегез, хата турында хәбәр итегез яки идея тәкъдим итегез. "
            "Без күрсәтелгән электрон почта адресына җавап бирербез.</p>"
        ),
        "thank_you_text": (
            "<p>Рәхмәт! Сезнең хәбәр кабул ителде. Без ике эш көне эчендә "
            "җавап бирербез.</p>"
        ),
        "subject": "Сайттан хәбәр",
        "fields": [
            ("Исемегез", "singleline", True, "", ""),
            ("Электрон почта", "email", True, "", "Җавап шушында киләчәк."),
            (
                "Тема",
                "dropdown",
                True,
                "Чаралар программасы\nИҗтимагый фикер алышулар\nСайттагы хата\nБашка",
                "",
            ),
            ("Хәбәр", "multiline", True, "", ""),
            (
                "Хәбәргә җавап бирү өчен шәхси мәгълүматларны эшкәртүгә ризалык бирәм",
                "checkbox",
                True,
                "",
                "",
            ),
        ],
    },
    "en": {
        "title": "Feedback",
        "introduction": (
            "<p>Ask a question, report a problem or suggest an idea. We will answer "
            "to the email address you give.</p>"
        ),
        "thank_you_text": (
            "<p>Thank you! Your message has been received. We will answer within two "
            "working days.</p>"
        ),
        "subject": "Message from the site",
        "fields": [
            ("Your name", "singleline", True, "", ""),
            ("Email", "email", True, "", "The answer will come here."),
            (
                "Topic",
                "dropdown",
                True,
                "Event programme\nPublic hearings\nA problem with the site\nOther",
                "",
            ),
            ("Message", "multiline", True, "", ""),
            (
                "I agree to the processing of my personal data to answer this message",
                "checkbox",
                True,
                "",
                "",
            ),
        ],
    },
}

FOOTER = {
    "ru": {
        "address": "Управление культуры г. Казани\n420015, Казань, ул. Пушкина, 66/33",
        "body": "<p>Все события программы бесплатны.</p>",
    },
    "tt": {
        "address": "Казан шәһәре мәдәният идарәсе\n420015, Казан, Пушкин ур., 66/33",
        "body": "<p>Программадагы барлык чаралар да бушлай.</p>",
    },
    "en": {
        "address": (
            "Culture Department of the City of Kazan\n"
            "66/33 Pushkin Street, Kazan, 420015"
        ),
        "body": "<p>Every event of the programme is free.</p>",
    },
}


# Answers are stored under these keys, the same in every language.
FEEDBACK_FIELD_NAMES = ("name", "email", "topic", "message", "consent")


def _form_fields(content):
    return [
        FormField(
            sort_order=index,
            clean_name=FEEDBACK_FIELD_NAMES[index],
            label=label,
            field_type=field_type,
            required=required,
            choices=choices,
            help_text=help_text,
        )
        for index, (label, field_type, required, choices, help_text) in enumerate(
            content["fields"]
        )
    ]


def _form_page_fields(content):
    return {
        "title": content["title"],
        "introduction": content["introduction"],
        "thank_you_text": content["thank_you_text"],
        "subject": content["subject"],
        "form_fields": _form_fields(content),
    }


def seed_home(stdout=None):
    """The home page in three languages, root of the default site; returns it."""
    ensure_locales()
    home = ensure_home_page(HomePage, "home", HOME["ru"])
    ensure_translations(home, {code: HOME[code] for code in ("tt", "en")})
    return home


def seed_site(home, stdout=None):
    """About, contacts, feedback form, footer and settings, after the plugins' pages."""
    about = ensure_child_page(
        home, StandardPage, "about", {**ABOUT["ru"], "show_in_menus": True}
    )
    ensure_translations(about, {code: ABOUT[code] for code in ("tt", "en")})

    contacts = ensure_child_page(
        home, StandardPage, "contacts", {**CONTACTS["ru"], "show_in_menus": True}
    )
    ensure_translations(contacts, {code: CONTACTS[code] for code in ("tt", "en")})

    feedback_ru = _form_page_fields(FEEDBACK["ru"])
    form_fields = feedback_ru.pop("form_fields")
    feedback = ensure_child_page(
        home,
        FormPage,
        "feedback",
        {
            **feedback_ru,
            "show_in_menus": True,
            "to_address": "support@culture.kzn.ru",
            "from_address": "noreply@culture.kzn.ru",
        },
        children={"form_fields": form_fields},
    )
    ensure_translations(
        feedback, {code: _form_page_fields(FEEDBACK[code]) for code in ("tt", "en")}
    )

    footer = ensure_snippet(FooterText, {}, FOOTER["ru"])
    ensure_translations(footer, {code: FOOTER[code] for code in ("tt", "en")})

    site_settings = SiteSettings.for_site(home.get_site())
    if not site_settings.phone:
        site_settings.phone = "+7 (843) 299-08-18"
        site_settings.email = "culture@kzn.ru"
        site_settings.vk_url = "https://vk.com/kazanculture"
        site_settings.telegram_url = "https://t.me/kazanculture"
        site_settings.youtube_url = "https://www.youtube.com/@kazanculture"
        site_settings.rutube_url = "https://rutube.ru/channel/kazanculture/"
        site_settings.save()
    if stdout:
        stdout.write("Site pages, footer and settings: ready in ru, tt, en.")
