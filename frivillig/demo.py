"""Demo guides and the help desk, loaded by `load_demo_content` through the
`kvarter_load_demo_content` hook (wagtail_hooks.py).

Six "gør-det-selv" guides inspired by the plan's volunteering activities (kvarter/demo/content.py),
every sentence written for this demo. All six are in Danish and English; homework help and the
shared dinner are in Arabic and Turkish too. The help desk is in Danish, English and Arabic.
"""

from kvarter.demo.loader import grant_to_staff
from kvarter.models import ActivityPage, FocusAreaPage

from .choices import Difficulty, Topic
from .models import GuideIndexPage, GuidePage, HelpDeskPage

INDEX = {
    "slug": "guides",
    "image": "garden",
    "title": {
        "da": "Gør det selv",
        "en": "Do it yourself",
        "ar": "افعلها بنفسك",
        "tr": "Kendin yap",
    },
    "intro": {
        "da": "Opskrifter på dit eget projekt i kvarteret: trin for trin, med tjekliste og en person, du kan spørge.",
        "en": "Recipes for your own project in the neighbourhood: step by step, with a checklist and someone to ask.",
        "ar": "وصفات لمشروعك الخاص في الحي: خطوة بخطوة، مع قائمة تحقق وشخص يمكنك سؤاله.",
        "tr": "Mahallede kendi projen için tarifler: adım adım, kontrol listesi ve sorabileceğin biriyle.",
    },
}

HELP_DESK = {
    "slug": "frivilligdesk",
    "image": "meeting",
    "title": {
        "da": "Frivilligdesken",
        "en": "The volunteer desk",
        "ar": "مكتب المتطوعين",
    },
    "intro": {
        "da": "Vil du starte noget i kvarteret? Skriv til os på dit eget sprog, så hjælper vi dig videre.",
        "en": "Would you like to start something in the neighbourhood? Write to us in your own language and we will help you on.",
        "ar": "هل تريد أن تبدأ شيئاً في الحي؟ اكتب لنا بلغتك وسنساعدك على المضي قدماً.",
    },
    "body": [
        (
            "paragraph",
            {
                "da": "Vi hjælper med at finde et lokale, søge penge, skaffe frivillige og stifte en forening. Vi svarer inden for en uge.",
                "en": "We help you find a room, apply for money, find volunteers and found an association. We answer within a week.",
                "ar": "نساعدك في إيجاد قاعة، وطلب التمويل، وإيجاد متطوعين، وتأسيس جمعية. نرد خلال أسبوع.",
            },
        ),
    ],
}

HELP_DESK_ADDRESS = "frivillig@example.org"


def step(title, text, tip=None):
    return {"title": title, "text": text, **({"tip": tip} if tip else {})}


GUIDES = [
    {
        "slug": "start-en-forening",
        "image": "meeting",
        "difficulty": Difficulty.MEDIUM,
        "topic": Topic.ASSOCIATIONS,
        "contact": "line",
        "activities": ["frivillighedsformidling"],
        "related_guides": ["soeg-en-pulje"],
        "title": {"da": "Start en forening", "en": "Start an association"},
        "intro": {
            "da": "En forening giver jeres fællesskab en bestyrelse, en bankkonto og adgang til lokaler og puljer.",
            "en": "An association gives your group a board, a bank account and access to rooms and funds.",
        },
        "audience": {
            "da": "Naboer, der mødes fast og vil gøre det lidt mere officielt",
            "en": "Neighbours who meet regularly and want to make it a little more official",
        },
        "time_needed": {"da": "En måned", "en": "One month"},
        "cost": {"da": "0 kr.", "en": "0 kr."},
        "materials": [
            {
                "da": "Mindst tre personer, der vil sidde i bestyrelsen",
                "en": "At least three people willing to sit on the board",
            },
            {"da": "Et udkast til vedtægter", "en": "A draft of the statutes"},
        ],
        "steps": [
            step(
                {"da": "Find formålet", "en": "Agree on the purpose"},
                {
                    "da": "Skriv i én sætning, hvad foreningen vil. Den sætning bliver første paragraf i vedtægterne.",
                    "en": "Write in one sentence what the association wants to do. That sentence becomes the first paragraph of the statutes.",
                },
            ),
            step(
                {"da": "Skriv vedtægterne", "en": "Write the statutes"},
                {
                    "da": "Vedtægterne siger, hvem der kan være medlem, hvordan I vælger bestyrelsen, og hvad der sker med pengene.",
                    "en": "The statutes say who can be a member, how you elect the board and what happens to the money.",
                },
                {
                    "da": "Frivilligdesken har en skabelon, I kan rette til.",
                    "en": "The volunteer desk has a template you can adapt.",
                },
            ),
            step(
                {
                    "da": "Hold stiftende generalforsamling",
                    "en": "Hold the founding general meeting",
                },
                {
                    "da": "Inviter alle interesserede, vedtag vedtægterne og vælg en bestyrelse. Skriv et referat, som alle i bestyrelsen skriver under på.",
                    "en": "Invite everyone interested, adopt the statutes and elect a board. Write minutes that everyone on the board signs.",
                },
            ),
            step(
                {
                    "da": "Få et CVR-nummer og en bankkonto",
                    "en": "Get a CVR number and a bank account",
                },
                {
                    "da": "Registrer foreningen på virk.dk. Med CVR-nummer og referat kan I åbne en konto i banken.",
                    "en": "Register the association at virk.dk. With the CVR number and the minutes you can open a bank account.",
                },
            ),
        ],
        "checklist": [
            {"da": "Formålet står i én sætning", "en": "The purpose fits in one sentence"},
            {"da": "Vedtægterne er vedtaget", "en": "The statutes are adopted"},
            {"da": "Referatet er underskrevet", "en": "The minutes are signed"},
            {
                "da": "Foreningen har CVR-nummer og konto",
                "en": "The association has a CVR number and an account",
            },
        ],
    },
    {
        "slug": "soeg-en-pulje",
        "image": "paper",
        "difficulty": Difficulty.MEDIUM,
        "topic": Topic.FUNDING,
        "contact": "line",
        "activities": ["frivillighedsformidling"],
        "related_guides": ["start-en-forening"],
        "title": {"da": "Søg penge fra en lille pulje", "en": "Apply to a small fund"},
        "intro": {
            "da": "Mange gode idéer mangler bare et par tusind kroner. Sådan skriver du en kort ansøgning, der bliver læst.",
            "en": "Many good ideas only need a few thousand kroner. This is how to write a short application that gets read.",
        },
        "audience": {
            "da": "Alle med en idé til kvarteret",
            "en": "Anyone with an idea for the neighbourhood",
        },
        "time_needed": {"da": "To aftener", "en": "Two evenings"},
        "cost": {"da": "0 kr.", "en": "0 kr."},
        "materials": [
            {"da": "En kort beskrivelse af idéen", "en": "A short description of the idea"},
            {"da": "Et simpelt budget", "en": "A simple budget"},
        ],
        "steps": [
            step(
                {"da": "Vælg den rigtige pulje", "en": "Choose the right fund"},
                {
                    "da": "Læs puljens formål og frist. Passer idéen ikke, så spørg frivilligdesken om en anden pulje.",
                    "en": "Read the fund's purpose and deadline. If your idea does not fit, ask the volunteer desk about another fund.",
                },
            ),
            step(
                {"da": "Beskriv idéen kort", "en": "Describe the idea briefly"},
                {
                    "da": "Hvad vil I gøre, hvem er det for, og hvornår sker det? En halv side er nok.",
                    "en": "What will you do, who is it for and when will it happen? Half a page is enough.",
                },
                {
                    "da": "Skriv, hvor mange naboer der er med. Det vejer tungt.",
                    "en": "Say how many neighbours take part. It carries weight.",
                },
            ),
            step(
                {"da": "Lav budgettet", "en": "Make the budget"},
                {
                    "da": "Skriv hver udgift på sin egen linje med et rundt beløb. Husk at skrive, hvad I selv bidrager med.",
                    "en": "Put each expense on its own line with a round amount. Remember to say what you contribute yourselves.",
                },
            ),
            step(
                {"da": "Send og husk regnskabet", "en": "Send it and keep the accounts"},
                {
                    "da": "Send ansøgningen før fristen. Gem alle kvitteringer, for bagefter skal I vise, hvad pengene gik til.",
                    "en": "Send the application before the deadline. Keep every receipt: afterwards you must show what the money paid for.",
                },
            ),
        ],
        "checklist": [
            {"da": "Idéen passer til puljens formål", "en": "The idea fits the fund's purpose"},
            {"da": "Budgettet er lagt sammen rigtigt", "en": "The budget adds up"},
            {
                "da": "Ansøgningen er sendt før fristen",
                "en": "The application went in before the deadline",
            },
        ],
    },
    {
        "slug": "hold-et-kulturmoede",
        "image": "people",
        "difficulty": Difficulty.MEDIUM,
        "topic": Topic.CULTURE,
        "contact": "emre",
        "activities": ["kulturmoeder"],
        "related_guides": ["faelles-spisning"],
        "title": {"da": "Hold et kulturmøde", "en": "Host a cultural evening"},
        "intro": {
            "da": "Musik, mad og fortællinger fra et land eller en tradition: en aften, hvor naboer lærer hinanden at kende.",
            "en": "Music, food and stories from a country or a tradition: an evening where neighbours get to know each other.",
        },
        "audience": {
            "da": "Naboer, der vil vise noget af deres kultur frem",
            "en": "Neighbours who want to share something of their culture",
        },
        "time_needed": {
            "da": "Tre uger til at forberede, én aften til at holde",
            "en": "Three weeks to prepare, one evening to host",
        },
        "cost": {"da": "500–2.000 kr.", "en": "500–2,000 kr."},
        "materials": [
            {"da": "Et lokale med stole og borde", "en": "A room with chairs and tables"},
            {"da": "Højttaler og mikrofon", "en": "A speaker and a microphone"},
            {"da": "Plakater til opgangene", "en": "Posters for the stairwells"},
        ],
        "steps": [
            step(
                {"da": "Vælg tema og dato", "en": "Choose a theme and a date"},
                {
                    "da": "Et land, en højtid eller en ret. Undgå datoer med andre store arrangementer i kvarteret.",
                    "en": "A country, a holiday or a dish. Avoid dates with other big events in the neighbourhood.",
                },
            ),
            step(
                {"da": "Book lokalet", "en": "Book the room"},
                {
                    "da": "Beboerhuset kan bookes gratis til arrangementer, som alle kan komme til.",
                    "en": "The community house can be booked free of charge for events open to everyone.",
                },
            ),
            step(
                {"da": "Lav programmet", "en": "Make the programme"},
                {
                    "da": "Hold det kort: velkomst, en fortælling, musik og mad. Halvanden time er nok.",
                    "en": "Keep it short: a welcome, a story, music and food. An hour and a half is enough.",
                },
                {
                    "da": "Bed en nabo om at oversætte velkomsten til et par sprog.",
                    "en": "Ask a neighbour to translate the welcome into a few languages.",
                },
            ),
            step(
                {"da": "Inviter og ryd op", "en": "Invite people, then tidy up"},
                {
                    "da": "Hæng plakater op to uger før og fortæl det videre. Aftal på forhånd, hvem der rydder op.",
                    "en": "Put up posters two weeks before and spread the word. Agree beforehand who tidies up.",
                },
            ),
        ],
        "checklist": [
            {"da": "Lokalet er booket", "en": "The room is booked"},
            {"da": "Plakaterne hænger", "en": "The posters are up"},
            {"da": "Nogen har ansvar for oprydningen", "en": "Someone is in charge of tidying up"},
        ],
    },
    {
        "slug": "byg-hoejbede-i-gaarden",
        "image": "garden",
        "difficulty": Difficulty.HARD,
        "topic": Topic.BUILDING,
        "contact": "jens",
        "activities": ["byg-selv-sammen"],
        "related_guides": ["soeg-en-pulje"],
        "title": {"da": "Byg højbede i gården", "en": "Build raised beds in the courtyard"},
        "intro": {
            "da": "Et byg-selv-sammen-projekt: I bygger bedene sammen, og bagefter dyrker naboerne krydderurter og grøntsager.",
            "en": "A build-it-together project: you build the beds together, and then neighbours grow herbs and vegetables.",
        },
        "audience": {
            "da": "Naboer i samme gård, gerne med børn",
            "en": "Neighbours sharing a courtyard, children welcome",
        },
        "time_needed": {"da": "To lørdage", "en": "Two Saturdays"},
        "cost": {"da": "Ca. 1.500 kr. pr. bed", "en": "About 1,500 kr. per bed"},
        "materials": [
            {"da": "Ubehandlede brædder og skruer", "en": "Untreated planks and screws"},
            {"da": "Akkuboremaskine og sav", "en": "A cordless drill and a saw"},
            {"da": "Muld og frø", "en": "Soil and seeds"},
        ],
        "steps": [
            step(
                {
                    "da": "Få lov af afdelingsbestyrelsen",
                    "en": "Ask the estate board for permission",
                },
                {
                    "da": "Gården tilhører boligafdelingen. Vis en tegning af, hvor bedene skal stå, og spørg viceværten om vand.",
                    "en": "The courtyard belongs to the housing estate. Show a drawing of where the beds will go and ask the caretaker about water.",
                },
            ),
            step(
                {"da": "Køb materialer", "en": "Buy the materials"},
                {
                    "da": "Brug ubehandlet træ, så jorden ikke bliver forurenet. Mange byggemarkeder skærer brædderne til.",
                    "en": "Use untreated wood so that the soil stays clean. Many DIY stores cut planks to size.",
                },
                {
                    "da": "Værktøj kan lånes i beboerhusets værksted.",
                    "en": "Tools can be borrowed from the community house workshop.",
                },
            ),
            step(
                {"da": "Byg bedene sammen", "en": "Build the beds together"},
                {
                    "da": "Skru rammerne sammen, stil dem på plads og fyld dem med muld. Børn kan hjælpe med at fylde jord i.",
                    "en": "Screw the frames together, set them in place and fill them with soil. Children can help fill in the soil.",
                },
            ),
            step(
                {
                    "da": "Fordel bedene og lav en vandingsplan",
                    "en": "Share out the beds and plan the watering",
                },
                {
                    "da": "Giv hver husstand et bed eller en del af et. Lav en liste over, hvem der vander i ferierne.",
                    "en": "Give each household a bed or part of one. Make a list of who waters during the holidays.",
                },
            ),
        ],
        "checklist": [
            {"da": "Afdelingsbestyrelsen har sagt ja", "en": "The estate board has said yes"},
            {"da": "Træet er ubehandlet", "en": "The wood is untreated"},
            {"da": "Der er en vandingsplan", "en": "There is a watering plan"},
        ],
    },
    {
        "slug": "start-lektiehjaelp",
        "image": "youth",
        "difficulty": Difficulty.EASY,
        "topic": Topic.CHILDREN,
        "contact": "fatima",
        "activities": ["studienetvaerk"],
        "related_guides": ["start-en-forening"],
        "title": {
            "da": "Start lektiehjælp",
            "en": "Start homework help",
            "ar": "ابدأ المساعدة في الواجبات المدرسية",
            "tr": "Ödev yardımı başlat",
        },
        "intro": {
            "da": "Et bord, et par frivillige og en fast ugedag er nok til at hjælpe børn med lektierne.",
            "en": "A table, a few volunteers and a fixed day of the week are enough to help children with their homework.",
            "ar": "طاولة وبعض المتطوعين ويوم ثابت في الأسبوع تكفي لمساعدة الأطفال في واجباتهم.",
            "tr": "Bir masa, birkaç gönüllü ve haftada sabit bir gün, çocuklara ödevlerinde yardım etmek için yeterli.",
        },
        "audience": {
            "da": "Unge og voksne, der har lyst til at hjælpe børn",
            "en": "Young people and adults who would like to help children",
            "ar": "الشباب والكبار الذين يرغبون في مساعدة الأطفال",
            "tr": "Çocuklara yardım etmek isteyen gençler ve yetişkinler",
        },
        "time_needed": {
            "da": "To timer om ugen",
            "en": "Two hours a week",
            "ar": "ساعتان في الأسبوع",
            "tr": "Haftada iki saat",
        },
        "cost": {"da": "0–300 kr.", "en": "0–300 kr.", "ar": "0–300 كرونة", "tr": "0–300 kr."},
        "materials": [
            {
                "da": "Et lokale med borde",
                "en": "A room with tables",
                "ar": "قاعة فيها طاولات",
                "tr": "Masaları olan bir oda",
            },
            {
                "da": "Blyanter, papir og frugt",
                "en": "Pencils, paper and fruit",
                "ar": "أقلام رصاص وورق وفاكهة",
                "tr": "Kurşun kalemler, kâğıt ve meyve",
            },
        ],
        "steps": [
            step(
                {
                    "da": "Find to frivillige",
                    "en": "Find two volunteers",
                    "ar": "ابحث عن متطوعَين اثنين",
                    "tr": "İki gönüllü bul",
                },
                {
                    "da": "To er nok til at starte. Så kan den ene tage over, hvis den anden er syg.",
                    "en": "Two are enough to start. Then one can take over if the other is ill.",
                    "ar": "اثنان يكفيان للبدء، فيستطيع أحدهما أن يحل محل الآخر إذا مرض.",
                    "tr": "Başlamak için iki kişi yeterli. Biri hastalanırsa diğeri devralabilir.",
                },
            ),
            step(
                {
                    "da": "Vælg en fast dag",
                    "en": "Choose a fixed day",
                    "ar": "اختر يوماً ثابتاً",
                    "tr": "Sabit bir gün seç",
                },
                {
                    "da": "Børn og forældre husker en fast dag. Tirsdag eller onsdag efter skole virker godt.",
                    "en": "Children and parents remember a fixed day. Tuesday or Wednesday after school works well.",
                    "ar": "يتذكر الأطفال والأهل اليوم الثابت. يوم الثلاثاء أو الأربعاء بعد المدرسة مناسب.",
                    "tr": "Çocuklar ve aileler sabit bir günü hatırlar. Okuldan sonra salı ya da çarşamba iyi olur.",
                },
                {
                    "da": "Spørg skolen, hvilke dage der er mange lektier.",
                    "en": "Ask the school which days have a lot of homework.",
                    "ar": "اسأل المدرسة عن الأيام التي فيها واجبات كثيرة.",
                    "tr": "Okula hangi günler çok ödev olduğunu sor.",
                },
            ),
            step(
                {
                    "da": "Fortæl forældrene om det",
                    "en": "Tell the parents",
                    "ar": "أخبر الأهل",
                    "tr": "Ailelere haber ver",
                },
                {
                    "da": "Hæng en seddel op på flere sprog, og tal med forældrene i gården.",
                    "en": "Put up a notice in several languages and talk to parents in the courtyard.",
                    "ar": "علّق إعلاناً بعدة لغات وتحدث مع الأهل في الساحة.",
                    "tr": "Birkaç dilde bir duyuru as ve avluda ailelerle konuş.",
                },
            ),
            step(
                {
                    "da": "Hold gang i det",
                    "en": "Keep it going",
                    "ar": "حافظ على الاستمرار",
                    "tr": "Devam ettir",
                },
                {
                    "da": "Skriv ned, hvor mange børn der kommer. Så er det let at søge penge til frugt og materialer.",
                    "en": "Write down how many children come. That makes it easy to apply for money for fruit and materials.",
                    "ar": "سجّل عدد الأطفال الذين يحضرون، فيسهل عليك طلب المال للفاكهة والأدوات.",
                    "tr": "Kaç çocuğun geldiğini not et. Böylece meyve ve malzeme için para istemek kolaylaşır.",
                },
            ),
        ],
        "checklist": [
            {
                "da": "Der er to frivillige",
                "en": "There are two volunteers",
                "ar": "يوجد متطوعان",
                "tr": "İki gönüllü var",
            },
            {
                "da": "Dagen og lokalet er fastlagt",
                "en": "The day and the room are fixed",
                "ar": "تم تحديد اليوم والقاعة",
                "tr": "Gün ve oda belli",
            },
            {
                "da": "Forældrene ved besked",
                "en": "The parents know about it",
                "ar": "الأهل على علم",
                "tr": "Aileler haberdar",
            },
        ],
    },
    {
        "slug": "faelles-spisning",
        "image": "people",
        "difficulty": Difficulty.EASY,
        "topic": Topic.COMMUNITY,
        "contact": "nadia",
        "activities": ["kulturmoeder"],
        "related_guides": ["hold-et-kulturmoede"],
        "title": {
            "da": "Lav en fællesspisning",
            "en": "Organise a shared dinner",
            "ar": "نظّم عشاءً مشتركاً",
            "tr": "Ortak bir akşam yemeği düzenle",
        },
        "intro": {
            "da": "Alle tager en ret med, og alle smager hinandens mad. Det nemmeste sted at møde sine naboer.",
            "en": "Everyone brings a dish and everyone tastes each other's food. The easiest place to meet your neighbours.",
            "ar": "كل شخص يحضر طبقاً ويتذوق الجميع طعام بعضهم. أسهل طريقة للتعرف على جيرانك.",
            "tr": "Herkes bir yemek getirir ve herkes birbirinin yemeğini tadar. Komşularla tanışmanın en kolay yolu.",
        },
        "audience": {
            "da": "Alle, der kan lide at spise sammen med andre",
            "en": "Anyone who likes eating with others",
            "ar": "كل من يحب الأكل مع الآخرين",
            "tr": "Başkalarıyla yemek yemeyi seven herkes",
        },
        "time_needed": {
            "da": "En uge til at forberede",
            "en": "One week to prepare",
            "ar": "أسبوع للتحضير",
            "tr": "Hazırlık için bir hafta",
        },
        "cost": {"da": "0–200 kr.", "en": "0–200 kr.", "ar": "0–200 كرونة", "tr": "0–200 kr."},
        "materials": [
            {
                "da": "Borde, stole og duge",
                "en": "Tables, chairs and tablecloths",
                "ar": "طاولات وكراسٍ ومفارش",
                "tr": "Masalar, sandalyeler ve masa örtüleri",
            },
            {
                "da": "Små skilte til retterne",
                "en": "Small labels for the dishes",
                "ar": "بطاقات صغيرة للأطباق",
                "tr": "Yemekler için küçük etiketler",
            },
        ],
        "steps": [
            step(
                {
                    "da": "Vælg sted og tid",
                    "en": "Choose a place and a time",
                    "ar": "اختر المكان والوقت",
                    "tr": "Yer ve zaman seç",
                },
                {
                    "da": "Om sommeren i gården, om vinteren i beboerhuset. En søndag klokken 17 passer mange.",
                    "en": "In summer in the courtyard, in winter in the community house. A Sunday at 5 pm suits many people.",
                    "ar": "في الصيف في الساحة، وفي الشتاء في بيت السكان. يوم الأحد الساعة الخامسة مساءً يناسب كثيرين.",
                    "tr": "Yazın avluda, kışın sakinler evinde. Pazar günü saat 17 birçok kişiye uyar.",
                },
            ),
            step(
                {
                    "da": "Inviter naboerne",
                    "en": "Invite the neighbours",
                    "ar": "ادعُ الجيران",
                    "tr": "Komşuları davet et",
                },
                {
                    "da": "Bank på dørene i din opgang og hæng en invitation op ved postkasserne.",
                    "en": "Knock on the doors in your stairwell and put an invitation up by the letterboxes.",
                    "ar": "اطرق أبواب جيرانك في المدخل وعلّق دعوة بجانب صناديق البريد.",
                    "tr": "Merdiven boşluğundaki kapıları çal ve posta kutularının yanına bir davetiye as.",
                },
                {
                    "da": "Bed alle skrive på et skilt, hvad der er i retten, så alle ved, hvad de kan spise.",
                    "en": "Ask everyone to write on a label what is in their dish, so that everyone knows what they can eat.",
                    "ar": "اطلب من الجميع كتابة مكونات طبقهم على بطاقة، ليعرف كل شخص ما يمكنه أكله.",
                    "tr": "Herkesin ne yiyebileceğini bilmesi için, herkesten yemeğinde ne olduğunu bir etikete yazmasını iste.",
                },
            ),
            step(
                {
                    "da": "Dæk bord sammen",
                    "en": "Lay the table together",
                    "ar": "جهّزوا المائدة معاً",
                    "tr": "Sofrayı birlikte kurun",
                },
                {
                    "da": "Sæt retterne på ét langt bord, så folk går rundt og taler sammen.",
                    "en": "Put the dishes on one long table, so that people walk round and talk.",
                    "ar": "ضعوا الأطباق على طاولة طويلة واحدة ليتجول الناس ويتحدثوا معاً.",
                    "tr": "İnsanlar dolaşıp sohbet etsin diye yemekleri tek bir uzun masaya koyun.",
                },
            ),
            step(
                {
                    "da": "Aftal den næste",
                    "en": "Agree on the next one",
                    "ar": "اتفقوا على المرة القادمة",
                    "tr": "Bir sonrakini kararlaştırın",
                },
                {
                    "da": "Spørg før I går hjem, hvem der vil stå for næste gang.",
                    "en": "Before everyone goes home, ask who would like to host the next one.",
                    "ar": "قبل أن يعود الجميع إلى بيوتهم، اسأل من يريد تنظيم المرة القادمة.",
                    "tr": "Herkes eve gitmeden önce bir sonrakini kimin düzenlemek istediğini sor.",
                },
            ),
        ],
        "checklist": [
            {
                "da": "Stedet er på plads",
                "en": "The place is sorted",
                "ar": "تم تحديد المكان",
                "tr": "Yer ayarlandı",
            },
            {
                "da": "Invitationen hænger",
                "en": "The invitation is up",
                "ar": "الدعوة معلّقة",
                "tr": "Davetiye asıldı",
            },
            {
                "da": "Der er skilte til retterne",
                "en": "There are labels for the dishes",
                "ar": "توجد بطاقات للأطباق",
                "tr": "Yemekler için etiketler var",
            },
        ],
    },
]


def load_guides(loader, home):
    """The guide index with its guides, and the help desk; a second run changes nothing."""
    index = loader.page(home, GuideIndexPage, INDEX, show_in_menus=True)
    activities = {
        page.slug: page
        for page in ActivityPage.objects.filter(locale=home.locale).descendant_of(home)
    }
    guides = {}
    for guide in GUIDES:
        guides[guide["slug"]] = loader.page(
            index,
            GuidePage,
            guide,
            audience=guide["audience"]["da"],
            difficulty=guide["difficulty"],
            topic=guide["topic"],
            time_needed=guide["time_needed"]["da"],
            cost=guide["cost"]["da"],
            materials=[("item", item["da"]) for item in guide["materials"]],
            steps=[
                (
                    "step",
                    {
                        "title": s["title"]["da"],
                        "text": s["text"]["da"],
                        "tip": s.get("tip", {}).get("da", ""),
                    },
                )
                for s in guide["steps"]
            ],
            checklist=[("item", item["da"]) for item in guide["checklist"]],
            contact_person=loader.people[guide["contact"]],
        )
    focus_area = FocusAreaPage.objects.filter(locale=home.locale, slug="kultur-og-fritid").first()
    # Related guides can only be chosen once every guide exists.
    for guide in GUIDES:
        page = guides[guide["slug"]]
        if page.related:
            continue
        page.related = [
            *[("guide", guides[slug]) for slug in guide["related_guides"]],
            *[("activity", activities[slug]) for slug in guide["activities"] if slug in activities],
            *([("focus_area", focus_area)] if focus_area else []),
        ]
        page.save_revision().publish()
    loader.page(home, HelpDeskPage, HELP_DESK, to_address=HELP_DESK_ADDRESS, show_in_menus=True)
    grant_help_desk_permissions()
    return index


def grant_help_desk_permissions():
    """The demo editor answers and deletes help requests."""
    grant_to_staff("frivillig", ["view_helprequest", "change_helprequest", "delete_helprequest"])
