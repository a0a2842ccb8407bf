#!/usr/bin/env python3
"""gen3: a third, independently designed generator of child registries.

Writes lists of children as three different agencies would keep them
(a Ukrainian missing-children list, a Russian camp list, a Latin-script NGO
tracing list), or one Latin-only list with in-list duplicates, plus
truth.csv (file,record_id,child_id for every record of every list).

Standard library only; deterministic for a given --seed (one random.Random,
no iteration over sets, no hash-dependent order).

    python3 gen3.py --children N --seed S --out DIR [--mode cross|latin]

See README.md next to this file for every rate and choice.
"""

import argparse
import csv
import datetime as dt
import os
import random
import sys
from collections import Counter, defaultdict

D = dt.date

# ---------------------------------------------------------------------------
# Name pools (written for this generator from general knowledge).
# Surnames: (uk_m, uk_f, ru_m, ru_f, weight). Weights are rough relative
# frequencies in the south-east of Ukraine: a heavy head (Мельник, Шевченко,
# Коваленко, Бондаренко ...) and a long tail, plus Russian -ов/-ін surnames
# common in Donbas and the south.
# ---------------------------------------------------------------------------

def _inv(uk, ru, w):
    return (uk, uk, ru, ru, w)


SURNAMES = [
    _inv("Мельник", "Мельник", 60), _inv("Шевченко", "Шевченко", 58),
    _inv("Коваленко", "Коваленко", 55), _inv("Бондаренко", "Бондаренко", 52),
    _inv("Бойко", "Бойко", 50), _inv("Ткаченко", "Ткаченко", 45),
    _inv("Кравченко", "Кравченко", 44), _inv("Ковальчук", "Ковальчук", 40),
    _inv("Олійник", "Олейник", 38), _inv("Шевчук", "Шевчук", 36),
    _inv("Коваль", "Коваль", 34), _inv("Поліщук", "Полищук", 30),
    _inv("Бондар", "Бондарь", 29), _inv("Ткачук", "Ткачук", 28),
    _inv("Марченко", "Марченко", 28), _inv("Лисенко", "Лысенко", 27),
    _inv("Руденко", "Руденко", 26), _inv("Савченко", "Савченко", 26),
    _inv("Петренко", "Петренко", 25), _inv("Клименко", "Клименко", 24),
    _inv("Павленко", "Павленко", 23), _inv("Кравчук", "Кравчук", 22),
    _inv("Кузьменко", "Кузьменко", 22), _inv("Мороз", "Мороз", 21),
    _inv("Іваненко", "Иваненко", 20), _inv("Савчук", "Савчук", 18),
    _inv("Пономаренко", "Пономаренко", 18), _inv("Харченко", "Харченко", 17),
    _inv("Левченко", "Левченко", 17), _inv("Карпенко", "Карпенко", 16),
    _inv("Гончаренко", "Гончаренко", 16), _inv("Василенко", "Василенко", 15),
    _inv("Мельничук", "Мельничук", 14), _inv("Романенко", "Романенко", 14),
    _inv("Литвиненко", "Литвиненко", 14), _inv("Даниленко", "Даниленко", 13),
    _inv("Костенко", "Костенко", 13), _inv("Сидоренко", "Сидоренко", 13),
    _inv("Мазур", "Мазур", 12), _inv("Вовк", "Вовк", 12),
    _inv("Білоус", "Белоус", 11), _inv("Гриценко", "Гриценко", 11),
    _inv("Головко", "Головко", 11), _inv("Приходько", "Приходько", 11),
    _inv("Юрченко", "Юрченко", 10), _inv("Яковенко", "Яковенко", 10),
    _inv("Тимошенко", "Тимошенко", 10), _inv("Демченко", "Демченко", 10),
    _inv("Кириленко", "Кириленко", 9), _inv("Онищенко", "Онищенко", 9),
    _inv("Кучер", "Кучер", 9), _inv("Литвин", "Литвин", 9),
    _inv("Гребенюк", "Гребенюк", 8), _inv("Швець", "Швец", 8),
    _inv("Жук", "Жук", 8), _inv("Зінченко", "Зинченко", 8),
    _inv("Ярошенко", "Ярошенко", 7), _inv("Нестеренко", "Нестеренко", 7),
    _inv("Мірошниченко", "Мирошниченко", 7), _inv("Кулик", "Кулик", 7),
    _inv("Сорока", "Сорока", 6), _inv("Ігнатенко", "Игнатенко", 6),
    _inv("Федоренко", "Федоренко", 6), _inv("Дмитренко", "Дмитренко", 6),
    _inv("Степаненко", "Степаненко", 6), _inv("Захарченко", "Захарченко", 6),
    _inv("Білик", "Белик", 5), _inv("Рибак", "Рыбак", 5),
    _inv("Дорошенко", "Дорошенко", 5), _inv("Гуменюк", "Гуменюк", 5),
    _inv("Лук'яненко", "Лукьяненко", 5), _inv("Дем'яненко", "Демьяненко", 4),
    _inv("Гордієнко", "Гордиенко", 5), _inv("Сергієнко", "Сергиенко", 5),
    _inv("Остапенко", "Остапенко", 4), _inv("Чумак", "Чумак", 4),
    _inv("Панченко", "Панченко", 4), _inv("Ніколаєнко", "Николаенко", 3),
    _inv("Зайченко", "Зайченко", 3), _inv("Головач", "Головач", 3),
    _inv("Кравець", "Кравец", 4), _inv("Лях", "Лях", 3),
    _inv("Козак", "Козак", 4), _inv("Гайдай", "Гайдай", 3),
    # adjectival, gendered
    ("Ковальський", "Ковальська", "Ковальский", "Ковальская", 8),
    ("Вишневський", "Вишневська", "Вишневский", "Вишневская", 5),
    ("Яворський", "Яворська", "Яворский", "Яворская", 4),
    ("Савицький", "Савицька", "Савицкий", "Савицкая", 5),
    ("Левицький", "Левицька", "Левицкий", "Левицкая", 4),
    ("Біленький", "Біленька", "Беленький", "Беленькая", 2),
    ("Білий", "Біла", "Белый", "Белая", 5),
    ("Чорний", "Чорна", "Чорный", "Чорная", 5),
    ("Полтавський", "Полтавська", "Полтавский", "Полтавская", 2),
    # Russian surnames (gendered), as spelled in Ukrainian documents
    ("Іванов", "Іванова", "Иванов", "Иванова", 22),
    ("Петров", "Петрова", "Петров", "Петрова", 14),
    ("Попов", "Попова", "Попов", "Попова", 12),
    ("Кузнєцов", "Кузнєцова", "Кузнецов", "Кузнецова", 11),
    ("Соколов", "Соколова", "Соколов", "Соколова", 8),
    ("Морозов", "Морозова", "Морозов", "Морозова", 8),
    ("Волков", "Волкова", "Волков", "Волкова", 7),
    ("Новіков", "Новікова", "Новиков", "Новикова", 7),
    ("Козлов", "Козлова", "Козлов", "Козлова", 6),
    ("Лебедєв", "Лебедєва", "Лебедев", "Лебедева", 5),
    ("Смирнов", "Смирнова", "Смирнов", "Смирнова", 6),
    ("Федоров", "Федорова", "Федоров", "Федорова", 6),
    ("Павлов", "Павлова", "Павлов", "Павлова", 5),
    ("Зайцев", "Зайцева", "Зайцев", "Зайцева", 5),
    ("Ковальов", "Ковальова", "Ковалёв", "Ковалёва", 5),
    ("Кисельов", "Кисельова", "Киселёв", "Киселёва", 4),
    ("Соловйов", "Соловйова", "Соловьёв", "Соловьёва", 4),
    ("Тарасов", "Тарасова", "Тарасов", "Тарасова", 4),
    ("Степанов", "Степанова", "Степанов", "Степанова", 4),
    ("Медведєв", "Медведєва", "Медведев", "Медведева", 3),
    ("Ільїн", "Ільїна", "Ильин", "Ильина", 3),
    ("Фомін", "Фоміна", "Фомин", "Фомина", 3),
    ("Кузьмін", "Кузьміна", "Кузьмин", "Кузьмина", 3),
]

# Children's given names: (uk, ru, [ru diminutives], english-or-None, weight)
BOYS = [
    ("Олександр", "Александр", ["Саша", "Саня"], "Alexander", 90),
    ("Максим", "Максим", ["Максимка"], "Maxim", 80),
    ("Артем", "Артём", ["Тёма"], "Artem", 70),
    ("Дмитро", "Дмитрий", ["Дима"], None, 60),
    ("Данило", "Даниил", ["Даня"], "Daniel", 55),
    ("Іван", "Иван", ["Ваня"], "Ivan", 50),
    ("Михайло", "Михаил", ["Миша"], "Michael", 50),
    ("Андрій", "Андрей", ["Андрюша"], "Andrew", 45),
    ("Владислав", "Владислав", ["Влад", "Владик"], None, 45),
    ("Назар", "Назар", [], None, 40),
    ("Матвій", "Матвей", [], "Matthew", 40),
    ("Богдан", "Богдан", ["Бодя"], None, 40),
    ("Єгор", "Егор", ["Егорка"], None, 40),
    ("Микита", "Никита", [], "Nikita", 40),
    ("Олексій", "Алексей", ["Лёша"], "Alexei", 30),
    ("Тимофій", "Тимофей", ["Тима"], None, 30),
    ("Кирило", "Кирилл", ["Кирюша"], None, 30),
    ("Денис", "Денис", [], "Denis", 30),
    ("Ярослав", "Ярослав", ["Ярик"], None, 30),
    ("Роман", "Роман", ["Рома"], "Roman", 30),
    ("Євген", "Евгений", ["Женя"], "Eugene", 30),
    ("Марк", "Марк", [], "Mark", 30),
    ("Давид", "Давид", [], "David", 20),
    ("Сергій", "Сергей", ["Серёжа"], None, 20),
    ("Вадим", "Вадим", ["Вадик"], None, 20),
    ("Ілля", "Илья", ["Илюша"], None, 20),
    ("Захар", "Захар", [], None, 20),
    ("Костянтин", "Константин", ["Костя"], "Constantine", 20),
    ("Віктор", "Виктор", ["Витя"], "Victor", 15),
    ("Арсеній", "Арсений", ["Сеня"], None, 20),
    ("Святослав", "Святослав", ["Слава"], None, 12),
    ("В'ячеслав", "Вячеслав", ["Слава"], None, 10),
    ("Ростислав", "Ростислав", ["Ростик"], None, 10),
    ("Юрій", "Юрий", ["Юра"], None, 10),
    ("Олег", "Олег", [], "Oleg", 10),
    ("Тимур", "Тимур", [], None, 10),
    ("Георгій", "Георгий", ["Гоша"], "George", 8),
]
GIRLS = [
    ("Софія", "София", ["Соня"], "Sophia", 85),
    ("Анастасія", "Анастасия", ["Настя"], "Anastasia", 70),
    ("Марія", "Мария", ["Маша"], "Maria", 60),
    ("Вікторія", "Виктория", ["Вика"], "Victoria", 60),
    ("Анна", "Анна", ["Аня"], "Anna", 55),
    ("Дарина", "Дарина", ["Даша"], None, 50),
    ("Дар'я", "Дарья", ["Даша"], "Daria", 40),
    ("Поліна", "Полина", ["Поля"], "Polina", 40),
    ("Єлизавета", "Елизавета", ["Лиза"], "Elizabeth", 40),
    ("Катерина", "Екатерина", ["Катя"], "Catherine", 40),
    ("Олександра", "Александра", ["Саша"], "Alexandra", 30),
    ("Валерія", "Валерия", ["Лера"], "Valeria", 30),
    ("Юлія", "Юлия", ["Юля"], "Julia", 30),
    ("Аліна", "Алина", [], "Alina", 30),
    ("Вероніка", "Вероника", ["Ника"], "Veronica", 30),
    ("Мілана", "Милана", [], "Milana", 30),
    ("Діана", "Диана", [], "Diana", 20),
    ("Злата", "Злата", [], None, 20),
    ("Ангеліна", "Ангелина", ["Геля"], "Angelina", 20),
    ("Христина", "Кристина", [], "Christina", 20),
    ("Ксенія", "Ксения", ["Ксюша"], "Xenia", 20),
    ("Соломія", "Соломия", [], None, 20),
    ("Яна", "Яна", [], "Yana", 20),
    ("Маргарита", "Маргарита", ["Рита"], "Margarita", 15),
    ("Карина", "Карина", [], "Karina", 15),
    ("Тетяна", "Татьяна", ["Таня"], "Tatiana", 15),
    ("Ганна", "Анна", ["Аня"], "Anna", 12),
    ("Олена", "Елена", ["Лена"], "Elena", 10),
    ("Ірина", "Ирина", ["Ира"], "Irina", 10),
    ("Ева", "Ева", [], "Eva", 15),
    ("Кіра", "Кира", [], "Kira", 10),
    ("Євгенія", "Евгения", ["Женя"], "Eugenia", 10),
    ("Уляна", "Ульяна", ["Уля"], None, 10),
    ("Мар'яна", "Марьяна", [], "Mariana", 10),
]
# Fathers: (uk, ru, uk_patr_m, uk_patr_f, ru_patr_m, ru_patr_f, weight)
FATHERS = [
    ("Олександр", "Александр", "Олександрович", "Олександрівна", "Александрович", "Александровна", 90),
    ("Сергій", "Сергей", "Сергійович", "Сергіївна", "Сергеевич", "Сергеевна", 80),
    ("Андрій", "Андрей", "Андрійович", "Андріївна", "Андреевич", "Андреевна", 60),
    ("Володимир", "Владимир", "Володимирович", "Володимирівна", "Владимирович", "Владимировна", 55),
    ("Віталій", "Виталий", "Віталійович", "Віталіївна", "Витальевич", "Витальевна", 40),
    ("Дмитро", "Дмитрий", "Дмитрович", "Дмитрівна", "Дмитриевич", "Дмитриевна", 50),
    ("Юрій", "Юрий", "Юрійович", "Юріївна", "Юрьевич", "Юрьевна", 45),
    ("Олег", "Олег", "Олегович", "Олегівна", "Олегович", "Олеговна", 40),
    ("Віктор", "Виктор", "Вікторович", "Вікторівна", "Викторович", "Викторовна", 40),
    ("Іван", "Иван", "Іванович", "Іванівна", "Иванович", "Ивановна", 40),
    ("Микола", "Николай", "Миколайович", "Миколаївна", "Николаевич", "Николаевна", 45),
    ("Василь", "Василий", "Васильович", "Василівна", "Васильевич", "Васильевна", 30),
    ("Ігор", "Игорь", "Ігорович", "Ігорівна", "Игоревич", "Игоревна", 40),
    ("Руслан", "Руслан", "Русланович", "Русланівна", "Русланович", "Руслановна", 30),
    ("Роман", "Роман", "Романович", "Романівна", "Романович", "Романовна", 30),
    ("Євген", "Евгений", "Євгенович", "Євгенівна", "Евгеньевич", "Евгеньевна", 35),
    ("Максим", "Максим", "Максимович", "Максимівна", "Максимович", "Максимовна", 25),
    ("Михайло", "Михаил", "Михайлович", "Михайлівна", "Михайлович", "Михайловна", 30),
    ("Петро", "Пётр", "Петрович", "Петрівна", "Петрович", "Петровна", 20),
    ("Вадим", "Вадим", "Вадимович", "Вадимівна", "Вадимович", "Вадимовна", 25),
    ("Артем", "Артём", "Артемович", "Артемівна", "Артёмович", "Артёмовна", 15),
    ("Денис", "Денис", "Денисович", "Денисівна", "Денисович", "Денисовна", 25),
    ("Анатолій", "Анатолий", "Анатолійович", "Анатоліївна", "Анатольевич", "Анатольевна", 20),
    ("Валерій", "Валерий", "Валерійович", "Валеріївна", "Валерьевич", "Валерьевна", 20),
    ("Павло", "Павел", "Павлович", "Павлівна", "Павлович", "Павловна", 25),
    ("Богдан", "Богдан", "Богданович", "Богданівна", "Богданович", "Богдановна", 15),
    ("Ярослав", "Ярослав", "Ярославович", "Ярославівна", "Ярославович", "Ярославовна", 10),
    ("Костянтин", "Константин", "Костянтинович", "Костянтинівна", "Константинович", "Константиновна", 20),
    ("Геннадій", "Геннадий", "Геннадійович", "Геннадіївна", "Геннадьевич", "Геннадьевна", 15),
    ("Станіслав", "Станислав", "Станіславович", "Станіславівна", "Станиславович", "Станиславовна", 12),
    ("Тарас", "Тарас", "Тарасович", "Тарасівна", "Тарасович", "Тарасовна", 10),
    ("Владислав", "Владислав", "Владиславович", "Владиславівна", "Владиславович", "Владиславовна", 12),
    ("В'ячеслав", "Вячеслав", "В'ячеславович", "В'ячеславівна", "Вячеславович", "Вячеславовна", 15),
    ("Олексій", "Алексей", "Олексійович", "Олексіївна", "Алексеевич", "Алексеевна", 30),
    ("Григорій", "Григорий", "Григорович", "Григорівна", "Григорьевич", "Григорьевна", 10),
    ("Леонід", "Леонид", "Леонідович", "Леонідівна", "Леонидович", "Леонидовна", 10),
    ("Федір", "Фёдор", "Федорович", "Федорівна", "Фёдорович", "Фёдоровна", 8),
    ("Степан", "Степан", "Степанович", "Степанівна", "Степанович", "Степановна", 8),
    ("Ілля", "Илья", "Ілліч", "Іллівна", "Ильич", "Ильинична", 6),
    ("Едуард", "Эдуард", "Едуардович", "Едуардівна", "Эдуардович", "Эдуардовна", 8),
]
# Settlements: (kind, uk name, ru name as the occupation administration
# writes it, oblast uk adj, ru region label, weight). kind: м/смт/с.
PLACES = [
    ("м.", "Маріуполь", "Мариуполь", "Донецька", "ДНР", 140),
    ("м.", "Донецьк", "Донецк", "Донецька", "ДНР", 50),
    ("м.", "Макіївка", "Макеевка", "Донецька", "ДНР", 25),
    ("м.", "Горлівка", "Горловка", "Донецька", "ДНР", 25),
    ("м.", "Волноваха", "Волноваха", "Донецька", "ДНР", 20),
    ("м.", "Бахмут", "Артёмовск", "Донецька", "ДНР", 15),
    ("с.", "Сартана", "Сартана", "Донецька", "ДНР", 8),
    ("смт", "Мангуш", "Первомайское", "Донецька", "ДНР", 8),
    ("смт", "Нікольське", "Володарское", "Донецька", "ДНР", 8),
    ("м.", "Сєвєродонецьк", "Северодонецк", "Луганська", "ЛНР", 40),
    ("м.", "Лисичанськ", "Лисичанск", "Луганська", "ЛНР", 30),
    ("м.", "Рубіжне", "Рубежное", "Луганська", "ЛНР", 20),
    ("м.", "Старобільськ", "Старобельск", "Луганська", "ЛНР", 15),
    ("м.", "Кадіївка", "Стаханов", "Луганська", "ЛНР", 15),
    ("м.", "Сорокине", "Краснодон", "Луганська", "ЛНР", 10),
    ("м.", "Хрустальний", "Красный Луч", "Луганська", "ЛНР", 10),
    ("м.", "Довжанськ", "Свердловск", "Луганська", "ЛНР", 8),
    ("м.", "Луганськ", "Луганск", "Луганська", "ЛНР", 30),
    ("м.", "Щастя", "Счастье", "Луганська", "ЛНР", 8),
    ("м.", "Мелітополь", "Мелитополь", "Запорізька", "Запорожская обл.", 60),
    ("м.", "Бердянськ", "Бердянск", "Запорізька", "Запорожская обл.", 40),
    ("м.", "Енергодар", "Энергодар", "Запорізька", "Запорожская обл.", 30),
    ("м.", "Токмак", "Токмак", "Запорізька", "Запорожская обл.", 15),
    ("м.", "Пологи", "Пологи", "Запорізька", "Запорожская обл.", 10),
    ("м.", "Василівка", "Васильевка", "Запорізька", "Запорожская обл.", 10),
    ("м.", "Дніпрорудне", "Днепрорудное", "Запорізька", "Запорожская обл.", 8),
    ("смт", "Якимівка", "Акимовка", "Запорізька", "Запорожская обл.", 8),
    ("м.", "Приморськ", "Приморск", "Запорізька", "Запорожская обл.", 6),
    ("м.", "Херсон", "Херсон", "Херсонська", "Херсонская обл.", 80),
    ("м.", "Нова Каховка", "Новая Каховка", "Херсонська", "Херсонская обл.", 30),
    ("м.", "Каховка", "Каховка", "Херсонська", "Херсонская обл.", 15),
    ("м.", "Олешки", "Алешки", "Херсонська", "Херсонская обл.", 20),
    ("м.", "Гола Пристань", "Голая Пристань", "Херсонська", "Херсонская обл.", 15),
    ("м.", "Скадовськ", "Скадовск", "Херсонська", "Херсонская обл.", 15),
    ("м.", "Генічеськ", "Геническ", "Херсонська", "Херсонская обл.", 20),
    ("смт", "Чаплинка", "Чаплинка", "Херсонська", "Херсонская обл.", 8),
    ("смт", "Велика Лепетиха", "Великая Лепетиха", "Херсонська", "Херсонская обл.", 6),
    ("смт", "Білозерка", "Белозерка", "Херсонська", "Херсонская обл.", 8),
    ("с.", "Новотроїцьке", "Новотроицкое", "Херсонська", "Херсонская обл.", 6),
    ("м.", "Ізюм", "Изюм", "Харківська", "Харьковская обл.", 15),
    ("м.", "Куп'янськ", "Купянск", "Харківська", "Харьковская обл.", 15),
    ("м.", "Балаклія", "Балаклея", "Харківська", "Харьковская обл.", 10),
    ("м.", "Вовчанськ", "Волчанск", "Харківська", "Харьковская обл.", 8),
]
OBLAST_EN = {"Донецька": "Donetsk", "Луганська": "Luhansk", "Запорізька": "Zaporizhzhia",
             "Херсонська": "Kherson", "Харківська": "Kharkiv"}

# ---------------------------------------------------------------------------
# Transliteration standards. Each is a table of lower-case Cyrillic → Latin
# with overrides for word-initial position, after a vowel, between vowels,
# two-letter sequences and word endings. src says which form it reads:
# the Ukrainian spelling ("uk") or the Russian one ("ru").
# ---------------------------------------------------------------------------

APOS = "'’ʼ"
VOW = "аеєиіїоуюяыэё"

_UK_BASE = dict(а="a", б="b", в="v", г="h", ґ="g", д="d", е="e", є="ie", ж="zh", з="z",
                и="y", і="i", ї="i", й="i", к="k", л="l", м="m", н="n", о="o", п="p",
                р="r", с="s", т="t", у="u", ф="f", х="kh", ц="ts", ч="ch", ш="sh",
                щ="shch", ь="", ю="iu", я="ia")
_RU_BASE = dict(а="a", б="b", в="v", г="g", д="d", е="e", ё="yo", ж="zh", з="z", и="i",
                й="y", к="k", л="l", м="m", н="n", о="o", п="p", р="r", с="s", т="t",
                у="u", ф="f", х="kh", ц="ts", ч="ch", ш="sh", щ="shch", ъ="", ы="y",
                ь="'", э="e", ю="yu", я="ya")


def _std(src, base, **kw):
    s = dict(src=src, map=dict(base), init={}, after_vowel={}, between={}, digraph={},
             final={}, apos="")
    for k, v in kw.items():
        if k == "upd":
            s["map"].update(v)
        else:
            s[k] = v
    return s


STANDARDS = {
    # Ukrainian national system (KMU 2010), from the Ukrainian spelling
    "kmu2010": _std("uk", _UK_BASE, init=dict(є="ye", ї="yi", й="y", ю="yu", я="ya"),
                    digraph={"зг": "zgh"}),
    # BGN/PCGN 1965 Ukrainian, with soft signs kept as '
    "bgn_uk": _std("uk", _UK_BASE, upd=dict(є="ye", ї="yi", й="y", ю="yu", я="ya", ь="'")),
    # the same without diacritic apostrophes (how most people type it)
    "bgn_uk_plain": _std("uk", _UK_BASE, upd=dict(є="ye", ї="yi", й="y", ю="yu", я="ya")),
    # older Ukrainian passports (pre-2010 practice): г→g, й→y, ya/yu/ye
    "passport_old": _std("uk", _UK_BASE, upd=dict(г="g", є="ye", ї="i", й="y", ю="yu", я="ya")),
    # BGN/PCGN Russian of the Russian form (Tat'yana, Sergey, Dmitriy)
    "ru_bgn": _std("ru", _RU_BASE, init=dict(е="ye", ё="yo"), after_vowel=dict(е="ye", ё="yo")),
    # popular English practice for Russian names (Tatyana, Dmitry, Yury)
    "ru_pop": _std("ru", _RU_BASE, upd=dict(ь=""), init=dict(е="ye"), after_vowel=dict(е="ye"),
                   final={"ий": "y", "ый": "y"}),
    # Russian international passports since 2013 (ICAO 9303: Tatiana, Sergei)
    "ru_icao": _std("ru", _RU_BASE, upd=dict(ё="e", й="i", ъ="ie", ь="", ю="iu", я="ia")),
    # German (Duden-like) of the Ukrainian form: Schewtschenko, Kowalenko
    "german_uk": _std("uk", _UK_BASE, upd=dict(в="w", є="je", ж="sch", з="s", ї="ji", й="j",
                                               х="ch", ц="z", ч="tsch", ш="sch", щ="schtsch",
                                               ю="ju", я="ja"),
                      between=dict(с="ss"), digraph={"кс": "x"}),
    # German of the Russian form: Alexander, Sergej, Jelena
    "german_ru": _std("ru", _RU_BASE, upd=dict(в="w", ё="jo", ж="sch", з="s", й="j", х="ch",
                                               ц="z", ч="tsch", ш="sch", щ="schtsch", ь="",
                                               ю="ju", я="ja"),
                      init=dict(е="je"), after_vowel=dict(е="je"),
                      between=dict(с="ss"), digraph={"кс": "x"}),
    # French of the Ukrainian form: Chevtchenko, Tkatchenko, Serhiï
    "french_uk": _std("uk", _UK_BASE, upd=dict(є="ie", ж="j", ї="ï", й="i", у="ou", ч="tch",
                                               ш="ch", щ="chtch", ю="iou", я="ia"),
                      init=dict(й="i"), between=dict(с="ss"),
                      final={"ий": "y", "ій": "iï"}),
    # French of the Russian form: Sergueï, Dmitri, Tatiana
    "french_ru": _std("ru", _RU_BASE, upd=dict(ё="io", ж="j", й="ï", у="ou", ч="tch", ш="ch",
                                               щ="chtch", ь="", ы="y", ю="iou", я="ia", х="kh"),
                      between=dict(с="ss"), digraph={"ге": "gue", "ги": "gui"},
                      final={"ий": "i", "ый": "y"}),
}

# Mix of standards in the Latin lists: (surname std, given std, weight).
# "english" as given std: an English equivalent of the given name where one
# exists (Alexander, Sophia), else kmu2010.
LATIN_MIX = [
    ("kmu2010", "kmu2010", 34), ("bgn_uk", "bgn_uk", 4), ("bgn_uk_plain", "bgn_uk_plain", 8),
    ("passport_old", "passport_old", 10), ("ru_bgn", "ru_bgn", 6), ("ru_pop", "ru_pop", 10),
    ("ru_icao", "ru_icao", 7), ("german_uk", "german_uk", 4), ("german_ru", "german_ru", 2),
    ("french_uk", "french_uk", 3), ("french_ru", "french_ru", 2), ("kmu2010", "english", 5),
    ("kmu2010", "ru_pop", 3), ("passport_old", "kmu2010", 2),
]


def translit(text, std_name):
    std = STANDARDS[std_name]
    out = []
    word = []

    def flush():
        if word:
            out.append(_translit_word("".join(word), std))
            word.clear()

    for ch in text:
        if ch in " -,":
            flush()
            out.append(ch)
        else:
            word.append(ch)
    flush()
    return "".join(out)


def _translit_word(w, std):
    upper = len(w) > 1 and w.isupper()
    low = w.lower()
    tail = ""
    for suf in sorted(std["final"], key=len, reverse=True):
        if low.endswith(suf) and len(low) > len(suf):
            low, tail = low[: -len(suf)], std["final"][suf]
            break
    res = []
    i = 0
    n = len(low)
    while i < n:
        c = low[i]
        two = low[i:i + 2]
        if two in std["digraph"]:
            res.append(std["digraph"][two])
            i += 2
            continue
        if c in APOS:
            res.append(std["apos"])
            i += 1
            continue
        prev = low[i - 1] if i > 0 else ""
        nxt = low[i + 1] if i + 1 < n else ""
        if i == 0 and c in std["init"]:
            t = std["init"][c]
        elif prev and (prev in VOW or prev in "ьъ" or prev in APOS) and c in std["after_vowel"]:
            t = std["after_vowel"][c]
        elif prev in VOW and nxt in VOW and prev and nxt and c in std["between"]:
            t = std["between"][c]
        else:
            t = std["map"].get(c, c)
        res.append(t)
        i += 1
    s = "".join(res) + tail
    if upper:
        return s.upper()
    return s[:1].upper() + s[1:]


# ---------------------------------------------------------------------------
# Typos
# ---------------------------------------------------------------------------

KB = {
    "uk": ["йцукенгшщзхї", "фівапролджє", "ячсмитьбю"],
    "ru": ["йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"],
    "la": ["qwertyuiop", "asdfghjkl", "zxcvbnm"],
}


def _neighbours(layout):
    rows = KB[layout]
    nb = {}
    for r, row in enumerate(rows):
        for i, c in enumerate(row):
            cand = []
            for j in (i - 1, i + 1):
                if 0 <= j < len(row):
                    cand.append(row[j])
            if r > 0:
                for j in (i, i + 1):
                    if 0 <= j < len(rows[r - 1]):
                        cand.append(rows[r - 1][j])
            if r + 1 < len(rows):
                for j in (i - 1, i):
                    if 0 <= j < len(rows[r + 1]):
                        cand.append(rows[r + 1][j])
            nb[c] = cand
    return nb


NB = {k: _neighbours(k) for k in KB}
CONFUSE = {
    "uk": [("и", "і"), ("і", "и"), ("е", "є"), ("і", "ї"), ("и", "е"), ("е", "и")],
    "ru": [("и", "ы"), ("о", "а"), ("а", "о"), ("е", "и"), ("ё", "е"), ("е", "э")],
    "la": [("y", "i"), ("i", "y"), ("k", "c"), ("v", "w")],
}


def _letters(s):
    return [i for i, c in enumerate(s) if c.isalpha()]


def typo(rng, s, layout):
    """One typing error in s: keyboard neighbour, dropped letter, doubled
    letter, swapped neighbours, or a vowel/letter confusion; the first letter
    is hit only by a confusion, as in real data typos rarely start a word."""
    if len(s) < 3:
        return s
    pos = _letters(s)
    inner = [i for i in pos if i > 0] or pos
    kind = rng.choices(["kb", "drop", "double", "swap", "confuse"], [35, 25, 10, 10, 20])[0]
    if kind == "confuse":
        opts = [(i, b) for i, c in enumerate(s) for a, b in CONFUSE[layout] if c.lower() == a]
        if opts:
            i, b = rng.choice(opts)
            b = b.upper() if s[i].isupper() else b
            return s[:i] + b + s[i + 1:]
        kind = "kb"
    i = rng.choice(inner)
    if kind == "kb":
        c = s[i]
        cand = NB[layout].get(c.lower())
        if not cand:
            return s[:i] + s[i + 1:]
        r = rng.choice(cand)
        return s[:i] + (r.upper() if c.isupper() else r) + s[i + 1:]
    if kind == "drop":
        return s[:i] + s[i + 1:]
    if kind == "double":
        return s[:i] + s[i] + s[i:]
    # swap
    if i + 1 < len(s) and s[i + 1].isalpha() and s[i] != s[i + 1]:
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    return s[:i] + s[i + 1:]


def n_errors(rng):
    """Errors per record: 78% none, 18% one, 4% two."""
    x = rng.random()
    return 0 if x < 0.78 else (1 if x < 0.96 else 2)


# ---------------------------------------------------------------------------
# Population
# ---------------------------------------------------------------------------

BIRTH_MIN = D(2006, 3, 1)
BIRTH_MAX = D(2022, 5, 31)


def age_at(bd, at):
    return at.year - bd.year - ((at.month, at.day) < (bd.month, bd.day))


def wpick(rng, items, wi=-1):
    return rng.choices(items, weights=[it[wi] for it in items])[0]


def make_population(rng, n):
    """Households until n children. Each household: a surname, a father (so
    siblings share the patronymic), a settlement, 1-5 children spaced 1-6
    years apart, 2.5% of later births a twin of the previous child (same
    birth date). 15% of households are relatives of an earlier household
    (same surname and settlement, different father)."""
    children = []
    households = []
    span = (BIRTH_MAX - BIRTH_MIN).days
    while len(children) < n:
        hid = len(households)
        if households and rng.random() < 0.15:
            rel = rng.choice(households)
            sur, place = rel["sur"], rel["place"]
        else:
            sur, place = wpick(rng, SURNAMES), wpick(rng, PLACES)
        father = wpick(rng, FATHERS)
        hh = dict(id=hid, sur=sur, place=place, father=father)
        households.append(hh)
        k = rng.choices([1, 2, 3, 4, 5], [45, 33, 15, 5, 2])[0]
        k = min(k, n - len(children))
        bd = BIRTH_MIN + dt.timedelta(days=rng.randrange(span + 1))
        used = []
        for j in range(k):
            if j > 0:
                if rng.random() < 0.025:
                    pass  # twin: same birth date
                else:
                    for _ in range(20):
                        step = rng.randint(365, 6 * 365)
                        cand = bd + dt.timedelta(days=step if rng.random() < 0.5 else -step)
                        if BIRTH_MIN <= cand <= BIRTH_MAX:
                            bd = cand
                            break
            male = rng.random() < 0.51
            pool = BOYS if male else GIRLS
            for _ in range(20):
                g = wpick(rng, pool)
                if g[0] not in used:
                    break
            used.append(g[0])
            cid = "C%06d" % (len(children) + 1)
            children.append(dict(
                id=cid, hh=hid, male=male, given=g, bd=bd, place=place, father=father,
                sur_uk=sur[0] if male else sur[1], sur_ru=sur[2] if male else sur[3],
                patr_uk=father[2] if male else father[3],
                patr_ru=father[4] if male else father[5]))
    return children


# membership patterns (in UA, in RU, in Latin): share of the population
PATTERNS = [((1, 1, 1), 15), ((1, 1, 0), 20), ((1, 0, 1), 10), ((0, 1, 1), 5),
            ((1, 0, 0), 15), ((0, 1, 0), 5), ((0, 0, 1), 5), ((0, 0, 0), 25)]


def assign_lists(rng, children):
    """Siblings are usually on the same lists (taken and reported together):
    each child takes its household's pattern with p=0.7, else its own."""
    hh_pat = {}
    for c in children:
        if c["hh"] not in hh_pat:
            hh_pat[c["hh"]] = wpick(rng, PATTERNS)[0]
        c["lists"] = hh_pat[c["hh"]] if rng.random() < 0.7 else wpick(rng, PATTERNS)[0]


def fmt_dmy(d, sep="."):
    return "%02d%s%02d%s%04d" % (d.day, sep, d.month, sep, d.year)


def fmt_mdy(d):
    return "%02d/%02d/%04d" % (d.month, d.day, d.year)


def date_error(rng, d):
    """A wrong but valid date: day and month swapped (when both <= 12 and
    different), else one digit of the day or of the year off by one."""
    if d.day <= 12 and d.day != d.month and rng.random() < 0.6:
        return D(d.year, d.day, d.month)
    if rng.random() < 0.5:
        for _ in range(10):
            nd = d.day + rng.choice([-1, 1, -10, 10])
            try:
                return D(d.year, d.month, nd)
            except ValueError:
                continue
    y = d.year + rng.choice([-1, 1])
    try:
        return D(y, d.month, d.day)
    except ValueError:
        return D(y, d.month, 28)


def uk_letters_to_ru(s):
    """A Russian clerk copying a Ukrainian document letter by letter."""
    return (s.replace("і", "и").replace("І", "И").replace("ї", "и").replace("Ї", "И")
            .replace("є", "е").replace("Є", "Е").replace("'", "ь").replace("’", "ь"))


# ---------------------------------------------------------------------------
# List 1: Ukrainian missing-children list
# ---------------------------------------------------------------------------

UA_NOTES = ["", "", "", "", "", "", "", "зник під час евакуації", "вивезений на тимчасово окуповану територію",
            "вивезена до РФ", "перебував у таборі", "з братом", "з сестрою", "заява матері",
            "заява бабусі", "депортований"]


def ua_record(rng, c, stats):
    apos = rng.choice(["'", "'", "’", "ʼ"])
    sur = c["sur_uk"].replace("'", apos)
    given = c["given"][0].replace("'", apos)
    if rng.random() < 0.03:
        given = c["given"][1]  # Russian form given by a Russian-speaking family
    patr = c["patr_uk"].replace("'", apos)
    if rng.random() < 0.12:
        patr = ""
    bd = fmt_dmy(c["bd"])
    sex = "ч" if c["male"] else "ж"
    if rng.random() < 0.03:
        sex = ""
    kind, name, _ru, obl, _reg, _w = c["place"]
    r = rng.random()
    if r < 0.45:
        place = "%s %s" % (kind, name)
    elif r < 0.75:
        place = name
    elif r < 0.95:
        place = "%s %s, %s обл." % (kind, name, obl)
    else:
        place = "%s обл., %s %s" % (obl, kind, name)
    if rng.random() < 0.04:
        place = ""
    k = n_errors(rng)
    stats["errors"][k] += 1
    for _ in range(k):
        e = rng.choices(["sur", "given", "patr", "date", "place"], [30, 20, 12, 30, 8])[0]
        if e == "sur":
            sur = typo(rng, sur, "uk")
        elif e == "given":
            given = typo(rng, given, "uk")
        elif e == "patr" and patr:
            patr = typo(rng, patr, "uk")
        elif e == "date":
            x = rng.random()
            if x < 0.55:
                bd = fmt_dmy(date_error(rng, c["bd"]))
            elif x < 0.85:
                bd = str(c["bd"].year)
            else:
                bd = ""
        elif e == "place" and place:
            place = typo(rng, place, "uk") if rng.random() < 0.5 else ""
    note = rng.choice(UA_NOTES)
    return [sur, given, patr, bd, sex, place, note]


# ---------------------------------------------------------------------------
# List 2: Russian camp list
# ---------------------------------------------------------------------------

RU_SHIFTS = [D(2022, 6, 20), D(2022, 7, 15), D(2022, 8, 10), D(2022, 9, 5), D(2022, 10, 1)]


def ru_record(rng, c, shift, stats):
    as_uk = rng.random() < 0.08
    if as_uk:
        sur = uk_letters_to_ru(c["sur_uk"])
        given = uk_letters_to_ru(c["given"][0])
        patr = uk_letters_to_ru(c["patr_uk"])
    else:
        sur, given, patr = c["sur_ru"], c["given"][1], c["patr_ru"]
    dim = False
    if c["given"][2] and rng.random() < 0.12:
        given = rng.choice(c["given"][2])
        dim = True
    if dim and rng.random() < 0.7 or rng.random() < 0.15:
        patr = ""
    if rng.random() < 0.5:
        sur, given, patr = (x.replace("ё", "е") for x in (sur, given, patr))
    k = n_errors(rng)
    stats["errors"][k] += 1
    # ages were often taken at registration, weeks or months before the list
    taken = shift
    if rng.random() < 0.35:
        taken = shift - dt.timedelta(days=rng.randint(20, 240))
        taken = max(taken, c["bd"])
    age = age_at(c["bd"], taken)
    age_s = str(age)
    kind, _uk, ru, _obl, reg, _w = c["place"]
    rk = {"м.": "г.", "смт": "пгт", "с.": "с."}[kind]
    r = rng.random()
    if r < 0.4:
        place = "%s %s" % (rk, ru)
    elif r < 0.65:
        place = ru
    elif r < 0.9:
        place = "%s, %s %s" % (reg, rk, ru)
    else:
        place = "%s %s, %s" % (rk, ru, reg)
    if rng.random() < 0.06:
        place = ""
    sex = "М" if c["male"] else "Ж"
    if rng.random() < 0.05:
        sex = ""
    for _ in range(k):
        e = rng.choices(["sur", "given", "patr", "age", "place", "sex"], [30, 18, 10, 27, 10, 5])[0]
        if e == "sur":
            sur = typo(rng, sur, "ru")
        elif e == "given":
            given = typo(rng, given, "ru")
        elif e == "patr" and patr:
            patr = typo(rng, patr, "ru")
        elif e == "age":
            age_s = "" if rng.random() < 0.25 else str(max(0, age + rng.choice([-1, 1, 1])))
        elif e == "place" and place:
            place = typo(rng, place, "ru")
        elif e == "sex":
            sex = "Ж" if c["male"] else "М"
    if age_s and rng.random() < 0.03:
        a = int(age_s)
        age_s += " лет" if a % 10 in (0, 5, 6, 7, 8, 9) or 11 <= a % 100 <= 14 else (
            " год" if a % 10 == 1 else " года")
    if rng.random() < 0.10:
        sur = sur.upper()
    if rng.random() < 0.2:
        fio = " ".join(x for x in (given, patr, sur) if x)
    else:
        fio = " ".join(x for x in (sur, given, patr) if x)
    note = ""
    if rng.random() < 0.5:
        note = "смена %d, отряд %d" % (RU_SHIFTS.index(shift) + 1, rng.randint(1, 12))
    return [fio, sex, age_s, fmt_dmy(shift), place, note]


# ---------------------------------------------------------------------------
# Latin lists
# ---------------------------------------------------------------------------

def latin_names(rng, c):
    """Surname, given name and patronymic in Latin script under one of the
    mixed standards; returns (surname, given, patronymic, std label)."""
    s_std, g_std, _w = wpick(rng, LATIN_MIX)
    sur_src = c["sur_uk"] if STANDARDS[s_std]["src"] == "uk" else c["sur_ru"]
    sur = translit(sur_src, s_std)
    if g_std == "english":
        eng = c["given"][3]
        given = eng if eng else translit(c["given"][0], "kmu2010")
        patr = translit(c["patr_uk"], "kmu2010")
    else:
        src = STANDARDS[g_std]["src"]
        given = translit(c["given"][0] if src == "uk" else c["given"][1], g_std)
        patr = translit(c["patr_uk"] if src == "uk" else c["patr_ru"], g_std)
    return sur, given, patr, s_std + "/" + g_std


def latin_place(rng, c, std_label):
    kind, uk, ru, obl, _reg, _w = c["place"]
    s = std_label.split("/")[0]
    name = translit(uk if STANDARDS[s]["src"] == "uk" else ru, s)
    r = rng.random()
    if r < 0.6:
        return name
    if r < 0.85:
        return "%s, %s Oblast" % (name, OBLAST_EN[obl])
    return "%s, %s oblast" % (name, translit(obl, "kmu2010"))


def latin_errors(rng, fields, k):
    """fields: dict with sur, given, patr, dob(date or None), dob_mode."""
    for _ in range(k):
        e = rng.choices(["sur", "given", "date", "drop"], [35, 22, 28, 15])[0]
        if e in ("sur", "given") and fields[e]:
            fields[e] = typo(rng, fields[e], "la")
        elif e == "date" and fields["dob"]:
            x = rng.random()
            if x < 0.6:
                fields["dob"] = date_error(rng, fields["dob"])
            elif x < 0.85:
                fields["dob_mode"] = "year"
            else:
                fields["dob"] = None
        elif e == "drop":
            which = rng.choice(["place", "sex", "patr"])
            fields[which] = ""


NGO_NOTES = ["", "", "", "", "", "reported by mother", "reported by grandmother",
             "reported by aunt", "last contact by phone", "seen in a camp", "sibling also missing",
             "transferred with school group", "via hotline", "referral"]


def ngo_record(rng, c, recorded, stats):
    """List 3 (cross mode): one full-name column."""
    sur, given, patr, std = latin_names(rng, c)
    stats["std"][std] += 1
    f = dict(sur=sur, given=given, patr=patr if rng.random() < 0.30 else "", dob=c["bd"],
             dob_mode=rng.choices(["mdy", "iso", "year", "none"], [78, 12, 3, 7])[0],
             place=latin_place(rng, c, std) if rng.random() < 0.85 else "",
             sex=("M" if c["male"] else "F") if rng.random() < 0.9 else "")
    k = n_errors(rng)
    stats["errors"][k] += 1
    latin_errors(rng, f, k)
    o = rng.choices(["fl", "LF", "L,F", "Lf"], [55, 25, 12, 8])[0]
    gp = " ".join(x for x in (f["given"], f["patr"]) if x)
    if o == "fl":
        full = " ".join(x for x in (f["given"], f["patr"], f["sur"]) if x)
    elif o == "LF":
        full = " ".join(x for x in (f["sur"].upper(), gp) if x)
    elif o == "L,F":
        full = "%s, %s" % (f["sur"], gp)
    else:
        full = " ".join(x for x in (f["sur"], gp) if x)
    dob, age = "", ""
    if f["dob"] is None or f["dob_mode"] == "none":
        if rng.random() < 0.6:
            age = str(age_at(c["bd"], recorded) + (rng.choice([-1, 1]) if rng.random() < 0.1 else 0))
    elif f["dob_mode"] == "mdy":
        dob = fmt_mdy(f["dob"])
    elif f["dob_mode"] == "iso":
        dob = f["dob"].isoformat()
    else:
        dob = str(f["dob"].year)
    return [full, f["sex"], dob, age, recorded.isoformat(), f["place"], rng.choice(NGO_NOTES)]


def tracing_record(rng, c, recorded, stats):
    """Latin mode: surname / first name / patronymic in separate columns."""
    sur, given, patr, std = latin_names(rng, c)
    stats["std"][std] += 1
    f = dict(sur=sur, given=given, patr=patr if rng.random() < 0.55 else "", dob=c["bd"],
             dob_mode=rng.choices(["iso", "dmy", "year", "none"], [80, 10, 4, 6])[0],
             place=latin_place(rng, c, std) if rng.random() < 0.85 else "",
             sex=("M" if c["male"] else "F") if rng.random() < 0.92 else "")
    k = n_errors(rng)
    stats["errors"][k] += 1
    latin_errors(rng, f, k)
    if rng.random() < 0.03:
        f["sur"], f["given"] = f["given"], f["sur"]  # entered in the wrong boxes
    if rng.random() < 0.15:
        f["sur"] = f["sur"].upper()
    if f["dob"] is None or f["dob_mode"] == "none":
        dob = ""
    elif f["dob_mode"] == "iso":
        dob = f["dob"].isoformat()
    elif f["dob_mode"] == "dmy":
        dob = fmt_dmy(f["dob"])
    else:
        dob = str(f["dob"].year)
    return [f["sur"], f["given"], f["patr"], f["sex"], dob, f["place"], recorded.isoformat()]


def rand_day(rng, a, b):
    return a + dt.timedelta(days=rng.randrange((b - a).days + 1))


def dup_count(rng, p2, p3):
    x = rng.random()
    return 3 if x < p3 else (2 if x < p3 + p2 else 1)


# ---------------------------------------------------------------------------
# Writing and checking
# ---------------------------------------------------------------------------

def write_table(path, header, rows, delimiter, bom, crlf):
    enc = "utf-8-sig" if bom else "utf-8"
    with open(path, "w", encoding=enc, newline="") as fh:
        w = csv.writer(fh, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n")
        w.writerow(header)
        w.writerows(rows)


def gen_cross(rng, n, out):
    children = make_population(rng, n)
    assign_lists(rng, children)
    truth = []
    stats = {}

    # 1. Ukrainian missing-children list: sorted by surname, numbered
    st = stats["ua_missing.csv"] = dict(errors=Counter(), std=Counter())
    recs = [(ua_record(rng, c, st), c["id"]) for c in children if c["lists"][0]]
    recs.sort(key=lambda r: (r[0][0].lower(), r[0][1].lower(), r[0][2].lower(), r[1]))
    rows = []
    for i, (r, cid) in enumerate(recs, 1):
        rows.append([str(i)] + r)
        truth.append(("ua_missing.csv", str(i), cid))
    write_table(os.path.join(out, "ua_missing.csv"),
                ["№ з/п", "Прізвище", "Ім’я", "По батькові", "Дата народження", "Стать",
                 "Останнє місце перебування", "Примітка"], rows, ";", True, True)

    # 2. Russian camp list: grouped by shift, siblings usually in one shift
    st = stats["ru_camp.tsv"] = dict(errors=Counter(), std=Counter())
    hh_shift = {}
    recs = []
    for c in children:
        if not c["lists"][1]:
            continue
        if c["hh"] not in hh_shift:
            hh_shift[c["hh"]] = rng.choice(RU_SHIFTS)
        shift = hh_shift[c["hh"]] if rng.random() < 0.85 else rng.choice(RU_SHIFTS)
        recs.append((shift, rng.random(), ru_record(rng, c, shift, st), c["id"]))
    recs.sort(key=lambda r: (r[0], r[1]))
    rows = []
    for i, (_s, _x, r, cid) in enumerate(recs, 1):
        rows.append([str(i)] + r)
        truth.append(("ru_camp.tsv", str(i), cid))
    write_table(os.path.join(out, "ru_camp.tsv"),
                ["№ п/п", "Ф.И.О.", "Пол", "Возраст", "Дата составления", "Откуда прибыл",
                 "Примечание"], rows, "\t", False, False)

    # 3. Latin NGO tracing list, 6% of its children entered twice, 1% thrice
    st = stats["ngo_tracing.csv"] = dict(errors=Counter(), std=Counter())
    recs = []
    for c in children:
        if not c["lists"][2]:
            continue
        for _ in range(dup_count(rng, 0.06, 0.01)):
            recorded = rand_day(rng, D(2023, 1, 10), D(2024, 2, 28))
            recs.append((rng.random(), ngo_record(rng, c, recorded, st), c["id"]))
    recs.sort(key=lambda r: r[0])
    ids = rng.sample(range(100000, 1000000), len(recs))
    rows = []
    for (_x, r, cid), num in zip(recs, ids):
        rid = "TR-%d" % num
        rows.append([rid] + r)
        truth.append(("ngo_tracing.csv", rid, cid))
    write_table(os.path.join(out, "ngo_tracing.csv"),
                ["Record ID", "Child's full name", "Gender", "Date of birth (MM/DD/YYYY)", "Age",
                 "Date recorded", "Home town", "Notes"], rows, ",", False, False)
    return truth, stats


def gen_latin(rng, n, out):
    children = make_population(rng, n)
    st = dict(errors=Counter(), std=Counter())
    recs = []
    for c in children:
        for _ in range(dup_count(rng, 0.16, 0.04)):
            recorded = rand_day(rng, D(2022, 9, 1), D(2024, 2, 28))
            recs.append((rng.random(), tracing_record(rng, c, recorded, st), c["id"]))
    recs.sort(key=lambda r: r[0])
    ids = rng.sample(range(1000000, 10000000), len(recs))
    rows, truth = [], []
    for (_x, r, cid), num in zip(recs, ids):
        rid = "UA%07d" % num
        rows.append([rid] + r)
        truth.append(("tracing_latin.csv", rid, cid))
    write_table(os.path.join(out, "tracing_latin.csv"),
                ["ID", "Surname", "First name", "Patronymic", "Sex", "DOB", "Residence",
                 "Date recorded"], rows, ",", False, True)
    return truth, {"tracing_latin.csv": st}


def check(out):
    """Re-read every list and truth.csv from disk; fail loudly on a record
    without truth, a truth row without a record, or a repeated id."""
    with open(os.path.join(out, "truth.csv"), encoding="utf-8", newline="") as fh:
        rd = csv.reader(fh)
        assert next(rd) == ["file", "record_id", "child_id"]
        truth = [tuple(r) for r in rd]
    by_file = defaultdict(dict)
    for f, rid, cid in truth:
        assert rid not in by_file[f], "truth repeats %s %s" % (f, rid)
        by_file[f][rid] = cid
    counts = {}
    for f in sorted(by_file):
        with open(os.path.join(out, f), encoding="utf-8-sig", newline="") as fh:
            text = fh.read()
        first = text.split("\n", 1)[0]
        delim = "\t" if "\t" in first else (";" if first.count(";") > first.count(",") else ",")
        rows = list(csv.reader(text.splitlines(), delimiter=delim))
        header, body = rows[0], rows[1:]
        ncol = len(header)
        seen = []
        for r in body:
            assert len(r) == ncol, "%s: ragged row %r" % (f, r)
            seen.append(r[0])
        assert len(set(seen)) == len(seen), "%s: ids not unique" % f
        assert sorted(seen) == sorted(by_file[f]), "%s: truth and records differ" % f
        counts[f] = len(body)
    # pairs
    per_child = defaultdict(Counter)
    for f, rid, cid in truth:
        per_child[cid][f] += 1
    files = sorted(by_file)
    print("records per list:")
    for f in files:
        print("  %-20s %7d records, %7d distinct children" % (
            f, counts[f], len({by_file[f][r] for r in by_file[f]})))
    print("true cross-list pairs:")
    for i in range(len(files)):
        for j in range(i + 1, len(files)):
            a, b = files[i], files[j]
            p = sum(cnt[a] * cnt[b] for cnt in per_child.values())
            print("  %-20s x %-20s %7d" % (a, b, p))
    if len(files) == 3:
        print("  children in all three lists: %d" % sum(
            1 for cnt in per_child.values() if all(cnt[f] for f in files)))
    print("in-list duplicate pairs:")
    for f in files:
        p = sum(cnt[f] * (cnt[f] - 1) // 2 for cnt in per_child.values())
        k = sum(1 for cnt in per_child.values() if cnt[f] > 1)
        print("  %-20s %7d pairs (%d children with more than one record)" % (f, p, k))
    print("distinct children on some list: %d" % len(per_child))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--children", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--mode", choices=["cross", "latin"], default="cross")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    rng = random.Random(a.seed)
    if a.mode == "cross":
        truth, stats = gen_cross(rng, a.children, a.out)
    else:
        truth, stats = gen_latin(rng, a.children, a.out)
    with open(os.path.join(a.out, "truth.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["file", "record_id", "child_id"])
        w.writerows(truth)
    check(a.out)
    for f, st in stats.items():
        tot = sum(st["errors"].values())
        print("%s: records with 0/1/2 injected errors: %s" % (
            f, " / ".join("%.1f%%" % (100.0 * st["errors"][k] / max(tot, 1)) for k in (0, 1, 2))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
