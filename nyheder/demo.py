"""Demo stories: twelve positive stories from the neighbourhood, loaded by `load_demo_content`.

Inspired by the activities in the plan (see kvarter/demo/content.py); the people are the invented
staff from there, and every sentence is written for this demo. Each story is in Danish and English,
and four are in Arabic and Turkish too. Dates count back from today, so the newest story is always
recent.
"""

import datetime

from django.utils import timezone

from kvarter.models import FocusAreaPage

from .models import StoryIndexPage, StoryPage, Topic

# Each story's topics, by slug; every topic is named in all six languages.
TOPICS = {
    "lektiehjaelp": {
        "da": "Lektiehjælp",
        "en": "Homework help",
        "ar": "المساعدة في الواجبات",
        "tr": "Ödev yardımı",
        "so": "Caawinta casharrada",
        "ur": "ہوم ورک میں مدد",
    },
    "boern": {
        "da": "Børn",
        "en": "Children",
        "ar": "الأطفال",
        "tr": "Çocuklar",
        "so": "Carruurta",
        "ur": "بچے",
    },
    "frivillige": {
        "da": "Frivillige",
        "en": "Volunteers",
        "ar": "المتطوعون",
        "tr": "Gönüllüler",
        "so": "Mutadawiciinta",
        "ur": "رضاکار",
    },
    "unge": {
        "da": "Unge",
        "en": "Young people",
        "ar": "الشباب",
        "tr": "Gençler",
        "so": "Dhallinyarada",
        "ur": "نوجوان",
    },
    "faellesskab": {
        "da": "Fællesskab",
        "en": "Community",
        "ar": "المجتمع",
        "tr": "Topluluk",
        "so": "Bulshada",
        "ur": "برادری",
    },
    "byg-selv-sammen": {
        "da": "Byg selv sammen",
        "en": "Building together",
        "ar": "نبني معًا",
        "tr": "Birlikte yapalım",
        "so": "Wada dhisid",
        "ur": "مل کر بنائیں",
    },
    "kultur": {
        "da": "Kultur",
        "en": "Culture",
        "ar": "الثقافة",
        "tr": "Kültür",
        "so": "Dhaqanka",
        "ur": "ثقافت",
    },
    "mad": {
        "da": "Mad",
        "en": "Food",
        "ar": "الطعام",
        "tr": "Yemek",
        "so": "Cuntada",
        "ur": "کھانا",
    },
    "film": {
        "da": "Film",
        "en": "Film",
        "ar": "السينما",
        "tr": "Sinema",
        "so": "Filimada",
        "ur": "فلم",
    },
    "job": {"da": "Job", "en": "Jobs", "ar": "العمل", "tr": "İş", "so": "Shaqada", "ur": "روزگار"},
    "ivaerksaetteri": {
        "da": "Iværksætteri",
        "en": "Starting a business",
        "ar": "ريادة الأعمال",
        "tr": "Girişimcilik",
        "so": "Ganacsi bilaabid",
        "ur": "کاروبار شروع کرنا",
    },
    "agerposten": {
        "da": "Agerposten",
        "en": "Agerposten",
        "ar": "أغربوستن",
        "tr": "Agerposten",
        "so": "Agerposten",
        "ur": "آگرپوسٹن",
    },
    "natur": {
        "da": "Natur",
        "en": "Nature",
        "ar": "الطبيعة",
        "tr": "Doğa",
        "so": "Dabeecadda",
        "ur": "فطرت",
    },
    "beboerdemokrati": {
        "da": "Beboerdemokrati",
        "en": "Residents' democracy",
        "ar": "ديمقراطية السكان",
        "tr": "Sakin demokrasisi",
        "so": "Dimuqraadiyadda dadka deggan",
        "ur": "رہائشیوں کی جمہوریت",
    },
}

INDEX = {
    "slug": "historier",
    "image": "people",
    "title": {
        "da": "Historier fra kvarteret",
        "en": "Stories from the neighbourhood",
        "ar": "قصص من الحي",
        "tr": "Mahalleden hikâyeler",
        "so": "Sheekooyin xaafadda",
        "ur": "محلے کی کہانیاں",
    },
    "intro": {
        "da": "Gode historier om naboer, frivillige og fællesskaber i Charlottekvarteret.",
        "en": "Good stories about neighbours, volunteers and communities in Charlottekvarteret.",
        "ar": "قصص جميلة عن الجيران والمتطوعين والتجمعات في Charlottekvarteret.",
        "tr": "Charlottekvarteret'teki komşular, gönüllüler ve topluluklar hakkında güzel hikâyeler.",
        "so": "Sheekooyin wanaagsan oo ku saabsan deriska, mutadawiciinta iyo bulshada Charlottekvarteret.",
        "ur": "Charlottekvarteret کے پڑوسیوں، رضاکاروں اور برادریوں کی اچھی کہانیاں۔",
    },
}

TIP_RECIPIENTS = "redaktion@example.org"

# Oldest first: they are created in this order, so "newest first" follows the dates.
STORIES = [
    {
        "slug": "lektiecafeen-fylder-fem-borde",
        "days_ago": 160,
        "image": "people",
        "topics": ["lektiehjaelp", "boern", "frivillige"],
        "author": "fatima",
        "focus_area": "uddannelse-beskaeftigelse-og-erhverv",
        "housing_area": "charlotteparken",
        "title": {
            "da": "Lektiecaféen fylder nu fem borde",
            "en": "The homework café now fills five tables",
            "ar": "مقهى الواجبات المدرسية يملأ الآن خمس طاولات",
            "tr": "Ödev kafesi artık beş masayı dolduruyor",
        },
        "intro": {
            "da": "Hver tirsdag sidder børn og frivillige side om side i beboerhuset og regner, læser og skriver.",
            "en": "Every Tuesday children and volunteers sit side by side in the community house, doing sums, reading and writing.",
            "ar": "كل يوم ثلاثاء يجلس الأطفال والمتطوعون جنباً إلى جنب في بيت السكان يحسبون ويقرؤون ويكتبون.",
            "tr": "Her salı çocuklar ve gönüllüler sakinler evinde yan yana oturup hesap yapıyor, okuyor ve yazıyor.",
        },
        "body": [
            (
                "paragraph",
                {
                    "da": "Da lektiecaféen startede, kom der tre børn. I dag er der fem fyldte borde, og de frivillige har lavet en liste, så ingen skal vente længe på hjælp.",
                    "en": "When the homework café started, three children came. Today five tables are full, and the volunteers keep a list so that nobody waits long for help.",
                    "ar": "عندما بدأ مقهى الواجبات جاء ثلاثة أطفال فقط. واليوم تمتلئ خمس طاولات، ويحتفظ المتطوعون بقائمة حتى لا ينتظر أحد طويلاً للحصول على المساعدة.",
                    "tr": "Ödev kafesi başladığında üç çocuk gelmişti. Bugün beş masa dolu ve gönüllüler kimse yardım için uzun süre beklemesin diye bir liste tutuyor.",
                },
            ),
            (
                "quote",
                {
                    "text": {
                        "da": "Jeg troede ikke, jeg kunne brøker. Nu hjælper jeg min lillebror.",
                        "en": "I didn't think I could do fractions. Now I help my little brother.",
                        "ar": "لم أكن أظن أنني أفهم الكسور. الآن أساعد أخي الصغير.",
                        "tr": "Kesirleri yapabileceğimi sanmıyordum. Şimdi küçük kardeşime yardım ediyorum.",
                    },
                    "attribution": {
                        "da": "Elev i 6. klasse",
                        "en": "Year 6 pupil",
                        "ar": "تلميذ في الصف السادس",
                        "tr": "6. sınıf öğrencisi",
                    },
                },
            ),
            (
                "paragraph",
                {
                    "da": "Caféen mangler altid voksne, der har lyst til at læse med et barn. Man behøver ikke være lærer, bare tålmodig.",
                    "en": "The café always needs adults who would like to read with a child. You don't have to be a teacher, just patient.",
                    "ar": "يحتاج المقهى دائماً إلى بالغين يحبون القراءة مع طفل. لا يلزم أن تكون معلماً، يكفي أن تكون صبوراً.",
                    "tr": "Kafenin her zaman bir çocukla birlikte okumak isteyen yetişkinlere ihtiyacı var. Öğretmen olmanız gerekmiyor, sabırlı olmanız yeterli.",
                },
            ),
        ],
    },
    {
        "slug": "de-aktive-unge-holdt-sommerfest",
        "days_ago": 140,
        "image": "youth",
        "topics": ["unge", "faellesskab"],
        "author": "emre",
        "focus_area": "uddannelse-beskaeftigelse-og-erhverv",
        "housing_area": "engbo",
        "title": {
            "da": "De Aktive Unge holdt sommerfest for hele kvarteret",
            "en": "De Aktive Unge threw a summer party for the whole neighbourhood",
            "ar": "De Aktive Unge أقاموا حفلة صيفية للحي كله",
            "tr": "De Aktive Unge tüm mahalle için yaz şenliği düzenledi",
        },
        "intro": {
            "da": "Tyve unge planlagde festen selv: musik, grill, fodboldturnering og en bod med hjemmelavet is.",
            "en": "Twenty young people planned the party themselves: music, a barbecue, a football tournament and a stall with home-made ice cream.",
            "ar": "خطّط عشرون شاباً وشابة للحفلة بأنفسهم: موسيقى وشواء ودوري كرة قدم وكشك للمثلجات المصنوعة في البيت.",
            "tr": "Yirmi genç şenliği kendileri planladı: müzik, mangal, futbol turnuvası ve ev yapımı dondurma standı.",
        },
        "body": [
            (
                "paragraph",
                {
                    "da": "De Aktive Unge mødes hver uge i ungdomsklubben. I foråret besluttede de at give noget tilbage til kvarteret, og resultatet blev en sommerfest på græsset ved Engbo.",
                    "en": "De Aktive Unge meet every week at the youth club. In spring they decided to give something back to the neighbourhood, and the result was a summer party on the grass by Engbo.",
                    "ar": "يلتقي De Aktive Unge كل أسبوع في نادي الشباب. في الربيع قرّروا أن يقدّموا شيئاً للحي، فكانت النتيجة حفلة صيفية على العشب بجانب Engbo.",
                    "tr": "De Aktive Unge her hafta gençlik kulübünde buluşuyor. İlkbaharda mahalleye bir şey geri vermeye karar verdiler ve sonuç Engbo'nun yanındaki çimenlikte bir yaz şenliği oldu.",
                },
            ),
            (
                "fact_box",
                {
                    "title": {
                        "da": "Festen i tal",
                        "en": "The party in numbers",
                        "ar": "الحفلة بالأرقام",
                        "tr": "Rakamlarla şenlik",
                    },
                    "facts": [
                        {
                            "da": "Cirka 300 gæster",
                            "en": "About 300 guests",
                            "ar": "نحو 300 ضيف",
                            "tr": "Yaklaşık 300 misafir",
                        },
                        {
                            "da": "8 fodboldhold",
                            "en": "8 football teams",
                            "ar": "8 فرق كرة قدم",
                            "tr": "8 futbol takımı",
                        },
                        {
                            "da": "20 unge arrangører",
                            "en": "20 young organisers",
                            "ar": "20 منظِّماً من الشباب",
                            "tr": "20 genç organizatör",
                        },
                    ],
                },
            ),
            (
                "paragraph",
                {
                    "da": "Overskuddet fra isboden går til en tur til Bornholm for klubben næste sommer.",
                    "en": "The profit from the ice-cream stall will pay for a club trip to Bornholm next summer.",
                    "ar": "ستُستخدم أرباح كشك المثلجات لرحلة النادي إلى بورنهولم في الصيف القادم.",
                    "tr": "Dondurma standının kârı, kulübün gelecek yaz Bornholm gezisine harcanacak.",
                },
            ),
        ],
    },
    {
        "slug": "byg-selv-sammen-nye-baenke",
        "days_ago": 125,
        "image": "blocks",
        "topics": ["byg-selv-sammen", "frivillige"],
        "author": "jens",
        "focus_area": "kultur-og-fritid",
        "housing_area": "agerhusene",
        "title": {
            "da": "Byg-selv-sammen: nye bænke i gården",
            "en": "Build-it-together: new benches in the courtyard",
        },
        "intro": {
            "da": "Otte beboere brugte tre lørdage på at bygge bænke af genbrugstræ, og nu er der plads til snak i solen.",
            "en": "Eight residents spent three Saturdays building benches from reclaimed wood, and now there is room for a chat in the sun.",
        },
        "body": [
            (
                "paragraph",
                {
                    "da": "Idéen kom fra et beboermøde, hvor flere ønskede sig et sted at sidde ved legepladsen. Boligselskabet betalte skruer og olie, resten var frivilligt arbejde.",
                    "en": "The idea came from a residents' meeting where several people wished for somewhere to sit by the playground. The housing association paid for screws and oil; the rest was volunteer work.",
                },
            ),
            (
                "quote",
                {
                    "text": {
                        "da": "Det bedste var, at vi lærte hinanden at kende, mens vi savede.",
                        "en": "The best part was getting to know each other while we sawed.",
                    },
                    "attribution": {"da": "Beboer i Agerhusene", "en": "Resident of Agerhusene"},
                },
            ),
        ],
    },
    {
        "slug": "kulturmoede-suppe-fra-seks-lande",
        "days_ago": 110,
        "image": "meeting",
        "topics": ["kultur", "faellesskab", "mad"],
        "author": "nadia",
        "focus_area": "kultur-og-fritid",
        "housing_area": "engbo",
        "title": {
            "da": "Kulturmøde: suppe fra seks lande",
            "en": "Culture meeting: soup from six countries",
            "ar": "لقاء ثقافي: حساء من ستة بلدان",
            "tr": "Kültür buluşması: altı ülkeden çorba",
        },
        "intro": {
            "da": "Til månedens kulturmøde havde beboerne suppe med hjemmefra, og opskrifterne blev delt på tværs af bordene.",
            "en": "For this month's culture meeting residents brought soup from home, and the recipes were shared across the tables.",
            "ar": "في لقاء الثقافة لهذا الشهر أحضر السكان حساءً من بيوتهم، وتبادلوا الوصفات بين الطاولات.",
            "tr": "Bu ayın kültür buluşmasına sakinler evden çorba getirdi ve tarifler masalar arasında paylaşıldı.",
        },
        "body": [
            (
                "paragraph",
                {
                    "da": "Der var linsesuppe fra Tyrkiet, hønsesuppe fra Danmark, harira fra Marokko og tre andre. Børnene stemte om den bedste, men alle fik en præmie.",
                    "en": "There was lentil soup from Turkey, chicken soup from Denmark, harira from Morocco and three more. The children voted for the best, but everyone got a prize.",
                    "ar": "كان هناك حساء العدس من تركيا وحساء الدجاج من الدنمارك والحريرة من المغرب وثلاثة أنواع أخرى. صوّت الأطفال لأفضلها، لكن الجميع حصلوا على جائزة.",
                    "tr": "Türkiye'den mercimek çorbası, Danimarka'dan tavuk çorbası, Fas'tan harira ve üç çorba daha vardı. Çocuklar en iyisini oyladı ama herkes bir ödül aldı.",
                },
            ),
            (
                "paragraph",
                {
                    "da": "Opskrifterne samles nu i et lille hæfte, som kan hentes gratis i beboerhuset.",
                    "en": "The recipes are now being collected in a small booklet, free to pick up at the community house.",
                    "ar": "تُجمع الوصفات الآن في كتيّب صغير يمكن أخذه مجاناً من بيت السكان.",
                    "tr": "Tarifler şimdi küçük bir kitapçıkta toplanıyor; kitapçığı sakinler evinden ücretsiz alabilirsiniz.",
                },
            ),
        ],
    },
    {
        "slug": "beboernes-film-har-premiere",
        "days_ago": 95,
        "image": "youth",
        "topics": ["film", "unge", "kultur"],
        "author": "line",
        "focus_area": "image-og-kommunikation",
        "housing_area": None,
        "title": {
            "da": "Beboernes film har premiere i beboerhuset",
            "en": "The residents' film premieres in the community house",
        },
        "intro": {
            "da": "Et halvt år med kamera og mikrofon blev til en kortfilm om livet i kvarteret, fortalt af dem, der bor her.",
            "en": "Six months with a camera and a microphone became a short film about life in the neighbourhood, told by the people who live here.",
        },
        "body": [
            (
                "paragraph",
                {
                    "da": "Filmholdet bestod af elleve beboere mellem 14 og 72 år. De lærte at filme, klippe og interviewe, og de valgte selv, hvad filmen skulle handle om.",
                    "en": "The film crew was eleven residents aged between 14 and 72. They learned to film, edit and interview, and chose for themselves what the film would be about.",
                },
            ),
        ],
        # Added after the page is made: the demo loader's body helper has no video block.
        "video": {
            "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "title": {
                "da": "Filmen fra kvarteret (trailer)",
                "en": "The film from the neighbourhood (trailer)",
            },
            "caption": {
                "da": "Traileren vises fra YouTube, når du trykker afspil.",
                "en": "The trailer plays from YouTube when you press play.",
            },
        },
    },
    {
        "slug": "mentornetvaerket-hjalp-samira",
        "days_ago": 80,
        "image": "meeting",
        "topics": ["job", "ivaerksaetteri"],
        "author": "ahmad",
        "focus_area": "uddannelse-beskaeftigelse-og-erhverv",
        "housing_area": "charlotteparken",
        "title": {
            "da": "Mentornetværket hjalp Samira i gang med egen syværksted",
            "en": "The mentor network helped Samira open her own sewing workshop",
        },
        "intro": {
            "da": "En pensioneret revisor og en butiksejer fra Taastrup gav råd om budget, husleje og kunder.",
            "en": "A retired accountant and a shop owner from Taastrup gave advice on budgets, rent and customers.",
        },
        "body": [
            (
                "paragraph",
                {
                    "da": "Samira (navnet er opdigtet) har syet for naboer i mange år. Gennem mentornetværket fik hun to mentorer, som hjalp hende med at regne på, om et lille værksted kunne løbe rundt.",
                    "en": "Samira (not her real name) has sewn for neighbours for many years. Through the mentor network she met two mentors who helped her work out whether a small workshop could pay its way.",
                },
            ),
            (
                "quote",
                {
                    "text": {
                        "da": "De troede på mig, før jeg selv gjorde.",
                        "en": "They believed in me before I did.",
                    },
                    "attribution": {
                        "da": "Samira, ny iværksætter",
                        "en": "Samira, new business owner",
                    },
                },
            ),
        ],
    },
    {
        "slug": "frivillige-baerer-agerposten-ud",
        "days_ago": 68,
        "image": "paper",
        "topics": ["agerposten", "frivillige"],
        "author": "line",
        "focus_area": "image-og-kommunikation",
        "housing_area": None,
        "title": {
            "da": "Tolv frivillige bærer Agerposten ud",
            "en": "Twelve volunteers deliver Agerposten",
        },
        "intro": {
            "da": "Når den lokale avis kommer fra trykkeriet, står et hold klar med trækvogne, så den når alle opgange samme dag.",
            "en": "When the local paper arrives from the printer, a team stands ready with handcarts so that it reaches every stairwell the same day.",
        },
        "body": [
            (
                "paragraph",
                {
                    "da": "Holdet er blandet: pensionister, skoleelever og et par forældre på barsel. De fleste tager den samme rute hver gang og kender efterhånden beboerne på vejen.",
                    "en": "The team is a mix: pensioners, school pupils and a couple of parents on leave. Most take the same route every time and by now know the residents along the way.",
                },
            ),
            (
                "paragraph",
                {
                    "da": "Har du lyst til at være med, så skriv til redaktionen. En rute tager cirka en time.",
                    "en": "If you would like to join, write to the editors. A route takes about an hour.",
                },
            ),
        ],
    },
    {
        "slug": "hoejbedene-giver-foerste-hoest",
        "days_ago": 55,
        "image": "garden",
        "topics": ["natur", "faellesskab", "mad"],
        "author": "mette",
        "focus_area": "kultur-og-fritid",
        "housing_area": "agerhusene",
        "title": {
            "da": "Højbedene giver den første høst",
            "en": "The raised beds give their first harvest",
            "ar": "أحواض الزراعة المرتفعة تعطي أول محصول",
            "tr": "Yükseltilmiş bahçe yatakları ilk hasadını verdi",
        },
        "intro": {
            "da": "Squash, bønner og mynte: i fælleshaven i Agerhusene har beboerne høstet for første gang.",
            "en": "Courgettes, beans and mint: residents have harvested for the first time in the shared garden in Agerhusene.",
            "ar": "كوسا وفاصولياء ونعناع: حصد السكان لأول مرة في الحديقة المشتركة في Agerhusene.",
            "tr": "Kabak, fasulye ve nane: Agerhusene'deki ortak bahçede sakinler ilk kez hasat yaptı.",
        },
        "body": [
            (
                "paragraph",
                {
                    "da": "Fjorten familier har hvert sit bed. Dem, der ikke har tid til at vande, får hjælp af naboen, og til gengæld deler de høsten.",
                    "en": "Fourteen families each have a bed. Those who have no time to water get help from a neighbour, and in return they share the harvest.",
                    "ar": "لكل واحدة من أربع عشرة عائلة حوضها الخاص. ومن لا يجد وقتاً للسقي يساعده جاره، وفي المقابل يتقاسمان المحصول.",
                    "tr": "On dört ailenin her birinin kendi yatağı var. Sulamaya vakti olmayanlara komşuları yardım ediyor, karşılığında hasadı paylaşıyorlar.",
                },
            ),
            (
                "quote",
                {
                    "text": {
                        "da": "Mynten dufter som i min mors have.",
                        "en": "The mint smells like my mother's garden.",
                        "ar": "رائحة النعناع مثل حديقة أمي.",
                        "tr": "Nane annemin bahçesi gibi kokuyor.",
                    },
                    "attribution": {
                        "da": "Beboer i Agerhusene",
                        "en": "Resident of Agerhusene",
                        "ar": "من سكان Agerhusene",
                        "tr": "Agerhusene sakini",
                    },
                },
            ),
        ],
    },
    {
        "slug": "unge-laerte-at-soege-fritidsjob",
        "days_ago": 42,
        "image": "youth",
        "topics": ["job", "unge"],
        "author": "ahmad",
        "focus_area": "uddannelse-beskaeftigelse-og-erhverv",
        "housing_area": None,
        "title": {
            "da": "Femten unge lærte at søge fritidsjob",
            "en": "Fifteen young people learned to apply for part-time jobs",
        },
        "intro": {
            "da": "På tre aftener skrev de ansøgninger, øvede samtaler og besøgte to butikker i bydelen.",
            "en": "Over three evenings they wrote applications, practised interviews and visited two local shops.",
        },
        "body": [
            (
                "paragraph",
                {
                    "da": "Forløbet var en del af studienetværket. Seks af de unge har allerede fået job, blandt andet i et supermarked og på et plejehjem.",
                    "en": "The course was part of the study network. Six of the young people already have jobs, among them in a supermarket and at a care home.",
                },
            ),
        ],
    },
    {
        "slug": "afdelingsbestyrelserne-moedtes-paa-tvaers",
        "days_ago": 30,
        "image": "meeting",
        "topics": ["beboerdemokrati", "faellesskab"],
        "author": "mette",
        "focus_area": "beboernetvaerk-inddragelse-og-demokrati",
        "housing_area": None,
        "title": {
            "da": "Afdelingsbestyrelserne mødtes på tværs af kvarteret",
            "en": "The residents' boards met across the neighbourhood",
        },
        "intro": {
            "da": "For første gang sad alle tre bestyrelser om samme bord og aftalte fælles arrangementer for året.",
            "en": "For the first time all three boards sat at the same table and agreed on joint events for the year.",
        },
        "body": [
            (
                "paragraph",
                {
                    "da": "Mødet handlede om at dele erfaringer: hvordan man får nye beboere med til møderne, og hvordan man deler festudstyr i stedet for at købe tre gange.",
                    "en": "The meeting was about sharing experience: how to get new residents to come to meetings, and how to share party equipment instead of buying it three times.",
                },
            ),
        ],
    },
    {
        "slug": "bogen-om-ildsjaelene",
        "days_ago": 18,
        "image": "paper",
        "topics": ["frivillige", "kultur"],
        "author": "line",
        "focus_area": "image-og-kommunikation",
        "housing_area": None,
        "title": {
            "da": "Ny bog fortæller om kvarterets ildsjæle",
            "en": "A new book tells the story of the neighbourhood's driving spirits",
        },
        "intro": {
            "da": "Tyve portrætter af naboer, der gør en forskel, fra fodboldtræneren til kvinden, der driver strikkeklubben.",
            "en": "Twenty portraits of neighbours who make a difference, from the football coach to the woman who runs the knitting club.",
        },
        "body": [
            (
                "paragraph",
                {
                    "da": "Bogen er skrevet af beboere sammen med en lokal journalist. Den kan lånes på biblioteket og hentes i beboerhuset.",
                    "en": "The book was written by residents together with a local journalist. You can borrow it at the library or pick one up at the community house.",
                },
            ),
        ],
    },
    {
        "slug": "legepladsen-fik-nyt-liv",
        "days_ago": 6,
        "image": "garden",
        "topics": ["byg-selv-sammen", "boern"],
        "author": "jens",
        "focus_area": "kultur-og-fritid",
        "housing_area": "charlotteparken",
        "title": {
            "da": "Legepladsen i Charlotteparken fik nyt liv",
            "en": "The playground in Charlotteparken came back to life",
        },
        "intro": {
            "da": "Børn tegnede, forældre malede, og viceværten satte nye gynger op. En weekend var nok.",
            "en": "Children drew, parents painted and the caretaker put up new swings. One weekend was enough.",
        },
        "body": [
            (
                "paragraph",
                {
                    "da": "Børnene fra lektiecaféen tegnede, hvordan legepladsen skulle se ud. Tegningerne blev til mønstre på asfalten, malet af forældre og naboer i byg-selv-sammen-holdet.",
                    "en": "The children from the homework café drew what the playground should look like. Their drawings became patterns on the tarmac, painted by parents and neighbours from the build-it-together team.",
                },
            ),
        ],
    },
]


def load_stories(loader, home):
    """The story index with its stories, created once; a second run changes nothing."""
    index = loader.page(home, StoryIndexPage, INDEX, to_address=TIP_RECIPIENTS, show_in_menus=True)
    focus_areas = {
        page.slug: page
        for page in FocusAreaPage.objects.filter(locale=home.locale).descendant_of(home)
    }
    topics = {
        slug: loader.translated_snippet(Topic, {"slug": slug}, {}, {"name": names})
        for slug, names in TOPICS.items()
    }
    today = timezone.localdate()
    for story in STORIES:
        page = loader.page(
            index,
            StoryPage,
            story,
            date=today - datetime.timedelta(days=story["days_ago"]),
            author=loader.people[story["author"]],
            focus_area=focus_areas.get(story["focus_area"]),
            housing_area=loader.housing_areas.get(story["housing_area"]),
        )
        changed = False
        # Topics and the video go in after the page exists: the loader knows neither.
        if not page.topics.exists():
            page.topics.set([topics[slug] for slug in story["topics"]])
            changed = True
        if "video" in story and not any(block.block_type == "video" for block in page.body):
            video = story["video"]
            page.body.append(
                (
                    "video",
                    {
                        "url": video["url"],
                        "title": video["title"]["da"],
                        "caption": video["caption"]["da"],
                    },
                )
            )
            changed = True
        if changed:
            page.save_revision().publish()
    return index
