"""The demo's video archive: recordings, people and subtitles of events that took place.

Every demo event whose dates are over gets a recording on YouTube, VK Video or
Rutube with chapters and people written in each language; most get WebVTT
subtitles in Russian, Tatar and English. A handful of events have hand-written
transcripts (``TRANSCRIPTS``); the others get shorter lines made from their type
and subject. Courses get one recording per lesson held. ``PAST_EVENTS`` are events
of earlier seasons, so the archive spans more than the current one. Nothing here
touches the database: ``archive_children()`` gives unsaved child objects per
language, which the programme seed stores with each event and its translations.
"""

import datetime
import hashlib
from dataclasses import dataclass

from . import demo_season, recordings

LANGUAGES = ("ru", "tt", "en")

ARCHIVE = {
    "ru": {
        "title": "Видеоархив",
        "introduction": (
            "Записи прошедших лекций, концертов, спектаклей, экскурсий и занятий "
            "учреждений культуры Казани — с субтитрами на русском, татарском и "
            "английском языках."
        ),
    },
    "tt": {
        "title": "Видеоархив",
        "introduction": (
            "Казан мәдәният учреждениеләренең узган лекцияләре, концертлары, "
            "спектакльләре, экскурсияләре һәм дәресләре язмалары — рус, татар һәм "
            "инглиз телләрендә субтитрлар белән."
        ),
    },
    "en": {
        "title": "Video archive",
        "introduction": (
            "Recordings of past lectures, concerts, performances, tours and classes "
            "of Kazan's cultural institutions, with subtitles in Russian, Tatar and "
            "English."
        ),
    },
}

# Events of earlier seasons, written like ``demo_content.EVENTS``.
PAST_EVENTS = [
    {
        "slug": "tukay-poetry-lecture",
        "institution": "national-library",
        "type": "lecture",
        "domain": "literature",
        "language": "ru_tt",
        "audiences": ["youth", "adults", "seniors"],
        "registration": False,
        "capacity": None,
        "start": (-200, 18, 30),
        "minutes": 90,
        "rule": "",
        "changes": [],
        "platforms": [("vk_video", "https://vkvideo.ru/video-100000000_456239101")],
        "ru": (
            "Лекция: поэзия Габдуллы Тукая",
            "Литературовед рассказывает о стихах Тукая, его детстве и Казани "
            "начала двадцатого века.",
        ),
        "tt": (
            "Лекция: Габдулла Тукай шигърияте",
            "Әдәбият белгече Тукай шигырьләре, аның балачагы һәм егерменче гасыр "
            "башы Казаны турында сөйли.",
        ),
        "en": (
            "Lecture: the poetry of Gabdulla Tukay",
            "A literary scholar on Tukay's poems, his childhood and Kazan at the "
            "start of the twentieth century.",
        ),
    },
    {
        "slug": "symphony-orchestra-season-opening",
        "institution": "symphony-orchestra",
        "type": "concert",
        "domain": "music",
        "language": "none",
        "audiences": ["children", "youth", "adults", "seniors"],
        "registration": False,
        "capacity": None,
        "start": (-150, 19, 0),
        "minutes": 120,
        "rule": "",
        "changes": [],
        "platforms": [("youtube", "https://www.youtube.com/watch?v=Kz7sFq2LmB0")],
        "ru": (
            "Открытие сезона: Государственный симфонический оркестр Татарстана",
            "Сайдашев, Яруллин и Чайковский в первом концерте нового сезона.",
        ),
        "tt": (
            "Сезонны ачу: Татарстанның Дәүләт симфоник оркестры",
            "Яңа сезонның беренче концертында Сәйдәшев, Яруллин һәм Чайковский.",
        ),
        "en": (
            "Season opening: the Tatar State Symphony Orchestra",
            "Saydashev, Yarullin and Tchaikovsky in the first concert of the "
            "new season.",
        ),
    },
    {
        "slug": "tatar-theatre-history-lecture",
        "institution": "kamal-theatre",
        "type": "lecture",
        "domain": "theatre",
        "language": "tt",
        "audiences": ["youth", "adults", "seniors"],
        "registration": False,
        "capacity": None,
        "start": (-400, 18, 0),
        "minutes": 75,
        "rule": "",
        "changes": [],
        "platforms": [
            ("rutube", "https://rutube.ru/video/5c1f0e9a7b3d4e2f8a6b0c1d2e3f4a5b/")
        ],
        "ru": (
            "Лекция: сто лет татарского театра",
            "Как родился татарский театр, кто играл на первых спектаклях и что "
            "идёт на сценах Казани сегодня.",
        ),
        "tt": (
            "Лекция: татар театрының йөз елы",
            "Татар театры ничек туган, беренче спектакльләрдә кемнәр уйнаган һәм "
            "бүген Казан сәхнәләрендә нәрсә бара.",
        ),
        "en": (
            "Lecture: a hundred years of Tatar theatre",
            "How Tatar theatre was born, who played in the first performances and "
            "what is on Kazan's stages today.",
        ),
    },
    {
        "slug": "video-calls-course-for-seniors",
        "institution": "district-library",
        "type": "course",
        "domain": "digital",
        "language": "ru",
        "audiences": ["seniors"],
        "registration": True,
        "capacity": 15,
        "start": (-120, 11, 0),
        "minutes": 60,
        "rule": "FREQ=WEEKLY;BYDAY=TU;COUNT=4",
        "changes": [],
        "platforms": [("zoom", "https://zoom.us/j/8123456789"), ("in_person", "")],
        "ru": (
            "Курс для старшего поколения: видеозвонки родным",
            "Четыре занятия: смартфон, мессенджеры, видеозвонок внукам и "
            "безопасность в интернете.",
        ),
        "tt": (
            "Өлкән буын өчен курс: туганнарга видеоэлемтә",
            "Дүрт дәрес: смартфон, мессенджерлар, оныкларга видеоэлемтә һәм "
            "интернетта куркынычсызлык.",
        ),
        "en": (
            "Course for older people: video calls with family",
            "Four classes: the smartphone, messengers, a video call to the "
            "grandchildren and staying safe online.",
        ),
    },
]

LECTURER = "lecturer"
PERFORMER = "performer"
HOST = "host"
GUEST = "guest"

# Names as each language writes them: Tatar spelling in Tatar, Latin in English.
PEOPLE = (
    ("Рамиль Хасанов", "Рамил Хәсәнов", "Ramil Khasanov"),
    ("Гульнара Сафина", "Гөлнара Сафина", "Gulnara Safina"),
    ("Ильдар Галиев", "Илдар Галиев", "Ildar Galiev"),
    ("Альбина Нуриева", "Әлбинә Нуриева", "Albina Nurieva"),
    ("Марат Зарипов", "Марат Зарипов", "Marat Zaripov"),
    ("Лейсан Миннуллина", "Ләйсән Миңнуллина", "Leysan Minnullina"),
    ("Рустам Ахметов", "Рөстәм Әхмәтов", "Rustam Akhmetov"),
    ("Чулпан Габдрахманова", "Чулпан Габдрахманова", "Chulpan Gabdrakhmanova"),
    ("Елена Смирнова", "Елена Смирнова", "Elena Smirnova"),
    ("Айдар Фаизов", "Айдар Фаизов", "Aydar Faizov"),
    ("Зульфия Шарипова", "Зөлфия Шәрипова", "Zulfiya Sharipova"),
    ("Тимур Сабиров", "Тимур Сабиров", "Timur Sabirov"),
    ("Резеда Ибрагимова", "Резеда Ибраһимова", "Rezeda Ibragimova"),
    ("Булат Мухаметзянов", "Булат Мөхәммәтҗанов", "Bulat Mukhametzyanov"),
)

# Who appears in an event of each type, before the host if there is one.
ROLES = {
    "lecture": (LECTURER,),
    "concert": (PERFORMER, PERFORMER, HOST),
    "livestream": (PERFORMER, PERFORMER),
    "masterclass": (LECTURER,),
    "virtual_tour": (LECTURER,),
    "film_screening": (GUEST, HOST),
    "exhibition": (LECTURER,),
    "course": (LECTURER,),
    "sports_class": (LECTURER,),
    "qa_interview": (GUEST, HOST),
}

# Titles of the three chapters of a recording of each type: (ru, tt, en).
CHAPTERS = {
    "lecture": (
        ("Вступление", "Кереш сүз", "Introduction"),
        ("Лекция", "Лекция", "The lecture"),
        ("Вопросы слушателей", "Тыңлаучыларның сораулары", "Questions"),
    ),
    "concert": (
        ("Приветствие", "Сәламләү", "Welcome"),
        ("Первое отделение", "Беренче бүлек", "First half"),
        ("Второе отделение", "Икенче бүлек", "Second half"),
    ),
    "livestream": (
        ("Перед началом", "Башланыр алдыннан", "Before the curtain"),
        ("Первое действие", "Беренче пәрдә", "Act one"),
        ("Второе действие", "Икенче пәрдә", "Act two"),
    ),
    "masterclass": (
        ("Материалы", "Материаллар", "Materials"),
        ("Показ приёмов", "Алымнарны күрсәтү", "Techniques"),
        ("Работаем вместе", "Бергә эшлибез", "Working together"),
    ),
    "virtual_tour": (
        ("У входа", "Керү урынында", "At the entrance"),
        ("Главные залы", "Төп заллар", "The main halls"),
        ("Вопросы экскурсоводу", "Экскурсоводка сораулар", "Questions for the guide"),
    ),
    "film_screening": (
        ("Вступительное слово", "Кереш сүз", "Introduction"),
        ("Показ", "Күрсәтү", "Screening"),
        ("Обсуждение", "Фикер алышу", "Discussion"),
    ),
    "exhibition": (
        ("Слово куратора", "Куратор сүзе", "The curator's introduction"),
        ("Экспонаты", "Экспонатлар", "The exhibits"),
        ("Вопросы", "Сораулар", "Questions"),
    ),
    "course": (
        ("Повторение", "Кабатлау", "Review"),
        ("Новая тема", "Яңа тема", "New topic"),
        ("Вопросы и задание", "Сораулар һәм бирем", "Questions and homework"),
    ),
    "sports_class": (
        ("Разминка", "Разминка", "Warm-up"),
        ("Основная часть", "Төп өлеш", "Main set"),
        ("Растяжка", "Сузылу күнегүләре", "Stretching"),
    ),
    "qa_interview": (
        ("Вступление", "Кереш сүз", "Introduction"),
        ("Вопросы жителей", "Халык сораулары", "Residents' questions"),
        ("Итоги", "Йомгак", "Summing up"),
    ),
}

# Lines of generated subtitles: an opening, two lines of the body and a closing.
LINES = {
    "lecture": {
        "ru": (
            "Добрый вечер, дорогие слушатели, начинаем нашу лекцию.",
            "Посмотрим на старые фотографии, карты и письма из городских архивов.",
            "Многие документы хранятся в библиотеках и музеях Казани.",
            "Спасибо за вопросы! Записи лекций остаются в нашем видеоархиве.",
        ),
        "tt": (
            "Хәерле кич, кадерле тыңлаучылар, лекциябезне башлыйбыз.",
            "Шәһәр архивларындагы иске фотоларга, карталарга һәм хатларга карыйк.",
            "Күп документлар Казан китапханәләрендә һәм музейларында саклана.",
            "Сорауларыгыз өчен рәхмәт! Лекцияләрнең язмалары видеоархивыбызда кала.",
        ),
        "en": (
            "Good evening, dear listeners, let us begin our lecture.",
            "We look at old photographs, maps and letters from the city archives.",
            "Many of the documents are kept in Kazan's libraries and museums.",
            "Thank you for your questions! Recordings of the lectures stay in "
            "our video archive.",
        ),
    },
    "concert": {
        "ru": (
            "Добрый вечер! Мы рады видеть вас на нашем концерте.",
            "Музыканты оркестра исполняют произведения татарских композиторов.",
            "Между пьесами ведущая рассказывает историю каждого сочинения.",
            "Спасибо музыкантам и всем зрителям трансляции!",
        ),
        "tt": (
            "Хәерле кич! Концертыбызга рәхим итегез.",
            "Оркестр музыкантлары татар композиторларының әсәрләрен башкара.",
            "Әсәрләр арасында алып баручы һәр әсәрнең тарихын сөйли.",
            "Музыкантларга һәм трансляцияне караучыларга рәхмәт!",
        ),
        "en": (
            "Good evening! Welcome to our concert.",
            "The orchestra's musicians play works by Tatar composers.",
            "Between the pieces the host tells the story of each work.",
            "Thanks to the musicians and to everyone watching the broadcast!",
        ),
    },
    "livestream": {
        "ru": (
            "Добрый вечер! Начинаем трансляцию из зрительного зала.",
            "Сегодня на сцене артисты и солисты нашего театра.",
            "В антракте покажем репетиции и закулисье спектаклей.",
            "Спасибо, что смотрели трансляцию! До встречи в театрах Казани.",
        ),
        "tt": (
            "Хәерле кич! Тамаша залыннан трансляцияне башлыйбыз.",
            "Бүген сәхнәдә театрыбызның артистлары һәм солистлары.",
            "Антрактта спектакльләрнең репетицияләрен һәм сәхнә артын күрсәтәбез.",
            "Трансляцияне караганыгыз өчен рәхмәт! Казан театрларында очрашырбыз.",
        ),
        "en": (
            "Good evening! We begin the broadcast from the auditorium.",
            "Tonight the actors and soloists of our theatre are on stage.",
            "In the interval we show rehearsals and the backstage of the performances.",
            "Thank you for watching! See you at Kazan's theatres.",
        ),
    },
    "masterclass": {
        "ru": (
            "Здравствуйте! Приготовьте, пожалуйста, материалы для мастер-класса.",
            "Сначала покажу простые приёмы, потом повторяем вместе.",
            "Не бойтесь ошибок: у каждого из участников получится по-своему.",
            "Покажите свои работы в комментариях, нам очень интересно!",
        ),
        "tt": (
            "Исәнмесез! Мастер-класс өчен материалларны әзерләгез.",
            "Башта гади алымнарны күрсәтәм, аннары бергә кабатлыйбыз.",
            "Хаталардан курыкмагыз: һәр катнашучының эше үзенчә килеп чыга.",
            "Эшләрегезне комментарийларда күрсәтегез, безгә бик кызык!",
        ),
        "en": (
            "Hello! Please get your materials ready for the masterclass.",
            "First I show the simple techniques, then we repeat them together.",
            "Don't be afraid of mistakes: every participant's work turns out "
            "differently.",
            "Show us your pieces in the comments, we'd love to see them!",
        ),
    },
    "virtual_tour": {
        "ru": (
            "Здравствуйте! Наша экскурсия начинается у главного входа.",
            "Обратите внимание на стены и башни: им несколько веков.",
            "В залах музея хранятся находки археологов и старинные рукописи.",
            "Спасибо за внимание! Ждём вас в музеях и на новых экскурсиях.",
        ),
        "tt": (
            "Исәнмесез! Экскурсиябез төп керү урыныннан башлана.",
            "Диварларга һәм манараларга игътибар итегез: аларга берничә гасыр.",
            "Музей залларында археологларның табылдыклары һәм борынгы "
            "кулъязмалар саклана.",
            "Игътибарыгыз өчен рәхмәт! Сезне музейларыбызда һәм яңа "
            "экскурсияләрдә көтәбез.",
        ),
        "en": (
            "Hello! Our tour starts at the main entrance.",
            "Look at the walls and towers: they are several centuries old.",
            "The museum's halls keep archaeologists' finds and old manuscripts.",
            "Thank you for joining us! We look forward to seeing you at our "
            "museums and on new tours.",
        ),
    },
    "film_screening": {
        "ru": (
            "Добрый вечер! Перед показом несколько слов о фильмах.",
            "Режиссёры снимали эти фильмы на улицах Казани и в деревнях Татарстана.",
            "После показа обсудим фильмы с авторами и зрителями.",
            "Спасибо за обсуждение! Следующий киноклуб через неделю.",
        ),
        "tt": (
            "Хәерле кич! Күрсәтү алдыннан фильмнар турында берничә сүз.",
            "Режиссёрлар бу фильмнарны Казан урамнарында һәм Татарстан "
            "авылларында төшергән.",
            "Күрсәтүдән соң фильмнарны авторлар һәм тамашачылар белән тикшерәбез.",
            "Фикер алышу өчен рәхмәт! Киләсе киноклуб бер атнадан.",
        ),
        "en": (
            "Good evening! A few words about the films before the screening.",
            "The directors shot these films in the streets of Kazan and in "
            "Tatarstan's villages.",
            "After the screening we discuss the films with their makers and the "
            "audience.",
            "Thank you for the discussion! The next film club is in a week.",
        ),
    },
    "exhibition": {
        "ru": (
            "Здравствуйте! Начинаем онлайн-экскурсию по выставке.",
            "Куратор рассказывает о каждом экспонате и его истории.",
            "Многие работы впервые показываются зрителям.",
            "Выставка открыта онлайн, приходите смотреть экспонаты ещё раз.",
        ),
        "tt": (
            "Исәнмесез! Күргәзмә буенча онлайн-экскурсияне башлыйбыз.",
            "Куратор һәр экспонат һәм аның тарихы турында сөйли.",
            "Күп эшләр тамашачыларга беренче тапкыр күрсәтелә.",
            "Күргәзмә онлайн ачык, экспонатларны тагын карагыз.",
        ),
        "en": (
            "Hello! We begin the online tour of the exhibition.",
            "The curator talks about each exhibit and its history.",
            "Many of the works are shown to visitors for the first time.",
            "The exhibition is open online, come back to see the exhibits again.",
        ),
    },
    "course": {
        "ru": (
            "Здравствуйте! Начинаем занятие, проверьте, что вас слышно.",
            "Сегодня повторим прошлое задание и разберём новые темы.",
            "Записывайте вопросы: в конце занятия ответим на каждый.",
            "Домашнее задание пришлём на электронную почту. До следующего занятия!",
        ),
        "tt": (
            "Исәнмесез! Дәресне башлыйбыз, тавышыгыз ишетеләме, тикшерегез.",
            "Бүген узган биремне кабатлыйбыз һәм яңа темаларны өйрәнәбез.",
            "Сорауларыгызны язып барыгыз: дәрес ахырында һәрберсенә җавап бирәбез.",
            "Өй эшен электрон почтага җибәрәбез. Киләсе дәрескә кадәр!",
        ),
        "en": (
            "Hello! Let's start the class, check that we can hear you.",
            "Today we go over the last exercise and work through new topics.",
            "Write down your questions: we answer each of them at the end of the "
            "class.",
            "We'll send the homework by email. See you at the next class!",
        ),
    },
    "sports_class": {
        "ru": (
            "Доброе утро! Встаём, расправляем плечи, начинаем разминку.",
            "Делаем упражнения медленно, следим за дыханием.",
            "Если тяжело, выполняйте упражнения сидя на стуле.",
            "Отлично поработали! Выпейте воды и отдохните.",
        ),
        "tt": (
            "Хәерле иртә! Торабыз, җилкәләрне турайтабыз, разминканы башлыйбыз.",
            "Күнегүләрне әкрен ясыйбыз, сулышыбызны күзәтәбез.",
            "Авыр булса, күнегүләрне урындыкта утырып ясагыз.",
            "Бик яхшы эшләдегез! Су эчегез һәм ял итегез.",
        ),
        "en": (
            "Good morning! Stand up, straighten your shoulders, let's warm up.",
            "We do the exercises slowly, watching our breathing.",
            "If it is hard, do the exercises sitting on a chair.",
            "Well done! Drink some water and have a rest.",
        ),
    },
    "qa_interview": {
        "ru": (
            "Добрый вечер! В эфире ответы на вопросы жителей.",
            "Первый вопрос пришёл от читательницы из Приволжского района.",
            "Мы продолжим ремонт домов культуры и библиотек города.",
            "Спасибо за вопросы! Ответы на остальные опубликуем на сайте.",
        ),
        "tt": (
            "Хәерле кич! Эфирда шәһәр халкының сорауларына җаваплар.",
            "Беренче сорау Идел буе районында яшәүче укучыдан килде.",
            "Шәһәребезнең мәдәният йортларын һәм китапханәләрен ремонтлауны "
            "дәвам итәбез.",
            "Сораулар өчен рәхмәт! Калганнарына җавапларны сайтта бастырырбыз.",
        ),
        "en": (
            "Good evening! On air: answers to residents' questions.",
            "The first question comes from a reader in the Privolzhsky district.",
            "We will keep renovating the city's community centres and libraries.",
            "Thank you for your questions! We will publish answers to the rest on "
            "the site.",
        ),
    },
}

TODAY_LINE = {
    "ru": "Сегодня у нас: {title}.",
    "tt": "Бүген безнең программада: {title}.",
    "en": "Today's programme: {title}.",
}

RECORDING_TITLE = {"ru": "Полная запись", "tt": "Тулы язма", "en": "Full recording"}
LESSON_TITLE = {
    "ru": "Занятие {number}",
    "tt": "{ordinal} дәрес",
    "en": "Lesson {number}",
}
TATAR_ORDINALS = (
    "Беренче", "Икенче", "Өченче", "Дүртенче", "Бишенче", "Алтынчы", "Җиденче",
    "Сигезенче", "Тугызынчы", "Унынчы", "Унберенче", "Уникенче", "Унөченче",
    "Ундүртенче", "Унбишенче", "Уналтынчы",
)  # fmt: skip
# A course's lessons are recorded one by one; longer series keep their first ones.
MAX_LESSONS = len(TATAR_ORDINALS)
VIDEO_PROVIDERS = ("youtube", "vk_video", "rutube")
CUE_SECONDS = 6


@dataclass(frozen=True)
class Transcript:
    """Hand-written subtitles of one recording: cues and chapters as (second, ru, tt,
    en), and the people of the event as (ru, tt, en, role)."""

    cues: tuple
    chapters: tuple
    people: tuple
    recording: int = 1


TRANSCRIPTS = {
    "tukay-poetry-lecture": Transcript(
        people=(
            (
                "Альфия Гиниятуллина",
                "Әлфия Гыйниятуллина",
                "Alfiya Giniyatullina",
                LECTURER,
            ),
            ("Ильдар Галиев", "Илдар Галиев", "Ildar Galiev", HOST),
        ),  # fmt: skip
        chapters=(
            (0, "Детство поэта", "Шагыйрьнең балачагы", "The poet's childhood"),
            (
                1200,
                "Уральск и первые стихи",
                "Җаек һәм беренче шигырьләр",
                "Uralsk and the first poems",
            ),
            (2700, "Казанские годы", "Казан еллары", "The Kazan years"),
            (4500, "Вопросы слушателей", "Тыңлаучыларның сораулары", "Questions"),
        ),  # fmt: skip
        cues=(
            (
                12,
                "Добрый вечер! Сегодня мы говорим о стихах Габдуллы Тукая.",
                "Хәерле кич! Бүген без Габдулла Тукайның шигырьләре турында "
                "сөйләшәбез.",
                "Good evening! Tonight we talk about Gabdulla Tukay's poems.",
            ),
            (
                95,
                "Тукай рано остался сиротой и рос в чужих семьях.",
                "Тукай иртә ятим калган һәм кеше гаиләләрендә үскән.",
                "Tukay was orphaned early and grew up in other people's families.",
            ),
            (
                1210,
                "В Уральске он учился в медресе и печатал первые стихотворения.",
                "Җаекта ул мәдрәсәдә укыган һәм беренче шигырьләрен бастырган.",
                "In Uralsk he studied at a madrasa and printed his first poems.",
            ),
            (
                1830,
                "Поэма «Шурале» написана по мотивам народных сказок.",
                "«Шүрәле» поэмасы халык әкиятләре буенча язылган.",
                "The poem Shurale is based on folk tales.",
            ),
            (
                2710,
                "В Казани Тукай работал в редакциях газет и журналов.",
                "Казанда Тукай газеталар һәм журналлар редакцияләрендә эшләгән.",
                "In Kazan Tukay worked for newspapers and magazines.",
            ),
            (
                3300,
                "Его стихотворение «Родной язык» знает каждый татарин.",
                "Аның «Туган тел» шигырен һәр татар белә.",
                "Every Tatar knows his poem Mother Tongue.",
            ),
            (
                4000,
                "Переводы Тукая на русский язык мы читали в Национальной библиотеке.",
                "Тукай шигырьләренең русчага тәрҗемәләрен Милли китапханәдә укыдык.",
                "We read translations of Tukay's poems into Russian at the National "
                "Library.",
            ),
            (
                4510,
                "Теперь ответим на вопросы слушателей о поэтах той эпохи.",
                "Хәзер тыңлаучыларның ул чор шагыйрьләре турындагы сорауларына "
                "җавап бирәбез.",
                "Now we answer listeners' questions about the poets of that time.",
            ),
        ),  # fmt: skip
    ),
    "symphony-orchestra-season-opening": Transcript(
        people=(
            (
                "Государственный симфонический оркестр Татарстана",
                "Татарстанның Дәүләт симфоник оркестры",
                "Tatar State Symphony Orchestra",
                PERFORMER,
            ),
            ("Рустам Ахметов", "Рөстәм Әхмәтов", "Rustam Akhmetov", PERFORMER),
            ("Лейсан Миннуллина", "Ләйсән Миңнуллина", "Leysan Minnullina", HOST),
        ),  # fmt: skip
        chapters=(
            (0, "Приветствие", "Сәламләү", "Welcome"),
            (
                300,
                "Сайдашев: музыка к драмам",
                "Сәйдәшев: драмаларга музыка",
                "Saydashev: music for plays",
            ),
            (
                2100,
                "Яруллин: балет «Шурале»",
                "Яруллин: «Шүрәле» балеты",
                "Yarullin: the ballet Shurale",
            ),
            (
                4200,
                "Чайковский: Пятая симфония",
                "Чайковский: Бишенче симфония",
                "Tchaikovsky: Symphony No. 5",
            ),
        ),  # fmt: skip
        cues=(
            (
                20,
                "Добрый вечер! Государственный симфонический оркестр открывает "
                "новый сезон.",
                "Хәерле кич! Дәүләт симфоник оркестры яңа сезонны ача.",
                "Good evening! The State Symphony Orchestra opens its new season.",
            ),
            (
                310,
                "Первыми прозвучат мелодии Салиха Сайдашева.",
                "Беренче булып Салих Сәйдәшевнең көйләре яңгырый.",
                "First we hear the melodies of Salikh Saydashev.",
            ),
            (
                900,
                "Сайдашев писал музыку к спектаклям татарского театра.",
                "Сәйдәшев татар театры спектакльләренә музыка язган.",
                "Saydashev wrote music for the plays of the Tatar theatre.",
            ),
            (
                2110,
                "Сюита из балета Фарида Яруллина «Шурале».",
                "Фәрит Яруллинның «Шүрәле» балетыннан сюита.",
                "A suite from Farid Yarullin's ballet Shurale.",
            ),
            (
                4210,
                "Во втором отделении оркестр исполняет Пятую симфонию Чайковского.",
                "Икенче бүлектә оркестр Чайковскийның Бишенче симфониясен башкара.",
                "In the second half the orchestra plays Tchaikovsky's Fifth Symphony.",
            ),
            (
                6900,
                "Спасибо музыкантам оркестра и дирижёру! До встречи на концертах.",
                "Оркестр музыкантларына һәм дирижерга рәхмәт! Концертларда очрашырбыз.",
                "Thanks to the orchestra's musicians and the conductor! See you at "
                "the concerts.",
            ),
        ),  # fmt: skip
    ),
    "tatar-theatre-history-lecture": Transcript(
        people=(("Гульнара Сафина", "Гөлнара Сафина", "Gulnara Safina", LECTURER),),
        chapters=(
            (0, "Первые спектакли", "Беренче спектакльләр", "The first performances"),
            (1500, "Театр Камала", "Камал театры", "The Kamal Theatre"),
            (3300, "Театры сегодня", "Бүгенге театрлар", "Theatres today"),
        ),  # fmt: skip
        cues=(
            (
                15,
                "Добрый вечер! Сегодня поговорим об истории татарского театра.",
                "Хәерле кич! Бүген татар театры тарихы турында сөйләшәбез.",
                "Good evening! Tonight we talk about the history of Tatar theatre.",
            ),
            (
                240,
                "Первые спектакли на татарском языке сыграли в 1906 году.",
                "Татар телендәге беренче спектакльләр 1906 елда уйналган.",
                "The first performances in Tatar were played in 1906.",
            ),
            (
                1510,
                "Галиасгар Камал писал пьесы, которые идут до сих пор.",
                "Галиәсгар Камал язган пьесалар әле дә бара.",
                "Galiasgar Kamal wrote plays that are still on stage.",
            ),
            (
                2400,
                "Актрисы тех лет играли, несмотря на запреты.",
                "Ул еллардагы актрисалар тыюларга карамастан уйнаган.",
                "The actresses of those years played despite the bans.",
            ),
            (
                3310,
                "В наших театрах сегодня идут спектакли на двух языках.",
                "Бүген театрларыбызда ике телдә спектакльләр бара.",
                "Today our theatres stage performances in two languages.",
            ),
            (
                3900,
                "В театрах Казани есть наушники с переводом для зрителей.",
                "Театрларыбызда тамашачылар өчен тәрҗемәле колакчыннар бар.",
                "Kazan's theatres have headphones with translation for the audience.",
            ),
            (
                4300,
                "В театрах нашего города много молодых артистов.",
                "Шәһәребез театрларында яшь артистлар күп.",
                "There are many young actors in our city's theatres.",
            ),
        ),  # fmt: skip
    ),
    "video-calls-course-for-seniors": Transcript(
        people=(
            ("Елена Смирнова", "Елена Смирнова", "Elena Smirnova", LECTURER),
            ("Айгуль Хасанова", "Айгөл Хәсәнова", "Aigul Khasanova", HOST),
        ),
        chapters=(
            (0, "Включаем смартфон", "Смартфонны кабызабыз", "Switching on"),
            (900, "Первый видеозвонок", "Беренче видеоэлемтә", "The first video call"),
            (2400, "Безопасность", "Куркынычсызлык", "Staying safe"),
        ),  # fmt: skip
        cues=(
            (
                10,
                "Здравствуйте! Сегодня первое занятие компьютерной грамотности.",
                "Исәнмесез! Бүген компьютер савадлылыгының беренче дәресе.",
                "Hello! This is the first computer literacy class.",
            ),
            (
                120,
                "Найдите на экране смартфона зелёный значок с телефонной трубкой.",
                "Смартфон экранында телефон трубкасы рәсемле яшел билгене табыгыз.",
                "Find the green icon with a phone handset on your smartphone's screen.",
            ),
            (
                910,
                "Теперь позвоним внукам по видеосвязи.",
                "Хәзер оныкларыбызга видеоэлемтә аша шалтыратабыз.",
                "Now let's video call the grandchildren.",
            ),
            (
                1500,
                "Если собеседника не слышно, проверьте наушники и звук.",
                "Әңгәмәдәшегез ишетелмәсә, колакчыннарны һәм тавышны тикшерегез.",
                "If you cannot hear the other person, check the headphones and sound.",
            ),
            (
                2410,
                "Никогда не сообщайте коды из сообщений по телефону.",
                "Хәбәрләрдәге кодларны беркайчан да телефоннан әйтмәгез.",
                "Never tell anyone the codes from your messages over the phone.",
            ),
            (
                3000,
                "Мошенники часто представляются сотрудниками банков.",
                "Алдакчылар еш кына банк хезмәткәрләре булып кыланалар.",
                "Scammers often pretend to be bank employees.",
            ),
        ),  # fmt: skip
    ),
    "kazan-kremlin-virtual-tour": Transcript(
        people=(
            ("Резеда Ибрагимова", "Резеда Ибраһимова", "Rezeda Ibragimova", LECTURER),
        ),
        chapters=(
            (0, "Спасская башня", "Спас манарасы", "The Saviour Tower"),
            (
                600,
                "Благовещенский собор",
                "Благовещение соборы",
                "The Annunciation Cathedral",
            ),
            (1500, "Мечеть Кул Шариф", "Кол Шәриф мәчете", "The Qolşärif Mosque"),
            (2700, "Башня Сююмбике", "Сөембикә манарасы", "The Söyembikä Tower"),
        ),  # fmt: skip
        cues=(
            (
                8,
                "Здравствуйте! Мы стоим у Спасской башни Казанского кремля.",
                "Исәнмесез! Без Казан Кремленең Спас манарасы янында торабыз.",
                "Hello! We are standing by the Saviour Tower of the Kazan Kremlin.",
            ),
            (
                180,
                "Белые стены кремля построили псковские мастера.",
                "Кремльнең ак диварларын Псков осталары төзегән.",
                "Masters from Pskov built the white walls of the Kremlin.",
            ),
            (
                610,
                "Благовещенский собор — самое старое здание кремля.",
                "Благовещение соборы — Кремльдәге иң борынгы бина.",
                "The Annunciation Cathedral is the oldest building of the Kremlin.",
            ),
            (
                1510,
                "Мечеть Кул Шариф открыли в 2005 году.",
                "Кол Шәриф мәчетен 2005 елда ачтылар.",
                "The Qolşärif Mosque was opened in 2005.",
            ),
            (
                1900,
                "В музеях кремля хранятся рукописные книги и карты.",
                "Кремль музейларында кулъязма китаплар һәм карталар саклана.",
                "The Kremlin's museums keep handwritten books and maps.",
            ),
            (
                2710,
                "О башне Сююмбике рассказывают много легенд.",
                "Сөембикә манарасы турында күп риваятьләр сөйлиләр.",
                "Many legends are told about the Söyembikä Tower.",
            ),
            (
                3300,
                "Башня немного наклонена, как знаменитая башня в Пизе.",
                "Манара бераз авышкан, Пизадагы данлыклы манара кебек.",
                "The tower leans a little, like the famous tower in Pisa.",
            ),
        ),  # fmt: skip
    ),
    "concert-kurai-quartet-evening": Transcript(
        people=(
            ("Айдар Фаизов", "Айдар Фаизов", "Aydar Faizov", PERFORMER),
            (
                "Струнный квартет филармонии",
                "Филармониянең кыллы квартеты",
                "The Philharmonic String Quartet",
                PERFORMER,
            ),
        ),  # fmt: skip
        chapters=(
            (0, "Народные мелодии", "Халык көйләре", "Folk tunes"),
            (1800, "Курай и квартет", "Курай һәм квартет", "Kurai and quartet"),
            (3900, "На бис", "Бис өчен", "Encores"),
        ),  # fmt: skip
        cues=(
            (
                15,
                "Добрый вечер! Сегодня звучат курай и струнный квартет.",
                "Хәерле кич! Бүген курай һәм кыллы квартет яңгырый.",
                "Good evening! Tonight the kurai plays with a string quartet.",
            ),
            (
                200,
                "Курай делают из стебля травы, его длина — около метра.",
                "Курайны үлән сабагыннан ясыйлар, озынлыгы — якынча бер метр.",
                "A kurai is made from the stem of a grass, about a metre long.",
            ),
            (
                1810,
                "Народные мелодии звучат в обработке для скрипок и виолончели.",
                "Халык көйләре скрипкалар һәм виолончель өчен эшкәртелеп яңгырый.",
                "The folk tunes are arranged for violins and cello.",
            ),
            (
                3000,
                "Следующая пьеса посвящена полям и рекам Татарстана.",
                "Чираттагы әсәр Татарстан кырларына һәм елгаларына багышланган.",
                "The next piece is dedicated to Tatarstan's fields and rivers.",
            ),
            (
                3910,
                "Спасибо, дорогие слушатели! На бис — «Ай, былбылым».",
                "Рәхмәт, кадерле тыңлаучылар! Бис өчен — «Ай, былбылым».",
                "Thank you, dear listeners! For an encore: Ay, Bylbylym.",
            ),
        ),  # fmt: skip
    ),
    "livestream-altynchach-hall": Transcript(
        people=(
            ("Лейсан Миннуллина", "Ләйсән Миңнуллина", "Leysan Minnullina", PERFORMER),
            ("Марат Зарипов", "Марат Зарипов", "Marat Zaripov", PERFORMER),
            (
                "Чулпан Габдрахманова",
                "Чулпан Габдрахманова",
                "Chulpan Gabdrakhmanova",
                HOST,
            ),
        ),  # fmt: skip
        chapters=(
            (0, "Перед началом", "Башланыр алдыннан", "Before the curtain"),
            (600, "Первое действие", "Беренче пәрдә", "Act one"),
            (4800, "Второе действие", "Икенче пәрдә", "Act two"),
        ),  # fmt: skip
        cues=(
            (
                30,
                "Добрый вечер! Трансляция оперы «Алтынчач» из театра Джалиля.",
                "Хәерле кич! Җәлил театрыннан «Алтынчәч» операсы трансляциясе.",
                "Good evening! The opera Altynchach live from the Jalil Theatre.",
            ),
            (
                150,
                "Либретто оперы написал поэт Муса Джалиль.",
                "Опера либреттосын шагыйрь Муса Җәлил язган.",
                "The poet Musa Jalil wrote the opera's libretto.",
            ),
            (
                610,
                "Героиня оперы — девушка с золотыми волосами.",
                "Операның геройы — алтын чәчле кыз.",
                "The heroine of the opera is a girl with golden hair.",
            ),
            (
                2500,
                "Хор театра поёт на татарском языке, субтитры на экране.",
                "Театр хоры татар телендә җырлый, субтитрлар экранда.",
                "The theatre's choir sings in Tatar, with subtitles on the screen.",
            ),
            (
                4810,
                "Во втором действии Алтынчач спасает свой народ.",
                "Икенче пәрдәдә Алтынчәч үз халкын коткара.",
                "In the second act Altynchach saves her people.",
            ),
            (
                8400,
                "Спасибо солистам, хору и оркестру театра!",
                "Театр солистларына, хорына һәм оркестрына рәхмәт!",
                "Thanks to the theatre's soloists, choir and orchestra!",
            ),
        ),  # fmt: skip
    ),
}


def archive_children(spec, dates, now):
    """The recordings, people and subtitles of one event, or None if it has none.

    ``dates`` are the event's occurrences. An event whose held dates are all over
    gets its recordings; a course gets a recording of each lesson already held.
    Returns unsaved children per language code: ``{"ru": {"recordings": [...],
    "people": [...], "subtitle_tracks": [...]}, "tt": {...}, "en": {...}}``
    (subtitle tracks are synchronised, so only the source language carries them).
    """
    held = [date for date in dates if not date.cancelled]
    over = [date for date in held if date.end <= now]
    if not over:
        return None
    if spec["type"] == "course":
        lessons = over[:MAX_LESSONS]
    elif len(over) == len(held):
        lessons = over[-1:]
    else:
        return None
    from .models import EventPerson, Recording, SubtitleTrack

    transcript = TRANSCRIPTS.get(spec["slug"])
    minutes = spec["minutes"]
    result = {code: {"recordings": [], "people": []} for code in LANGUAGES}
    for number, _lesson in enumerate(lessons, start=1):
        provider, url = _video(spec, number)
        chapters = _chapters(spec, transcript, number)
        for position, code in enumerate(LANGUAGES):
            result[code]["recordings"].append(
                Recording(
                    # Their order numbers the recordings for subtitles and links.
                    sort_order=number - 1,
                    title=_recording_title(code, number, len(lessons) > 1),
                    provider=provider,
                    url=url,
                    duration=datetime.timedelta(minutes=minutes),
                    chapters="\n".join(
                        f"{recordings.clock(start)} {titles[position]}"
                        for start, *titles in chapters
                    ),
                )
            )
    for position, code in enumerate(LANGUAGES):
        for order, person in enumerate(_people(spec, transcript)):
            result[code]["people"].append(
                EventPerson(sort_order=order, name=person[position], role=person[3])
            )
    tracks = []
    for number, cues in _subtitled(spec, transcript, len(lessons)):
        for position, code in enumerate(LANGUAGES):
            tracks.append(
                SubtitleTrack(
                    sort_order=len(tracks),
                    recording_number=number,
                    language=code,
                    kind=SubtitleTrack.Kind.SUBTITLES,
                    vtt=vtt([(start, text[position]) for start, *text in cues]),
                )
            )
    result["ru"]["subtitle_tracks"] = tracks
    return result


def vtt(cues):
    """A WebVTT text from (start second, line) pairs; each line shows six seconds."""
    blocks = ["WEBVTT", ""]
    for number, (start, text) in enumerate(cues, start=1):
        blocks += [
            str(number),
            f"{_timestamp(start)} --> {_timestamp(start + CUE_SECONDS)}",
            text,
            "",
        ]
    return "\n".join(blocks)


def _digest(spec, salt=""):
    return hashlib.sha256(f"{spec['slug']}:{salt}".encode()).digest()


def _video(spec, number):
    """A provider and link that pass the video block's parser, the same every run."""
    online = [name for name, _url in spec["platforms"] if name in VIDEO_PROVIDERS]
    provider = (
        online[0]
        if online
        else VIDEO_PROVIDERS[_digest(spec, "provider")[0] % len(VIDEO_PROVIDERS)]
    )
    key = f"{spec['slug']}:recording:{number}"
    return provider, demo_season._url(provider, key, spec["institution"])


def _recording_title(code, number, lesson):
    if not lesson:
        return RECORDING_TITLE[code]
    return LESSON_TITLE[code].format(number=number, ordinal=TATAR_ORDINALS[number - 1])


def _chapters(spec, transcript, number):
    if transcript and transcript.recording == number:
        return transcript.chapters
    seconds = spec["minutes"] * 60
    starts = (0, seconds // 10 // 60 * 60, seconds * 6 // 10 // 60 * 60)
    return tuple(
        (start, *titles)
        for start, titles in zip(starts, CHAPTERS[spec["type"]], strict=True)
    )


def _people(spec, transcript):
    if transcript:
        return transcript.people
    digest = _digest(spec, "people")
    people = []
    for place, role in enumerate(ROLES[spec["type"]]):
        person = PEOPLE[(digest[0] + place * 5) % len(PEOPLE)]
        people.append((*person, role))
    return people


def _subtitled(spec, transcript, lessons):
    """(recording number, cues) of each recording that has subtitles.

    Hand-written transcripts always; two events in three otherwise, a course for
    its first lesson.
    """
    if transcript:
        return [(transcript.recording, transcript.cues)]
    if _digest(spec, "subtitles")[0] % 3 == 0:
        return []
    lines = {code: _generated_lines(spec, code) for code in LANGUAGES}
    cues = []
    seconds = spec["minutes"] * 60
    count = len(lines["ru"])
    for place in range(count):
        start = 5 + place * (seconds - 60) // count
        cues.append((start, *(lines[code][place] for code in LANGUAGES)))
    return [(1, tuple(cues))]


def _generated_lines(spec, code):
    opening, first, second, closing = LINES[spec["type"]][code]
    title, introduction = spec[code]
    subject = introduction.split(". ")[0].rstrip(".") + "."
    return (
        opening,
        TODAY_LINE[code].format(title=title.rstrip(".")),
        subject,
        first,
        second,
        closing,
    )


def _timestamp(seconds):
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.000"
