#!/usr/bin/env python3
"""registries5: a fifth independent generator of child registries.

python3 gen5.py --children N --seed S --out DIR [--mode cross|latin]

Standard library only, deterministic by --seed. Writes the lists and
truth.csv (file,record_id,child_id), reads everything back and prints
self-checks. See README.md next to this file.
"""
import argparse
import csv
import datetime as dt
import os
import random
import sys
from collections import Counter, defaultdict

D = dt.date

# --------------------------------------------------------------------------
# Name pools. Surnames: "ua|ru|weight" (masculine; ru empty = mechanical);
# groups: ua (Ukrainian), ru (Russian), by (Belarusian), ct (Crimean
# Tatar), rom (Roma), md (Moldovan/Romanian), gr (Mariupol Greek).
# Native Latin spelling for ct/md/gr after a third bar where one is used.
# --------------------------------------------------------------------------
SURNAMES = {
    "ua": """Шевченко||9 Мельник||8 Бойко||7 Коваленко||8 Бондаренко||7 Ткаченко||6
Кравченко||6 Ковальчук||5 Олійник|Олейник|5 Шевчук||5 Поліщук|Полищук|4 Лисенко|Лысенко|4
Бондар||4 Марченко||4 Руденко||4 Савченко||4 Мороз||4 Петренко||4 Клименко||4 Павленко||3
Кравчук||3 Кузьменко||3 Левченко||3 Гончаренко||3 Харченко||3 Панченко||3 Романенко||3
Сидоренко||3 Карпенко||3 Литвиненко||3 Яковенко||2 Гуменюк||2 Онищенко||2 Дмитренко||2
Мартинюк|Мартынюк|2 Приходько||2 Мазур||2 Тимошенко||2 Гаврилюк||2 Кушнір|Кушнир|2 Білоус|Белоус|2
Головко||2 Захарченко||2 Нестеренко||2 Пономаренко||3 Зінченко|Зинченко|2 Юрченко||2
Остапенко||2 Вакуленко||2 Дорошенко||2 Жук||2 Гребенюк||2 Степаненко||2 Ярошенко||2
Демченко||2 Білик|Билык|2 Власенко||2 Сердюк||2 Кириленко||2 Ковальський|Ковальский|2
Вишневський|Вишневский|2 Бережний|Бережной|2 Чорновол|Черновол|1 Гнатюк||1 Процик||1
Козак||2 Ляшенко||2 Білоконь|Белоконь|1 Швець|Швец|2 Коваль||3 Гриценко||2 Сорока||1
Гордієнко|Гордиенко|2 Ігнатенко|Игнатенко|1 Щербак||2 Чумак||1 Дяченко||2 Рябоконь||1""",
    "ru": """Іванов|Иванов|7 Кузнєцов|Кузнецов|5 Попов|Попов|4 Соколов|Соколов|3 Морозов|Морозов|3
Волков|Волков|3 Лебедєв|Лебедев|2 Козлов|Козлов|3 Новиков|Новиков|3 Петров|Петров|4
Федоров|Федоров|2 Смирнов|Смирнов|4 Васильєв|Васильев|3 Зайцев|Зайцев|2 Орлов|Орлов|2
Ковальов|Ковалёв|2 Соловйов|Соловьёв|2 Пєтухов|Петухов|1 Медведєв|Медведев|2 Сергєєв|Сергеев|2
Бєлов|Белов|2 Тарасов|Тарасов|2 Гусєв|Гусев|1 Фролов|Фролов|1 Калінін|Калинин|1
Нікітін|Никитин|2 Захаров|Захаров|2 Алексєєв|Алексеев|1 Макаров|Макаров|2 Баранов|Баранов|1
Семенов|Семёнов|2 Єгоров|Егоров|1 Ільїн|Ильин|1 Толстой|Толстой|1 Горбатий|Горбатый|1""",
    "by": """Жданович|Жданович|2 Ярошевич|Ярошевич|2 Шинкевич|Шинкевич|1 Климович|Климович|1
Лукашевич|Лукашевич|2 Мацкевич|Мацкевич|1 Лазаренок|Лазарёнок|1 Ковалевич|Ковалевич|1""",
    "ct": """Аблаєв|Аблаев|3|Ablayev Умеров|Умеров|3|Umerov Джемілєв|Джемилев|2|Cemilev
Сейтаблаєв|Сейтаблаев|2|Seytablayev Куртсеїтов|Куртсеитов|1|Qurtseitov Мустафаєв|Мустафаев|3|Mustafayev
Ібраїмов|Ибраимов|2|Ibraimov Османов|Османов|3|Osmanov Алієв|Алиев|3|Aliyev Чубаров|Чубаров|1|Çubarov
Велієв|Велиев|2|Veliyev Ісмаїлов|Исмаилов|2|Ismailov Аметов|Аметов|2|Ametov Бекіров|Бекиров|2|Bekirov""",
    "rom": """Михай|Михай|3 Лакатош|Лакатош|2 Бурлаченко|Бурлаченко|2 Ороші|Ороши|1 Балог|Балог|1
Сандул|Сандул|1""",
    "md": """Чобану|Чобану|3|Ciobanu Русу|Русу|3|Rusu Мунтяну|Мунтяну|2|Munteanu Лупу|Лупу|2|Lupu
Унгуряну|Унгуряну|1|Ungureanu Попеску|Попеску|1|Popescu Арнаут|Арнаут|2|Arnaut Гуцу|Гуцу|1|Guțu
Казаку|Казаку|1|Cazacu Сирбу|Сырбу|1|Sîrbu""",
    "gr": """Куїнджі|Куинджи|2|Kuindzhi Хаджинов|Хаджинов|3|Khadzhynov Бахчиванжі|Бахчиванджи|2|Bakhchyvanzhi
Кечеджі|Кечеджи|2|Kechedzhi Ялі|Яли|2|Yali Сарбаш|Сарбаш|2|Sarbash Папуш|Папуш|1|Papush
Чабан|Чабан|2|Chaban Харабет|Харабет|1|Kharabet Пападопуло|Пападопуло|1|Papadopulo""",
}

# Given names: "ua|ru|ua_dim|ru_dim|en|weight|native"
BOYS = {
    "common": """Олександр|Александр|Сашко|Саша|Alexander|9 Дмитро|Дмитрий|Дмитрик|Дима||7
Максим|Максим|Максимко|Макс||8 Артем|Артём|Тема|Тёма||7 Андрій|Андрей|Андрійко|Андрюша|Andrew|5
Іван|Иван|Івасик|Ваня||5 Михайло|Михаил|Михайлик|Миша|Michael|5 Назар|Назар|Назарчик|Назар||4
Богдан|Богдан|Бодя|Бодя||4 Владислав|Владислав|Влад|Влад||4 Денис|Денис|Дениско|Дениска|Dennis|3
Кирило|Кирилл|Кирилко|Кирюша|Cyril|4 Тимофій|Тимофей|Тимко|Тима|Timothy|3 Матвій|Матвей|Матвійко|Матвейка|Matthew|4
Єгор|Егор|Єгорчик|Егорка||4 Данило|Даниил|Даня|Даня|Daniel|4 Ярослав|Ярослав|Ярик|Ярик||3
Роман|Роман|Ромчик|Рома||3 Микита|Никита|Микитка|Никитка||5 Ілля|Илья|Іллюша|Илюша||4
Тарас|Тарас|Тарасик|Тарасик||2 Степан|Степан|Стьопа|Стёпа|Stephen|2 Сергій|Сергей|Сергійко|Серёжа||2
Юрій|Юрий|Юрко|Юра|George|2 Олег|Олег|Олежик|Олежка||1 Віктор|Виктор|Вітя|Витя|Victor|2
Марк|Марк|Марко|Марик|Mark|3 Давид|Давид|Давидко|Дава|David|2 Арсеній|Арсений|Арсенко|Сеня||2""",
    "ct": """Енвер|Энвер|||Enver|3|Enver Рустем|Рустем|||Rustem|3|Rustem Ельдар|Эльдар|||Eldar|3|Eldar
Ділявер|Дилявер|||Dilaver|2|Dilâver Емір|Эмир|||Emir|3|Emir Арсен|Арсен|||Arsen|2|Arsen
Решат|Решат|||Reshat|1|Reşat Алім|Алим|||Alim|2|Alim Ібраїм|Ибраим|||Ibraim|1|İbraim""",
    "md": """Іон|Ион|||Ion|3|Ion Думітру|Думитру|||Dumitru|2|Dumitru Міхай|Михай|||Mihai|3|Mihai
Васіле|Василе|||Vasile|1|Vasile Георге|Георге|||George|1|Gheorghe Андрей|Андрей|||Andrei|2|Andrei""",
    "rom": """Мірча|Мирча|||Mircea|2 Шандор|Шандор|||Sandor|2 Янош|Янош|||Janos|1 Радомир|Радомир|||Radomir|1""",
}
GIRLS = {
    "common": """Анастасія|Анастасия|Настуся|Настя|Anastasia|8 Марія|Мария|Марійка|Маша|Maria|7
Софія|София|Соня|Соня|Sophia|8 Анна|Анна|Аня|Аня|Anna|5 Ганна|Анна|Ганнуся|Аня|Hannah|2
Вікторія|Виктория|Віка|Вика|Victoria|6 Дар'я|Дарья|Даша|Даша|Daria|5 Поліна|Полина|Поля|Поля|Pauline|5
Олександра|Александра|Саша|Саша|Alexandra|3 Катерина|Екатерина|Катруся|Катя|Catherine|4
Єлизавета|Елизавета|Ліза|Лиза|Elizabeth|4 Аліна|Алина|Аліночка|Алиночка||3 Олена|Елена|Оленка|Лена|Helen|2
Юлія|Юлия|Юля|Юля|Julia|3 Ірина|Ирина|Іринка|Ира|Irene|2 Валерія|Валерия|Лера|Лера|Valeria|3
Діана|Диана|Діанка|Дианка|Diana|3 Вероніка|Вероника|Ніка|Ника|Veronica|3 Мілана|Милана|Міла|Мила||3
Злата|Злата|Златка|Златка||3 Ангеліна|Ангелина|Геля|Геля|Angelina|3 Христина|Кристина|Христя|Кристя|Christina|2
Соломія|Соломия|Соломійка|Соля||2 Уляна|Ульяна|Уляся|Уля||2 Кіра|Кира|Кірочка|Кирочка|Kira|2
Варвара|Варвара|Варя|Варя|Barbara|3 Ксенія|Ксения|Ксюша|Ксюша|Xenia|2 Єва|Ева|Євочка|Евочка|Eva|3""",
    "ct": """Ельвіна|Эльвина|||Elvina|3|Elvina Аліє|Алие|||Alie|2|Alie Ельмаз|Эльмаз|||Elmaz|2|Elmaz
Зарема|Зарема|||Zarema|2|Zarema Мавіле|Мавиле|||Mavile|1|Mavile Севіль|Севиль|||Sevil|2|Sevil
Джеміле|Джемиле|||Jemile|2|Cemile Есма|Эсма|||Esma|2|Esma Ленура|Ленура|||Lenura|2|Lenura""",
    "md": """Маріана|Мариана|||Mariana|2|Mariana Міхаела|Михаэла|||Mihaela|2|Mihaela Доїна|Дойна|||Doina|1|Doina
Іоана|Иоана|||Ioana|2|Ioana Кристіна|Кристина|||Cristina|2|Cristina""",
    "rom": """Земфіра|Земфира|||Zemfira|2 Рада|Рада|||Rada|2 Роза|Роза|||Rosa|2 Лала|Лала|||Lala|1""",
}
# Fathers: "ua|ru|ua_m|ua_f|ru_m|ru_f|weight" ("+" = regular: ov/ivna)
FATHERS = {
    "common": """Олександр|Александр|+|+|+|+|9 Сергій|Сергей|Сергійович|Сергіївна|Сергеевич|Сергеевна|6
Андрій|Андрей|Андрійович|Андріївна|Андреевич|Андреевна|6 Юрій|Юрий|Юрійович|Юріївна|Юрьевич|Юрьевна|4
Дмитро|Дмитрий|Дмитрович|Дмитрівна|Дмитриевич|Дмитриевна|5 Михайло|Михаил|Михайлович|Михайлівна|Михайлович|Михайловна|4
Микола|Николай|Миколайович|Миколаївна|Николаевич|Николаевна|5 Віктор|Виктор|+|+|+|+|4
Володимир|Владимир|+|+|+|+|6 Іван|Иван|+|+|+|+|5 Олег|Олег|+|+|+|+|4 Роман|Роман|+|+|+|+|4
Василь|Василий|Васильович|Василівна|Васильевич|Васильевна|3 Петро|Пётр|Петрович|Петрівна|Петрович|Петровна|3
Ігор|Игорь|Ігорович|Ігорівна|Игоревич|Игоревна|4 Олексій|Алексей|Олексійович|Олексіївна|Алексеевич|Алексеевна|5
Євген|Евгений|Євгенович|Євгенівна|Евгеньевич|Евгеньевна|4 Анатолій|Анатолий|Анатолійович|Анатоліївна|Анатольевич|Анатольевна|2
Валерій|Валерий|Валерійович|Валеріївна|Валерьевич|Валерьевна|2 Віталій|Виталий|Віталійович|Віталіївна|Витальевич|Витальевна|3
Костянтин|Константин|+|+|+|+|3 Руслан|Руслан|+|+|+|+|3 Артем|Артём|Артемович|Артемівна|Артёмович|Артёмовна|2
Денис|Денис|+|+|+|+|3 Максим|Максим|+|+|+|+|3 Вадим|Вадим|+|+|+|+|2 Ілля|Илья|Ілліч|Іллівна|Ильич|Ильинична|1
Павло|Павел|Павлович|Павлівна|Павлович|Павловна|3 Богдан|Богдан|+|+|+|+|2 Ярослав|Ярослав|+|+|+|+|2
Станіслав|Станислав|+|+|+|+|2 Федір|Фёдор|Федорович|Федорівна|Федорович|Федоровна|1""",
    "ct": """Енвер|Энвер|+|+|+|+|3 Рустем|Рустем|+|+|+|+|3 Ельдар|Эльдар|+|+|+|+|2 Решат|Решат|+|+|+|+|2
Ідріс|Идрис|+|+|+|+|1 Сервер|Сервер|+|+|+|+|2 Ернест|Эрнест|+|+|+|+|1""",
    "md": """Іон|Ион|+|+|+|+|3 Георгій|Георгий|Георгійович|Георгіївна|Георгиевич|Георгиевна|2
Думітру|Думитру|+|+|+|+|1 Василь|Василий|Васильович|Василівна|Васильевич|Васильевна|2""",
    "gr": """Харлампій|Харлампий|Харлампійович|Харлампіївна|Харлампиевич|Харлампиевна|1
Федір|Фёдор|Федорович|Федорівна|Федорович|Федоровна|2 Костянтин|Константин|+|+|+|+|2""",
}
MOTHERS = ("Олена|Елена Наталія|Наталья Тетяна|Татьяна Ірина|Ирина Світлана|Светлана "
           "Юлія|Юлия Оксана|Оксана Ольга|Ольга Марина|Марина Людмила|Людмила "
           "Анна|Анна Вікторія|Виктория Катерина|Екатерина Галина|Галина").split()

# Places: ua | occupation-Russian | oblast key | weight | extra groups
OBLASTS = {
    "dn": ("Донецька обл.", "ДНР", "Donetsk Oblast", "05"),
    "lh": ("Луганська обл.", "ЛНР", "Luhansk Oblast", "12"),
    "zp": ("Запорізька обл.", "Запорожская обл.", "Zaporizhzhia Oblast", "08"),
    "ks": ("Херсонська обл.", "Херсонская обл.", "Kherson Oblast", "21"),
    "kh": ("Харківська обл.", "Харьковская обл.", "Kharkiv Oblast", "22"),
    "cr": ("АР Крим", "Республика Крым", "Crimea", "01"),
}
PLACES_SRC = """Маріуполь|Мариуполь|dn|20|gr:9; Сартана|Сартана|dn|1|gr:40; Урзуф|Урзуф|dn|1|gr:30;
Мангуш|Первомайское|dn|1|gr:25; Донецьк|Донецк|dn|6|; Макіївка|Макеевка|dn|3|; Горлівка|Горловка|dn|3|;
Волноваха|Волноваха|dn|2|gr:5; Бахмут|Артёмовск|dn|2|; Бердянськ|Бердянск|zp|6|md:1;
Мелітополь|Мелитополь|zp|8|md:1; Енергодар|Энергодар|zp|3|; Токмак|Токмак|zp|2|; Василівка|Васильевка|zp|2|;
Приморськ|Приморск|zp|1|md:3; Херсон|Херсон|ks|8|md:2; Нова Каховка|Новая Каховка|ks|4|;
Олешки|Алешки|ks|3|rom:4; Гола Пристань|Голая Пристань|ks|2|; Скадовськ|Скадовск|ks|2|;
Генічеськ|Геническ|ks|3|ct:3; Каховка|Каховка|ks|2|; Луганськ|Луганск|lh|5|; Сєвєродонецьк|Северодонецк|lh|4|;
Лисичанськ|Лисичанск|lh|4|; Алчевськ|Алчевск|lh|2|; Кадіївка|Стаханов|lh|2|; Рубіжне|Рубежное|lh|2|;
Старобільськ|Старобельск|lh|1|; Ізюм|Изюм|kh|2|; Куп'янськ|Купянск|kh|2|rom:3;
Сімферополь|Симферополь|cr|5|ct:20; Джанкой|Джанкой|cr|2|ct:25; Бахчисарай|Бахчисарай|cr|2|ct:35;
Євпаторія|Евпатория|cr|2|ct:12; Судак|Судак|cr|1|ct:25; Керч|Керчь|cr|2|ct:5"""
RU_CITIES = ("Москва Ростов-на-Дону Таганрог Краснодар Воронеж Белгород Курск Тула Омск "
             "Новосибирск Подольск Рязань Кострома Пенза").split()

BASE_MIX = {"ua": 72, "ru": 20, "by": 2.0, "rom": 2.0, "md": 0.8, "ct": 0.0, "gr": 0.0}
CRIMEA_MIX = {"ua": 22, "ru": 55, "by": 1.5, "rom": 1.0, "md": 0.5, "ct": 0.0, "gr": 0.0}


def parse_pool(src, nfields):
    out = []
    for tok in src.split():
        f = tok.split("|")
        f += [""] * (nfields - len(f))
        out.append(f)
    return out


def parse_surnames():
    pools = {}
    for g, src in SURNAMES.items():
        rows = []
        for f in parse_pool(src, 4):
            ua, ru, w, native = f
            rows.append({"ua": ua, "ru": ru or mech_ru(ua), "w": float(w), "native": native, "group": g})
        pools[g] = rows
    return pools


def parse_given(table):
    pools = {}
    for g, src in table.items():
        rows = []
        for f in parse_pool(src, 7):
            ua, ru, uad, rud, en, w, native = f
            rows.append({"ua": ua, "ru": ru, "ua_dim": uad, "ru_dim": rud, "en": en,
                         "w": float(w), "native": native})
        pools[g] = rows
    return pools


def parse_fathers():
    pools = {}
    for g, src in FATHERS.items():
        rows = []
        for f in parse_pool(src, 7):
            ua, ru, uam, uaf, rum, ruf, w = f
            rows.append({
                "ua": ua, "ru": ru,
                "ua_m": ua + "ович" if uam == "+" else uam,
                "ua_f": ua + "івна" if uaf == "+" else uaf,
                "ru_m": ru + "ович" if rum == "+" else rum,
                "ru_f": ru + "овна" if ruf == "+" else ruf,
                "w": float(w)})
        pools[g] = rows
    return pools


def parse_places():
    items = []
    for rec in PLACES_SRC.replace("\n", " ").split(";"):
        ua, ru, obl, w, extra = [x.strip() for x in rec.split("|")]
        mix = dict(CRIMEA_MIX if obl == "cr" else BASE_MIX)
        if extra:
            g, v = extra.split(":")
            mix[g] = float(v)
        items.append({"ua": ua, "ru": ru, "obl": obl, "w": float(w), "mix": mix})
    return items


# --------------------------------------------------------------------------
# Script conversions
# --------------------------------------------------------------------------
def mech_ru(ua):
    """Russian spelling of a Ukrainian word by a clerk's mechanical rules."""
    out = []
    for i, ch in enumerate(ua):
        lo = ch.lower()
        m = {"і": "и", "ї": "и", "є": "е", "ґ": "г", "'": "ь", "’": "ь", "ʼ": "ь"}.get(lo)
        if lo == "е" and i == 0:
            m = "э"
        if lo == "и" and i > 0 and ua[i - 1].lower() not in "аеиоуяюєії'":
            m = "ы" if ua.lower().startswith(("лис", "бил", "мартин")) and i < 4 else None
        if m is None:
            out.append(ch)
        else:
            out.append(m.upper() if ch.isupper() else m)
    return "".join(out)


def feminine(s, lang):
    if lang in ("ua", "ru"):
        for a, b in (("ський", "ська"), ("цький", "цька"), ("ский", "ская"), ("цкий", "цкая"),
                     ("ний", "на"), ("ий", "а"), ("ой", "ая"), ("ый", "ая")):
            if s.endswith(a):
                if lang == "ua" and a == "ой":
                    b = "а"
                if lang == "ru" and b in ("на", "а"):
                    b = "ая" if a in ("ий", "ой", "ый") else b
                return s[: -len(a)] + b
        if s.endswith(("ов", "ев", "єв", "ёв", "ин", "ін", "їн", "ын")):
            return s + "а"
        return s
    # Latin native
    if s.endswith(("ov", "ev", "yev", "in")):
        return s + "a"
    return s


UA_LAT = {  # KMU 2010
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "", "ʼ": "",
    "ы": "y", "э": "e", "ё": "io", "ъ": "",
}
UA_LAT_INIT = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
RU_POP = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
    "'": "",
}
RU_ICAO = dict(RU_POP, **{"ё": "e", "й": "i", "ю": "iu", "я": "ia", "ъ": "ie"})
DE_UA = {
    "а": "a", "б": "b", "в": "w", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "je", "ж": "sch",
    "з": "s", "и": "y", "і": "i", "ї": "ji", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch", "ц": "z",
    "ч": "tsch", "ш": "sch", "щ": "schtsch", "ь": "", "ю": "ju", "я": "ja", "'": "", "ы": "y",
    "э": "e", "ё": "jo", "ъ": "",
}
FR_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "io", "ж": "j", "з": "z",
    "и": "i", "й": "ï", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "ou", "ф": "f", "х": "kh", "ц": "ts", "ч": "tch", "ш": "ch",
    "щ": "chtch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iou", "я": "ia", "і": "i", "ї": "ï",
    "є": "ie", "ґ": "g", "'": "",
}
PL_UA = {
    "а": "a", "б": "b", "в": "w", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "je", "ж": "ż",
    "з": "z", "и": "y", "і": "i", "ї": "ji", "й": "j", "к": "k", "л": "ł", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch", "ц": "c",
    "ч": "cz", "ш": "sz", "щ": "szcz", "ь": "", "ю": "ju", "я": "ja", "'": "", "ы": "y", "э": "e",
    "ё": "jo", "ъ": "",
}
PL_SOFT = {"с": "ś", "н": "ń", "ц": "ć", "з": "ź", "л": "l", "т": "ť"}
VOWELS_CYR = "аеєиіїоуюяыэё'’ʼ"


def translit(word, scheme):
    """Transliterate one Cyrillic string by a scheme name."""
    out = []
    low = word
    n = len(low)
    for i, ch in enumerate(low):
        lo = ch.lower()
        start = i == 0 or not low[i - 1].isalpha() and low[i - 1] not in "'’ʼ"
        after_vowel = i > 0 and low[i - 1].lower() in VOWELS_CYR
        nxt = low[i + 1].lower() if i + 1 < n else ""
        if scheme == "kmu":
            if lo == "г" and i > 0 and low[i - 1].lower() == "з":
                r = "gh"
            elif start and lo in UA_LAT_INIT:
                r = UA_LAT_INIT[lo]
            else:
                r = UA_LAT.get(lo, lo)
        elif scheme in ("ru_pop", "ru_icao"):
            tab = RU_POP if scheme == "ru_pop" else RU_ICAO
            if scheme == "ru_pop" and lo == "е" and (start or after_vowel or low[i - 1].lower() in "ьъ"):
                r = "ye"
            else:
                r = tab.get(lo, lo)
        elif scheme == "de":
            if lo == "с" and after_vowel and nxt and nxt in VOWELS_CYR:
                r = "ss"
            else:
                r = DE_UA.get(lo, lo)
        elif scheme == "fr":
            if lo == "с" and after_vowel and nxt and nxt in VOWELS_CYR:
                r = "ss"
            elif lo == "г" and nxt in ("е", "и", "є", "і"):
                r = "gu"
            else:
                r = FR_RU.get(lo, lo)
        elif scheme == "pl":
            if nxt == "ь" and lo in PL_SOFT:
                r = PL_SOFT[lo]
            elif lo == "л" and nxt in ("і", "ю", "я", "є", "ї"):
                r = "l"
            elif lo in ("ю", "я", "є") and i > 0 and not after_vowel and not start:
                r = {"ю": "iu", "я": "ia", "є": "ie"}[lo]
                if low[i - 1].lower() == "л":
                    r = r[1:]
            else:
                r = PL_UA.get(lo, lo)
        else:
            raise ValueError(scheme)
        if ch.isupper() and r:
            r = r.upper() if (i + 1 < n and low[i + 1].isupper()) else r[0].upper() + r[1:]
        out.append(r)
    s = "".join(out)
    if scheme == "fr" and s.endswith(("ov", "ev")) and random_state.random() < 0.3:
        s = s[:-1] + "ff"
    return s


random_state = random.Random(0)  # used only for a scheme detail; reseeded in main


def phonetic(latin, rng):
    """How a hotline operator spells a name heard over the phone."""
    s = latin
    low = s.lower()
    reps = [("shch", ["sch", "sh", "shch"]), ("kh", ["h", "kh", "h"]), ("zh", ["j", "zh", "g"]),
            ("ts", ["tz", "ts", "c"]), ("ch", ["tch", "ch", "ch"]), ("iy", ["y", "ee", "i"]),
            ("yi", ["i", "yi"]), ("ya", ["ia", "ja", "ya"]), ("yu", ["u", "iu", "you"]),
            ("ks", ["x", "ks"]), ("ie", ["e", "ye", "ie"]), ("ii", ["i", "iy"])]
    for a, opts in reps:
        if a in low and rng.random() < 0.55:
            b = rng.choice(opts)
            idx = low.find(a)
            seg = b if not s[idx].isupper() else b[0].upper() + b[1:]
            s = s[:idx] + seg + s[idx + len(a):]
            low = s.lower()
    chars = list(s)
    for i in range(1, len(chars)):
        c = chars[i]
        if c == "o" and rng.random() < 0.3:  # akanye as heard
            chars[i] = "a"
        elif c == "y" and 0 < i < len(chars) - 1 and chars[i - 1] not in "aeiou" and rng.random() < 0.5:
            chars[i] = rng.choice("ie")
        elif c == "e" and i < len(chars) - 1 and rng.random() < 0.12:
            chars[i] = "i"
    s = "".join(chars)
    if s.endswith(("ov", "ev")) and rng.random() < 0.25:
        s = s[:-1] + "ff"
    if s.endswith("enko") and rng.random() < 0.25:
        s = s[:-4] + "enco"
    if rng.random() < 0.12:  # a doubled or simplified consonant
        for i in range(1, len(s) - 1):
            if s[i] == s[i + 1] and s[i].isalpha():
                s = s[:i] + s[i + 1:]
                break
        else:
            i = rng.randrange(1, len(s))
            if s[i] in "lnrst":
                s = s[:i] + s[i] + s[i:]
    return s


# --------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------
KB = {
    "ua": ["йцукенгшщзхї", "фівапролджє", "ячсмитьбю"],
    "ru": ["йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"],
    "lat": ["qwertyuiop", "asdfghjkl", "zxcvbnm"],
}
CONF = {
    "ua": [("и", "і"), ("е", "є"), ("і", "ї"), ("и", "е"), ("г", "ґ"), ("о", "а"), ("ш", "щ")],
    "ru": [("и", "ы"), ("о", "а"), ("е", "и"), ("е", "ё"), ("е", "э"), ("ш", "щ"), ("т", "ш"),
           ("л", "м"), ("и", "п")],  # the last three: handwriting read back
    "lat": [("y", "i"), ("i", "e"), ("k", "c"), ("v", "w"), ("s", "z"), ("u", "ou"), ("o", "a"),
            ("kh", "h"), ("ia", "ya"), ("iu", "yu"), ("ts", "tz")],
}


def neighbours(ch, kb):
    lo = ch.lower()
    for row in KB[kb]:
        j = row.find(lo)
        if j >= 0:
            return [row[k] for k in (j - 1, j + 1) if 0 <= k < len(row)]
    return []


def typo(s, rng, kb):
    if len(s) < 3:
        return s + s[-1:] if s else s
    for _ in range(20):
        op = rng.choices(["kb", "drop", "double", "swap", "conf"], [30, 20, 15, 15, 20])[0]
        i = rng.randrange(1, len(s))
        t = s
        c = s[i]
        if not c.isalpha():
            continue
        if op == "kb":
            nb = neighbours(c, kb)
            if nb:
                r = rng.choice(nb)
                t = s[:i] + (r.upper() if c.isupper() else r) + s[i + 1:]
        elif op == "drop":
            t = s[:i] + s[i + 1:]
        elif op == "double":
            t = s[:i] + c + s[i:]
        elif op == "swap" and i + 1 < len(s) and s[i + 1].isalpha():
            t = s[:i] + s[i + 1] + c + s[i + 2:]
        elif op == "conf":
            pairs = CONF[kb][:]
            rng.shuffle(pairs)
            low = s.lower()
            for a, b in pairs:
                if rng.random() < 0.5:
                    a, b = b, a
                j = low.find(a, 1)
                if j > 0:
                    seg = b.upper() if s[j].isupper() else b
                    t = s[:j] + seg + s[j + len(a):]
                    break
        if t != s:
            return t
    return s[:-1] if len(s) > 3 else s + s[-1]


def date_error(d, rng):
    for _ in range(20):
        k = rng.choices(["dm", "year", "day1", "digit", "month"], [25, 20, 20, 20, 15])[0]
        try:
            if k == "dm" and d.day <= 12 and d.day != d.month:
                return D(d.year, d.day, d.month), "dob_day_month_swap"
            if k == "year":
                return d.replace(year=d.year + rng.choice([-1, 1])), "dob_year"
            if k == "day1":
                return d + dt.timedelta(days=rng.choice([-1, 1])), "dob_day"
            if k == "digit":
                nd = d.day + rng.choice([-10, 10, -20, 20])
                if 1 <= nd <= 28:
                    return d.replace(day=nd), "dob_day"
            if k == "month":
                nm = d.month + rng.choice([-1, 1])
                if 1 <= nm <= 12:
                    return d.replace(month=nm), "dob_month"
        except ValueError:
            pass
    return d + dt.timedelta(days=1), "dob_day"


def age_at(dob, ref):
    return ref.year - dob.year - ((ref.month, ref.day) < (dob.month, dob.day))


def rand_date(rng, a, b):
    return a + dt.timedelta(days=rng.randrange((b - a).days + 1))


def wchoice(rng, rows):
    return rng.choices(rows, [r["w"] for r in rows])[0]


# --------------------------------------------------------------------------
# Population
# --------------------------------------------------------------------------
class Pools:
    def __init__(self):
        self.surnames = parse_surnames()
        self.boys = parse_given(BOYS)
        self.girls = parse_given(GIRLS)
        self.fathers = parse_fathers()
        self.places = parse_places()
        self.mothers = [m.split("|") for m in MOTHERS]


def given_pool(pools, sex, group, rng):
    table = pools.boys if sex == "m" else pools.girls
    share = {"ct": 0.85, "md": 0.5, "rom": 0.35}.get(group, 0)
    if group in table and rng.random() < share:
        return table[group]
    return table["common"]


def father_pool(pools, group, rng):
    share = {"ct": 0.9, "md": 0.6, "gr": 0.3}.get(group, 0)
    if group in pools.fathers and rng.random() < share:
        return pools.fathers[group]
    return pools.fathers["common"]


BIRTH_LO, BIRTH_HI = D(2005, 3, 1), D(2022, 2, 23)


def make_population(n, rng, pools):
    children = []
    households = []
    stats = Counter()
    place_w = [p["w"] for p in pools.places]

    def new_child(hh, sex, given, dob):
        c = {"id": "C%06d" % (len(children) + 1), "hh": hh["n"], "sex": sex, "given": given,
             "dob": dob, "surname": hh["surname"], "group": hh["group"], "father": hh["father"],
             "home": hh["home"], "mother": hh["mother"],
             "birthplace": hh["home"] if rng.random() < 0.75 else rng.choices(pools.places, place_w)[0]}
        children.append(c)
        hh["kids"].append(c)
        return c

    def new_household(surname=None, group=None, home=None, father=None):
        home = home or rng.choices(pools.places, place_w)[0]
        if group is None:
            mix = home["mix"]
            group = rng.choices(list(mix), list(mix.values()))[0]
        sur = surname or wchoice(rng, pools.surnames[group])
        hh = {"n": len(households), "surname": sur, "group": group, "home": home,
              "father": father or wchoice(rng, father_pool(pools, group, rng)),
              "mother": rng.choice(pools.mothers), "kids": []}
        households.append(hh)
        return hh

    n_inject = int(n * 0.012) + int(n * 0.010) + int(n * 0.005)
    target = n - n_inject
    while len(children) < target:
        if households and rng.random() < 0.14:
            rel = rng.choice(households)
            hh = new_household(rel["surname"], rel["group"], rel["home"])
            stats["relative households"] += 1
        else:
            hh = new_household()
        k = rng.choices([1, 2, 3, 4, 5, 6], [44, 31, 15, 6, 3, 1])[0]
        dob = rand_date(rng, BIRTH_LO, BIRTH_HI)
        used = set()
        for j in range(k):
            if len(children) >= target:
                break
            twin = j > 0 and rng.random() < 0.035
            if not twin and j > 0:
                dob = dob + dt.timedelta(days=rng.randrange(330, 2400))
                if dob > BIRTH_HI:
                    break
            sex = rng.choice("mf")
            pool = given_pool(pools, sex, hh["group"], rng)
            for _ in range(30):
                g = wchoice(rng, pool)
                if g["ua"] not in used:
                    break
            used.add(g["ua"])
            new_child(hh, sex, g, dob)
            if twin:
                stats["twin pairs"] += 1
    base = list(children)

    def pick_base(cond):
        for _ in range(200):
            c = rng.choice(base)
            if cond(c):
                return c
        return rng.choice(base)

    # cousins: same surname, sex, given name and birth year, a relative household
    for _ in range(int(n * 0.012)):
        c = pick_base(lambda c: True)
        hh = new_household(c["surname"], c["group"], c["home"])
        dob = rand_date(rng, D(c["dob"].year, 1, 1), D(c["dob"].year, 12, 31))
        new_child(hh, c["sex"], c["given"], min(dob, BIRTH_HI))
        stats["cousins injected (same name, same year)"] += 1
    # namesakes in the same town: same surname and given, unrelated, +-2 years
    for _ in range(int(n * 0.010)):
        c = pick_base(lambda c: c["group"] in ("ua", "ru"))
        hh = new_household(c["surname"], c["group"], c["home"])
        dob = c["dob"] + dt.timedelta(days=rng.randrange(-730, 731))
        new_child(hh, c["sex"], c["given"], max(BIRTH_LO, min(dob, BIRTH_HI)))
        stats["namesakes injected (same town)"] += 1
    # same name born a day apart, half with the same patronymic
    for _ in range(int(n * 0.005)):
        c = pick_base(lambda c: True)
        same_father = rng.random() < 0.5
        hh = new_household(c["surname"], c["group"], c["home"], c["father"] if same_father else None)
        new_child(hh, c["sex"], c["given"], c["dob"] + dt.timedelta(days=rng.choice([-1, 1])))
        stats["day-apart namesakes injected"] += 1
    return children, households, stats


def forms(c):
    """Name forms of a child: ua, ru, patronymics, native Latin."""
    sx = c["sex"]
    s = c["surname"]
    f = c["father"]
    g = c["given"]
    ua_s = s["ua"] if sx == "m" else feminine(s["ua"], "ua")
    ru_s = s["ru"] if sx == "m" else feminine(s["ru"], "ru")
    nat_s = ""
    if s["native"]:
        nat_s = s["native"] if sx == "m" else feminine(s["native"], "lat")
    return {"ua_s": ua_s, "ru_s": ru_s, "nat_s": nat_s, "ua_g": g["ua"], "ru_g": g["ru"],
            "ua_p": f["ua_m"] if sx == "m" else f["ua_f"], "ru_p": f["ru_m"] if sx == "m" else f["ru_f"],
            "nat_g": g["native"], "en": g["en"], "ua_dim": g["ua_dim"], "ru_dim": g["ru_dim"]}


# --------------------------------------------------------------------------
# Lists
# --------------------------------------------------------------------------
MONTHS = ("January February March April May June July August September October November "
          "December").split()


def fmt_date(d, style):
    if style == "dmy.":
        return d.strftime("%d.%m.%Y")
    if style == "d.m.y":
        return "%d.%d.%d" % (d.day, d.month, d.year)
    if style == "iso":
        return d.isoformat()
    if style == "dmy/":
        return d.strftime("%d/%m/%Y")
    if style == "mdy/":
        return d.strftime("%m/%d/%Y")
    if style == "long":
        return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)
    raise ValueError(style)


class ListBuilder:
    def __init__(self, name, dist, kinds):
        self.name = name
        self.dist = dist
        self.kinds = kinds
        self.records = []  # (row dict, child)
        self.nerr = Counter()
        self.kind_count = Counter()
        self.sys = Counter()

    def draw_errors(self, rng, avail=None):
        k = rng.choices([0, 1, 2, 3], self.dist)[0]
        self.nerr[k] += 1
        names = [x for x in self.kinds if avail is None or x in avail]
        out = []
        while len(out) < k and len(out) < len(names):
            e = rng.choices(names, [self.kinds[x] for x in names])[0]
            if e not in out:
                out.append(e)
        for e in out:
            self.kind_count[e] += 1
        return out


def police_place(p, rng):
    o = OBLASTS[p["obl"]][0]
    town = p["ua"]
    if p["obl"] == "cr":
        return rng.choice(["АР Крим, м. %s" % town, "м. %s (АР Крим)" % town, town])
    return rng.choice(["%s, м. %s" % (o, town), "м. %s, %s" % (town, o), "м. %s" % town,
                       "%s, %s" % (town, o.replace(" обл.", " область"))])


def rec_police(c, rng, L, serials):
    f = forms(c)
    errs = L.draw_errors(rng)
    sur, giv, pat = f["ua_s"], f["ua_g"], f["ua_p"]
    apo = rng.choice(["'", "’", "ʼ"])
    giv = giv.replace("'", apo)
    if rng.random() < 0.03:
        giv = f["ru_g"]
        L.sys["Russian given form"] += 1
    if rng.random() < 0.05:
        pat = ""
        L.sys["patronymic missing"] += 1
    dob = c["dob"]
    sex = c["sex"]
    place = c["home"]
    order_broken = False
    if "surname_typo" in errs:
        sur = typo(sur, rng, "ua")
    if "given_typo" in errs:
        giv = typo(giv, rng, "ua")
    if "patronymic_typo" in errs and pat:
        pat = typo(pat, rng, "ua")
    if "dob" in errs:
        dob, _ = date_error(dob, rng)
    if "sex" in errs:
        sex = "f" if sex == "m" else "m"
    if "place_other" in errs:
        place = rng.choice([p for p in PLACES if p["obl"] == place["obl"]] or PLACES)
    if "name_order" in errs:
        order_broken = True
    caps = rng.random() < 0.7
    s_out = sur.upper() if caps else sur
    pib = " ".join(x for x in ([giv, pat, s_out] if order_broken else [s_out, giv, pat]) if x)
    style = "d.m.y" if rng.random() < 0.06 else "dmy."
    dob_s = fmt_date(dob, style)
    if "dob_jan1" in errs:
        dob_s = "01.01.%d" % dob.year
    sx = {"m": rng.choice(["ч", "чол."]), "f": rng.choice(["ж", "жін."])}[sex]
    lost = rand_date(rng, D(2022, 2, 24), D(2023, 11, 30))
    while True:
        serial = rng.randrange(100000, 999999)
        if serial not in serials:
            serials.add(serial)
            break
    rid = "1%d%s0000%06d" % (lost.year, OBLASTS[c["home"]["obl"]][3], serial)
    circ = rng.choice(["депортовано до РФ", "вивезено окупаційною владою", "зв'язок втрачено",
                       "вивезено разом із закладом", "перебуває в РФ, місце невідоме",
                       "вивезено на «оздоровлення»"])
    organ = "ГУНП в %s" % {"dn": "Донецькій області", "lh": "Луганській області",
                           "zp": "Запорізькій області", "ks": "Херсонській області",
                           "kh": "Харківській області", "cr": "АР Крим та м. Севастополі"}[c["home"]["obl"]]
    row = {"ID": rid, "ПІБ": pib, "Дата народження": dob_s, "Стать": sx,
           "Останнє місце перебування": police_place(place, rng),
           "Дата зникнення": lost.strftime("%d.%m.%Y"), "Орган поліції": organ, "Обставини": circ}
    L.records.append((row, c))


def ru_place(p, rng):
    o = OBLASTS[p["obl"]][1]
    return rng.choice(["г. %s, %s" % (p["ru"], o), "%s, г. %s" % (o, p["ru"]), "г. %s" % p["ru"],
                       p["ru"]])


def rec_evac(c, rng, L):
    f = forms(c)
    sur, giv, pat = f["ru_s"], f["ru_g"], f["ru_p"]
    if rng.random() < 0.03:
        sur, giv, pat = f["ua_s"], f["ua_g"].replace("'", ""), f["ua_p"]
        L.sys["Ukrainian spelling copied"] += 1
    if rng.random() < 0.04 and f["ru_dim"]:
        giv = f["ru_dim"]
        L.sys["diminutive as given"] += 1
    if rng.random() < 0.10:
        pat = ""
        L.sys["patronymic missing"] += 1
    errs = L.draw_errors(rng)
    arrive = rand_date(rng, D(2022, 3, 5), D(2022, 11, 30))
    dob = c["dob"]
    year = dob.year
    age = age_at(dob, arrive)
    place = c["home"]
    if "surname_typo" in errs:
        sur = typo(sur, rng, "ru")
    if "given_typo" in errs:
        giv = typo(giv, rng, "ru")
    if "patronymic_typo" in errs and pat:
        pat = typo(pat, rng, "ru")
    if "year" in errs:
        year += rng.choice([-1, 1])
    if "age" in errs:
        age = max(0, age + rng.choice([-1, 1]))
    if "place_other" in errs:
        place = rng.choice(PLACES)
    parts = [sur, giv, pat]
    if "name_order" in errs:
        parts = [giv, pat, sur] if rng.random() < 0.6 else [giv, sur, pat]
    full = " ".join(x for x in parts if x)
    if rng.random() < 0.15:
        full = full.upper()
        L.sys["name in capitals"] += 1
    if rng.random() < 0.7:
        full = full.replace("ё", "е").replace("Ё", "Е")
    ystyle = rng.choices(["%d", "%d г.р.", "%dг."], [60, 30, 10])[0]
    year_s = ystyle % year
    if rng.random() < 0.03:
        year_s = ""
        L.sys["year missing"] += 1
    age_s = str(age)
    if rng.random() < 0.08:
        age_s = ""
        L.sys["age missing"] += 1
    r = rng.random()
    msur = f["ru_s"] if c["sex"] == "f" else feminine(c["surname"]["ru"], "ru")
    if r < 0.55:
        guard = "%s %s (мать)" % (msur, c["mother"][1])
    elif r < 0.7:
        guard = "%s %s (бабушка)" % (msur if rng.random() < 0.6 else rng.choice(["Иванова", "Петренко", "Шевчук", "Морозова"]),
                                     rng.choice(["Галина", "Валентина", "Людмила", "Надежда", "Раиса"]))
    elif r < 0.8:
        guard = "%s %s (отец)" % (c["surname"]["ru"], c["father"]["ru"])
    else:
        guard = rng.choice(["ГКУ СРЦН «Надежда»", "ГБУ СО «Центр помощи детям»", "КЦСОН, без законного представителя",
                            "ГКУ «Социальный приют для детей»"])
    pvr = rng.choice(["ПВР «Орлёнок», Таганрог", "ПВР «Дон», Ростовская обл.", "ПВР «Лесная сказка», Курская обл.",
                      "ПВР «Солнечный», Краснодарский край", "ПВР «Юность», Белгородская обл.",
                      "ПВР «Берёзка», Воронежская обл.", "ПВР «Горизонт», Пензенская обл."])
    row = {"№ п/п": "", "Ф.И.О.": full, "Год рождения": year_s, "Полных лет": age_s,
           "Откуда прибыл": ru_place(place, rng), "Законный представитель": guard, "ПВР": pvr,
           "Дата прибытия": arrive.strftime("%d.%m.%Y")}
    L.records.append((row, c))


CHANNELS = [("walk-in", 38), ("online form", 27), ("hotline", 35)]


def latin_name(f, c, channel, rng, L):
    """Surname, given, patronymic in Latin as the NGO would write them."""
    g = c["group"]
    if channel == "walk-in":
        scheme = rng.choices(["kmu", "ru_icao", "pl", "de"], [70, 15, 8, 7])[0]
    elif channel == "online form":
        scheme = rng.choices(["kmu", "ru_pop", "ru_icao", "fr", "de", "pl"], [40, 30, 10, 8, 6, 6])[0]
    else:
        scheme = rng.choices(["kmu", "ru_pop"], [45, 55])[0]
    src_ru = scheme in ("ru_pop", "ru_icao", "fr")
    s_c = f["ru_s"] if src_ru else f["ua_s"]
    g_c = f["ru_g"] if src_ru else f["ua_g"]
    p_c = f["ru_p"] if src_ru else f["ua_p"]
    sur, giv, pat = translit(s_c, scheme), translit(g_c, scheme), translit(p_c, scheme)
    L.sys["scheme " + scheme] += 1
    if g in ("ct", "md", "gr") and f["nat_s"] and rng.random() < 0.45:
        sur = f["nat_s"]
        if f["nat_g"]:
            giv = f["nat_g"]
        L.sys["native Latin spelling (ct/md/gr)"] += 1
    elif f["en"] and channel != "walk-in" and rng.random() < 0.12:
        giv = f["en"]
        L.sys["English equivalent"] += 1
    if channel == "hotline":
        sur2, giv2 = phonetic(sur, rng), phonetic(giv, rng)
        if (sur2, giv2) != (sur, giv):
            L.sys["phonetic spelling (hotline)"] += 1
        sur, giv = sur2, giv2
        if rng.random() < 0.06 and f["ru_dim"]:
            giv = translit(f["ru_dim"], "ru_pop")
            L.sys["diminutive as given"] += 1
    elif rng.random() < 0.025 and f["ru_dim"]:
        giv = translit(f["ru_dim"], scheme if src_ru else "ru_pop")
        L.sys["diminutive as given"] += 1
    return sur, giv, pat, scheme


def latin_place(p, scheme, rng):
    src = p["ru"] if scheme in ("ru_pop", "ru_icao", "fr") else p["ua"]
    t = translit(src.replace("'", ""), scheme if scheme != "de" else "kmu")
    if rng.random() < 0.3:
        t += ", " + OBLASTS[p["obl"]][2]
    return t


def rec_ngo(c, rng, L, ids, latin_mode=False):
    f = forms(c)
    channel = rng.choices([x for x, _ in CHANNELS], [w for _, w in CHANNELS])[0]
    sur, giv, pat, scheme = latin_name(f, c, channel, rng, L)
    errs = L.draw_errors(rng)
    intake = rand_date(rng, D(2022, 4, 1), D(2024, 10, 31))
    dob = c["dob"]
    sex = c["sex"]
    place = c["home"]
    dob_missing = channel == "hotline" and rng.random() < 0.15
    if dob_missing:
        L.sys["no DOB, age only (hotline)"] += 1
    if "surname_typo" in errs:
        sur = typo(sur, rng, "lat")
    if "given_typo" in errs:
        giv = typo(giv, rng, "lat")
    if "dob" in errs:
        dob, _ = date_error(dob, rng)
    if "swap" in errs:
        sur, giv = giv, sur
    if "dob_missing" in errs:
        dob_missing = True
    age = age_at(c["dob"], intake)
    style = {"walk-in": "dmy/", "online form": "iso", "hotline": "long"}[channel]
    if "dob_order" in errs:
        style = "mdy/" if style != "mdy/" else "dmy/"
    dob_s = "" if dob_missing else fmt_date(dob, style)
    if "year_only" in errs and not dob_missing:
        dob_s = str(dob.year)
    if rng.random() < 0.6 or channel != "walk-in":
        pat = "" if rng.random() < 0.7 else pat
    if "patronymic_dropped" in errs:
        pat = ""
    sex_s = {"m": "M", "f": "F"}[sex]
    if "sex" in errs:
        sex_s = "" if rng.random() < 0.6 else {"m": "F", "f": "M"}[sex]
    age_s = str(age) if (dob_missing or (channel == "hotline" and rng.random() < 0.4)) else ""
    place_s = latin_place(place, scheme, rng)
    if "place_dropped" in errs:
        place_s = ""
    while True:
        rid = "FT-%06d" % rng.randrange(1000000)
        if rid not in ids:
            ids.add(rid)
            break
    rel = rng.choices(["mother", "father", "grandmother", "aunt", "sibling", "other relative"],
                      [45, 15, 20, 8, 7, 5])[0]
    if latin_mode:
        order = {"walk-in": "S G P", "online form": "G S", "hotline": rng.choice(["G S", "S G"])}[channel]
        if "name_order" in errs:
            order = "S G" if order.startswith("G") else "G S"
        if order == "S G P":
            full = " ".join(x for x in (sur.upper(), giv, pat) if x)
        elif order == "G S":
            full = " ".join(x for x in (giv, sur) if x)
        else:
            full = " ".join(x for x in (sur, giv) if x)
        row = {"ID": rid, "Full name": full, "Sex": sex_s, "DOB": dob_s, "Age": age_s,
               "Intake date": intake.strftime("%d/%m/%Y"), "Place of origin": place_s,
               "Channel": channel, "Partner": rng.choice(["ICRC-FT", "SOS-CV", "Magnolia", "Hope-LV"])}
    else:
        row = {"Record ID": rid, "Intake date": intake.isoformat(), "Channel": channel,
               "Child surname": sur, "Child first name": giv, "Patronymic": pat, "Sex": sex_s,
               "Date of birth": dob_s, "Age": age_s, "Place of origin": place_s,
               "Enquirer relation": rel,
               "Tracing status": rng.choices(["open", "located", "reunited", "closed"], [60, 20, 8, 12])[0]}
    L.records.append((row, c))


def rec_guard(c, rng, L, ids, household_fate):
    f = forms(c)
    sur, giv, pat = f["ru_s"], f["ru_g"], f["ru_p"]
    form = household_fate
    dob = c["dob"]
    bplace = c["birthplace"]["ru"]
    prev = ""
    guardian_sur = None
    change = {"усыновление": 0.7, "опека": 0.12, "приемная семья": 0.15}[form]
    if rng.random() < change:
        gs = wchoice(rng, PARSED.surnames["ru"])
        guardian_sur = gs["ru"]
        prev = sur
        sur = guardian_sur if c["sex"] == "m" else feminine(guardian_sur, "ru")
        L.sys["surname changed to guardian's"] += 1
        if rng.random() < 0.5:
            L.sys["… previous surname noted"] += 1
        else:
            prev = ""
        if form == "усыновление" and rng.random() < 0.6:
            fa = wchoice(rng, PARSED.fathers["common"])
            pat = fa["ru_m"] if c["sex"] == "m" else fa["ru_f"]
            L.sys["patronymic changed (adoption)"] += 1
    if form == "усыновление":
        if rng.random() < 0.3:
            bplace = rng.choice(RU_CITIES)
            L.sys["birth place replaced by a Russian city"] += 1
        if rng.random() < 0.05:
            dob = dob + dt.timedelta(days=rng.randrange(-90, 91))
            L.sys["birth date changed (adoption)"] += 1
        if rng.random() < 0.05:
            pool = PARSED.boys["common"] if c["sex"] == "m" else PARSED.girls["common"]
            giv = wchoice(rng, pool)["ru"]
            L.sys["given name changed (adoption)"] += 1
    if rng.random() < 0.04:
        pat = ""
        L.sys["patronymic missing"] += 1
    errs = L.draw_errors(rng)
    sex = c["sex"]
    if "surname_typo" in errs:
        sur = typo(sur, rng, "ru")
    if "given_typo" in errs:
        giv = typo(giv, rng, "ru")
    if "patronymic_typo" in errs and pat:
        pat = typo(pat, rng, "ru")
    if "dob" in errs:
        dob, _ = date_error(dob, rng)
    if "sex" in errs:
        sex = "f" if sex == "m" else "m"
    if "birthplace_typo" in errs:
        bplace = typo(bplace, rng, "ru")
    if "birthplace_empty" in errs:
        bplace = ""
    gname = "%s %s" % (guardian_sur or rng.choice(["Смирнов", "Кузнецов", "Попов", "Волков", "Михайлов"]),
                       rng.choice(["Андрей Викторович", "Ольга Сергеевна", "Елена Ивановна", "Сергей Петрович"]))
    if gname.split()[1].endswith("а") and not gname.split()[0].endswith("а"):
        gname = feminine(gname.split()[0], "ru") + " " + " ".join(gname.split()[1:])
    while True:
        rid = "%02d-%07d" % (rng.choice([61, 23, 31, 36, 46, 77, 50, 54, 55]), rng.randrange(10000000))
        if rid not in ids:
            ids.add(rid)
            break
    decided = rand_date(rng, D(2022, 6, 1), D(2024, 8, 31))
    if prev:
        change_note = rng.choice(["прежняя фамилия %s", "ранее %s", "фамилия изменена (была %s)"]) % prev
    elif guardian_sur and rng.random() < 0.5:
        change_note = "фамилия изменена"
    else:
        change_note = ""
    row = {"Номер": rid, "Фамилия": sur, "Имя": giv, "Отчество": pat, "Дата рождения": dob.isoformat(),
           "Пол": {"m": "М", "f": "Ж"}[sex], "Место рождения": ("г. " + bplace) if bplace else "",
           "Изменение анкетных данных": change_note, "Форма устройства": form, "Опекун": gname,
           "Дата решения": decided.strftime("%d.%m.%Y"),
           "Орган опеки": rng.choice(["Управление опеки г. Ростова-на-Дону", "Минобрнауки ДНР",
                                       "Отдел опеки Таганрога", "Управление опеки Курской обл.",
                                       "Департамент соцзащиты г. Москвы", "Минтруд Запорожской обл."])}
    L.records.append((row, c))


PLACES = []
PARSED = None

LISTS = {
    "npu_missing_children.csv": dict(header=["ID", "ПІБ", "Дата народження", "Стать", "Останнє місце перебування",
                                             "Дата зникнення", "Орган поліції", "Обставини"],
                                     enc="utf-8-sig", delim=",", eol="\r\n", quoting=csv.QUOTE_MINIMAL, idcol="ID"),
    "ru_evacuated_minors.csv": dict(header=["№ п/п", "Ф.И.О.", "Год рождения", "Полных лет", "Откуда прибыл",
                                            "Законный представитель", "ПВР", "Дата прибытия"],
                                    enc="cp1251", delim=";", eol="\r\n", quoting=csv.QUOTE_MINIMAL, idcol="№ п/п"),
    "ngo_family_tracing.csv": dict(header=["Record ID", "Intake date", "Channel", "Child surname", "Child first name",
                                           "Patronymic", "Sex", "Date of birth", "Age", "Place of origin",
                                           "Enquirer relation", "Tracing status"],
                                   enc="utf-8", delim=",", eol="\n", quoting=csv.QUOTE_MINIMAL, idcol="Record ID"),
    "guardianship_register.tsv": dict(header=["Номер", "Фамилия", "Имя", "Отчество", "Дата рождения", "Пол",
                                              "Место рождения", "Изменение анкетных данных", "Форма устройства", "Опекун",
                                              "Дата решения", "Орган опеки"],
                                      enc="utf-8", delim="\t", eol="\n", quoting=csv.QUOTE_MINIMAL, idcol="Номер"),
    "tracing_merged.csv": dict(header=["ID", "Full name", "Sex", "DOB", "Age", "Intake date", "Place of origin",
                                       "Channel", "Partner"],
                               enc="utf-8-sig", delim=";", eol="\r\n", quoting=csv.QUOTE_MINIMAL, idcol="ID"),
}


def write_list(out, name, L):
    spec = LISTS[name]
    path = os.path.join(out, name)
    with open(path, "w", encoding=spec["enc"], newline="") as fh:
        w = csv.writer(fh, delimiter=spec["delim"], lineterminator=spec["eol"], quoting=spec["quoting"])
        w.writerow(spec["header"])
        for row, _ in L.records:
            w.writerow([row[h] for h in spec["header"]])


def main():
    global PLACES, PARSED
    ap = argparse.ArgumentParser()
    ap.add_argument("--children", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--mode", choices=["cross", "latin"], default="cross")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    random_state.seed(a.seed * 7919 + 1)
    PARSED = Pools()
    PLACES = PARSED.places
    children, households, pstats = make_population(a.children, rng, PARSED)
    os.makedirs(a.out, exist_ok=True)
    lists = {}
    if a.mode == "cross":
        A = ListBuilder("npu_missing_children.csv", [84, 12.5, 3, 0.5],
                        {"surname_typo": 30, "given_typo": 15, "patronymic_typo": 8, "dob": 24, "dob_jan1": 4,
                         "sex": 3, "place_other": 8, "name_order": 8})
        B = ListBuilder("ru_evacuated_minors.csv", [76, 19, 4.5, 0.5],
                        {"surname_typo": 30, "given_typo": 18, "patronymic_typo": 10, "year": 14, "age": 12,
                         "name_order": 8, "place_other": 8})
        C = ListBuilder("ngo_family_tracing.csv", [60, 28, 10, 2],
                        {"surname_typo": 26, "given_typo": 18, "dob": 16, "dob_order": 6, "year_only": 5,
                         "dob_missing": 6, "swap": 8, "place_dropped": 6, "sex": 4, "patronymic_dropped": 5})
        G = ListBuilder("guardianship_register.tsv", [85, 12, 2.5, 0.5],
                        {"surname_typo": 30, "given_typo": 15, "patronymic_typo": 10, "dob": 25,
                         "birthplace_typo": 8, "birthplace_empty": 7, "sex": 5})
        serials, ngo_ids, g_ids = set(), set(), set()
        hh_fate = {}
        for hh in households:
            fa = {"A": rng.random() < 0.45, "B": rng.random() < 0.40, "C": rng.random() < 0.25}
            fa["G"] = rng.random() < (0.24 if fa["B"] else 0.05)
            fa["form"] = rng.choices(["опека", "приемная семья", "усыновление"], [55, 25, 20])[0]
            hh_fate[hh["n"]] = fa
        for c in children:
            fa = hh_fate[c["hh"]]
            own = rng.random() < 0.3
            on = {}
            for k, p in (("A", 0.45), ("B", 0.40), ("C", 0.25)):
                on[k] = (rng.random() < p) if own else fa[k]
            on["G"] = (rng.random() < (0.24 if on["B"] else 0.05)) if own else fa["G"]
            if on["A"]:
                for _ in range(rng.choices([1, 2], [97.5, 2.5])[0]):
                    rec_police(c, rng, A, serials)
            if on["B"]:
                for _ in range(rng.choices([1, 2, 3], [96.5, 3, 0.5])[0]):
                    rec_evac(c, rng, B)
            if on["C"]:
                for _ in range(rng.choices([1, 2, 3], [91, 8, 1])[0]):
                    rec_ngo(c, rng, C, ngo_ids)
            if on["G"]:
                for _ in range(rng.choices([1, 2], [98.5, 1.5])[0]):
                    rec_guard(c, rng, G, g_ids, fa["form"])
        # orders
        A.records.sort(key=lambda r: r[0]["Дата зникнення"][6:] + r[0]["Дата зникнення"][3:5] + r[0]["Дата зникнення"][:2],
                       reverse=True)
        B.records.sort(key=lambda r: (r[0]["ПВР"], r[0]["Дата прибытия"][6:] + r[0]["Дата прибытия"][3:5]
                                      + r[0]["Дата прибытия"][:2], r[0]["Ф.И.О."]))
        for i, (row, _) in enumerate(B.records, 1):
            row["№ п/п"] = str(i)
        rng.shuffle(C.records)
        G.records.sort(key=lambda r: (r[0]["Фамилия"], r[0]["Имя"]))
        lists = {L.name: L for L in (A, B, C, G)}
    else:
        M = ListBuilder("tracing_merged.csv", [62, 27, 9, 2],
                        {"surname_typo": 26, "given_typo": 18, "dob": 16, "dob_order": 6, "year_only": 5,
                         "dob_missing": 6, "swap": 6, "name_order": 5, "place_dropped": 6, "sex": 4})
        ids = set()
        for c in children:
            for _ in range(rng.choices([1, 2, 3], [75, 20, 5])[0]):
                rec_ngo(c, rng, M, ids, latin_mode=True)
        rng.shuffle(M.records)
        lists = {M.name: M}
    for name, L in lists.items():
        write_list(a.out, name, L)
    with open(os.path.join(a.out, "truth.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["file", "record_id", "child_id"])
        for name, L in lists.items():
            idcol = LISTS[name]["idcol"]
            for row, c in L.records:
                w.writerow([name, row[idcol], c["id"]])
    report(a, children, households, pstats, lists)


def report(a, children, households, pstats, lists):
    ok = True
    out = a.out
    truth = defaultdict(dict)
    with open(os.path.join(out, "truth.csv"), encoding="utf-8", newline="") as fh:
        r = csv.reader(fh)
        assert next(r) == ["file", "record_id", "child_id"]
        ntruth = 0
        for row in r:
            ntruth += 1
            if len(row) != 3 or row[1] in truth[row[0]]:
                print("CHECK FAIL truth row", row)
                ok = False
            truth[row[0]][row[1]] = row[2]
    print("== population: %d children, %d households" % (len(children), len(households)))
    sib = sum(len(h["kids"]) * (len(h["kids"]) - 1) // 2 for h in households)
    print("   sibling pairs %d; %s" % (sib, "; ".join("%s %d" % kv for kv in sorted(pstats.items()))))
    by_name = defaultdict(list)
    for c in children:
        by_name[(c["surname"]["ua"], c["given"]["ua"])].append(c)
    same = same_y = same_yt = day = 0
    for cs in by_name.values():
        for i in range(len(cs)):
            for j in range(i + 1, len(cs)):
                same += 1
                if cs[i]["dob"].year == cs[j]["dob"].year:
                    same_y += 1
                    if cs[i]["home"]["ua"] == cs[j]["home"]["ua"]:
                        same_yt += 1
                if abs((cs[i]["dob"] - cs[j]["dob"]).days) <= 1:
                    day += 1
    print("   hard negatives: same surname+given %d, same birth year %d, same year and town %d, "
          "birth dates <= 1 day apart %d" % (same, same_y, same_yt, day))
    groups = Counter(c["group"] for c in children)
    print("   groups: " + ", ".join("%s %.1f%%" % (g, 100 * n / len(children)) for g, n in groups.most_common()))
    membership = defaultdict(set)
    per_file_child = {}
    for name, L in lists.items():
        spec = LISTS[name]
        path = os.path.join(out, name)
        raw = open(path, "rb").read()
        bom = raw.startswith(b"\xef\xbb\xbf")
        if bom != (spec["enc"] == "utf-8-sig"):
            print("CHECK FAIL BOM", name)
            ok = False
        eol_ok = (b"\r\n" in raw) == (spec["eol"] == "\r\n")
        if not eol_ok:
            print("CHECK FAIL line ends", name)
            ok = False
        with open(path, encoding=spec["enc"], newline="") as fh:
            rows = list(csv.reader(fh, delimiter=spec["delim"]))
        if rows[0] != spec["header"]:
            print("CHECK FAIL header", name, rows[0])
            ok = False
        ragged = sum(1 for r in rows[1:] if len(r) != len(spec["header"]))
        idx = spec["header"].index(spec["idcol"])
        ids = [r[idx] for r in rows[1:]]
        if ragged or len(set(ids)) != len(ids):
            print("CHECK FAIL ragged %d / duplicate ids %d in %s" % (ragged, len(ids) - len(set(ids)), name))
            ok = False
        if set(ids) != set(truth[name]) or len(ids) != len(truth[name]):
            print("CHECK FAIL truth/records mismatch", name)
            ok = False
        kids = Counter(truth[name][i] for i in ids)
        per_file_child[name] = kids
        for k in kids:
            membership[k].add(name)
        dup = sum(n * (n - 1) // 2 for n in kids.values())
        tot = sum(L.nerr.values())
        print("== %s (%s%s, %r, %s): %d records, %d children, %d in-list duplicate pairs" % (
            name, spec["enc"], " BOM" if bom else "", spec["delim"], "CRLF" if spec["eol"] == "\r\n" else "LF",
            len(ids), len(kids), dup))
        print("   errors 0/1/2/3: " + " / ".join("%.1f%%" % (100 * L.nerr[k] / tot) for k in range(4)))
        print("   error kinds: " + ", ".join("%s %d" % kv for kv in L.kind_count.most_common()))
        print("   systematic: " + ", ".join("%s %.1f%%" % (k, 100 * v / tot) for k, v in L.sys.most_common()))
    names = list(lists)
    if len(names) > 1:
        pairs = []
        for i in range(len(names)):
            for j in range(i + 1, len(names)):
                a_, b_ = per_file_child[names[i]], per_file_child[names[j]]
                n = sum(a_[k] * b_[k] for k in a_ if k in b_)
                pairs.append("%s×%s %d" % (names[i].split("_")[0], names[j].split("_")[0], n))
        print("== true cross-list pairs: " + ", ".join(pairs))
        on = Counter(len(membership.get(c["id"], ())) for c in children)
        print("   children on 0..%d lists: %s" % (len(names), " / ".join(str(on[k]) for k in range(len(names) + 1))))
    print("   truth rows %d" % ntruth)
    print("SELF-CHECK " + ("OK" if ok else "FAILED"))
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
