"""The demo season: four hundred events around the hand-written ones.

Titles are a subject in a format ("Open lecture: …", "… for older people"), both
written out in Russian, Tatar and English, so every title reads naturally in its
language; introductions join the subject's own sentence to one about the format.
``season_plan()`` touches no database and always gives the same events, with
dates relative to the day the seed runs; the seed turns each into pages.
"""

import base64
import hashlib
import math
import uuid
from dataclasses import dataclass
from datetime import timedelta

FULL = "full"
SMALL = "small"
SEASONS = (FULL, SMALL)
# The small season keeps this many events of each type: enough for every kind of
# thing (a full course with a waiting list, changed dates, venues) in the tests.
SMALL_PER_TYPE = 3

FIRST_DAY = -8 * 7
LAST_DAY = 10 * 7 - 1
# Recurring events start early enough to be running for most of the season.
LAST_SERIES_START = 5 * 7

RESIDENT_COUNT = 120
RESIDENT_EMAIL = "resident{:03d}@example.com"
# Translation keys of the demo's venues, so that the seed finds them after edits.
DEMO_NAMESPACE = uuid.UUID("6f1d2c52-3b8e-4c1e-9a57-1c0f5e7a4d21")

LANGUAGES = ("ru", "tt", "en")


@dataclass(frozen=True)
class Format:
    """How a title is made from a subject, and for whom that makes the event."""

    key: str
    ru: str
    tt: str
    en: str
    audiences: tuple
    hour: tuple | None = None
    language: str | None = None

    def title(self, code, subject):
        text = subject.texts[code][0]
        lower = text[0].lower() + text[1:]
        template = getattr(self, code)
        if ":" in text:
            # "Lecture. Kazan: a history", not "Lecture: Kazan: a history".
            template = template.replace(": {s}", ". {s}")
        title = template.format(s=text, l=lower)
        return title[0].upper() + title[1:]


@dataclass(frozen=True)
class Subject:
    """What an event is about: a title fragment and one sentence per language."""

    key: str
    domain: str
    hosts: tuple
    texts: dict
    language: str = "ru"
    formats: tuple | None = None


def _subject(key, domain, hosts, ru, tt, en, language="ru", formats=None):
    return Subject(
        key, domain, hosts, {"ru": ru, "tt": tt, "en": en}, language, formats
    )


@dataclass(frozen=True)
class Kind:
    """One event type: how many, how long, when, and its formats and subjects."""

    type: str
    count: int
    minutes: int
    hours: tuple
    platforms: tuple
    formats: tuple
    subjects: tuple
    notes: dict
    days: tuple = ()
    counts: tuple = ()
    in_person_every: int = 0

    @property
    def recurring(self):
        return bool(self.days)


ALL_AGES = ("children", "youth", "adults", "seniors")
GROWN_UPS = ("youth", "adults", "seniors")

LECTURE = Kind(
    type="lecture",
    count=66,
    minutes=90,
    hours=((18, 30), (17, 0), (19, 0)),
    platforms=("vk_video", "youtube", "rutube", "zoom"),
    in_person_every=4,
    formats=(
        Format(
            "talk", "Лекция: {s}", "Лекция: {s}", "Lecture: {s}", ("adults", "seniors")
        ),
        Format(
            "open",
            "Открытая лекция: {s}",
            "Ачык лекция: {s}",
            "Open lecture: {s}",
            GROWN_UPS,
        ),
        Format(
            "school",
            "Лекция для школьников: {s}",
            "Мәктәп укучылары өчен лекция: {s}",
            "Lecture for schoolchildren: {s}",
            ("children", "youth"),
            hour=(15, 0),
        ),
        Format(
            "tatar",
            "Лекция на татарском языке: {s}",
            "Татар телендә лекция: {s}",
            "Lecture in Tatar: {s}",
            ("adults", "seniors"),
            language="tt",
        ),
    ),
    notes={
        "ru": (
            "Лекция длится {minutes} минут, вопросы можно задать в чате трансляции.",
            "После лекции — ответы на вопросы слушателей.",
        ),
        "tt": (
            "Лекция {minutes} минут дәвам итә, сорауларны трансляция чатында "
            "бирергә мөмкин.",
            "Лекциядән соң тыңлаучыларның сорауларына җаваплар.",
        ),
        "en": (
            "The lecture lasts {minutes} minutes; ask questions in the stream chat.",
            "Questions from the audience follow the lecture.",
        ),
    },
    subjects=(
        _subject(
            "old-tatar-quarter",
            "history",
            ("national-museum", "district-library", "national-library"),
            (
                "Старо-Татарская слобода: улицы и судьбы",
                "Как жили купцы и ремесленники слободы в XIX веке и что "
                "сохранилось до наших дней.",
            ),
            (
                "Иске Татар бистәсе: урамнар һәм язмышлар",
                "XIX гасырда бистәдәге сәүдәгәрләр һәм һөнәрчеләр ничек яшәгән "
                "һәм безнең көннәргә кадәр нәрсә сакланган.",
            ),
            (
                "The Old Tatar Quarter: streets and lives",
                "How the quarter's merchants and craftsmen lived in the 19th "
                "century and what survives today.",
            ),
        ),
        _subject(
            "tukay",
            "literature",
            ("national-library", "district-library"),
            (
                "Габдулла Тукай: жизнь в стихах",
                "Детство, Уральск и Казань: путь поэта в его собственных строках.",
            ),
            (
                "Габдулла Тукай: шигырьләрдәге тормыш",
                "Балачак, Уральск һәм Казан: шагыйрь юлы — аның үз шигырьләрендә.",
            ),
            (
                "Gabdulla Tukay: a life in verse",
                "Childhood, Uralsk and Kazan: the poet's path in his own lines.",
            ),
        ),
        _subject(
            "kremlin-architecture",
            "history",
            ("kazan-kremlin",),
            (
                "Архитектура Казанского кремля",
                "От белокаменных стен XVI века до мечети Кул Шариф.",
            ),
            (
                "Казан Кремле архитектурасы",
                "XVI гасырның ак таш диварларыннан Кол Шәриф мәчетенә кадәр.",
            ),
            (
                "The architecture of the Kazan Kremlin",
                "From the white stone walls of the 16th century to the Qolşärif "
                "Mosque.",
            ),
        ),
        _subject(
            "saydashev",
            "music",
            ("symphony-orchestra", "saydashev-music-school", "tukay-philharmonic"),
            (
                "Салих Сайдашев и татарская музыка XX века",
                "Марши, песни и музыка к спектаклям: как Сайдашев соединил "
                "народную мелодию и оркестр.",
            ),
            (
                "Салих Сәйдәшев һәм XX гасыр татар музыкасы",
                "Маршлар, җырлар һәм спектакльләргә музыка: Сәйдәшев халык көен "
                "һәм оркестрны ничек берләштергән.",
            ),
            (
                "Salikh Saydashev and Tatar music of the 20th century",
                "Marches, songs and music for the stage: how Saydashev joined "
                "folk melody and the orchestra.",
            ),
        ),
        _subject(
            "volga-bulgaria",
            "history",
            ("national-museum",),
            (
                "Волжская Булгария: города и ремёсла",
                "Что рассказывают находки археологов о жизни средневековых булгар.",
            ),
            (
                "Идел буе Болгар дәүләте: шәһәрләр һәм һөнәрләр",
                "Археологлар тапкан әйберләр урта гасыр болгарлары тормышы "
                "турында нәрсә сөйли.",
            ),
            (
                "Volga Bulgaria: towns and crafts",
                "What archaeological finds tell us about life in medieval Bulgar "
                "towns.",
            ),
        ),
        _subject(
            "tatar-theatre",
            "theatre",
            ("kamal-theatre", "national-library"),
            (
                "Сто лет татарского театра",
                "От труппы «Сайяр» до современной сцены театра Камала.",
            ),
            (
                "Татар театрының йөз елы",
                "«Сәйяр» труппасыннан Камал театрының хәзерге сәхнәсенә кадәр.",
            ),
            (
                "A hundred years of Tatar theatre",
                "From the Sayyar troupe to today's stage of the Kamal Theatre.",
            ),
        ),
        _subject(
            "fechin",
            "fine-art",
            ("national-museum", "art-school-1"),
            (
                "Николай Фешин: казанские годы",
                "Портреты, учителя и ученики художника, родившегося в Казани.",
            ),
            (
                "Николай Фешин: Казан еллары",
                "Казанда туган рәссамның портретлары, укытучылары һәм шәкертләре.",
            ),
            (
                "Nikolai Fechin: the Kazan years",
                "Portraits, teachers and pupils of the painter born in Kazan.",
            ),
        ),
        _subject(
            "tatar-cinema",
            "cinema",
            ("yashlek-centre", "national-library"),
            (
                "Татарское кино: от первых фильмов до фестивалей",
                "Режиссёры, актёры и картины, которые стоит посмотреть.",
            ),
            (
                "Татар киносы: беренче фильмнардан фестивальләргә кадәр",
                "Карарга кирәк булган фильмнар, режиссёрлар һәм актёрлар.",
            ),
            (
                "Tatar cinema: from the first films to festivals",
                "Directors, actors and films worth watching.",
            ),
        ),
        _subject(
            "ornament",
            "fine-art",
            ("national-museum", "art-school-1"),
            (
                "Язык татарского орнамента",
                "Тюльпаны, вьюнки и звёзды: что означают узоры на вышивке, коже "
                "и дереве.",
            ),
            (
                "Татар орнаменты теле",
                "Лаләләр, чырмавыклар һәм йолдызлар: чигүдә, күндә һәм агачтагы "
                "бизәкләр нәрсә аңлата.",
            ),
            (
                "The language of Tatar ornament",
                "Tulips, bindweed and stars: what the patterns on embroidery, "
                "leather and wood mean.",
            ),
        ),
        _subject(
            "online-fraud",
            "digital",
            ("national-library", "district-library"),
            (
                "Мошенники в интернете: как себя защитить",
                "Как распознать поддельный звонок, письмо или сайт и что делать, "
                "если вас обманули.",
            ),
            (
                "Интернеттагы алдакчылар: үзеңне ничек сакларга",
                "Ялган шалтыратуны, хатны яки сайтны ничек танырга һәм "
                "алдансагыз нишләргә.",
            ),
            (
                "Online fraud: how to protect yourself",
                "How to spot a fake call, email or website, and what to do if "
                "you have been cheated.",
            ),
        ),
        _subject(
            "healthy-ageing",
            "sport",
            ("batyr-sports-centre", "chulpan-centre"),
            (
                "Движение и здоровье после шестидесяти",
                "Врач спортивной медицины о безопасной нагрузке, сне и питании.",
            ),
            (
                "Алтмыштан соң хәрәкәт һәм сәламәтлек",
                "Спорт медицинасы табибы куркынычсыз йөкләнеш, йокы һәм туклану "
                "турында.",
            ),
            (
                "Movement and health after sixty",
                "A sports medicine doctor on safe exercise, sleep and diet.",
            ),
            formats=(0, 1, 3),
        ),
        _subject(
            "tatar-dance",
            "dance",
            ("chulpan-centre", "yashlek-centre", "tukay-philharmonic"),
            (
                "Татарский народный танец: движения и смыслы",
                "Откуда пришли движения татарского танца и как их исполняют сегодня.",
            ),
            (
                "Татар халык биюе: хәрәкәтләр һәм мәгънәләр",
                "Татар биюе хәрәкәтләре каян килгән һәм аларны бүген ничек башкаралар.",
            ),
            (
                "Tatar folk dance: steps and meanings",
                "Where the steps of Tatar dance come from and how they are "
                "danced today.",
            ),
        ),
        _subject(
            "jalil",
            "music",
            ("jalil-opera-theatre",),
            (
                "Муса Джалиль: поэт и опера",
                "«Моабитские тетради» и опера Жиганова «Джалиль» в истории театра.",
            ),
            (
                "Муса Җәлил: шагыйрь һәм опера",
                "«Моабит дәфтәрләре» һәм Җиһановның «Җәлил» операсы театр тарихында.",
            ),
            (
                "Musa Jalil: the poet and the opera",
                "The Moabit Notebooks and Zhiganov's opera Jalil in the "
                "theatre's history.",
            ),
        ),
        _subject(
            "kazan-university",
            "history",
            ("national-library", "national-museum"),
            (
                "Казанский университет и его знаменитые студенты",
                "Лобачевский, Толстой, Бутлеров и другие — истории из "
                "университетских архивов.",
            ),
            (
                "Казан университеты һәм аның танылган студентлары",
                "Лобачевский, Толстой, Бутлеров һәм башкалар — университет "
                "архивларыннан хикәяләр.",
            ),
            (
                "Kazan University and its famous students",
                "Lobachevsky, Tolstoy, Butlerov and others: stories from the "
                "university archives.",
            ),
        ),
        _subject(
            "children-reading",
            "literature",
            ("national-library", "district-library", "ekiyat-puppet-theatre"),
            (
                "Как увлечь ребёнка чтением",
                "Библиотекари о книгах по возрастам и о чтении вслух на двух языках.",
            ),
            (
                "Баланы укуга ничек кызыктырырга",
                "Китапханәчеләр яшькә карап китаплар һәм ике телдә кычкырып уку "
                "турында сөйли.",
            ),
            (
                "How to get children reading",
                "Librarians on books for each age and reading aloud in two languages.",
            ),
            formats=(0, 1, 3),
        ),
        _subject(
            "old-photographs",
            "fine-art",
            ("national-museum", "district-library"),
            (
                "Казань на старых фотографиях",
                "Улицы, вывески и жители города сто лет назад.",
            ),
            (
                "Иске фотоларда Казан",
                "Йөз ел элек шәһәр урамнары, язулары һәм кешеләре.",
            ),
            (
                "Kazan in old photographs",
                "The city's streets, shop signs and people a hundred years ago.",
            ),
        ),
        _subject(
            "city-services",
            "digital",
            ("national-library", "district-library"),
            (
                "Цифровые сервисы города: запись к врачу, транспорт, ЖКХ",
                "Какие городские услуги можно получить онлайн и как это сделать "
                "без ошибок.",
            ),
            (
                "Шәһәрнең санлы хезмәтләре: табибка язылу, транспорт, "
                "торак-коммуналь хуҗалык",
                "Нинди шәһәр хезмәтләрен онлайн алырга мөмкин һәм моны хатасыз "
                "ничек эшләргә.",
            ),
            (
                "The city's digital services: doctor's appointments, transport, "
                "utilities",
                "Which city services work online and how to use them without mistakes.",
            ),
            formats=(0, 1, 3),
        ),
        _subject(
            "symphony",
            "music",
            ("symphony-orchestra",),
            (
                "Как слушать симфонию",
                "Дирижёр оркестра о форме, темах и инструментах — с примерами.",
            ),
            (
                "Симфонияне ничек тыңларга",
                "Оркестр дирижеры форма, темалар һәм уен кораллары турында — "
                "мисаллар белән.",
            ),
            (
                "How to listen to a symphony",
                "The orchestra's conductor on form, themes and instruments, with "
                "examples.",
            ),
        ),
    ),
)

CONCERT = Kind(
    type="concert",
    count=58,
    minutes=90,
    hours=((18, 0), (19, 0)),
    platforms=("youtube", "vk_video", "rutube"),
    in_person_every=4,
    formats=(
        Format("concert", "Концерт: {s}", "Концерт: {s}", "Concert: {s}", GROWN_UPS),
        Format(
            "family",
            "Концерт для всей семьи: {s}",
            "Бөтен гаилә өчен концерт: {s}",
            "Family concert: {s}",
            ("children", "adults", "seniors"),
            hour=(12, 0),
        ),
        Format(
            "evening",
            "Вечерний концерт: {s}",
            "Кичке концерт: {s}",
            "Evening concert: {s}",
            ("adults", "seniors"),
            hour=(19, 0),
        ),
        Format(
            "lecture",
            "Концерт-лекция: {s}",
            "Концерт-лекция: {s}",
            "Concert-lecture: {s}",
            ("children", "youth"),
            hour=(11, 0),
        ),
    ),
    notes={
        "ru": (
            "Запись концерта останется в видеоархиве.",
            "Прямая трансляция из концертного зала.",
        ),
        "tt": (
            "Концерт язмасы видеоархивта калачак.",
            "Концерт залыннан туры трансляция.",
        ),
        "en": (
            "The recording stays in the video archive.",
            "Streamed live from the concert hall.",
        ),
    },
    subjects=(
        _subject(
            "tchaikovsky-fifth",
            "music",
            ("symphony-orchestra",),
            (
                "Чайковский, Пятая симфония",
                "Государственный симфонический оркестр исполняет одну из самых "
                "любимых симфоний.",
            ),
            (
                "Чайковский, Бишенче симфония",
                "Дәүләт симфоник оркестры иң яраткан симфонияләрнең берсен башкара.",
            ),
            (
                "Tchaikovsky's Fifth Symphony",
                "The State Symphony Orchestra plays one of the best-loved symphonies.",
            ),
            language="none",
        ),
        _subject(
            "saydashev-songs",
            "music",
            ("tukay-philharmonic", "symphony-orchestra"),
            (
                "Песни Салиха Сайдашева",
                "Солисты филармонии исполняют песни композитора в новых аранжировках.",
            ),
            (
                "Салих Сәйдәшев җырлары",
                "Филармония солистлары композитор җырларын яңа аранжировкаларда "
                "башкара.",
            ),
            (
                "Songs of Salikh Saydashev",
                "The Philharmonic's soloists sing the composer's songs in new "
                "arrangements.",
            ),
            language="tt",
        ),
        _subject(
            "kurai-quartet",
            "music",
            ("tukay-philharmonic", "saydashev-music-school"),
            (
                "Курай и струнный квартет",
                "Татарские мелодии звучат в диалоге народного инструмента и "
                "классического ансамбля.",
            ),
            (
                "Курай һәм кыллы квартет",
                "Татар көйләре халык уен коралы һәм классик ансамбль диалогында "
                "яңгырый.",
            ),
            (
                "Kurai and string quartet",
                "Tatar melodies in a dialogue between a folk instrument and a "
                "classical ensemble.",
            ),
            language="none",
        ),
        _subject(
            "yakhin-romances",
            "music",
            ("tukay-philharmonic",),
            (
                "Романсы Рустема Яхина",
                "Лирические песни классика татарской музыки в исполнении молодых "
                "вокалистов.",
            ),
            (
                "Рөстәм Яхин романслары",
                "Татар музыкасы классигының лирик җырлары яшь вокалистлар башкаруында.",
            ),
            (
                "Romances by Rustem Yakhin",
                "Lyrical songs by a classic of Tatar music, sung by young vocalists.",
            ),
            language="tt",
        ),
        _subject(
            "organ-bach",
            "music",
            ("symphony-orchestra",),
            (
                "Орган Большого концертного зала: Бах и его современники",
                "Органист рассказывает об инструменте и исполняет прелюдии и фуги.",
            ),
            (
                "Зур концерт залы органы: Бах һәм аның замандашлары",
                "Органчы уен коралы турында сөйли һәм прелюдияләр белән фугалар "
                "башкара.",
            ),
            (
                "The organ of the Grand Concert Hall: Bach and his contemporaries",
                "The organist introduces the instrument and plays preludes and fugues.",
            ),
            language="none",
        ),
        _subject(
            "young-pianists",
            "music",
            ("saydashev-music-school",),
            (
                "Юные пианисты школы Сайдашева",
                "Лауреаты конкурсов играют Шопена, Прокофьева и Жиганова.",
            ),
            (
                "Сәйдәшев мәктәбенең яшь пианистлары",
                "Бәйге лауреатлары Шопен, Прокофьев һәм Җиһанов әсәрләрен уйный.",
            ),
            (
                "Young pianists of the Saydashev School",
                "Competition winners play Chopin, Prokofiev and Zhiganov.",
            ),
            language="none",
        ),
        _subject(
            "folk-songs",
            "music",
            ("tukay-philharmonic", "chulpan-centre"),
            (
                "Татарские народные песни",
                "Ансамбль филармонии исполняет протяжные и плясовые песни разных "
                "районов Татарстана.",
            ),
            (
                "Татар халык җырлары",
                "Филармония ансамбле Татарстанның төрле районнарыннан озын көйләр "
                "һәм бию көйләре башкара.",
            ),
            (
                "Tatar folk songs",
                "The Philharmonic's ensemble sings long songs and dance tunes "
                "from across Tatarstan.",
            ),
            language="tt",
        ),
        _subject(
            "film-music",
            "music",
            ("symphony-orchestra",),
            (
                "Музыка из кино",
                "Оркестр играет темы из советских и современных фильмов.",
            ),
            (
                "Кинодан музыка",
                "Оркестр совет һәм хәзерге фильмнардан көйләр уйный.",
            ),
            (
                "Music from the movies",
                "The orchestra plays themes from Soviet and modern films.",
            ),
            language="none",
        ),
        _subject(
            "jazz",
            "music",
            ("yashlek-centre", "tukay-philharmonic"),
            (
                "Джаз в Казани",
                "Казанские джазовые музыканты играют стандарты и свои пьесы.",
            ),
            (
                "Казанда джаз",
                "Казан джаз музыкантлары стандартлар һәм үз әсәрләрен уйный.",
            ),
            (
                "Jazz in Kazan",
                "Kazan jazz musicians play standards and their own pieces.",
            ),
            language="none",
        ),
        _subject(
            "children-choir",
            "music",
            ("saydashev-music-school", "chulpan-centre"),
            (
                "Детский хор: песни о Казани",
                "Хор школы исполняет песни о родном городе на двух языках.",
            ),
            (
                "Балалар хоры: Казан турында җырлар",
                "Мәктәп хоры туган шәһәр турында ике телдә җырлар башкара.",
            ),
            (
                "Children's choir: songs about Kazan",
                "The school choir sings about their home city in two languages.",
            ),
            language="ru_tt",
        ),
        _subject(
            "zhiganov",
            "music",
            ("symphony-orchestra", "jalil-opera-theatre"),
            (
                "Назиб Жиганов: симфонические новеллы",
                "Музыка основателя Казанской консерватории в исполнении оркестра.",
            ),
            (
                "Нәҗип Җиһанов: симфоник новеллалар",
                "Казан консерваториясенә нигез салучының музыкасы оркестр башкаруында.",
            ),
            (
                "Nazib Zhiganov: symphonic novellas",
                "Music by the founder of the Kazan Conservatory, played by the "
                "orchestra.",
            ),
            language="none",
        ),
        _subject(
            "garmon",
            "music",
            ("tukay-philharmonic", "yashlek-centre"),
            (
                "Играй, гармонь!",
                "Гармонисты из районов Татарстана и частушки на двух языках.",
            ),
            (
                "Уйна, гармун!",
                "Татарстан районнарыннан гармунчылар һәм ике телдә такмаклар.",
            ),
            (
                "Play, garmon!",
                "Accordion players from across Tatarstan and humorous folk "
                "rhymes in two languages.",
            ),
            language="ru_tt",
        ),
        _subject(
            "vivaldi",
            "music",
            ("symphony-orchestra", "saydashev-music-school"),
            (
                "Вивальди, «Времена года»",
                "Солирует молодая скрипачка, выпускница казанской музыкальной школы.",
            ),
            (
                "Вивальди, «Ел фасыллары»",
                "Солист — Казан музыка мәктәбен тәмамлаган яшь скрипкачы.",
            ),
            (
                "Vivaldi's Four Seasons",
                "The soloist is a young violinist who studied at a Kazan music school.",
            ),
            language="none",
        ),
        _subject(
            "brass-band",
            "music",
            ("chulpan-centre", "yashlek-centre"),
            (
                "Духовой оркестр: вальсы и марши",
                "Вальсы и марши, которые помнят все поколения.",
            ),
            (
                "Өрмә уен кораллары оркестры: вальслар һәм маршлар",
                "Барлык буыннар хәтерләгән вальслар һәм маршлар.",
            ),
            (
                "Brass band: waltzes and marches",
                "Waltzes and marches every generation remembers.",
            ),
            language="none",
        ),
        _subject(
            "opera-arias",
            "music",
            ("jalil-opera-theatre",),
            (
                "Оперные арии: от Верди до Жиганова",
                "Солисты театра им. Джалиля исполняют любимые арии.",
            ),
            (
                "Опера арияләре: Вердидан Җиһановка кадәр",
                "Җәлил театры солистлары яраткан арияләрне башкара.",
            ),
            (
                "Opera arias: from Verdi to Zhiganov",
                "Soloists of the Jalil Theatre sing favourite arias.",
            ),
        ),
        _subject(
            "chamber-music",
            "music",
            ("saydashev-music-school", "symphony-orchestra"),
            (
                "Камерная музыка",
                "Преподаватели школы играют трио Гайдна и Шостаковича.",
            ),
            (
                "Камера музыкасы",
                "Мәктәп укытучылары Гайдн һәм Шостакович триоларын уйный.",
            ),
            (
                "Chamber music",
                "The school's teachers play trios by Haydn and Shostakovich.",
            ),
            language="none",
        ),
    ),
)

LIVESTREAM = Kind(
    type="livestream",
    count=44,
    minutes=150,
    hours=((19, 0), (18, 30)),
    platforms=("vk_video", "youtube", "rutube"),
    formats=(
        Format(
            "live",
            "Прямая трансляция: {s}",
            "Туры трансляция: {s}",
            "Live stream: {s}",
            GROWN_UPS,
        ),
        Format(
            "hall",
            "Трансляция из зала: {s}",
            "Залдан трансляция: {s}",
            "Live from the hall: {s}",
            GROWN_UPS,
        ),
        Format(
            "encore",
            "Повтор трансляции: {s}",
            "Трансляцияне кабатлау: {s}",
            "Encore broadcast: {s}",
            ALL_AGES,
            hour=(14, 0),
        ),
    ),
    notes={
        "ru": (
            "Трансляция идёт с субтитрами на русском и татарском языках.",
            "Перед началом — короткий рассказ о постановке.",
        ),
        "tt": (
            "Трансляция рус һәм татар телләрендә субтитрлар белән бара.",
            "Башланганчы — спектакль турында кыска әңгәмә.",
        ),
        "en": (
            "The broadcast has Russian and Tatar subtitles.",
            "A short talk about the production opens the broadcast.",
        ),
    },
    subjects=(
        _subject(
            "shurale",
            "dance",
            ("jalil-opera-theatre",),
            (
                "Балет «Шурале»",
                "Балет Фарида Яруллина по мотивам сказки Тукая о лесном духе.",
            ),
            (
                "«Шүрәле» балеты",
                "Фәрит Яруллинның Тукай әкияте буенча урман иясе турындагы балеты.",
            ),
            (
                "The ballet Shurale",
                "Farid Yarullin's ballet after Tukay's tale of a forest spirit.",
            ),
            language="none",
        ),
        _subject(
            "altynchach",
            "music",
            ("jalil-opera-theatre",),
            (
                "Опера «Алтынчач»",
                "Опера Назиба Жиганова на либретто Мусы Джалиля.",
            ),
            (
                "«Алтынчәч» операсы",
                "Нәҗип Җиһановның Муса Җәлил либреттосына язылган операсы.",
            ),
            (
                "The opera Altynchach",
                "Nazib Zhiganov's opera to a libretto by Musa Jalil.",
            ),
            language="tt",
        ),
        _subject(
            "swan-lake",
            "dance",
            ("jalil-opera-theatre",),
            (
                "Балет «Лебединое озеро»",
                "Классический балет Чайковского в постановке театра им. Джалиля.",
            ),
            (
                "«Аккош күле» балеты",
                "Чайковскийның классик балеты Җәлил театры куюында.",
            ),
            (
                "The ballet Swan Lake",
                "Tchaikovsky's classic ballet staged by the Jalil Theatre.",
            ),
            language="none",
        ),
        _subject(
            "eugene-onegin",
            "music",
            ("jalil-opera-theatre",),
            (
                "Опера «Евгений Онегин»",
                "Лирические сцены Чайковского по роману Пушкина.",
            ),
            (
                "«Евгений Онегин» операсы",
                "Чайковскийның Пушкин романы буенча лирик күренешләре.",
            ),
            (
                "The opera Eugene Onegin",
                "Tchaikovsky's lyrical scenes after Pushkin's novel in verse.",
            ),
        ),
        _subject(
            "blue-shawl",
            "theatre",
            ("kamal-theatre",),
            (
                "Спектакль «Голубая шаль»",
                "Музыкальная драма Карима Тинчурина — с синхронным переводом на "
                "русский язык.",
            ),
            (
                "«Зәңгәр шәл» спектакле",
                "Кәрим Тинчуринның музыкаль драмасы — рус теленә синхрон "
                "тәрҗемә белән.",
            ),
            (
                "The play The Blue Shawl",
                "Karim Tinchurin's musical drama, with simultaneous translation "
                "into Russian.",
            ),
            language="tt",
        ),
        _subject(
            "galiyabanu",
            "theatre",
            ("kamal-theatre",),
            (
                "Спектакль «Галиябану»",
                "Лирическая драма Мирхайдара Файзи о любви и выборе.",
            ),
            (
                "«Галиябану» спектакле",
                "Мирхәйдәр Фәйзинең мәхәббәт һәм сайлау турында лирик драмасы.",
            ),
            (
                "The play Galiyabanu",
                "Mirkhaydar Fayzi's lyrical drama of love and choice.",
            ),
            language="tt",
        ),
        _subject(
            "first-theatre",
            "theatre",
            ("kamal-theatre",),
            (
                "Спектакль «Первый театр»",
                "Комедия Галиасгара Камала о первом татарском спектакле.",
            ),
            (
                "«Беренче театр» спектакле",
                "Галиәсгар Камалның беренче татар спектакле турындагы комедиясе.",
            ),
            (
                "The play The First Theatre",
                "Galiasgar Kamal's comedy about the first Tatar performance.",
            ),
            language="tt",
        ),
        _subject(
            "government-inspector",
            "theatre",
            ("kachalov-theatre",),
            (
                "Спектакль «Ревизор»",
                "Комедия Гоголя на сцене театра им. Качалова.",
            ),
            (
                "«Ревизор» спектакле",
                "Гогольнең комедиясе Качалов театры сәхнәсендә.",
            ),
            (
                "The play The Government Inspector",
                "Gogol's comedy on the stage of the Kachalov Theatre.",
            ),
        ),
        _subject(
            "cherry-orchard",
            "theatre",
            ("kachalov-theatre",),
            (
                "Спектакль «Вишнёвый сад»",
                "Последняя пьеса Чехова в постановке художественного "
                "руководителя театра.",
            ),
            (
                "«Чия бакчасы» спектакле",
                "Чеховның соңгы пьесасы театрның сәнгать җитәкчесе куюында.",
            ),
            (
                "The play The Cherry Orchard",
                "Chekhov's last play, staged by the theatre's artistic director.",
            ),
        ),
        _subject(
            "master-and-margarita",
            "theatre",
            ("kachalov-theatre",),
            (
                "Спектакль «Мастер и Маргарита»",
                "Роман Булгакова в сценической версии театра им. Качалова.",
            ),
            (
                "«Мастер һәм Маргарита» спектакле",
                "Булгаков романы Качалов театрының сәхнә версиясендә.",
            ),
            (
                "The play The Master and Margarita",
                "Bulgakov's novel in the Kachalov Theatre's stage version.",
            ),
        ),
        _subject(
            "water-spirit",
            "theatre",
            ("ekiyat-puppet-theatre",),
            (
                "Кукольный спектакль «Су анасы»",
                "Сказка Тукая о мальчике и водяной — для зрителей от четырёх лет.",
            ),
            (
                "«Су анасы» курчак спектакле",
                "Тукайның малай һәм су анасы турындагы әкияте — дүрт яшьтән "
                "өлкәнрәк тамашачылар өчен.",
            ),
            (
                "The puppet show The Water Spirit",
                "Tukay's tale of a boy and a water spirit, for audiences aged "
                "four and up.",
            ),
            language="ru_tt",
        ),
        _subject(
            "three-daughters",
            "theatre",
            ("ekiyat-puppet-theatre",),
            (
                "Кукольный спектакль «Три дочери»",
                "Татарская народная сказка о трёх дочерях и их матери.",
            ),
            (
                "«Өч кыз» курчак спектакле",
                "Өч кыз һәм аларның әнисе турында татар халык әкияте.",
            ),
            (
                "The puppet show The Three Daughters",
                "A Tatar folk tale of three daughters and their mother.",
            ),
            language="ru_tt",
        ),
        _subject(
            "nutcracker",
            "dance",
            ("jalil-opera-theatre",),
            (
                "Балет «Щелкунчик»",
                "Новогодняя сказка Чайковского для всей семьи.",
            ),
            (
                "«Щелкунчик» балеты",
                "Чайковскийның бөтен гаилә өчен Яңа ел әкияте.",
            ),
            (
                "The ballet The Nutcracker",
                "Tchaikovsky's New Year fairy tale for the whole family.",
            ),
            language="none",
        ),
        _subject(
            "philharmonic-gala",
            "music",
            ("tukay-philharmonic",),
            (
                "Гала-концерт мастеров татарской эстрады",
                "Звёзды филармонии в прямом эфире из большого зала.",
            ),
            (
                "Татар эстрадасы осталарының гала-концерты",
                "Филармония йолдызлары зур залдан туры эфирда.",
            ),
            (
                "Gala of Tatar popular music stars",
                "The Philharmonic's stars live from the main hall.",
            ),
            language="tt",
        ),
        _subject(
            "sabantuy",
            "dance",
            (None, "chulpan-centre"),
            (
                "Сабантуй: праздничная программа",
                "Песни, танцы и состязания главного летнего праздника Татарстана.",
            ),
            (
                "Сабантуй: бәйрәм программасы",
                "Татарстанның төп җәйге бәйрәменең җырлары, биюләре һәм ярышлары.",
            ),
            (
                "Sabantuy: the festival programme",
                "Songs, dances and contests of Tatarstan's great summer festival.",
            ),
            language="ru_tt",
        ),
    ),
)

MASTERCLASS = Kind(
    type="masterclass",
    count=44,
    minutes=75,
    hours=((18, 0), (17, 0)),
    platforms=("zoom", "vk_video", "youtube"),
    in_person_every=2,
    formats=(
        Format(
            "open",
            "Мастер-класс: {s}",
            "Мастер-класс: {s}",
            "Masterclass: {s}",
            ("youth", "adults"),
        ),
        Format(
            "children",
            "Мастер-класс для детей: {s}",
            "Балалар өчен мастер-класс: {s}",
            "Masterclass for children: {s}",
            ("children",),
            hour=(16, 0),
        ),
        Format(
            "family",
            "Семейный мастер-класс: {s}",
            "Гаилә мастер-классы: {s}",
            "Family masterclass: {s}",
            ("children", "adults"),
            hour=(12, 0),
        ),
        Format(
            "seniors",
            "Мастер-класс для старшего поколения: {s}",
            "Өлкән буын өчен мастер-класс: {s}",
            "Masterclass for older people: {s}",
            ("seniors",),
            hour=(11, 0),
        ),
    ),
    notes={
        "ru": (
            "Подготовьте материалы заранее: список — в описании трансляции.",
            "Повторяйте за ведущим и задавайте вопросы в чате.",
        ),
        "tt": (
            "Материалларны алдан әзерләгез: исемлеге трансляция тасвирламасында.",
            "Алып баручыдан кабатлагыз һәм чатта сораулар бирегез.",
        ),
        "en": (
            "Have your materials ready: the list is in the stream description.",
            "Follow along with the host and ask questions in the chat.",
        ),
    },
    subjects=(
        _subject(
            "watercolour",
            "fine-art",
            ("art-school-1",),
            (
                "Акварельный пейзаж",
                "Рисуем закат над Волгой: заливка, переходы цвета и детали.",
            ),
            (
                "Акварель белән пейзаж",
                "Идел өстендә кояш баешын ясыйбыз: җәеп буяу, төс күчешләре һәм "
                "детальләр.",
            ),
            (
                "A watercolour landscape",
                "Painting a sunset over the Volga: washes, blending and details.",
            ),
        ),
        _subject(
            "embroidery",
            "fine-art",
            ("national-museum", "art-school-1", "yashlek-centre"),
            (
                "Татарская тамбурная вышивка",
                "Основы тамбурного шва и узор с тюльпаном.",
            ),
            (
                "Татар тамбур чигүе",
                "Тамбур чигүенең нигезләре һәм лалә бизәге.",
            ),
            (
                "Tatar tambour embroidery",
                "The basics of tambour stitching and a tulip pattern.",
            ),
        ),
        _subject(
            "pencil-portrait",
            "fine-art",
            ("art-school-1",),
            (
                "Портрет карандашом",
                "Пропорции лица, свет и тень за один час.",
            ),
            (
                "Карандаш белән портрет",
                "Бер сәгать эчендә йөз пропорцияләре, яктылык һәм күләгә.",
            ),
            (
                "A pencil portrait",
                "Facial proportions, light and shade in one hour.",
            ),
        ),
        _subject(
            "chak-chak",
            "history",
            ("national-museum", "yashlek-centre"),
            (
                "Чак-чак по семейному рецепту",
                "Готовим самое известное татарское лакомство и узнаём его историю.",
            ),
            (
                "Гаилә рецепты буенча чәк-чәк",
                "Иң танылган татар тәмлүшкәсен пешерәбез һәм аның тарихы белән "
                "танышабыз.",
            ),
            (
                "Chak-chak from a family recipe",
                "Making the best-known Tatar sweet and learning its history.",
            ),
        ),
        _subject(
            "stage-speech",
            "theatre",
            ("kamal-theatre", "kachalov-theatre"),
            (
                "Сценическая речь",
                "Актёр театра учит дыханию, дикции и работе с голосом.",
            ),
            (
                "Сәхнә сөйләме",
                "Театр актёры сулыш алырга, дикциягә һәм тавыш белән эшләргә өйрәтә.",
            ),
            (
                "Speaking on stage",
                "An actor teaches breathing, diction and voice work.",
            ),
            formats=(0, 3),
        ),
        _subject(
            "glove-puppet",
            "theatre",
            ("ekiyat-puppet-theatre",),
            (
                "Перчаточная кукла своими руками",
                "Художник театра «Экият» показывает, как сшить куклу и оживить её.",
            ),
            (
                "Үз кулларың белән бияләй курчак",
                "«Әкият» театры рәссамы курчакны ничек тегәргә һәм "
                "җанландырырга икәнен күрсәтә.",
            ),
            (
                "Make a glove puppet",
                "An Ekiyat Theatre designer shows how to sew a puppet and bring "
                "it to life.",
            ),
            language="ru_tt",
        ),
        _subject(
            "dance-steps",
            "dance",
            ("chulpan-centre", "yashlek-centre"),
            (
                "Движения татарского танца",
                "Разучиваем основные шаги и связку под народную мелодию.",
            ),
            (
                "Татар биюе хәрәкәтләре",
                "Төп адымнарны һәм халык көенә кыска бию өлешен өйрәнәбез.",
            ),
            (
                "Tatar dance steps",
                "Learning the basic steps and a short sequence to a folk tune.",
            ),
        ),
        _subject(
            "phone-photography",
            "digital",
            ("yashlek-centre", "district-library"),
            (
                "Фотография на смартфон",
                "Свет, композиция и простая обработка снимков прямо в телефоне.",
            ),
            (
                "Смартфонга фотога төшерү",
                "Яктылык, композиция һәм фотоларны турыдан-туры телефонда эшкәртү.",
            ),
            (
                "Smartphone photography",
                "Light, composition and simple editing on your phone.",
            ),
        ),
        _subject(
            "calligraphy",
            "fine-art",
            ("national-library", "art-school-1"),
            (
                "Арабская каллиграфия в татарской книге",
                "Пишем калямом первые буквы и узнаём, как оформляли книги до "
                "1928 года.",
            ),
            (
                "Татар китабында гарәп каллиграфиясе",
                "Каләм белән беренче хәрефләрне язабыз һәм 1928 елга кадәр "
                "китапларны ничек бизәгәннәрен беләбез.",
            ),
            (
                "Arabic calligraphy in Tatar books",
                "Writing first letters with a qalam and seeing how books were "
                "made before 1928.",
            ),
        ),
        _subject(
            "ceramics",
            "fine-art",
            ("art-school-1",),
            (
                "Роспись керамической тарелки",
                "Орнамент, кисти и краски для керамики.",
            ),
            (
                "Керамик тәлинкәне бизәү",
                "Керамика өчен бизәк, пумалалар һәм буяулар.",
            ),
            (
                "Painting a ceramic plate",
                "Ornament, brushes and paints for ceramics.",
            ),
        ),
        _subject(
            "video-editing",
            "cinema",
            ("yashlek-centre",),
            (
                "Монтаж видео на телефоне",
                "Собираем короткий ролик о своём районе: съёмка, монтаж, музыка.",
            ),
            (
                "Телефонда видео монтажлау",
                "Үз районыбыз турында кыска ролик ясыйбыз: төшерү, монтаж, музыка.",
            ),
            (
                "Editing video on your phone",
                "Making a short film about your neighbourhood: shooting, "
                "editing, music.",
            ),
        ),
        _subject(
            "folk-singing",
            "music",
            ("tukay-philharmonic", "saydashev-music-school"),
            (
                "Поём татарскую народную песню",
                "Солистка филармонии разучивает с участниками колыбельную «Әллүки».",
            ),
            (
                "Татар халык җырын җырлыйбыз",
                "Филармония солисты катнашучылар белән «Әллүки» бишек җырын өйрәнә.",
            ),
            (
                "Singing a Tatar folk song",
                "A Philharmonic soloist teaches the lullaby Allüki.",
            ),
            language="ru_tt",
        ),
    ),
)

VIRTUAL_TOUR = Kind(
    type="virtual_tour",
    count=40,
    minutes=60,
    hours=((12, 0), (15, 0), (17, 0)),
    platforms=("youtube", "vk_video", "rutube"),
    formats=(
        Format(
            "tour",
            "Виртуальная экскурсия: {s}",
            "Виртуаль экскурсия: {s}",
            "Virtual tour: {s}",
            ALL_AGES,
        ),
        Format(
            "school",
            "Экскурсия для школьников: {s}",
            "Мәктәп укучылары өчен экскурсия: {s}",
            "Tour for schoolchildren: {s}",
            ("children", "youth"),
            hour=(11, 0),
        ),
        Format(
            "curator",
            "Экскурсия с куратором: {s}",
            "Куратор белән экскурсия: {s}",
            "Curator's tour: {s}",
            ("adults", "seniors"),
        ),
    ),
    notes={
        "ru": (
            "Экскурсовод покажет залы и ответит на вопросы.",
            "Экскурсия идёт около часа и подходит для всей семьи.",
        ),
        "tt": (
            "Экскурсовод залларны күрсәтәчәк һәм сорауларга җавап бирәчәк.",
            "Экскурсия якынча бер сәгать бара һәм бөтен гаилә өчен туры килә.",
        ),
        "en": (
            "A guide shows the rooms and answers questions.",
            "The tour takes about an hour and suits the whole family.",
        ),
    },
    subjects=(
        _subject(
            "soyembika-tower",
            "history",
            ("kazan-kremlin",),
            (
                "Башня Сююмбике и её легенды",
                "Почему башня наклонилась и какие истории о ней рассказывают.",
            ),
            (
                "Сөембикә манарасы һәм аның риваятьләре",
                "Манара ни өчен авышкан һәм аның турында нинди хикәяләр сөйлиләр.",
            ),
            (
                "The Söyembikä Tower and its legends",
                "Why the tower leans and the stories told about it.",
            ),
        ),
        _subject(
            "qolsharif",
            "history",
            ("kazan-kremlin",),
            (
                "Мечеть Кул Шариф",
                "Архитектура мечети, музей ислама и вид на Казанку.",
            ),
            (
                "Кол Шәриф мәчете",
                "Мәчет архитектурасы, ислам музее һәм Казансу күренеше.",
            ),
            (
                "The Qolşärif Mosque",
                "The mosque's architecture, the Museum of Islam and the view "
                "over the Kazanka.",
            ),
        ),
        _subject(
            "museum-galleries",
            "museums",
            ("national-museum",),
            (
                "Залы Национального музея",
                "Главные экспонаты: от булгарских украшений до первых казанских газет.",
            ),
            (
                "Милли музей заллары",
                "Төп экспонатлар: болгар бизәнгечләреннән беренче Казан "
                "газеталарына кадәр.",
            ),
            (
                "The galleries of the National Museum",
                "Highlights from Bulgar jewellery to the first Kazan newspapers.",
            ),
        ),
        _subject(
            "tukay-museum",
            "literature",
            ("national-museum",),
            (
                "Литературный музей Габдуллы Тукая",
                "Рукописи, фотографии и первые издания стихов поэта.",
            ),
            (
                "Габдулла Тукайның әдәби музее",
                "Шагыйрьнең кулъязмалары, фотолары һәм шигырьләренең беренче "
                "басмалары.",
            ),
            (
                "The Gabdulla Tukay Literary Museum",
                "The poet's manuscripts, photographs and first editions.",
            ),
        ),
        _subject(
            "opera-backstage",
            "music",
            ("jalil-opera-theatre",),
            (
                "За кулисами театра оперы и балета",
                "Мастерские, костюмерная и сцена перед спектаклем.",
            ),
            (
                "Опера һәм балет театрының сәхнә артында",
                "Спектакль алдыннан остаханәләр, костюмнар бүлмәсе һәм сәхнә.",
            ),
            (
                "Backstage at the Opera and Ballet Theatre",
                "Workshops, the wardrobe and the stage before a performance.",
            ),
        ),
        _subject(
            "annunciation-cathedral",
            "history",
            ("kazan-kremlin",),
            (
                "Благовещенский собор",
                "Старейший каменный храм Казани и его фрески.",
            ),
            (
                "Благовещение соборы",
                "Казанның иң борынгы таш гыйбадәтханәсе һәм аның фрескалары.",
            ),
            (
                "The Annunciation Cathedral",
                "Kazan's oldest stone church and its frescoes.",
            ),
        ),
        _subject(
            "hermitage-kazan",
            "fine-art",
            ("kazan-kremlin",),
            (
                "Центр «Эрмитаж-Казань»",
                "Выставки из собрания Эрмитажа в здании юнкерского училища.",
            ),
            (
                "«Эрмитаж-Казан» үзәге",
                "Юнкерлар училищесы бинасында Эрмитаж җыелмасыннан күргәзмәләр.",
            ),
            (
                "The Hermitage-Kazan Centre",
                "Exhibitions from the Hermitage collection in the former cadet school.",
            ),
        ),
        _subject(
            "university-museums",
            "museums",
            (None,),
            (
                "Музеи Казанского университета",
                "Зоологический, геологический и музей истории университета за "
                "один час.",
            ),
            (
                "Казан университеты музейлары",
                "Бер сәгатьтә зоология, геология һәм университет тарихы музейлары.",
            ),
            (
                "The museums of Kazan University",
                "The zoology, geology and university history museums in one hour.",
            ),
        ),
        _subject(
            "old-tatar-quarter-walk",
            "history",
            (None, "national-museum"),
            (
                "Прогулка по Старо-Татарской слободе",
                "Мечети, купеческие дома и озеро Кабан.",
            ),
            (
                "Иске Татар бистәсе буйлап сәяхәт",
                "Мәчетләр, сәүдәгәр йортлары һәм Кабан күле.",
            ),
            (
                "A walk through the Old Tatar Quarter",
                "Mosques, merchants' houses and Lake Kaban.",
            ),
        ),
        _subject(
            "fine-arts-museum",
            "fine-art",
            (None,),
            (
                "Государственный музей изобразительных искусств",
                "Шишкин, Фешин и казанские художники XX века.",
            ),
            (
                "Дәүләт сынлы сәнгать музее",
                "Шишкин, Фешин һәм XX гасыр Казан рәссамнары.",
            ),
            (
                "The State Museum of Fine Arts",
                "Shishkin, Fechin and Kazan painters of the 20th century.",
            ),
        ),
        _subject(
            "bauman-street",
            "history",
            (None,),
            (
                "Улица Баумана: история главной улицы",
                "Колокольня, Гостиный двор и дома, которые помнят Шаляпина.",
            ),
            (
                "Бауман урамы: төп урам тарихы",
                "Чаң манарасы, Гостиный двор һәм Шаляпинны хәтерләгән йортлар.",
            ),
            (
                "Bauman Street: the story of the main street",
                "The bell tower, the old trading arcade and houses that remember "
                "Chaliapin.",
            ),
        ),
        _subject(
            "kamal-theatre-inside",
            "theatre",
            ("kamal-theatre",),
            (
                "Театр Камала изнутри",
                "Гримёрные, репетиционный зал и музей театра.",
            ),
            (
                "Камал театры эчтән",
                "Гример бүлмәләре, репетиция залы һәм театр музее.",
            ),
            (
                "Inside the Kamal Theatre",
                "Dressing rooms, the rehearsal hall and the theatre museum.",
            ),
        ),
        _subject(
            "rare-books",
            "literature",
            ("national-library",),
            (
                "Редкие книги Национальной библиотеки",
                "Рукописные Кораны, первые татарские газеты и книги с автографами.",
            ),
            (
                "Милли китапханәнең сирәк китаплары",
                "Кулъязма Коръәннәр, беренче татар газеталары һәм автографлы китаплар.",
            ),
            (
                "Rare books of the National Library",
                "Handwritten Qurans, the first Tatar newspapers and signed books.",
            ),
        ),
        _subject(
            "bolgar",
            "history",
            ("national-museum",),
            (
                "Болгарский музей-заповедник",
                "Древний город на Волге, объект всемирного наследия ЮНЕСКО.",
            ),
            (
                "Болгар музей-тыюлыгы",
                "Идел буендагы борынгы шәһәр, ЮНЕСКОның Бөтендөнья мирасы объекты.",
            ),
            (
                "The Bolgar Museum-Reserve",
                "An ancient town on the Volga and a UNESCO World Heritage Site.",
            ),
        ),
    ),
)

FILM_SCREENING = Kind(
    type="film_screening",
    count=36,
    minutes=110,
    hours=((18, 30), (19, 0)),
    platforms=("vk_video", "rutube"),
    in_person_every=3,
    formats=(
        Format(
            "screening",
            "Кинопоказ: {s}",
            "Кино күрсәтү: {s}",
            "Screening: {s}",
            GROWN_UPS,
        ),
        Format(
            "club",
            "Киноклуб: {s}",
            "Киноклуб: {s}",
            "Film club: {s}",
            ("youth", "adults"),
        ),
        Format(
            "discussion",
            "Показ и обсуждение: {s}",
            "Күрсәтү һәм фикер алышу: {s}",
            "Screening and discussion: {s}",
            ("adults", "seniors"),
        ),
        Format(
            "family",
            "Семейный кинопоказ: {s}",
            "Гаилә белән кино карау: {s}",
            "Family screening: {s}",
            ("children", "adults"),
            hour=(13, 0),
        ),
    ),
    notes={
        "ru": (
            "После показа — обсуждение с киноведом.",
            "Фильмы показывают с субтитрами.",
        ),
        "tt": (
            "Күрсәтүдән соң — кино белгече белән фикер алышу.",
            "Фильмнар субтитрлар белән күрсәтелә.",
        ),
        "en": (
            "A discussion with a film critic follows the screening.",
            "The films are shown with subtitles.",
        ),
    },
    subjects=(
        _subject(
            "young-directors",
            "cinema",
            ("yashlek-centre",),
            (
                "Короткие фильмы молодых режиссёров Татарстана",
                "Пять короткометражных фильмов и разговор с авторами.",
            ),
            (
                "Татарстанның яшь режиссёрлары төшергән кыска фильмнар",
                "Биш кыска метражлы фильм һәм авторлар белән әңгәмә.",
            ),
            (
                "Short films by young Tatarstan directors",
                "Five short films and a conversation with their makers.",
            ),
            formats=(0, 1, 2),
        ),
        _subject(
            "kazan-documentaries",
            "cinema",
            (None, "national-museum"),
            (
                "Документальное кино о Казани",
                "Город в хронике: от 1920-х годов до Универсиады.",
            ),
            (
                "Казан турында документаль кино",
                "Хроникада шәһәр: 1920 еллардан Универсиадага кадәр.",
            ),
            (
                "Documentaries about Kazan",
                "The city on film from the 1920s to the Universiade.",
            ),
            formats=(0, 1, 2),
        ),
        _subject(
            "muslim-film-festival",
            "cinema",
            (None,),
            (
                "Фильмы Казанского фестиваля мусульманского кино",
                "Лауреаты прошлых лет: истории о семье, вере и доме.",
            ),
            (
                "Казан мөселман киносы фестивале фильмнары",
                "Узган еллар лауреатлары: гаилә, иман һәм йорт турында хикәяләр.",
            ),
            (
                "Films from the Kazan Muslim Film Festival",
                "Past winners: stories of family, faith and home.",
            ),
            formats=(0, 1, 2),
        ),
        _subject(
            "soviet-comedies",
            "cinema",
            ("yashlek-centre", "chulpan-centre"),
            (
                "Советские комедии",
                "Фильмы, на которых выросли несколько поколений.",
            ),
            (
                "Совет комедияләре",
                "Берничә буын үсеп җиткән фильмнар.",
            ),
            (
                "Soviet comedies",
                "Films several generations grew up with.",
            ),
            formats=(0, 2, 3),
        ),
        _subject(
            "tatar-animation",
            "cinema",
            ("ekiyat-puppet-theatre", None),
            (
                "Татарские мультфильмы",
                "Мультфильмы студии «Татармультфильм» по сказкам Тукая и "
                "народным сказкам.",
            ),
            (
                "Татар мультфильмнары",
                "«Татармультфильм» студиясенең Тукай әкиятләре һәм халык "
                "әкиятләре буенча мультфильмнары.",
            ),
            (
                "Tatar animated films",
                "Cartoons after Tukay's tales and folk tales from the "
                "Tatarmultfilm studio.",
            ),
            language="tt",
            formats=(0, 3),
        ),
        _subject(
            "jalil-documentary",
            "cinema",
            (None, "national-library"),
            (
                "Документальный фильм о Мусе Джалиле",
                "Жизнь поэта-героя и история его «Моабитских тетрадей».",
            ),
            (
                "Муса Җәлил турында документаль фильм",
                "Шагыйрь-геройның тормышы һәм «Моабит дәфтәрләре» тарихы.",
            ),
            (
                "A documentary about Musa Jalil",
                "The hero poet's life and the story of his Moabit Notebooks.",
            ),
            formats=(0, 1, 2),
        ),
        _subject(
            "volga-kama-reserve",
            "cinema",
            (None,),
            (
                "Природа Татарстана: Волжско-Камский заповедник",
                "Документальный фильм о лесах, озёрах и птицах заповедника.",
            ),
            (
                "Татарстан табигате: Идел-Кама тыюлыгы",
                "Тыюлыкның урманнары, күлләре һәм кошлары турында документаль фильм.",
            ),
            (
                "Tatarstan's nature: the Volga-Kama Reserve",
                "A documentary about the reserve's forests, lakes and birds.",
            ),
            formats=(0, 2, 3),
        ),
        _subject(
            "nureyev-festival",
            "dance",
            ("jalil-opera-theatre",),
            (
                "Балет на экране: легенды Нуриевского фестиваля",
                "Записи лучших спектаклей фестиваля классического балета имени "
                "Рудольфа Нуриева.",
            ),
            (
                "Экранда балет: Нуриев фестивале легендалары",
                "Рудольф Нуриев исемендәге классик балет фестиваленең иң яхшы "
                "спектакльләре язмалары.",
            ),
            (
                "Ballet on screen: legends of the Nureyev Festival",
                "Recordings of the best performances of the Rudolf Nureyev "
                "Classical Ballet Festival.",
            ),
            language="none",
            formats=(0, 1, 2),
        ),
        _subject(
            "silent-film",
            "cinema",
            ("yashlek-centre",),
            (
                "Немое кино с живой музыкой",
                "Комедии Чаплина под импровизацию пианиста.",
            ),
            (
                "Җанлы музыка белән тавышсыз кино",
                "Пианист импровизациясе астында Чаплин комедияләре.",
            ),
            (
                "Silent film with live music",
                "Chaplin comedies with an improvising pianist.",
            ),
            language="none",
        ),
        _subject(
            "sport-on-film",
            "sport",
            ("batyr-sports-centre",),
            (
                "Кино о спорте: история «Рубина» и «Ак Барса»",
                "Документальные фильмы о казанских командах и их болельщиках.",
            ),
            (
                "Спорт турында кино: «Рубин» һәм «Ак Барс» тарихы",
                "Казан командалары һәм аларның җанатарлары турында документаль "
                "фильмнар.",
            ),
            (
                "Sport on film: the story of Rubin and Ak Bars",
                "Documentaries about Kazan's teams and their fans.",
            ),
            formats=(0, 1, 2),
        ),
        _subject(
            "theatre-on-film",
            "theatre",
            ("kachalov-theatre", "kamal-theatre"),
            (
                "Театр в кино: спектакли-легенды",
                "Телеверсии знаменитых казанских спектаклей из архива.",
            ),
            (
                "Кинода театр: легенда-спектакльләр",
                "Архивтан танылган Казан спектакльләренең телеверсияләре.",
            ),
            (
                "Theatre on film: legendary productions",
                "TV recordings of famous Kazan productions from the archive.",
            ),
            formats=(0, 1, 2),
        ),
        _subject(
            "tatar-prose-adaptations",
            "literature",
            ("national-library", "district-library"),
            (
                "Экранизации татарской прозы",
                "Фильмы по повестям Амирхана Еники и Аяза Гилязова.",
            ),
            (
                "Татар прозасы экранлаштырулары",
                "Әмирхан Еники һәм Аяз Гыйләҗев повестьлары буенча фильмнар.",
            ),
            (
                "Screen adaptations of Tatar prose",
                "Films after stories by Amirkhan Yeniki and Ayaz Gilyazov.",
            ),
            language="tt",
            formats=(0, 1, 2),
        ),
    ),
)

EXHIBITION = Kind(
    type="exhibition",
    count=30,
    minutes=60,
    hours=((13, 0), (16, 0)),
    platforms=("youtube", "vk_video"),
    days=("SA", "SU", "WE"),
    counts=(4, 6, 8),
    formats=(
        Format(
            "online",
            "Онлайн-выставка: {s}",
            "Онлайн-күргәзмә: {s}",
            "Online exhibition: {s}",
            GROWN_UPS,
        ),
        Format(
            "curator",
            "Выставка с экскурсиями куратора: {s}",
            "Куратор экскурсияләре белән күргәзмә: {s}",
            "Exhibition with curator's tours: {s}",
            ("adults", "seniors"),
        ),
        Format(
            "children",
            "Выставка для детей: {s}",
            "Балалар өчен күргәзмә: {s}",
            "Exhibition for children: {s}",
            ("children",),
            hour=(11, 0),
        ),
    ),
    notes={
        "ru": ("Раз в неделю куратор проводит по выставке онлайн-экскурсию.",),
        "tt": ("Атнага бер тапкыр куратор күргәзмә буенча онлайн-экскурсия үткәрә.",),
        "en": ("Once a week the curator gives an online tour of the exhibition.",),
    },
    subjects=(
        _subject(
            "tatar-jewellery",
            "fine-art",
            ("national-museum",),
            (
                "Татарские ювелирные украшения",
                "Серебро, сердолик и бирюза: украшения XVIII–XX веков из фондов музея.",
            ),
            (
                "Татар зәркән бизәнгечләре",
                "Көмеш, аһак һәм фирүзә: музей фондларыннан XVIII–XX гасыр "
                "бизәнгечләре.",
            ),
            (
                "Tatar jewellery",
                "Silver, carnelian and turquoise: jewellery of the 18th to 20th "
                "centuries from the museum's collection.",
            ),
        ),
        _subject(
            "theatre-posters",
            "history",
            ("national-library",),
            (
                "Казанская афиша: сто лет театральных плакатов",
                "Плакаты и программки из фондов Национальной библиотеки.",
            ),
            (
                "Казан афишасы: театр плакатларының йөз елы",
                "Милли китапханә фондларыннан плакатлар һәм программалар.",
            ),
            (
                "Kazan playbills: a century of theatre posters",
                "Posters and programmes from the National Library's collection.",
            ),
        ),
        _subject(
            "pupils-drawings",
            "fine-art",
            ("art-school-1",),
            (
                "Рисунки учеников: «Мой город»",
                "Работы учеников художественной школы о любимых местах Казани.",
            ),
            (
                "Укучылар рәсемнәре: «Минем шәһәрем»",
                "Сынлы сәнгать мәктәбе укучыларының Казанның яраткан урыннары "
                "турындагы эшләре.",
            ),
            (
                "Pupils' drawings: My city",
                "Art school pupils' work about their favourite places in Kazan.",
            ),
        ),
        _subject(
            "kremlin-archaeology",
            "history",
            ("kazan-kremlin",),
            (
                "Археология Казанского кремля",
                "Находки последних раскопок: монеты, керамика и печати.",
            ),
            (
                "Казан Кремле археологиясе",
                "Соңгы казу эшләре табышлары: тәңкәләр, керамика һәм мөһерләр.",
            ),
            (
                "Archaeology of the Kazan Kremlin",
                "Finds from recent excavations: coins, pottery and seals.",
            ),
        ),
        _subject(
            "fechin-drawings",
            "fine-art",
            ("national-museum",),
            (
                "Графика Николая Фешина",
                "Портреты углём и карандашом из музейного собрания.",
            ),
            (
                "Николай Фешин графикасы",
                "Музей җыелмасыннан күмер һәм карандаш белән ясалган портретлар.",
            ),
            (
                "Drawings by Nikolai Fechin",
                "Charcoal and pencil portraits from the museum's collection.",
            ),
        ),
        _subject(
            "stage-costumes",
            "theatre",
            ("jalil-opera-theatre", "kamal-theatre"),
            (
                "Театральный костюм",
                "Костюмы из легендарных постановок и эскизы художников.",
            ),
            (
                "Театр костюмы",
                "Легендар спектакльләрдән костюмнар һәм рәссамнар эскизлары.",
            ),
            (
                "Stage costumes",
                "Costumes from legendary productions and the designers' sketches.",
            ),
        ),
        _subject(
            "urmanche",
            "fine-art",
            ("national-museum",),
            (
                "Баки Урманче: скульптура и графика",
                "Работы основоположника татарского профессионального "
                "изобразительного искусства.",
            ),
            (
                "Бакый Урманче: скульптура һәм графика",
                "Татар профессиональ сынлы сәнгатенә нигез салучының эшләре.",
            ),
            (
                "Baki Urmanche: sculpture and drawings",
                "Work by the founder of professional Tatar fine art.",
            ),
        ),
        _subject(
            "volga-instruments",
            "music",
            ("national-museum", "saydashev-music-school"),
            (
                "Музыкальные инструменты народов Поволжья",
                "Курай, гармонь, гусли и кубыз — с записями их звучания.",
            ),
            (
                "Идел буе халыкларының музыка уен кораллары",
                "Курай, гармун, гөсләр һәм кубыз — яңгырашлары язмалары белән.",
            ),
            (
                "Musical instruments of the Volga peoples",
                "Kurai, garmon, gusli and kubyz, with recordings of how they sound.",
            ),
        ),
        _subject(
            "sporting-glory",
            "sport",
            ("batyr-sports-centre", "national-museum"),
            (
                "Спортивная слава Казани",
                "Медали, форма и фотографии чемпионов разных лет.",
            ),
            (
                "Казанның спорт даны",
                "Төрле еллардагы чемпионнарның медальләре, формалары һәм фотолары.",
            ),
            (
                "Kazan's sporting glory",
                "Medals, kits and photographs of champions over the years.",
            ),
        ),
        _subject(
            "old-maps",
            "history",
            ("national-library", "district-library"),
            (
                "Старые карты Казани",
                "Как менялись границы города, слободы и улицы за четыре века.",
            ),
            (
                "Казанның иске карталары",
                "Дүрт гасыр эчендә шәһәр чикләре, бистәләр һәм урамнар ничек үзгәргән.",
            ),
            (
                "Old maps of Kazan",
                "How the city's boundaries, quarters and streets changed over "
                "four centuries.",
            ),
        ),
    ),
)

COURSE = Kind(
    type="course",
    count=36,
    minutes=90,
    hours=((18, 30),),
    platforms=("zoom",),
    days=("TU,TH", "MO,WE", "WE,FR", "SA"),
    counts=(8, 10, 12, 16),
    in_person_every=2,
    formats=(
        Format("course", "Курс: {s}", "Курс: {s}", "Course: {s}", ("adults",)),
        Format(
            "seniors",
            "Курс для старшего поколения: {s}",
            "Өлкән буын өчен курс: {s}",
            "Course for older people: {s}",
            ("seniors",),
            hour=(11, 0),
        ),
        Format(
            "beginners",
            "Курс для начинающих: {s}",
            "Башлап җибәрүчеләр өчен курс: {s}",
            "Beginners' course: {s}",
            ("youth", "adults"),
        ),
    ),
    notes={
        "ru": (
            "Курс из {count} занятий; места ограничены, нужна регистрация.",
            "Занятия в небольших группах, преподаватель отвечает каждому.",
        ),
        "tt": (
            "{count} дәрестән торган курс; урыннар саны чикле, теркәлү кирәк.",
            "Дәресләр кечкенә төркемнәрдә, укытучы һәркемгә җавап бирә.",
        ),
        "en": (
            "A course of {count} classes; places are limited, so please register.",
            "Small groups: the teacher answers everyone.",
        ),
    },
    subjects=(
        _subject(
            "computer-literacy",
            "digital",
            ("national-library", "district-library"),
            (
                "Компьютерная грамотность",
                "Включить компьютер, работать с мышью и клавиатурой, искать в "
                "интернете и писать письма.",
            ),
            (
                "Компьютер савадлылыгы",
                "Компьютерны кабызу, тычкан һәм клавиатура белән эшләү, "
                "интернетта эзләү һәм хат язу.",
            ),
            (
                "Computer literacy",
                "Switching on, using the mouse and keyboard, searching the "
                "internet and writing emails.",
            ),
            formats=(1, 0, 2),
        ),
        _subject(
            "smartphone",
            "digital",
            ("district-library", "national-library", "yashlek-centre"),
            (
                "Смартфон без страха",
                "Звонки, сообщения, камера, мессенджеры и настройка крупного шрифта.",
            ),
            (
                "Смартфон — куркусыз",
                "Шалтыратулар, хәбәрләр, камера, мессенджерлар һәм эре шрифт көйләү.",
            ),
            (
                "Smartphones without fear",
                "Calls, messages, the camera, messaging apps and large-text settings.",
            ),
        ),
        _subject(
            "gosuslugi",
            "digital",
            ("national-library", "district-library"),
            (
                "Госуслуги и городские сервисы онлайн",
                "Регистрация, подтверждение учётной записи, запись к врачу и "
                "оплата услуг.",
            ),
            (
                "Дәүләт хезмәтләре һәм шәһәр сервислары онлайн",
                "Теркәлү, хисап язмасын раслау, табибка язылу һәм хезмәтләр "
                "өчен түләү.",
            ),
            (
                "Gosuslugi and city services online",
                "Signing up, confirming your account, booking a doctor and "
                "paying bills.",
            ),
        ),
        _subject(
            "internet-safety",
            "digital",
            ("national-library", "district-library"),
            (
                "Безопасность в интернете",
                "Пароли, двухфакторная защита, мошеннические звонки и сообщения.",
            ),
            (
                "Интернетта куркынычсызлык",
                "Серсүзләр, ике факторлы саклау, алдакчы шалтыратулар һәм хәбәрләр.",
            ),
            (
                "Staying safe online",
                "Passwords, two-factor protection, scam calls and messages.",
            ),
        ),
        _subject(
            "tatar-language",
            "literature",
            ("national-library", "yashlek-centre"),
            (
                "Татарский язык",
                "Разговорный татарский с нуля: приветствия, числа, в магазине и "
                "в гостях.",
            ),
            (
                "Татар теле",
                "Нульдән сөйләм татар теле: сәламләү, саннар, кибеттә һәм кунакта.",
            ),
            (
                "Tatar language",
                "Spoken Tatar from scratch: greetings, numbers, shopping and visiting.",
            ),
            language="ru_tt",
        ),
        _subject(
            "drawing-painting",
            "fine-art",
            ("art-school-1",),
            (
                "Рисунок и живопись",
                "От натюрморта к пейзажу: карандаш, акварель и гуашь.",
            ),
            (
                "Рәсем һәм живопись",
                "Натюрморттан пейзажга кадәр: карандаш, акварель һәм гуашь.",
            ),
            (
                "Drawing and painting",
                "From still life to landscape: pencil, watercolour and gouache.",
            ),
        ),
        _subject(
            "photography",
            "cinema",
            ("yashlek-centre",),
            (
                "Основы фотографии",
                "Экспозиция, композиция и свет: от телефона до фотоаппарата.",
            ),
            (
                "Фотография нигезләре",
                "Экспозиция, композиция һәм яктылык: телефоннан фотоаппаратка кадәр.",
            ),
            (
                "Photography basics",
                "Exposure, composition and light, from phone to camera.",
            ),
        ),
        _subject(
            "office",
            "digital",
            ("district-library", "national-library"),
            (
                "Текстовый редактор и таблицы",
                "Документы, письма и семейный бюджет в таблице — для тех, кто "
                "ищет работу.",
            ),
            (
                "Текст мөхәррире һәм таблицалар",
                "Документлар, хатлар һәм таблицада гаилә бюджеты — эш эзләүчеләр өчен.",
            ),
            (
                "Word processing and spreadsheets",
                "Documents, letters and a household budget in a spreadsheet, for "
                "job seekers.",
            ),
        ),
        _subject(
            "choir",
            "music",
            ("saydashev-music-school", "chulpan-centre"),
            (
                "Хоровое пение",
                "Постановка голоса и разучивание песен для итогового концерта.",
            ),
            (
                "Хорда җырлау",
                "Тавыш кую һәм йомгаклау концерты өчен җырлар өйрәнү.",
            ),
            (
                "Choral singing",
                "Voice training and learning songs for the end-of-course concert.",
            ),
        ),
        _subject(
            "local-history",
            "history",
            ("district-library", "national-museum"),
            (
                "Краеведение: история моего района",
                "Работа с архивами, старыми фотографиями и воспоминаниями соседей.",
            ),
            (
                "Туган якны өйрәнү: минем район тарихы",
                "Архивлар, иске фотолар һәм күршеләр истәлекләре белән эш.",
            ),
            (
                "Local history: the story of my district",
                "Working with archives, old photographs and neighbours' memories.",
            ),
        ),
        _subject(
            "acting",
            "theatre",
            ("kachalov-theatre", "kamal-theatre"),
            (
                "Актёрское мастерство",
                "Этюды, сценическая речь и работа в паре с артистами театра.",
            ),
            (
                "Актёрлык осталыгы",
                "Театр артистлары белән этюдлар, сәхнә сөйләме һәм парлап эшләү.",
            ),
            (
                "Acting",
                "Improvisation, stage speech and partner work with the theatre's "
                "actors.",
            ),
        ),
        _subject(
            "online-payments",
            "digital",
            ("district-library", "national-library"),
            (
                "Покупки и платежи онлайн",
                "Интернет-магазины, банковское приложение, оплата ЖКХ и проезда.",
            ),
            (
                "Онлайн сатып алулар һәм түләүләр",
                "Интернет-кибетләр, банк кушымтасы, торак-коммуналь хезмәтләр "
                "һәм юл өчен түләү.",
            ),
            (
                "Shopping and payments online",
                "Online shops, the banking app, paying utilities and fares.",
            ),
        ),
    ),
)

SPORTS_CLASS = Kind(
    type="sports_class",
    count=27,
    minutes=45,
    hours=((10, 0), (19, 0)),
    platforms=("vk_video", "youtube", "zoom"),
    days=("MO,WE,FR", "TU,TH", "TU,TH,SA", "MO,TH"),
    counts=(12, 18, 24, 36),
    in_person_every=2,
    formats=(
        Format(
            "seniors",
            "{s} для старшего поколения",
            "Өлкән буын өчен {l}",
            "{s} for older people",
            ("seniors",),
            hour=(10, 0),
        ),
        Format(
            "children",
            "{s} для детей",
            "Балалар өчен {l}",
            "{s} for children",
            ("children",),
            hour=(16, 0),
        ),
        Format(
            "adults",
            "{s} для взрослых",
            "Олылар өчен {l}",
            "{s} for adults",
            ("youth", "adults"),
            hour=(19, 0),
        ),
    ),
    notes={
        "ru": (
            "Занимайтесь дома вместе с тренером: понадобятся коврик и стул.",
            "Нагрузка умеренная, подходит для начинающих.",
        ),
        "tt": (
            "Тренер белән өйдә шөгыльләнегез: келәм һәм урындык кирәк булачак.",
            "Йөкләнеш уртача, башлап җибәрүчеләргә дә туры килә.",
        ),
        "en": (
            "Exercise at home with a coach; you need a mat and a chair.",
            "Moderate effort, suitable for beginners.",
        ),
    },
    subjects=(
        _subject(
            "yoga",
            "sport",
            ("batyr-sports-centre", "chulpan-centre"),
            ("Йога", "Мягкие асаны, дыхание и расслабление."),
            ("Йога", "Йомшак асаналар, сулыш һәм ял итү."),
            ("Yoga", "Gentle poses, breathing and relaxation."),
        ),
        _subject(
            "nordic-walking",
            "sport",
            ("batyr-sports-centre",),
            (
                "Скандинавская ходьба",
                "Разминка онлайн и прогулка с палками по парку Горького.",
            ),
            (
                "Скандинав йөреше",
                "Онлайн разминка һәм Горький паркында таяклар белән йөрү.",
            ),
            (
                "Nordic walking",
                "An online warm-up and a walk with poles in Gorky Park.",
            ),
        ),
        _subject(
            "chess",
            "sport",
            ("batyr-sports-centre", "district-library", "yashlek-centre"),
            (
                "Шахматы",
                "Дебюты, задачи и партии с тренером на онлайн-доске.",
            ),
            (
                "Шахмат",
                "Онлайн-тактада тренер белән дебютлар, мәсьәләләр һәм партияләр.",
            ),
            (
                "Chess",
                "Openings, puzzles and games with a coach on an online board.",
            ),
        ),
        _subject(
            "morning-gymnastics",
            "sport",
            ("chulpan-centre", "batyr-sports-centre"),
            (
                "Утренняя гимнастика",
                "Суставная гимнастика и упражнения на равновесие.",
            ),
            (
                "Иртәнге гимнастика",
                "Буыннар өчен гимнастика һәм тигезлек күнегүләре.",
            ),
            (
                "Morning exercises",
                "Joint mobility and balance exercises.",
            ),
        ),
        _subject(
            "dance-aerobics",
            "dance",
            ("yashlek-centre", "chulpan-centre"),
            (
                "Танцевальная аэробика",
                "Простые связки под татарскую и современную музыку.",
            ),
            (
                "Бию аэробикасы",
                "Татар һәм хәзерге музыкага гади хәрәкәтләр.",
            ),
            (
                "Dance aerobics",
                "Simple routines to Tatar and modern music.",
            ),
        ),
        _subject(
            "pilates",
            "sport",
            ("batyr-sports-centre",),
            ("Пилатес", "Укрепляем спину и мышцы корпуса без прыжков."),
            ("Пилатес", "Сикермичә арка һәм корпус мускулларын ныгытабыз."),
            ("Pilates", "Strengthening the back and core without jumping."),
        ),
        _subject(
            "koresh",
            "sport",
            ("batyr-sports-centre",),
            (
                "Татарская борьба на поясах",
                "Основы корэша: стойка, захваты и правила.",
            ),
            (
                "Милли көрәш",
                "Билбау көрәшенең нигезләре: торыш, тотып алу һәм кагыйдәләр.",
            ),
            (
                "Tatar belt wrestling",
                "The basics of köräş: stance, grips and rules.",
            ),
            formats=(1, 2),
        ),
        _subject(
            "table-tennis",
            "sport",
            ("batyr-sports-centre", "yashlek-centre"),
            ("Настольный теннис", "Подача, приём и игра в паре."),
            ("Өстәл теннисы", "Туп бирү, кабул итү һәм парлап уйнау."),
            ("Table tennis", "Serving, returning and doubles play."),
        ),
        _subject(
            "breathing",
            "sport",
            ("chulpan-centre", "batyr-sports-centre"),
            (
                "Дыхательная гимнастика",
                "Упражнения для лёгких и спокойного сна.",
            ),
            (
                "Сулыш гимнастикасы",
                "Үпкәләр һәм тыныч йокы өчен күнегүләр.",
            ),
            (
                "Breathing exercises",
                "Exercises for the lungs and a calm night's sleep.",
            ),
            formats=(0, 2),
        ),
        _subject(
            "five-a-side",
            "sport",
            ("batyr-sports-centre",),
            ("Мини-футбол", "Техника, игра в команде и честная игра."),
            ("Мини-футбол", "Техника, командада уйнау һәм гадел уен."),
            ("Five-a-side football", "Technique, teamwork and fair play."),
            formats=(1, 2),
        ),
    ),
)

QA_INTERVIEW = Kind(
    type="qa_interview",
    count=24,
    minutes=60,
    hours=((19, 0), (18, 0)),
    platforms=("vk_video", "youtube"),
    formats=(
        Format(
            "live",
            "Прямой эфир: {s}",
            "Туры эфир: {s}",
            "Live: {s}",
            ("adults", "seniors"),
        ),
        Format(
            "meeting",
            "Онлайн-встреча: {s}",
            "Онлайн-очрашу: {s}",
            "Online meeting: {s}",
            GROWN_UPS,
        ),
    ),
    notes={
        "ru": ("Вопросы принимаются заранее на сайте и во время эфира.",),
        "tt": ("Сораулар сайтта алдан һәм эфир вакытында кабул ителә.",),
        "en": ("Send questions in advance on the site or during the broadcast.",),
    },
    subjects=(
        _subject(
            "summer-season",
            "history",
            (None,),
            (
                "Вопросы начальнику управления культуры о летнем сезоне",
                "Фестивали, парки и дома культуры: что город готовит к лету.",
            ),
            (
                "Мәдәният идарәсе башлыгына җәйге сезон турында сораулар",
                "Фестивальләр, парклар һәм мәдәният йортлары: шәһәр җәйгә нәрсә "
                "әзерли.",
            ),
            (
                "Questions to the head of the culture department about the "
                "summer season",
                "Festivals, parks and community centres: what the city has "
                "planned for summer.",
            ),
        ),
        _subject(
            "museum-director",
            "museums",
            ("national-museum",),
            (
                "Вопросы директору Национального музея",
                "Новые выставки, реставрация и как музей пополняет коллекцию.",
            ),
            (
                "Милли музей директорына сораулар",
                "Яңа күргәзмәләр, реставрация һәм музей коллекцияне ничек тулыландыра.",
            ),
            (
                "Questions to the director of the National Museum",
                "New exhibitions, restoration and how the museum builds its "
                "collection.",
            ),
        ),
        _subject(
            "kamal-director",
            "theatre",
            ("kamal-theatre",),
            (
                "Вопросы художественному руководителю театра Камала",
                "Премьеры сезона, новая сцена и спектакли с переводом.",
            ),
            (
                "Камал театрының сәнгать җитәкчесенә сораулар",
                "Сезон премьералары, яңа сәхнә һәм тәрҗемә белән спектакльләр.",
            ),
            (
                "Questions to the artistic director of the Kamal Theatre",
                "The season's premieres, the new stage and performances with "
                "translation.",
            ),
            language="tt",
        ),
        _subject(
            "chief-conductor",
            "music",
            ("symphony-orchestra",),
            (
                "Вопросы главному дирижёру симфонического оркестра",
                "Как строится программа сезона и как попасть на репетицию.",
            ),
            (
                "Симфоник оркестрның баш дирижерына сораулар",
                "Сезон программасы ничек төзелә һәм репетициягә ничек эләгергә.",
            ),
            (
                "Questions to the chief conductor of the Symphony Orchestra",
                "How the season's programme is built and how to attend a rehearsal.",
            ),
        ),
        _subject(
            "library-director",
            "literature",
            ("national-library",),
            (
                "Вопросы директору Национальной библиотеки",
                "Электронный читальный зал, редкие книги и новые услуги для читателей.",
            ),
            (
                "Милли китапханә директорына сораулар",
                "Электрон уку залы, сирәк китаплар һәм укучылар өчен яңа хезмәтләр.",
            ),
            (
                "Questions to the director of the National Library",
                "The digital reading room, rare books and new services for readers.",
            ),
        ),
        _subject(
            "sport-committee",
            "sport",
            ("batyr-sports-centre", None),
            (
                "Вопросы председателю комитета по физической культуре и спорту",
                "Бесплатные секции, дворовые площадки и городские забеги.",
            ),
            (
                "Физик культура һәм спорт комитеты рәисенә сораулар",
                "Бушлай секцияләр, ишегалды мәйданчыклары һәм шәһәр йөгерешләре.",
            ),
            (
                "Questions to the chair of the sport committee",
                "Free sports clubs, courtyard playgrounds and city races.",
            ),
        ),
        _subject(
            "arts-schools",
            "fine-art",
            (None,),
            (
                "Вопросы начальнику управления образования о школах искусств",
                "Приём в музыкальные и художественные школы, кружки и конкурсы.",
            ),
            (
                "Мәгариф идарәсе башлыгына сәнгать мәктәпләре турында сораулар",
                "Музыка һәм сынлы сәнгать мәктәпләренә кабул итү, түгәрәкләр "
                "һәм бәйгеләр.",
            ),
            (
                "Questions to the head of the education department about arts schools",
                "Admissions to music and art schools, clubs and competitions.",
            ),
        ),
        _subject(
            "digital-committee",
            "digital",
            (None,),
            (
                "Вопросы руководителю комитета цифрового развития",
                "Городские приложения, бесплатный Wi-Fi и курсы цифровой грамотности.",
            ),
            (
                "Санлы үсеш комитеты җитәкчесенә сораулар",
                "Шәһәр кушымталары, бушлай Wi-Fi һәм санлы савадлылык курслары.",
            ),
            (
                "Questions to the head of the digital development committee",
                "City apps, free Wi-Fi and digital literacy courses.",
            ),
        ),
        _subject(
            "kremlin-director",
            "history",
            ("kazan-kremlin",),
            (
                "Вопросы директору музея-заповедника «Казанский Кремль»",
                "Раскопки, реставрация башен и новые маршруты.",
            ),
            (
                "«Казан Кремле» музей-тыюлыгы директорына сораулар",
                "Казу эшләре, манараларны реставрацияләү һәм яңа маршрутлар.",
            ),
            (
                "Questions to the director of the Kazan Kremlin Museum-Reserve",
                "Excavations, restoring the towers and new routes.",
            ),
        ),
        _subject(
            "heritage-committee",
            "history",
            (None,),
            (
                "Вопросы председателю комитета по охране культурного наследия",
                "Как сохраняют старые дома слобод и кто за это платит.",
            ),
            (
                "Мәдәни мирасны саклау комитеты рәисенә сораулар",
                "Бистәләрнең иске йортларын ничек саклыйлар һәм моның өчен кем түли.",
            ),
            (
                "Questions to the chair of the heritage protection committee",
                "How the quarters' old houses are preserved and who pays for it.",
            ),
        ),
        _subject(
            "film-festival-director",
            "cinema",
            (None,),
            (
                "Вопросы директору Казанского фестиваля мусульманского кино",
                "Программа фестиваля, бесплатные показы и конкурс для молодых "
                "режиссёров.",
            ),
            (
                "Казан мөселман киносы фестивале директорына сораулар",
                "Фестиваль программасы, бушлай күрсәтүләр һәм яшь режиссёрлар бәйгесе.",
            ),
            (
                "Questions to the director of the Kazan Muslim Film Festival",
                "The festival programme, free screenings and a competition for "
                "young directors.",
            ),
        ),
        _subject(
            "active-ageing",
            "sport",
            (None,),
            (
                "Вопросы начальнику управления социальной защиты о программах "
                "для старшего поколения",
                "Активное долголетие: бесплатные занятия, курсы и клубы по интересам.",
            ),
            (
                "Социаль яклау идарәсе башлыгына өлкән буын өчен программалар "
                "турында сораулар",
                "Актив озын гомер: бушлай шөгыльләр, курслар һәм кызыксынулар "
                "буенча клублар.",
            ),
            (
                "Questions to the head of social welfare about programmes for "
                "older people",
                "Active ageing: free classes, courses and interest clubs.",
            ),
        ),
    ),
)

KINDS = (
    LECTURE,
    CONCERT,
    LIVESTREAM,
    MASTERCLASS,
    VIRTUAL_TOUR,
    FILM_SCREENING,
    EXHIBITION,
    COURSE,
    SPORTS_CLASS,
    QA_INTERVIEW,
)

# Notes of changed dates, per kind of change; a schedule picks one by position.
CHANGE_NOTES = {
    "cancelled": (
        {
            "ru": "Занятия не будет: праздничный день",
            "tt": "Дәрес булмаячак: бәйрәм көне",
            "en": "No class: public holiday",
        },
        {
            "ru": "Отменено: преподаватель заболел",
            "tt": "Юкка чыгарылды: укытучы авырый",
            "en": "Cancelled: the teacher is ill",
        },
        {
            "ru": "Отменено: зал занят городским мероприятием",
            "tt": "Юкка чыгарылды: залда шәһәр чарасы уза",
            "en": "Cancelled: the hall is taken by a city event",
        },
    ),
    "moved": (
        {
            "ru": "Перенесено на следующий день, в то же время",
            "tt": "Икенче көнгә, шул ук вакытка күчерелде",
            "en": "Moved to the next day at the same time",
        },
        {
            "ru": "Начало перенесено на два часа позже",
            "tt": "Башлану ике сәгатькә соңрак күчерелде",
            "en": "Starts two hours later",
        },
    ),
    "online": (
        {
            "ru": "В этот день только онлайн: ремонт в зале",
            "tt": "Бу көнне онлайн гына: залда ремонт",
            "en": "Online only this day: the hall is being repaired",
        },
        {
            "ru": "Только онлайн: санитарный день на площадке",
            "tt": "Онлайн гына: бинада санитар көн",
            "en": "Online only: the venue is closed for cleaning",
        },
    ),
}
MOVES = (timedelta(days=1), timedelta(hours=2))

REGISTRATION_NOTE = {
    "ru": "Число мест ограничено, нужна регистрация.",
    "tt": "Урыннар саны чикле, теркәлү кирәк.",
    "en": "Places are limited, so please register.",
}
IN_PERSON_NOTE = {
    "ru": "Можно прийти и лично: {venue}.",
    "tt": "Шулай ук үзегез килә аласыз: {venue}.",
    "en": "You can also come in person: {venue}.",
}
DEPARTMENT_VK_GROUP = 100000000


def season_plan(size=FULL, venues=None):
    """The season's events as seed specs, in the order the seed creates them.

    ``venues`` maps an institution slug to its venue's names by language
    (``venue_names()``); events of those institutions sometimes take place there.
    """
    if size not in SEASONS:
        raise ValueError(f"Unknown season {size!r}; expected one of {SEASONS}")
    venues = venue_names() if venues is None else venues
    events = []
    for kind in KINDS:
        occurrences_of = {}
        for position, (subject, fmt) in enumerate(_titles(kind)):
            round_ = occurrences_of.get(subject.key, 0)
            occurrences_of[subject.key] = round_ + 1
            events.append(_event(kind, position, round_, subject, fmt, venues))
    _schedule([e for e in events if not e["rule"]], FIRST_DAY, LAST_DAY)
    _schedule([e for e in events if e["rule"]], FIRST_DAY, LAST_SERIES_START)
    if size == SMALL:
        events = [event for event in events if event["small"]]
    return events


def venue_names():
    from .demo_content import VENUES

    return {
        venue["institution"]: {
            "key": venue["key"],
            **{code: venue[code][0] for code in LANGUAGES},
        }
        for venue in VENUES
    }


def _titles(kind):
    """(subject, format) pairs, each once: every subject's first format, then
    every subject's second, and so on."""
    pairs = []
    round_ = 0
    while len(pairs) < kind.count:
        added = False
        for index, subject in enumerate(kind.subjects):
            allowed = subject.formats or tuple(range(len(kind.formats)))
            if round_ >= len(allowed):
                continue
            pairs.append(
                (subject, kind.formats[allowed[(round_ + index) % len(allowed)]])
            )
            added = True
            if len(pairs) == kind.count:
                break
        if not added:
            raise ValueError(
                f"{kind.type}: only {len(pairs)} distinct titles for {kind.count}"
            )
        round_ += 1
    return pairs


def _event(kind, position, round_, subject, fmt, venues):
    host = subject.hosts[round_ % len(subject.hosts)]
    slug = f"{kind.type.replace('_', '-')}-{subject.key}-{fmt.key}"
    venue = venues.get(host)
    in_person = bool(
        venue and kind.in_person_every and position % kind.in_person_every == 0
    )
    platforms = _platforms(kind, position, slug, host)
    if in_person:
        platforms.append(("in_person", ""))
    rule, count = "", 1
    if kind.recurring:
        days = kind.days[position % len(kind.days)]
        count = kind.counts[position % len(kind.counts)]
        if days == "SA" and count > 8:
            count = 8
        rule = f"FREQ=WEEKLY;BYDAY={days};COUNT={count}"
    registration, capacity, registrants = _registration(kind, position)
    joining_link = ""
    if registration and platforms[0][0] == "zoom":
        joining_link = f"{platforms[0][1]}?pwd={_digest(slug + ':pwd')[:12].hex()}"
    hour, minute = fmt.hour or kind.hours[position % len(kind.hours)]
    texts = {}
    for code in LANGUAGES:
        note = kind.notes[code][position % len(kind.notes[code])]
        parts = [subject.texts[code][1], note.format(minutes=kind.minutes, count=count)]
        if registration and kind.type != "course":
            parts.append(REGISTRATION_NOTE[code])
        if in_person:
            parts.append(IN_PERSON_NOTE[code].format(venue=venue[code]))
        texts[code] = (fmt.title(code, subject), " ".join(parts))
    return {
        "slug": slug,
        "institution": host,
        "type": kind.type,
        "domain": subject.domain,
        "language": fmt.language or subject.language,
        "audiences": list(fmt.audiences),
        "registration": registration,
        "capacity": capacity,
        "registrants": registrants,
        "start": (0, hour, minute),
        "minutes": kind.minutes,
        "rule": rule,
        "changes": _changes(position, count, in_person) if rule else [],
        "platforms": platforms,
        "venue": venue["key"] if in_person else None,
        "joining_link": joining_link,
        "image": position,
        "small": position < SMALL_PER_TYPE,
        **texts,
    }


def _platforms(kind, position, slug, host):
    first = kind.platforms[position % len(kind.platforms)]
    platforms = [(first, _url(first, slug, host))]
    # Big performances go out on a second service as well.
    if kind.type in {"livestream", "concert"} and position % 3 == 0:
        second = kind.platforms[(position + 1) % len(kind.platforms)]
        platforms.append((second, _url(second, slug, host)))
    return platforms


def _digest(text):
    return hashlib.sha256(text.encode()).digest()


def _url(platform, slug, host):
    """A plausible link to the broadcast; nothing ever fetches it."""
    digest = _digest(slug)
    if platform == "youtube":
        return (
            "https://www.youtube.com/watch?v="
            + base64.urlsafe_b64encode(digest[:9]).decode()[:11]
        )
    if platform == "vk_video":
        group = DEPARTMENT_VK_GROUP + sum((host or "").encode()) % 1000
        video = 456239000 + int.from_bytes(digest[:3]) % 1000
        return f"https://vkvideo.ru/video-{group}_{video}"
    if platform == "rutube":
        return f"https://rutube.ru/video/{digest[:16].hex()}/"
    if platform == "zoom":
        meeting = 8_000_000_000 + int.from_bytes(digest[:5]) % 1_000_000_000
        return f"https://zoom.us/j/{meeting}"
    raise ValueError(platform)


def _registration(kind, position):
    """(registration required, places, how many residents register).

    Every third course is full with a waiting list; other courses and the
    masterclasses that need registration are partly booked.
    """
    if kind.type == "course":
        capacity = (12, 15, 20, 25, 16, 18)[position % 6]
        if position % 3 == 0:
            return True, capacity, capacity + 2 + position % 5
        return True, capacity, capacity * (35 + position * 13 % 60) // 100
    if kind.type == "masterclass" and position % 2 == 0:
        capacity = (20, 25, 30)[position % 3]
        if position % 8 == 0:
            return True, capacity, capacity + 3
        return True, capacity, capacity // 2
    return False, None, 0


def _changes(position, count, in_person):
    """A cancelled, a moved or an online-only date for three series in four."""
    variant = position % 4
    notes = CHANGE_NOTES
    if variant == 0:
        changes = [(2, "cancelled", None, notes["cancelled"][position % 3])]
    elif variant == 1:
        changes = [(3, "moved", MOVES[position % 2], notes["moved"][position % 2])]
    elif variant == 2 and in_person:
        changes = [(1, "online", None, notes["online"][position % 2])]
    elif variant == 2:
        changes = [(1, "cancelled", None, notes["cancelled"][(position + 1) % 3])]
    else:
        changes = []
    if position % 5 == 4 and count > 6:
        changes.append((count - 2, "cancelled", None, notes["cancelled"][0]))
    return changes


def _schedule(events, first_day, last_day):
    """Spread the events' first dates over the days, types well mixed.

    A stride through the list, rather than its order, gives each type (and the
    small season's first events of each type) dates across the whole span.
    """
    total = len(events)
    if not total:
        return
    span = last_day - first_day + 1
    stride = _coprime_near(total, int(total * 0.618))
    for index, event in enumerate(events):
        slot = index * stride % total
        _, hour, minute = event["start"]
        event["start"] = (first_day + slot * span // total, hour, minute)


def _coprime_near(total, target):
    stride = max(target, 1)
    while math.gcd(stride, total) != 1:
        stride += 1
    return stride


def resident_accounts():
    """(email, first name, last name) of the demo residents who register."""
    women = (
        "Айгуль", "Алсу", "Гульнара", "Лейсан", "Зульфия", "Эльмира", "Динара",
        "Ольга", "Ирина", "Светлана", "Наталья", "Татьяна", "Резеда", "Альбина",
        "Елена", "Чулпан",
    )  # fmt: skip
    men = (
        "Рамиль", "Ильдар", "Марат", "Тимур", "Наиль", "Ринат", "Айдар", "Булат",
        "Сергей", "Андрей", "Дмитрий", "Алексей", "Рустам", "Азат", "Ильназ",
        "Олег",
    )  # fmt: skip
    surnames = (
        "Хасанов", "Галиев", "Сафин", "Ибрагимов", "Иванов", "Кузнецов",
        "Мухаметзянов", "Шарипов", "Нуриев", "Гилязов", "Петров", "Смирнов",
        "Ахметов", "Фаизов", "Сабиров", "Зарипов", "Миннуллин", "Габдрахманов",
        "Волков", "Никитин",
    )  # fmt: skip
    accounts = []
    for number in range(1, RESIDENT_COUNT + 1):
        woman = number % 2 == 1
        first = (women if woman else men)[number * 7 % 16]
        surname = surnames[number * 11 % len(surnames)] + ("а" if woman else "")
        accounts.append((RESIDENT_EMAIL.format(number), first, surname))
    return accounts


def registrations_for(event_number, spec):
    """(resident number, status) of one event's demo registrations, oldest first.

    Places go to the first registrants and the rest wait; every other event has
    one resident who registered and then cancelled.
    """
    total = spec["registrants"]
    if not total:
        return []
    first = event_number * 37 % RESIDENT_COUNT
    numbers = [(first + step * 7) % RESIDENT_COUNT + 1 for step in range(total + 1)]
    rows = [
        (number, "confirmed" if place < spec["capacity"] else "waitlisted")
        for place, number in enumerate(numbers[:total])
    ]
    if event_number % 2:
        rows.insert(1, (numbers[total], "cancelled"))
    return rows


def resident_language(number):
    """The language a demo resident registered in: mostly Russian."""
    if number % 4 == 0:
        return "tt"
    if number % 9 == 0:
        return "en"
    return "ru"


def stable_uuid(key):
    return uuid.uuid5(DEMO_NAMESPACE, key)
