"""Demo programme content in Russian, Tatar and English: domains, institutions,
venues and the hand-written events (the season around them is in demo_season.py).

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
        "domain": "literature",
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
        "domain": "music",
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
        "domain": "dance",
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
    {
        "slug": "jalil-opera-theatre",
        "kind": "theatre",
        "domain": "music",
        "address": "Казань, пл. Свободы, 2",
        "ru": (
            "Татарский академический государственный театр оперы и балета "
            "им. М. Джалиля",
            "Оперы и балеты в прямой трансляции, встречи с солистами и экскурсии "
            "за кулисы.",
        ),
        "tt": (
            "Муса Җәлил исемендәге Татар академия дәүләт опера һәм балет театры",
            "Опера һәм балетларның туры трансляцияләре, солистлар белән "
            "очрашулар һәм сәхнә артына экскурсияләр.",
        ),
        "en": (
            "Musa Jalil Tatar Academic State Opera and Ballet Theatre",
            "Operas and ballets streamed live, meetings with soloists and "
            "backstage tours.",
        ),
    },
    {
        "slug": "kamal-theatre",
        "kind": "theatre",
        "domain": "theatre",
        "address": "Казань, ул. Татарстан, 1",
        "ru": (
            "Татарский академический государственный театр им. Галиасгара Камала",
            "Спектакли на татарском языке с синхронным переводом, читки новых "
            "пьес и мастер-классы актёров.",
        ),
        "tt": (
            "Галиәсгар Камал исемендәге Татар дәүләт академия театры",
            "Синхрон тәрҗемә белән татар телендәге спектакльләр, яңа "
            "пьесаларны уку һәм актёрлар мастер-класслары.",
        ),
        "en": (
            "Galiasgar Kamal Tatar State Academic Theatre",
            "Plays in Tatar with simultaneous translation, readings of new plays "
            "and actors' masterclasses.",
        ),
    },
    {
        "slug": "kachalov-theatre",
        "kind": "theatre",
        "domain": "theatre",
        "address": "Казань, ул. Баумана, 48",
        "ru": (
            "Казанский академический русский Большой драматический театр "
            "им. В. И. Качалова",
            "Классика и современная драматургия: трансляции спектаклей и "
            "разговоры с режиссёрами.",
        ),
        "tt": (
            "В. И. Качалов исемендәге Казан академия рус Зур драма театры",
            "Классика һәм хәзерге драматургия: спектакльләр трансляцияләре һәм "
            "режиссёрлар белән әңгәмәләр.",
        ),
        "en": (
            "Kachalov Kazan Academic Russian Bolshoi Drama Theatre",
            "Classics and new drama: streamed performances and conversations "
            "with directors.",
        ),
    },
    {
        "slug": "ekiyat-puppet-theatre",
        "kind": "theatre",
        "domain": "theatre",
        "address": "Казань, ул. Петербургская, 57",
        "ru": (
            "Татарский государственный театр кукол «Экият»",
            "Сказки для детей на татарском и русском языках, мастерские кукольников.",
        ),
        "tt": (
            "«Әкият» Татар дәүләт курчак театры",
            "Татар һәм рус телләрендә балалар өчен әкиятләр, курчак осталары "
            "остаханәләре.",
        ),
        "en": (
            "Ekiyat Tatar State Puppet Theatre",
            "Fairy tales for children in Tatar and Russian, and puppet-making "
            "workshops.",
        ),
    },
    {
        "slug": "national-museum",
        "kind": "museum",
        "domain": "museums",
        "address": "Казань, ул. Кремлёвская, 2",
        "ru": (
            "Национальный музей Республики Татарстан",
            "Виртуальные экскурсии по залам и фондам, лекции об истории и "
            "культуре края.",
        ),
        "tt": (
            "Татарстан Республикасы Милли музее",
            "Заллар һәм фондлар буенча виртуаль экскурсияләр, туган як тарихы "
            "һәм мәдәнияте турында лекцияләр.",
        ),
        "en": (
            "National Museum of the Republic of Tatarstan",
            "Virtual tours of the galleries and collections, lectures on the "
            "region's history and culture.",
        ),
    },
    {
        "slug": "kazan-kremlin",
        "kind": "museum",
        "domain": "history",
        "address": "Казань, Кремль",
        "ru": (
            "Музей-заповедник «Казанский Кремль»",
            "Онлайн-прогулки по Кремлю, выставки музеев заповедника и рассказы "
            "реставраторов.",
        ),
        "tt": (
            "«Казан Кремле» музей-тыюлыгы",
            "Кремль буенча онлайн-сәяхәтләр, тыюлык музейлары күргәзмәләре һәм "
            "реставраторлар хикәяләре.",
        ),
        "en": (
            "Kazan Kremlin Museum-Reserve",
            "Online walks around the Kremlin, exhibitions of its museums and "
            "restorers' stories.",
        ),
    },
    {
        "slug": "symphony-orchestra",
        "kind": "orchestra",
        "domain": "music",
        "address": "Казань, пл. Свободы, 3",
        "ru": (
            "Государственный симфонический оркестр Республики Татарстан",
            "Симфонические концерты из Большого концертного зала "
            "им. С. Сайдашева и концерты-лекции для детей.",
        ),
        "tt": (
            "Татарстан Республикасының Дәүләт симфоник оркестры",
            "С. Сәйдәшев исемендәге Зур концерт залыннан симфоник концертлар "
            "һәм балалар өчен концерт-лекцияләр.",
        ),
        "en": (
            "State Symphony Orchestra of the Republic of Tatarstan",
            "Symphony concerts from the Saydashev Grand Concert Hall and "
            "concert-lectures for children.",
        ),
    },
    {
        "slug": "tukay-philharmonic",
        "kind": "orchestra",
        "domain": "music",
        "address": "Казань, ул. Пушкина, 9",
        "ru": (
            "Татарская государственная филармония им. Габдуллы Тукая",
            "Татарская эстрада и народная музыка, ансамбли филармонии и "
            "концерты для всей семьи.",
        ),
        "tt": (
            "Габдулла Тукай исемендәге Татар дәүләт филармониясе",
            "Татар эстрадасы һәм халык музыкасы, филармония ансамбльләре һәм "
            "бөтен гаилә өчен концертлар.",
        ),
        "en": (
            "Gabdulla Tukay Tatar State Philharmonic",
            "Tatar popular and folk music, the Philharmonic's ensembles and "
            "concerts for the whole family.",
        ),
    },
    {
        "slug": "yashlek-centre",
        "kind": "community_centre",
        "domain": "cinema",
        "address": "Казань, ул. Восстания, 42",
        "ru": (
            "Дом культуры «Яшьлек»",
            "Кружки, танцевальные студии, кинопоказы и встречи для жителей района.",
        ),
        "tt": (
            "«Яшьлек» мәдәният йорты",
            "Түгәрәкләр, бию студияләре, кинокүрсәтүләр һәм район халкы белән "
            "очрашулар.",
        ),
        "en": (
            "Yashlek Community Centre",
            "Clubs, dance studios, film screenings and meetings for the neighbourhood.",
        ),
    },
    {
        "slug": "art-school-1",
        "kind": "music_school",
        "domain": "fine-art",
        "address": "Казань, ул. Карла Маркса, 56",
        "ru": (
            "Детская художественная школа № 1",
            "Мастер-классы по рисунку, живописи и декоративному искусству для "
            "детей и взрослых.",
        ),
        "tt": (
            "1 нче балалар сынлы сәнгать мәктәбе",
            "Балалар һәм олылар өчен рәсем, сынлы һәм бизәлеш сәнгате буенча "
            "мастер-класслар.",
        ),
        "en": (
            "Children's Art School No. 1",
            "Drawing, painting and decorative art masterclasses for children "
            "and adults.",
        ),
    },
    {
        "slug": "district-library",
        "kind": "library",
        "domain": "digital",
        "address": "Казань, ул. Академика Сахарова, 17",
        "ru": (
            "Библиотека № 22 Советского района",
            "Клубы чтения, курсы цифровой грамотности и краеведческие встречи "
            "рядом с домом.",
        ),
        "tt": (
            "Совет районының 22 нче китапханәсе",
            "Уку клублары, санлы савадлылык курслары һәм өй янында туган якны "
            "өйрәнү очрашулары.",
        ),
        "en": (
            "Sovetsky District Library No. 22",
            "Reading clubs, digital literacy courses and local history meetings "
            "close to home.",
        ),
    },
    {
        "slug": "batyr-sports-centre",
        "kind": "sports",
        "domain": "sport",
        "address": "Казань, пр. Победы, 100",
        "ru": (
            "Центр спорта и здоровья «Батыр»",
            "Онлайн-тренировки и занятия в зале: гимнастика, йога, шахматы, "
            "скандинавская ходьба.",
        ),
        "tt": (
            "«Батыр» спорт һәм сәламәтлек үзәге",
            "Онлайн-күнегүләр һәм залда шөгыльләр: гимнастика, йога, шахмат, "
            "скандинав йөреше.",
        ),
        "en": (
            "Batyr Sport and Health Centre",
            "Online workouts and classes in the hall: gymnastics, yoga, chess "
            "and Nordic walking.",
        ),
    },
]

# Places where events also happen in person: key, the institution that uses it,
# then name, address, directions and accessibility in each language.
VENUES = [
    {
        "key": "national-library-hall",
        "institution": "national-library",
        "ru": (
            "Национальная библиотека, конференц-зал",
            "Казань, ул. Пушкина, 86",
            "Метро «Площадь Тукая», 10 минут пешком.",
            "Вход без ступеней с ул. Пушкина, лифт, индукционная петля.",
        ),
        "tt": (
            "Милли китапханә, конференц-зал",
            "Казан, Пушкин урамы, 86",
            "«Тукай мәйданы» метро станциясе, җәяүләп 10 минут.",
            "Пушкин урамыннан баскычсыз керү, лифт, индукцион элмәк.",
        ),
        "en": (
            "National Library, conference hall",
            "86 Pushkin Street, Kazan",
            "Tukay Square metro station, a 10-minute walk.",
            "Step-free entrance from Pushkin Street, lift, hearing loop.",
        ),
    },
    {
        "key": "district-library-reading-room",
        "institution": "district-library",
        "ru": (
            "Библиотека № 22, читальный зал",
            "Казань, ул. Академика Сахарова, 17",
            "Автобусы 10, 46 и 90 до остановки «Академика Сахарова».",
            "Первый этаж, пандус у входа, стулья для отдыха.",
        ),
        "tt": (
            "22 нче китапханә, уку залы",
            "Казан, Академик Сахаров урамы, 17",
            "10, 46 һәм 90 нчы автобуслар, «Академик Сахаров» тукталышы.",
            "Беренче кат, керү урынында пандус, ял итү өчен урындыклар.",
        ),
        "en": (
            "Library No. 22, reading room",
            "17 Akademika Sakharova Street, Kazan",
            "Buses 10, 46 and 90 to the Akademika Sakharova stop.",
            "Ground floor, ramp at the entrance, chairs to rest.",
        ),
    },
    {
        "key": "chulpan-hall",
        "institution": "chulpan-centre",
        "ru": (
            "Дом культуры «Чулпан», большой зал",
            "Казань, ул. Фатыха Амирхана, 5",
            "Метро «Козья слобода», 15 минут пешком.",
            "Вход без ступеней, гардероб и туалет на первом этаже.",
        ),
        "tt": (
            "«Чулпан» мәдәният йорты, зур зал",
            "Казан, Фатих Әмирхан урамы, 5",
            "«Кәҗә бистәсе» метро станциясе, җәяүләп 15 минут.",
            "Баскычсыз керү, гардероб һәм бәдрәф беренче катта.",
        ),
        "en": (
            "Chulpan Community Centre, main hall",
            "5 Fatykh Amirkhan Street, Kazan",
            "Kozya Sloboda metro station, a 15-minute walk.",
            "Step-free entrance, cloakroom and toilet on the ground floor.",
        ),
    },
    {
        "key": "yashlek-studio",
        "institution": "yashlek-centre",
        "ru": (
            "Дом культуры «Яшьлек», студия",
            "Казань, ул. Восстания, 42",
            "Метро «Яшьлек», 5 минут пешком.",
            "Студия на втором этаже, есть лифт.",
        ),
        "tt": (
            "«Яшьлек» мәдәният йорты, студия",
            "Казан, Восстание урамы, 42",
            "«Яшьлек» метро станциясе, җәяүләп 5 минут.",
            "Студия икенче катта, лифт бар.",
        ),
        "en": (
            "Yashlek Community Centre, studio",
            "42 Vosstaniya Street, Kazan",
            "Yashlek metro station, a 5-minute walk.",
            "The studio is on the first floor; there is a lift.",
        ),
    },
    {
        "key": "batyr-gym",
        "institution": "batyr-sports-centre",
        "ru": (
            "Центр «Батыр», спортивный зал",
            "Казань, пр. Победы, 100",
            "Метро «Проспект Победы», 7 минут пешком.",
            "Вход без ступеней, раздевалки с поручнями.",
        ),
        "tt": (
            "«Батыр» үзәге, спорт залы",
            "Казан, Җиңү проспекты, 100",
            "«Җиңү проспекты» метро станциясе, җәяүләп 7 минут.",
            "Баскычсыз керү, тоткычлы чишенү бүлмәләре.",
        ),
        "en": (
            "Batyr Centre, sports hall",
            "100 Pobedy Avenue, Kazan",
            "Prospekt Pobedy metro station, a 7-minute walk.",
            "Step-free entrance, changing rooms with handrails.",
        ),
    },
    {
        "key": "art-school-studio",
        "institution": "art-school-1",
        "ru": (
            "Художественная школа № 1, мастерская",
            "Казань, ул. Карла Маркса, 56",
            "Метро «Кремлёвская», затем автобус 35 до остановки «Карла Маркса».",
            "Мастерская на первом этаже, материалы выдаются на месте.",
        ),
        "tt": (
            "1 нче сынлы сәнгать мәктәбе, остаханә",
            "Казан, Карл Маркс урамы, 56",
            "«Кремль» метро станциясе, аннары 35 нче автобус, «Карл Маркс» тукталышы.",
            "Остаханә беренче катта, материаллар урында бирелә.",
        ),
        "en": (
            "Art School No. 1, studio",
            "56 Karl Marx Street, Kazan",
            "Kremlyovskaya metro station, then bus 35 to the Karla Marksa stop.",
            "The studio is on the ground floor; materials are provided.",
        ),
    },
    {
        "key": "national-museum-lecture-hall",
        "institution": "national-museum",
        "ru": (
            "Национальный музей, лекторий",
            "Казань, ул. Кремлёвская, 2",
            "Метро «Кремлёвская», 5 минут пешком.",
            "Лифт, места для зрителей на креслах-колясках.",
        ),
        "tt": (
            "Милли музей, лекторий",
            "Казан, Кремль урамы, 2",
            "«Кремль» метро станциясе, җәяүләп 5 минут.",
            "Лифт, арбалы тамашачылар өчен урыннар.",
        ),
        "en": (
            "National Museum, lecture hall",
            "2 Kremlyovskaya Street, Kazan",
            "Kremlyovskaya metro station, a 5-minute walk.",
            "Lift, spaces for wheelchair users.",
        ),
    },
    {
        "key": "saydashev-concert-hall",
        "institution": "symphony-orchestra",
        "ru": (
            "Государственный Большой концертный зал им. С. Сайдашева",
            "Казань, пл. Свободы, 3",
            "Метро «Площадь Тукая», 10 минут пешком.",
            "Вход без ступеней со стороны сквера, лифт, индукционная петля.",
        ),
        "tt": (
            "С. Сәйдәшев исемендәге Дәүләт Зур концерт залы",
            "Казан, Ирек мәйданы, 3",
            "«Тукай мәйданы» метро станциясе, җәяүләп 10 минут.",
            "Сквер ягыннан баскычсыз керү, лифт, индукцион элмәк.",
        ),
        "en": (
            "Saydashev State Grand Concert Hall",
            "3 Svobody Square, Kazan",
            "Tukay Square metro station, a 10-minute walk.",
            "Step-free entrance from the square, lift, hearing loop.",
        ),
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
        "joining_link": "https://zoom.us/j/0000000000?pwd=kazan-seniors",
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
