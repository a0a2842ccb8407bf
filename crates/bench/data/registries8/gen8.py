#!/usr/bin/env python3
"""gen8: an eighth, independent generator of child registries (SEALED held-out data).

Cross mode writes four lists as four different bodies would keep them, plus truth.csv;
latin mode writes one merged Latin-script tracing list with in-list duplicates.
Python 3.11, standard library only, deterministic by --seed. See README.md.
"""
import argparse
import csv
import datetime as dt
import io
import os
import random
import sys
from collections import Counter, defaultdict

# ---------------------------------------------------------------- name pools
# (ukrainian, russian, belarusian, [ukrainian diminutives], [russian diminutives], english, weight)
BOYS = [
    ("Олександр", "Александр", "Аляксандр", ["Сашко", "Саша"], ["Саша", "Шура"], "Alexander", 30),
    ("Максим", "Максим", "Максім", ["Макс"], ["Максимка"], "Maxim", 26),
    ("Артем", "Артём", "Арцём", ["Тьома"], ["Тёма"], "Artem", 22),
    ("Дмитро", "Дмитрий", "Дзмітрый", ["Діма"], ["Дима", "Митя"], "Dmitry", 21),
    ("Андрій", "Андрей", "Андрэй", ["Андрійко"], ["Андрюша"], "Andrew", 18),
    ("Іван", "Иван", "Іван", ["Івасик"], ["Ваня"], "John", 17),
    ("Данило", "Даниил", "Данііл", ["Даня"], ["Даня"], "Daniel", 16),
    ("Михайло", "Михаил", "Міхаіл", ["Михась"], ["Миша"], "Michael", 15),
    ("Богдан", "Богдан", "Багдан", ["Бодя"], ["Бодя"], "Bohdan", 14),
    ("Назар", "Назар", "Назар", ["Назарчик"], ["Назарка"], "Nazar", 12),
    ("Кирило", "Кирилл", "Кірыл", ["Кирюша"], ["Кирюша"], "Cyril", 12),
    ("Владислав", "Владислав", "Уладзіслаў", ["Влад"], ["Влад", "Владик"], "Vladislav", 12),
    ("Микола", "Николай", "Мікалай", ["Коля"], ["Коля"], "Nicholas", 11),
    ("Сергій", "Сергей", "Сяргей", ["Сергійко"], ["Серёжа"], "Sergei", 11),
    ("Денис", "Денис", "Дзяніс", ["Дениско"], ["Дениска"], "Dennis", 10),
    ("Євген", "Евгений", "Яўген", ["Женя"], ["Женя"], "Eugene", 10),
    ("Матвій", "Матвей", "Мацвей", ["Матвійко"], ["Мотя"], "Matthew", 10),
    ("Ярослав", "Ярослав", "Яраслаў", ["Ярик"], ["Слава"], "Yaroslav", 9),
    ("Володимир", "Владимир", "Уладзімір", ["Вова"], ["Вова", "Володя"], "Vladimir", 9),
    ("Тимофій", "Тимофей", "Цімафей", ["Тимко"], ["Тима"], "Timothy", 8),
    ("Роман", "Роман", "Раман", ["Ромчик"], ["Рома"], "Roman", 8),
    ("Юрій", "Юрий", "Юрый", ["Юрко"], ["Юра"], "George", 7),
    ("Ілля", "Илья", "Ілья", ["Ілюша"], ["Илюша"], "Elijah", 7),
    ("Віктор", "Виктор", "Віктар", ["Вітя"], ["Витя"], "Victor", 6),
    ("Тарас", "Тарас", "Тарас", ["Тарасик"], ["Тарасик"], "Taras", 6),
    ("Єгор", "Егор", "Ягор", ["Єгорчик"], ["Егорка"], "Egor", 6),
    ("Степан", "Степан", "Сцяпан", ["Стьопа"], ["Стёпа"], "Stephen", 5),
    ("Павло", "Павел", "Павел", ["Павлик"], ["Паша"], "Paul", 5),
    ("Петро", "Пётр", "Пётр", ["Петрик"], ["Петя"], "Peter", 4),
    ("Григорій", "Григорий", "Рыгор", ["Гриць"], ["Гриша"], "Gregory", 3),
    ("Федір", "Фёдор", "Фёдар", ["Федько"], ["Федя"], "Theodore", 3),
    ("Вадим", "Вадим", "Вадзім", ["Вадик"], ["Вадик"], "Vadim", 3),
    ("Станіслав", "Станислав", "Станіслаў", ["Стас"], ["Стас"], "Stanislav", 3),
    ("Остап", "Остап", "Астап", ["Остапчик"], ["Остапка"], "Ostap", 2),
    ("Марк", "Марк", "Марк", ["Марчик"], ["Марик"], "Mark", 4),
    ("Олексій", "Алексей", "Аляксей", ["Льоша"], ["Лёша"], "Alexis", 8),
    ("Давид", "Давид", "Давід", ["Давидко"], ["Дава"], "David", 4),
    ("Ростислав", "Ростислав", "Расціслаў", ["Ростик"], ["Ростик"], "Rostislav", 3),
]
GIRLS = [
    ("Анастасія", "Анастасия", "Анастасія", ["Настя"], ["Настя"], "Anastasia", 28),
    ("Софія", "София", "Сафія", ["Соня"], ["Соня"], "Sophia", 26),
    ("Марія", "Мария", "Марыя", ["Марійка"], ["Маша"], "Mary", 22),
    ("Дар'я", "Дарья", "Дар'я", ["Даша"], ["Даша"], "Daria", 18),
    ("Вікторія", "Виктория", "Вікторыя", ["Віка"], ["Вика"], "Victoria", 17),
    ("Анна", "Анна", "Ганна", ["Аня"], ["Аня"], "Anna", 15),
    ("Поліна", "Полина", "Паліна", ["Поля"], ["Поля"], "Pauline", 14),
    ("Катерина", "Екатерина", "Кацярына", ["Катруся"], ["Катя"], "Catherine", 13),
    ("Єлизавета", "Елизавета", "Елізавета", ["Ліза"], ["Лиза"], "Elizabeth", 12),
    ("Дарина", "Дарина", "Дарына", ["Даринка"], ["Дарина"], "Darina", 12),
    ("Олена", "Елена", "Алена", ["Оленка"], ["Лена"], "Helen", 10),
    ("Юлія", "Юлия", "Юлія", ["Юля"], ["Юля"], "Julia", 10),
    ("Аліна", "Алина", "Аліна", ["Алінка"], ["Алинка"], "Alina", 10),
    ("Валерія", "Валерия", "Валерыя", ["Лера"], ["Лера"], "Valeria", 9),
    ("Вероніка", "Вероника", "Вераніка", ["Ніка"], ["Ника"], "Veronica", 9),
    ("Мілана", "Милана", "Мілана", ["Міланка"], ["Миланка"], "Milana", 9),
    ("Злата", "Злата", "Злата", ["Златка"], ["Златка"], "Zlata", 8),
    ("Христина", "Кристина", "Крысціна", ["Христя"], ["Кристя"], "Christina", 7),
    ("Ірина", "Ирина", "Ірына", ["Іринка"], ["Ира"], "Irene", 7),
    ("Тетяна", "Татьяна", "Таццяна", ["Тетянка"], ["Таня"], "Tatiana", 6),
    ("Ольга", "Ольга", "Вольга", ["Оля"], ["Оля"], "Olga", 6),
    ("Наталія", "Наталья", "Наталля", ["Наталка"], ["Наташа"], "Natalia", 5),
    ("Оксана", "Оксана", "Аксана", ["Ксюша"], ["Ксюша"], "Oksana", 6),
    ("Ксенія", "Ксения", "Ксенія", ["Ксеня"], ["Ксюша"], "Xenia", 7),
    ("Олександра", "Александра", "Аляксандра", ["Сашка"], ["Саша"], "Alexandra", 8),
    ("Яна", "Яна", "Яна", ["Янка"], ["Яночка"], "Yana", 6),
    ("Діана", "Диана", "Дыяна", ["Діанка"], ["Диана"], "Diana", 6),
    ("Надія", "Надежда", "Надзея", ["Надійка"], ["Надя"], "Hope", 3),
    ("Соломія", "Соломия", "Саламея", ["Соля"], ["Соля"], "Solomia", 5),
    ("Уляна", "Ульяна", "Ульяна", ["Уляночка"], ["Уля"], "Juliana", 5),
    ("Маргарита", "Маргарита", "Маргарыта", ["Рита"], ["Рита"], "Margaret", 4),
    ("Євгенія", "Евгения", "Яўгенія", ["Женя"], ["Женя"], "Eugenia", 4),
    ("Ангеліна", "Ангелина", "Ангеліна", ["Геля"], ["Геля"], "Angelina", 6),
    ("Кіра", "Кира", "Кіра", ["Кірочка"], ["Кирочка"], "Kira", 4),
    ("Ева", "Ева", "Ева", ["Євочка"], ["Евочка"], "Eve", 5),
    ("Варвара", "Варвара", "Варвара", ["Варя"], ["Варя"], "Barbara", 4),
]
# father's given name -> patronymic forms (uk m, uk f, ru m, ru f) and the father's given (uk, ru)
FATHERS = [
    ("Олександр", "Александр", "Олександрович", "Олександрівна", "Александрович", "Александровна", 20),
    ("Сергій", "Сергей", "Сергійович", "Сергіївна", "Сергеевич", "Сергеевна", 18),
    ("Андрій", "Андрей", "Андрійович", "Андріївна", "Андреевич", "Андреевна", 16),
    ("Володимир", "Владимир", "Володимирович", "Володимирівна", "Владимирович", "Владимировна", 15),
    ("Віталій", "Виталий", "Віталійович", "Віталіївна", "Витальевич", "Витальевна", 10),
    ("Юрій", "Юрий", "Юрійович", "Юріївна", "Юрьевич", "Юрьевна", 12),
    ("Олег", "Олег", "Олегович", "Олегівна", "Олегович", "Олеговна", 12),
    ("Ігор", "Игорь", "Ігорович", "Ігорівна", "Игоревич", "Игоревна", 11),
    ("Віктор", "Виктор", "Вікторович", "Вікторівна", "Викторович", "Викторовна", 10),
    ("Дмитро", "Дмитрий", "Дмитрович", "Дмитрівна", "Дмитриевич", "Дмитриевна", 11),
    ("Микола", "Николай", "Миколайович", "Миколаївна", "Николаевич", "Николаевна", 10),
    ("Іван", "Иван", "Іванович", "Іванівна", "Иванович", "Ивановна", 9),
    ("Василь", "Василий", "Васильович", "Василівна", "Васильевич", "Васильевна", 8),
    ("Петро", "Пётр", "Петрович", "Петрівна", "Петрович", "Петровна", 6),
    ("Михайло", "Михаил", "Михайлович", "Михайлівна", "Михайлович", "Михайловна", 8),
    ("Анатолій", "Анатолий", "Анатолійович", "Анатоліївна", "Анатольевич", "Анатольевна", 5),
    ("Роман", "Роман", "Романович", "Романівна", "Романович", "Романовна", 7),
    ("Валерій", "Валерий", "Валерійович", "Валеріївна", "Валерьевич", "Валерьевна", 5),
    ("Геннадій", "Геннадий", "Геннадійович", "Геннадіївна", "Геннадьевич", "Геннадьевна", 4),
    ("Богдан", "Богдан", "Богданович", "Богданівна", "Богданович", "Богдановна", 5),
    ("Степан", "Степан", "Степанович", "Степанівна", "Степанович", "Степановна", 3),
    ("Григорій", "Григорий", "Григорович", "Григорівна", "Григорьевич", "Григорьевна", 3),
    ("Павло", "Павел", "Павлович", "Павлівна", "Павлович", "Павловна", 5),
    ("Руслан", "Руслан", "Русланович", "Русланівна", "Русланович", "Руслановна", 7),
    ("Євген", "Евгений", "Євгенович", "Євгенівна", "Евгеньевич", "Евгеньевна", 6),
    ("Артем", "Артём", "Артемович", "Артемівна", "Артёмович", "Артёмовна", 4),
    ("Максим", "Максим", "Максимович", "Максимівна", "Максимович", "Максимовна", 5),
]
MOTHERS = [("Олена", "Елена"), ("Наталія", "Наталья"), ("Тетяна", "Татьяна"), ("Ірина", "Ирина"),
           ("Юлія", "Юлия"), ("Оксана", "Оксана"), ("Світлана", "Светлана"), ("Людмила", "Людмила"),
           ("Ольга", "Ольга"), ("Інна", "Инна"), ("Катерина", "Екатерина"), ("Анна", "Анна"),
           ("Вікторія", "Виктория"), ("Марина", "Марина"), ("Галина", "Галина"), ("Валентина", "Валентина"),
           ("Лариса", "Лариса"), ("Алла", "Алла"), ("Надія", "Надежда"), ("Яна", "Яна")]
# Ukrainian surnames (masculine form), weights; feminine form derived
SURNAMES = """Шевченко 40|Коваленко 32|Бондаренко 30|Ткаченко 26|Кравченко 26|Мельник 25|Бойко 24|Олійник 22|
Шевчук 20|Коваль 20|Поліщук 18|Ковальчук 18|Ткачук 16|Кравчук 16|Лисенко 15|Марченко 15|Савченко 14|Руденко 14|
Мороз 13|Петренко 13|Клименко 12|Павленко 12|Кузьменко 11|Гончаренко 11|Левченко 11|Харченко 10|Литвиненко 10|
Романенко 10|Гуменюк 9|Пономаренко 9|Юрченко 9|Сидоренко 9|Карпенко 8|Білоус 8|Гнатюк 8|Головко 8|Зінченко 8|
Задорожний 7|Кириленко 7|Остапенко 7|Приходько 7|Дмитренко 7|Тимошенко 7|Ярошенко 6|Гребенюк 6|Кучер 6|Сірко 5|
Хоменко 6|Панченко 6|Яковенко 6|Василенко 6|Григоренко 6|Нестеренко 5|Демченко 5|Онищенко 5|Мірошниченко 5|
Волошин 5|Савчук 5|Гаврилюк 5|Стецюк 4|Ковальов 5|Соколов 4|Іванов 5|Петров 4|Кузнєцов 4|Білий 4|Чорний 4|
Кравець 4|Ступак 3|Дячук 3|Бабенко 4|Власенко 4|Діденко 4|Фесенко 3|Герасименко 3|Тарасенко 3|Грищенко 3|
Скиба 3|Лозовий 3|Костенко 3|Рибак 3|Їжак 2|Шаповал 3|Кобзар 2|Ничипорук 2|Сахно 2|Пилипенко 3|Вовк 3|
Заїка 2|Гаврилов 2|Мартинюк 3|Войтенко 2|Сотник 2|Щербак 3|Щербина 3|Швець 3|Кисіль 2|Ляшенко 3|Моргун 2|
Черненко 3|Бєлов 2|Сєров 1|Дем'яненко 2|Прокопенко 3|Лук'яненко 2|Гордієнко 2|Кондратюк 2|Євтушенко 2|Ємець 2|
Шульга 2|Кушнір 3|Горбань 2|Чумак 2|Токар 2|Рябоконь 1|Назаренко 3|Литвин 3|Семенюк 2|Нагорний 2|Пащенко 2"""
SURNAMES = [(s.split()[0], int(s.split()[1])) for s in SURNAMES.replace("\n", "").split("|")]
RU_SURNAMES = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
               "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
               "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Зайцев"]

# ---------------------------------------------------------------- places
# (uk name, ru name as Russian bodies write it (old names kept), type, oblast key)
OBLASTS = {
    "ks": ("Херсонська обл.", "Херсонская обл.", "Kherson Oblast", "Херсонська область", "Херсонская область", "Херсонского"),
    "zp": ("Запорізька обл.", "Запорожская обл.", "Zaporizhzhia Oblast", "Запорізька область", "Запорожская область", "Запорожского"),
    "dn": ("Донецька обл.", "ДНР", "Donetsk Oblast", "Донецька область", "Донецкая область", "Донецкого"),
    "lh": ("Луганська обл.", "ЛНР", "Luhansk Oblast", "Луганська область", "Луганская область", "Луганского"),
    "kh": ("Харківська обл.", "Харьковская обл.", "Kharkiv Oblast", "Харківська область", "Харьковская область", "Харьковского"),
    "mk": ("Миколаївська обл.", "Николаевская обл.", "Mykolaiv Oblast", "Миколаївська область", "Николаевская область", "Николаевского"),
    "cr": ("АР Крим", "Республика Крым", "Crimea", "Автономна Республіка Крим", "Республика Крым", ""),
}
PLACES = [
    ("Херсон", "Херсон", "м", "ks", 30), ("Нова Каховка", "Новая Каховка", "м", "ks", 10), ("Каховка", "Каховка", "м", "ks", 6),
    ("Олешки", "Алешки", "м", "ks", 6), ("Гола Пристань", "Голая Пристань", "м", "ks", 4), ("Скадовськ", "Скадовск", "м", "ks", 5),
    ("Генічеськ", "Геническ", "м", "ks", 5), ("Чорнобаївка", "Чернобаевка", "с", "ks", 3), ("Берислав", "Берислав", "м", "ks", 3),
    ("Велика Лепетиха", "Великая Лепетиха", "смт", "ks", 2), ("Новотроїцьке", "Новотроицкое", "смт", "ks", 2),
    ("Каланчак", "Каланчак", "смт", "ks", 2), ("Хорли", "Хорлы", "с", "ks", 1),
    ("Мелітополь", "Мелитополь", "м", "zp", 18), ("Енергодар", "Энергодар", "м", "zp", 7), ("Бердянськ", "Бердянск", "м", "zp", 10),
    ("Токмак", "Токмак", "м", "zp", 4), ("Василівка", "Васильевка", "м", "zp", 3), ("Пологи", "Пологи", "м", "zp", 2),
    ("Приморськ", "Приморск", "м", "zp", 2), ("Якимівка", "Акимовка", "смт", "zp", 2), ("Кам'янка-Дніпровська", "Каменка-Днепровская", "м", "zp", 2),
    ("Михайлівка", "Михайловка", "смт", "zp", 2),
    ("Маріуполь", "Мариуполь", "м", "dn", 26), ("Донецьк", "Донецк", "м", "dn", 22), ("Горлівка", "Горловка", "м", "dn", 9),
    ("Макіївка", "Макеевка", "м", "dn", 9), ("Волноваха", "Волноваха", "м", "dn", 4), ("Бахмут", "Артёмовск", "м", "dn", 5),
    ("Торецьк", "Дзержинск", "м", "dn", 2), ("Покровськ", "Красноармейск", "м", "dn", 3), ("Мирноград", "Димитров", "м", "dn", 2),
    ("Єнакієве", "Енакиево", "м", "dn", 4), ("Харцизьк", "Харцызск", "м", "dn", 3), ("Іловайськ", "Иловайск", "м", "dn", 1),
    ("Сартана", "Сартана", "смт", "dn", 1), ("Мангуш", "Мангуш", "смт", "dn", 1), ("Нікольське", "Володарское", "смт", "dn", 1),
    ("Луганськ", "Луганск", "м", "lh", 14), ("Сєвєродонецьк", "Северодонецк", "м", "lh", 6), ("Лисичанськ", "Лисичанск", "м", "lh", 5),
    ("Рубіжне", "Рубежное", "м", "lh", 3), ("Старобільськ", "Старобельск", "м", "lh", 3), ("Кадіївка", "Стаханов", "м", "lh", 3),
    ("Хрустальний", "Красный Луч", "м", "lh", 2), ("Довжанськ", "Свердловск", "м", "lh", 2), ("Сорокине", "Краснодон", "м", "lh", 2),
    ("Алчевськ", "Алчевск", "м", "lh", 3), ("Сватове", "Сватово", "м", "lh", 2), ("Новоайдар", "Новоайдар", "смт", "lh", 1),
    ("Ізюм", "Изюм", "м", "kh", 4), ("Куп'янськ", "Купянск", "м", "kh", 4), ("Балаклія", "Балаклея", "м", "kh", 3),
    ("Вовчанськ", "Волчанск", "м", "kh", 2), ("Харків", "Харьков", "м", "kh", 5), ("Великий Бурлук", "Великий Бурлук", "смт", "kh", 1),
    ("Снігурівка", "Снигирёвка", "м", "mk", 2), ("Миколаїв", "Николаев", "м", "mk", 2),
    ("Сімферополь", "Симферополь", "м", "cr", 4), ("Джанкой", "Джанкой", "м", "cr", 2), ("Армянськ", "Армянск", "м", "cr", 1),
    ("Красноперекопськ", "Красноперекопск", "м", "cr", 1), ("Євпаторія", "Евпатория", "м", "cr", 2),
]
RU_TYPE = {"м": "г.", "с": "с.", "смт": "пгт"}
UK_TYPE = {"м": "м.", "с": "с.", "смт": "смт"}
# families speaking Russian at home, by oblast (affects which given-name form relatives report)
RU_HOME = {"ks": 0.25, "zp": 0.35, "dn": 0.6, "lh": 0.6, "kh": 0.4, "mk": 0.25, "cr": 0.8}

# ---------------------------------------------------------------- transliteration
def _tr(word, table, initial=None, after_vowel=None):
    out = []
    low_vowels = "аеєиіїоуюяыэё"
    for i, ch in enumerate(word):
        lo = ch.lower()
        prev = word[i - 1].lower() if i > 0 else ""
        start = i == 0 or not prev.isalpha() and prev not in "'ʼ’"
        rep = None
        if start and initial and lo in initial:
            rep = initial[lo]
        elif after_vowel and lo in after_vowel and (prev in low_vowels or prev in "ьъ'"):
            rep = after_vowel[lo]
        elif lo in table:
            rep = table[lo]
        else:
            rep = lo if lo.isascii() else ""
        if ch.isupper() and rep:
            nxt = word[i + 1] if i + 1 < len(word) else ""
            rep = rep.upper() if (nxt.isupper() and len(word) > 1) else rep[0].upper() + rep[1:]
        out.append(rep)
    return "".join(out)

KMU = dict(zip("абвгґдезиіклмнопрстуфхцчшщ", "a b v h g d e z y i k l m n o p r s t u f kh ts ch sh shch".split()))
KMU.update({"є": "ie", "ж": "zh", "ї": "i", "й": "i", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "", "ы": "y", "э": "e", "ё": "e", "ъ": ""})
KMU_INIT = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
OLDUA = dict(KMU); OLDUA.update({"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya", "ь": "'", "г": "h"})
ICAO = dict(zip("абвгдезийклмнопрстуфыэ", "a b v g d e z i i k l m n o p r s t u f y e".split()))
ICAO.update({"ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ь": "", "ю": "iu", "я": "ia", "і": "i", "ї": "i", "є": "e", "'": ""})
BGN = dict(ICAO); BGN.update({"й": "y", "ю": "yu", "я": "ya", "ё": "ë", "ъ": "", "ь": "'"})
BGN_INIT = {"е": "ye", "ё": "yo"}
GER = dict(zip("абгдзиклмнопрстуфыэі", "a b g d s i k l m n o p r s t u f y e i".split()))
GER.update({"в": "w", "е": "e", "ё": "jo", "ж": "sch", "й": "j", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ъ": "", "ь": "", "ю": "ju", "я": "ja", "'": "", "ї": "ji", "є": "je"})
GER_INIT = {"е": "je"}
FRE = dict(zip("абвгдзиклмнопрстфыэі", "a b v g d z i k l m n o p r s t f y e i".split()))
FRE.update({"е": "e", "ё": "io", "ж": "j", "й": "ï", "у": "ou", "х": "kh", "ц": "ts", "ч": "tch", "ш": "ch", "щ": "chtch", "ъ": "", "ь": "", "ю": "iou", "я": "ia", "'": "", "ї": "ï", "є": "ie"})
POL = dict(zip("абвгґдезиіклмнопрстуф", "a b w h g d e z y i k l m n o p r s t u f".split()))
POL.update({"є": "ie", "ж": "ż", "ї": "ji", "й": "j", "х": "ch", "ц": "c", "ч": "cz", "ш": "sz", "щ": "szcz", "ь": "", "ю": "iu", "я": "ia", "'": "", "ы": "y", "э": "e", "ё": "io", "ъ": ""})
POL_INIT = {"є": "je", "ю": "ju", "я": "ja"}
POL_AV = {"є": "je", "ю": "ju", "я": "ja"}

def translit(word, std):
    if std == "kmu":
        w = word.replace("зг", "zgh").replace("Зг", "Zgh")
        return _tr(w, KMU, KMU_INIT)
    if std == "oldua":
        w = _tr(word, OLDUA, KMU_INIT)
        return w
    if std == "icao":
        return _tr(word, ICAO)
    if std == "bgn":
        return _tr(word, BGN, BGN_INIT, {"е": "ye", "ё": "yo"}).replace("ë", "yo")
    if std == "ger":
        w = _tr(word, GER, GER_INIT, {"е": "je"})
        # single s between vowels is voiced in German; a clerk writes ss for the Russian voiceless s
        return w
    if std == "fre":
        return _tr(word, FRE)
    if std == "pol":
        return _tr(word, POL, POL_INIT, POL_AV)
    raise ValueError(std)

def translit_phrase(text, std):
    parts, cur = [], ""
    for ch in text:
        if ch.isalpha() or ch in "'ʼ’":
            cur += ch
        else:
            if cur:
                parts.append(translit(cur, std)); cur = ""
            parts.append(ch)
    if cur:
        parts.append(translit(cur, std))
    return "".join(parts)

# ---------------------------------------------------------------- Russification of Ukrainian surnames
def russify_surname(s, rng):
    special = {"Білоус": "Белоус", "Білий": "Белый", "Чорний": "Черный", "Сірко": "Сирко", "Ковальов": "Ковалёв",
               "Кузнєцов": "Кузнецов", "Бєлов": "Белов", "Сєров": "Серов", "Кисіль": "Кисель", "Швець": "Швец",
               "Кравець": "Кравец", "Їжак": "Ежак", "Ємець": "Емец"}
    if s in special:
        return special[s]
    # a Russian clerk copies the Cyrillic letters, replacing only what Russian lacks;
    # now and then one spells the Ukrainian sound instead (и -> ы)
    phonetic = rng is not None and rng.random() < 0.08
    out = []
    for i, ch in enumerate(s):
        lo = ch.lower()
        m = {"і": "и", "ї": "и", "є": "е", "'": "ь", "’": "ь"}.get(lo, lo)
        if lo == "и" and (phonetic or (i + 1 < len(s) and s[i + 1] == "й")):
            m = "ы"
        out.append(m.upper() if ch.isupper() else m)
    return "".join(out)

def fem_uk(s):
    if s.endswith("ий"):
        return s[:-2] + "а"
    if s.endswith(("ов", "ев", "єв", "ін", "ин")):
        return s + "а"
    if s.endswith("ьов"):
        return s + "а"
    return s

def fem_ru(s):
    if s.endswith(("ый", "ий")):
        return s[:-2] + "ая"
    if s.endswith(("ов", "ев", "ёв", "ин")):
        return s + "а"
    return s

# ---------------------------------------------------------------- corruption
UK_ROWS = ["йцукенгшщзхї", "фівапролджє", "ячсмитьбю"]
RU_ROWS = ["йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"]
EN_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
EN_KEYS = ["qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,."]

def neighbours(rows):
    nb = defaultdict(list)
    for r in rows:
        for i, c in enumerate(r):
            if i > 0: nb[c].append(r[i - 1])
            if i + 1 < len(r): nb[c].append(r[i + 1])
    return nb
NB_UK, NB_RU, NB_EN = neighbours(UK_ROWS), neighbours(RU_ROWS), neighbours(EN_ROWS)

def typo(rng, s, nb):
    if len(s) < 3:
        return s
    i = rng.randrange(1, len(s))
    op = rng.random()
    ch = s[i]
    if op < 0.4 and ch.lower() in nb:
        r = rng.choice(nb[ch.lower()])
        return s[:i] + (r.upper() if ch.isupper() else r) + s[i + 1:]
    if op < 0.6:
        return s[:i] + s[i + 1:]
    if op < 0.75:
        return s[:i] + ch + s[i:]
    if i + 1 < len(s):
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    return s[:i]

OCR_CYR = [("ш", "щ"), ("щ", "ш"), ("и", "н"), ("н", "и"), ("л", "п"), ("б", "6"), ("З", "3"), ("О", "0"),
           ("ь", "ъ"), ("ц", "щ"), ("е", "с"), ("і", "1"), ("ю", "іо"), ("К", "Н"), ("т", "г"), ("м", "ш")]
OCR_LAT = [("rn", "m"), ("m", "rn"), ("l", "1"), ("O", "0"), ("cl", "d"), ("h", "li"), ("e", "c"), ("i", "l"),
           ("S", "5"), ("vv", "w"), ("u", "ii"), ("a", "o")]

def ocr(rng, s, table):
    cands = [(a, b) for a, b in table if a in s]
    if not cands:
        return s
    a, b = rng.choice(cands)
    idx = [i for i in range(len(s)) if s.startswith(a, i)]
    i = rng.choice(idx)
    return s[:i] + b + s[i + len(a):]

def layout_en(s, uk=True):
    """Cyrillic text typed with the English layout active."""
    rows = UK_ROWS if uk else RU_ROWS
    m = {}
    for r, k in zip(rows, EN_KEYS):
        for a, b in zip(r, k):
            m[a] = b
    m.update({"ы": "s", "э": "'", "ъ": "]", "і": "s", "є": "'", "ї": "]", "ё": "`"})
    return "".join((m.get(c.lower(), c).upper() if c.isupper() else m.get(c, c)) for c in s)

def layout_ru_for_uk(s):
    m = {"і": "ы", "І": "Ы", "ї": "ъ", "Ї": "Ъ", "є": "э", "Є": "Э", "ґ": "г", "'": "э"}
    return "".join(m.get(c, c) for c in s)

def layout_uk_for_ru(s):
    m = {"ы": "і", "Ы": "І", "ъ": "ї", "э": "є", "Э": "Є", "ё": "'"}
    return "".join(m.get(c, c) for c in s)

# ---------------------------------------------------------------- population
def wchoice(rng, items, weights_cum):
    return items[bisect_right(weights_cum, rng.random() * weights_cum[-1])]

from bisect import bisect_right
from itertools import accumulate

class Pool:
    def __init__(self, items, weights):
        self.items = items
        self.cum = list(accumulate(weights))
    def pick(self, rng):
        return self.items[bisect_right(self.cum, rng.random() * self.cum[-1])]

def make_population(n, rng):
    boys = Pool(list(range(len(BOYS))), [b[-1] for b in BOYS])
    girls = Pool(list(range(len(GIRLS))), [g[-1] for g in GIRLS])
    fathers = Pool(list(range(len(FATHERS))), [f[-1] for f in FATHERS])
    surn = Pool([s for s, _ in SURNAMES], [w for _, w in SURNAMES])
    places = Pool(list(range(len(PLACES))), [p[-1] for p in PLACES])
    children, households = [], []
    stats = Counter()
    while len(children) < n:
        hid = len(households)
        pl = places.pick(rng)
        bpl = pl if rng.random() < 0.8 else places.pick(rng)
        sur = surn.pick(rng)
        # some households descend from a namesake household (same surname, same place): hard negatives
        if households and rng.random() < 0.06:
            other = households[rng.randrange(len(households))]
            sur, pl = other["sur"], other["place"]
            stats["namesake_households"] += 1
        fa = fathers.pick(rng)
        mo = rng.randrange(len(MOTHERS))
        ru_home = rng.random() < RU_HOME[PLACES[pl][3]]
        k = rng.choices([1, 2, 3, 4], [62, 26, 9, 3])[0]
        hh = {"sur": sur, "place": pl, "father": fa, "mother": mo, "kids": []}
        households.append(hh)
        used = set()
        prev_birth = None
        for j in range(k):
            if len(children) >= n:
                break
            twin = j > 0 and prev_birth is not None and rng.random() < 0.12
            sex = rng.choice("mf")
            pool, table = (boys, BOYS) if sex == "m" else (girls, GIRLS)
            gi = pool.pick(rng)
            tries = 0
            while (sex, gi) in used and tries < 20:
                gi = pool.pick(rng); tries += 1
            if (sex, gi) in used:
                sex, gi = ("f" if sex == "m" else "m"), 0
            used.add((sex, gi))
            if twin:
                birth = prev_birth
                stats["twins"] += 1
            else:
                birth = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(0, 17 * 365))
            prev_birth = birth
            c = {"cid": f"C{len(children) + 1:06d}", "hh": hid, "sex": sex, "gi": gi, "sur": sur,
                 "fa": fa, "mo": mo, "birth": birth, "place": pl, "bplace": bpl, "ru_home": ru_home, "twin": twin}
            children.append(c)
            hh["kids"].append(c)
        # namesake children: an unrelated child who copies the given name of a kid of the source household
    # deliberate namesakes: same surname and given name, born within two years, different family
    for c in rng.sample(children, max(1, n // 40)):
        o = children[rng.randrange(len(children))]
        if o["hh"] == c["hh"] or o["sex"] != c["sex"]:
            continue
        c["sur"], c["gi"] = o["sur"], o["gi"]
        c["birth"] = o["birth"] + dt.timedelta(days=rng.choice([-1, 1]) * rng.randrange(20, 700))
        stats["namesake_children"] += 1
    stats["households"] = len(households)
    stats["sibling_groups"] = sum(1 for h in households if len(h["kids"]) > 1)
    return children, stats

# ---------------------------------------------------------------- field renderers
def gname(c, form, rng):
    t = (BOYS if c["sex"] == "m" else GIRLS)[c["gi"]]
    if form == "uk": return t[0]
    if form == "ru": return t[1]
    if form == "by": return t[2]
    if form == "ukdim": return rng.choice(t[3])
    if form == "rudim": return rng.choice(t[4])
    if form == "en": return t[5]
    raise ValueError(form)

def surname(c, form, rng=None):
    s = c["sur"]
    if form == "uk":
        return fem_uk(s) if c["sex"] == "f" else s
    r = russify_surname(s, rng)
    return fem_ru(r) if c["sex"] == "f" else r

def patronymic(c, form):
    f = FATHERS[c["fa"]]
    if form == "uk":
        return f[2] if c["sex"] == "m" else f[3]
    return f[4] if c["sex"] == "m" else f[5]

def age_at(b, d):
    return d.year - b.year - ((d.month, d.day) < (b.month, b.day))

MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

def corrupt_date(rng, d, p_typo, p_swap):
    """Returns (day, month, year) possibly corrupted."""
    day, mon, yr = d.day, d.month, d.year
    r = rng.random()
    if r < p_swap and day <= 12:
        day, mon = mon, day
    elif r < p_swap + p_typo:
        k = rng.random()
        if k < 0.4:
            yr += rng.choice([-1, 1])
        elif k < 0.7:
            day = min(28, max(1, day + rng.choice([-1, 1, 10, -10])))
        else:
            mon = min(12, max(1, mon + rng.choice([-1, 1])))
    return day, mon, yr

def ua_place(rng, pl):
    uk, ru, typ, ob, _ = PLACES[pl]
    o = OBLASTS[ob]
    r = rng.random()
    if r < 0.35: return f"{UK_TYPE[typ]} {uk}"
    if r < 0.6: return uk
    if r < 0.85: return f"{o[0]}, {UK_TYPE[typ]} {uk}"
    return f"{uk}, {o[3]}"

def ru_place(rng, pl, coarse=False):
    uk, ru, typ, ob, _ = PLACES[pl]
    o = OBLASTS[ob]
    if coarse and rng.random() < 0.3:
        return o[4] if ob not in ("dn", "lh") else (o[1] if rng.random() < 0.5 else o[4])
    r = rng.random()
    if r < 0.3: return f"{RU_TYPE[typ]} {ru}"
    if r < 0.5: return ru
    if r < 0.85: return f"{o[1]}, {RU_TYPE[typ]} {ru}"
    return f"{ru} ({o[4]})"

def latin_place(rng, pl, std):
    uk, ru, typ, ob, _ = PLACES[pl]
    o = OBLASTS[ob]
    name = translit_phrase(uk, std) if std in ("kmu", "oldua", "pol") else translit_phrase(ru, std)
    r = rng.random()
    if r < 0.45: return name
    if r < 0.8: return f"{name}, {o[2]}"
    if r < 0.9: return f"{name} ({o[2].replace(' Oblast', ' region')})"
    return name.upper()

# ---------------------------------------------------------------- writers
def write_csv(path, header, rows, encoding="utf-8", bom=False, delim=",", crlf=False, quote_all=False):
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=delim, lineterminator="\r\n" if crlf else "\n",
                   quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    data = buf.getvalue().encode(encoding, errors="replace")
    if bom:
        data = b"\xef\xbb\xbf" + data
    with open(path, "wb") as f:
        f.write(data)

# list A: Ukrainian National Police missing-children list (Cyrillic, split names)
def rec_police(c, rng):
    g_form = "ru" if (c["ru_home"] and rng.random() < 0.2) else ("ukdim" if rng.random() < 0.02 else "uk")
    sur = surname(c, "uk")
    giv = gname(c, g_form, rng)
    pat = patronymic(c, "uk") if rng.random() > 0.12 else ""
    if c["ru_home"] and pat and rng.random() < 0.1:
        pat = patronymic(c, "ru")
    r = rng.random()
    if r < 0.035: sur = typo(rng, sur, NB_UK)
    elif r < 0.05: sur = ocr(rng, sur, OCR_CYR)
    elif r < 0.06: sur = layout_ru_for_uk(sur)
    elif r < 0.063: sur = layout_en(sur)
    if rng.random() < 0.025: giv = typo(rng, giv, NB_UK)
    if rng.random() < 0.01: giv = layout_ru_for_uk(giv)
    if pat and rng.random() < 0.02: pat = typo(rng, pat, NB_UK)
    if rng.random() < 0.03:
        sur = sur.upper()
    d, m, y = corrupt_date(rng, c["birth"], 0.025, 0.01)
    bd = "" if rng.random() < 0.02 else f"{d:02d}.{m:02d}.{y}"
    sex = "" if rng.random() < 0.06 else ("ч" if c["sex"] == "m" else "ж")
    place = "" if rng.random() < 0.05 else ua_place(rng, c["place"])
    lost = dt.date(2022, 3, 1) + dt.timedelta(days=rng.randrange(0, 600))
    guardian = ""
    if rng.random() < 0.7:
        mo = MOTHERS[c["mo"]][0]
        guardian = f"{fem_uk(c['sur'])} {mo}" if rng.random() < 0.7 else f"{mo} {fem_uk(c['sur'])} (мати)"
    note = rng.choice(["", "", "", "", "депортований(-а) до РФ", "вивезений(-а) з закладу", "місцеперебування невідоме"])
    return [sur, giv, pat, sex, bd, place, lost.strftime("%d.%m.%Y"), guardian, note]

POLICE_HEADER = ["№ з/п", "Прізвище", "Ім'я", "По батькові", "Стать", "Дата народження", "Місце проживання",
                 "Дата зникнення", "Законний представник", "Примітка"]

# list B: Russian regional placement list (Windows-1251, semicolons, FIO in one column)
def rec_placement(c, rng, st):
    sur = surname(c, "ru", rng)
    note = ""
    changed = rng.random() < 0.04
    if changed:
        new = rng.choice(RU_SURNAMES)
        new = fem_ru(new) if c["sex"] == "f" else new
        if rng.random() < 0.6:
            note = f"прежняя фамилия {sur}" if rng.random() < 0.6 else f"изменение анкетных данных: была фамилия {sur}"
        sur = new
        st["placement_surname_changed"] += 1
    giv = gname(c, "ru", rng)
    pat = patronymic(c, "ru")
    r = rng.random()
    if r < 0.03: sur = typo(rng, sur, NB_RU)
    elif r < 0.04: sur = layout_uk_for_ru(sur)
    elif r < 0.05: sur = ocr(rng, sur, OCR_CYR)
    if rng.random() < 0.02: giv = typo(rng, giv, NB_RU)
    if rng.random() < 0.35: giv = giv.replace("ё", "е"); sur = sur.replace("ё", "е")
    if rng.random() < 0.2: sur = sur.upper()
    k = rng.random()
    if k < 0.08:
        fio = f"{sur} {giv}"
    elif k < 0.12:
        fio = f"{sur} {giv[0]}.{pat[0]}." if rng.random() < 0.5 else f"{sur} {giv} {pat[0]}."
    else:
        fio = f"{sur} {giv} {pat}"
    d, m, y = corrupt_date(rng, c["birth"], 0.02, 0.015)
    if changed and rng.random() < 0.25:
        nd = c["birth"] + dt.timedelta(days=rng.randrange(-300, 300))
        d, m, y = nd.day, nd.month, nd.year
    k = rng.random()
    if k < 0.78: bd = f"{d:02d}.{m:02d}.{y}"
    elif k < 0.9: bd = f"{y}"
    elif k < 0.95: bd = f"{d:02d}.{m:02d}.{y % 100:02d}"
    elif k < 0.97: bd = f"{y} г.р."
    else: bd = ""
    sex = rng.choice(["м", "муж."]) if c["sex"] == "m" else rng.choice(["ж", "жен."])
    if rng.random() < 0.1: sex = ""
    pl = c["place"] if rng.random() < 0.9 else c["bplace"]
    place = "" if rng.random() < 0.06 else ru_place(rng, pl)
    rep = rng.choice(["ГКУ СРЦН «Радуга»", "ГБУ «Центр содействия семейному воспитанию № 3»",
                      "опекун", "приёмная семья", "ГКУ «Социально-реабилитационный центр для несовершеннолетних»"])
    if rng.random() < 0.3:
        rep = f"{fem_ru(russify_surname(c['sur'], None))} {MOTHERS[c['mo']][1]} (мать)"
    placed = dt.date(2022, 4, 1) + dt.timedelta(days=rng.randrange(0, 640))
    return [fio, bd, sex, place, rep, placed.strftime("%d.%m.%Y"), note]

PLACEMENT_HEADER = ["№ п/п", "ФИО", "Дата рождения", "Пол", "Прежнее место жительства",
                    "Законный представитель", "Дата устройства", "Примечание"]

# list C: Belarusian health-camp roster (ages at arrival only)
SESSIONS = [dt.date(2022, 6, 6), dt.date(2022, 7, 4), dt.date(2022, 8, 1), dt.date(2022, 10, 17),
            dt.date(2023, 1, 9), dt.date(2023, 3, 27), dt.date(2023, 6, 12), dt.date(2023, 7, 10),
            dt.date(2023, 8, 7), dt.date(2023, 11, 6), dt.date(2024, 2, 19)]

def rec_camp(c, rng):
    k = rng.random()
    form = "rudim" if k < 0.14 else ("by" if k < 0.22 else ("uk" if k < 0.27 else "ru"))
    giv = gname(c, form, rng)
    sur = surname(c, "ru", rng) if rng.random() < 0.75 else surname(c, "uk")
    if rng.random() < 0.03: sur = typo(rng, sur, NB_RU)
    if rng.random() < 0.02: giv = typo(rng, giv, NB_RU)
    if rng.random() < 0.02: sur = ocr(rng, sur, OCR_CYR)
    name = f"{sur} {giv}" if rng.random() < 0.93 else f"{giv} {sur}"
    sess = rng.choice(SESSIONS)
    a = age_at(c["birth"], sess)
    r = rng.random()
    if r < 0.06: a += rng.choice([-1, 1])
    age = "" if (rng.random() < 0.02 or a < 0) else str(a)
    if age and rng.random() < 0.1: age = f"{age} лет" if int(age) % 10 not in (1, 2, 3, 4) or 10 < int(age) < 15 else age
    sex = "м" if c["sex"] == "m" else "ж"
    if rng.random() < 0.01: sex = "ж" if sex == "м" else "м"
    place = ru_place(rng, c["place"], coarse=True)
    return [name, sex, age, sess.strftime("%d.%m.%Y"), place]

CAMP_HEADER = ["№", "Фамилия и имя", "Пол", "Возраст", "Дата заезда", "Откуда прибыли"]

# list D: international NGO tracing list (Latin script, several transliteration standards)
STDS = ["kmu", "oldua", "icao", "bgn", "ger", "fre", "pol"]
STD_W = [42, 12, 15, 10, 7, 5, 9]

def latin_name(c, rng, std, eng_p=0.06):
    ukbased = std in ("kmu", "oldua", "pol")
    if rng.random() < eng_p:
        giv = gname(c, "en", rng)
    elif ukbased:
        giv = translit(gname(c, "ru" if (c["ru_home"] and rng.random() < 0.25) else "uk", rng),
                       std if not (c["ru_home"] and False) else std)
    else:
        giv = translit(gname(c, "ru", rng), std)
    sur = translit(surname(c, "uk") if ukbased else surname(c, "ru"), std)
    pat = translit(patronymic(c, "uk" if ukbased else "ru"), std)
    return sur, giv, pat

def latin_date(rng, d, m, y, swap_us=0.1):
    k = rng.random()
    if k < 0.35: return f"{y}-{m:02d}-{d:02d}"
    if k < 0.65: return f"{d:02d}/{m:02d}/{y}"
    if k < 0.65 + swap_us: return f"{m:02d}/{d:02d}/{y}"
    if k < 0.9: return f"{d} {MONTHS_EN[m - 1]} {y}"
    if k < 0.95: return f"{y}"
    return ""

def rec_ngo(c, rng):
    std = rng.choices(STDS, STD_W)[0]
    sur, giv, pat = latin_name(c, rng, std)
    r = rng.random()
    if r < 0.04: sur = typo(rng, sur, NB_EN)
    elif r < 0.06: sur = ocr(rng, sur, OCR_LAT)
    if rng.random() < 0.03: giv = typo(rng, giv, NB_EN)
    k = rng.random()
    if k < 0.38: full = f"{sur.upper()} {giv}"
    elif k < 0.76: full = f"{giv} {sur}"
    elif k < 0.92: full = f"{sur}, {giv}"
    else: full = f"{giv} {pat} {sur}"
    d, m, y = corrupt_date(rng, c["birth"], 0.025, 0.0)
    dob = latin_date(rng, d, m, y)
    sex = "" if rng.random() < 0.15 else ("M" if c["sex"] == "m" else "F")
    place = "" if rng.random() < 0.07 else latin_place(rng, c["place"], std)
    parent = ""
    if rng.random() < 0.55:
        mo = MOTHERS[c["mo"]][0 if std in ("kmu", "oldua", "pol") else 1]
        ms = fem_uk(c["sur"]) if std in ("kmu", "oldua", "pol") else fem_ru(russify_surname(c["sur"], None))
        parent = f"{translit(mo, std)} {translit(ms, std)} (mother)"
        if rng.random() < 0.15:
            parent = f"grandmother: {translit(rng.choice(MOTHERS)[0], std)} {translit(ms, std)}"
    note = rng.choice(["", "", "", "reported by relative", "last contact by phone", "seen in transit camp", "reported via hotline"])
    return [full, dob, sex, place, parent, note]

NGO_HEADER = ["Record ID", "Full name", "Date of birth", "Gender", "Place of origin", "Parent", "Notes"]

# latin mode: one merged list, split names, each source with its own standard
LATIN_HEADER = ["Record ID", "Surname", "First name", "Date of birth", "Sex", "Place of origin", "Guardian", "Source"]
SOURCES = [("hotline", "kmu"), ("field team", "kmu"), ("partner UA", "oldua"), ("partner PL", "pol"),
           ("partner DE", "ger"), ("partner FR", "fre"), ("RU documents", "icao"), ("press monitoring", "bgn")]
SRC_W = [30, 18, 10, 9, 6, 4, 13, 10]

def rec_latin(c, rng):
    src, std = rng.choices(SOURCES, SRC_W)[0]
    sur, giv, pat = latin_name(c, rng, std, eng_p=0.05)
    if rng.random() < 0.04: giv = translit(gname(c, "rudim" if std in ("icao", "bgn") else "ukdim", rng), std)
    r = rng.random()
    if r < 0.045: sur = typo(rng, sur, NB_EN)
    elif r < 0.065: sur = ocr(rng, sur, OCR_LAT)
    if rng.random() < 0.03: giv = typo(rng, giv, NB_EN)
    if rng.random() < 0.03: sur, giv = giv, sur
    if rng.random() < 0.08: sur = sur.upper()
    d, m, y = corrupt_date(rng, c["birth"], 0.03, 0.02)
    dob = latin_date(rng, d, m, y, swap_us=0.05)
    sex = "" if rng.random() < 0.2 else ("M" if c["sex"] == "m" else "F")
    place = "" if rng.random() < 0.08 else latin_place(rng, c["place"] if rng.random() < 0.92 else c["bplace"], std)
    guardian = ""
    if rng.random() < 0.5:
        ukb = std in ("kmu", "oldua", "pol")
        mo = MOTHERS[c["mo"]][0 if ukb else 1]
        ms = fem_uk(c["sur"]) if ukb else fem_ru(russify_surname(c["sur"], None))
        guardian = f"{translit(ms, std)} {translit(mo, std)}"
    return [sur, giv, dob, sex, place, guardian, src]

# ---------------------------------------------------------------- main
def assign_ids(rng, prefix, n, style):
    nums = list(range(1, n + 1))
    if style == "seq":
        return [str(i) for i in nums]
    rng.shuffle(nums)
    if style == "ngo":
        return [f"{prefix}-{1000 + i * 7:06d}" for i in nums]
    return [f"{prefix}{i:05d}" for i in nums]

def build_cross(children, rng, out, st):
    # coverage: each child is in a random subset of the four lists, at least one
    cover = {"police": 0.62, "placement": 0.45, "camp": 0.3, "ngo": 0.5}
    lists = {k: [] for k in cover}
    for c in children:
        inl = [k for k, p in cover.items() if rng.random() < p]
        if not inl:
            inl = [rng.choice(list(cover))]
        st["children_in_%d_lists" % len(inl)] += 1
        for k in inl:
            lists[k].append(c)
    files = {
        "police": ("ua_police_missing.csv", POLICE_HEADER, dict(encoding="utf-8", bom=True, crlf=True)),
        "placement": ("ru_placement_1251.csv", PLACEMENT_HEADER, dict(encoding="cp1251", delim=";", crlf=True)),
        "camp": ("by_camp_roster.csv", CAMP_HEADER, dict(encoding="utf-8", quote_all=True)),
        "ngo": ("ngo_tracing_latin.csv", NGO_HEADER, dict(encoding="utf-8", crlf=True)),
    }
    truth, specs = [], []
    for k, kids in lists.items():
        rng.shuffle(kids)
        fname, header, opts = files[k]
        ids = assign_ids(rng, {"police": "", "placement": "", "camp": "", "ngo": "ICT"}[k], len(kids),
                         {"police": "seq", "placement": "seq", "camp": "seq", "ngo": "ngo"}[k])
        rows = []
        for rid, c in zip(ids, kids):
            if k == "police": body = rec_police(c, rng)
            elif k == "placement": body = rec_placement(c, rng, st)
            elif k == "camp": body = rec_camp(c, rng)
            else: body = rec_ngo(c, rng)
            rows.append([rid] + body)
            truth.append((fname, rid, c["cid"]))
        write_csv(os.path.join(out, fname), header, rows, **opts)
        specs.append((fname, header, opts, len(rows)))
    return truth, specs

def build_latin(children, rng, out, st):
    recs = []
    for c in children:
        k = rng.choices([1, 2, 3, 4], [52, 30, 13, 5])[0]
        st["children_with_%d_records" % k] += 1
        for _ in range(k):
            recs.append(c)
    rng.shuffle(recs)
    fname = "tracing_merged_latin.csv"
    ids = assign_ids(rng, "TR", len(recs), "tr")
    rows, truth = [], []
    for rid, c in zip(ids, recs):
        rows.append([rid] + rec_latin(c, rng))
        truth.append((fname, rid, c["cid"]))
    opts = dict(encoding="utf-8")
    write_csv(os.path.join(out, fname), LATIN_HEADER, rows, **opts)
    return truth, [(fname, LATIN_HEADER, opts, len(rows))]

def self_check(out, specs, truth):
    per_file = Counter(f for f, _, _ in truth)
    tids = defaultdict(set)
    for f, r, _ in truth:
        assert r not in tids[f], f"duplicate record id {r} in truth for {f}"
        tids[f].add(r)
    for fname, header, opts, nrows in specs:
        raw = open(os.path.join(out, fname), "rb").read()
        bom = opts.get("bom", False)
        assert raw.startswith(b"\xef\xbb\xbf") == bom, f"{fname}: BOM"
        enc = opts.get("encoding", "utf-8")
        if enc == "cp1251":
            try:
                raw.decode("utf-8")
                raise AssertionError(f"{fname}: Windows-1251 list decodes as UTF-8")
            except UnicodeDecodeError:
                pass
            text = raw.decode("cp1251")
            assert "?" not in text.replace("?", "?") or True
        else:
            text = raw[3:].decode("utf-8") if bom else raw.decode("utf-8")
        assert text.endswith("\n"), f"{fname}: final newline"
        crlf = opts.get("crlf", False)
        lines = text.split("\n")[:-1]
        if crlf:
            assert all(l.endswith("\r") for l in lines), f"{fname}: CRLF"
        # no stray CR inside lines (our fields never contain newlines)
        for l in lines:
            body = l[:-1] if crlf else l
            assert "\r" not in body, f"{fname}: stray CR"
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=opts.get("delim", ",")))
        assert rows[0] == header, f"{fname}: header"
        assert all(len(r) == len(header) for r in rows), f"{fname}: ragged row"
        assert len(rows) - 1 == nrows == per_file[fname], f"{fname}: {len(rows)-1} rows, truth {per_file[fname]}"
        ids = [r[0] for r in rows[1:]]
        assert len(set(ids)) == len(ids), f"{fname}: duplicate ids"
        assert set(ids) == tids[fname], f"{fname}: ids differ from truth"
        if opts.get("quote_all"):
            assert all(l.startswith('"') for l in lines), f"{fname}: quote all"
        if enc == "cp1251":
            assert "\ufffd" not in text and "?" not in "".join(r[1] for r in rows[1:]), f"{fname}: unencodable characters"
    t = open(os.path.join(out, "truth.csv"), "rb").read().decode("utf-8")
    trows = list(csv.reader(io.StringIO(t, newline="")))
    assert trows[0] == ["file", "record_id", "child_id"]
    assert all(len(r) == 3 for r in trows)
    assert len(trows) - 1 == sum(s[3] for s in specs), "truth rows != records"

def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--children", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--mode", choices=["cross", "latin"], default="cross")
    a = ap.parse_args()
    rng = random.Random(f"gen8:{a.seed}:{a.mode}")
    os.makedirs(a.out, exist_ok=True)
    children, st = make_population(a.children, rng)
    if a.mode == "cross":
        truth, specs = build_cross(children, rng, a.out, st)
    else:
        truth, specs = build_latin(children, rng, a.out, st)
    with open(os.path.join(a.out, "truth.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["file", "record_id", "child_id"])
        for row in truth:
            w.writerow(row)
    self_check(a.out, specs, truth)
    print("SELF-CHECK OK")
    print(f"mode={a.mode} seed={a.seed} children={len(children)} records={len(truth)}")
    for fname, header, opts, n in specs:
        print(f"  {fname}: {n} records, {opts.get('encoding')}{' BOM' if opts.get('bom') else ''}, "
              f"delim {opts.get('delim', ',')!r}, {'CRLF' if opts.get('crlf') else 'LF'}")
    per_child = Counter(cid for _, _, cid in truth)
    st["true_pairs"] = sum(k * (k - 1) // 2 for k in per_child.values())
    for k in sorted(st):
        print(f"  {k}: {st[k]}")

if __name__ == "__main__":
    main()
