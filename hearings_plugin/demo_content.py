"""Demo hearings in Russian, Tatar and English, and what their participants wrote.

Dates are days relative to the day the seed runs (Moscow time), so the demo
always has a hearing announced, one open now and others in every later stage.
Submission texts are ideas a participant may have had, each with the reasoned
answer the organiser gave; the seed combines them with a participant's reasons.
"""

EXECUTIVE = {
    "ru": (
        "Исполнительный комитет г. Казани, Управление архитектуры и градостроительства"
    ),
    "tt": "Казан шәһәре Башкарма комитеты, Архитектура һәм шәһәр төзелеше идарәсе",
    "en": (
        "Kazan City Executive Committee, Department of Architecture and Urban Planning"
    ),
}
PERMITS = {
    "ru": (
        "Исполнительный комитет г. Казани, Комитет земельных и имущественных отношений"
    ),
    "tt": "Казан шәһәре Башкарма комитеты, Җир һәм милек мөнәсәбәтләре комитеты",
    "en": "Kazan City Executive Committee, Land and Property Committee",
}
LANDSCAPING = {
    "ru": "Исполнительный комитет г. Казани, Комитет внешнего благоустройства",
    "tt": "Казан шәһәре Башкарма комитеты, Тышкы төзекләндерү комитеты",
    "en": "Kazan City Executive Committee, Committee for Public Spaces",
}
CONTACT = {
    "ru": "Тел. +7 (843) 299-09-18, uag@tatar.ru; 420111, Казань, ул. Кремлёвская, 1",
    "tt": "Тел. +7 (843) 299-09-18, uag@tatar.ru; 420111, Казан, Кремль ур., 1",
    "en": "Tel. +7 843 299 09 18, uag@tatar.ru; 1 Kremlyovskaya St, Kazan 420111",
}
HOURS = {
    "ru": "Пн–пт 9:00–18:00, сб 10:00–14:00; консультации — вт и чт 15:00–17:00",
    "tt": "Дш–Җм 9:00–18:00, Шм 10:00–14:00; консультацияләр — Сш һәм Пш 15:00–17:00",
    "en": "Mon–Fri 9:00–18:00, Sat 10:00–14:00; consultations Tue and Thu 15:00–17:00",
}
HOW_TO = {
    "ru": (
        "Как принять участие",
        "<p>В период экспозиции подайте предложение, замечание или вопрос на этой "
        "странице, войдя через Госуслуги, или оставьте запись в книге учёта "
        "посетителей экспозиции. Каждому обращению присваивается "
        "регистрационный номер.</p>",
    ),
    "tt": (
        "Ничек катнашырга",
        "<p>Экспозиция чорында Дәүләт хезмәтләре аша кереп, бу биттә тәкъдим, "
        "искәрмә яки сорау җибәрегез, яисә экспозициядә килүчеләрне теркәү "
        "китабына язып калдырыгыз. Һәр мөрәҗәгатькә теркәү номеры бирелә.</p>",
    ),
    "en": (
        "How to take part",
        "<p>While the exposition is open, submit a proposal, remark or question on "
        "this page after signing in with Gosuslugi, or write in the visitors' book "
        "at the exposition. Every submission gets a registration number.</p>",
    ),
}

# Days relative to the seed day; times are Moscow time.
HEARINGS = [
    {
        "key": "general-plan",
        "slug": "general-plan-of-kazan",
        "topic": "general_plan",
        "district": "city",
        "dates": {
            "announced": -132,
            "opens": -122,
            "closes": -92,
            "protocol": -84,
            "conclusion": -70,
        },  # fmt: skip
        "submissions": {"full": 400, "small": 30, "public": True},
        "ru": {
            "title": "Проект Генерального плана городского округа Казань",
            "introduction": (
                "Проект нового Генерального плана Казани до 2040 года: функциональные "
                "зоны, развитие транспорта и метро, сохранение зелёных территорий, "
                "размещение школ, поликлиник и жилья."
            ),
            "organiser": EXECUTIVE["ru"],
            "organiser_contact": CONTACT["ru"],
            "territory": "Вся территория городского округа Казань",
            "exposition_venue": "Казанская ратуша, выставочный зал",
            "exposition_address": "Казань, ул. Баумана, 46",
            "exposition_hours": HOURS["ru"],
            "body": [
                (
                    "О проекте",
                    "<p>Генеральный план определяет, где в городе будут жильё, "
                    "парки, производство, дороги и линии метро. Проект учитывает "
                    "рост населения до 1,5 млн человек и сохраняет 14 % территории "
                    "под озеленение общего пользования.</p>",
                ),
                HOW_TO["ru"],
            ],
        },
        "protocol": (
            "Экспозиция проекта посетили 1 840 человек; проведено 12 "
            "консультаций в районах города. Все поступившие предложения и "
            "замечания внесены в протокол, в том числе скрытые из публичного "
            "реестра, с указанием причин."
        ),
        "conclusion": (
            "Общественные обсуждения признаны состоявшимися. Организатор "
            "рекомендует доработать проект с учётом принятых предложений: "
            "сохранить рекреационную зону у Лебяжьих озёр, зарезервировать "
            "территорию для второй линии метро до Азино, предусмотреть участки "
            "под три школы в Советском районе, и направить проект главе "
            "муниципального образования для принятия решения."
        ),
        "tt": {
            "title": "Казан шәһәр округының Генераль планы проекты",
            "introduction": (
                "Казанның 2040 елга кадәр яңа Генераль планы проекты: функциональ "
                "зоналар, транспорт һәм метро үсеше, яшел территорияләрне саклау, "
                "мәктәпләр, поликлиникалар һәм торак урнаштыру."
            ),
            "organiser": EXECUTIVE["tt"],
            "organiser_contact": CONTACT["tt"],
            "territory": "Казан шәһәр округының бөтен территориясе",
            "exposition_venue": "Казан ратушасы, күргәзмә залы",
            "exposition_address": "Казан, Бауман ур., 46",
            "exposition_hours": HOURS["tt"],
            "body": [
                (
                    "Проект турында",
                    "<p>Генераль план шәһәрдә торак, парклар, җитештерү, юллар һәм "
                    "метро линияләре кайда булачагын билгели. Проект халык санының "
                    "1,5 млн кешегә кадәр үсүен исәпкә ала һәм территориянең 14 "
                    "процентын гомуми файдаланудагы яшелләндерү өчен саклый.</p>",
                ),
                HOW_TO["tt"],
            ],
        },
        "en": {
            "title": "Draft General Plan of the Kazan urban district",
            "introduction": (
                "The draft of Kazan's new General Plan to 2040: land use zones, "
                "transport and the metro, green areas kept, sites for schools, "
                "clinics and housing."
            ),
            "organiser": EXECUTIVE["en"],
            "organiser_contact": CONTACT["en"],
            "territory": "The whole territory of the Kazan urban district",
            "exposition_venue": "Kazan Town Hall, exhibition hall",
            "exposition_address": "46 Baumana St, Kazan",
            "exposition_hours": HOURS["en"],
            "body": [
                (
                    "About the draft",
                    "<p>The General Plan decides where the city will have housing, "
                    "parks, industry, roads and metro lines. The draft plans for a "
                    "population of up to 1.5 million and keeps 14% of the land as "
                    "public green space.</p>",
                ),
                HOW_TO["en"],
            ],
        },
        "documents": ["note", "scheme", "zones"],
    },
    {
        "key": "tikhoretskaya",
        "slug": "tikhoretskaya-street-widening",
        "topic": "streets",
        "district": "privolzhsky",
        "dates": {"announced": -12, "opens": -4, "closes": 14},
        "submissions": {"full": 24, "small": 8, "public": False},
        "ru": {
            "title": "Расширение улицы Тихорецкой",
            "introduction": (
                "Проект планировки и межевания для расширения улицы Тихорецкой от "
                "улицы Техническая до проспекта Победы до четырёх полос с "
                "велодорожкой, тротуарами и новыми остановками."
            ),
            "organiser": EXECUTIVE["ru"],
            "organiser_contact": CONTACT["ru"],
            "territory": (
                "Приволжский район, улица Тихорецкая от ул. Техническая до "
                "пр. Победы, площадь 18,4 га"
            ),
            "exposition_venue": "Администрация Вахитовского и Приволжского районов",
            "exposition_address": "Казань, ул. Эсперанто, 19",
            "exposition_hours": HOURS["ru"],
            "body": [
                (
                    "Что предлагается",
                    "<p>Расширить проезжую часть до четырёх полос, устроить "
                    "двустороннюю велодорожку, три регулируемых пешеходных "
                    "перехода и заездные карманы для автобусов. Для расширения "
                    "изымаются части 11 земельных участков.</p>",
                ),
                HOW_TO["ru"],
            ],
        },
        "tt": {
            "title": "Тихорецкая урамын киңәйтү",
            "introduction": (
                "Тихорецкая урамын Техническая урамыннан Җиңү проспектына кадәр "
                "велосипед юлы, тротуарлар һәм яңа тукталышлар белән дүрт полосага "
                "кадәр киңәйтү өчен планлаштыру һәм межалау проекты."
            ),
            "organiser": EXECUTIVE["tt"],
            "organiser_contact": CONTACT["tt"],
            "territory": (
                "Идел буе районы, Тихорецкая урамы, Техническая урамыннан Җиңү "
                "пр. кадәр, мәйданы 18,4 га"
            ),
            "exposition_venue": "Вахитов һәм Идел буе районнары администрациясе",
            "exposition_address": "Казан, Эсперанто ур., 19",
            "exposition_hours": HOURS["tt"],
            "body": [
                (
                    "Нәрсә тәкъдим ителә",
                    "<p>Юл өлешен дүрт полосага кадәр киңәйтү, ике яклы велосипед "
                    "юлы, өч җайланма белән көйләнә торган җәяүлеләр кичүе һәм "
                    "автобуслар өчен кесәләр ясау. Киңәйтү өчен 11 җир кишәрлегенең "
                    "өлешләре алына.</p>",
                ),
                HOW_TO["tt"],
            ],
        },
        "en": {
            "title": "Widening of Tikhoretskaya Street",
            "introduction": (
                "A planning and land survey project to widen Tikhoretskaya Street "
                "from Tekhnicheskaya Street to Pobedy Avenue to four lanes with a "
                "cycle track, pavements and new bus stops."
            ),
            "organiser": EXECUTIVE["en"],
            "organiser_contact": CONTACT["en"],
            "territory": (
                "Privolzhsky district, Tikhoretskaya Street from Tekhnicheskaya "
                "Street to Pobedy Avenue, 18.4 ha"
            ),
            "exposition_venue": (
                "Administration of Vakhitovsky and Privolzhsky districts"
            ),
            "exposition_address": "19 Esperanto St, Kazan",
            "exposition_hours": HOURS["en"],
            "body": [
                (
                    "What is proposed",
                    "<p>Widen the road to four lanes, build a two-way cycle track, "
                    "three signalled pedestrian crossings and bus bays. Parts of 11 "
                    "land plots are taken for the widening.</p>",
                ),
                HOW_TO["en"],
            ],
        },
        "documents": ["note", "scheme"],
    },
    {
        "key": "school",
        "slug": "school-1224-places-salavat-kupere",
        "topic": "social",
        "district": "sovetsky",
        "dates": {"announced": -1, "opens": 9, "closes": 30},
        "submissions": None,
        "ru": {
            "title": (
                "Размещение школы на 1224 места в жилом комплексе «Салават Купере»"
            ),
            "introduction": (
                "Проект планировки территории для размещения общеобразовательной "
                "школы на 1224 места с бассейном и стадионом в Советском районе."
            ),
            "organiser": EXECUTIVE["ru"],
            "organiser_contact": CONTACT["ru"],
            "territory": (
                "Советский район, квартал 7 жилого комплекса «Салават Купере», "
                "площадь участка 3,2 га"
            ),
            "exposition_venue": "Администрация Кировского и Московского районов",
            "exposition_address": "Казань, ул. Батыршина, 40",
            "exposition_hours": HOURS["ru"],
            "body": [
                (
                    "Что предлагается",
                    "<p>Разместить школу на 1224 места на участке, зарезервированном "
                    "под общественную застройку, с плавательным бассейном, "
                    "стадионом и безопасными подходами от жилых домов.</p>",
                ),
                HOW_TO["ru"],
            ],
        },
        "tt": {
            "title": "«Салават Күпере» торак комплексында 1224 урынлы мәктәп урнаштыру",
            "introduction": (
                "Совет районында бассейн һәм стадион белән 1224 урынлы гомуми "
                "белем бирү мәктәбе урнаштыру өчен территорияне планлаштыру проекты."
            ),
            "organiser": EXECUTIVE["tt"],
            "organiser_contact": CONTACT["tt"],
            "territory": (
                "Совет районы, «Салават Күпере» торак комплексының 7 нче кварталы, "
                "кишәрлек мәйданы 3,2 га"
            ),
            "exposition_venue": "Киров һәм Мәскәү районнары администрациясе",
            "exposition_address": "Казан, Батыршин ур., 40",
            "exposition_hours": HOURS["tt"],
            "body": [
                (
                    "Нәрсә тәкъдим ителә",
                    "<p>Җәмәгать төзелеше өчен резервланган кишәрлектә йөзү "
                    "бассейны, стадион һәм торак йортлардан куркынычсыз юллар белән "
                    "1224 урынлы мәктәп урнаштыру.</p>",
                ),
                HOW_TO["tt"],
            ],
        },
        "en": {
            "title": "A school for 1,224 pupils in the Salavat Kupere housing estate",
            "introduction": (
                "A territory planning project for a school for 1,224 pupils with a "
                "swimming pool and a stadium in Sovetsky district."
            ),
            "organiser": EXECUTIVE["en"],
            "organiser_contact": CONTACT["en"],
            "territory": (
                "Sovetsky district, block 7 of the Salavat Kupere housing estate, "
                "a 3.2 ha site"
            ),
            "exposition_venue": "Administration of Kirovsky and Moskovsky districts",
            "exposition_address": "40 Batyrshina St, Kazan",
            "exposition_hours": HOURS["en"],
            "body": [
                (
                    "What is proposed",
                    "<p>Build a school for 1,224 pupils on the site kept for public "
                    "buildings, with a swimming pool, a stadium and safe walking "
                    "routes from the houses.</p>",
                ),
                HOW_TO["en"],
            ],
        },
        "documents": ["note"],
    },
    {
        "key": "deviation",
        "slug": "deviation-gabdully-kariyeva-street",
        "topic": "permitted_use",
        "district": "kirovsky",
        "dates": {"announced": -36, "opens": -28, "closes": -3},
        "extension": {
            "previous": -6,
            "changed": -8,
            "ru": "Продлено по просьбе жителей: экспозиция была закрыта два дня "
            "из-за ремонта помещения.",
        },
        "submissions": {"full": 14, "small": 6, "public": True},
        "ru": {
            "title": (
                "Отклонение от предельных параметров строительства на участке по "
                "ул. Габдуллы Кариева"
            ),
            "introduction": (
                "Разрешение на отклонение от предельных параметров: уменьшение "
                "отступа от границы участка с 3 до 1 м для пристроя к магазину."
            ),
            "organiser": PERMITS["ru"],
            "organiser_contact": CONTACT["ru"],
            "territory": (
                "Кировский район, ул. Габдуллы Кариева, 11, участок 16:50:120301:45"
            ),
            "exposition_venue": "Администрация Кировского и Московского районов",
            "exposition_address": "Казань, ул. Батыршина, 40",
            "exposition_hours": HOURS["ru"],
            "body": [
                (
                    "Что предлагается",
                    "<p>Правообладатель участка просит уменьшить минимальный отступ "
                    "от северной границы участка, чтобы пристроить к магазину "
                    "склад площадью 96 м².</p>",
                ),
                HOW_TO["ru"],
            ],
        },
        "tt": {
            "title": (
                "Габдулла Кариев урамындагы кишәрлектә төзелешнең чик "
                "параметрларыннан тайпылу"
            ),
            "introduction": (
                "Чик параметрлардан тайпылуга рөхсәт: кибеткә өстәмә төзү өчен "
                "кишәрлек чигеннән ара 3 метрдан 1 метрга кадәр киметелә."
            ),
            "organiser": PERMITS["tt"],
            "organiser_contact": CONTACT["tt"],
            "territory": (
                "Киров районы, Габдулла Кариев ур., 11, 16:50:120301:45 кишәрлеге"
            ),
            "exposition_venue": "Киров һәм Мәскәү районнары администрациясе",
            "exposition_address": "Казан, Батыршин ур., 40",
            "exposition_hours": HOURS["tt"],
            "body": [
                (
                    "Нәрсә тәкъдим ителә",
                    "<p>Кишәрлек хуҗасы кибеткә мәйданы 96 м² булган склад төзү өчен "
                    "кишәрлекнең төньяк чигеннән минималь араны киметүне сорый.</p>",
                ),
                HOW_TO["tt"],
            ],
        },
        "en": {
            "title": (
                "Deviation from building limits on a plot in Gabdully Kariyeva Street"
            ),
            "introduction": (
                "A permitted deviation from building limits: the setback from the "
                "plot boundary reduced from 3 to 1 m for an extension of a shop."
            ),
            "organiser": PERMITS["en"],
            "organiser_contact": CONTACT["en"],
            "territory": (
                "Kirovsky district, 11 Gabdully Kariyeva St, plot 16:50:120301:45"
            ),
            "exposition_venue": "Administration of Kirovsky and Moskovsky districts",
            "exposition_address": "40 Batyrshina St, Kazan",
            "exposition_hours": HOURS["en"],
            "body": [
                (
                    "What is proposed",
                    "<p>The owner of the plot asks to reduce the minimum setback "
                    "from its northern boundary to extend the shop with a 96 m² "
                    "storeroom.</p>",
                ),
                HOW_TO["en"],
            ],
        },
        "documents": ["scheme"],
    },
    {
        "key": "territory-planning",
        "slug": "territory-planning-derbyshki",
        "topic": "territory_planning",
        "district": "sovetsky",
        "dates": {"announced": -52, "opens": -44, "closes": -16, "protocol": -7},
        "submissions": {"full": 40, "small": 10, "public": True},
        "ru": {
            "title": "Проект планировки территории микрорайона Дербышки",
            "introduction": (
                "Проект планировки и межевания территории в границах улиц "
                "Мира, Красной Позиции и Главной: новые жилые кварталы, детский сад "
                "и реконструкция улично-дорожной сети."
            ),
            "organiser": EXECUTIVE["ru"],
            "organiser_contact": CONTACT["ru"],
            "territory": "Советский район, пос. Дербышки, площадь 64 га",
            "exposition_venue": "Администрация Советского района",
            "exposition_address": "Казань, ул. Аделя Кутуя, 8",
            "exposition_hours": HOURS["ru"],
            "body": [
                (
                    "Что предлагается",
                    "<p>Построить шесть жилых кварталов средней этажности, детский "
                    "сад на 260 мест, продлить улицу Главную и устроить сквер "
                    "вдоль реки Нокса.</p>",
                ),
                HOW_TO["ru"],
            ],
        },
        "tt": {
            "title": "Дәрвешләр микрорайоны территориясен планлаштыру проекты",
            "introduction": (
                "Мира, Кызыл Позиция һәм Главная урамнары чикләрендә территорияне "
                "планлаштыру һәм межалау проекты: яңа торак кварталлар, балалар "
                "бакчасы һәм урам-юл челтәрен реконструкцияләү."
            ),
            "organiser": EXECUTIVE["tt"],
            "organiser_contact": CONTACT["tt"],
            "territory": "Совет районы, Дәрвешләр бистәсе, мәйданы 64 га",
            "exposition_venue": "Совет районы администрациясе",
            "exposition_address": "Казан, Адель Кутуй ур., 8",
            "exposition_hours": HOURS["tt"],
            "body": [
                (
                    "Нәрсә тәкъдим ителә",
                    "<p>Урта катлы алты торак квартал, 260 урынлы балалар бакчасы "
                    "төзү, Главная урамын дәвам итү һәм Нокса елгасы буенда сквер "
                    "ясау.</p>",
                ),
                HOW_TO["tt"],
            ],
        },
        "en": {
            "title": "Territory planning project for the Derbyshki neighbourhood",
            "introduction": (
                "A planning and land survey project for the area between Mira, "
                "Krasnoy Pozitsii and Glavnaya streets: new housing blocks, a "
                "kindergarten and rebuilt streets."
            ),
            "organiser": EXECUTIVE["en"],
            "organiser_contact": CONTACT["en"],
            "territory": "Sovetsky district, Derbyshki, 64 ha",
            "exposition_venue": "Administration of Sovetsky district",
            "exposition_address": "8 Adelya Kutuya St, Kazan",
            "exposition_hours": HOURS["en"],
            "body": [
                (
                    "What is proposed",
                    "<p>Build six mid-rise housing blocks and a kindergarten for "
                    "260 children, extend Glavnaya Street and lay out a green walk "
                    "along the Noksa river.</p>",
                ),
                HOW_TO["en"],
            ],
        },
        "protocol": (
            "Экспозицию посетили 312 человек, проведены две консультации. Все "
            "предложения и замечания внесены в протокол; ответы организатора "
            "готовятся к заключению."
        ),
        "documents": ["note", "scheme"],
    },
    {
        "key": "park",
        "slug": "landscaping-uritsky-park",
        "topic": "landscaping",
        "district": "kirovsky",
        "dates": {
            "announced": -240,
            "opens": -230,
            "closes": -200,
            "protocol": -190,
            "conclusion": -176,
            "archived": -120,
        },  # fmt: skip
        "submissions": {"full": 60, "small": 10, "public": True},
        "ru": {
            "title": "Благоустройство парка имени Урицкого",
            "introduction": (
                "Проект благоустройства парка: новые дорожки и освещение, детская "
                "и спортивная площадки, сохранение старовозрастных деревьев и "
                "берега озера Лебяжье."
            ),
            "organiser": LANDSCAPING["ru"],
            "organiser_contact": CONTACT["ru"],
            "territory": "Кировский район, парк имени Урицкого, площадь 11,7 га",
            "exposition_venue": "Дом культуры имени Ленина",
            "exposition_address": "Казань, ул. Болотникова, 24",
            "exposition_hours": HOURS["ru"],
            "body": [
                (
                    "Что предлагается",
                    "<p>Обновить дорожки и освещение, поставить детскую и "
                    "спортивную площадки, сохранить все деревья старше 50 лет и "
                    "укрепить берег пруда.</p>",
                ),
                HOW_TO["ru"],
            ],
        },
        "protocol": (
            "Экспозицию посетили 540 человек. Все предложения внесены в протокол."
        ),
        "conclusion": (
            "Обсуждения признаны состоявшимися. Рекомендовано сохранить "
            "существующую аллею лип, добавить площадку для выгула собак вне "
            "детской зоны и утвердить проект с учётом принятых предложений."
        ),
        "tt": {
            "title": "Урицкий исемендәге паркны төзекләндерү",
            "introduction": (
                "Паркны төзекләндерү проекты: яңа сукмаклар һәм яктырту, балалар "
                "һәм спорт мәйданчыклары, карт агачларны һәм Аккош күле ярын саклау."
            ),
            "organiser": LANDSCAPING["tt"],
            "organiser_contact": CONTACT["tt"],
            "territory": "Киров районы, Урицкий исемендәге парк, мәйданы 11,7 га",
            "exposition_venue": "Ленин исемендәге Мәдәният йорты",
            "exposition_address": "Казан, Болотников ур., 24",
            "exposition_hours": HOURS["tt"],
            "body": [
                (
                    "Нәрсә тәкъдим ителә",
                    "<p>Сукмакларны һәм яктыртуны яңарту, балалар һәм спорт "
                    "мәйданчыклары кую, 50 яшьтән өлкәнрәк барлык агачларны саклау "
                    "һәм буа ярын ныгыту.</p>",
                ),
                HOW_TO["tt"],
            ],
        },
        "en": {
            "title": "Landscaping of Uritsky Park",
            "introduction": (
                "A landscaping project for the park: new paths and lighting, a "
                "playground and a sports ground, old trees and the lake shore kept."
            ),
            "organiser": LANDSCAPING["en"],
            "organiser_contact": CONTACT["en"],
            "territory": "Kirovsky district, Uritsky Park, 11.7 ha",
            "exposition_venue": "Lenin House of Culture",
            "exposition_address": "24 Bolotnikova St, Kazan",
            "exposition_hours": HOURS["en"],
            "body": [
                (
                    "What is proposed",
                    "<p>Renew the paths and lighting, add a playground and a sports "
                    "ground, keep every tree older than 50 years and strengthen the "
                    "pond's bank.</p>",
                ),
                HOW_TO["en"],
            ],
        },
        "documents": ["note"],
    },
]

# The generated PDFs: each document is bilingual (Russian and Tatar, the two
# state languages of Tatarstan); the page names it in its own language.
DOCUMENTS = {
    "note": {
        "ru": "Пояснительная записка",
        "tt": "Аңлатма язуы",
        "en": "Explanatory note",
    },
    "scheme": {
        "ru": "Схема планируемого размещения",
        "tt": "Планлаштырылган урнаштыру схемасы",
        "en": "Site layout scheme",
    },
    "zones": {
        "ru": "Карта функциональных зон",
        "tt": "Функциональ зоналар картасы",
        "en": "Map of land use zones",
    },
}
NOTE_PARAGRAPHS = {
    "ru": [
        "Настоящие материалы подготовлены для общественных обсуждений в "
        "соответствии со статьёй 5.1 Градостроительного кодекса Российской "
        "Федерации.",
        "Проект разработан с учётом документов территориального планирования, "
        "правил землепользования и застройки, нормативов градостроительного "
        "проектирования и охранных зон объектов культурного наследия.",
        "Предложения и замечания участников вносятся в протокол и учитываются "
        "при подготовке заключения о результатах общественных обсуждений.",
    ],
    "tt": [
        "Әлеге материаллар Россия Федерациясе Шәһәр төзелеше кодексының 5.1 "
        "маддәсе нигезендә иҗтимагый фикер алышулар өчен әзерләнде.",
        "Проект территориаль планлаштыру документларын, җирдән файдалану һәм "
        "төзелеш кагыйдәләрен, шәһәр төзелеше нормативларын һәм мәдәни мирас "
        "объектларының саклау зоналарын исәпкә алып эшләнде.",
        "Катнашучыларның тәкъдимнәре һәм искәрмәләре беркетмәгә кертелә һәм "
        "нәтиҗәләр турындагы бәяләмәне әзерләгәндә исәпкә алына.",
    ],
}

# Ideas per hearing: (kind, answer status, texts, answers) — texts and answers
# in ru, tt, en. "campaign" ideas were sent by many in the same words: the
# organiser groups those as duplicates of the first.
IDEAS = {
    "general-plan": [
        {
            "kind": "proposal",
            "answer": "accepted",
            "campaign": True,
            "ru": "Сохранить Лебяжьи озёра и прилегающий лес как рекреационную зону, "
            "исключить их из зоны жилой застройки.",
            "tt": "Аккош күлләрен һәм янәшәдәге урманны ял зонасы итеп саклау, аларны "
            "торак төзелеше зонасыннан чыгару.",
            "en": "Keep the Lebyazhye lakes and the forest around them as a "
            "recreation zone, out of the housing zone.",
            "answer_ru": "Учтено. Территория у Лебяжьих озёр отнесена к "
            "рекреационной зоне, жилая застройка на ней не предусматривается.",
            "answer_tt": "Исәпкә алынды. Аккош күлләре янындагы территория ял "
            "зонасына кертелде, анда торак төзелеше каралмый.",
            "answer_en": "Accepted. The land by the Lebyazhye lakes is now a "
            "recreation zone; no housing is planned there.",
        },
        {
            "kind": "proposal",
            "answer": "accepted",
            "ru": "Зарезервировать территорию для второй линии метро до Азино и "
            "депо, не допускать на трассе новой застройки.",
            "tt": "Азинога кадәр метроның икенче линиясе һәм депо өчен территорияне "
            "резервлау, трассада яңа төзелешкә юл куймау.",
            "en": "Reserve land for the second metro line to Azino and its depot; "
            "allow no new buildings on its route.",
            "answer_ru": "Учтено. Коридор второй линии метро отображён на карте "
            "планируемых объектов транспорта, застройка в нём ограничена.",
            "answer_tt": "Исәпкә алынды. Метроның икенче линиясе коридоры "
            "планлаштырылган транспорт объектлары картасында күрсәтелде.",
            "answer_en": "Accepted. The corridor of the second metro line is on "
            "the map of planned transport, and building in it is restricted.",
        },
        {
            "kind": "remark",
            "answer": "partly",
            "ru": "В Советском районе не хватает школ: в проекте на новые "
            "микрорайоны Азино предусмотрена одна школа, нужно минимум три.",
            "tt": "Совет районында мәктәпләр җитми: проектта Азиноның яңа "
            "микрорайоннарына бер мәктәп каралган, ким дигәндә өчесе кирәк.",
            "en": "Sovetsky district lacks schools: the draft has one school for "
            "the new Azino blocks, at least three are needed.",
            "answer_ru": "Учтено частично. Предусмотрены участки под две "
            "дополнительные школы; третья будет размещена при разработке проекта "
            "планировки.",
            "answer_tt": "Өлешчә исәпкә алынды. Тагын ике мәктәп өчен кишәрлекләр "
            "каралды; өченчесе планлаштыру проектында урнаштырылачак.",
            "answer_en": "Partly accepted. Sites for two more schools are "
            "reserved; the third will be placed in the planning project.",
        },
        {
            "kind": "proposal",
            "answer": "rejected",
            "ru": "Перевести промзону на улице Тэцевской в зону жилой застройки.",
            "tt": "Тэцевская урамындагы сәнәгать зонасын торак төзелеше зонасына "
            "күчерү.",
            "en": "Rezone the industrial area on Tetsevskaya Street for housing.",
            "answer_ru": "Отклонено. На территории действуют предприятия и "
            "санитарно-защитная зона ТЭЦ-2; жилая застройка там недопустима.",
            "answer_tt": "Кире кагылды. Территориядә предприятиеләр эшли һәм "
            "ТЭЦ-2нең санитар-саклау зонасы бар; анда торак төзү ярамый.",
            "answer_en": "Rejected. Factories work there and the sanitary "
            "protection zone of heat plant 2 covers it; housing is not allowed.",
        },
        {
            "kind": "proposal",
            "answer": "accepted",
            "campaign": True,
            "ru": "Сделать непрерывную набережную вдоль Казанки от Кремля до "
            "Центра семьи «Казан» с велодорожкой.",
            "tt": "Казансу буенда Кремльдән «Казан» гаилә үзәгенә кадәр велосипед "
            "юлы белән өзлексез яр буе ясау.",
            "en": "Make one continuous embankment along the Kazanka from the "
            "Kremlin to the Kazan Family Centre, with a cycle track.",
            "answer_ru": "Учтено. Набережная включена в систему озеленённых "
            "территорий общего пользования и велосипедный каркас города.",
            "answer_tt": "Исәпкә алынды. Яр буе гомуми файдаланудагы яшел "
            "территорияләр системасына һәм шәһәрнең велосипед челтәренә кертелде.",
            "answer_en": "Accepted. The embankment is part of the public green "
            "space and the city's cycle network.",
        },
        {
            "kind": "question",
            "answer": "out_of_scope",
            "ru": "Когда отремонтируют двор дома по улице Чистопольской, 20?",
            "tt": "Чистай урамындагы 20 нче йортның ишегалдын кайчан ремонтлыйлар?",
            "en": "When will the courtyard of 20 Chistopolskaya Street be repaired?",
            "answer_ru": "Вопрос не относится к предмету обсуждений: ремонт дворов "
            "ведётся по программе «Наш двор», заявку можно подать в администрацию "
            "района.",
            "answer_tt": "Сорау фикер алышу предметына карамый: ишегалларын "
            "ремонтлау «Безнең ишегалды» программасы буенча алып барыла.",
            "answer_en": "Not within the scope of the hearing: courtyards are "
            "repaired under the Our Courtyard programme; apply to the district "
            "administration.",
        },
        {
            "kind": "remark",
            "answer": "partly",
            "ru": "Проект допускает высотную застройку у Старо-Татарской слободы; "
            "это разрушит исторический облик.",
            "tt": "Проект Иске Татар бистәсе янында биек йортлар төзүгә юл куя; бу "
            "тарихи кыяфәтне бозачак.",
            "en": "The draft allows high-rise buildings next to the Old Tatar "
            "Quarter, which would ruin its historic look.",
            "answer_ru": "Учтено частично. Предельная высота в зоне регулирования "
            "застройки снижена до 5 этажей; окончательные параметры установят "
            "правила землепользования.",
            "answer_tt": "Өлешчә исәпкә алынды. Төзелешне көйләү зонасында чик "
            "биеклек 5 катка кадәр киметелде.",
            "answer_en": "Partly accepted. The height limit in the protected "
            "zone is lowered to 5 storeys; the land use rules will set the rest.",
        },
        {
            "kind": "proposal",
            "answer": "rejected",
            "ru": "Построить новый мост через Волгу в районе Кировской дамбы.",
            "tt": "Киров дамбасы тирәсендә Идел аша яңа күпер төзү.",
            "en": "Build a new bridge over the Volga near the Kirov dam.",
            "answer_ru": "Отклонено. Мост не предусмотрен схемой территориального "
            "планирования Республики Татарстан, которой должен соответствовать "
            "генеральный план.",
            "answer_tt": "Кире кагылды. Күпер Татарстан Республикасының "
            "территориаль планлаштыру схемасында каралмаган.",
            "answer_en": "Rejected. The bridge is not in the Republic's "
            "territorial planning scheme, which the General Plan must follow.",
        },
        {
            "kind": "question",
            "answer": "accepted",
            "ru": "Будет ли в проекте поликлиника для жителей Салмачей?",
            "tt": "Проектта Салмачы кешеләре өчен поликлиника булачакмы?",
            "en": "Will the draft include a clinic for the people of Salmachi?",
            "answer_ru": "Да. Участок под поликлинику на 600 посещений в смену "
            "добавлен на карту планируемых объектов здравоохранения.",
            "answer_tt": "Әйе. Сменага 600 килүгә исәпләнгән поликлиника өчен "
            "кишәрлек сәламәтлек саклау объектлары картасына өстәлде.",
            "answer_en": "Yes. A site for a clinic for 600 visits a shift is "
            "added to the map of planned health facilities.",
        },
        {
            "kind": "remark",
            "answer": "rejected",
            "ru": "Зона перспективной застройки в Константиновке слишком велика: "
            "дороги и сети туда не подведены.",
            "tt": "Константиновкадагы киләчәк төзелеш зонасы артык зур: анда юллар "
            "һәм челтәрләр юк.",
            "en": "The future development zone in Konstantinovka is too large: "
            "there are no roads or utilities there.",
            "answer_ru": "Отклонено. Строительство сетей и дорог предусмотрено "
            "программой комплексного развития на 2027–2035 годы.",
            "answer_tt": "Кире кагылды. Челтәрләр һәм юллар төзү 2027–2035 елларга "
            "комплекслы үсеш программасында каралган.",
            "answer_en": "Rejected. Roads and utilities are planned in the "
            "development programme for 2027–2035.",
        },
    ],
    "tikhoretskaya": [
        {
            "kind": "question",
            "answer": "accepted",
            "ru": "Сколько деревьев будет вырублено при расширении и где "
            "высадят новые?",
            "tt": "Киңәйткәндә ничә агач киселәчәк һәм яңалары кайда утыртылачак?",
            "en": "How many trees will be cut down and where will new ones be planted?",
            "answer_ru": "Под расширение попадают 46 деревьев; компенсационная "
            "посадка 140 деревьев предусмотрена вдоль велодорожки и в сквере "
            "на ул. Техническая.",
            "answer_tt": "Киңәйтүгә 46 агач эләгә; компенсация итеп 140 агач "
            "велосипед юлы буйлап утыртылачак.",
            "answer_en": "46 trees are in the way; 140 will be planted along "
            "the cycle track and in the square on Tekhnicheskaya Street.",
        },
        {
            "kind": "proposal",
            "answer": "",
            "ru": "Сделать надземный или подземный переход у школы № 121 вместо "
            "наземного.",
            "tt": "121 нче мәктәп янында җир өстендәге кичү урынына җир асты яки "
            "җир өсте күпер кичүе ясау.",
            "en": "Build a footbridge or an underpass at school 121 instead of a "
            "surface crossing.",
        },
        {
            "kind": "remark",
            "answer": "",
            "ru": "Шумозащитные экраны нужны вдоль домов 3–9: после расширения "
            "поток машин вырастет.",
            "tt": "3–9 нчы йортлар буенда шау-шудан саклау экраннары кирәк: "
            "киңәйткәннән соң машиналар агымы артачак.",
            "en": "Noise barriers are needed along houses 3 to 9: traffic will "
            "grow after the widening.",
        },
        {
            "kind": "question",
            "answer": "accepted",
            "ru": "Изымут ли часть участка у гаражного кооператива «Тихорецкий»?",
            "tt": "«Тихорецкий» гараж кооперативының кишәрлегеннән өлеш алыначакмы?",
            "en": "Will part of the Tikhoretsky garage cooperative's plot be taken?",
            "answer_ru": "Да, 0,08 га вдоль улицы; собственникам гаражей "
            "выплачивается возмещение по отчёту оценщика.",
            "answer_tt": "Әйе, урам буйлап 0,08 га; гараж хуҗаларына бәяләүче "
            "хисабы буенча түләү бирелә.",
            "answer_en": "Yes, 0.08 ha along the street; garage owners are "
            "compensated at the valuer's price.",
        },
        {
            "kind": "proposal",
            "answer": "",
            "ru": "Продлить выделенную полосу для автобусов до проспекта Победы.",
            "tt": "Автобуслар өчен аерым полосаны Җиңү проспектына кадәр дәвам итү.",
            "en": "Extend the bus lane all the way to Pobedy Avenue.",
        },
    ],
    "deviation": [
        {
            "kind": "remark",
            "answer": "",
            "ru": "Пристрой закроет свет окнам первого этажа соседнего дома.",
            "tt": "Өстәмә төзелеш күрше йортның беренче кат тәрәзәләренә яктылыкны "
            "каплаячак.",
            "en": "The extension will block the light of the ground floor windows "
            "next door.",
        },
        {
            "kind": "proposal",
            "answer": "",
            "ru": "Разрешить отклонение при условии озеленения оставшейся части "
            "участка.",
            "tt": "Кишәрлекнең калган өлешен яшелләндерү шарты белән тайпылуга "
            "рөхсәт итү.",
            "en": "Allow the deviation if the rest of the plot is planted.",
        },
        {
            "kind": "question",
            "answer": "",
            "ru": "Как будет организован подъезд грузовиков к складу?",
            "tt": "Складка йөк машиналары ничек килеп керәчәк?",
            "en": "How will lorries reach the storeroom?",
        },
    ],
    "territory-planning": [
        {
            "kind": "proposal",
            "answer": "accepted",
            "ru": "Увеличить детский сад до 320 мест: в Дербышках очередь.",
            "tt": "Балалар бакчасын 320 урынга кадәр арттыру: Дәрвешләрдә чират.",
            "en": "Make the kindergarten 320 places: Derbyshki has a waiting list.",
            "answer_ru": "Учтено: вместимость увеличена до 320 мест.",
            "answer_tt": "Исәпкә алынды: сыешлыгы 320 урынга кадәр арттырылды.",
            "answer_en": "Accepted: the capacity is raised to 320 places.",
        },
        {
            "kind": "remark",
            "answer": "rejected",
            "ru": "Девять этажей слишком много для посёлка, нужно не выше пяти.",
            "tt": "Бистә өчен тугыз кат артык күп, биштән биек булмаска тиеш.",
            "en": "Nine storeys is too high for the village; five at most.",
            "answer_ru": "Отклонено: этажность соответствует правилам "
            "землепользования для зоны Ж3.",
            "answer_tt": "Кире кагылды: катлар саны Ж3 зонасы кагыйдәләренә туры килә.",
            "answer_en": "Rejected: the height follows the land use rules for "
            "zone Zh3.",
        },
        {
            "kind": "question",
            "answer": "",
            "ru": "Сохранится ли рынок у железнодорожной станции?",
            "tt": "Тимер юл станциясе янындагы базар сакланачакмы?",
            "en": "Will the market by the railway station stay?",
        },
        {
            "kind": "proposal",
            "answer": "",
            "ru": "Сделать сквер вдоль Ноксы шире и с освещённой дорожкой.",
            "tt": "Нокса буендагы скверны киңрәк һәм яктыртылган сукмак белән ясау.",
            "en": "Make the green walk along the Noksa wider and lit.",
        },
    ],
    "park": [
        {
            "kind": "proposal",
            "answer": "accepted",
            "campaign": True,
            "ru": "Сохранить липовую аллею у главного входа.",
            "tt": "Төп керү юлы янындагы юкә аллеясын саклау.",
            "en": "Keep the lime alley at the main entrance.",
            "answer_ru": "Учтено: аллея сохраняется, дорожка проложена в обход.",
            "answer_tt": "Исәпкә алынды: аллея саклана, сукмак әйләнеп үтә.",
            "answer_en": "Accepted: the alley stays; the path goes around it.",
        },
        {
            "kind": "proposal",
            "answer": "partly",
            "ru": "Нужна площадка для выгула собак.",
            "tt": "Этләрне йөртү өчен мәйданчык кирәк.",
            "en": "A dog walking area is needed.",
            "answer_ru": "Учтено частично: площадка размещена у северной "
            "границы парка, вдали от детской зоны.",
            "answer_tt": "Өлешчә исәпкә алынды: мәйданчык паркның төньяк чигендә "
            "урнаштырылды.",
            "answer_en": "Partly accepted: it is placed by the park's northern "
            "edge, away from the playground.",
        },
        {
            "kind": "remark",
            "answer": "rejected",
            "ru": "Не нужно освещение у пруда, оно мешает птицам.",
            "tt": "Буа янында яктырту кирәкми, ул кошларга комачаулый.",
            "en": "No lights by the pond: they disturb the birds.",
            "answer_ru": "Отклонено: освещение нужно для безопасности; "
            "применяются светильники с тёплым светом, направленным вниз.",
            "answer_tt": "Кире кагылды: яктырту куркынычсызлык өчен кирәк; җылы "
            "яктылыклы, аска юнәлгән лампалар куела.",
            "answer_en": "Rejected: lighting is needed for safety; warm "
            "downward lights are used.",
        },
        {
            "kind": "question",
            "answer": "out_of_scope",
            "ru": "Можно ли открыть в парке кафе?",
            "tt": "Паркта кафе ачып буламы?",
            "en": "Can a café open in the park?",
            "answer_ru": "Не относится к проекту благоустройства: размещение "
            "нестационарных объектов решается по отдельной схеме.",
            "answer_tt": "Төзекләндерү проектына карамый: стационар булмаган "
            "объектлар аерым схема буенча урнаштырыла.",
            "answer_en": "Not within the scope: kiosks and cafés are placed under "
            "a separate scheme.",
        },
    ],
}

# What participants add to an idea in their own words.
REASONS = {
    "ru": [
        "",
        "Живу рядом и вижу это каждый день.",
        "Прошу учесть мнение жителей нашего дома.",
        "Это важно для детей и пожилых людей.",
        "Об этом говорили на собрании жильцов.",
        "Считаю это главным для района.",
    ],
    "tt": [
        "",
        "Янәшәдә яшим һәм моны көн саен күрәм.",
        "Безнең йорт кешеләренең фикерен исәпкә алуыгызны сорыйм.",
        "Бу балалар һәм өлкәннәр өчен мөһим.",
    ],
    "en": ["", "I live nearby and see this every day.", "Please consider it."],
}

# Submissions a moderator hid from the public register, with the reason the
# author was given; they stay in the protocol and get an answer.
HIDDEN = [
    {
        "ru": "Продаю квартиру в Азино недорого, пишите в личные сообщения.",
        "reason": "Реклама, не относится к предмету общественных обсуждений.",
    },
    {
        "ru": "Сосед из квартиры 14, Петров Иван Сергеевич, самовольно занял "
        "часть двора — примите меры.",
        "reason": "Текст содержит персональные данные третьих лиц.",
    },
]
HIDDEN_ANSWER = (
    "Обращение не относится к предмету общественных обсуждений и внесено в "
    "протокол без рассмотрения по существу."
)

# Demo participants: names and Kazan addresses by district.
WOMEN = ("Айгуль", "Алсу", "Гульнара", "Лейсан", "Зульфия", "Эльмира", "Динара",
         "Ольга", "Ирина", "Светлана", "Наталья", "Резеда", "Альбина", "Чулпан",
         "Елена", "Гузель")  # fmt: skip
MEN = ("Рамиль", "Ильдар", "Марат", "Тимур", "Наиль", "Ринат", "Айдар", "Булат",
       "Сергей", "Андрей", "Дмитрий", "Алексей", "Рустам", "Азат", "Ильназ",
       "Олег")  # fmt: skip
FATHERS = ("Рашит", "Ильдус", "Фарит", "Рустам", "Ринат", "Марат", "Александр",
           "Сергей", "Владимир", "Рифкат", "Наиль", "Виктор")  # fmt: skip
SURNAMES = ("Хасанов", "Галиев", "Сафин", "Ибрагимов", "Иванов", "Кузнецов",
            "Мухаметзянов", "Шарипов", "Нуриев", "Гилязов", "Петров", "Смирнов",
            "Ахметов", "Фаизов", "Сабиров", "Зарипов", "Миннуллин",
            "Габдрахманов", "Волков", "Никитин", "Хайруллин", "Валеев")  # fmt: skip
STREETS = [
    ("sovetsky", "420140", "ул. Юлиуса Фучика"),
    ("sovetsky", "420087", "ул. Рихарда Зорге"),
    ("privolzhsky", "420110", "ул. Тихорецкая"),
    ("privolzhsky", "420101", "пр. Победы"),
    ("vakhitovsky", "420111", "ул. Баумана"),
    ("vakhitovsky", "420021", "ул. Каюма Насыри"),
    ("novo_savinovsky", "420066", "пр. Ямашева"),
    ("novo_savinovsky", "420088", "ул. Чистопольская"),
    ("moskovsky", "420095", "ул. Восстания"),
    ("kirovsky", "420034", "ул. Болотникова"),
    ("kirovsky", "420044", "ул. Габдуллы Кариева"),
    ("aviastroitelny", "420036", "ул. Дементьева"),
]
COMPANIES = (
    "ООО «Казанская строительная компания»",
    "АО «Татинвестгражданпроект»",
    "ТСЖ «Азино-2»",
    "ООО «Волга-Девелопмент»",
    "АНО «Зелёная Казань»",
)

# Discussions under the hearings: residents' comments and replies, in order.
# Each entry: (index of the comment it answers or None, language, stance, text).
# The small season takes the first ``DISCUSSION_COUNTS[key]["small"]`` entries,
# so a reply always comes after the comment it answers.
FOR, AGAINST, NEUTRAL = "support", "oppose", "neutral"
# fmt: off
DISCUSSIONS = {
    "general-plan": [
        (None, "ru", FOR, "Наконец-то в генплане появились линии метро до Азино и "
         "Танкодрома. Без них новые районы так и будут стоять в пробках."),
        (None, "ru", AGAINST, "Зачем застраивать пойму Казанки? Это последние "
         "незастроенные берега в центре, там гуляет полгорода."),
        (1, "ru", NEUTRAL, "В материалах по пойме сказано про рекреационную зону, а не "
         "про жильё. Посмотрите карту функциональных зон, лист 3."),
        (None, "tt", FOR, "Яшел зоналар күбәйсә, бик яхшы. Балалар өчен паркларга "
         "якынрак булыр."),
        (None, "ru", NEUTRAL, "Подскажите, где посмотреть, какие участки в Советском "
         "районе переводят из садоводства в жилую зону?"),
        (4, "ru", NEUTRAL, "На экспозиции в ратуше есть крупные листы по каждому "
         "району, там всё видно с кадастровыми номерами."),
        (None, "ru", AGAINST, "Плотность застройки в Азино и так запредельная. Новых "
         "школ и поликлиник в проекте меньше, чем новых квартир."),
        (None, "en", FOR, "Good to see cycle routes along the Kazanka and the "
         "Volga embankment in the plan. Please connect them to the centre."),
        (6, "ru", FOR, "Согласна, в нашей школе уже по 38 человек в классе. "
         "Сначала социальные объекты, потом дома."),
        (None, "ru", AGAINST, "Продаю гараж в кооперативе на Горках, звоните."),
        (None, "ru", FOR, "Хорошо, что промзону на Тэцевской отдают под жильё и "
         "парк: сейчас там пустыри и склады."),
        (None, "ru", NEUTRAL, "Будут ли публичные слушания по каждому району отдельно "
         "или только общий проект?"),
        (11, "ru", NEUTRAL, "Отдельные проекты планировки обсуждают по каждой "
         "территории, их анонсы на этом же сайте."),
        (None, "tt", AGAINST, "Иске Татар бистәсенең тарихи йортларын саклау турында "
         "проектта бик аз язылган."),
        (None, "ru", FOR, "Перехватывающие парковки у конечных станций метро — "
         "правильное решение, поддерживаю."),
        (None, "ru", AGAINST, "Вырубка леса у Дербышек под новую магистраль "
         "недопустима. Прошу сохранить лесопарк."),
        (15, "ru", NEUTRAL, "Трасса в проекте идёт по краю лесопарка вдоль ЛЭП, сама "
         "роща остаётся. Но вопрос правильный, надо уточнить у разработчиков."),
        (None, "en", NEUTRAL, "Is there an English summary of the explanatory note? "
         "The full volume is only in Russian."),
        (None, "ru", FOR, "Новый мост через Казанку в створе улицы Гаврилова очень "
         "нужен, сейчас все стоят на Миллениуме."),
        (None, "ru", AGAINST, "В проекте нет ни одной новой больницы для Приволжского "
         "района, а население растёт каждый год."),
        (19, "tt", FOR, "Дөрес, хастаханәгә ерак йөрергә туры килә."),
        (None, "ru", NEUTRAL, "Сколько лет рассчитан план и будут ли его "
         "корректировать при изменении численности населения?"),
        (21, "ru", NEUTRAL, "Генплан на 20 лет, но изменения вносятся по той же "
         "процедуре с обсуждениями, так что корректировать можно."),
        (None, "ru", FOR, "Поддерживаю вынос грузового транзита за пределы города "
         "на южный обход."),
        (None, "ru", AGAINST, "Не согласен с зоной многоэтажной застройки вдоль "
         "Оренбургского тракта, там и так нечем дышать."),
        (None, "tt", NEUTRAL, "Проектның татарча кыскача эчтәлеге булса, күбрәк кеше "
         "катнашыр иде."),
        (None, "ru", FOR, "Спасибо за набережную от Кремля до Midtown — гулять "
         "будет где."),
        (None, "ru", NEUTRAL, "А что будет с частным сектором в Новой Татарской "
         "слободе? Снос или сохранение?"),
        (27, "ru", NEUTRAL, "По карте это зона смешанной застройки, снос в генплане "
         "не предусмотрен, решения будут в проектах планировки."),
        (None, "en", AGAINST, "The plan keeps too many car lanes in the historic "
         "centre; more pedestrian streets would make Kazan better."),
        (None, "ru", FOR, "Трамвай до Салмачей — отличная идея, только бы "
         "построили, а не оставили на бумаге."),
        (None, "ru", AGAINST, "Спортивное ядро у школы № 12 в проекте отдано под "
         "общественно-деловую зону. Это ошибка."),
        (31, "ru", FOR, "Поддерживаю, детям негде заниматься спортом."),
        (None, "ru", NEUTRAL, "Будет ли расширена сеть ливневой канализации? Каждую "
         "весну затапливает подземные переходы."),
        (None, "tt", FOR, "Идел буендагы яр буе проекты ошый, гаиләбез белән "
         "йөрербез."),
        (None, "ru", FOR, "Хорошо, что закладывают резерв под третью линию метро."),
        (None, "ru", AGAINST, "Промышленная зона у Борисково слишком близко к жилым "
         "домам, нужна санитарная зона."),
        (None, "ru", NEUTRAL, "Где будет опубликовано заключение по итогам "
         "обсуждений?"),
        (37, "ru", NEUTRAL, "Заключение публикуется на странице обсуждения и в "
         "газете «Казанские ведомости»."),
        (None, "ru", FOR, "В целом проект продуманный, спасибо разработчикам за "
         "понятные схемы."),
    ],
    "tikhoretskaya": [
        (None, "ru", FOR, "Давно пора расширить Тихорецкую: утром от Технической "
         "до проспекта Победы стоим по сорок минут."),
        (None, "ru", AGAINST, "Четыре полосы под окнами — это шум круглые сутки. "
         "Почему не предусмотрены шумозащитные экраны?"),
        (1, "ru", NEUTRAL, "В пояснительной записке шумозащита есть только у школы. "
         "Стоит написать об этом официальное предложение через форму."),
        (None, "tt", FOR, "Велосипед юлы булса, эшкә велосипедта йөрер идем."),
        (None, "ru", AGAINST, "У меня изымают часть участка, а про компенсацию в "
         "материалах ни слова."),
        (4, "ru", NEUTRAL, "Порядок изъятия и компенсации определяется отдельно, после "
         "утверждения проекта. Вопрос лучше задать организатору официально."),
        (None, "en", FOR, "A separated two-way cycle track is great news. Please "
         "make sure it continues past the tram stop."),
        (None, "ru", NEUTRAL, "Останется ли остановка «Улица Тихорецкая» на прежнем "
         "месте или её перенесут?"),
        (None, "ru", AGAINST, "Вырубят аллею лип вдоль дома 11. Это единственная "
         "зелень на всей улице."),
        (8, "ru", FOR, "Поддерживаю, деревья надо пересадить или сдвинуть трассу."),
        (None, "ru", FOR, "Три светофора вместо нерегулируемых переходов — "
         "безопаснее для детей, которые идут в школу."),
        (None, "tt", NEUTRAL, "Төзелеш ничә ай барачак? Бу вакытта автобуслар ничек "
         "йөриячәк?"),
        (11, "ru", NEUTRAL, "Сроки и схема объезда появятся в проекте организации "
         "дорожного движения, его делают после этого этапа."),
        (None, "ru", AGAINST, "Расширение улицы только притянет ещё больше машин. "
         "Лучше выделенная полоса для автобусов."),
        (13, "ru", FOR, "Выделенка была бы идеальна, поддерживаю."),
        (None, "ru", FOR, "Заездные карманы для автобусов очень нужны, сейчас "
         "они останавливаются прямо в полосе."),
        (None, "ru", NEUTRAL, "Какая ширина тротуаров будет у домов 3–9? Там и сейчас "
         "с коляской не разойтись."),
        (None, "en", NEUTRAL, "Will the exposition materials be available online in "
         "English as well?"),
        (None, "ru", AGAINST, "Парковку у поликлиники убирают, куда пожилым людям "
         "ставить машину?"),
        (18, "ru", NEUTRAL, "На схеме есть карман на 12 мест за поликлиникой, со "
         "стороны двора."),
        (None, "ru", FOR, "Хороший проект, главное — сделать качественное "
         "освещение и пандусы."),
        (None, "tt", AGAINST, "Безнең йорт янындагы уенчыклар мәйданчыгын кыскартырга "
         "ярамый."),
        (None, "ru", NEUTRAL, "Можно ли посмотреть поперечные профили улицы? На "
         "экспозиции их не было."),
        (22, "ru", NEUTRAL, "Профили есть в томе 2, раздел 4, их выложили вместе с "
         "материалами проекта."),
        (None, "ru", FOR, "Поддерживаю проект целиком, только просим не затягивать "
         "сроки."),
    ],
    "territory-planning": [
        (None, "ru", FOR, "Новая школа и детский сад в Дербышках очень нужны, "
         "сейчас возим детей в соседний район."),
        (None, "ru", AGAINST, "Девятиэтажки на месте частного сектора по улице "
         "Мира — против. Район потеряет свой облик."),
        (1, "ru", NEUTRAL, "В проекте это зона среднеэтажной застройки, до пяти "
         "этажей. Девять — только вдоль проспекта."),
        (None, "tt", FOR, "Яңа мәктәп һәм поликлиника булса, бик яхшы."),
        (None, "ru", NEUTRAL, "Что будет с рынком у станции? Его перенос не "
         "обозначен."),
        (None, "ru", AGAINST, "Проезд через лесопарк к новому кварталу испортит "
         "единственное место для прогулок."),
        (None, "en", FOR, "The new pedestrian link to the railway station is a "
         "very good idea."),
        (5, "ru", FOR, "Согласна, лесопарк нельзя трогать."),
        (None, "ru", FOR, "Хорошо, что предусмотрены площадки для спорта и "
         "велодорожка до Голубых озёр."),
        (None, "ru", NEUTRAL, "Когда будет опубликовано заключение и можно ли будет "
         "его оспорить?"),
        (9, "ru", NEUTRAL, "Протокол уже на странице, заключение опубликуют после "
         "рассмотрения всех предложений."),
        (None, "tt", NEUTRAL, "Вокзал янындагы автобус тукталышы калачакмы?"),
    ],
}
# fmt: on
DISCUSSION_COUNTS = {
    "general-plan": {"full": 40, "small": 10},
    "tikhoretskaya": {"full": 25, "small": 8},
    "territory-planning": {"full": 12, "small": 6},
}
# The comment of each discussion a moderator hid, by its index, with the reason
# shown in its place.
DISCUSSION_HIDDEN = {
    "general-plan": {
        9: "Реклама, не относится к предмету обсуждения.",
    },
}
