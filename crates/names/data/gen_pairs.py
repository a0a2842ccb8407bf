#!/usr/bin/env python3
"""Deterministic generator of the labelled name-pair set (pairs.tsv).

Usage: python3 gen_pairs.py [SEED] > pairs.tsv      (default seed 20240601)

Columns: a, b, same (1/0), category. Pairs are built from small hand-made
lists of Ukrainian/Russian/Belarusian name forms and places (below), written
with an independent re-implementation of the romanisation schemes (not the
Rust crate's tables), plus hand-written hard cases at the end. Categories
starting with "neg_" are different people/places (same = 0).

Honesty notes: the name lists overlap with the crate's given-name and place
tables (they come from the same public knowledge), so the set measures
spelling robustness more than coverage; the villages in VILLAGES and some
given names are deliberately absent from the crate's tables.
"""
import random
import sys

SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 20240601
rng = random.Random(SEED)

VOW = set("аеёиіїоуыэюяєАЕЁИІЇОУЫЭЮЯЄ")

def _tr(text, table, iot_table=None, iot_rule="start"):
    out = []
    prev = None
    for ch in text:
        low = ch.lower()
        if low not in table:
            if ch in "'’ʼ":
                prev = "'"
                continue
            out.append(ch)
            prev = None if not ch.isalpha() else low
            continue
        start = prev is None
        iot = start if iot_rule == "start" else (start or prev in VOW or prev in ("й", "ь", "ъ", "ў", "'"))
        val = iot_table[low] if (iot_table and low in iot_table and iot) else table[low]
        if ch.isupper() and val:
            val = val[0].upper() + val[1:]
        out.append(val)
        prev = low
    return "".join(out)

BASE = dict(а="a", б="b", в="v", д="d", е="e", ж="zh", з="z", к="k", л="l", м="m", н="n", о="o",
            п="p", р="r", с="s", т="t", у="u", ф="f", х="kh", ц="ts", ч="ch", ш="sh", щ="shch",
            ь="", ъ="", ґ="g")
UK = dict(BASE, г="h", и="y", і="i", ї="i", й="i", є="ie", ю="iu", я="ia", ё="io", ы="y", э="e", ў="u")
UK_IOT = dict(є="ye", ї="yi", й="y", ю="yu", я="ya")
RU_BGN = dict(BASE, г="g", и="i", і="i", ї="yi", й="y", е="e", ё="ë", ы="y", э="e", ю="yu", я="ya", є="ye", ь="'", ў="w")
RU_BGN_IOT = dict(е="ye", ё="yë")
RU_PASS = dict(BASE, г="g", и="i", і="i", ї="i", й="i", е="e", ё="e", ы="y", э="e", ю="iu", я="ia", є="ie", ъ="ie", ў="u")
ISO9 = dict(а="a", б="b", в="v", г="g", ґ="g", д="d", е="e", ё="ë", ж="ž", з="z", и="i", і="ì", ї="ï", й="j",
            к="k", л="l", м="m", н="n", о="o", п="p", р="r", с="s", т="t", у="u", ф="f", х="h", ц="c",
            ч="č", ш="š", щ="ŝ", ъ="ʺ", ы="y", ь="ʹ", э="è", ю="û", я="â", є="ê", ў="ŭ")
BE_BGN = dict(BASE, г="h", і="i", и="i", й="y", е="ie", ё="io", ы="y", э="e", ю="iu", я="ia", ў="w", ь="'")
BE_BGN_IOT = dict(е="ye", ё="yo", ю="yu", я="ya")
DE = dict(а="a", б="b", в="w", г="g", ґ="g", д="d", е="e", ё="jo", ж="sh", з="s", и="i", і="i", ї="ji", й="j",
          к="k", л="l", м="m", н="n", о="o", п="p", р="r", с="s", т="t", у="u", ф="f", х="ch", ц="z",
          ч="tsch", ш="sch", щ="schtsch", ъ="", ы="y", ь="", э="e", ю="ju", я="ja", є="je", ў="u")
FR = dict(а="a", б="b", в="v", г="g", ґ="g", д="d", е="e", ё="io", ж="j", з="z", и="i", і="i", ї="ï", й="ï",
          к="k", л="l", м="m", н="n", о="o", п="p", р="r", с="s", т="t", у="ou", ф="f", х="kh", ц="ts",
          ч="tch", ш="ch", щ="chtch", ъ="", ы="y", ь="", э="e", ю="iou", я="ia", є="ie", ў="ou")

def uk(t): return _tr(t, UK, UK_IOT, "start")
def ru_bgn(t): return _tr(t, RU_BGN, RU_BGN_IOT, "iot")
def ru_pass(t): return _tr(t, RU_PASS)
def iso9(t): return _tr(t, ISO9)
def be_bgn(t): return _tr(t, BE_BGN, BE_BGN_IOT, "iot")
def de(t): return _tr(t, DE)
def fr(t): return _tr(t, FR)

LATIN_UK = [uk, iso9, de, fr]
LATIN_RU = [ru_bgn, ru_pass, iso9, de, fr]

# (uk, ru, be, sex, diminutives (Cyrillic, uk/ru), informal Latin forms)
GIVEN = [
    ("Олександр", "Александр", "Аляксандр", "m", ["Саша", "Сашко"], ["Alexander", "Aleksander"]),
    ("Олексій", "Алексей", "Аляксей", "m", ["Льоша", "Алёша"], ["Alexei", "Alexey"]),
    ("Микола", "Николай", "Мікалай", "m", ["Коля"], ["Nicholas", "Nikolai"]),
    ("Андрій", "Андрей", "Андрэй", "m", ["Андрійко"], ["Andrew", "Andrei"]),
    ("Павло", "Павел", "Павал", "m", ["Паша"], ["Paul", "Pavel"]),
    ("Дмитро", "Дмитрий", "Дзмітрый", "m", ["Діма", "Дима"], ["Dmitri", "Dimitri"]),
    ("Юрій", "Юрий", "Юрый", "m", ["Юра"], ["Yuri", "Jurij"]),
    ("Іван", "Иван", "Іван", "m", ["Ваня"], ["Iwan", "Ivan"]),
    ("Сергій", "Сергей", "Сяргей", "m", ["Серёжа"], ["Sergei", "Serge"]),
    ("Віктор", "Виктор", "Віктар", "m", ["Вітя"], ["Victor"]),
    ("Володимир", "Владимир", "Уладзімір", "m", ["Вова", "Володя"], ["Vladimir", "Wladimir"]),
    ("Василь", "Василий", "Васіль", "m", ["Вася"], ["Vasily"]),
    ("Петро", "Пётр", "Пятро", "m", ["Петя"], ["Peter", "Pyotr"]),
    ("Михайло", "Михаил", "Міхаіл", "m", ["Миша"], ["Michael", "Mikhail"]),
    ("Євген", "Евгений", "Яўген", "m", ["Женя"], ["Eugene", "Evgeny"]),
    ("Богдан", "Богдан", "Багдан", "m", ["Бодя"], ["Bogdan"]),
    ("Максим", "Максим", "Максім", "m", ["Макс"], ["Maxim"]),
    ("Артем", "Артём", "Арцём", "m", ["Тёма"], ["Artyom"]),
    ("Денис", "Денис", "Дзяніс", "m", ["Дениска"], ["Denis"]),
    ("Кирило", "Кирилл", "Кірыл", "m", ["Кирюша"], ["Kirill", "Cyril"]),
    ("Ілля", "Илья", "Ілья", "m", ["Илюша"], ["Ilya", "Ilja"]),
    ("Данило", "Даниил", "Даніла", "m", ["Даня"], ["Daniel", "Daniil"]),
    ("Тимофій", "Тимофей", "Цімафей", "m", ["Тима"], ["Timofey"]),
    ("Ярослав", "Ярослав", "Яраслаў", "m", ["Ярик"], ["Jaroslav"]),
    ("Григорій", "Григорий", "Рыгор", "m", ["Гриша"], ["Grigory"]),
    ("Назар", "Назар", "Назар", "m", ["Назарко"], ["Nazar"]),
    ("Марія", "Мария", "Марыя", "f", ["Маша", "Марійка"], ["Maria", "Marie"]),
    ("Ганна", "Анна", "Ганна", "f", ["Аня"], ["Anna", "Hanna"]),
    ("Катерина", "Екатерина", "Кацярына", "f", ["Катя"], ["Katerina", "Catherine"]),
    ("Олена", "Елена", "Алена", "f", ["Лена"], ["Elena", "Helena"]),
    ("Наталія", "Наталья", "Натallя".replace("allя", "альля"), "f", ["Наташа"], ["Natalia", "Natalie"]),
    ("Ірина", "Ирина", "Ірына", "f", ["Іра"], ["Irina"]),
    ("Тетяна", "Татьяна", "Таццяна", "f", ["Таня"], ["Tatiana", "Tatjana"]),
    ("Світлана", "Светлана", "Святлана", "f", ["Світланка"], ["Svetlana"]),
    ("Юлія", "Юлия", "Юлія", "f", ["Юля"], ["Julia", "Yulia"]),
    ("Анастасія", "Анастасия", "Анастасія", "f", ["Настя"], ["Anastasia"]),
    ("Дарія", "Дарья", "Дар'я", "f", ["Даша"], ["Daria", "Darya"]),
    ("Софія", "София", "Сафія", "f", ["Соня"], ["Sofia", "Sophia"]),
    ("Вікторія", "Виктория", "Вікторыя", "f", ["Віка"], ["Victoria"]),
    ("Олександра", "Александра", "Аляксандра", "f", ["Саша"], ["Alexandra"]),
    ("Поліна", "Полина", "Паліна", "f", ["Поля"], ["Polina"]),
    ("Ксенія", "Ксения", "Ксенія", "f", ["Ксюша"], ["Xenia", "Ksenia"]),
    ("Єлизавета", "Елизавета", "Елізавета", "f", ["Ліза"], ["Elizaveta", "Elisabeth"]),
    ("Валерія", "Валерия", "Валерыя", "f", ["Лера"], ["Valeria"]),
    ("Мілана", "Милана", "Мілана", "f", [], ["Milana"]),
    ("Злата", "Злата", "Злата", "f", [], ["Zlata"]),
]

# Similar-looking but different given names (uk forms), same sex or not.
GIVEN_NEG = [("Олександр", "Олексій"), ("Олександр", "Олександра"), ("Іван", "Іванна"), ("Микола", "Микита"),
             ("Андрій", "Анатолій"), ("Дмитро", "Денис"), ("Марія", "Мар'яна"), ("Олена", "Ольга"),
             ("Ірина", "Інна"), ("Віктор", "Вікторія"), ("Василь", "Віталій"), ("Павло", "Петро"),
             ("Сергій", "Семен"), ("Тетяна", "Таїсія"), ("Дарія", "Дарина"), ("Юлія", "Уляна"),
             ("Валентин", "Валерій"), ("Катерина", "Карина"), ("Богдан", "Богдана"), ("Ярослав", "Ярослава"),
             ("Євген", "Євгенія"), ("Юрій", "Яків"), ("Максим", "Марко"), ("Кирило", "Костянтин"),
             ("Алла", "Аліна"), ("Поліна", "Паулина"), ("Ганна", "Галина"), ("Софія", "Соломія"),
             ("Михайло", "Мирослав"), ("Роман", "Ростислав"), ("Артем", "Артур"), ("Данило", "Давид")]

# Surnames: (uk, ru, be-or-None, feminine uk, feminine ru) -- None means unisex.
SURN = [
    ("Коваленко", "Коваленко", "Каваленка", None, None),
    ("Шевченко", "Шевченко", "Шаўчэнка", None, None),
    ("Бондаренко", "Бондаренко", "Бандарэнка", None, None),
    ("Ткаченко", "Ткаченко", "Ткачэнка", None, None),
    ("Кравченко", "Кравченко", "Краўчэнка", None, None),
    ("Ковальчук", "Ковальчук", None, None, None),
    ("Мельник", "Мельник", None, None, None),
    ("Бойко", "Бойко", "Бойка", None, None),
    ("Іванов", "Иванов", None, "Іванова", "Иванова"),
    ("Петров", "Петров", None, "Петрова", "Петрова"),
    ("Сидоренко", "Сидоренко", None, None, None),
    ("Литвиненко", "Литвиненко", None, None, None),
    ("Савченко", "Савченко", None, None, None),
    ("Руденко", "Руденко", None, None, None),
    ("Марченко", "Марченко", None, None, None),
    ("Поліщук", "Полищук", None, None, None),
    ("Олійник", "Олейник", None, None, None),
    ("Гончаренко", "Гончаренко", None, None, None),
    ("Ковальський", "Ковальский", None, "Ковальська", "Ковальская"),
    ("Лисенко", "Лысенко", None, None, None),
    ("Павленко", "Павленко", None, None, None),
    ("Шевчук", "Шевчук", None, None, None),
    ("Романенко", "Романенко", None, None, None),
    ("Мороз", "Мороз", None, None, None),
    ("Кузьменко", "Кузьменко", None, None, None),
    ("Левченко", "Левченко", None, None, None),
    ("Остапенко", "Остапенко", None, None, None),
    ("Захарченко", "Захарченко", None, None, None),
    ("Яковенко", "Яковенко", None, None, None),
    ("Приходько", "Приходько", None, None, None),
    ("Соколов", "Соколов", None, "Соколова", "Соколова"),
    ("Зайцев", "Зайцев", None, "Зайцева", "Зайцева"),
    ("Гребенюк", "Гребенюк", None, None, None),
    ("Дорошенко", "Дорошенко", None, None, None),
    ("Пономаренко", "Пономаренко", None, None, None),
    ("Білоус", "Белоус", None, None, None),
    ("Ющенко", "Ющенко", None, None, None),
    ("Щербак", "Щербак", None, None, None),
]

SURN_NEG = [("Коваленко", "Ковальчук"), ("Шевченко", "Шевчук"), ("Бондаренко", "Бондар"), ("Ткаченко", "Ткачук"),
            ("Кравченко", "Кравчук"), ("Мельник", "Мельничук"), ("Іваненко", "Іванов"), ("Петренко", "Петрук"),
            ("Савченко", "Савчук"), ("Лисенко", "Литвиненко"), ("Марченко", "Мартиненко"), ("Романенко", "Романюк"),
            ("Кузьменко", "Кузьмін"), ("Павленко", "Павлюк"), ("Мороз", "Морозов"), ("Гончаренко", "Гончар"),
            ("Олійник", "Олешко"), ("Руденко", "Рудь"), ("Левченко", "Левчук"), ("Остапенко", "Остапчук"),
            ("Сидоренко", "Сидорук"), ("Бойко", "Бойченко"), ("Захарченко", "Захарчук"), ("Яковенко", "Яковлев"),
            ("Приходько", "Прохоренко"), ("Дорошенко", "Дорош"), ("Пономаренко", "Пономарьов"), ("Ющенко", "Ющук"),
            ("Коваль", "Ковальов"), ("Гребенюк", "Гребенщиков")]

PATR = {"Олександр": ("Олександрович", "Александрович", "Олександрівна", "Александровна"),
        "Іван": ("Іванович", "Иванович", "Іванівна", "Ивановна"),
        "Петро": ("Петрович", "Петрович", "Петрівна", "Петровна"),
        "Сергій": ("Сергійович", "Сергеевич", "Сергіївна", "Сергеевна"),
        "Микола": ("Миколайович", "Николаевич", "Миколаївна", "Николаевна"),
        "Андрій": ("Андрійович", "Андреевич", "Андріївна", "Андреевна"),
        "Василь": ("Васильович", "Васильевич", "Василівна", "Васильевна"),
        "Юрій": ("Юрійович", "Юрьевич", "Юріївна", "Юрьевна")}

PLACES = [  # (uk, ru, Latin forms)
    ("Київ", "Киев", ["Kyiv", "Kiev"]), ("Харків", "Харьков", ["Kharkiv", "Kharkov"]),
    ("Луганськ", "Луганск", ["Luhansk", "Lugansk"]), ("Донецьк", "Донецк", ["Donetsk"]),
    ("Маріуполь", "Мариуполь", ["Mariupol"]), ("Мелітополь", "Мелитополь", ["Melitopol"]),
    ("Херсон", "Херсон", ["Kherson"]), ("Запоріжжя", "Запорожье", ["Zaporizhzhia", "Zaporozhye"]),
    ("Миколаїв", "Николаев", ["Mykolaiv", "Nikolaev"]), ("Одеса", "Одесса", ["Odesa", "Odessa"]),
    ("Бердянськ", "Бердянск", ["Berdiansk", "Berdyansk"]), ("Луцьк", "Луцк", ["Lutsk"]),
    ("Каховка", "Каховка", ["Kakhovka"]), ("Нова Каховка", "Новая Каховка", ["Nova Kakhovka"]),
    ("Лисичанськ", "Лисичанск", ["Lysychansk"]), ("Сєвєродонецьк", "Северодонецк", ["Sievierodonetsk", "Severodonetsk"]),
    ("Ізюм", "Изюм", ["Izium", "Izyum"]), ("Бахмут", "Бахмут", ["Bakhmut"]), ("Чернігів", "Чернигов", ["Chernihiv", "Chernigov"]),
    ("Севастополь", "Севастополь", ["Sevastopol"]), ("Сімферополь", "Симферополь", ["Simferopol"]),
    ("Енергодар", "Энергодар", ["Enerhodar", "Energodar"]), ("Генічеськ", "Геническ", ["Henichesk", "Genichesk"]),
    ("Скадовськ", "Скадовск", ["Skadovsk"]), ("Ірпінь", "Ирпень", ["Irpin", "Irpen"]), ("Буча", "Буча", ["Bucha"]),
]
VILLAGES = [  # deliberately not in the crate's place table
    ("Каланчак", "Каланчак"), ("Чаплинка", "Чаплинка"), ("Білозерка", "Белозерка"), ("Берислав", "Берислав"),
    ("Снігурівка", "Снигирёвка"), ("Новотроїцьке", "Новотроицкое"), ("Велика Олександрівка", "Великая Александровка"),
    ("Високопілля", "Высокополье"), ("Нижні Сірогози", "Нижние Серогозы"), ("Василівка", "Васильевка"),
    ("Михайлівка", "Михайловка"), ("Іванівка", "Ивановка"), ("Велика Новосілка", "Великая Новоселка"),
    ("Стара Збур'ївка", "Старая Збурьевка"), ("Нова Маячка", "Новая Маячка"), ("Старобільськ", "Старобельск"),
]
PLACE_NEG = [("Луганськ", "Луцьк"), ("Маріуполь", "Мелітополь"), ("Севастополь", "Сімферополь"), ("Херсон", "Харків"),
             ("Ірпінь", "Ізюм"), ("Буча", "Бучач"), ("Бердянськ", "Бердичів"), ("Каховка", "Каланчак"),
             ("Олешки", "Олевськ"), ("Горлівка", "Глухів"), ("Донецьк", "Дніпро"), ("Лисичанськ", "Луганськ"),
             ("Сєвєродонецьк", "Донецьк"), ("Миколаїв", "Миколаївка"), ("Іванівка", "Івано-Франківськ"),
             ("Михайлівка", "Михайлівське"), ("Василівка", "Васильків"), ("Берислав", "Бориспіль"),
             ("Чаплинка", "Чаплине"), ("Скадовськ", "Слов'янськ"), ("Генічеськ", "Гнівань"), ("Білозерка", "Білгород-Дністровський")]
SHARED_WORD_NEG = [("Нова Каховка", "Каховка"), ("Велика Олександрівка", "Олександрівка"), ("Велика Новосілка", "Мала Новосілка"),
                   ("Стара Збур'ївка", "Нова Збур'ївка"), ("Нижні Сірогози", "Верхні Сірогози"), ("Нова Маячка", "Маячка"),
                   ("Івано-Франківськ", "Франківськ"), ("Луганська область", "Луганськ"), ("Донецька область", "Донецьк"),
                   ("Херсонська область", "Херсон"), ("Нова Одеса", "Одеса"), ("Новий Буг", "Буг"),
                   ("Велика Білозерка", "Білозерка"), ("Стара Маячка", "Нова Маячка"), ("Нові Санжари", "Санжари"),
                   ("Великі Копані", "Малі Копані")]

rows = []

def add(a, b, same, cat):
    if a != b:
        rows.append((a, b, same, cat))

def pick(xs):
    return xs[rng.randrange(len(xs))]

def typo(s):
    """One random edit inside the word (never the first letter)."""
    if len(s) < 5:
        return s
    i = rng.randrange(1, len(s) - 1)
    op = rng.randrange(4)
    letters = "aeiouklmnrstv"
    if op == 0:
        return s[:i] + s[i + 1:]
    if op == 1:
        return s[:i] + pick(letters) + s[i + 1:]
    if op == 2 and i < len(s) - 1:
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    return s[:i] + pick(letters) + s[i:]

def person(gi, si, lang, fem=None):
    g = GIVEN[gi]
    s = SURN[si]
    female = g[3] == "f"
    if lang == "uk":
        sur = s[3] if female and s[3] else s[0]
        return g[0], sur
    if lang == "ru":
        sur = s[4] if female and s[4] else s[1]
        return g[1], sur
    sur = s[2] or (s[4] if female and s[4] else s[1])
    return g[2], sur

def full(g, s, order="gs"):
    return f"{g} {s}" if order == "gs" else f"{s} {g}"

# --- positives -------------------------------------------------------------
for _ in range(60):
    gi, si = rng.randrange(len(GIVEN)), rng.randrange(len(SURN))
    g, s = person(gi, si, "uk")
    f = pick(LATIN_UK)
    add(full(g, s), full(f(g), f(s)), 1, "pos_translit_uk")
for _ in range(40):
    gi, si = rng.randrange(len(GIVEN)), rng.randrange(len(SURN))
    g, s = person(gi, si, "ru")
    f1, f2 = rng.sample(LATIN_RU, 2)
    add(full(f1(g), f1(s)), full(f2(g), f2(s)), 1, "pos_scheme_vs_scheme")
for _ in range(60):
    gi, si = rng.randrange(len(GIVEN)), rng.randrange(len(SURN))
    gu, su = person(gi, si, "uk")
    gr, sr = person(gi, si, "ru")
    if rng.random() < 0.5:
        add(full(gu, su), full(gr, sr), 1, "pos_uk_ru_cyrillic")
    else:
        add(full(gu, su), full(pick(LATIN_RU)(gr), pick(LATIN_RU)(sr)), 1, "pos_uk_cyr_ru_latin")
for _ in range(30):
    gi, si = rng.randrange(len(GIVEN)), rng.randrange(len(SURN))
    gu, su = person(gi, si, "uk")
    gr, sr = person(gi, si, "ru")
    inf = pick(GIVEN[gi][5])
    add(full(gu, su), full(inf, pick([uk, ru_bgn, de, fr])(sr)), 1, "pos_informal")
for _ in range(40):
    gi, si = rng.randrange(len(GIVEN)), rng.randrange(len(SURN))
    lang = pick(["uk", "ru"])
    g, s = person(gi, si, lang)
    other = pick(["same", "latin"])
    b_g, b_s = (g, s) if other == "same" else (uk(g), uk(s)) if lang == "uk" else (ru_bgn(g), ru_bgn(s))
    sep = pick([" ", ", "])
    add(full(g, s), f"{b_s}{sep}{b_g}", 1, "pos_reordered")
for _ in range(35):
    gi, si = rng.randrange(len(GIVEN)), rng.randrange(len(SURN))
    lang = pick(["uk", "ru"])
    g, s = person(gi, si, lang)
    lat = uk if lang == "uk" else ru_bgn
    style = rng.randrange(3)
    if style == 0:
        add(f"{g[0]}. {s}", full(lat(g), lat(s)), 1, "pos_initial")
    elif style == 1:
        add(f"{lat(g)[0]}. {lat(s)}", full(g, s), 1, "pos_initial")
    else:
        add(f"{s} {g[0]}.", full(g, s), 1, "pos_initial")
for _ in range(35):
    gi = rng.randrange(len(GIVEN))
    si = rng.randrange(len(SURN))
    father = pick(list(PATR))
    g, s = person(gi, si, "uk")
    gr, sr = person(gi, si, "ru")
    fem = GIVEN[gi][3] == "f"
    pu = PATR[father][2] if fem else PATR[father][0]
    pr = PATR[father][3] if fem else PATR[father][1]
    style = rng.randrange(3)
    if style == 0:
        add(f"{s} {g} {pu}", full(uk(g), uk(s)), 1, "pos_patronymic")
    elif style == 1:
        add(f"{s} {g} {pu}", f"{sr} {gr} {pr}", 1, "pos_patronymic")
    else:
        add(f"{g} {pu} {s}", f"{ru_pass(gr)} {ru_pass(pr)} {ru_pass(sr)}", 1, "pos_patronymic")
for _ in range(40):
    gi = rng.randrange(len(GIVEN))
    if not GIVEN[gi][4]:
        continue
    si = rng.randrange(len(SURN))
    g, s = person(gi, si, "uk")
    dim = pick(GIVEN[gi][4])
    lat = pick([uk, ru_bgn])
    if rng.random() < 0.5:
        add(full(dim, s), full(g, s), 1, "pos_diminutive")
    else:
        add(full(lat(dim), lat(s)), full(g, s), 1, "pos_diminutive")
for _ in range(50):
    gi, si = rng.randrange(len(GIVEN)), rng.randrange(len(SURN))
    g, s = person(gi, si, pick(["uk", "ru"]))
    lat = pick([uk, ru_bgn, ru_pass])
    lg, ls = lat(g), lat(s)
    if rng.random() < 0.7:
        ls2 = typo(ls)
        add(full(g, s), full(lg, ls2), 1, "pos_typo")
    else:
        add(full(g, s), full(typo(lg), ls), 1, "pos_typo")
for _ in range(20):
    gi, si = rng.randrange(len(GIVEN)), rng.randrange(len(SURN))
    g, s = person(gi, si, "uk")
    add(full(g, s).upper(), full(uk(g), uk(s)), 1, "pos_case")

# --- negatives -------------------------------------------------------------
for _ in range(70):
    a, b = pick(GIVEN_NEG)
    s = pick(SURN)
    sur = s[0]
    fem_a = a.endswith("а") or a.endswith("я")
    fem_b = b.endswith("а") or b.endswith("я")
    sa = (s[3] if fem_a and s[3] else sur)
    sb = (s[3] if fem_b and s[3] else sur)
    style = rng.randrange(3)
    if style == 0:
        add(full(a, sa), full(b, sb), 0, "neg_same_surname_diff_given")
    elif style == 1:
        add(full(uk(a), uk(sa)), full(b, sb), 0, "neg_same_surname_diff_given")
    else:
        add(full(a, sa), full(uk(b), uk(sb)), 0, "neg_same_surname_diff_given")
for _ in range(70):
    a, b = pick(SURN_NEG)
    g = pick(GIVEN)
    style = rng.randrange(3)
    if style == 0:
        add(full(g[0], a), full(g[0], b), 0, "neg_similar_surname")
    elif style == 1:
        add(full(g[0], a), full(uk(g[0]), uk(b)), 0, "neg_similar_surname")
    else:
        add(full(ru_bgn(g[1]), ru_bgn(a)), full(g[1], b), 0, "neg_similar_surname")
for _ in range(25):
    gi, si = rng.randrange(len(GIVEN)), rng.randrange(len(SURN))
    g, s = person(gi, si, "uk")
    wrong = pick([x for x in "АБВГДКЛМНПРСТ" if x != g[0]])
    add(f"{wrong}. {s}", full(g, s), 0, "neg_initial")
for _ in range(25):
    gi, si = rng.randrange(len(GIVEN)), rng.randrange(len(SURN))
    g, s = person(gi, si, "uk")
    f1, f2 = rng.sample(list(PATR), 2)
    fem = GIVEN[gi][3] == "f"
    p1 = PATR[f1][2 if fem else 0]
    p2 = PATR[f2][3 if fem else 1]
    gr, sr = person(gi, si, "ru")
    add(f"{s} {g} {p1}", f"{sr} {gr} {p2}", 0, "neg_diff_patronymic")
for s in SURN:
    if s[3]:
        add(s[0], s[3], 0, "neg_gender")
        add(uk(s[1]), s[4], 0, "neg_gender")
        g = pick([x for x in GIVEN if x[3] == "m"])
        add(full(g[0], s[0]), full(uk(g[0]), uk(s[3])), 0, "neg_gender")
for _ in range(40):
    g1, s1 = person(rng.randrange(len(GIVEN)), rng.randrange(len(SURN)), "uk")
    g2, s2 = person(rng.randrange(len(GIVEN)), rng.randrange(len(SURN)), "ru")
    if s1 != s2 and uk(s1) != ru_bgn(s2):
        add(full(g1, s1), full(ru_bgn(g2), ru_bgn(s2)), 0, "neg_random_person")

# --- places ----------------------------------------------------------------
for u, r, lats in PLACES:
    add(u, r, 1, "pos_place")
    add(u, pick(lats), 1, "pos_place")
    add(r, pick([ru_bgn, ru_pass, de])(r), 1, "pos_place")
for u, r in VILLAGES:
    add(u, r, 1, "pos_place_village")
    add(u, uk(u), 1, "pos_place_village")
    add(uk(u), ru_bgn(r), 1, "pos_place_village")
for a, b in PLACE_NEG:
    add(a, b, 0, "neg_place_similar")
    add(uk(a), uk(b), 0, "neg_place_similar")
for a, b in SHARED_WORD_NEG:
    add(a, b, 0, "neg_place_shared_word")
    add(uk(a), uk(b), 0, "neg_place_shared_word")

# --- hand-written hard cases -----------------------------------------------
HAND = """\
Alexander Lukashenko\tАляксандр Лукашэнка\t1\thand_public
Lukashenko Alexander\tAlexander Lukashenko\t1\thand_public
A. Lukashenko\tАлександр Григорьевич Лукашенко\t1\thand_public
Alexander Lukashenko\tAlexei Talai\t0\thand_public
Pavel Latushko\tПавел Латушка\t1\thand_public
Sviatlana Tsikhanouskaya\tСветлана Тихановская\t1\thand_public
Svetlana Tikhanovskaya\tСвятлана Ціханоўская\t1\thand_public
Maria Lvova-Belova\tМария Алексеевна Львова-Белова\t1\thand_public
Maria Lvova-Belova\tMaria Lvova Belova\t1\thand_public
Мария Львова-Белова\tMaria Belova\t1\thand_public
Maria Lvova-Belova\tMaria Lvova\t1\thand_public
Maria Lvova-Belova\tMarina Lvova-Belova\t0\thand_public
Volodymyr Zelenskyy\tВладимир Зеленский\t1\thand_public
Wolodymyr Selenskyj\tВолодимир Зеленський\t1\thand_public
Volodymyr Zelensky\tVolodymyr Zelenko\t0\thand_public
Taras Shevchenko\tTaras Schewtschenko\t1\thand_informal
Тарас Шевченко\tTaras Chevtchenko\t1\thand_informal
Тарас Шевченко\tTaras Shevchuk\t0\thand_informal
Oleksandr\tOleksii\t0\thand_given
Mariia\tMaria\t1\thand_given
Sasha\tOleksandra\t1\thand_given
Sasha\tOleksandr\t1\thand_given
Kolya Kovalenko\tМикола Коваленко\t1\thand_given
Oleksa Dovbush\tОлександр Довбуш\t1\thand_given
Ivanov\tIvanova\t0\thand_gender
Ivanov\tИванов\t1\thand_gender
Kovalska\tКовальская\t1\thand_gender
Kovalskyi\tKovalsky\t1\thand_gender
Oleksandra Kovalska\tАлександра Ковальская\t1\thand_gender
Kovalenko\tKovalchuk\t0\thand_surname
Luhansk\tLutsk\t0\thand_place
Луганськ\tЛуцк\t0\thand_place
Nova Kakhovka\tKakhovka\t0\thand_place
Нова Каховка\tНовая Каховка\t1\thand_place
Kyiv\tKiev\t1\thand_place
Lviv\tLemberg\t1\thand_place
м. Херсон\tKherson\t1\thand_place
Херсонська область\tKherson oblast\t1\thand_place
Kherson oblast\tKherson\t0\thand_place
Мар'яна Петренко\tМарʼяна Петренко\t1\thand_apostrophe
Марʼяна Петренко\tMaryana Petrenko\t1\thand_apostrophe
Дар'я Ковальчук\tDarya Kovalchuk\t1\thand_apostrophe
Юрій Олександрович Бойко\tYurii Boiko\t1\thand_patronymic
Юрій Олександрович Бойко\tЮрій Петрович Бойко\t0\thand_patronymic
Viktor Yanukovych\tВиктор Федорович Янукович\t1\thand_patronymic
"""
for line in HAND.strip().splitlines():
    a, b, same, cat = line.split("\t")
    rows.append((a, b, int(same), cat))

seen = set()
print("a\tb\tsame\tcategory")
for a, b, same, cat in rows:
    key = (a, b)
    if key in seen:
        continue
    seen.add(key)
    print(f"{a}\t{b}\t{same}\t{cat}")
