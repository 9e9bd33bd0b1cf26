"""The relevance set: what residents type, and the page each query must find in the top 5.

Over the demo content (`manage.py load_demo_content`), in all six languages: inflections,
Danish compounds and their parts, Arabic and Urdu letter variants and short vowels, Turkish
and Danish typed without their letters, one-letter typos, and Danish pages found from another
language. Each entry is (reader's language, query, titles of which each must be in the top 5).
`tests/search/test_relevance.py` asserts the recall; `bench/search.py` prints it with latency.
"""

from django.utils import translation

from wagtail.models import Locale

from kvarter.search import query as site_search

QUERIES = [
    # Danish: inflections
    ("da", "frivillige", ["Tolv frivillige bærer Agerposten ud"]),
    ("da", "sommerfesten", ["Sommerfest i parken"]),
    ("da", "lektiehjælpen", ["Lektiehjælp i Beboerhuset"]),
    ("da", "højbed", ["Højbedene giver den første høst"]),
    ("da", "bænk", ["Byg-selv-sammen: nye bænke i gården"]),
    ("da", "ildsjæl", ["Bogen om kvarterets ildsjæle"]),
    ("da", "bog", ["Ny bog fortæller om kvarterets ildsjæle"]),
    ("da", "afdelingsbestyrelse", ["Samarbejdsmøder for afdelingsbestyrelser"]),
    ("da", "foreninger", ["Start en forening"]),
    ("da", "film", ["Film fra kvarteret"]),
    ("da", "premieren", ["Premiere på beboernes film"]),
    ("da", "helhedsplan", ["Helhedsplanen – Mennesker i Fokus"]),
    ("da", "kontakt", ["Kontakt"]),
    ("da", "nyhedsbreve", ["Nyhedsbrev"]),
    ("da", "legepladsen", ["Legepladsen i Charlotteparken fik nyt liv"]),
    ("da", "kulturaften", ["Kulturaften med mad fra hele verden"]),
    ("da", "mentor", ["Mentornetværk for iværksættere"]),
    ("da", "iværksætter", ["Mentornetværk for iværksættere"]),
    ("da", "pulje", ["Søg penge fra en lille pulje"]),
    ("da", "demokrati", ["Udveksling om demokrati"]),
    # Danish: word starts and compound parts
    ("da", "fest", ["Sommerfest i parken"]),
    ("da", "fodbold", ["Fredagsfodbold for unge"]),
    ("da", "marked", ["Loppemarked i fælleshaven"]),
    ("da", "haven", ["Loppemarked i fælleshaven"]),
    ("da", "spisning", ["Fællesspisning"]),
    ("da", "erklæring", ["Tilgængelighedserklæring"]),
    ("da", "tilgængelighed", ["Tilgængelighedserklæring"]),
    ("da", "fritidsjob", ["Femten unge lærte at søge fritidsjob"]),
    ("da", "værksted", ["Byg-selv-værksted: bænke til engen"]),
    ("da", "frivilligdesk", ["Frivilligdesken"]),
    ("da", "aften", ["Kulturaften med mad fra hele verden"]),
    ("da", "lektiecafe", ["Lektiecaféen fylder nu fem borde"]),
    ("da", "kvindecafe", ["Kvindecafé"]),
    ("da", "beboermøde", ["Beboermøde i Charlotteparken"]),
    ("da", "sommerfest i parken", ["Sommerfest i parken"]),
    # Danish: one letter wrong, missing, added or swapped
    ("da", "frivilig", ["Tolv frivillige bærer Agerposten ud"]),
    ("da", "agerpost", ["Agerposten"]),
    ("da", "sommefest", ["Sommerfest i parken"]),
    ("da", "loppemarket", ["Loppemarked i fælleshaven"]),
    ("da", "lektiehjlæp", ["Lektiehjælp i Beboerhuset"]),
    ("da", "fællesspissning", ["Fællesspisning"]),
    ("da", "legeplads", ["Legepladsen i Charlotteparken fik nyt liv"]),
    # English
    ("en", "volunteer", ["Volunteer support desk"]),
    ("en", "volunteering", ["Twelve volunteers deliver Agerposten"]),
    ("en", "football", ["Friday football for young people"]),
    ("en", "footbal", ["Friday football for young people"]),
    ("en", "parties", ["Summer party in the park"]),
    ("en", "homework", ["Homework help at the community house"]),
    ("en", "flea market", ["Flea market in the shared garden"]),
    ("en", "raised bed", ["Build raised beds in the courtyard"]),
    ("en", "bench", ["Build-it-together: new benches in the courtyard"]),
    ("en", "associations", ["Start an association"]),
    ("en", "fund", ["Apply to a small fund"]),
    ("en", "playground", ["The playground in Charlotteparken came back to life"]),
    ("en", "sewing", ["The mentor network helped Samira open her own sewing workshop"]),
    ("en", "accessibility", ["Accessibility statement"]),
    ("en", "newsletter", ["Newsletter"]),
    ("en", "dinner", ["Shared dinner"]),
    ("en", "womens cafe", ["Women's café"]),
    ("en", "neighborhood network", ["Neighbourhood networks"]),
    ("en", "premiere", ["Premiere of the residents' film"]),
    ("en", "entrepreneur", ["Mentor network for entrepreneurs"]),
    # Arabic: letter variants, short vowels, the article
    ("ar", "حفلة", ["De Aktive Unge أقاموا حفلة صيفية للحي كله"]),
    ("ar", "الحفله", ["De Aktive Unge أقاموا حفلة صيفية للحي كله"]),
    ("ar", "حَفْلَة صيفية", ["De Aktive Unge أقاموا حفلة صيفية للحي كله"]),
    ("ar", "مقهى الواجبات", ["مقهى الواجبات المدرسية يملأ الآن خمس طاولات"]),
    ("ar", "مقهي", ["مقهى الواجبات المدرسية يملأ الآن خمس طاولات"]),
    ("ar", "الواجبات المدرسية", ["ابدأ المساعدة في الواجبات المدرسية"]),
    ("ar", "عشاء", ["نظّم عشاءً مشتركاً"]),
    ("ar", "نظم عشاء مشترك", ["نظّم عشاءً مشتركاً"]),
    ("ar", "مكتب المتطوعين", ["مكتب المتطوعين"]),
    ("ar", "متطوع", ["مكتب المتطوعين"]),
    ("ar", "حساء", ["لقاء ثقافي: حساء من ستة بلدان"]),
    ("ar", "الثقافه", ["الثقافة وأوقات الفراغ"]),
    ("ar", "اوقات الفراغ", ["الثقافة وأوقات الفراغ"]),
    ("ar", "تواصل", ["تواصل معنا"]),
    ("ar", "النشرة الاخبارية", ["النشرة الإخبارية"]),
    ("ar", "احواض الزراعة", ["أحواض الزراعة المرتفعة تعطي أول محصول"]),
    ("ar", "مَحْصُول", ["أحواض الزراعة المرتفعة تعطي أول محصول"]),
    ("ar", "التعليم", ["التعليم والعمل والأعمال التجارية"]),
    ("ar", "Loppemarked", ["Loppemarked i fælleshaven"]),
    ("ar", "Sommerfest", ["Sommerfest i parken"]),
    # Turkish: inflections, typed without Turkish letters, dotted İ
    ("tr", "şenlik", ["De Aktive Unge tüm mahalle için yaz şenliği düzenledi"]),
    ("tr", "senlik", ["De Aktive Unge tüm mahalle için yaz şenliği düzenledi"]),
    ("tr", "yaz şenliği", ["De Aktive Unge tüm mahalle için yaz şenliği düzenledi"]),
    ("tr", "ödev", ["Ödev yardımı başlat"]),
    ("tr", "odev kafesi", ["Ödev kafesi artık beş masayı dolduruyor"]),
    ("tr", "çorba", ["Kültür buluşması: altı ülkeden çorba"]),
    ("tr", "corba", ["Kültür buluşması: altı ülkeden çorba"]),
    ("tr", "kultur", ["Kültür ve boş zaman"]),
    ("tr", "bahce", ["Yükseltilmiş bahçe yatakları ilk hasadını verdi"]),
    ("tr", "akşam yemeği", ["Ortak bir akşam yemeği düzenle"]),
    ("tr", "İLETİŞİM", ["İletişim"]),
    ("tr", "demokrasi", ["Sakin ağları, katılım ve demokrasi"]),
    ("tr", "egitim", ["Eğitim, istihdam ve iş hayatı"]),
    ("tr", "bülten", ["Bülten"]),
    ("tr", "mahalle hikayeleri", ["Mahalleden hikâyeler"]),
    ("tr", "Loppemarked", ["Loppemarked i fælleshaven"]),
    # Somali
    ("so", "xaafadda", ["Sheekooyin xaafadda"]),
    ("so", "sheekooyin", ["Sheekooyin xaafadda"]),
    ("so", "waxbarasho", ["Waxbarasho, shaqo iyo ganacsi"]),
    ("so", "shaqo", ["Waxbarasho, shaqo iyo ganacsi"]),
    ("so", "dhaqan", ["Dhaqan iyo waqti firaaqo"]),
    ("so", "warside", ["Warside"]),
    ("so", "xiriir", ["Nala soo xiriir"]),
    ("so", "dimuqradiyad", ["Shabakadaha dadka deggan, ka-qaybgal iyo dimuqraadiyad"]),
    ("so", "qorshaha", ["Qorshaha guud – Dadka oo diiradda la saaray"]),
    ("so", "fodbold", ["Fredagsfodbold for unge"]),
    # Urdu: Urdu and Arabic letter forms
    ("ur", "کہانیاں", ["محلے کی کہانیاں"]),
    ("ur", "کہانی", ["محلے کی کہانیاں"]),
    ("ur", "تعلیم", ["تعلیم، روزگار اور کاروبار"]),
    ("ur", "روزگار", ["تعلیم، روزگار اور کاروبار"]),
    ("ur", "ثقافت", ["ثقافت اور فارغ وقت"]),
    ("ur", "رابطه", ["رابطہ"]),
    ("ur", "جمهوريت", ["رہائشیوں کے نیٹ ورک، شمولیت اور جمہوریت"]),
    ("ur", "منصوبہ", ["جامع منصوبہ – لوگ توجہ کا مرکز"]),
    ("ur", "نیوز لیٹر", ["نیوز لیٹر"]),
    ("ur", "Kvindecafé", ["Kvindecafé"]),
]


def top_titles(query, language, count=10):
    """The titles of the first `count` results for `query` typed by a reader of `language`."""
    locale = Locale.objects.get(language_code=language)
    with translation.override(language):
        hits = site_search.search(query, locale).hits[:count]
    return [hit.title for hit in site_search.load(hits, locale)]


def recall(at=5, queries=QUERIES):
    """(found, wanted, misses) over the set: each expected title in the top `at` counts once."""
    found = wanted = 0
    misses = []
    for language, query, titles in queries:
        top = top_titles(query, language, at)
        for title in titles:
            wanted += 1
            if title in top:
                found += 1
            else:
                misses.append((language, query, title, top))
    return found, wanted, misses
