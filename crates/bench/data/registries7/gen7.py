#!/usr/bin/env python3
"""registries7: a seventh, independent generator of child registries (sealed).

python3 gen7.py --children N --seed S --out DIR [--mode cross|latin]

cross: four lists kept by different bodies (Ukrainian tracing hotline,
Russian regional social-protection department, Belarusian health-camp
sanatorium, an international NGO's Latin caseload); latin: one merged Latin
tracing list for deduplication. Always writes truth.csv
(file,record_id,child_id). Standard library only; deterministic by --seed.
"""
import argparse
import collections
import csv
import datetime as dt
import io
import os
import random
import sys

D = dt.date

# ---------------------------------------------------------------- pools
# (ua, ru, ua diminutive, ru diminutive, western or "", weight)
BOYS = [
    ("Максим", "Максим", "Максимко", "Макс", "", 9), ("Артем", "Артём", "Тема", "Тёма", "", 8),
    ("Олександр", "Александр", "Сашко", "Саша", "Alexander", 9), ("Дмитро", "Дмитрий", "Діма", "Дима", "Dmitry", 7),
    ("Іван", "Иван", "Івась", "Ваня", "", 6), ("Михайло", "Михаил", "Мишко", "Миша", "Michael", 5),
    ("Матвій", "Матвей", "Матвійко", "Матвейка", "Matthew", 5), ("Назар", "Назар", "Назарчик", "Назарка", "", 4),
    ("Богдан", "Богдан", "Богданчик", "Богдаша", "", 3), ("Денис", "Денис", "Дениско", "Дениска", "Dennis", 4),
    ("Андрій", "Андрей", "Андрійко", "Андрюша", "Andrew", 5), ("Кирило", "Кирилл", "Кирюша", "Кирюша", "Cyril", 5),
    ("Владислав", "Владислав", "Влад", "Влад", "", 4), ("Євген", "Евгений", "Женя", "Женя", "Eugene", 3),
    ("Ярослав", "Ярослав", "Ярчик", "Слава", "", 2), ("Тимофій", "Тимофей", "Тимко", "Тима", "Timothy", 3),
    ("Даниїл", "Даниил", "Даня", "Даня", "Daniel", 3), ("Ілля", "Илья", "Ілько", "Илюша", "Elijah", 4),
    ("Микола", "Николай", "Миколка", "Коля", "Nicholas", 3), ("Сергій", "Сергей", "Сергійко", "Серёжа", "", 3),
    ("Єгор", "Егор", "Єгорко", "Егорка", "", 4), ("Роман", "Роман", "Ромчик", "Рома", "", 3),
    ("Вадим", "Вадим", "Вадик", "Вадик", "", 2), ("Олексій", "Алексей", "Льоша", "Лёша", "Alexis", 3),
    ("Георгій", "Георгий", "Жора", "Гоша", "George", 1.5), ("Юрій", "Юрий", "Юрко", "Юра", "", 2),
    ("Віктор", "Виктор", "Вітя", "Витя", "Victor", 2), ("Святослав", "Святослав", "Свят", "Слава", "", 1.5),
    ("Платон", "Платон", "Платоша", "Платоша", "", 1), ("Марк", "Марк", "Марко", "Марик", "Mark", 2),
]
GIRLS = [
    ("Анастасія", "Анастасия", "Настя", "Настя", "Anastasia", 8), ("Софія", "София", "Софійка", "Соня", "Sophia", 9),
    ("Вікторія", "Виктория", "Віка", "Вика", "Victoria", 6), ("Дар'я", "Дарья", "Даша", "Даша", "", 6),
    ("Анна", "Анна", "Аня", "Аня", "Anna", 5), ("Ганна", "Анна", "Ганнуся", "Аня", "Hanna", 1.5),
    ("Марія", "Мария", "Марійка", "Маша", "Maria", 6), ("Поліна", "Полина", "Поля", "Поля", "Pauline", 5),
    ("Єлизавета", "Елизавета", "Ліза", "Лиза", "Elizabeth", 5), ("Катерина", "Екатерина", "Катя", "Катя", "Catherine", 4),
    ("Олександра", "Александра", "Саша", "Саша", "Alexandra", 3), ("Аліна", "Алина", "Алінка", "Алинка", "", 3),
    ("Діана", "Диана", "Діанка", "Дианка", "Diana", 3), ("Валерія", "Валерия", "Лєра", "Лера", "Valeria", 3),
    ("Ксенія", "Ксения", "Ксюша", "Ксюша", "Xenia", 3), ("Вероніка", "Вероника", "Ніка", "Ника", "Veronica", 3),
    ("Юлія", "Юлия", "Юля", "Юля", "Julia", 3), ("Злата", "Злата", "Златка", "Златка", "", 2),
    ("Мілана", "Милана", "Міла", "Мила", "", 2), ("Ангеліна", "Ангелина", "Геля", "Геля", "Angelina", 2),
    ("Уляна", "Ульяна", "Уля", "Уля", "Juliana", 2), ("Христина", "Кристина", "Христя", "Кристя", "Christina", 2),
    ("Олена", "Елена", "Оленка", "Лена", "Helen", 2), ("Ірина", "Ирина", "Іринка", "Ира", "Irene", 2),
    ("Таїсія", "Таисия", "Тая", "Тася", "", 1), ("Есенія", "Есения", "Єся", "Еся", "", 1),
    ("Варвара", "Варвара", "Варя", "Варя", "Barbara", 2), ("Євгенія", "Евгения", "Женя", "Женя", "Eugenia", 1.5),
    ("Карина", "Карина", "Каринка", "Карина", "", 2), ("Мирослава", "Мирослава", "Мирося", "Мира", "", 1.5),
]
# surname (Ukrainian, explicit Russian or None for the clerk's rule, weight)
SURN = [
    ("Коваленко", None, 4), ("Бондаренко", None, 4), ("Ткаченко", None, 4), ("Кравченко", None, 3),
    ("Шевчук", None, 3), ("Олійник", "Олейник", 3), ("Мельник", None, 4), ("Бойко", None, 4),
    ("Ковальчук", None, 3), ("Поліщук", None, 2), ("Лисенко", "Лысенко", 2), ("Марченко", None, 3),
    ("Руденко", None, 2), ("Савченко", None, 2), ("Петренко", None, 2), ("Кравець", "Кравец", 2),
    ("Мороз", None, 2), ("Павленко", None, 2), ("Гончаренко", None, 2), ("Ткачук", None, 2),
    ("Гриценко", None, 1.5), ("Литвиненко", None, 2), ("Костенко", None, 1.5), ("Федоренко", None, 1.5),
    ("Зінченко", None, 1.5), ("Приходько", None, 1.5), ("Левченко", None, 1.5), ("Іваненко", None, 1.5),
    ("Сидоренко", None, 1.5), ("Дорошенко", None, 1), ("Собко", None, 1), ("Семенюк", None, 1),
    ("Гуменюк", None, 1), ("Остапчук", None, 1), ("Кушнір", None, 1.5), ("Панченко", None, 1.5),
    ("Стасюк", None, 1), ("Вакуленко", None, 1), ("Захарченко", None, 1.5), ("Чумак", None, 1),
    ("Ярошенко", None, 1), ("Білоус", "Белоус", 1), ("Сіренко", None, 1), ("Пономаренко", None, 2),
    ("Лук'яненко", None, 1), ("Демченко", None, 1.5), ("Гребенюк", None, 1), ("Чорновол", "Черновол", 0.6),
    ("Задорожний", None, 1), ("Білоцерківський", "Белоцерковский", 0.5), ("Гордієнко", None, 1),
    ("Дячук", "Дьячук", 1), ("Ведмідь", "Медведь", 0.4), ("Пилипенко", "Филиппенко", 0.8),
    ("Гнатюк", "Игнатюк", 0.6), ("Гаврилюк", None, 1), ("Кир'яненко", None, 0.5), ("Юрченко", None, 1.2),
    ("Щербина", None, 0.8), ("Сорочинський", None, 0.5), ("Вишневський", None, 0.8), ("Головко", None, 1),
    ("Іванов", "Иванов", 3), ("Попов", None, 2), ("Смирнов", None, 2), ("Кузнєцов", "Кузнецов", 2),
    ("Соколов", None, 1.5), ("Морозов", None, 1.5), ("Волков", None, 1.5), ("Лєбєдєв", "Лебедев", 1),
    ("Новіков", "Новиков", 1.5), ("Федоров", None, 1.5), ("Макаров", None, 1), ("Зайцев", None, 1),
    ("Соловйов", "Соловьёв", 1), ("Орлов", None, 1), ("Семенов", None, 1), ("Гусєв", "Гусев", 0.7),
    ("Бєлов", "Белов", 0.7), ("Журавльов", "Журавлёв", 0.7), ("Шаповалов", None, 1), ("Сорокін", "Сорокин", 0.8),
    ("Арутюнян", None, 0.5), ("Аблаєв", "Аблаев", 0.5), ("Мустафаєв", "Мустафаев", 0.4), ("Хаджинов", None, 0.4),
]
# father: patronymic Ukrainian m/f, Russian m/f, weight
FATH = [
    ("Олександрович", "Олександрівна", "Александрович", "Александровна", 7),
    ("Сергійович", "Сергіївна", "Сергеевич", "Сергеевна", 6),
    ("Володимирович", "Володимирівна", "Владимирович", "Владимировна", 5),
    ("Андрійович", "Андріївна", "Андреевич", "Андреевна", 5),
    ("Віталійович", "Віталіївна", "Витальевич", "Витальевна", 3),
    ("Дмитрович", "Дмитрівна", "Дмитриевич", "Дмитриевна", 4),
    ("Юрійович", "Юріївна", "Юрьевич", "Юрьевна", 4),
    ("Миколайович", "Миколаївна", "Николаевич", "Николаевна", 4),
    ("Іванович", "Іванівна", "Иванович", "Ивановна", 4),
    ("Олегович", "Олегівна", "Олегович", "Олеговна", 4),
    ("Ігорович", "Ігорівна", "Игоревич", "Игоревна", 3),
    ("Васильович", "Василівна", "Васильевич", "Васильевна", 3),
    ("Петрович", "Петрівна", "Петрович", "Петровна", 2),
    ("Михайлович", "Михайлівна", "Михайлович", "Михайловна", 3),
    ("Євгенович", "Євгенівна", "Евгеньевич", "Евгеньевна", 2),
    ("Русланович", "Русланівна", "Русланович", "Руслановна", 2),
    ("Романович", "Романівна", "Романович", "Романовна", 2),
    ("Артемович", "Артемівна", "Артёмович", "Артёмовна", 1.5),
    ("Денисович", "Денисівна", "Денисович", "Денисовна", 1.5),
    ("Вадимович", "Вадимівна", "Вадимович", "Вадимовна", 1.5),
    ("Анатолійович", "Анатоліївна", "Анатольевич", "Анатольевна", 2),
    ("Геннадійович", "Геннадіївна", "Геннадьевич", "Геннадьевна", 1.5),
    ("Костянтинович", "Костянтинівна", "Константинович", "Константиновна", 2),
    ("Ілліч", "Іллівна", "Ильич", "Ильинична", 1),
    ("Павлович", "Павлівна", "Павлович", "Павловна", 2),
    ("Максимович", "Максимівна", "Максимович", "Максимовна", 1.5),
    ("Тарасович", "Тарасівна", "Тарасович", "Тарасовна", 1),
    ("Степанович", "Степанівна", "Степанович", "Степановна", 1),
]
# settlement: Ukrainian, Russian, oblast (ua), occupation subject (ru), weight
PLACES = [
    ("Маріуполь", "Мариуполь", "Донецька", "ДНР", 14), ("Донецьк", "Донецк", "Донецька", "ДНР", 8),
    ("Макіївка", "Макеевка", "Донецька", "ДНР", 4), ("Горлівка", "Горловка", "Донецька", "ДНР", 4),
    ("Єнакієве", "Енакиево", "Донецька", "ДНР", 2), ("Волноваха", "Волноваха", "Донецька", "ДНР", 2),
    ("Харцизьк", "Харцызск", "Донецька", "ДНР", 1.5), ("Сніжне", "Снежное", "Донецька", "ДНР", 1),
    ("Дебальцеве", "Дебальцево", "Донецька", "ДНР", 1), ("Новоазовськ", "Новоазовск", "Донецька", "ДНР", 1),
    ("Луганськ", "Луганск", "Луганська", "ЛНР", 6), ("Алчевськ", "Алчевск", "Луганська", "ЛНР", 2.5),
    ("Сєвєродонецьк", "Северодонецк", "Луганська", "ЛНР", 3), ("Лисичанськ", "Лисичанск", "Луганська", "ЛНР", 2.5),
    ("Сватове", "Сватово", "Луганська", "ЛНР", 1), ("Старобільськ", "Старобельск", "Луганська", "ЛНР", 1.2),
    ("Ровеньки", "Ровеньки", "Луганська", "ЛНР", 1),
    ("Мелітополь", "Мелитополь", "Запорізька", "Запорожская обл.", 6),
    ("Бердянськ", "Бердянск", "Запорізька", "Запорожская обл.", 4),
    ("Енергодар", "Энергодар", "Запорізька", "Запорожская обл.", 2),
    ("Токмак", "Токмак", "Запорізька", "Запорожская обл.", 1.2),
    ("Василівка", "Васильевка", "Запорізька", "Запорожская обл.", 1),
    ("Пологи", "Пологи", "Запорізька", "Запорожская обл.", 0.8),
    ("Херсон", "Херсон", "Херсонська", "Херсонская обл.", 6),
    ("Нова Каховка", "Новая Каховка", "Херсонська", "Херсонская обл.", 2.5),
    ("Олешки", "Алешки", "Херсонська", "Херсонская обл.", 1.5),
    ("Скадовськ", "Скадовск", "Херсонська", "Херсонская обл.", 1.2),
    ("Генічеськ", "Геническ", "Херсонська", "Херсонская обл.", 1.2),
    ("Каховка", "Каховка", "Херсонська", "Херсонская обл.", 1.2),
    ("Куп'янськ", "Купянск", "Харківська", "Харьковская обл.", 1.5),
    ("Ізюм", "Изюм", "Харківська", "Харьковская обл.", 1.5),
    ("Балаклія", "Балаклея", "Харківська", "Харьковская обл.", 1),
    ("Вовчанськ", "Волчанск", "Харківська", "Харьковская обл.", 0.8),
    ("Сімферополь", "Симферополь", "АР Крим", "Республика Крым", 3),
    ("Джанкой", "Джанкой", "АР Крим", "Республика Крым", 1),
    ("Керч", "Керчь", "АР Крим", "Республика Крым", 1.2),
    ("Севастополь", "Севастополь", "Севастополь", "г. Севастополь", 1.5),
]
KIN = [("мати", 30), ("батько", 10), ("бабуся", 22), ("дідусь", 6), ("тітка", 10), ("сестра", 5),
       ("брат", 3), ("хрещена мати", 2), ("сусідка", 3), ("вчителька", 2), ("опікун", 4), ("вітчим", 3)]

# ---------------------------------------------------------------- transliteration
def _tab(pairs):
    return dict(p.split("=") for p in pairs.split())

KMU = _tab("а=a б=b в=v г=h ґ=g д=d е=e є=ie ж=zh з=z и=y і=i ї=i й=i к=k л=l м=m н=n о=o п=p р=r "
           "с=s т=t у=u ф=f х=kh ц=ts ч=ch ш=sh щ=shch ь= ю=iu я=ia ъ= ы=y э=e ё=io")
KMU_INIT = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
UAPASS = dict(KMU)  # older Ukrainian passport practice: г=g, no initial rules, ь='
UAPASS.update({"г": "g", "ь": "'", "ї": "yi", "є": "ye"})
RUICAO = _tab("а=a б=b в=v г=g д=d е=e ё=e ж=zh з=z и=i й=i к=k л=l м=m н=n о=o п=p р=r с=s т=t "
              "у=u ф=f х=kh ц=ts ч=ch ш=sh щ=shch ъ=ie ы=y ь= э=e ю=iu я=ia і=i ї=i є=e ґ=g")
BGN = _tab("а=a б=b в=v г=g д=d е=e ё=ë ж=zh з=z и=i й=y к=k л=l м=m н=n о=o п=p р=r с=s т=t "
           "у=u ф=f х=kh ц=ts ч=ch ш=sh щ=shch ъ=\" ы=y ь=' э=e ю=yu я=ya і=i ї=yi є=ye ґ=g")
PHON = _tab("а=a б=b в=v г=g д=d е=e ё=yo ж=zh з=z и=i й=y к=k л=l м=m н=n о=o п=p р=r с=s т=t "
            "у=u ф=f х=h ц=ts ч=ch ш=sh щ=sch ъ= ы=y ь= э=e ю=yu я=ya і=i ї=yi є=ye ґ=g")
VOW = set("аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ")


def translit(word, scheme):
    """scheme in kmu (from ua), uapass (from ua), icao (from ru), bgn (from ru), phon (from ru)."""
    tab = {"kmu": KMU, "uapass": UAPASS, "icao": RUICAO, "bgn": BGN, "phon": PHON}[scheme]
    out = []
    w = word.replace("'", "").replace("’", "") if scheme in ("kmu", "icao", "phon") else word.replace("’", "'")
    prev = " "
    for i, ch in enumerate(w):
        lo = ch.lower()
        init = prev in " -'" or i == 0
        if scheme == "kmu" and init and lo in KMU_INIT:
            t = KMU_INIT[lo]
        elif scheme == "kmu" and lo == "г" and prev.lower() == "з":
            t = "gh"
        elif scheme in ("bgn", "phon") and lo == "е" and (init or prev.lower() in VOW or prev.lower() in "ьъ"):
            t = "ye"
        elif scheme == "phon" and lo == "й" and prev.lower() == "и" and i == len(w) - 1:
            t = ""  # Юрий -> Yuri
        elif scheme == "phon" and lo == "я" and prev.lower() == "и":
            t = "a"  # Мария -> Maria
        elif lo in tab:
            t = tab[lo]
        else:
            t = ch
        if ch != lo and t:
            t = t[0].upper() + t[1:]
        out.append(t)
        prev = ch
    s = "".join(out)
    if scheme == "phon":
        s = s.replace("ks", "x") if rng_global.random() < 0.3 else s
    return s

# ---------------------------------------------------------------- russification, feminine
def ru_surname(ua):
    s = ua
    for a, b in (("ський", "ский"), ("цький", "цкий"), ("ний", "ный")):
        if s.endswith(a):
            s = s[: -len(a)] + b
    s = s.replace("'", "ь").replace("’", "ь")
    for a, b in (("і", "и"), ("ї", "и"), ("є", "е"), ("ґ", "г"), ("І", "И"), ("Є", "Е")):
        s = s.replace(a, b)
    return s


def fem(s, lang):
    if lang == "ua":
        if s.endswith("ський") or s.endswith("цький"):
            return s[:-2] + "а"
        if s.endswith("ний") or s.endswith("ій"):
            return s[:-2] + "а"
    else:
        if s.endswith("ский") or s.endswith("цкий"):
            return s[:-2] + "ая"
        if s.endswith("ный") or s.endswith("ой"):
            return s[:-2] + "ая"
    for e in ("ов", "ев", "єв", "ёв", "ін", "ин", "ьов", "йов"):
        if s.endswith(e):
            return s + "а"
    return s


def ua_from_ru_given(g):
    return g

# ---------------------------------------------------------------- corruption
RU_ROWS = ["йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"]
UA_ROWS = ["йцукенгшщзхї", "фівапролджє", "ячсмитьбю"]
LAT_ROWS = ["qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,."]


def _nbrs(rows):
    d = {}
    for r in rows:
        for i, c in enumerate(r):
            d[c] = (r[i - 1] if i else "") + (r[i + 1] if i + 1 < len(r) else "")
    return d


NB = {}
for rows in (RU_ROWS, UA_ROWS, ["qwertyuiop", "asdfghjkl", "zxcvbnm"]):
    for k, v in _nbrs(rows).items():
        NB[k] = NB.get(k, "") + v
TO_LAT_RU = {c: l for r, lr in zip(RU_ROWS, LAT_ROWS) for c, l in zip(r, lr)}
TO_LAT_UA = {c: l for r, lr in zip(UA_ROWS, LAT_ROWS) for c, l in zip(r, lr)}
TO_CYR = {l: c for c, l in TO_LAT_RU.items() if l.isalpha()}
RU_UA_SWAP = {"ы": "і", "і": "ы", "э": "є", "є": "э", "ъ": "ї", "ї": "ъ"}
OCR_CYR = [("и", "н"), ("п", "н"), ("ш", "щ"), ("е", "с"), ("ь", "ъ"), ("л", "п"), ("к", "х"), ("в", "з"),
           ("о", "0"), ("з", "3"), ("б", "6"), ("і", "1"), ("ц", "щ"), ("т", "г"), ("м", "л")]
OCR_LAT = [("rn", "m"), ("m", "rn"), ("l", "1"), ("o", "0"), ("cl", "d"), ("i", "l"), ("h", "b"), ("vv", "w"),
           ("e", "c"), ("u", "ii"), ("a", "o")]
SPELL_CYR = [("и", "і"), ("і", "и"), ("е", "є"), ("е", "и"), ("о", "а"), ("а", "о"), ("ы", "и"), ("ё", "е"),
             ("е", "э"), ("нн", "н"), ("лл", "л"), ("ий", "ый"), ("г", "х")]
SPELL_LAT = [("y", "i"), ("i", "y"), ("kh", "h"), ("h", "kh"), ("ia", "ya"), ("iu", "yu"), ("ts", "tz"),
             ("v", "w"), ("k", "c"), ("ii", "iy"), ("zh", "j"), ("sh", "ch"), ("e", "ie"), ("ou", "u")]


class Corr:
    def __init__(self, rng):
        self.r = rng

    def typo(self, s):
        r = self.r
        if len(s) < 3:
            return s
        latin = all(ord(c) < 0x250 for c in s)
        k = r.random()
        i = r.randrange(1, len(s))
        if k < 0.25:
            c = s[i].lower()
            n = NB.get(c, "")
            if n:
                x = r.choice(n)
                return s[:i] + (x.upper() if s[i].isupper() else x) + s[i + 1:]
            return s[:i] + s[i + 1:]
        if k < 0.42:
            return s[:i] + s[i + 1:]
        if k < 0.52:
            return s[:i] + s[i] + s[i:]
        if k < 0.64 and i < len(s) - 1:
            return s[:i] + s[i + 1] + s[i] + s[i + 2:]
        if k < 0.82:
            return self.sub(s, OCR_LAT if latin else OCR_CYR)
        return self.sub(s, SPELL_LAT if latin else SPELL_CYR)

    def sub(self, s, pairs):
        r = self.r
        cand = [(a, b) for a, b in pairs if a in s[1:]]
        if not cand:
            return s[:-1] if len(s) > 3 else s
        a, b = r.choice(cand)
        idx = [j for j in range(1, len(s)) if s.startswith(a, j)]
        j = r.choice(idx)
        return s[:j] + b + s[j + len(a):]

    def layout(self, s, ua=False):
        """Cyrillic typed with the Latin layout on (part or whole), or a ru/ua layout swap."""
        r = self.r
        if any(c.lower() in RU_UA_SWAP for c in s) and r.random() < 0.35:
            return "".join(RU_UA_SWAP.get(c, c) if c.islower() else c for c in s)
        m = TO_LAT_UA if ua else TO_LAT_RU
        n = len(s) if r.random() < 0.35 else r.randint(1, min(3, len(s)))
        out = []
        for j, c in enumerate(s):
            if j < n:
                t = m.get(c.lower(), c)
                out.append(t.upper() if c.isupper() and t.isalpha() else t)
            else:
                out.append(c)
        return "".join(out)

    def layout_lat(self, s):
        r = self.r
        n = r.randint(1, min(3, len(s)))
        return "".join(TO_CYR.get(c.lower(), c) if j < n else c for j, c in enumerate(s))

    def date(self, d):
        r = self.r
        k = r.random()
        try:
            if k < 0.28 and d.day <= 12 and d.day != d.month:
                return d.replace(day=d.month, month=d.day), "dob_dm_swap"
            if k < 0.50:
                return d.replace(year=d.year + r.choice((-1, 1))), "dob_year1"
            if k < 0.68:
                return d + dt.timedelta(days=r.choice((-1, 1))), "dob_day1"
            if k < 0.80:
                return d.replace(day=d.day + 10 if d.day <= 18 else d.day - 10), "dob_day10"
            if k < 0.90:
                return d.replace(month=d.month % 12 + 1), "dob_month1"
            y = d.year
            ld = y % 10
            nd = r.choice([x for x in (1, 3, 6, 7, 8, 9, 0) if x != ld])
            return d.replace(year=y - ld + nd), "dob_ydigit"
        except ValueError:
            return d + dt.timedelta(days=1), "dob_day1"


def age_at(b, when):
    return when.year - b.year - ((when.month, when.day) < (b.month, b.day))


def rdate(rng, a, b):
    return a + dt.timedelta(days=rng.randrange((b - a).days + 1))


def wpick(rng, items, wi=-1):
    return rng.choices(items, weights=[x[wi] for x in items])[0]


def draw_n(rng, probs):
    x = rng.random()
    acc = 0
    for i, p in enumerate(probs):
        acc += p
        if x < acc:
            return i
    return len(probs) - 1

# ---------------------------------------------------------------- population
class Child:
    __slots__ = ("cid", "hh", "sur", "sex", "g", "f", "dob", "home", "bplace", "tags")


def population(rng, n):
    kids = []
    stats = collections.Counter()
    hh_id = 0
    households = []
    inj_target = int(n * 0.045)
    while len(kids) < n - inj_target:
        hh_id += 1
        stats["households"] += 1
        if households and rng.random() < 0.10:
            rel = rng.choice(households)
            sur, home = rel[0], rel[1]
            stats["relative households"] += 1
        else:
            sur = wpick(rng, SURN)
            home = wpick(rng, PLACES)
        fath = wpick(rng, FATH)
        households.append((sur, home))
        nk = 1 + draw_n(rng, [0.42, 0.32, 0.15, 0.07, 0.03, 0.01])
        b = rdate(rng, D(2006, 1, 1), D(2021, 12, 31))
        used = set()
        prev = None
        for j in range(min(nk, n - inj_target - len(kids))):
            twin = False
            if j:
                if rng.random() < 0.035:
                    twin = True
                    stats["twin pairs"] += 1
                else:
                    b = b + dt.timedelta(days=rng.randint(330, 2300))
                    if b > D(2022, 2, 23):
                        break
            c = Child()
            c.cid = "C%06d" % (len(kids) + 1)
            c.hh = hh_id
            c.sur = sur
            c.sex = rng.choice("mf")
            pool = BOYS if c.sex == "m" else GIRLS
            for _ in range(50):
                g = wpick(rng, pool)
                if twin and prev is not None and rng.random() < 0.5 and prev.sex == c.sex:
                    same = [x for x in pool if x[0][0] == prev.g[0][0] and x[1] not in used]
                    if same:
                        g = rng.choice(same)
                if g[1] not in used:
                    break
            used.add(g[1])
            c.g = g
            c.f = fath
            c.dob = b
            c.home = home
            c.bplace = home if rng.random() < 0.8 else wpick(rng, PLACES)
            c.tags = "twin" if twin else ""
            if twin and prev is not None:
                prev.tags = "twin"
            kids.append(c)
            prev = c
            if j:
                stats["sibling pairs"] += 1
    # injected hard negatives
    base = list(kids)
    while len(kids) < n:
        src = rng.choice(base)
        c = Child()
        c.cid = "C%06d" % (len(kids) + 1)
        hh_id += 1
        c.hh = hh_id
        c.sex = src.sex
        c.f = wpick(rng, FATH)
        k = rng.random()
        if k < 0.40:  # namesake: same surname and given name, another child
            c.sur, c.g = src.sur, src.g
            c.home = src.home if rng.random() < 0.5 else wpick(rng, PLACES)
            c.dob = src.dob + dt.timedelta(days=rng.choice((-1, 1)) * rng.randint(120, 1100))
            c.tags = "namesake"
        elif k < 0.70:  # same birth date, same town (one maternity ward), other family
            c.sur = wpick(rng, SURN)
            c.g = src.g if rng.random() < 0.4 else wpick(rng, BOYS if c.sex == "m" else GIRLS)
            c.home, c.dob = src.home, src.dob
            c.tags = "same_dob"
        else:  # cousin: same surname and town, same birth year, another father, other name
            c.sur, c.home = src.sur, src.home
            c.g = wpick(rng, BOYS if c.sex == "m" else GIRLS)
            c.dob = rdate(rng, D(src.dob.year, 1, 1), D(src.dob.year, 12, 31))
            if rng.random() < 0.3:
                c.f = src.f
            c.tags = "cousin"
        c.dob = min(max(c.dob, D(2005, 6, 1)), D(2022, 2, 23))
        c.bplace = c.home
        stats["injected " + c.tags] += 1
        kids.append(c)
    return kids, stats


def names(c):
    """Ukrainian and Russian forms of the child's names."""
    su = c.sur[0]
    sr = c.sur[1] or ru_surname(c.sur[0])
    if c.sex == "f":
        su, sr = fem(su, "ua"), fem(sr, "ru")
    pu = c.f[0] if c.sex == "m" else c.f[1]
    pr = c.f[2] if c.sex == "m" else c.f[3]
    return su, sr, c.g[0], c.g[1], pu, pr

# ---------------------------------------------------------------- list writers
def fmt_dmy(d):
    return "%02d.%02d.%04d" % (d.day, d.month, d.year)


class ListStats:
    def __init__(self):
        self.nerr = collections.Counter()
        self.kinds = collections.Counter()
        self.var = collections.Counter()
        self.n = 0


def n_errors(rng, dist):
    return draw_n(rng, dist)


def hotline(rng, co, kids, st):
    """Ukrainian family-tracing hotline requests (one full-name column, Ukrainian)."""
    rows = []
    for c, copy in kids:
        su, sr, gu, gr, pu, pr = names(c)
        surname, given, patr = su, gu, pu
        v = st.var
        if rng.random() < 0.10:
            given = c.g[1]; v["given in Russian form"] += 1
        elif rng.random() < 0.08:
            given = c.g[2]; v["Ukrainian diminutive"] += 1
        if rng.random() < 0.05:
            surname = sr; v["surname Russian spelling"] += 1
        if rng.random() < 0.32:
            patr = ""; v["patronymic missing"] += 1
        errs = n_errors(rng, [0.66, 0.25, 0.07, 0.02])
        st.nerr[errs] += 1
        dob = c.dob
        home = c.home
        order = "sgp"
        kinds = rng.choices(["sur", "giv", "pat", "dob", "layout", "order", "age", "home", "sex"],
                            weights=[26, 14, 6, 18, 6, 10, 10, 6, 4], k=errs)
        sex = "ч" if c.sex == "m" else "ж"
        call = rdate(rng, D(2022, 4, 1), D(2024, 10, 31))
        age = age_at(c.dob, call)
        for k in kinds:
            st.kinds[k] += 1
            if k == "sur":
                surname = co.typo(surname)
            elif k == "giv":
                given = co.typo(given)
            elif k == "pat" and patr:
                patr = co.typo(patr)
            elif k == "dob":
                dob, kk = co.date(dob); st.kinds[kk] += 1
            elif k == "layout":
                surname = co.layout(surname, ua=True)
            elif k == "order":
                order = "gs"
            elif k == "age":
                age = max(0, age + rng.choice((-1, 1)))
            elif k == "home":
                home = wpick(rng, PLACES)
            elif k == "sex":
                sex = "ж" if sex == "ч" else "ч"
        full = " ".join(x for x in ([given, surname] if order == "gs" else [surname, given, patr]) if x)
        if rng.random() < 0.06:
            full = full.upper(); v["name in capitals"] += 1
        r = rng.random()
        if r < 0.55:
            dcell = fmt_dmy(dob)
        elif r < 0.63:
            dcell = "%d.%d.%d" % (dob.day, dob.month, dob.year); v["date without leading zeros"] += 1
        elif r < 0.68:
            dcell = "%d р.н." % dob.year; v["birth year only"] += 1
        else:
            dcell = ""; v["birth date empty"] += 1
        acell = str(age) if rng.random() < 0.7 else rng.choice(["%d р.", "%d років", "%d"]) % age
        if rng.random() < 0.05:
            acell = ""; v["age empty"] += 1
        place = rng.choice(["м. %s", "%s", "%s, %s обл.", "м. %s (%s обл.)"])
        obl = home[2] if home[2] in ("АР Крим", "Севастополь") else home[2] + " обл."
        place = place.replace(" обл.", "")
        pc = place % ((home[0],) if place.count("%s") == 1 else (home[0], obl))
        kin = wpick(rng, KIN)[0]
        note = ""
        x = rng.random()
        if "twin" in c.tags and rng.random() < 0.5:
            note = "близнюк" if c.sex == "m" else "близнючка"
        elif x < 0.15:
            note = rng.choice(["вивезли до РФ", "вивезли в табір", "остання звістка з Ростова", "в інтернаті",
                               "зв'язок втрачено", "можливо в Криму", "разом з братом", "разом з сестрою"])
        rows.append([None, fmt_dmy(call), full, dcell, acell, sex, pc, kin, note, c.cid])
    rng.shuffle(rows)
    rows.sort(key=lambda r: (r[1][6:], r[1][3:5], r[1][:2]))
    for i, r in enumerate(rows):
        r[0] = "ЗВ-%s-%05d" % (r[1][8:10], i + 1 + rng.randrange(3) * 0)
    return rows


RU_CATEG = [("оставшийся без попечения родителей", 40), ("временно помещён в организацию", 25),
            ("передан под опеку", 20), ("приёмная семья", 10), ("на учёте до выяснения", 5)]
RU_DISTR = ["Ростовский", "Таганрогский", "Азовский", "Новочеркасский", "Шахтинский", "Батайский", "Волгодонский"]


def uszn(rng, co, kids, st):
    """Russian regional social protection department: split names, Russian forms, cp1251."""
    rows = []
    for c, copy in kids:
        su, sr, gu, gr, pu, pr = names(c)
        v = st.var
        surname, given, patr = sr, gr, pr
        if rng.random() < 0.12:
            surname = su; v["surname kept Ukrainian spelling"] += 1
        if rng.random() < 0.04:
            given = gu; v["given kept Ukrainian form"] += 1
        if rng.random() < 0.03:
            given = c.g[3]; v["Russian diminutive"] += 1
        if rng.random() < 0.08:
            patr = ""; v["patronymic missing"] += 1
        if "ё" in surname + given + patr and rng.random() < 0.75:
            surname, given, patr = (x.replace("ё", "е") for x in (surname, given, patr)); v["ё written е"] += 1
        reg = rdate(rng, D(2022, 5, 1), D(2024, 6, 30))
        dob = c.dob
        bpl = c.bplace
        sex = "М" if c.sex == "m" else "Ж"
        errs = n_errors(rng, [0.74, 0.20, 0.05, 0.01])
        st.nerr[errs] += 1
        kinds = rng.choices(["sur", "giv", "pat", "dob", "layout", "swap", "age", "bplace", "sex"],
                            weights=[28, 12, 10, 20, 6, 7, 8, 6, 3], k=errs)
        agefix = 0
        for k in kinds:
            st.kinds[k] += 1
            if k == "sur":
                surname = co.typo(surname)
            elif k == "giv":
                given = co.typo(given)
            elif k == "pat" and patr:
                patr = co.typo(patr)
            elif k == "dob":
                dob, kk = co.date(dob); st.kinds[kk] += 1
            elif k == "layout":
                surname = co.layout(surname)
            elif k == "swap":
                surname, given = given, surname
            elif k == "age":
                agefix = rng.choice((-1, 1))
            elif k == "bplace":
                bpl = wpick(rng, PLACES)
            elif k == "sex":
                sex = "Ж" if sex == "М" else "М"
        age = max(0, age_at(c.dob, reg) + agefix)
        r = rng.random()
        if r < 0.68:
            dcell = fmt_dmy(dob)
        elif r < 0.84:
            dcell = "%02d.%02d.%02d" % (dob.day, dob.month, dob.year % 100); v["birth date DD.MM.YY"] += 1
        else:
            dcell = ""; v["birth date empty (age only)"] += 1
        if rng.random() < 0.25:
            surname = surname.upper(); v["surname in capitals"] += 1
        pl = rng.random()
        if pl < 0.45:
            bcell = "%s, г. %s" % (bpl[3], bpl[1])
        elif pl < 0.75:
            bcell = "г. %s, Украина" % bpl[1]
        elif pl < 0.93:
            bcell = "г. %s" % bpl[1]
        else:
            bcell = ""; v["birthplace empty"] += 1
        rows.append([None, surname, given, patr, dcell, str(age), sex, bcell, fmt_dmy(reg),
                     wpick(rng, RU_CATEG)[0], rng.choice(RU_DISTR), c.cid])
    rows.sort(key=lambda r: (r[10], r[1], r[2]))
    for i, r in enumerate(rows):
        r[0] = str(i + 1)
    return rows


SHIFTS = [D(2023, 6, 5), D(2023, 6, 28), D(2023, 7, 21), D(2023, 8, 13), D(2024, 6, 3), D(2024, 6, 26),
          D(2024, 7, 19)]
BY_GROUPS = ["Ростовская обл.", "ДНР", "ЛНР", "Запорожская обл.", "Херсонская обл.", "Республика Крым"]


def by_surname(s):
    s = s.replace("щ", "шч").replace("и", "і")
    if s.endswith("ко"):
        s = s[:-1] + "а"
    if s.endswith("ов") or s.endswith("ев"):
        s = s[:-1] + "ў"
    return s


def camp(rng, co, kids, st):
    """Belarusian health sanatorium: 'Фамилия и имя' in one column (Russian), birth year only, age at arrival."""
    rows = []
    for c, copy in kids:
        su, sr, gu, gr, pu, pr = names(c)
        v = st.var
        surname, given = sr, gr
        if rng.random() < 0.10:
            surname = by_surname(surname); v["surname in Belarusian spelling"] += 1
        if rng.random() < 0.07:
            given = c.g[3]; v["Russian diminutive"] += 1
        ok = [s for s in SHIFTS if 7 <= age_at(c.dob, s) <= 15]
        arr = copy if isinstance(copy, dt.date) else (rng.choice(ok) if ok else rng.choice(SHIFTS))
        byear = c.dob.year
        age = age_at(c.dob, arr)
        home = c.home
        errs = n_errors(rng, [0.70, 0.22, 0.07, 0.01])
        st.nerr[errs] += 1
        kinds = rng.choices(["sur", "giv", "year", "layout", "swap", "age", "home", "ocr2"],
                            weights=[26, 14, 14, 5, 8, 14, 7, 12], k=errs)
        for k in kinds:
            st.kinds[k] += 1
            if k == "sur":
                surname = co.typo(surname)
            elif k == "giv":
                given = co.typo(given)
            elif k == "year":
                byear += rng.choice((-1, 1))
            elif k == "layout":
                given = co.layout(given)
            elif k == "swap":
                surname, given = given, surname
            elif k == "age":
                age += rng.choice((-1, 1))
            elif k == "home":
                home = wpick(rng, PLACES)
            elif k == "ocr2":
                surname = co.sub(co.sub(surname, OCR_CYR), OCR_CYR)
        full = surname + " " + given
        if rng.random() < 0.35:
            full = surname.upper() + " " + given; v["surname in capitals"] += 1
        ycell = str(byear) if rng.random() < 0.9 else ""
        if not ycell:
            v["birth year empty"] += 1
        hp = rng.random()
        hcell = ("г. %s (%s)" % (home[1], home[3])) if hp < 0.5 else (home[1] if hp < 0.85 else home[3])
        sm = SHIFTS.index(arr) % 4 + 1 if arr.year == 2023 else SHIFTS.index(arr) - 3
        rows.append([None, full, ycell, str(age), hcell, fmt_dmy(arr), "%d-я смена %d г." % (sm, arr.year),
                     rng.choice(BY_GROUPS[:3]) if rng.random() < 0.3 else home[3], c.cid])
    rows.sort(key=lambda r: (r[5][6:], r[5][3:5], r[5][:2], r[7], r[1]))
    for i, r in enumerate(rows):
        r[0] = str(i + 1)
    return rows


SCHEMES = [("kmu", 38), ("uapass", 12), ("icao", 22), ("bgn", 10), ("phon", 18)]
OBL_LAT = {"Донецька": "Donetsk", "Луганська": "Luhansk", "Запорізька": "Zaporizhzhia", "Херсонська": "Kherson",
           "Харківська": "Kharkiv", "АР Крим": "Crimea", "Севастополь": "Sevastopol"}


def latin_record(rng, co, c, st, scheme=None, errdist=(0.62, 0.27, 0.09, 0.02), merged=False):
    su, sr, gu, gr, pu, pr = names(c)
    v = st.var
    scheme = scheme or wpick(rng, SCHEMES)[0]
    v["scheme " + scheme] += 1
    from_ua = scheme in ("kmu", "uapass")
    s0, g0, p0 = (su, gu, pu) if from_ua else (sr, gr, pr)
    cyr_left = rng.random() < 0.015
    if rng.random() < 0.04:
        g0 = c.g[2] if from_ua else c.g[3]; v["diminutive"] += 1
    if cyr_left:
        surname, given, patr = su, gu, pu
        v["left in Cyrillic"] += 1
    else:
        surname, given, patr = translit(s0, scheme), translit(g0, scheme), translit(p0, scheme)
    if not cyr_left and c.g[4] and rng.random() < 0.08:
        given = c.g[4]; v["western given name"] += 1
    if rng.random() < 0.5:
        patr = ""; v["patronymic missing"] += 1
    dob = c.dob
    home = c.home
    sex = "M" if c.sex == "m" else "F"
    errs = draw_n(rng, errdist)
    st.nerr[errs] += 1
    kinds = rng.choices(["sur", "giv", "dob", "swap", "ocr2", "dobmiss", "layout", "home", "sex", "onecell"],
                        weights=[24, 14, 18, 9, 8, 5, 3, 6, 3, 4 if merged else 0], k=errs)
    onecell = False
    dobmiss = False
    for k in kinds:
        st.kinds[k] += 1
        if k == "sur":
            surname = co.typo(surname)
        elif k == "giv":
            given = co.typo(given)
        elif k == "dob":
            dob, kk = co.date(dob); st.kinds[kk] += 1
        elif k == "swap":
            surname, given = given, surname
        elif k == "ocr2":
            pairs = OCR_CYR if cyr_left else OCR_LAT
            surname = co.sub(co.sub(surname, pairs), pairs)
        elif k == "dobmiss":
            dobmiss = True
        elif k == "layout":
            surname = co.layout(surname) if cyr_left else co.layout_lat(surname)
        elif k == "home":
            home = wpick(rng, PLACES)
        elif k == "sex":
            sex = rng.choice(["", "F" if sex == "M" else "M"])
        elif k == "onecell":
            onecell = True
    if rng.random() < 0.15:
        surname = surname.upper(); v["surname in capitals"] += 1
    city = home[0] if cyr_left else translit(home[0] if from_ua else home[1], scheme)
    obl = OBL_LAT[home[2]]
    return dict(surname=surname, given=given, patr=patr, dob=None if dobmiss else dob, sex=sex, city=city,
                obl=obl, scheme=scheme, onecell=onecell)


NGO_STATUS = [("open", 50), ("located", 15), ("in contact", 12), ("returned", 8), ("closed - duplicate", 3),
              ("referred", 12)]


def ngo(rng, co, kids, st):
    rows = []
    for c, copy in kids:
        rec = latin_record(rng, co, c, st)
        intake = rdate(rng, D(2022, 9, 1), D(2025, 3, 31))
        if rec["dob"]:
            if rng.random() < 0.9:
                dcell = rec["dob"].isoformat()
            else:
                dcell = ""
                st.var["dob empty, age only"] += 1
        else:
            dcell = ""
        age = age_at(c.dob, intake)
        acell = str(age) if (not dcell or rng.random() < 0.6) else ""
        rows.append([None, rec["surname"], rec["given"], rec["patr"], rec["sex"], dcell, acell, intake.isoformat(),
                     rec["city"], rec["obl"] if rng.random() < 0.85 else "", wpick(rng, NGO_STATUS)[0], c.cid])
    rng.shuffle(rows)
    ids = rng.sample(range(1000, 99999), len(rows))
    for r, i in zip(rows, ids):
        r[0] = "UA-CT-%05d" % i
    return rows


CHANNELS = [("hotline transcript", 30, "dmy"), ("partner NGO import", 25, "iso"), ("US office", 10, "mdy"),
            ("UK office", 10, "dmon"), ("field interview", 15, "dmy"), ("media monitoring", 10, "year")]
MON = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def merged(rng, co, kids, st):
    rows = []
    for c, copy in kids:
        ch = wpick(rng, CHANNELS, 1)
        st.var["channel " + ch[0]] += 1
        rec = latin_record(rng, co, c, st, errdist=(0.60, 0.28, 0.10, 0.02), merged=True)
        d = rec["dob"]
        if d is None:
            dcell = ""
        elif ch[2] == "dmy":
            dcell = "%02d.%02d.%04d" % (d.day, d.month, d.year)
        elif ch[2] == "iso":
            dcell = d.isoformat()
        elif ch[2] == "mdy":
            dcell = "%d/%d/%d" % (d.month, d.day, d.year)
        elif ch[2] == "dmon":
            dcell = "%d %s %d" % (d.day, MON[d.month - 1], d.year)
        else:
            dcell = str(d.year) if rng.random() < 0.7 else "%02d.%02d.%04d" % (d.day, d.month, d.year)
        sur, giv = rec["surname"], rec["given"]
        if rec["onecell"]:
            sur, giv = " ".join(x for x in (sur, giv) if x), ""
        rows.append([None, sur, giv, rec["patr"], dcell, rec["sex"], rec["city"], rec["obl"], ch[0], c.cid])
    rng.shuffle(rows)
    ids = rng.sample(range(10000000, 99999999), len(rows))
    for r, i in zip(rows, ids):
        r[0] = "%d" % i
    return rows

# ---------------------------------------------------------------- files
LISTS = {
    "ua_hotline_requests.csv": dict(
        header=["Номер", "Дата звернення", "ПІБ дитини", "Дата народження", "Вік", "Стать",
                "Звідки", "Хто звернувся", "Коментар"],
        delim=",", enc="utf-8", bom=True, crlf=True, quote="minimal"),
    "ru_uszn_deti.csv": dict(
        header=["№ п/п", "Фамилия", "Имя", "Отчество", "Дата рождения", "Полных лет", "Пол", "Место рождения",
                "Дата постановки на учет", "Категория", "Район"],
        delim=";", enc="cp1251", bom=False, crlf=True, quote="minimal"),
    "by_sanatorij_zaezd.csv": dict(
        header=["№", "Фамилия и имя", "Год рождения", "Полных лет", "Откуда прибыл", "Дата заезда", "Смена",
                "Направившая сторона"],
        delim=";", enc="utf-8", bom=False, crlf=False, quote="all"),
    "ngo_caseload_latin.csv": dict(
        header=["id", "last_name", "first_name", "middle_name", "gender", "dob", "age_at_intake",
                "intake_date", "city_of_origin", "oblast", "case_status"],
        delim=",", enc="utf-8", bom=False, crlf=False, quote="minimal"),
    "tracing_latin_merged.csv": dict(
        header=["Record ID", "Surname", "Name", "Patronymic", "DOB", "Sex", "Settlement", "Region", "Channel"],
        delim=";", enc="utf-8", bom=True, crlf=True, quote="minimal"),
}


def write_list(out, fname, rows):
    spec = LISTS[fname]
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=spec["delim"], lineterminator="\r\n" if spec["crlf"] else "\n",
                   quoting=csv.QUOTE_ALL if spec["quote"] == "all" else csv.QUOTE_MINIMAL)
    w.writerow(spec["header"])
    for r in rows:
        w.writerow(r[:-1])
    data = buf.getvalue().encode(spec["enc"])
    if spec["bom"]:
        data = b"\xef\xbb\xbf" + data
    with open(os.path.join(out, fname), "wb") as f:
        f.write(data)


def self_check(out, written):
    fails = []
    truth = {}
    with open(os.path.join(out, "truth.csv"), newline="", encoding="utf-8") as f:
        rd = csv.reader(f)
        if next(rd) != ["file", "record_id", "child_id"]:
            fails.append("truth header")
        for r in rd:
            if len(r) != 3:
                fails.append("truth row ragged")
            if (r[0], r[1]) in truth:
                fails.append("truth duplicate %s" % r)
            truth[(r[0], r[1])] = r[2]
    for fname, rows in written.items():
        spec = LISTS[fname]
        raw = open(os.path.join(out, fname), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf") != spec["bom"]:
            fails.append(fname + ": BOM")
        if spec["enc"] == "cp1251":
            try:
                raw.decode("utf-8")
                fails.append(fname + ": decodes as UTF-8")
            except UnicodeDecodeError:
                pass
        text = raw.decode(spec["enc"])
        if spec["bom"]:
            text = text[1:]
        lines = text.split("\n")
        if lines[-1] != "":
            fails.append(fname + ": no final newline")
        lines = lines[:-1]
        bad = sum(1 for l in lines if l.endswith("\r") != spec["crlf"])
        if bad:
            fails.append("%s: %d lines with wrong line end" % (fname, bad))
        if "\r" in text.replace("\r\n", ""):
            fails.append(fname + ": stray CR")
        rd = list(csv.reader(io.StringIO(text, newline=""), delimiter=spec["delim"]))
        if rd[0] != spec["header"]:
            fails.append(fname + ": header changed")
        body = rd[1:]
        if len(body) != len(rows):
            fails.append("%s: %d rows read, %d written" % (fname, len(body), len(rows)))
        rag = sum(1 for r in body if len(r) != len(spec["header"]))
        if rag:
            fails.append("%s: %d ragged rows" % (fname, rag))
        ids = [r[0] for r in body]
        if len(set(ids)) != len(ids):
            fails.append(fname + ": ids not unique")
        for r, w in zip(body, rows):
            if truth.get((fname, r[0])) != w[-1]:
                fails.append("%s: record %s has no/wrong truth row" % (fname, r[0]))
                break
        if spec["quote"] == "all" and not all(l.startswith('"') for l in lines):
            fails.append(fname + ": not all quoted")
    n_rec = sum(len(r) for r in written.values())
    if n_rec != len(truth):
        fails.append("truth rows %d != records %d" % (len(truth), n_rec))
    files_in_truth = {k[0] for k in truth}
    if files_in_truth != set(written):
        fails.append("truth files differ from lists")
    return fails


def with_dups(rng, members, p2, p3):
    out = []
    for c in members:
        out.append((c, None))
        x = rng.random()
        if x < p3:
            out += [(c, None), (c, None)]
        elif x < p3 + p2:
            out.append((c, None))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--children", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--mode", choices=["cross", "latin"], default="cross")
    a = ap.parse_args()
    global rng_global
    rng = random.Random(a.seed)
    rng_global = random.Random(a.seed * 7919 + 13)
    co = Corr(rng)
    os.makedirs(a.out, exist_ok=True)
    kids, pst = population(rng, a.children)
    written = {}
    lstats = {}
    if a.mode == "cross":
        fate = {}
        members = {k: [] for k in ("hot", "ru", "by", "ngo")}
        rates = {"hot": 0.33, "ru": 0.40, "by": 0.15, "ngo": 0.28}
        for c in kids:
            if c.hh not in fate:
                fate[c.hh] = {k: rng.random() < p for k, p in rates.items()}
            for k, p in rates.items():
                on = fate[c.hh][k] if rng.random() < 0.75 else rng.random() < p
                if k == "by" and not any(7 <= age_at(c.dob, s) <= 15 for s in SHIFTS):
                    on = False
                if on:
                    members[k].append(c)
        # camp: a child may come back in another shift
        by_entries = []
        for c in members["by"]:
            ok = [s for s in SHIFTS if 7 <= age_at(c.dob, s) <= 15]
            n = 1 + (rng.random() < 0.06) + (rng.random() < 0.01)
            for s in rng.sample(ok, min(n, len(ok))):
                by_entries.append((c, s))
        plan = [("ua_hotline_requests.csv", hotline, with_dups(rng, members["hot"], 0.09, 0.015)),
                ("ru_uszn_deti.csv", uszn, with_dups(rng, members["ru"], 0.02, 0.002)),
                ("by_sanatorij_zaezd.csv", camp, by_entries),
                ("ngo_caseload_latin.csv", ngo, with_dups(rng, members["ngo"], 0.05, 0.005))]
    else:
        entries = []
        for c in kids:
            x = rng.random()
            n = 4 if x < 0.015 else 3 if x < 0.075 else 2 if x < 0.295 else 1
            entries += [(c, None)] * n
        plan = [("tracing_latin_merged.csv", merged, entries)]
    for fname, fn, ent in plan:
        st = ListStats()
        rows = fn(rng, co, ent, st)
        st.n = len(rows)
        write_list(a.out, fname, rows)
        written[fname] = rows
        lstats[fname] = st
    with open(os.path.join(a.out, "truth.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["file", "record_id", "child_id"])
        for fname, rows in written.items():
            for r in rows:
                w.writerow([fname, r[0], r[-1]])
    fails = self_check(a.out, written)
    if fails:
        print("SELF-CHECK FAILED")
        for x in fails[:30]:
            print("  " + x)
        sys.exit(1)
    print("SELF-CHECK OK (%s, %d children, seed %d)" % (a.mode, a.children, a.seed))
    print("population: " + ", ".join("%s %d" % kv for kv in sorted(pst.items())))
    # hard-negative pairs in the population
    by_name = collections.defaultdict(list)
    by_dob = collections.Counter()
    for c in kids:
        su, sr, gu, gr, pu, pr = names(c)
        by_name[(sr, gr)].append(c)
        by_dob[(c.dob, c.home[0])] += 1
    same_name = sum(len(v) * (len(v) - 1) // 2 for v in by_name.values())
    same_name_year = sum(1 for v in by_name.values() for i in range(len(v)) for j in range(i)
                         if v[i].dob.year == v[j].dob.year)
    same_dob_town = sum(v * (v - 1) // 2 for v in by_dob.values())
    print("hard-negative pairs: same Russian surname+given %d, ...and birth year %d; same birth date and town %d"
          % (same_name, same_name_year, same_dob_town))
    for fname, st in lstats.items():
        rows = written[fname]
        cnt = collections.Counter(r[-1] for r in rows)
        dup = sum(v * (v - 1) // 2 for v in cnt.values())
        tot = sum(st.nerr.values()) or 1
        print("%s: %d records, %d children, %d in-list duplicate pairs, errors 0/1/2/3 = %s" % (
            fname, len(rows), len(cnt), dup, " / ".join("%.1f%%" % (100 * st.nerr[i] / tot) for i in range(4))))
        print("  error kinds: " + ", ".join("%s %d" % kv for kv in st.kinds.most_common()))
        print("  variations: " + ", ".join("%s %.1f%%" % (k, 100 * v / max(1, len(rows)))
                                           for k, v in st.var.most_common()))
    if a.mode == "cross":
        per = {f: collections.Counter(r[-1] for r in rows) for f, rows in written.items()}
        fs = list(per)
        for i in range(len(fs)):
            for j in range(i + 1, len(fs)):
                pairs = sum(per[fs[i]][c] * per[fs[j]][c] for c in per[fs[i]])
                print("true pairs %s x %s: %d" % (fs[i], fs[j], pairs))
        on = collections.Counter(sum(1 for f in fs if c.cid in per[f]) for c in kids)
        print("children on 0/1/2/3/4 lists: " + " / ".join(str(on[i]) for i in range(5)))


rng_global = random.Random(0)

if __name__ == "__main__":
    main()
