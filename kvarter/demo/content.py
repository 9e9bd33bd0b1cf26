"""Demo content for the Charlottekvarteret website: plain data, read by `loader.py`.

All people, addresses, e-mails and phone numbers are invented. Facts about the plan
(period, grant, funding shares, focus areas, activities) follow the public plan
"Mennesker i Fokus" 2012–2016; every sentence is written for this demo.

Every translatable text is a dict {language code: text}. Danish ("da") is the source.
"""

from __future__ import annotations

ADDRESS = "Naboskabsvej 7\n2630 Taastrup"

# ---------------------------------------------------------------------------
# Images (drawn by the loader) – Danish alt text
# ---------------------------------------------------------------------------

IMAGE_ALT = {
    "blocks": "Tegning af tre boligblokke med grønne træer foran",
    "garden": "Tegning af højbede med grønne planter",
    "people": "Tegning af en gruppe mennesker, der sidder omkring et bord",
    "youth": "Tegning af unge mennesker, der spiller med en fodbold",
    "paper": "Tegning af en stak aviser",
    "meeting": "Tegning af mennesker, der sidder på stole i en rundkreds",
    "portrait": "Tegning af en enkel silhuet af et hoved og et par skuldre",
}
# The names the editor finds them by in the image library.
IMAGE_TITLES = {
    "blocks": "boligblokke",
    "garden": "højbede",
    "people": "naboer om et bord",
    "youth": "unge med fodbold",
    "paper": "aviser",
    "meeting": "møde i rundkreds",
    "portrait": "portræt",
}

# ---------------------------------------------------------------------------
# Snippets
# ---------------------------------------------------------------------------

HOUSING_AREAS = [
    {
        "key": "agerhusene",
        "name": "Agerhusene",
        "housing_organisation": "VIBO",
        "description": {
            "da": "Agerhusene består af lave rækkehuse og blokke omkring en stor, grøn fælleshave. Her ligger også beboerhuset og kvarterets højbede.",
            "en": "Agerhusene has low terraced houses and blocks around a large, green shared garden. The community house and the neighbourhood's raised beds are here too.",
            "ar": "يتكوّن Agerhusene من بيوت منخفضة متلاصقة وعمارات حول حديقة مشتركة كبيرة وخضراء. وهنا أيضاً بيت السكان وأحواض الزراعة المرتفعة في الحي.",
            "tr": "Agerhusene, büyük ve yeşil bir ortak bahçenin çevresindeki alçak sıra evlerden ve bloklardan oluşur. Sakinler evi ve mahallenin yükseltilmiş bahçe yatakları da burada.",
            "so": "Agerhusene waxay ka kooban tahay guryo hoose oo isku xiga iyo dhismayaal ku wareegsan beer weyn oo cagaaran oo la wadaago. Halkan waxaa sidoo kale ku yaal guriga bulshada iyo beeraha sare ee xaafadda.",
            "ur": "Agerhusene میں ایک بڑے سرسبز مشترکہ باغ کے گرد نیچے قطار والے مکان اور بلاک ہیں۔ کمیونٹی ہاؤس اور محلے کی اونچی کیاریاں بھی یہیں ہیں۔",
        },
    },
    {
        "key": "charlotteparken",
        "name": "Charlotteparken",
        "housing_organisation": "DFB",
        "description": {
            "da": "Charlotteparken har høje blokke med udsigt over parken. Her bor mange børnefamilier, og der er en stor legeplads og en boldbane.",
            "en": "Charlotteparken has tall blocks with a view of the park. Many families with children live here, and there is a big playground and a football pitch.",
            "ar": "في Charlotteparken عمارات عالية تطلّ على الحديقة. تعيش هنا عائلات كثيرة لديها أطفال، وفيها ساحة لعب كبيرة وملعب كرة قدم.",
            "tr": "Charlotteparken'de parka bakan yüksek bloklar var. Burada çocuklu birçok aile yaşıyor; büyük bir oyun parkı ve bir futbol sahası da var.",
            "so": "Charlotteparken waxay leedahay dhismayaal dhaadheer oo u jeeda beerta nasashada. Qoysas badan oo carruur leh ayaa halkan ku nool, waxaana jira goob ciyaareed weyn iyo garoon kubbadda cagta.",
            "ur": "Charlotteparken میں اونچے بلاک ہیں جن سے پارک نظر آتا ہے۔ یہاں بچوں والے بہت سے خاندان رہتے ہیں، اور بچوں کے کھیلنے کی ایک بڑی جگہ اور فٹ بال کا میدان بھی ہے۔",
        },
    },
    {
        "key": "engbo",
        "name": "Engbo",
        "housing_organisation": "DFB",
        "description": {
            "da": "Engbo ligger ud til engen i den sydlige del af kvarteret. Området er kendt for sit aktive foreningsliv og sit store fælleslokale.",
            "en": "Engbo lies by the meadow in the southern part of the neighbourhood. The area is known for its active clubs and its large common room.",
            "ar": "يقع Engbo بجانب المرج في الجزء الجنوبي من الحي. وتشتهر المنطقة بجمعياتها النشيطة وقاعتها المشتركة الكبيرة.",
            "tr": "Engbo, mahallenin güney kesiminde, çayırın kenarında yer alır. Bölge, hareketli dernek hayatı ve büyük ortak salonuyla tanınır.",
            "so": "Engbo waxay ku taal agagaarka bannaanka cagaaran ee koonfurta xaafadda. Aaggan waxaa lagu yaqaan ururradiisa firfircoon iyo qolkiisa weyn ee la wadaago.",
            "ur": "Engbo محلے کے جنوبی حصے میں سبزہ زار کے کنارے واقع ہے۔ یہ علاقہ اپنی سرگرم انجمنوں اور بڑے مشترکہ ہال کی وجہ سے مشہور ہے۔",
        },
    },
]

PEOPLE = [
    {
        "key": "mette",
        "name": "Mette Kjær Holmgaard",
        "role": {
            "da": "Leder af helhedsplanens sekretariat",
            "en": "Head of the plan's office",
            "ar": "مديرة مكتب الخطة الشاملة",
            "tr": "Plan ofisinin yöneticisi",
            "so": "Maamulaha xafiiska qorshaha",
            "ur": "منصوبے کے دفتر کی سربراہ",
        },
        "email": "mette.holmgaard@example.org",
        "phone": "+45 00 00 00 11",
        "photo": "portrait",
    },
    {
        "key": "ahmad",
        "name": "Ahmad Nouri Sahebi",
        "role": {
            "da": "Ungemedarbejder",
            "en": "Youth worker",
            "ar": "موظف شؤون الشباب",
            "tr": "Gençlik çalışanı",
            "so": "Shaqaale u qaabilsan dhallinyarada",
            "ur": "نوجوانوں کے امور کے کارکن",
        },
        "email": "ahmad.sahebi@example.org",
        "phone": "+45 00 00 00 12",
        "photo": "portrait",
    },
    {
        "key": "line",
        "name": "Line Bech Thygesen",
        "role": {
            "da": "Kommunikationsmedarbejder og redaktør af Agerposten",
            "en": "Communications officer and editor of Agerposten",
            "ar": "مسؤولة التواصل ومحرّرة جريدة Agerposten",
            "tr": "İletişim sorumlusu ve Agerposten editörü",
            "so": "Masuulka isgaarsiinta iyo tifaftiraha Agerposten",
            "ur": "ابلاغ کی ذمہ دار اور Agerposten کی ایڈیٹر",
        },
        "email": "line.thygesen@example.org",
        "phone": "+45 00 00 00 13",
        "photo": "portrait",
    },
    {
        "key": "fatima",
        "name": "Fatima Warsame Abdi",
        "role": {
            "da": "Frivillighedskoordinator",
            "en": "Volunteer coordinator",
            "ar": "منسّقة المتطوعين",
            "tr": "Gönüllü koordinatörü",
            "so": "Isku-duwaha mutadawiciinta",
            "ur": "رضاکاروں کی کوآرڈینیٹر",
        },
        "email": "fatima.abdi@example.org",
        "phone": "+45 00 00 00 14",
        "photo": "portrait",
    },
    {
        "key": "emre",
        "name": "Emre Yücel Karabulut",
        "role": {
            "da": "Job- og uddannelsesmedarbejder",
            "en": "Jobs and education adviser",
            "ar": "مستشار العمل والتعليم",
            "tr": "İş ve eğitim danışmanı",
            "so": "La-taliyaha shaqada iyo waxbarashada",
            "ur": "روزگار اور تعلیم کے مشیر",
        },
        "email": "emre.karabulut@example.org",
        "phone": "+45 00 00 00 15",
        "photo": "portrait",
    },
    {
        "key": "nadia",
        "name": "Nadia Iqbal Rasmussen",
        "role": {
            "da": "Netværks- og demokratimedarbejder",
            "en": "Network and democracy coordinator",
            "ar": "منسّقة الشبكات والديمقراطية",
            "tr": "Ağ ve demokrasi koordinatörü",
            "so": "Isku-duwaha shabakadaha iyo dimuqraadiyadda",
            "ur": "نیٹ ورک اور جمہوریت کی کوآرڈینیٹر",
        },
        "email": "nadia.rasmussen@example.org",
        "phone": "+45 00 00 00 16",
        "photo": "portrait",
    },
    {
        "key": "jens",
        "name": "Jens Ove Lykkegaard",
        "role": {
            "da": "Frivillig tømrer i Byg-selv-sammen",
            "en": "Volunteer carpenter in Build It Together",
            "ar": "نجّار متطوّع في مشروع «نبني معاً»",
            "tr": "“Birlikte İnşa Edelim” projesinde gönüllü marangoz",
            "so": "Nijaar mutadawac ah oo ka shaqeeya “Wadajir u Dhis”",
            "ur": "“مل کر بنائیں” منصوبے میں رضاکار بڑھئی",
        },
        "email": "jens.lykkegaard@example.org",
        "phone": "",
        "photo": "portrait",
    },
]

PARTNERS = [
    {
        "key": "landsbyggefonden",
        "name": "Landsbyggefonden",
        "share_percent": "75.00",
        "website": "https://example.org/landsbyggefonden",
        "description": {
            "da": "Landsbyggefonden er de almene boligers fælles fond. Fonden betaler tre fjerdedele af helhedsplanen.",
            "en": "Landsbyggefonden is the shared fund of Denmark's social housing. It pays three quarters of the plan.",
            "ar": "Landsbyggefonden هو الصندوق المشترك للسكن الاجتماعي في الدنمارك. ويدفع ثلاثة أرباع تكلفة الخطة الشاملة.",
            "tr": "Landsbyggefonden, Danimarka'daki sosyal konutların ortak fonudur. Planın dörtte üçünü bu fon karşılıyor.",
            "so": "Landsbyggefonden waa sanduuqa wadajirka ah ee guryaha bulshada ee Denmark. Wuxuu bixiyaa saddex rubuc oo kharashka qorshaha ah.",
            "ur": "Landsbyggefonden ڈنمارک کی سماجی رہائش کا مشترکہ فنڈ ہے۔ یہ منصوبے کا تین چوتھائی خرچ ادا کرتا ہے۔",
        },
    },
    {
        "key": "kommune",
        "name": "Høje-Taastrup Kommune",
        "share_percent": "12.50",
        "website": "https://example.org/hoeje-taastrup-kommune",
        "description": {
            "da": "Kommunen bidrager med penge, viden og medarbejdere – fx fra skoler, jobcenter og sundhedspleje.",
            "en": "The municipality contributes money, knowledge and staff – for example from schools, the job centre and health visitors.",
            "ar": "تساهم البلدية بالمال والمعرفة والموظفين – مثلاً من المدارس ومركز العمل والرعاية الصحية.",
            "tr": "Belediye para, bilgi ve personelle katkı sağlıyor – örneğin okullardan, iş merkezinden ve sağlık hizmetlerinden.",
            "so": "Degmadu waxay ku biirisaa lacag, aqoon iyo shaqaale – tusaale ahaan dugsiyada, xarunta shaqada iyo daryeelka caafimaadka.",
            "ur": "بلدیہ رقم، معلومات اور عملے کے ساتھ حصہ ڈالتی ہے – مثلاً اسکولوں، جاب سینٹر اور صحت کی دیکھ بھال سے۔",
        },
    },
    {
        "key": "dfb",
        "name": "DFB",
        "share_percent": "7.25",
        "website": "https://example.org/dfb",
        "description": {
            "da": "DFB er boligorganisationen bag Charlotteparken og Engbo. DFB betaler med til planen og sidder i styregruppen.",
            "en": "DFB is the housing organisation behind Charlotteparken and Engbo. DFB helps pay for the plan and sits on the steering group.",
            "ar": "DFB هي شركة الإسكان المسؤولة عن Charlotteparken و Engbo. تساهم في تمويل الخطة وهي عضو في اللجنة التوجيهية.",
            "tr": "DFB, Charlotteparken ve Engbo'nun konut kuruluşudur. Planın finansmanına katkı sağlar ve yönlendirme grubunda yer alır.",
            "so": "DFB waa ururka guryaha ee ka dambeeya Charlotteparken iyo Engbo. Waxay ka qayb qaadataa kharashka qorshaha, waxayna ka mid tahay guddiga hagista.",
            "ur": "DFB وہ ہاؤسنگ تنظیم ہے جو Charlotteparken اور Engbo کی ذمہ دار ہے۔ یہ منصوبے کے خرچ میں حصہ ڈالتی ہے اور اسٹیئرنگ گروپ کی رکن ہے۔",
        },
    },
    {
        "key": "vibo",
        "name": "VIBO",
        "share_percent": "7.25",
        "website": "https://example.org/vibo",
        "description": {
            "da": "VIBO er boligorganisationen bag Agerhusene. VIBO betaler med til planen og sidder i styregruppen.",
            "en": "VIBO is the housing organisation behind Agerhusene. VIBO helps pay for the plan and sits on the steering group.",
            "ar": "VIBO هي شركة الإسكان المسؤولة عن Agerhusene. تساهم في تمويل الخطة وهي عضو في اللجنة التوجيهية.",
            "tr": "VIBO, Agerhusene'nin konut kuruluşudur. Planın finansmanına katkı sağlar ve yönlendirme grubunda yer alır.",
            "so": "VIBO waa ururka guryaha ee ka dambeeya Agerhusene. Waxay ka qayb qaadataa kharashka qorshaha, waxayna ka mid tahay guddiga hagista.",
            "ur": "VIBO وہ ہاؤسنگ تنظیم ہے جو Agerhusene کی ذمہ دار ہے۔ یہ منصوبے کے خرچ میں حصہ ڈالتی ہے اور اسٹیئرنگ گروپ کی رکن ہے۔",
        },
    },
]

SITE = {
    "organisation_name": "Boligsocial helhedsplan Charlottekvarteret",
    "address": ADDRESS,
    "email": "kontakt@example.org",
    "phone": "+45 00 00 00 10",
    "facebook_url": "https://www.facebook.com/example",
    "youtube_url": "https://www.youtube.com/@example",
}

# ---------------------------------------------------------------------------
# Home page (six languages)
# ---------------------------------------------------------------------------

HOME = {
    "slug": "forside",
    "title": {
        "da": "Velkommen til Charlottekvarteret",
        "en": "Welcome to Charlottekvarteret",
        "ar": "أهلاً بكم في Charlottekvarteret",
        "tr": "Charlottekvarteret'e hoş geldiniz",
        "so": "Ku soo dhawaada Charlottekvarteret",
        "ur": "Charlottekvarteret میں خوش آمدید",
    },
    "intro": {
        "da": "Her kan du læse om livet i kvarteret, om helhedsplanen og om de mange aktiviteter. Alle er velkomne til at være med.",
        "en": "Here you can read about life in the neighbourhood, the plan and the many activities. Everyone is welcome to join in.",
        "ar": "هنا يمكنك أن تقرأ عن الحياة في الحي، وعن الخطة الشاملة وعن الأنشطة الكثيرة. الجميع مدعوّون للمشاركة.",
        "tr": "Burada mahalledeki yaşamı, planı ve birçok etkinliği okuyabilirsiniz. Herkes katılmaya davetlidir.",
        "so": "Halkan waxaad ka akhrisan kartaa nolosha xaafadda, qorshaha iyo hawlaha badan. Qof walba waa lagu soo dhaweynayaa inuu ka qayb qaato.",
        "ur": "یہاں آپ محلے کی زندگی، منصوبے اور بہت سی سرگرمیوں کے بارے میں پڑھ سکتے ہیں۔ سب کو شرکت کی دعوت ہے۔",
    },
    "image": "blocks",
    "body": [
        (
            "paragraph",
            {
                "da": "Charlottekvarteret ligger i Høje-Taastrup og har tre boligområder: Agerhusene, Charlotteparken og Engbo. Her bor mennesker med mange forskellige baggrunde. Vi vil gerne have, at endnu flere er glade for at bo her.",
                "en": "Charlottekvarteret is in Høje-Taastrup and has three housing areas: Agerhusene, Charlotteparken and Engbo. People with many different backgrounds live here. We want even more residents to enjoy living here.",
                "ar": "يقع Charlottekvarteret في Høje-Taastrup، وفيه ثلاث مناطق سكنية: Agerhusene و Charlotteparken و Engbo. يعيش هنا أناس من خلفيات كثيرة ومختلفة. نريد أن يسعد المزيد من السكان بالعيش هنا.",
                "tr": "Charlottekvarteret, Høje-Taastrup'tadır ve üç konut alanından oluşur: Agerhusene, Charlotteparken ve Engbo. Burada çok farklı geçmişlerden insanlar yaşıyor. Daha da fazla kişinin burada mutlu yaşamasını istiyoruz.",
                "so": "Charlottekvarteret wuxuu ku yaal Høje-Taastrup, wuxuuna leeyahay saddex xaafadood: Agerhusene, Charlotteparken iyo Engbo. Halkan waxaa ku nool dad asal kala duwan leh. Waxaan rabnaa in dad intaas ka badan ay ku farxaan inay halkan ku noolaadaan.",
                "ur": "Charlottekvarteret، Høje-Taastrup میں واقع ہے اور اس میں تین رہائشی علاقے ہیں: Agerhusene، Charlotteparken اور Engbo۔ یہاں مختلف پس منظر رکھنے والے لوگ رہتے ہیں۔ ہم چاہتے ہیں کہ اور بھی زیادہ لوگ یہاں رہ کر خوش ہوں۔",
            },
        ),
        (
            "heading",
            {
                "da": "Sammen gør vi en forskel",
                "en": "Together we make a difference",
                "ar": "معاً نُحدث فرقاً",
                "tr": "Birlikte fark yaratıyoruz",
                "so": "Wadajir ayaan wax ku beddelnaa",
                "ur": "مل کر ہم فرق پیدا کرتے ہیں",
            },
        ),
        (
            "paragraph",
            {
                "da": "Helhedsplanen giver plads til beboernes egne ideer. Har du lyst til at hjælpe, lære noget nyt eller starte et projekt? Så kig forbi eller skriv til os.",
                "en": "The plan makes room for residents' own ideas. Would you like to help, learn something new or start a project? Then drop by or write to us.",
                "ar": "تفسح الخطة الشاملة المجال لأفكار السكان أنفسهم. هل تحب أن تساعد، أو تتعلم شيئاً جديداً، أو تبدأ مشروعاً؟ تفضّل بزيارتنا أو اكتب لنا.",
                "tr": "Plan, sakinlerin kendi fikirlerine yer açar. Yardım etmek, yeni bir şey öğrenmek ya da bir proje başlatmak ister misiniz? O zaman bize uğrayın ya da yazın.",
                "so": "Qorshuhu wuxuu meel u bannaynayaa fikradaha dadka xaafadda. Ma jeceshahay inaad caawiso, wax cusub barato ama mashruuc bilowdo? Markaas noo soo gal ama noo soo qor.",
                "ur": "منصوبہ رہائشیوں کے اپنے خیالات کو جگہ دیتا ہے۔ کیا آپ مدد کرنا، کچھ نیا سیکھنا یا کوئی منصوبہ شروع کرنا چاہتے ہیں؟ تو ہمارے پاس آئیں یا ہمیں لکھیں۔",
            },
        ),
    ],
}

# ---------------------------------------------------------------------------
# The plan (six languages)
# ---------------------------------------------------------------------------

PLAN = {
    "slug": "helhedsplanen",
    "title": {
        "da": "Helhedsplanen – Mennesker i Fokus",
        "en": "The plan – People in Focus",
        "ar": "الخطة الشاملة – الناس في بؤرة الاهتمام",
        "tr": "Kapsamlı plan – Odakta İnsanlar",
        "so": "Qorshaha guud – Dadka oo diiradda la saaray",
        "ur": "جامع منصوبہ – لوگ توجہ کا مرکز",
    },
    "intro": {
        "da": "Fra 2012 til 2016 arbejder hele kvarteret efter en fælles plan. Planen handler om mennesker, fællesskab og nye muligheder.",
        "en": "From 2012 to 2016 the whole neighbourhood works to a shared plan. The plan is about people, community and new opportunities.",
        "ar": "من 2012 إلى 2016 يعمل الحي كله وفق خطة مشتركة. تدور الخطة حول الناس والعيش المشترك والفرص الجديدة.",
        "tr": "2012'den 2016'ya kadar tüm mahalle ortak bir plana göre çalışıyor. Plan insanlar, birliktelik ve yeni fırsatlar hakkında.",
        "so": "Laga bilaabo 2012 ilaa 2016 xaafadda oo dhan waxay ku shaqaynaysaa qorshe wadaag ah. Qorshuhu wuxuu ku saabsan yahay dadka, wadajirka iyo fursado cusub.",
        "ur": "2012 سے 2016 تک پورا محلہ ایک مشترکہ منصوبے کے تحت کام کر رہا ہے۔ یہ منصوبہ لوگوں، میل جول اور نئے مواقع کے بارے میں ہے۔",
    },
    "image": "people",
    "period_start": "2012-07-01",
    "period_end": "2016-06-30",
    "grant_amount": "13300000",
    "body": [
        (
            "heading",
            {
                "da": "Hvad er en boligsocial helhedsplan?",
                "en": "What is a comprehensive social housing plan?",
                "ar": "ما هي الخطة الاجتماعية الشاملة للسكن؟",
                "tr": "Kapsamlı sosyal konut planı nedir?",
                "so": "Waa maxay qorshaha guud ee bulshada?",
                "ur": "جامع سماجی رہائشی منصوبہ کیا ہے؟",
            },
        ),
        (
            "paragraph",
            {
                "da": "En boligsocial helhedsplan er en samlet indsats i et boligområde. Beboere, boligorganisationer, kommunen og frivillige arbejder sammen mod de samme mål. De fleste penge kommer fra Landsbyggefonden, som støtter almene boliger i hele Danmark.",
                "en": "A comprehensive social housing plan is a joint effort in a housing area. Residents, housing organisations, the municipality and volunteers work together towards the same goals. Most of the money comes from Landsbyggefonden, which supports social housing all over Denmark.",
                "ar": "الخطة الاجتماعية الشاملة هي جهد مشترك في منطقة سكنية. يعمل السكان وشركات الإسكان والبلدية والمتطوعون معاً لتحقيق الأهداف نفسها. يأتي معظم المال من Landsbyggefonden، وهو صندوق يدعم السكن الاجتماعي في كل أنحاء الدنمارك.",
                "tr": "Kapsamlı sosyal konut planı, bir konut bölgesinde yapılan ortak bir çalışmadır. Sakinler, konut kuruluşları, belediye ve gönüllüler aynı hedefler için birlikte çalışır. Paranın büyük kısmı, Danimarka'nın her yerindeki sosyal konutları destekleyen Landsbyggefonden'dan gelir.",
                "so": "Qorshaha guud ee bulshada waa dadaal wadajir ah oo ka dhaca xaafad guryo ah. Dadka deggan, ururada guryaha, degmada iyo mutadawiciinta ayaa u wada shaqeeya isla yoolal. Lacagta inteeda badan waxay ka timaaddaa Landsbyggefonden, oo taageerta guryaha bulshada ee Denmark oo dhan.",
                "ur": "جامع سماجی رہائشی منصوبہ کسی رہائشی علاقے میں ایک مشترکہ کوشش ہے۔ رہائشی، ہاؤسنگ تنظیمیں، بلدیہ اور رضاکار ایک ہی مقصد کے لیے مل کر کام کرتے ہیں۔ زیادہ تر رقم Landsbyggefonden سے آتی ہے، جو پورے ڈنمارک میں سماجی رہائش کی مدد کرتا ہے۔",
            },
        ),
        (
            "paragraph",
            {
                "da": "Vi drømmer om et kvarter, hvor folk mødes på tværs af kulturer, generationer og boligområder. Et trygt og aktivt sted, hvor forskellighed er en styrke. Tre værdier bærer arbejdet: fællesskab, tillid og åbenhed.",
                "en": "We dream of a neighbourhood where people meet across cultures, generations and housing areas. A safe and active place where being different is a strength. Three values guide the work: community, trust and openness.",
                "ar": "نحلم بحيّ يلتقي فيه أناس من ثقافات وأجيال ومناطق سكنية مختلفة. مكان آمن ونشيط يكون فيه الاختلاف مصدر قوة. ثلاث قيم توجّه عملنا: العيش المشترك والثقة والانفتاح.",
                "tr": "Farklı kültürlerden, kuşaklardan ve konut alanlarından insanların buluştuğu bir mahalle hayal ediyoruz. Farklılığın bir güç olduğu, güvenli ve hareketli bir yer. Çalışmalarımıza üç değer yön veriyor: birliktelik, güven ve açıklık.",
                "so": "Waxaan ku riyoonaynaa xaafad ay isugu yimaadaan dad leh dhaqamo, jiilal iyo xaafado kala duwan. Meel ammaan ah oo firfircoon, halkaas oo kala duwanaanshuhu yahay xoog. Saddex qiyam ayaa hagaya shaqadeenna: wadajir, kalsooni iyo furfurnaan.",
                "ur": "ہم ایک ایسے محلے کا خواب دیکھتے ہیں جہاں مختلف ثقافتوں، نسلوں اور رہائشی علاقوں کے لوگ آپس میں ملیں۔ ایک محفوظ اور سرگرم جگہ، جہاں مختلف ہونا طاقت ہو۔ تین اقدار ہمارے کام کی رہنمائی کرتی ہیں: میل جول، اعتماد اور کھلا پن۔",
            },
        ),
        (
            "quote",
            {
                "text": {
                    "da": "Jeg kan, jeg tør, og jeg har lyst til selv at gøre en indsats.",
                    "en": "I can, I dare, and I want to make a difference myself.",
                    "ar": "أنا أستطيع، وأنا أجرؤ، وأنا أرغب في أن أساهم بنفسي.",
                    "tr": "Yapabilirim, cesaret ederim ve kendim de katkı sunmak isterim.",
                    "so": "Waan awoodaa, waan ku dhiirranahay, waana jeclahay inaan anigu wax ku biiriyo.",
                    "ur": "میں کر سکتا ہوں، میں ہمت رکھتا ہوں، اور میں خود کچھ کرنا چاہتا ہوں۔",
                },
                "attribution": {
                    "da": "Helhedsplanens motto",
                    "en": "The plan's motto",
                    "ar": "شعار الخطة الشاملة",
                    "tr": "Planın sloganı",
                    "so": "Halku-dhegga qorshaha",
                    "ur": "منصوبے کا نعرہ",
                },
            },
        ),
        (
            "fact_box",
            {
                "title": {
                    "da": "Fakta om planen",
                    "en": "Facts about the plan",
                    "ar": "حقائق عن الخطة",
                    "tr": "Plan hakkında bilgiler",
                    "so": "Xaqiiqooyin ku saabsan qorshaha",
                    "ur": "منصوبے کے بارے میں حقائق",
                },
                "facts": [
                    {
                        "da": "Periode: 1. juli 2012 – 30. juni 2016",
                        "en": "Period: 1 July 2012 – 30 June 2016",
                        "ar": "المدة: من 1 يوليو 2012 إلى 30 يونيو 2016",
                        "tr": "Süre: 1 Temmuz 2012 – 30 Haziran 2016",
                        "so": "Muddada: 1 Luulyo 2012 – 30 Juun 2016",
                        "ur": "مدت: یکم جولائی 2012 سے 30 جون 2016 تک",
                    },
                    {
                        "da": "Bevilling: 13,3 millioner kroner",
                        "en": "Grant: DKK 13.3 million",
                        "ar": "المنحة: 13.3 مليون كرونة دنماركية",
                        "tr": "Hibe: 13,3 milyon Danimarka kronu",
                        "so": "Deeqda: 13.3 milyan oo karoon Danish ah",
                        "ur": "گرانٹ: 13.3 ملین ڈینش کرون",
                    },
                    {
                        "da": "Landsbyggefonden betaler 75 %",
                        "en": "Landsbyggefonden pays 75%",
                        "ar": "يدفع Landsbyggefonden نسبة 75 %",
                        "tr": "Landsbyggefonden %75'ini karşılıyor",
                        "so": "Landsbyggefonden ayaa bixiya 75 %",
                        "ur": "Landsbyggefonden 75 فیصد ادا کرتا ہے",
                    },
                    {
                        "da": "Høje-Taastrup Kommune betaler 12,5 %",
                        "en": "Høje-Taastrup Municipality pays 12.5%",
                        "ar": "تدفع بلدية Høje-Taastrup نسبة 12.5 %",
                        "tr": "Høje-Taastrup Belediyesi %12,5'ini karşılıyor",
                        "so": "Degmada Høje-Taastrup ayaa bixisa 12.5 %",
                        "ur": "Høje-Taastrup بلدیہ 12.5 فیصد ادا کرتی ہے",
                    },
                    {
                        "da": "DFB og VIBO betaler 7,25 % hver",
                        "en": "DFB and VIBO pay 7.25% each",
                        "ar": "تدفع كلٌّ من DFB و VIBO نسبة 7.25 %",
                        "tr": "DFB ve VIBO her biri %7,25'ini karşılıyor",
                        "so": "DFB iyo VIBO mid walba wuxuu bixiyaa 7.25 %",
                        "ur": "DFB اور VIBO ہر ایک 7.25 فیصد ادا کرتے ہیں",
                    },
                ],
            },
        ),
    ],
}

# ---------------------------------------------------------------------------
# Focus areas (six languages) with their activities (Danish and English)
# ---------------------------------------------------------------------------

FOCUS_AREAS = [
    # 1 -------------------------------------------------------------------
    {
        "slug": "uddannelse-beskaeftigelse-og-erhverv",
        "title": {
            "da": "Uddannelse, beskæftigelse og erhverv",
            "en": "Education, jobs and business",
            "ar": "التعليم والعمل والأعمال التجارية",
            "tr": "Eğitim, istihdam ve iş hayatı",
            "so": "Waxbarasho, shaqo iyo ganacsi",
            "ur": "تعلیم، روزگار اور کاروبار",
        },
        "intro": {
            "da": "Vi hjælper unge og voksne videre mod uddannelse, job og egen virksomhed.",
            "en": "We help young people and adults move on towards education, jobs and a business of their own.",
            "ar": "نساعد الشباب والكبار على التقدّم نحو التعليم والعمل وتأسيس مشاريعهم الخاصة.",
            "tr": "Gençlerin ve yetişkinlerin eğitime, işe ve kendi işlerini kurmaya doğru ilerlemesine yardım ediyoruz.",
            "so": "Waxaan ka caawinnaa dhallinyarada iyo dadka waaweyn inay u gudbaan waxbarasho, shaqo iyo ganacsi u gaar ah.",
            "ur": "ہم نوجوانوں اور بالغوں کو تعلیم، ملازمت اور اپنا کاروبار شروع کرنے کی طرف بڑھنے میں مدد دیتے ہیں۔",
        },
        "image": "youth",
        "body": [
            (
                "paragraph",
                {
                    "da": "Mange i kvarteret har gode ideer og stor lyst til at arbejde. Sammen med lokale virksomheder finder vi nye veje til job, fx praktik og læreplads. Unge møder rollemodeller og besøger uddannelsessteder, så de kan se, hvad der er muligt.",
                    "en": "Many people in the neighbourhood have good ideas and really want to work. Together with local businesses we find new routes into jobs, for example work placements and apprenticeships. Young people meet role models and visit schools and colleges to see what is possible.",
                    "ar": "كثيرون في الحي لديهم أفكار جيدة ورغبة كبيرة في العمل. نبحث مع الشركات المحلية عن طرق جديدة إلى العمل، مثل التدريب العملي والتلمذة المهنية. يلتقي الشباب بقدوات ويزورون أماكن التعليم ليروا ما هو ممكن.",
                    "tr": "Mahallede birçok kişinin iyi fikirleri ve çalışmaya büyük isteği var. Yerel şirketlerle birlikte işe giden yeni yollar buluyoruz, örneğin staj ve çıraklık. Gençler rol modellerle tanışıyor ve okulları ziyaret ederek neyin mümkün olduğunu görüyor.",
                    "so": "Dad badan oo xaafadda ku nool waxay leeyihiin fikrado wanaagsan iyo rabitaan weyn oo ay ku shaqeeyaan. Annaga iyo shirkadaha deegaanka waxaan helnaa waddooyin cusub oo shaqo loo maro, tusaale ahaan tababar shaqo iyo barasho xirfadeed. Dhallinyaradu waxay la kulmaan dad tusaale fiican ah, waxayna booqdaan goobo waxbarasho si ay u arkaan waxa suurtagalka ah.",
                    "ur": "محلے میں بہت سے لوگوں کے پاس اچھے خیالات ہیں اور وہ کام کرنے کا بڑا شوق رکھتے ہیں۔ ہم مقامی کمپنیوں کے ساتھ مل کر روزگار کے نئے راستے تلاش کرتے ہیں، مثلاً انٹرن شپ اور اپرنٹس شپ۔ نوجوان رول ماڈلز سے ملتے ہیں اور تعلیمی اداروں کا دورہ کرتے ہیں تاکہ دیکھ سکیں کہ کیا کچھ ممکن ہے۔",
                },
            ),
            (
                "quote",
                {
                    "text": {
                        "da": "Mit første fritidsjob gav mig mod på at søge ind på en uddannelse.",
                        "en": "My first part-time job gave me the courage to apply to college.",
                        "ar": "وظيفتي الأولى بدوام جزئي منحتني الشجاعة لأتقدّم إلى الدراسة.",
                        "tr": "İlk yarı zamanlı işim bana bir okula başvurma cesareti verdi.",
                        "so": "Shaqadaydii ugu horreysay ee waqtiga firaaqada ayaa i siisay geesinimo aan ku codsado waxbarasho.",
                        "ur": "میری پہلی جز وقتی نوکری نے مجھے تعلیم کے لیے درخواست دینے کا حوصلہ دیا۔",
                    },
                    "attribution": {
                        "da": "Yasmin, 17 år, De Aktive Unge",
                        "en": "Yasmin, 17, De Aktive Unge",
                        "ar": "ياسمين، 17 سنة، De Aktive Unge",
                        "tr": "Yasmin, 17 yaşında, De Aktive Unge",
                        "so": "Yasmin, 17 jir, De Aktive Unge",
                        "ur": "یاسمین، 17 سال، De Aktive Unge",
                    },
                },
            ),
        ],
        "activities": [
            {
                "slug": "de-aktive-unge",
                "title": {"da": "De Aktive Unge", "en": "De Aktive Unge – Active Youth"},
                "intro": {
                    "da": "Lommepengejob og fritidsjob for unge i kvarteret. Du lærer at møde til tiden og tjener dine egne penge.",
                    "en": "Pocket-money jobs and part-time jobs for young people in the neighbourhood. You learn to be on time and earn your own money.",
                },
                "image": "youth",
                "when": {
                    "da": "Mandage og onsdage kl. 15–17",
                    "en": "Mondays and Wednesdays 3–5 pm",
                },
                "housing_area": None,
                "contact": "ahmad",
                "body": [
                    (
                        "paragraph",
                        {
                            "da": "De Aktive Unge er for unge mellem 13 og 17 år. I starter med små opgaver i kvarteret, fx at holde området pænt eller hjælpe til ved fester. Senere hjælper vi dig med at finde et fritidsjob i en lokal virksomhed.",
                            "en": "De Aktive Unge is for young people aged 13 to 17. You start with small tasks in the neighbourhood, such as keeping the area tidy or helping at parties. Later we help you find a part-time job with a local business.",
                        },
                    ),
                    (
                        "fact_box",
                        {
                            "title": {"da": "Hvem kan være med?", "en": "Who can join?"},
                            "facts": [
                                {"da": "Unge fra 13 til 17 år", "en": "Young people aged 13 to 17"},
                                {
                                    "da": "Du bor i Charlottekvarteret",
                                    "en": "You live in Charlottekvarteret",
                                },
                                {
                                    "da": "Tilmelding hos ungemedarbejderen",
                                    "en": "Sign up with the youth worker",
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "mentornetvaerk-for-ivaerksaettere",
                "title": {
                    "da": "Mentornetværk for iværksættere",
                    "en": "Mentor network for entrepreneurs",
                },
                "intro": {
                    "da": "Drømmer du om din egen virksomhed? Få en erfaren mentor ved din side.",
                    "en": "Do you dream of running your own business? Get an experienced mentor at your side.",
                },
                "image": "meeting",
                "when": {
                    "da": "Første torsdag i måneden kl. 19–21",
                    "en": "First Thursday of the month, 7–9 pm",
                },
                "housing_area": None,
                "contact": "emre",
                "body": [
                    (
                        "paragraph",
                        {
                            "da": "Vores mentorer er lokale erhvervsfolk, som gerne giver deres viden videre. Sammen med din mentor laver du en plan, og I mødes jævnligt. Du møder også andre iværksættere fra kvarteret.",
                            "en": "Our mentors are local business people who are happy to pass on what they know. You make a plan together with your mentor and meet regularly. You also meet other entrepreneurs from the neighbourhood.",
                        },
                    ),
                    (
                        "quote",
                        {
                            "text": {
                                "da": "Min mentor hjalp mig med budgettet. Nu har jeg min egen lille syforretning.",
                                "en": "My mentor helped me with the budget. Now I have my own small sewing business.",
                            },
                            "attribution": {
                                "da": "Amina, iværksætter fra Engbo",
                                "en": "Amina, entrepreneur from Engbo",
                            },
                        },
                    ),
                ],
            },
            {
                "slug": "studienetvaerk",
                "title": {"da": "Studienetværk", "en": "Study network"},
                "intro": {
                    "da": "Et fællesskab for unge, der tager en uddannelse. Her får du hjælp, ro og gode kammerater.",
                    "en": "A community for young people in education. Here you get help, a quiet place to work and good friends.",
                },
                "image": "people",
                "when": {"da": "Onsdage kl. 16–19", "en": "Wednesdays 4–7 pm"},
                "housing_area": "charlotteparken",
                "contact": "emre",
                "body": [
                    (
                        "paragraph",
                        {
                            "da": "I studienetværket mødes unge for at lave lektier og opgaver sammen. Ældre studerende fra kvarteret er med som rollemodeller og hjælpere.",
                            "en": "In the study network, young people meet to do homework and assignments together. Older students from the neighbourhood take part as role models and helpers.",
                        },
                    ),
                    (
                        "paragraph",
                        {
                            "da": "Vi tager også på besøg på uddannelsessteder. En gang om året holder vi en workshop om, hvordan man vælger uddannelse.",
                            "en": "We also visit schools and colleges. Once a year we hold a workshop on how to choose an education.",
                        },
                    ),
                ],
            },
        ],
    },
    # 2 -------------------------------------------------------------------
    {
        "slug": "beboernetvaerk-inddragelse-og-demokrati",
        "title": {
            "da": "Beboernetværk, inddragelse og demokrati",
            "en": "Resident networks, involvement and democracy",
            "ar": "شبكات السكان والمشاركة والديمقراطية",
            "tr": "Sakin ağları, katılım ve demokrasi",
            "so": "Shabakadaha dadka deggan, ka-qaybgal iyo dimuqraadiyad",
            "ur": "رہائشیوں کے نیٹ ورک، شمولیت اور جمہوریت",
        },
        "intro": {
            "da": "Vi styrker beboernes stemme og samarbejdet mellem de tre afdelingsbestyrelser.",
            "en": "We strengthen residents' voices and the cooperation between the three resident boards.",
            "ar": "نقوّي صوت السكان والتعاون بين مجالس السكان الثلاثة.",
            "tr": "Sakinlerin sesini ve üç sakin yönetim kurulu arasındaki iş birliğini güçlendiriyoruz.",
            "so": "Waxaan xoojinaa codka dadka deggan iyo iskaashiga u dhexeeya saddexda guddi ee xaafadaha.",
            "ur": "ہم رہائشیوں کی آواز اور تینوں رہائشی بورڈز کے درمیان تعاون کو مضبوط کرتے ہیں۔",
        },
        "image": "meeting",
        "body": [
            (
                "paragraph",
                {
                    "da": "I en almen bolig har beboerne stor indflydelse. Men mange kender ikke deres muligheder. Vi holder møder og seminarer for afdelingsbestyrelserne og viser børn og unge, hvordan demokrati virker i praksis.",
                    "en": "In social housing, residents have a big say. But many do not know their options. We hold meetings and seminars for the resident boards and show children and young people how democracy works in practice.",
                    "ar": "في السكن الاجتماعي يملك السكان تأثيراً كبيراً. لكن كثيرين لا يعرفون إمكانياتهم. نعقد اجتماعات وندوات لمجالس السكان، ونُري الأطفال والشباب كيف تعمل الديمقراطية في الواقع.",
                    "tr": "Sosyal konutlarda sakinlerin söz hakkı büyüktür. Ama birçok kişi bu olanakları bilmiyor. Yönetim kurulları için toplantılar ve seminerler düzenliyor, çocuklara ve gençlere demokrasinin pratikte nasıl işlediğini gösteriyoruz.",
                    "so": "Guryaha bulshada, dadka deggan waxay leeyihiin saameyn weyn. Laakiin dad badan ma yaqaanaan fursadahooda. Waxaan guddiyada u qabannaa shirar iyo siminaarro, waxaana carruurta iyo dhallinyarada tusnaa sida dimuqraadiyaddu dhab ahaan u shaqayso.",
                    "ur": "سماجی رہائش میں رہائشیوں کی بات کا بڑا وزن ہوتا ہے۔ لیکن بہت سے لوگ اپنے مواقع کے بارے میں نہیں جانتے۔ ہم بورڈز کے لیے میٹنگیں اور سیمینار کرتے ہیں اور بچوں اور نوجوانوں کو دکھاتے ہیں کہ جمہوریت عملی طور پر کیسے کام کرتی ہے۔",
                },
            ),
            (
                "fact_box",
                {
                    "title": {
                        "da": "Sådan får du indflydelse",
                        "en": "How you can have a say",
                        "ar": "كيف يمكنك أن تؤثّر",
                        "tr": "Nasıl söz sahibi olabilirsiniz",
                        "so": "Sida aad saameyn u yeelan karto",
                        "ur": "آپ کیسے اثر ڈال سکتے ہیں",
                    },
                    "facts": [
                        {
                            "da": "Kom til afdelingsmødet",
                            "en": "Come to the residents' meeting",
                            "ar": "احضر اجتماع السكان",
                            "tr": "Sakinler toplantısına gelin",
                            "so": "Imow shirka dadka deggan",
                            "ur": "رہائشیوں کی میٹنگ میں آئیں",
                        },
                        {
                            "da": "Stil op til afdelingsbestyrelsen",
                            "en": "Stand for election to the resident board",
                            "ar": "ترشّح لمجلس السكان",
                            "tr": "Sakin yönetim kuruluna aday olun",
                            "so": "Isu sharax guddiga dadka deggan",
                            "ur": "رہائشی بورڈ کے لیے امیدوار بنیں",
                        },
                        {
                            "da": "Del dine ideer med os",
                            "en": "Share your ideas with us",
                            "ar": "شاركنا أفكارك",
                            "tr": "Fikirlerinizi bizimle paylaşın",
                            "so": "Nala wadaag fikradahaaga",
                            "ur": "اپنے خیالات ہمارے ساتھ بانٹیں",
                        },
                    ],
                },
            ),
        ],
        "activities": [
            {
                "slug": "samarbejdsmoeder-for-afdelingsbestyrelser",
                "title": {
                    "da": "Samarbejdsmøder for afdelingsbestyrelser",
                    "en": "Joint meetings for resident boards",
                },
                "intro": {
                    "da": "De tre afdelingsbestyrelser mødes for at lære af hinanden og løse opgaver sammen.",
                    "en": "The three resident boards meet to learn from each other and solve tasks together.",
                },
                "image": "meeting",
                "when": {"da": "Fire gange om året", "en": "Four times a year"},
                "housing_area": None,
                "contact": "nadia",
                "body": [
                    (
                        "paragraph",
                        {
                            "da": "Hver boligafdeling har sin egen bestyrelse, som beboerne selv vælger. På møderne deler bestyrelserne erfaringer og planlægger fælles arrangementer. En gang om året holder vi et seminar med oplæg og workshops.",
                            "en": "Each housing department has its own board, elected by the residents. At the meetings the boards share experiences and plan joint events. Once a year we hold a seminar with talks and workshops.",
                        },
                    ),
                ],
            },
            {
                "slug": "demokratifilm-for-unge",
                "title": {"da": "Demokratifilm for unge", "en": "Democracy films by young people"},
                "intro": {
                    "da": "Unge laver film om demokrati, fællesskab og det samfund, de lever i.",
                    "en": "Young people make films about democracy, community and the society they live in.",
                },
                "image": "youth",
                "when": {"da": "Torsdage kl. 17–19", "en": "Thursdays 5–7 pm"},
                "housing_area": "engbo",
                "contact": "ahmad",
                "body": [
                    (
                        "paragraph",
                        {
                            "da": "Du lærer at skrive manuskript, filme og klippe. Undervejs taler vi om rettigheder, pligter og om, hvordan man får sin stemme hørt. Filmene får premiere i kvarteret og kommer bagefter på YouTube.",
                            "en": "You learn to write a script, film and edit. Along the way we talk about rights, duties and how to make your voice heard. The films have their premiere in the neighbourhood and then go on YouTube.",
                        },
                    ),
                ],
            },
            {
                "slug": "udveksling-om-demokrati",
                "title": {"da": "Udveksling om demokrati", "en": "Democracy exchange"},
                "intro": {
                    "da": "Børn fra kvarteret møder børn fra et andet sted og taler om, hvordan vi lever sammen.",
                    "en": "Children from the neighbourhood meet children from somewhere else and talk about how we live together.",
                },
                "image": "people",
                "when": {"da": "Hvert forår", "en": "Every spring"},
                "housing_area": None,
                "contact": "nadia",
                "body": [
                    (
                        "paragraph",
                        {
                            "da": "Børnene besøger hinanden og laver små projekter om deres hverdag. De lærer om byrådet, skolen og foreningerne. Målet er, at børnene føler sig som en del af samfundet.",
                            "en": "The children visit each other and make small projects about their everyday lives. They learn about the town council, the school and local clubs. The goal is for the children to feel part of society.",
                        },
                    ),
                ],
            },
        ],
    },
    # 3 -------------------------------------------------------------------
    {
        "slug": "kultur-og-fritid",
        "title": {
            "da": "Kultur og fritid",
            "en": "Culture and leisure",
            "ar": "الثقافة وأوقات الفراغ",
            "tr": "Kültür ve boş zaman",
            "so": "Dhaqan iyo waqti firaaqo",
            "ur": "ثقافت اور فارغ وقت",
        },
        "intro": {
            "da": "Vi støtter de frivillige og det rige kultur- og fritidsliv i kvarteret.",
            "en": "We support volunteers and the rich cultural and leisure life in the neighbourhood.",
            "ar": "ندعم المتطوعين والحياة الثقافية والترفيهية الغنية في الحي.",
            "tr": "Gönüllüleri ve mahalledeki zengin kültür ve boş zaman yaşamını destekliyoruz.",
            "so": "Waxaan taageernaa mutadawiciinta iyo nolosha hodanka ah ee dhaqanka iyo waqtiga firaaqada ee xaafadda.",
            "ur": "ہم رضاکاروں اور محلے کی بھرپور ثقافتی اور تفریحی زندگی کی مدد کرتے ہیں۔",
        },
        "image": "garden",
        "body": [
            (
                "paragraph",
                {
                    "da": "Kvarteret har mange ildsjæle og foreninger. Vi hjælper, når du vil starte et nyt projekt eller udvikle en forening. Vi laver også gør-det-selv-bøger med enkle opskrifter på, hvordan man kommer fra idé til handling.",
                    "en": "The neighbourhood has many enthusiasts and clubs. We help when you want to start a new project or develop a club. We also make do-it-yourself books with simple recipes for getting from idea to action.",
                    "ar": "في الحي كثير من المتحمّسين والجمعيات. نساعدك عندما تريد أن تبدأ مشروعاً جديداً أو أن تطوّر جمعية. ونصنع أيضاً كتيّبات «اصنعها بنفسك» فيها خطوات بسيطة للانتقال من الفكرة إلى العمل.",
                    "tr": "Mahallede birçok gönüllü ruhlu insan ve dernek var. Yeni bir proje başlatmak ya da bir derneği geliştirmek istediğinizde yardım ediyoruz. Ayrıca fikirden eyleme geçmek için basit tarifler içeren “kendin yap” kitapçıkları hazırlıyoruz.",
                    "so": "Xaafadda waxaa ku jira dad badan oo hammi leh iyo ururro. Waan ku caawinnaa markaad rabto inaad bilowdo mashruuc cusub ama aad horumariso urur. Sidoo kale waxaan samaynaa buugaag “adigu samee” ah oo si fudud u sharxaya sida fikrad looga dhigo ficil.",
                    "ur": "محلے میں بہت سے پُرجوش لوگ اور انجمنیں ہیں۔ جب آپ کوئی نیا منصوبہ شروع کرنا یا کسی انجمن کو آگے بڑھانا چاہیں تو ہم مدد کرتے ہیں۔ ہم “خود کریں” کتابچے بھی بناتے ہیں، جن میں آسان طریقے بتائے گئے ہیں کہ خیال کو عمل میں کیسے بدلا جائے۔",
                },
            ),
            (
                "paragraph",
                {
                    "da": "Vi tager frivillige med på inspirationsture til andre boligområder. Og beboerne er selv med til at bygge og forskønne kvarterets udearealer.",
                    "en": "We take volunteers on inspiration trips to other housing areas. And residents help build and improve the neighbourhood's outdoor spaces themselves.",
                    "ar": "نأخذ المتطوعين في رحلات للاستلهام إلى مناطق سكنية أخرى. ويشارك السكان بأنفسهم في بناء المساحات الخارجية في الحي وتجميلها.",
                    "tr": "Gönüllüleri diğer konut alanlarına ilham gezilerine götürüyoruz. Sakinler de mahallenin açık alanlarını kendi elleriyle yapıp güzelleştiriyor.",
                    "so": "Mutadawiciinta waxaan u kaxaynaa safarro dhiirrigelin ah oo loo aado xaafado kale. Dadka deggan ayaa iyagu ka qayb qaata dhisidda iyo qurxinta meelaha bannaanka ah ee xaafadda.",
                    "ur": "ہم رضاکاروں کو نئے خیالات حاصل کرنے کے لیے دوسرے رہائشی علاقوں کے دوروں پر لے جاتے ہیں۔ اور رہائشی خود محلے کی کھلی جگہوں کو بنانے اور سنوارنے میں حصہ لیتے ہیں۔",
                },
            ),
        ],
        "activities": [
            {
                "slug": "kulturmoeder",
                "title": {"da": "Kulturmøder", "en": "Culture meet-ups"},
                "intro": {
                    "da": "Mad, musik og fortællinger fra hele verden – og fra nabolaget.",
                    "en": "Food, music and stories from all over the world – and from next door.",
                },
                "image": "people",
                "when": {
                    "da": "En fredag om måneden kl. 17–20",
                    "en": "One Friday a month, 5–8 pm",
                },
                "housing_area": None,
                "contact": "fatima",
                "body": [
                    (
                        "paragraph",
                        {
                            "da": "Til kulturmøderne viser beboerne hinanden deres traditioner. Nogle gange laver vi mad sammen, andre gange er der musik eller fortællinger. Det er gratis, og alle aldre er velkomne.",
                            "en": "At the culture meet-ups, residents show each other their traditions. Sometimes we cook together, other times there is music or storytelling. It is free, and all ages are welcome.",
                        },
                    ),
                    (
                        "quote",
                        {
                            "text": {
                                "da": "Jeg har boet her i tolv år, men først til kulturmødet lærte jeg mine naboer at kende.",
                                "en": "I have lived here for twelve years, but it was at the culture meet-up that I got to know my neighbours.",
                            },
                            "attribution": {
                                "da": "Hüseyin, beboer i Agerhusene",
                                "en": "Hüseyin, resident in Agerhusene",
                            },
                        },
                    ),
                ],
            },
            {
                "slug": "byg-selv-sammen",
                "title": {"da": "Byg-selv-sammen", "en": "Build It Together"},
                "intro": {
                    "da": "Beboerne bygger selv bænke, højbede og legepladser i kvarteret.",
                    "en": "Residents build benches, raised beds and play areas in the neighbourhood themselves.",
                },
                "image": "garden",
                "when": {
                    "da": "Lørdage kl. 10–14, april–september",
                    "en": "Saturdays 10 am – 2 pm, April–September",
                },
                "housing_area": "agerhusene",
                "contact": "jens",
                "body": [
                    (
                        "paragraph",
                        {
                            "da": "Du behøver ikke at kunne noget på forhånd. Vi har værktøj og en frivillig tømrer, som viser, hvordan man gør. Når vi bygger sammen, passer vi også bedre på tingene bagefter.",
                            "en": "You do not need any experience. We have tools and a volunteer carpenter who shows you how. When we build together, we also take better care of things afterwards.",
                        },
                    ),
                    (
                        "fact_box",
                        {
                            "title": {"da": "Det har vi bygget", "en": "What we have built"},
                            "facts": [
                                {
                                    "da": "Tolv højbede i Agerhusene",
                                    "en": "Twelve raised beds in Agerhusene",
                                },
                                {
                                    "da": "Et udekøkken ved beboerhuset",
                                    "en": "An outdoor kitchen by the community house",
                                },
                                {
                                    "da": "Bænke langs stien til skolen",
                                    "en": "Benches along the path to the school",
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "frivillighedsformidling",
                "title": {"da": "Frivillighedsformidlingen", "en": "Volunteer support desk"},
                "intro": {
                    "da": "Har du en idé eller en forening? Vi giver dig råd og hjælp til at komme videre.",
                    "en": "Do you have an idea or a club? We give you advice and help to move forward.",
                },
                "image": "meeting",
                "when": {
                    "da": "Mandage kl. 13–16 og efter aftale",
                    "en": "Mondays 1–4 pm and by appointment",
                },
                "housing_area": None,
                "contact": "fatima",
                "body": [
                    (
                        "paragraph",
                        {
                            "da": "Vi hjælper med ansøgninger, vedtægter og lokaler. Vi hjælper også med at finde flere frivillige til din forening.",
                            "en": "We help with applications, club rules and rooms. We also help you find more volunteers for your club.",
                        },
                    ),
                    (
                        "paragraph",
                        {
                            "da": "Du kan låne vores gør-det-selv-bøger. De forklarer trin for trin, hvordan man laver et projekt. To gange om året tager vi frivillige med på inspirationsture til andre boligområder.",
                            "en": "You can borrow our do-it-yourself books. They explain step by step how to run a project. Twice a year we take volunteers on inspiration trips to other housing areas.",
                        },
                    ),
                ],
            },
        ],
    },
    # 4 -------------------------------------------------------------------
    {
        "slug": "image-og-kommunikation",
        "title": {
            "da": "Image og kommunikation",
            "en": "Image and communication",
            "ar": "الصورة العامة والتواصل",
            "tr": "İmaj ve iletişim",
            "so": "Sumcad iyo isgaarsiin",
            "ur": "ساکھ اور ابلاغ",
        },
        "intro": {
            "da": "Vi fortæller de gode historier om kvarteret – i avisen, på nettet og i film.",
            "en": "We tell the good stories about the neighbourhood – in the paper, online and on film.",
            "ar": "نروي القصص الجميلة عن الحي – في الجريدة وعلى الإنترنت وفي الأفلام.",
            "tr": "Mahalle hakkındaki güzel hikâyeleri anlatıyoruz – gazetede, internette ve filmlerde.",
            "so": "Waxaan ka sheekaynaa sheekooyinka wanaagsan ee xaafadda – wargeyska, internetka iyo filimada.",
            "ur": "ہم محلے کی اچھی کہانیاں سناتے ہیں – اخبار میں، انٹرنیٹ پر اور فلموں میں۔",
        },
        "image": "paper",
        "body": [
            (
                "paragraph",
                {
                    "da": "Der sker meget godt i Charlottekvarteret, men man hører ikke altid om det. Derfor deler vi nyheder og positive historier. Vi bruger Agerposten, Facebook, hjemmesiden, YouTube og pressen.",
                    "en": "A lot of good things happen in Charlottekvarteret, but you do not always hear about them. That is why we share news and positive stories. We use Agerposten, Facebook, this website, YouTube and the press.",
                    "ar": "تحدث أشياء جميلة كثيرة في Charlottekvarteret، لكننا لا نسمع عنها دائماً. لذلك نشارك الأخبار والقصص الإيجابية. نستخدم Agerposten وفيسبوك وهذا الموقع ويوتيوب والصحافة.",
                    "tr": "Charlottekvarteret'te pek çok güzel şey oluyor, ama bunları her zaman duymuyoruz. Bu yüzden haberleri ve olumlu hikâyeleri paylaşıyoruz. Agerposten'i, Facebook'u, bu web sitesini, YouTube'u ve basını kullanıyoruz.",
                    "so": "Waxyaabo badan oo wanaagsan ayaa ka dhaca Charlottekvarteret, laakiin had iyo jeer lama maqlo. Sidaas darteed waxaan wadaagnaa war iyo sheekooyin wanaagsan. Waxaan isticmaalnaa Agerposten, Facebook, boggan, YouTube iyo saxaafadda.",
                    "ur": "Charlottekvarteret میں بہت کچھ اچھا ہوتا ہے، لیکن ہمیشہ اس کے بارے میں سننے کو نہیں ملتا۔ اسی لیے ہم خبریں اور مثبت کہانیاں شیئر کرتے ہیں۔ ہم Agerposten، فیس بک، اس ویب سائٹ، یوٹیوب اور اخبارات کا استعمال کرتے ہیں۔",
                },
            ),
            (
                "heading",
                {
                    "da": "Har du en god historie?",
                    "en": "Do you have a good story?",
                    "ar": "هل لديك قصة جميلة؟",
                    "tr": "İyi bir hikâyeniz mi var?",
                    "so": "Ma haysaa sheeko wanaagsan?",
                    "ur": "کیا آپ کے پاس کوئی اچھی کہانی ہے؟",
                },
            ),
            (
                "paragraph",
                {
                    "da": "Skriv eller ring til os. Måske kommer din historie med i næste nummer af Agerposten.",
                    "en": "Write to us or give us a call. Your story might be in the next issue of Agerposten.",
                    "ar": "اكتب لنا أو اتصل بنا. ربما تُنشر قصتك في العدد القادم من Agerposten.",
                    "tr": "Bize yazın ya da bizi arayın. Belki hikâyeniz Agerposten'in bir sonraki sayısında yer alır.",
                    "so": "Noo soo qor ama na soo wac. Waxaa laga yaabaa in sheekadaadu ka soo baxdo cadadka xiga ee Agerposten.",
                    "ur": "ہمیں لکھیں یا فون کریں۔ ہو سکتا ہے آپ کی کہانی Agerposten کے اگلے شمارے میں شائع ہو۔",
                },
            ),
        ],
        "activities": [
            {
                "slug": "agerposten",
                "title": {"da": "Agerposten", "en": "Agerposten – the local paper"},
                "intro": {
                    "da": "Kvarterets egen avis, skrevet af og for beboerne.",
                    "en": "The neighbourhood's own newspaper, written by and for the residents.",
                },
                "image": "paper",
                "when": {"da": "Fire numre om året", "en": "Four issues a year"},
                "housing_area": None,
                "contact": "line",
                "body": [
                    (
                        "paragraph",
                        {
                            "da": "Agerposten kommer i alle postkasser i kvarteret. Her kan du læse om nye aktiviteter, møde dine naboer og se billeder fra festerne. Frivillige skribenter og fotografer er altid velkomne i redaktionen.",
                            "en": "Agerposten is delivered to every letterbox in the neighbourhood. Here you can read about new activities, meet your neighbours and see photos from the parties. Volunteer writers and photographers are always welcome on the team.",
                        },
                    ),
                    (
                        "fact_box",
                        {
                            "title": {"da": "Om Agerposten", "en": "About Agerposten"},
                            "facts": [
                                {
                                    "da": "Udkommer fire gange om året",
                                    "en": "Published four times a year",
                                },
                                {
                                    "da": "Gratis for alle husstande",
                                    "en": "Free for every household",
                                },
                                {
                                    "da": "Redaktionsmøde første mandag i måneden",
                                    "en": "Editorial meeting on the first Monday of the month",
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "film-fra-kvarteret",
                "title": {"da": "Film fra kvarteret", "en": "Films from the neighbourhood"},
                "intro": {
                    "da": "Korte film på YouTube om mennesker og hverdag i Charlottekvarteret.",
                    "en": "Short films on YouTube about people and everyday life in Charlottekvarteret.",
                },
                "image": "people",
                "when": {"da": "Hele året", "en": "All year round"},
                "housing_area": None,
                "contact": "line",
                "body": [
                    (
                        "paragraph",
                        {
                            "da": "Vi filmer fester, frivillige og beboere, der har noget på hjerte. Filmene viser kvarteret, som vi selv kender det. Unge fra kvarteret er med bag kameraet.",
                            "en": "We film parties, volunteers and residents who have something to say. The films show the neighbourhood the way we know it. Young people from the neighbourhood work behind the camera.",
                        },
                    ),
                ],
            },
            {
                "slug": "bogen-om-ildsjaelene",
                "title": {
                    "da": "Bogen om kvarterets ildsjæle",
                    "en": "A book about our local volunteers",
                },
                "intro": {
                    "da": "En bog om Charlottekvarteret og de frivillige, der gør en forskel.",
                    "en": "A book about Charlottekvarteret and the volunteers who make a difference.",
                },
                "image": "paper",
                "when": {"da": "Udkommer i 2015", "en": "Published in 2015"},
                "housing_area": None,
                "contact": "line",
                "body": [
                    (
                        "paragraph",
                        {
                            "da": "Vi interviewer beboere, der bruger deres fritid på at hjælpe andre. Bogen viser, hvor meget engagement der er i kvarteret. Den bliver delt ud på biblioteket, på skolen og i beboerhusene.",
                            "en": "We interview residents who spend their free time helping others. The book shows how much energy and commitment there is in the neighbourhood. It is handed out at the library, the school and the community houses.",
                        },
                    ),
                ],
            },
        ],
    },
]

# ---------------------------------------------------------------------------
# Neighbourhood networks (Danish and English)
# ---------------------------------------------------------------------------

NETWORK_INDEX = {
    "slug": "kvarternetvaerk",
    "title": {"da": "Kvarternetværk", "en": "Neighbourhood networks"},
    "intro": {
        "da": "I kvarternetværkene mødes alle, der arbejder for et godt liv i kvarteret.",
        "en": "The neighbourhood networks bring together everyone who works for a good life in the neighbourhood.",
    },
    "image": "meeting",
    "body": [
        ("heading", {"da": "Hvad er et kvarternetværk?", "en": "What is a neighbourhood network?"}),
        (
            "paragraph",
            {
                "da": "Mange forskellige folk gør noget godt for kvarteret. Det kan være frivillige, beboerdemokrater, skolen, politiet eller kommunen. I kvarternetværket lærer de hinanden at kende og koordinerer deres arbejde, så kræfterne bliver brugt bedst muligt.",
                "en": "Many different people do good things for the neighbourhood. They may be volunteers, elected residents, the school, the police or the municipality. In the network they get to know each other and coordinate their work, so that everyone's efforts are used as well as possible.",
            },
        ),
        ("heading", {"da": "Et fælles seminar hvert år", "en": "A joint seminar every year"}),
        (
            "paragraph",
            {
                "da": "Hvert boligområde har sit eget netværk med lokale møder. En gang om året mødes alle tre netværk til et fælles seminar. Her deler vi erfaringer og lærer mere om hinandens ressourcer.",
                "en": "Each housing area has its own network with local meetings. Once a year all three networks meet for a joint seminar. There we share experiences and learn more about what each of us can offer.",
            },
        ),
        (
            "fact_box",
            {
                "title": {"da": "Hvem er med?", "en": "Who takes part?"},
                "facts": [
                    {
                        "da": "Beboerdemokrater og frivillige",
                        "en": "Elected residents and volunteers",
                    },
                    {"da": "Institutioner og skoler", "en": "Institutions and schools"},
                    {"da": "Opsøgende medarbejdere og politi", "en": "Outreach workers and police"},
                    {
                        "da": "Sundhedsplejerske, fritidskonsulent og jobkonsulenter fra kommunen",
                        "en": "Health visitor, leisure adviser and job advisers from the municipality",
                    },
                    {"da": "Ungdomsskolen", "en": "The youth school (Ungdomsskolen)"},
                ],
            },
        ),
    ],
}

NETWORKS = [
    {
        "slug": "kvarternetvaerk-agerhusene",
        "title": {"da": "Kvarternetværk i Agerhusene", "en": "Neighbourhood network in Agerhusene"},
        "intro": {
            "da": "Her mødes alle, der arbejder for et trygt og godt liv i Agerhusene.",
            "en": "Everyone working for a safe and good life in Agerhusene meets here.",
        },
        "image": "garden",
        "housing_area": "agerhusene",
        "participants": {
            "da": "Afdelingsbestyrelsen i Agerhusene\nFrivillige fra haveklubben\nOpsøgende medarbejdere\nPolitiets nærbetjent\nSundhedsplejersken\nUngdomsskolen",
            "en": "The Agerhusene resident board\nVolunteers from the garden club\nOutreach workers\nThe local police officer\nThe health visitor\nThe youth school (Ungdomsskolen)",
        },
        "meeting_place": {
            "da": "Beboerhuset i Agerhusene",
            "en": "The community house in Agerhusene",
        },
        "meeting_time": {
            "da": "Anden tirsdag i hver anden måned kl. 9–11",
            "en": "Second Tuesday of every other month, 9–11 am",
        },
        "contact": "nadia",
        "body": [
            (
                "paragraph",
                {
                    "da": "Netværket har fokus på tryghed og på de grønne fællesarealer. Deltagerne deler nyt fra området og aftaler, hvem der gør hvad.",
                    "en": "The network focuses on safety and the green shared spaces. Participants share news from the area and agree on who does what.",
                },
            ),
            (
                "paragraph",
                {
                    "da": "Sidste år startede netværket en fælles gåtur. Beboere og nærbetjenten går en tur i området sammen og taler om, hvad der kan blive bedre.",
                    "en": "Last year the network started a joint walk. Residents and the local police officer walk around the area together and talk about what could be better.",
                },
            ),
        ],
    },
    {
        "slug": "kvarternetvaerk-charlotteparken",
        "title": {
            "da": "Kvarternetværk i Charlotteparken",
            "en": "Neighbourhood network in Charlotteparken",
        },
        "intro": {
            "da": "Netværket i Charlotteparken samler kræfterne om børn, unge og job.",
            "en": "The network in Charlotteparken joins forces around children, young people and jobs.",
        },
        "image": "youth",
        "housing_area": "charlotteparken",
        "participants": {
            "da": "Afdelingsbestyrelsen i Charlotteparken\nSkolen og fritidsklubben\nJobkonsulenter fra kommunen\nFritidskonsulenten\nFrivillige lektiehjælpere\nOpsøgende medarbejdere",
            "en": "The Charlotteparken resident board\nThe school and the youth club\nJob advisers from the municipality\nThe leisure adviser\nVolunteer homework helpers\nOutreach workers",
        },
        "meeting_place": {
            "da": "Fælleslokalet i Charlotteparken",
            "en": "The common room in Charlotteparken",
        },
        "meeting_time": {
            "da": "Første onsdag i hver anden måned kl. 13–15",
            "en": "First Wednesday of every other month, 1–3 pm",
        },
        "contact": "ahmad",
        "body": [
            (
                "paragraph",
                {
                    "da": "Mange unge bor i Charlotteparken. Derfor er skolen, klubben og jobkonsulenterne faste deltagere. Sammen sørger vi for, at de unge har gode tilbud i fritiden og får hjælp til at finde job.",
                    "en": "Many young people live in Charlotteparken. That is why the school, the club and the job advisers always take part. Together we make sure young people have good things to do in their free time and get help finding a job.",
                },
            ),
        ],
    },
    {
        "slug": "kvarternetvaerk-engbo",
        "title": {"da": "Kvarternetværk i Engbo", "en": "Neighbourhood network in Engbo"},
        "intro": {
            "da": "I Engbo er netværket et mødested for foreninger, familier og kommunens medarbejdere.",
            "en": "In Engbo the network is a meeting place for clubs, families and municipal staff.",
        },
        "image": "people",
        "housing_area": "engbo",
        "participants": {
            "da": "Afdelingsbestyrelsen i Engbo\nKvarterets foreninger\nSundhedsplejersken\nFamilierådgiveren\nPolitiet\nUngdomsskolen",
            "en": "The Engbo resident board\nLocal clubs and associations\nThe health visitor\nThe family counsellor\nThe police\nThe youth school (Ungdomsskolen)",
        },
        "meeting_place": {
            "da": "Det store fælleslokale i Engbo",
            "en": "The large common room in Engbo",
        },
        "meeting_time": {
            "da": "Sidste torsdag i hver anden måned kl. 17–19",
            "en": "Last Thursday of every other month, 5–7 pm",
        },
        "contact": "mette",
        "body": [
            (
                "paragraph",
                {
                    "da": "Engbo har mange aktive foreninger. Netværket hjælper dem med at samarbejde og dele lokaler og frivillige. Sundhedsplejersken og familierådgiveren fortæller om kommunens tilbud til børnefamilier.",
                    "en": "Engbo has many active clubs. The network helps them work together and share rooms and volunteers. The health visitor and the family counsellor tell families about what the municipality offers.",
                },
            ),
            (
                "quote",
                {
                    "text": {
                        "da": "I netværket opdagede vi, at tre foreninger manglede de samme frivillige. Nu deler vi.",
                        "en": "In the network we found out that three clubs needed the same volunteers. Now we share.",
                    },
                    "attribution": {
                        "da": "Khadra, formand for en forening i Engbo",
                        "en": "Khadra, chair of a club in Engbo",
                    },
                },
            ),
        ],
    },
]

# ---------------------------------------------------------------------------
# Contact (six languages)
# ---------------------------------------------------------------------------

CONTACT = {
    "slug": "kontakt",
    "title": {
        "da": "Kontakt",
        "en": "Contact",
        "ar": "تواصل معنا",
        "tr": "İletişim",
        "so": "Nala soo xiriir",
        "ur": "رابطہ",
    },
    "intro": {
        "da": "Du er altid velkommen til at kigge forbi, ringe eller skrive til os.",
        "en": "You are always welcome to drop by, call or write to us.",
        "ar": "أهلاً بك دائماً لزيارتنا أو الاتصال بنا أو مراسلتنا.",
        "tr": "Bize uğramak, telefon etmek ya da yazmak için her zaman buyurun.",
        "so": "Had iyo jeer waad ku soo dhawaan tahay inaad noo soo booqato, na soo wacdo ama noo soo qorto.",
        "ur": "آپ ہمارے پاس آنے، فون کرنے یا لکھنے کے لیے ہمیشہ خوش آمدید ہیں۔",
    },
    "image": "people",
    "address": ADDRESS,
    "opening_hours": {
        "da": "Mandag–torsdag kl. 10–15\nFredag kl. 10–13\nLørdag og søndag: lukket",
        "en": "Monday–Thursday 10 am – 3 pm\nFriday 10 am – 1 pm\nSaturday and Sunday: closed",
        "ar": "الاثنين – الخميس: 10:00 – 15:00\nالجمعة: 10:00 – 13:00\nالسبت والأحد: مغلق",
        "tr": "Pazartesi–Perşembe 10.00–15.00\nCuma 10.00–13.00\nCumartesi ve Pazar: kapalı",
        "so": "Isniin–Khamiis 10:00–15:00\nJimce 10:00–13:00\nSabti iyo Axad: xiran",
        "ur": "پیر تا جمعرات: 10:00 – 15:00\nجمعہ: 10:00 – 13:00\nہفتہ اور اتوار: بند",
    },
    "people": ["mette", "ahmad", "fatima", "emre", "line"],
    "body": [
        (
            "paragraph",
            {
                "da": "Vores kontor ligger i beboerhuset i Agerhusene. Har du brug for hjælp med sproget, så tag gerne en ven eller et familiemedlem med.",
                "en": "Our office is in the community house in Agerhusene. If you need help with the language, feel free to bring a friend or family member.",
                "ar": "مكتبنا في بيت السكان في Agerhusene. إذا كنت تحتاج إلى مساعدة في اللغة، يمكنك أن تُحضر معك صديقاً أو أحد أفراد عائلتك.",
                "tr": "Ofisimiz Agerhusene'deki sakinler evinde. Dil konusunda yardıma ihtiyacınız varsa, yanınızda bir arkadaşınızı ya da bir aile üyenizi getirebilirsiniz.",
                "so": "Xafiiskeennu wuxuu ku yaal guriga bulshada ee Agerhusene. Haddii aad u baahan tahay caawimo xagga luqadda ah, waad keeni kartaa saaxiib ama qof qoyskaaga ka mid ah.",
                "ur": "ہمارا دفتر Agerhusene کے کمیونٹی ہاؤس میں ہے۔ اگر آپ کو زبان میں مدد چاہیے تو کسی دوست یا گھر کے کسی فرد کو ساتھ لے آئیں۔",
            },
        ),
        (
            "paragraph",
            {
                "da": "Har du en idé til en aktivitet, eller vil du være frivillig? Så vil vi meget gerne høre fra dig.",
                "en": "Do you have an idea for an activity, or would you like to volunteer? Then we would love to hear from you.",
                "ar": "هل لديك فكرة لنشاط، أو تريد أن تصبح متطوعاً؟ يسعدنا كثيراً أن نسمع منك.",
                "tr": "Bir etkinlik fikriniz mi var ya da gönüllü olmak mı istiyorsunuz? Sizden haber almaktan çok mutlu oluruz.",
                "so": "Ma haysaa fikrad hawl cusub, mise waxaad rabtaa inaad noqoto mutadawac? Aad ayaan ugu faraxsanaan lahayn inaan war kaa helno.",
                "ur": "کیا آپ کے پاس کسی سرگرمی کا خیال ہے، یا آپ رضاکار بننا چاہتے ہیں؟ ہمیں آپ سے سن کر بہت خوشی ہوگی۔",
            },
        ),
    ],
}

# ---------------------------------------------------------------------------
# About the website and accessibility (Danish and English)
# ---------------------------------------------------------------------------

ABOUT = {
    "slug": "om-siden",
    "title": {"da": "Om siden", "en": "About this website"},
    "intro": {
        "da": "Her kan du læse, hvem der står bag hjemmesiden, og hvordan du selv kan bidrage.",
        "en": "Here you can read who runs this website and how you can contribute.",
    },
    "image": "paper",
    "body": [
        (
            "paragraph",
            {
                "da": "Hjemmesiden drives af sekretariatet for den boligsociale helhedsplan i Charlottekvarteret. Vi skriver om aktiviteter, nyheder og mennesker i kvarteret.",
                "en": "The website is run by the office of the comprehensive social housing plan in Charlottekvarteret. We write about activities, news and people in the neighbourhood.",
            },
        ),
        ("heading", {"da": "Seks sprog", "en": "Six languages"}),
        (
            "paragraph",
            {
                "da": "Siden findes på dansk, engelsk, arabisk, tyrkisk, somali og urdu. De vigtigste sider er oversat til alle seks sprog. Andre sider findes på dansk og engelsk.",
                "en": "The website is available in Danish, English, Arabic, Turkish, Somali and Urdu. The most important pages are translated into all six languages. Other pages are in Danish and English.",
            },
        ),
        ("heading", {"da": "Har du en historie til os?", "en": "Do you have a story for us?"}),
        (
            "paragraph",
            {
                "da": "Sker der noget godt i din opgang eller din forening? Skriv til kontakt@example.org, eller kig forbi kontoret. Vi hjælper gerne med at skrive teksten.",
                "en": "Is something good happening in your building or your club? Write to kontakt@example.org or drop by the office. We are happy to help you write the text.",
            },
        ),
    ],
}

ACCESSIBILITY = {
    "slug": "tilgaengelighed",
    "title": {"da": "Tilgængelighedserklæring", "en": "Accessibility statement"},
    "intro": {
        "da": "Alle skal kunne bruge hjemmesiden – også med skærmlæser eller på en lille skærm.",
        "en": "Everyone should be able to use this website – also with a screen reader or on a small screen.",
    },
    "image": None,
    "body": [
        (
            "paragraph",
            {
                "da": "Vores mål er, at hjemmesiden lever op til WCAG 2.1 på niveau AA. Det er en international standard for tilgængelighed på nettet. Vi tester siden jævnligt og retter fejl, så snart vi kan.",
                "en": "Our goal is for the website to meet WCAG 2.1 at level AA. This is an international standard for web accessibility. We test the site regularly and fix problems as soon as we can.",
            },
        ),
        ("heading", {"da": "Kendte problemer", "en": "Known problems"}),
        (
            "paragraph",
            {
                "da": "Nogle ældre PDF-filer er endnu ikke helt tilgængelige. Vi arbejder på at gøre dem bedre.",
                "en": "Some older PDF files are not yet fully accessible. We are working on improving them.",
            },
        ),
        ("heading", {"da": "Har du fundet et problem?", "en": "Have you found a problem?"}),
        (
            "paragraph",
            {
                "da": "Skriv til kontakt@example.org, eller ring på +45 00 00 00 10. Fortæl os, hvilken side det drejer sig om. Vi svarer inden for ti arbejdsdage.",
                "en": "Write to kontakt@example.org or call +45 00 00 00 10. Tell us which page it is about. We reply within ten working days.",
            },
        ),
    ],
}
