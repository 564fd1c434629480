"""Demo programme content in Russian, Tatar and English: domains, institutions, events.

Dates are relative to the day the seed runs, so the demo always has events that
are coming up, live this week and already past.
"""

DOMAINS = [
    ("music", "Музыка", "Музыка", "Music"),
    ("theatre", "Театр", "Театр", "Theatre"),
    ("literature", "Литература", "Әдәбият", "Literature"),
    ("museums", "Музеи", "Музейлар", "Museums"),
    ("cinema", "Кино", "Кино", "Cinema"),
    ("dance", "Танец", "Бию", "Dance"),
    ("fine-art", "Изобразительное искусство", "Сынлы сәнгать", "Fine art"),
    ("digital", "Цифровая грамотность", "Санлы савадлылык", "Digital literacy"),
    ("sport", "Спорт и здоровье", "Спорт һәм сәламәтлек", "Sport and health"),
    (
        "history",
        "История и краеведение",
        "Тарих һәм туган якны өйрәнү",
        "Local history",
    ),
]

INSTITUTIONS = [
    {
        "slug": "national-library",
        "kind": "library",
        "address": "Казань, ул. Пушкина, 86",
        "ru": (
            "Национальная библиотека Республики Татарстан",
            "Лекции, литературные вечера и курсы компьютерной грамотности.",
        ),
        "tt": (
            "Татарстан Республикасы Милли китапханәсе",
            "Лекцияләр, әдәби кичәләр һәм компьютер савадлылыгы курслары.",
        ),
        "en": (
            "National Library of the Republic of Tatarstan",
            "Lectures, literary evenings and computer literacy courses.",
        ),
    },
    {
        "slug": "saydashev-music-school",
        "kind": "music_school",
        "address": "Казань, ул. Габдуллы Тукая, 55",
        "ru": (
            "Детская музыкальная школа им. С. Сайдашева",
            "Концерты учеников и преподавателей, мастер-классы.",
        ),
        "tt": (
            "С. Сәйдәшев исемендәге балалар музыка мәктәбе",
            "Укучылар һәм укытучылар концертлары, мастер-класслар.",
        ),
        "en": (
            "Saydashev Children's Music School",
            "Concerts by pupils and teachers, masterclasses.",
        ),
    },
    {
        "slug": "chulpan-centre",
        "kind": "community_centre",
        "address": "Казань, ул. Фатыха Амирхана, 5",
        "ru": (
            "Дом культуры «Чулпан»",
            "Танцевальные и спортивные занятия для всех возрастов.",
        ),
        "tt": (
            "«Чулпан» мәдәният йорты",
            "Барлык яшьтәгеләр өчен бию һәм спорт дәресләре.",
        ),
        "en": ("Chulpan Community Centre", "Dance and sports classes for all ages."),
    },
]

# slug, institution slug or None, type, domain, language, audiences, registration,
# capacity, first start (days from today, hour, minute), minutes, rule, changes,
# platforms, texts per language (title, introduction)
EVENTS = [
    {
        "slug": "computer-literacy-for-seniors",
        "institution": "national-library",
        "type": "course",
        "domain": "digital",
        "language": "ru",
        "audiences": ["seniors", "adults"],
        "registration": True,
        "capacity": 20,
        "start": (-14, 11, 0),
        "minutes": 90,
        "rule": "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=16",
        "changes": [
            (
                3,
                "cancelled",
                None,
                {
                    "ru": "Занятия не будет: праздничный день",
                    "tt": "Дәрес булмаячак: бәйрәм көне",
                    "en": "No class: public holiday",
                },
            )
        ],
        "platforms": [("zoom", "https://zoom.us/j/0000000000"), ("in_person", "")],
        "ru": (
            "Компьютерная грамотность для старшего поколения",
            "Шестнадцать занятий: электронная почта, Госуслуги, видеозвонки "
            "родным и безопасность в интернете. Можно заниматься онлайн или в "
            "библиотеке.",
        ),
        "tt": (
            "Өлкән буын өчен компьютер савадлылыгы",
            "Уналты дәрес: электрон почта, Дәүләт хезмәтләре, туганнарга "
            "видеоэлемтә һәм интернетта куркынычсызлык. Онлайн яки "
            "китапханәдә шөгыльләнергә мөмкин.",
        ),
        "en": (
            "Computer literacy for older people",
            "Sixteen classes: email, Gosuslugi, video calls with family and "
            "staying safe online. Take part online or at the library.",
        ),
    },
    {
        "slug": "tukay-evening",
        "institution": "national-library",
        "type": "livestream",
        "domain": "literature",
        "language": "tt",
        "audiences": ["adults", "seniors", "youth"],
        "registration": False,
        "capacity": None,
        "start": (3, 18, 30),
        "minutes": 90,
        "rule": "",
        "changes": [],
        "platforms": [("vk_video", "https://vkvideo.ru/video-100000000_456239017")],
        "ru": (
            "Вечер поэзии Габдуллы Тукая",
            "Актёры и студенты читают стихи Тукая на татарском и русском языках.",
        ),
        "tt": (
            "Габдулла Тукай шигърияте кичәсе",
            "Артистлар һәм студентлар Тукай шигырьләрен татар һәм рус телләрендә укый.",
        ),
        "en": (
            "An evening of Gabdulla Tukay's poetry",
            "Actors and students read Tukay's poems in Tatar and Russian.",
        ),
    },
    {
        "slug": "spring-pupils-concert",
        "institution": "saydashev-music-school",
        "type": "concert",
        "domain": "music",
        "language": "none",
        "audiences": ["children", "adults", "seniors"],
        "registration": False,
        "capacity": None,
        "start": (0, 17, 0),
        "minutes": 80,
        "rule": "",
        "changes": [],
        "platforms": [("youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ")],
        "ru": (
            "Концерт учеников: от Сайдашева до Баха",
            "Фортепиано, скрипка и курай: выступают ученики всех классов школы.",
        ),
        "tt": (
            "Укучылар концерты: Сәйдәшевтән Бахка кадәр",
            "Фортепиано, скрипка һәм курай: мәктәпнең барлык сыйныф "
            "укучылары чыгыш ясый.",
        ),
        "en": (
            "Pupils' concert: from Saydashev to Bach",
            "Piano, violin and kurai: pupils of every class of the school play.",
        ),
    },
    {
        "slug": "kurai-masterclass",
        "institution": "saydashev-music-school",
        "type": "masterclass",
        "domain": "music",
        "language": "ru_tt",
        "audiences": ["youth", "adults"],
        "registration": True,
        "capacity": 30,
        "start": (9, 16, 0),
        "minutes": 60,
        "rule": "",
        "changes": [],
        "platforms": [
            ("rutube", "https://rutube.ru/video/0123456789abcdef0123456789abcdef/")
        ],
        "ru": (
            "Мастер-класс: первые мелодии на курае",
            "Как держать курай, дышать и сыграть первую татарскую мелодию.",
        ),
        "tt": (
            "Мастер-класс: курайда беренче көйләр",
            "Курайны ничек тотарга, сулыш алырга һәм беренче татар көен уйнарга.",
        ),
        "en": (
            "Masterclass: first tunes on the kurai",
            "How to hold the kurai, breathe, and play a first Tatar tune.",
        ),
    },
    {
        "slug": "morning-exercises",
        "institution": "chulpan-centre",
        "type": "sports_class",
        "domain": "sport",
        "language": "ru",
        "audiences": ["seniors"],
        "registration": False,
        "capacity": None,
        "start": (-7, 9, 0),
        "minutes": 45,
        "rule": "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=36",
        "changes": [
            (
                4,
                "online",
                None,
                {
                    "ru": "В этот день только онлайн: зал на ремонте",
                    "tt": "Бу көнне онлайн гына: зал ремонтта",
                    "en": "Online only this day: the hall is being repaired",
                },
            )
        ],
        "platforms": [
            ("vk_video", "https://vk.com/video-100000000_456239018"),
            ("in_person", ""),
        ],
        "ru": (
            "Утренняя зарядка для старшего поколения",
            "Мягкие упражнения сидя и стоя, 45 минут, с тренером.",
        ),
        "tt": (
            "Өлкән буын өчен иртәнге зарядка",
            "Утырып һәм басып ясала торган йомшак күнегүләр, 45 минут, тренер белән.",
        ),
        "en": (
            "Morning exercises for older people",
            "Gentle exercises sitting and standing, 45 minutes, with a coach.",
        ),
    },
    {
        "slug": "kazan-kremlin-virtual-tour",
        "institution": None,
        "type": "virtual_tour",
        "domain": "museums",
        "language": "ru",
        "audiences": ["children", "youth", "adults", "seniors"],
        "registration": False,
        "capacity": None,
        "start": (-30, 12, 0),
        "minutes": 60,
        "rule": "",
        "changes": [],
        "platforms": [("youtube", "https://www.youtube.com/watch?v=aqz-KE-bpKQ")],
        "ru": (
            "Виртуальная экскурсия по Казанскому кремлю",
            "Башня Сююмбике, Благовещенский собор и мечеть Кул Шариф с "
            "экскурсоводом музея-заповедника.",
        ),
        "tt": (
            "Казан Кремле буенча виртуаль экскурсия",
            "Сөембикә манарасы, Благовещение соборы һәм Кол Шәриф мәчете — "
            "музей-тыюлык экскурсоводы белән.",
        ),
        "en": (
            "A virtual tour of the Kazan Kremlin",
            "The Söyembikä Tower, the Annunciation Cathedral and the Qolşärif "
            "Mosque with a guide of the museum reserve.",
        ),
    },
    {
        "slug": "ask-the-head-of-culture",
        "institution": None,
        "type": "qa_interview",
        "domain": "history",
        "language": "ru",
        "audiences": ["adults", "seniors"],
        "registration": False,
        "capacity": None,
        "start": (6, 19, 0),
        "minutes": 60,
        "rule": "",
        "changes": [],
        "platforms": [("vk_video", "https://vk.com/video-100000000_456239019")],
        "ru": (
            "Прямой эфир: вопросы начальнику управления культуры",
            "Что ждёт дома культуры в новом сезоне? Задайте вопрос заранее или "
            "в эфире.",
        ),
        "tt": (
            "Туры эфир: мәдәният идарәсе башлыгына сораулар",
            "Яңа сезонда мәдәният йортларын нәрсә көтә? Сорауны алдан яки "
            "эфирда бирегез.",
        ),
        "en": (
            "Live: questions to the head of the culture department",
            "What is next for community centres this season? Ask in advance or "
            "during the broadcast.",
        ),
    },
]
