#!/usr/bin/env python3
"""gen6: a sixth, independent generator of child registries (sealed).

python3 gen6.py --children N --seed S --out DIR [--mode cross|latin]

cross: four lists as four different bodies keep them + truth.csv
latin: one merged Latin-script tracing list (for dedupe) + truth.csv
Standard library only; deterministic by --seed.
"""
import argparse
import csv
import datetime as dt
import io
import os
import random
import sys
from collections import Counter, defaultdict

D = dt.date

# ---------------------------------------------------------------- places
# (ua, ru, oblast_ua, oblast_ru, occupation subject ru, weight)
PLACES = [
    ("Маріуполь", "Мариуполь", "Донецька", "Донецкая", "ДНР", 16),
    ("Донецьк", "Донецк", "Донецька", "Донецкая", "ДНР", 9),
    ("Макіївка", "Макеевка", "Донецька", "Донецкая", "ДНР", 5),
    ("Горлівка", "Горловка", "Донецька", "Донецкая", "ДНР", 5),
    ("Єнакієве", "Енакиево", "Донецька", "Донецкая", "ДНР", 2),
    ("Харцизьк", "Харцызск", "Донецька", "Донецкая", "ДНР", 2),
    ("Волноваха", "Волноваха", "Донецька", "Донецкая", "ДНР", 2),
    ("Нікольське", "Никольское", "Донецька", "Донецкая", "ДНР", 1),
    ("Бахмут", "Артёмовск", "Донецька", "Донецкая", "ДНР", 2),
    ("Луганськ", "Луганск", "Луганська", "Луганская", "ЛНР", 7),
    ("Алчевськ", "Алчевск", "Луганська", "Луганская", "ЛНР", 3),
    ("Сєвєродонецьк", "Северодонецк", "Луганська", "Луганская", "ЛНР", 3),
    ("Лисичанськ", "Лисичанск", "Луганська", "Луганская", "ЛНР", 3),
    ("Рубіжне", "Рубежное", "Луганська", "Луганская", "ЛНР", 2),
    ("Старобільськ", "Старобельск", "Луганська", "Луганская", "ЛНР", 2),
    ("Кадіївка", "Стаханов", "Луганська", "Луганская", "ЛНР", 2),
    ("Довжанськ", "Свердловск", "Луганська", "Луганская", "ЛНР", 1),
    ("Мелітополь", "Мелитополь", "Запорізька", "Запорожская", "Запорожская обл.", 7),
    ("Бердянськ", "Бердянск", "Запорізька", "Запорожская", "Запорожская обл.", 5),
    ("Енергодар", "Энергодар", "Запорізька", "Запорожская", "Запорожская обл.", 3),
    ("Токмак", "Токмак", "Запорізька", "Запорожская", "Запорожская обл.", 2),
    ("Приморськ", "Приморск", "Запорізька", "Запорожская", "Запорожская обл.", 2),
    ("Пологи", "Пологи", "Запорізька", "Запорожская", "Запорожская обл.", 1),
    ("Василівка", "Васильевка", "Запорізька", "Запорожская", "Запорожская обл.", 1),
    ("Херсон", "Херсон", "Херсонська", "Херсонская", "Херсонская обл.", 7),
    ("Нова Каховка", "Новая Каховка", "Херсонська", "Херсонская", "Херсонская обл.", 3),
    ("Олешки", "Алешки", "Херсонська", "Херсонская", "Херсонская обл.", 2),
    ("Скадовськ", "Скадовск", "Херсонська", "Херсонская", "Херсонская обл.", 2),
    ("Генічеськ", "Геническ", "Херсонська", "Херсонская", "Херсонская обл.", 2),
    ("Каховка", "Каховка", "Херсонська", "Херсонская", "Херсонская обл.", 1),
    ("Ізюм", "Изюм", "Харківська", "Харьковская", "Харьковская обл.", 2),
    ("Куп'янськ", "Купянск", "Харківська", "Харьковская", "Харьковская обл.", 2),
    ("Вовчанськ", "Волчанск", "Харківська", "Харьковская", "Харьковская обл.", 1),
    ("Сімферополь", "Симферополь", "АР Крим", "Республика Крым", "Республика Крым", 5),
    ("Бахчисарай", "Бахчисарай", "АР Крим", "Республика Крым", "Республика Крым", 2),
    ("Джанкой", "Джанкой", "АР Крим", "Республика Крым", "Республика Крым", 2),
    ("Євпаторія", "Евпатория", "АР Крим", "Республика Крым", "Республика Крым", 2),
    ("Керч", "Керчь", "АР Крим", "Республика Крым", "Республика Крым", 2),
    ("Білогірськ", "Белогорск", "АР Крим", "Республика Крым", "Республика Крым", 1),
    ("Севастополь", "Севастополь", "Севастополь", "Севастополь", "г. Севастополь", 3),
]
CRIMEA = {p[0] for p in PLACES if p[2] in ("АР Крим", "Севастополь")}
AZOV = {"Бердянськ", "Приморськ", "Мелітополь", "Токмак", "Маріуполь", "Нікольське"}

# ethnic group weights by home
def ethnic_weights(home):
    w = {"ua": 70, "ru": 22, "by": 2.0, "rom": 1.5, "md": 0.8, "hy": 1.2, "az": 0.8, "ka": 0.5,
         "bg": 0.3, "ct": 0.2}
    if home in CRIMEA:
        w.update(ua=20, ru=52, ct=18 if home in ("Бахчисарай", "Білогірськ", "Джанкой") else 8,
                 hy=2, az=1.5)
        if home == "Севастополь":
            w.update(ct=2, ru=68)
    if home in AZOV:
        w.update(bg=5 if home in ("Приморськ", "Бердянськ") else 1.5)
    if home in ("Херсон", "Олешки", "Скадовськ", "Генічеськ", "Нова Каховка"):
        w.update(md=3, rom=3 if home == "Олешки" else 1.5, ct=2 if home == "Генічеськ" else 0.2)
    if home in ("Донецьк", "Макіївка", "Луганськ", "Горлівка"):
        w.update(ru=32, az=1.5, hy=2, ka=1.0)
    return w

# Russian Cyrillic transliteration-hints for Belarusian places (clerk)
# ---------------------------------------------------------------- given names
# (ua, ru, by, ua diminutive, ru diminutive, weight)
BOYS = [
    ("Олександр", "Александр", "Аляксандр", "Сашко", "Саша", 10),
    ("Максим", "Максим", "Максім", "Максимко", "Макс", 8),
    ("Артем", "Артём", "Арцём", "Тема", "Тёма", 8),
    ("Дмитро", "Дмитрий", "Дзмітрый", "Дімка", "Дима", 7),
    ("Іван", "Иван", "Іван", "Івасик", "Ваня", 6),
    ("Микита", "Никита", "Мікіта", "Микитка", "Никитка", 6),
    ("Матвій", "Матвей", "Мацвей", "Матвійко", "Матвейка", 5),
    ("Кирило", "Кирилл", "Кірыл", "Кирилко", "Кирюша", 5),
    ("Андрій", "Андрей", "Андрэй", "Андрійко", "Андрюша", 5),
    ("Данило", "Даниил", "Данііл", "Данилко", "Даня", 4),
    ("Богдан", "Богдан", "Багдан", "Богданчик", "Богдаша", 4),
    ("Назар", "Назар", "Назар", "Назарко", "Назарка", 3),
    ("Владислав", "Владислав", "Уладзіслаў", "Владик", "Влад", 4),
    ("Михайло", "Михаил", "Міхаіл", "Михайлик", "Миша", 4),
    ("Єгор", "Егор", "Ягор", "Єгорко", "Егорка", 4),
    ("Ярослав", "Ярослав", "Яраслаў", "Ярчик", "Слава", 2),
    ("Денис", "Денис", "Дзяніс", "Дениско", "Дениска", 3),
    ("Тимофій", "Тимофей", "Цімафей", "Тимко", "Тима", 3),
    ("Роман", "Роман", "Раман", "Ромко", "Рома", 3),
    ("Ілля", "Илья", "Ілля", "Іллюша", "Илюша", 4),
    ("Давид", "Давид", "Давід", "Давидко", "Дава", 2),
    ("Марк", "Марк", "Марк", "Маркусь", "Марик", 2),
    ("Вадим", "Вадим", "Вадзім", "Вадик", "Вадик", 1),
    ("Сергій", "Сергей", "Сяргей", "Сергійко", "Серёжа", 3),
    ("Віктор", "Виктор", "Віктар", "Вітько", "Витя", 2),
    ("Олег", "Олег", "Алег", "Олежик", "Олежка", 1),
    ("Євген", "Евгений", "Яўген", "Женько", "Женя", 2),
    ("Ростислав", "Ростислав", "Расціслаў", "Ростик", "Ростик", 2),
    ("Тарас", "Тарас", "Тарас", "Тарасик", "Тарасик", 1),
    ("Георгій", "Георгий", "Георгій", "Жора", "Жора", 1),
]
GIRLS = [
    ("Анастасія", "Анастасия", "Анастасія", "Настя", "Настя", 9),
    ("Софія", "София", "Сафія", "Софійка", "Соня", 9),
    ("Вікторія", "Виктория", "Вікторыя", "Віка", "Вика", 6),
    ("Дар'я", "Дарья", "Дар'я", "Даша", "Даша", 6),
    ("Марія", "Мария", "Марыя", "Марійка", "Маша", 6),
    ("Поліна", "Полина", "Паліна", "Полінка", "Поля", 5),
    ("Анна", "Анна", "Ганна", "Аня", "Аня", 4),
    ("Ганна", "Анна", "Ганна", "Ганнуся", "Аня", 2),
    ("Єлизавета", "Елизавета", "Лізавета", "Ліза", "Лиза", 5),
    ("Олександра", "Александра", "Аляксандра", "Сашуня", "Саша", 4),
    ("Катерина", "Екатерина", "Кацярына", "Катруся", "Катя", 5),
    ("Аліна", "Алина", "Аліна", "Алінка", "Алинка", 4),
    ("Дарина", "Дарина", "Дарына", "Даринка", "Дариша", 3),
    ("Злата", "Злата", "Злата", "Златка", "Златочка", 3),
    ("Вероніка", "Вероника", "Вераніка", "Ніка", "Ника", 3),
    ("Ангеліна", "Ангелина", "Ангеліна", "Геля", "Геля", 3),
    ("Мілана", "Милана", "Мілана", "Міланка", "Миланка", 3),
    ("Юлія", "Юлия", "Юлія", "Юля", "Юля", 3),
    ("Діана", "Диана", "Дзіяна", "Діанка", "Дианка", 3),
    ("Ксенія", "Ксения", "Ксенія", "Ксеня", "Ксюша", 3),
    ("Олена", "Елена", "Алена", "Оленка", "Лена", 2),
    ("Ірина", "Ирина", "Ірына", "Іринка", "Ира", 2),
    ("Тетяна", "Татьяна", "Таццяна", "Таня", "Таня", 2),
    ("Христина", "Кристина", "Крысціна", "Христя", "Кристя", 2),
    ("Валерія", "Валерия", "Валерыя", "Лєра", "Лера", 3),
    ("Уляна", "Ульяна", "Ульяна", "Уляночка", "Уля", 2),
    ("Соломія", "Соломия", "Саламея", "Соля", "Соля", 2),
    ("Єва", "Ева", "Ева", "Євка", "Евочка", 2),
]

# ethnic given names: ua forms; ru/by derived by rule unless given as "ua/ru"
ETH_GIVEN = {
    "ct": ("Ернест Емір Ельдар Рустем Тимур Арсен Ділявер Алім Ескендер Сейран Ремзі Амет",
           "Ельвіра Есма Аліє Зарема Ленара Сабіна Лейла Мер'єм Ельзара Фатма Айше Севіля"),
    "rom": ("Шандор Мірча Янко Роберт Радко Бахтало Михай Золтан",
            "Рада Земфіра Кармен Есмеральда Лала Маріела Роза Сабіна"),
    "md": ("Іон Василе Думітру Раду Штефан Ніколае Міхай",
           "Ліліана Аурелія Доїна Мірела Корнелія Міхаела Іоана"),
    "hy": ("Арам Давид Тигран Ашот Гор Левон Арсен Нарек",
           "Ані Мері Гаяне Ліана Ануш Сона Нарине Лусіне"),
    "az": ("Ельчин Рауф Орхан Фарід Мурад Руслан Ількін Елвін",
           "Айтан Лейла Севіль Гюнель Нігяр Айсель Нармін"),
    "ka": ("Георгій Давид Леван Ніка Гіві Ілля Лука Сандро",
           "Ніно Тамара Ека Маріам Саломе Нана Анано"),
    "bg": ("Тодор Стоян Петро Іван Димитр", "Зорниця Надія Марія Іванна Стефанія"),
}
ETH_GIVEN_SHARE = {"ct": 0.85, "rom": 0.4, "md": 0.55, "hy": 0.7, "az": 0.8, "ka": 0.65, "bg": 0.2,
                   "ua": 0, "ru": 0, "by": 0}

# fathers: (ua, ru, by, ua patr m, ua patr f, ru patr m, ru patr f, weight)
FATHERS = [
    ("Олександр", "Александр", "Аляксандр", "Олександрович", "Олександрівна", "Александрович", "Александровна", 10),
    ("Сергій", "Сергей", "Сяргей", "Сергійович", "Сергіївна", "Сергеевич", "Сергеевна", 9),
    ("Андрій", "Андрей", "Андрэй", "Андрійович", "Андріївна", "Андреевич", "Андреевна", 8),
    ("Володимир", "Владимир", "Уладзімір", "Володимирович", "Володимирівна", "Владимирович", "Владимировна", 6),
    ("Дмитро", "Дмитрий", "Дзмітрый", "Дмитрович", "Дмитрівна", "Дмитриевич", "Дмитриевна", 6),
    ("Віталій", "Виталий", "Віталь", "Віталійович", "Віталіївна", "Витальевич", "Витальевна", 5),
    ("Олексій", "Алексей", "Аляксей", "Олексійович", "Олексіївна", "Алексеевич", "Алексеевна", 5),
    ("Юрій", "Юрий", "Юрый", "Юрійович", "Юріївна", "Юрьевич", "Юрьевна", 5),
    ("Микола", "Николай", "Мікалай", "Миколайович", "Миколаївна", "Николаевич", "Николаевна", 5),
    ("Іван", "Иван", "Іван", "Іванович", "Іванівна", "Иванович", "Ивановна", 5),
    ("Віктор", "Виктор", "Віктар", "Вікторович", "Вікторівна", "Викторович", "Викторовна", 4),
    ("Євген", "Евгений", "Яўген", "Євгенович", "Євгенівна", "Евгеньевич", "Евгеньевна", 4),
    ("Олег", "Олег", "Алег", "Олегович", "Олегівна", "Олегович", "Олеговна", 4),
    ("Ігор", "Игорь", "Ігар", "Ігорович", "Ігорівна", "Игоревич", "Игоревна", 4),
    ("Роман", "Роман", "Раман", "Романович", "Романівна", "Романович", "Романовна", 3),
    ("Василь", "Василий", "Васіль", "Васильович", "Василівна", "Васильевич", "Васильевна", 3),
    ("Михайло", "Михаил", "Міхаіл", "Михайлович", "Михайлівна", "Михайлович", "Михайловна", 3),
    ("Павло", "Павел", "Павел", "Павлович", "Павлівна", "Павлович", "Павловна", 3),
    ("Петро", "Пётр", "Пётр", "Петрович", "Петрівна", "Петрович", "Петровна", 2),
    ("Анатолій", "Анатолий", "Анатоль", "Анатолійович", "Анатоліївна", "Анатольевич", "Анатольевна", 2),
    ("Вячеслав", "Вячеслав", "Вячаслаў", "Вячеславович", "Вячеславівна", "Вячеславович", "Вячеславовна", 2),
    ("Ілля", "Илья", "Ілья", "Ілліч", "Іллівна", "Ильич", "Ильинична", 1),
    ("Костянтин", "Константин", "Канстанцін", "Костянтинович", "Костянтинівна", "Константинович", "Константиновна", 2),
    ("Руслан", "Руслан", "Руслан", "Русланович", "Русланівна", "Русланович", "Руслановна", 3),
    ("Артем", "Артём", "Арцём", "Артемович", "Артемівна", "Артёмович", "Артёмовна", 2),
    ("Денис", "Денис", "Дзяніс", "Денисович", "Денисівна", "Денисович", "Денисовна", 2),
    ("Геннадій", "Геннадий", "Генадзь", "Геннадійович", "Геннадіївна", "Геннадьевич", "Геннадьевна", 1),
    ("Валерій", "Валерий", "Валерый", "Валерійович", "Валеріївна", "Валерьевич", "Валерьевна", 2),
]
ETH_FATHERS = {
    "ct": "Енвер Рефат Сервер Ремзі Ервін Айдер Ленур Нарiман Ільмі Рустем",
    "rom": "Мірча Янко Михай Шандор",
    "md": "Іон Василе Думітру Георге",
    "hy": "Ашот Армен Гагік Самвел Карен",
    "az": "Ельчин Рауф Вугар Ільгар Фаміл",
    "ka": "Георгій Гіві Зураб Тенгіз Леван",
    "bg": "Стоян Тодор Георгі",
}
ETH_FATHER_SHARE = {"ct": 0.9, "rom": 0.4, "md": 0.6, "hy": 0.8, "az": 0.85, "ka": 0.75, "bg": 0.3}

# ---------------------------------------------------------------- surnames
# "ua/ru" pairs, or "ua" when ru is derivable by ru_from_ua; weight after ':'
SUR_UA = """Шевченко:6 Коваленко:6 Бондаренко:5 Ткаченко:5 Кравченко:4 Олійник/Олейник:4 Шевчук:4
Коваль/Коваль:4 Поліщук/Полищук:3 Бондар/Бондарь:4 Мельник/Мельник:5 Кравчук:3 Ковальчук:3 Лисенко/Лысенко:3
Марченко:3 Руденко:3 Савченко:3 Петренко:3 Мороз:3 Клименко:3 Павленко:3 Кузьменко:2 Гончаренко:2
Левченко:2 Харченко:2 Литвиненко:2 Пономаренко:2 Сидоренко:2 Карпенко:2 Мирошниченко/Мирошниченко:2
Ярошенко:2 Гаврилюк:2 Дяченко/Дьяченко:2 Тимошенко:2 Костенко:2 Мазур:2 Захарченко:2 Приходько:2
Кириленко:2 Нестеренко:2 Середа:2 Гуменюк:1 Яковенко:2 Онищенко:2 Білик/Билык:2 Панченко:2
Тарасенко:2 Назаренко:2 Осадчий/Осадчий:2 Бойко:4 Кушнір/Кушнир:2 Степаненко:2 Головко:2
Демченко:2 Фоменко:2 Бережний/Бережной:1 Чорновол/Черновол:1 Гриценко/Гриценко:2 Журавель/Журавель:1
Остапенко:2 Щербак/Щербак:2 Вакуленко:1 Гордієнко/Гордиенко:1 Пилипенко/Филипенко:1
Ковальський/Ковальский:1 Вишневський/Вишневский:1 Сорока:1 Рибак/Рыбак:1 Зінченко/Зинченко:2
Ігнатенко/Игнатенко:1 Єременко/Еременко:1 Юрченко:1 Чорний/Черный:1 Білоус/Белоус:1 Дорошенко:1
Грищенко/Грищенко:1 Швець/Швец:1 Кисіль/Кисель:1 Гнатюк:1 Стасюк:1 Кобзар/Кобзарь:1""".split()
SUR_RU = """Кузнєцов/Кузнецов:4 Смирнов:3 Попов:3 Соколов:2 Морозов:3 Волков:2 Новіков/Новиков:2
Федоров/Фёдоров:2 Лебедєв/Лебедев:2 Козлов:2 Єгоров/Егоров:2 Павлов:2 Семенов/Семёнов:2 Голубєв/Голубев:1
Виноградов:1 Богданов:1 Воробйов/Воробьёв:1 Тарасов:1 Бєлов/Белов:1 Комаров:1 Орлов:1 Кисельов/Киселёв:1
Макаров:2 Андрєєв/Андреев:1 Ковальов/Ковалёв:2 Ільїн/Ильин:1 Гусєв/Гусев:1 Титов:1 Кузьмін/Кузьмин:1
Медведєв/Медведев:1 Антонов:1 Тимофєєв/Тимофеев:1 Жуков:1 Сорокін/Сорокин:1 Баранов:1 Зайцев:1""".split()
SUR_BY = """Станкевич/Станкевич:2 Климович/Климович:2 Карпович/Карпович:2 Ярошевич/Ярошевич:1 Жук/Жук:2
Ковальов/Ковалёв:1 Мацкевич/Мацкевич:1 Новік/Новик:1 Лукашевич/Лукашевич:1 Козловський/Козловский:1
Бурак/Бурак:1 Сенкевич/Сенкевич:1""".split()
SUR_ETH = {
    "ct": "Аблаєв:2 Умеров:2 Сеітов:2 Мамутов:2 Ібрагімов:2 Велієв:2 Куртсеітов:1 Аметов:2 Асанов:2 "
          "Емірсалієв:1 Бекіров:1 Халілов:1 Муратов:1 Джемілєв:1 Османов:2 Ісмаїлов:1",
    "rom": "Бурлака:2 Михай:2 Лакатош:1 Кальдараш:1 Гарман:1 Чурар:1 Бадя:1 Козаченко:1",
    "md": "Чобану:2 Русу:2 Мунтян:1 Балан:2 Гуцу:1 Попеску:1 Лупу:1 Чебан:1 Бордеян:1 Морару:1",
    "hy": "Аветисян:2 Мкртчян:1 Саркісян:2 Арутюнян:2 Погосян:1 Оганесян:2 Товмасян:1 Карапетян:2 "
          "Габрієлян:1 Манукян:1",
    "az": "Алієв:3 Мамедов:2 Гусейнов:2 Гасанов:2 Ісмаїлов:1 Рзаєв:1 Керімов:1 Бабаєв:1",
    "ka": "Гелашвілі:1 Беридзе:2 Кварацхелія:1 Цхададзе:1 Джапаридзе:1 Маргвелашвілі:1 Чхеїдзе:1 Гоглідзе:1",
    "bg": "Стоянов:2 Петков:2 Желєв:1 Димитров:2 Христов:1 Колев:1 Ганчев:1 Станчев:1 Радев:1 Тодоров:1",
}


def parse_pool(items):
    out = []
    for it in items:
        name, w = it.rsplit(":", 1)
        w = int(w)
        if w <= 0:
            continue
        if "/" in name:
            ua, ru = name.split("/")
        else:
            ua, ru = name, ru_from_ua(name)
        out.append((ua, ru, w))
    return out


def ru_from_ua(s):
    out = []
    for i, ch in enumerate(s):
        lo = ch.lower()
        up = ch != lo
        if lo == "і":
            r = "и"
        elif lo == "ї":
            r = "и" if i > 0 and s[i - 1].lower() in "аоуеиі" else "йи"
        elif lo == "є":
            r = "э" if i == 0 else "е"
        elif lo == "и":
            r = "ы" if i > 0 and s[i - 1].lower() in "цшжчр" and False else "и"
        elif lo == "е" and i == 0:
            r = "э"
        elif ch in "'’ʼ":
            r = "ь"
        elif lo == "г" and False:
            r = "г"
        else:
            r = lo
        out.append(r.upper() if up and r else r) if not up else out.append(r[0].upper() + r[1:])
    return "".join(out)


VOW_BY = "аоуэыяеёюі"


def by_from_ru(s):
    """A Belarusian clerk's rendering of a Russian-form name."""
    res = []
    n = len(s)
    for i, ch in enumerate(s):
        lo = ch.lower()
        up = ch != lo
        prev = s[i - 1].lower() if i > 0 else ""
        nxt = s[i + 1].lower() if i + 1 < n else ""
        r = lo
        if lo == "и":
            r = "ы" if prev and prev in "жшчцр" else "і"
        elif lo == "е" and prev and prev in "жшчцр":
            r = "э"
        elif lo == "щ":
            r = "шч"
        elif lo == "ъ":
            r = "'"
        elif lo == "т" and nxt and nxt in "еёиюяь":
            r = "ц"
        elif lo == "д" and nxt and nxt in "еёиюяь" and i > 0:
            r = "дз"
        elif lo == "в" and prev and prev in "аоэеёуыі" and (nxt == "" or nxt not in "аоуэыяеёюіи"):
            r = "ў"
        elif lo == "у" and prev and prev in "аоэеёі" and i > 0:
            r = "ў"
        elif lo == "о" and i == n - 1 and n > 3 and s[-2:].lower() in ("ко", "то"):
            r = "а"
        if up:
            r = r[0].upper() + r[1:]
        res.append(r)
    out = "".join(res)
    return out


def fem_ua(s):
    for a, b in (("ський", "ська"), ("цький", "цька"), ("ий", "а"), ("ій", "я")):
        if s.endswith(a):
            return s[: -len(a)] + b
    for e in ("ов", "ев", "єв", "ін", "їн", "ів"):
        if s.endswith(e):
            return s + "а"
    return s


def fem_ru(s):
    for a, b in (("ский", "ская"), ("цкий", "цкая"), ("ой", "ая"), ("ый", "ая"), ("ий", "яя")):
        if s.endswith(a):
            return s[: -len(a)] + b
    for e in ("ов", "ев", "ёв", "ин", "ын"):
        if s.endswith(e):
            return s + "а"
    return s


def fem_by(s):
    for a, b in (("скі", "ская"), ("цкі", "цкая"), ("ы", "ая"), ("і", "ая")):
        if s.endswith(a) and len(s) > 4:
            return s[: -len(a)] + b
    if s.endswith("оў"):
        return s[:-2] + "ова"
    if s.endswith("еў") or s.endswith("ёў"):
        return s[:-2] + s[-2] + "ва"
    for e in ("ін", "ын"):
        if s.endswith(e):
            return s + "а"
    return s


def by_surname(ru):
    b = by_from_ru(ru)
    if b.endswith("ский"):
        b = b[:-4] + "скі"
    elif b.endswith("скій"):
        b = b[:-4] + "скі"
    elif b.endswith("ой") or b.endswith("ый"):
        b = b[:-2] + "ы"
    elif b.endswith("ій"):
        b = b[:-2] + "і"
    return b


def patr_ua(fa, sex):
    if fa.endswith("й"):
        return fa + "ович" if sex == "m" else fa[:-1] + "ївна"
    if fa.endswith("о"):
        fa = fa[:-1]
    return fa + ("ович" if sex == "m" else "івна")


def patr_ru(fa, sex):
    if fa.endswith("й"):
        return fa[:-1] + ("евич" if sex == "m" else "евна")
    if fa.endswith("ь"):
        return fa[:-1] + ("евич" if sex == "m" else "евна")
    return fa + ("ович" if sex == "m" else "овна")


BY_PATR = {"Павел": ("Паўлавіч", "Паўлаўна"), "Пётр": ("Пятровіч", "Пятроўна"),
           "Ілья": ("Ільіч", "Ільінічна")}


def patr_by(fa_by, sex):
    if fa_by in BY_PATR:
        return BY_PATR[fa_by][0 if sex == "m" else 1]
    if fa_by.endswith("й"):
        return fa_by[:-1] + ("евіч" if sex == "m" else "еўна")
    if fa_by.endswith("ы"):
        return fa_by[:-1] + ("'евіч" if sex == "m" else "'еўна")
    if fa_by.endswith("ь"):
        return fa_by[:-1] + ("евіч" if sex == "m" else "еўна")
    if fa_by == "Ілья":
        return "Ільіч" if sex == "m" else "Ільінічна"
    return fa_by + ("авіч" if sex == "m" else "аўна")


# ---------------------------------------------------------------- transliteration
def _tr(s, table, first=None, after_vowel=None, vowels="аеєиіїоуюяэыё"):
    out = []
    low = s.lower()
    i = 0
    while i < len(s):
        ch = s[i]
        lo = low[i]
        if ch in "'’ʼ":
            out.append(table.get("'", ""))
            i += 1
            continue
        two = low[i:i + 2]
        if two in table and len(two) == 2:
            r = table[two]
            i2 = 2
        else:
            i2 = 1
            if first and lo in first and (i == 0 or low[i - 1] in " -"):
                r = first[lo]
            elif after_vowel and lo in after_vowel and i > 0 and (low[i - 1] in vowels or low[i - 1] in "ьъ'’") \
                    and (lo != "с" or (i + 1 < len(s) and low[i + 1] in vowels)):
                r = after_vowel[lo]
            else:
                r = table.get(lo, lo)
        if ch != lo and r:
            r = r.upper() if s.isupper() else r[0].upper() + r[1:]
        out.append(r)
        i += i2
    return "".join(out)


KMU = dict(а="a", б="b", в="v", г="h", ґ="g", д="d", е="e", є="ie", ж="zh", з="z", и="y", і="i",
           ї="i", й="i", к="k", л="l", м="m", н="n", о="o", п="p", р="r", с="s", т="t", у="u",
           ф="f", х="kh", ц="ts", ч="ch", ш="sh", щ="shch", ь="", ю="iu", я="ia", зг="zgh")
KMU_FIRST = dict(є="ye", ї="yi", й="y", ю="yu", я="ya")
ISO_UA = dict(а="a", б="b", в="v", г="h", ґ="g", д="d", е="e", є="je", ж="ž", з="z", и="y", і="i",
              ї="ï", й="j", к="k", л="l", м="m", н="n", о="o", п="p", р="r", с="s", т="t", у="u",
              ф="f", х="ch", ц="c", ч="č", ш="š", щ="šč", ь="'", ю="ju", я="ja")
ICAO = dict(а="a", б="b", в="v", г="g", д="d", е="e", ё="e", ж="zh", з="z", и="i", й="i", к="k",
            л="l", м="m", н="n", о="o", п="p", р="r", с="s", т="t", у="u", ф="f", х="kh", ц="ts",
            ч="ch", ш="sh", щ="shch", ъ="ie", ы="y", ь="", э="e", ю="iu", я="ia",
            і="i", є="ie", ї="i", ґ="g")
BGN = dict(ICAO, е="e", ё="ë", й="y", ъ='"', ь="'", ю="yu", я="ya", ы="y")
BGN_FIRST = dict(е="ye", ё="yë")
BGN_AV = dict(е="ye", ё="yë")
GER = dict(а="a", б="b", в="w", г="g", д="d", е="e", ё="jo", ж="sch", з="s", и="i", й="j", к="k",
           л="l", м="m", н="n", о="o", п="p", р="r", с="s", т="t", у="u", ф="f", х="ch", ц="z",
           ч="tsch", ш="sch", щ="schtsch", ъ="", ы="y", ь="", э="e", ю="ju", я="ja", кс="x",
           і="i", є="je", ї="ji", ґ="g")
GER_FIRST = dict(е="je")
GER_AV = dict(с="ss", е="je")
FRE = dict(а="a", б="b", в="v", г="g", д="d", е="e", ё="io", ж="j", з="z", и="i", й="ï", к="k",
           л="l", м="m", н="n", о="o", п="p", р="r", с="s", т="t", у="ou", ф="f", х="kh", ц="ts",
           ч="tch", ш="ch", щ="chtch", ъ="", ы="y", ь="", э="e", ю="iou", я="ia",
           і="i", є="ie", ї="ï", ґ="g")
FRE_AV = dict(с="ss", й="ï")
POL = dict(а="a", б="b", в="w", г="h", ґ="g", д="d", е="e", є="je", ж="ż", з="z", и="y", і="i",
           ї="ji", й="j", к="k", л="ł", м="m", н="n", о="o", п="p", р="r", с="s", т="t", у="u",
           ф="f", х="ch", ц="c", ч="cz", ш="sz", щ="szcz", ь="", ю="ju", я="ja")

POL_VOW = "аеєиіїоуюяь'’ʼ"


def pol(s):
    low = s.lower()
    out = []
    for i, ch in enumerate(s):
        lo = low[i]
        prev = low[i - 1] if i > 0 else ""
        nxt = low[i + 1] if i + 1 < len(s) else ""
        if ch in "'’ʼ" or lo == "ь":
            r = ""
        elif lo == "л":
            r = "l" if nxt and nxt in "іьєюя" else "ł"
        elif lo in "єюя":
            v = {"є": "e", "ю": "u", "я": "a"}[lo]
            if prev == "л":
                r = v
            elif prev and prev.isalpha() and prev not in POL_VOW:
                r = "i" + v
            else:
                r = "j" + v
        else:
            r = POL.get(lo, lo)
        if ch != lo and r:
            r = r.upper() if s.isupper() else r[0].upper() + r[1:]
        out.append(r)
    return "".join(out)


STRIP = str.maketrans("ščžïëŽŠČŁłżŻ", "sczieZSCLlzZ")


def translit(s, scheme):
    if scheme == "kmu":
        return _tr(s, KMU, KMU_FIRST)
    if scheme == "iso_ua":
        return _tr(s, ISO_UA)
    if scheme == "icao":
        return _tr(s, ICAO)
    if scheme == "bgn":
        return _tr(s, BGN, BGN_FIRST, BGN_AV)
    if scheme == "ger":
        return _tr(s, GER, GER_FIRST, GER_AV)
    if scheme == "fre":
        r = _tr(s, FRE, None, FRE_AV)
        return r
    if scheme == "pol":
        return pol(s)
    raise ValueError(scheme)


# which form (ua or ru) each scheme starts from
SCHEME_SRC = {"kmu": "ua", "kmu_dia": "ua", "iso_ua": "ua", "pol": "ua",
              "icao": "ru", "bgn": "ru", "ger": "ru", "fre": "ru"}


def latinize(person_forms, scheme):
    src = SCHEME_SRC[scheme]
    text = person_forms[src]
    if scheme == "kmu_dia":
        # diacritic variant of the national system: ISO 9-like
        return translit(text, "iso_ua").replace("'", "")
    return translit(text, scheme)


# ---------------------------------------------------------------- keyboards / corruption
RU_ROWS = ["йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"]
UA_ROWS = ["йцукенгшщзхї", "фівапролджє", "ячсмитьбю"]
LAT_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
RU_TO_LAT = dict(zip("йцукенгшщзхъфывапролджэячсмитьбю", "qwertyuiop[]asdfghjkl;'zxcvbnm,."))
UA_TO_LAT = dict(zip("йцукенгшщзхїфівапролджєячсмитьбю", "qwertyuiop[]asdfghjkl;'zxcvbnm,."))
RU_UA_SLIP = {"ы": "і", "э": "є", "ъ": "ї", "і": "ы", "є": "э", "ї": "ъ", "ё": "'"}


def neighbours(rows):
    nb = defaultdict(list)
    for r, row in enumerate(rows):
        for c, ch in enumerate(row):
            for dr, dc in ((0, -1), (0, 1), (-1, 0), (1, 0), (-1, 1), (1, -1)):
                rr, cc = r + dr, c + dc
                if 0 <= rr < len(rows) and 0 <= cc < len(rows[rr]):
                    nb[ch].append(rows[rr][cc])
    return nb


NB_RU = neighbours(RU_ROWS)
NB_UA = neighbours(UA_ROWS)
NB_LAT = neighbours(LAT_ROWS)
OCR_CYR = [("и", "н"), ("п", "н"), ("ш", "щ"), ("е", "с"), ("ь", "ъ"), ("ц", "щ"), ("в", "в"),
           ("л", "м"), ("т", "ш"), ("о", "а"), ("и", "й"), ("к", "х"), ("ю", "no")]
CONF_CYR = [("и", "ы"), ("и", "і"), ("е", "є"), ("е", "и"), ("о", "а"), ("е", "э"), ("г", "ґ"),
            ("ш", "щ"), ("і", "ї"), ("ц", "тс")]
OCR_LAT = [("rn", "m"), ("cl", "d"), ("li", "h"), ("ii", "u"), ("vv", "w"), ("e", "c"), ("l", "I"),
           ("h", "b"), ("n", "ri"), ("o", "a"), ("y", "v"), ("i", "l")]
CONF_LAT = [("y", "i"), ("i", "y"), ("k", "c"), ("v", "w"), ("s", "z"), ("u", "ou"), ("kh", "h"),
            ("ia", "ya"), ("iu", "yu"), ("ts", "tz"), ("sh", "ch"), ("e", "ie"), ("ii", "iy")]


def case_like(src, new):
    if src.isupper() and len(src) > 1:
        return new.upper()
    return new


def typo(rng, s, script):
    """One typo, never on the first letter. script: ru, ua, by, lat."""
    if len(s) < 3:
        return s, "none"
    letters = [i for i in range(1, len(s)) if s[i].isalpha()]
    if not letters:
        return s, "none"
    i = rng.choice(letters)
    ch = s[i]
    lo = ch.lower()
    kind = rng.choices(["nb", "drop", "dbl", "transp", "ocr", "conf"], [26, 16, 12, 12, 16, 18])[0]
    if kind == "nb":
        nb = (NB_LAT if script == "lat" else NB_UA if script == "ua" else NB_RU).get(lo)
        if not nb:
            kind = "drop"
        else:
            r = rng.choice(nb)
            return s[:i] + (r.upper() if ch != lo else r) + s[i + 1:], "keyboard"
    if kind == "drop":
        return s[:i] + s[i + 1:], "drop"
    if kind == "dbl":
        return s[:i] + ch + s[i:], "double"
    if kind == "transp":
        if i + 1 < len(s) and s[i + 1].isalpha():
            return s[:i] + s[i + 1] + s[i] + s[i + 2:], "transpose"
        return s[:i] + s[i + 1:], "drop"
    pairs = (OCR_LAT if kind == "ocr" else CONF_LAT) if script == "lat" else (OCR_CYR if kind == "ocr" else CONF_CYR)
    low = s.lower()
    cands = []
    for a, b in pairs:
        if b == "no" or a == b:
            continue
        for x, y in ((a, b), (b, a)):
            if script == "by" and y in "щъи":
                continue
            if script == "ru" and y in "іїєґ":
                continue
            if script == "ua" and y in "ыэъё":
                continue
            k = low.find(x, 1)
            while k > 0:
                cands.append((k, x, y))
                k = low.find(x, k + 1)
    if not cands:
        return s[:i] + s[i + 1:], "drop"
    k, x, y = rng.choice(cands)
    seg = s[k:k + len(x)]
    y2 = y.upper() if seg.isupper() and (len(seg) > 1 or s.isupper()) else y
    return s[:k] + y2 + s[k + len(x):], ("ocr" if kind == "ocr" else "confusion")


def layout_slip(rng, s, script):
    """Keyboard layout not switched: Cyrillic typed as Latin keys, or ru/ua layout swap."""
    if script in ("ru", "ua") and rng.random() < 0.45:
        low = s.lower()
        idx = [i for i, c in enumerate(low) if c in RU_UA_SLIP and (c in "ыэъё" if script == "ru" else c in "іїє")]
        if idx:
            out = list(s)
            for i in idx:
                r = RU_UA_SLIP[low[i]]
                out[i] = r.upper() if s[i].isupper() else r
            return "".join(out), "layout_ru_ua"
    m = UA_TO_LAT if script == "ua" else RU_TO_LAT
    k = len(s) if rng.random() < 0.3 else rng.randint(1, min(3, len(s)))
    pre = "".join((m.get(c.lower(), c).upper() if c.isupper() else m.get(c, c)) for c in s[:k])
    return pre + s[k:], "layout_latin"


def lat_layout_slip(rng, s):
    inv = {v: k for k, v in RU_TO_LAT.items()}
    k = rng.randint(1, min(3, len(s)))
    pre = "".join((inv.get(c.lower(), c).upper() if c.isupper() else inv.get(c, c)) for c in s[:k])
    return pre + s[k:], "layout_cyrillic"


def add_days(d, n):
    return d + dt.timedelta(days=n)


def date_error(rng, d):
    k = rng.choices(["swap", "year", "day1", "month", "digit", "dec"], [30, 24, 16, 10, 12, 8])[0]
    if k == "swap":
        if d.day <= 12 and d.day != d.month:
            return D(d.year, d.day, d.month), "dm_swap"
        k = "year"
    if k == "year":
        y = d.year + rng.choice((-1, 1))
        try:
            return d.replace(year=y), "year_pm1"
        except ValueError:
            return D(y, 2, 28), "year_pm1"
    if k == "day1":
        return add_days(d, rng.choice((-1, 1))), "day_pm1"
    if k == "month":
        m = d.month + rng.choice((-1, 1))
        m = 12 if m == 0 else 1 if m == 13 else m
        try:
            return d.replace(month=m), "month_pm1"
        except ValueError:
            return d.replace(month=m, day=28), "month_pm1"
    if k == "digit":
        dd = d.day
        alt = (dd + 10) if dd <= 18 else (dd - 10)
        try:
            return d.replace(day=alt), "day_digit"
        except ValueError:
            return d.replace(day=dd - 10), "day_digit"
    # year decade digit (2014 -> 2011 / 2017 typed)
    y = d.year
    y2 = y - (y % 10) + rng.choice([x for x in (1, 3, 4, 6, 7, 8) if x != y % 10])
    if y2 > 2023:
        y2 = y - 1
    try:
        return d.replace(year=y2), "year_digit"
    except ValueError:
        return d.replace(year=y2, day=28), "year_digit"


def age_on(b, at):
    return at.year - b.year - ((at.month, at.day) < (b.month, b.day))


# ---------------------------------------------------------------- population
class Child:
    __slots__ = ("cid", "hh", "sex", "sur_ua", "sur_ru", "sur_by", "sur2", "g_ua", "g_ru", "g_by",
                 "dim_ua", "dim_ru", "p_ua", "p_ru", "p_by", "birth", "home", "bplace", "group", "tag",
                 "mother_ua", "mother_ru")


def wchoice(rng, items, wi=-1):
    return rng.choices(items, [it[wi] for it in items])[0]


def ua_given_entry(name_ua):
    ru = ru_from_ua(name_ua)
    return (name_ua, ru, by_from_ru(ru), name_ua, ru, 1)


MOTHERS = "Олена Наталія Оксана Ірина Тетяна Світлана Юлія Вікторія Катерина Марина Ольга Людмила Анна Яна Інна".split()


class Pop:
    def __init__(self, rng, n):
        self.rng = rng
        self.children = []
        self.sur_pool = {"ua": parse_pool(SUR_UA), "ru": parse_pool(SUR_RU), "by": parse_pool(SUR_BY)}
        for g, s in SUR_ETH.items():
            self.sur_pool[g] = parse_pool(s.split())
        self.places_w = [p[5] for p in PLACES]
        self.hh_count = 0
        self.twins = 0
        self.triplets = 0
        self.relatives = 0
        self.double_sur = 0
        self.injected = Counter()
        self.households = []
        n_neg = int(n * 0.035)
        self.hh_by_id = {}
        while len(self.children) < n - n_neg:
            self.household(n - n_neg)
        self.inject(n)

    def pick_sur(self, group):
        pool = self.sur_pool["ua" if group in ("by",) and self.rng.random() < 0.4 else group] if group in self.sur_pool else self.sur_pool["ua"]
        if group == "rom" and self.rng.random() < 0.5:
            pool = self.sur_pool["ua"]
        if group == "bg" and self.rng.random() < 0.3:
            pool = self.sur_pool["ua"]
        ua, ru, _ = wchoice(self.rng, pool)
        return ua, ru

    def household(self, limit, forced=None):
        rng = self.rng
        self.hh_count += 1
        hh = self.hh_count
        rel = None
        if forced is None and self.households and rng.random() < 0.12:
            rel = rng.choice(self.households)
            home, group, (sua, sru) = rel["home"], rel["group"], rel["sur"]
            self.relatives += 1
        else:
            home = rng.choices(PLACES, self.places_w)[0][0]
            ew = ethnic_weights(home)
            group = rng.choices(list(ew), list(ew.values()))[0]
            sua, sru = self.pick_sur(group)
        # father
        if group in ETH_FATHERS and rng.random() < ETH_FATHER_SHARE[group]:
            fa = rng.choice(ETH_FATHERS[group].replace("i", "і").split())
            fru = ru_from_ua(fa)
            fby = by_from_ru(fru)
            father = (fa, fru, fby)
        else:
            f = wchoice(rng, FATHERS)
            father = f
        # double surname (mother's surname hyphenated)
        sur2 = None
        if rng.random() < 0.035:
            g2 = rng.choice(["ua", "ru", "ct", "hy", "az"]) if group == "ua" else "ua"
            sur2 = self.pick_sur(g2 if g2 in self.sur_pool else "ua")
            if sur2[0] == sua:
                sur2 = None
            else:
                self.double_sur += 1
        hhd = dict(home=home, group=group, sur=(sua, sru), father=father, sur2=sur2, id=hh)
        self.households.append(hhd)
        self.hh_by_id[hh] = hhd
        k = forced or rng.choices([1, 2, 3, 4, 5, 6], [40, 33, 16, 7, 3, 1])[0]
        start = D(2005, 1, 1) + dt.timedelta(days=rng.randrange((D(2022, 12, 31) - D(2005, 1, 1)).days))
        births = [start]
        for _ in range(k - 1):
            r = rng.random()
            if r < 0.04:
                births.append(births[-1])
                self.twins += 1
                if rng.random() < 0.06:
                    births.append(births[-1])
                    self.triplets += 1
            else:
                births.append(births[-1] + dt.timedelta(days=rng.randint(330, 2400)))
        births = [b for b in births if b <= D(2022, 12, 31)][: max(k, 1)]
        used = set()
        mother = rng.choice(MOTHERS)
        kids = []
        for b in births:
            if len(self.children) >= limit and forced is None:
                break
            sex = rng.choice("mf")
            twin_of = kids[-1] if kids and kids[-1].birth == b else None
            c = self.make_child(hhd, sex, b, used, twin_of)
            c.mother_ua = mother
            c.mother_ru = ru_from_ua(mother).replace("Наталия", "Наталья").replace("Олена", "Елена")
            kids.append(c)
        return kids

    def given_for(self, group, sex, used, twin_of=None):
        rng = self.rng
        for _ in range(30):
            if group in ETH_GIVEN and rng.random() < ETH_GIVEN_SHARE[group]:
                nm = rng.choice(ETH_GIVEN[group][0 if sex == "m" else 1].split())
                e = ua_given_entry(nm)
            else:
                pool = BOYS if sex == "m" else GIRLS
                if twin_of is not None and rng.random() < 0.4:
                    same = [p for p in pool if p[0][0] == twin_of.g_ua[0] and p[0] != twin_of.g_ua]
                    e = rng.choice(same) if same else wchoice(rng, pool)
                else:
                    e = wchoice(rng, pool)
            if e[1] not in used:
                used.add(e[1])
                return e
        return e

    def make_child(self, hhd, sex, birth, used, twin_of=None, given=None):
        rng = self.rng
        c = Child()
        c.cid = "C%06d" % (len(self.children) + 1)
        c.hh = hhd["id"]
        c.sex = sex
        c.group = hhd["group"]
        sua, sru = hhd["sur"]
        sby = by_surname(sru)
        if sex == "f":
            sua, sru, sby = fem_ua(sua), fem_ru(sru), fem_by(sby)
        c.sur_ua, c.sur_ru, c.sur_by = sua, sru, sby
        if hhd["sur2"]:
            a, b = hhd["sur2"]
            c.sur2 = (fem_ua(a), fem_ru(b)) if sex == "f" else (a, b)
        else:
            c.sur2 = None
        e = given or self.given_for(c.group, sex, used, twin_of)
        c.g_ua, c.g_ru, c.g_by, c.dim_ua, c.dim_ru = e[:5]
        fa = hhd["father"]
        if len(fa) == 8:
            c.p_ua = fa[3] if sex == "m" else fa[4]
            c.p_ru = fa[5] if sex == "m" else fa[6]
            c.p_by = patr_by(fa[2], sex)
        else:
            c.p_ua = patr_ua(fa[0], sex)
            c.p_ru = patr_ru(fa[1], sex)
            c.p_by = patr_by(fa[2], sex)
        c.birth = birth
        c.home = hhd["home"]
        c.bplace = c.home if rng.random() < 0.78 else rng.choices(PLACES, self.places_w)[0][0]
        c.tag = "twin" if twin_of is not None else ""
        self.children.append(c)
        return c

    def inject(self, n):
        """Hard negatives: namesakes of existing children, each a new household."""
        rng = self.rng
        base = list(self.children)
        while len(self.children) < n:
            t = rng.choices(["cousin", "namesake_town", "day_apart", "same_dob_other_town"], [35, 30, 20, 15])[0]
            src = rng.choice(base)
            hh = self.hh_by_id[src.hh]
            self.hh_count += 1
            if t == "cousin":
                fa = wchoice(rng, FATHERS)
                hhd = dict(hh, father=fa, id=self.hh_count, sur2=None)
                try:
                    b = src.birth.replace(month=rng.randint(1, 12), day=rng.randint(1, 28))
                except ValueError:
                    b = src.birth
            elif t == "namesake_town":
                fa = wchoice(rng, FATHERS)
                hhd = dict(hh, father=fa, id=self.hh_count, sur2=None)
                b = add_days(src.birth, rng.choice([-1, 1]) * rng.randint(200, 900))
            elif t == "day_apart":
                fa = hh["father"] if rng.random() < 0.5 else wchoice(rng, FATHERS)
                hhd = dict(hh, father=fa, id=self.hh_count, sur2=None)
                b = add_days(src.birth, rng.choice([-1, 1]))
            else:
                # same name and birth date, another town (and another father)
                fa = wchoice(rng, FATHERS)
                home = rng.choices(PLACES, self.places_w)[0][0]
                hhd = dict(hh, father=fa, id=self.hh_count, sur2=None, home=home)
                b = src.birth
            if b > D(2022, 12, 31):
                b = add_days(src.birth, -2)
            self.households.append(hhd)
            entry = (src.g_ua, src.g_ru, src.g_by, src.dim_ua, src.dim_ru, 1)
            c = self.make_child(hhd, src.sex, b, set(), None, given=entry)
            c.mother_ua = rng.choice(MOTHERS)
            c.mother_ru = ru_from_ua(c.mother_ua)
            c.tag = "neg_" + t
            self.injected[t] += 1


# ---------------------------------------------------------------- helpers for lists
PLACE_BY_UA = {p[0]: p for p in PLACES}


def place_ru_str(rng, pname):
    p = PLACE_BY_UA[pname]
    ru, subj = p[1], p[4]
    f = rng.random()
    if subj.startswith("г. "):
        return "г. %s" % ru
    if subj in ("ДНР", "ЛНР"):
        if f < 0.5:
            return "%s, г. %s" % (subj, ru)
        if f < 0.8:
            return "г. %s (%s)" % (ru, subj)
        return "г. %s" % ru
    if f < 0.5:
        return "%s, г. %s" % (subj, ru)
    if f < 0.8:
        return "г. %s" % ru
    return ru


def place_ua_addr(rng, pname):
    p = PLACE_BY_UA[pname]
    streets = ["Миру", "Центральна", "Шкільна", "Садова", "Незалежності", "Гагаріна", "Морська",
               "Степова", "Лісова", "Зелена", "Київська", "Набережна"]
    obl = p[2] + (" обл." if p[2] not in ("АР Крим", "Севастополь") else "")
    st = "вул. %s, %d" % (rng.choice(streets), rng.randint(1, 140))
    f = rng.random()
    if p[0] == "Севастополь":
        return "м. Севастополь, " + st
    if f < 0.45:
        return "%s, м. %s, %s" % (obl, p[0], st)
    if f < 0.85:
        return "м. %s, %s" % (p[0], st)
    return "м. %s" % p[0]


def by_place_str(rng, pname):
    p = PLACE_BY_UA[pname]
    b = by_from_ru(p[1])
    subj = {"ДНР": "ДНР", "ЛНР": "ЛНР"}.get(p[4], by_from_ru(p[4]).replace("обл.", "вобл."))
    f = rng.random()
    if f < 0.55 and not subj.startswith("г. "):
        return "г. %s, %s" % (b, subj)
    return "г. %s" % b


def lat_place(rng, pname, scheme, with_oblast):
    p = PLACE_BY_UA[pname]
    src = p[0] if SCHEME_SRC[scheme] == "ua" else p[1]
    nm = latinize({"ua": src, "ru": src}, scheme)
    if with_oblast:
        obl = latinize({"ua": p[2], "ru": p[3]}, scheme)
        if p[2] == "АР Крим":
            obl = "Crimea"
        elif p[2] != "Севастополь":
            obl = obl + " obl."
        else:
            return nm
        return "%s, %s" % (nm, obl)
    return nm


def errcount(rng, dist):
    return rng.choices([0, 1, 2, 3], dist)[0]


# ---------------------------------------------------------------- list 1: Russian ministry
RU_HEADER = ["№", "ФИО", "Пол", "Дата рождения", "Возраст на дату устройства", "Дата устройства",
             "Прежнее место жительства", "Форма устройства", "Муниципальное образование", "Примечание"]
RU_MUNI = ["г. Ростов-на-Дону", "г. Таганрог", "г. Шахты", "Азовский р-н", "г. Новочеркасск",
           "Неклиновский р-н", "г. Волгодонск", "Аксайский р-н"]


class ListBuilder:
    def __init__(self, name, header, rng):
        self.name = name
        self.header = header
        self.rows = []
        self.kinds = Counter()
        self.sysv = Counter()
        self.ndist = Counter()
        self.rng = rng

    def add(self, rid, row, cid, nerr):
        self.rows.append((rid, row, cid))
        self.ndist[nerr] += 1


def ru_ministry(pop, rng, members):
    L = ListBuilder("ru_msz_placed.csv", RU_HEADER, rng)
    recs = []
    for c, copies in members:
        form = rng.choices(["опека", "приёмная семья", "усыновление", "патронатная семья"], [45, 30, 15, 10])[0]
        for copy in range(copies):
            place_d = D(2022, 5, 1) + dt.timedelta(days=rng.randrange(960))
            if place_d < c.birth:
                place_d = add_days(c.birth, 200)
            sur, giv, pat = c.sur_ru, c.g_ru, c.p_ru
            note = ""
            sv = L.sysv
            if c.sur2 and rng.random() < 0.6:
                if rng.random() < 0.5:
                    sur = sur + "-" + c.sur2[1]
                    sv["double_surname_full"] += 1
                else:
                    sur = c.sur2[1]
                    sv["double_surname_second_only"] += 1
            if rng.random() < 0.04:
                sur, giv, pat = c.sur_ua, c.g_ua, c.p_ua
                sv["ukrainian_spelling_copied"] += 1
            if form == "усыновление" and rng.random() < 0.45:
                new = fem_ru(rng.choice(pop.sur_pool["ru"])[1]) if c.sex == "f" else rng.choice(pop.sur_pool["ru"])[1]
                if new != sur:
                    r = rng.random()
                    if r < 0.5:
                        note = rng.choice(["прежняя фамилия %s", "до усыновления — %s", "ранее %s"]) % sur
                        sv["renamed_noted"] += 1
                    else:
                        sv["renamed_silent"] += 1
                    sur = new
                    if rng.random() < 0.5:
                        fa = wchoice(rng, FATHERS)
                        pat = fa[5] if c.sex == "m" else fa[6]
                        sv["patronymic_changed"] += 1
            if rng.random() < 0.03:
                giv = c.dim_ru
                sv["diminutive"] += 1
            if rng.random() < 0.11:
                pat = ""
                sv["patronymic_missing"] += 1
            if "ё" in sur + giv + pat and rng.random() < 0.7:
                sur, giv, pat = sur.replace("ё", "е"), giv.replace("ё", "е"), pat.replace("ё", "е")
                sv["yo_to_ye"] += 1
            order = "sgp"
            n = errcount(rng, [74, 20, 5, 1])
            birth = c.birth
            sex = c.sex
            home = c.home
            bmode = rng.choices(["full", "year", "none"], [62, 12, 26])[0]
            age_err = 0
            kinds = []
            for _ in range(n):
                k = rng.choices(["sur_typo", "given_typo", "patr_typo", "birth", "layout", "order",
                                 "age_pm1", "sex", "home"], [28, 14, 8, 18, 6, 8, 8, 3, 7])[0]
                if k == "sur_typo":
                    sur, t = typo(rng, sur, "ru"); kinds.append("sur_" + t)
                elif k == "given_typo":
                    giv, t = typo(rng, giv, "ru"); kinds.append("given_" + t)
                elif k == "patr_typo" and pat:
                    pat, t = typo(rng, pat, "ru"); kinds.append("patr_" + t)
                elif k == "birth":
                    birth, t = date_error(rng, birth); kinds.append("birth_" + t)
                elif k == "layout":
                    if rng.random() < 0.6:
                        sur, t = layout_slip(rng, sur, "ru")
                    else:
                        giv, t = layout_slip(rng, giv, "ru")
                    kinds.append(t)
                elif k == "order":
                    order = rng.choice(["gps", "gsp"]); kinds.append("name_order")
                elif k == "age_pm1":
                    age_err = rng.choice((-1, 1)); kinds.append("age_pm1")
                elif k == "sex":
                    sex = "f" if sex == "m" else "m"; kinds.append("sex")
                elif k == "home":
                    home = rng.choices(PLACES, pop.places_w)[0][0]; kinds.append("home_other")
            parts = {"s": sur, "g": giv, "p": pat}
            fio = " ".join(parts[x] for x in order if parts[x])
            cap = rng.random()
            if cap < 0.18:
                fio = fio.upper()
                sv["fio_upper"] += 1
            elif cap < 0.26 and order == "sgp":
                fio = fio.replace(sur, sur.upper(), 1)
                sv["surname_upper"] += 1
            if rng.random() < 0.04:
                fio = fio.replace(" ", "  ", 1) if rng.random() < 0.5 else fio + " "
                sv["stray_spaces"] += 1
            if bmode == "full":
                bs = birth.strftime("%d.%m.%Y")
            elif bmode == "year":
                bs = rng.choice(["%d г.р.", "%d", "%dг."]) % birth.year
                sv["birth_year_only"] += 1
            else:
                bs = ""
                sv["birth_empty"] += 1
            age = age_on(c.birth, place_d) + age_err
            age_s = str(age) if rng.random() > 0.04 else ""
            if not age_s:
                sv["age_empty"] += 1
            sexs = {"m": rng.choice(["м", "муж.", "М"]), "f": rng.choice(["ж", "жен.", "Ж"])}[sex]
            home_s = place_ru_str(rng, home) if rng.random() > 0.05 else ""
            muni = rng.choice(RU_MUNI)
            row = [None, fio, sexs, bs, age_s, place_d.strftime("%d.%m.%Y"), home_s, form, muni, note]
            kinds = [k for k in kinds if not k.endswith("_none")]
            for k in kinds:
                L.kinds[k] += 1
            recs.append((muni, fio.lower(), row, c.cid, len(kinds)))
    recs.sort(key=lambda r: (r[0], r[1]))
    for i, (_, _, row, cid, ne) in enumerate(recs, 1):
        row[0] = str(i)
        L.add(str(i), row, cid, ne)
    return L


# ---------------------------------------------------------------- list 2: Ukrainian school roll
UA_HEADER = ["№ з/п", "Прізвище", "Ім'я", "По батькові", "Дата народження", "Стать", "Клас",
             "Форма навчання", "Адреса проживання", "Примітка"]


def school_class(b):
    age = 2023 - b.year - (1 if b.month >= 9 else 0)
    return age - 5


def ua_school(pop, rng, members):
    L = ListBuilder("ua_school_roll.csv", UA_HEADER, rng)
    recs = []
    for c, copies in members:
        cl = school_class(c.birth)
        for copy in range(copies):
            sv = L.sysv
            sur, giv, pat = c.sur_ua, c.g_ua, c.p_ua
            if c.sur2:
                r = rng.random()
                if r < 0.55:
                    sur = sur + "-" + c.sur2[0]
                    sv["double_surname_full"] += 1
                elif r < 0.75:
                    sur = c.sur2[0]
                    sv["double_surname_second_only"] += 1
            if rng.random() < 0.05:
                giv = c.g_ru
                sv["russian_given_form"] += 1
            if rng.random() < 0.015:
                giv = c.dim_ua
                sv["diminutive"] += 1
            if rng.random() < 0.04:
                pat = ""
                sv["patronymic_missing"] += 1
            apo = rng.choice(["'", "’", "'"])
            sur, giv, pat = (x.replace("'", apo) for x in (sur, giv, pat))
            birth, sex, home = c.birth, c.sex, c.home
            n = errcount(rng, [83, 13, 3.5, 0.5])
            kinds = []
            swapped = False
            for _ in range(n):
                k = rng.choices(["sur_typo", "given_typo", "patr_typo", "birth", "layout", "swap",
                                 "sex", "home", "birth_missing"], [28, 16, 8, 26, 6, 5, 2, 6, 3])[0]
                if k == "sur_typo":
                    sur, t = typo(rng, sur, "ua"); kinds.append("sur_" + t)
                elif k == "given_typo":
                    giv, t = typo(rng, giv, "ua"); kinds.append("given_" + t)
                elif k == "patr_typo" and pat:
                    pat, t = typo(rng, pat, "ua"); kinds.append("patr_" + t)
                elif k == "birth" and birth:
                    birth, t = date_error(rng, birth); kinds.append("birth_" + t)
                elif k == "layout":
                    if rng.random() < 0.5:
                        sur, t = layout_slip(rng, sur, "ua")
                    else:
                        giv, t = layout_slip(rng, giv, "ua")
                    kinds.append(t)
                elif k == "swap" and not swapped:
                    sur, giv = giv, sur; swapped = True; kinds.append("swap_sur_given")
                elif k == "sex":
                    sex = "f" if sex == "m" else "m"; kinds.append("sex")
                elif k == "home":
                    home = rng.choices(PLACES, pop.places_w)[0][0]; kinds.append("home_other")
                elif k == "birth_missing":
                    birth = None; kinds.append("birth_missing")
            bs = ""
            if birth:
                bs = birth.strftime("%d.%m.%Y") if rng.random() > 0.07 else "%d.%d.%d" % (birth.day, birth.month, birth.year)
            cl2 = cl if copy == 0 else cl + rng.choice((0, 0, 1))
            cl2 = max(1, min(11, cl2))
            cls = "%d-%s" % (cl2, rng.choice("АБВГ"))
            form = rng.choices(["дистанційна", "очна", "екстернат", "сімейна"], [60, 20, 12, 8])[0]
            note = ""
            if rng.random() < 0.15:
                note = rng.choice(["перебуває на ТОТ", "вибув до РФ (з інформації батьків)",
                                   "зв'язок відсутній з 03.2023", "навчається за індивідуальним планом",
                                   "депортована, дані уточнюються" if c.sex == "f" else "депортований, дані уточнюються"])
            addr = place_ua_addr(rng, home) if rng.random() > 0.06 else ""
            sexs = {"m": rng.choice(["ч", "чол."]), "f": rng.choice(["ж", "жін."])}[sex]
            row = [None, sur, giv, pat, bs, sexs, cls, form, addr, note]
            kinds = [k for k in kinds if not k.endswith("_none")]
            for k in kinds:
                L.kinds[k] += 1
            recs.append((cl2, cls, sur.lower(), giv.lower(), row, c.cid, len(kinds)))
    recs.sort(key=lambda r: (r[0], r[1], r[2], r[3]))
    for i, (_, _, _, _, row, cid, ne) in enumerate(recs, 1):
        row[0] = str(i)
        L.add(str(i), row, cid, ne)
    return L


# ---------------------------------------------------------------- list 3: Belarusian health camp
BY_HEADER = ["№", "Прозвішча", "Імя", "Імя па бацьку", "Дата нараджэння", "Узрост", "Пол",
             "Адкуль прыбыў", "Дата заезду", "Змена", "Суправаджальны"]
BY_ESCORT = ["выхавальнік Н. Сцяпанава", "настаўнік А. Лук'янчык", "медсястра В. Карчэўская",
             "сацпедагог Т. Жураўская", "выхавальнік І. Мартынюк"]


def by_camp(pop, rng, members):
    L = ListBuilder("by_camp_arrivals.tsv", BY_HEADER, rng)
    recs = []
    shifts = [D(2022, 6, 3) + dt.timedelta(days=21 * k) for k in range(5)] + \
             [D(2023, 6, 2) + dt.timedelta(days=21 * k) for k in range(5)] + \
             [D(2024, 6, 7) + dt.timedelta(days=21 * k) for k in range(4)] + \
             [D(2022, 12, 20), D(2023, 12, 22), D(2024, 3, 22)]
    shifts.sort()
    for c, copies in members:
        ok = [s for s in shifts if 6 <= age_on(c.birth, s) <= 15]
        if not ok:
            ok = shifts
        chosen = rng.sample(ok, min(copies, len(ok))) + [rng.choice(ok) for _ in range(copies - len(ok))]
        for arr in chosen:
            sv = L.sysv
            belarusian = rng.random() < 0.7
            if belarusian:
                sur, giv, pat = c.sur_by, c.g_by, c.p_by
                sv["belarusian_forms"] += 1
            else:
                sur, giv, pat = c.sur_ru, c.g_ru, c.p_ru
                sv["russian_forms"] += 1
            if c.sur2 and rng.random() < 0.5:
                s2 = c.sur2[1]
                sur = sur + "-" + (by_surname(s2) if belarusian else s2)
                sv["double_surname_full"] += 1
            if rng.random() < 0.06:
                giv = c.dim_ru
                sv["diminutive"] += 1
            if rng.random() < 0.3:
                pat = ""
                sv["patronymic_missing"] += 1
            birth, sex, home = c.birth, c.sex, c.home
            n = errcount(rng, [70, 23, 6, 1])
            kinds = []
            age_err = 0
            for _ in range(n):
                k = rng.choices(["sur_typo", "given_typo", "patr_typo", "birth", "swap", "age_pm1",
                                 "home", "ocr_sur"], [26, 16, 6, 20, 6, 10, 6, 10])[0]
                script = "by" if belarusian else "ru"
                if k == "sur_typo":
                    sur, t = typo(rng, sur, script); kinds.append("sur_" + t)
                elif k == "given_typo":
                    giv, t = typo(rng, giv, script); kinds.append("given_" + t)
                elif k == "patr_typo" and pat:
                    pat, t = typo(rng, pat, script); kinds.append("patr_" + t)
                elif k == "birth":
                    birth, t = date_error(rng, birth); kinds.append("birth_" + t)
                elif k == "swap":
                    sur, giv = giv, sur; kinds.append("swap_sur_given")
                elif k == "age_pm1":
                    age_err = rng.choice((-1, 1)); kinds.append("age_pm1")
                elif k == "home":
                    home = rng.choices(PLACES, pop.places_w)[0][0]; kinds.append("home_other")
                elif k == "ocr_sur":
                    # the list was retyped from a scanned fax: two OCR slips
                    for _ in range(2):
                        sur2, t = typo(rng, sur, script)
                        sur = sur2
                    kinds.append("sur_double_slip")
            bm = rng.choices(["full", "year", "none"], [50, 35, 15])[0]
            if bm == "full":
                bs = birth.strftime("%d.%m.%Y")
            elif bm == "year":
                bs = str(birth.year)
                sv["birth_year_only"] += 1
            else:
                bs = ""
                sv["birth_empty"] += 1
            age = age_on(c.birth, arr) + age_err
            sexs = {"m": rng.choice(["м", "хл."]), "f": rng.choice(["ж", "дз."])}[sex]
            home_s = by_place_str(rng, home) if belarusian else place_ru_str(rng, home)
            shift_no = shifts.index(arr) + 1
            row = [None, sur, giv, pat, bs, str(age), sexs, home_s, arr.strftime("%d.%m.%Y"),
                   "%d" % shift_no, rng.choice(BY_ESCORT)]
            kinds = [k for k in kinds if not k.endswith("_none")]
            for k in kinds:
                L.kinds[k] += 1
            recs.append((arr, rng.random(), row, c.cid, len(kinds)))
    recs.sort(key=lambda r: (r[0], r[1]))
    for i, (_, _, row, cid, ne) in enumerate(recs, 1):
        row[0] = str(i)
        L.add(str(i), row, cid, ne)
    return L


# ---------------------------------------------------------------- list 4: international tracing (Latin)
TR_HEADER = ["Record ID", "Family name", "First name(s)", "Father's name", "Sex", "Date of birth",
             "Place of birth", "Last known address", "Reporting office", "Date reported"]
# office: (name, scheme weights, date format)
OFFICES = [
    ("Kyiv", {"kmu": 70, "kmu_dia": 12, "icao": 10, "pol": 3, "bgn": 5}, "dmy_dot"),
    ("Warsaw", {"pol": 55, "kmu": 35, "icao": 10}, "dmy_dot"),
    ("Berlin", {"ger": 55, "kmu": 25, "icao": 15, "kmu_dia": 5}, "dmy_dot"),
    ("Geneva", {"fre": 45, "bgn": 25, "kmu": 20, "icao": 10}, "dmy_slash"),
    ("Paris", {"fre": 60, "kmu": 25, "bgn": 15}, "dmy_slash"),
    ("London", {"bgn": 45, "kmu": 35, "icao": 20}, "d_mon_y"),
    ("New York", {"icao": 35, "kmu": 35, "bgn": 30}, "mdy_slash"),
    ("Tbilisi", {"icao": 60, "kmu": 40}, "iso"),
]
OFFICE_W = [28, 14, 12, 10, 6, 8, 8, 4]
WESTERN = {"Олександр": "Alexander", "Катерина": "Catherine", "Марія": "Maria", "Анна": "Anna",
           "Софія": "Sophia", "Єлизавета": "Elisabeth", "Михайло": "Michael", "Іван": "Johann",
           "Анастасія": "Anastasia", "Георгій": "George", "Давид": "David", "Марк": "Mark",
           "Віктор": "Victor", "Вікторія": "Victoria", "Юлія": "Julia", "Олена": "Helene",
           "Ксенія": "Xenia", "Христина": "Christina", "Єва": "Eva", "Даниїл": "Daniel", "Данило": "Daniel"}
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def fmt_date(d, f):
    if f == "dmy_dot":
        return d.strftime("%d.%m.%Y")
    if f == "dmy_slash":
        return d.strftime("%d/%m/%Y")
    if f == "mdy_slash":
        return "%d/%d/%d" % (d.month, d.day, d.year)
    if f == "d_mon_y":
        return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)
    return d.isoformat()


def latin_record(pop, rng, c, sv, kinds_out, dist, allow_onefield=False):
    """Returns dict of Latin fields of one tracing record of child c."""
    oi = rng.choices(range(len(OFFICES)), OFFICE_W)[0]
    office, sw, dfmt = OFFICES[oi]
    scheme = rng.choices(list(sw), list(sw.values()))[0]
    sv["scheme_" + scheme] += 1
    forms = {"ua": c.sur_ua, "ru": c.sur_ru}
    sur = latinize(forms, scheme)
    if c.sur2 and rng.random() < 0.5:
        sur = sur + rng.choice(["-", "-", " "]) + latinize({"ua": c.sur2[0], "ru": c.sur2[1]}, scheme)
        sv["double_surname_full"] += 1
    giv = latinize({"ua": c.g_ua, "ru": c.g_ru}, scheme)
    if c.g_ua in WESTERN and office not in ("Kyiv", "Tbilisi") and rng.random() < 0.15:
        giv = WESTERN[c.g_ua]
        sv["western_given"] += 1
    elif rng.random() < 0.03:
        giv = latinize({"ua": c.dim_ua, "ru": c.dim_ru}, scheme)
        sv["diminutive"] += 1
    pat = latinize({"ua": c.p_ua, "ru": c.p_ru}, scheme) if rng.random() < 0.45 else ""
    if not pat:
        sv["patronymic_missing"] += 1
    if scheme in ("kmu_dia", "pol", "bgn", "fre") and rng.random() < 0.25:
        sur, giv, pat = (x.translate(STRIP) for x in (sur, giv, pat))
        sv["diacritics_stripped"] += 1
    raw_cyr = rng.random() < 0.015
    if raw_cyr:
        sur, giv, pat = c.sur_ua, c.g_ua, ""
        sv["left_in_cyrillic"] += 1
    birth, sex = c.birth, c.sex
    bp, home = c.bplace, c.home
    n = errcount(rng, dist)
    kinds = []
    dfmt_used = dfmt
    for _ in range(n):
        k = rng.choices(["sur_typo", "given_typo", "birth", "swap", "ocr", "mdy", "birth_missing",
                         "year_only", "sex", "bp_missing", "layout", "onefield"],
                        [24, 14, 18, 9, 8, 5, 5, 4, 3, 5, 3, 4 if allow_onefield else 0])[0]
        if k == "sur_typo":
            sur, t = typo(rng, sur, "lat" if not raw_cyr else "ua"); kinds.append("sur_" + t)
        elif k == "given_typo":
            giv, t = typo(rng, giv, "lat" if not raw_cyr else "ua"); kinds.append("given_" + t)
        elif k == "birth" and birth:
            birth, t = date_error(rng, birth); kinds.append("birth_" + t)
        elif k == "swap":
            sur, giv = giv, sur; kinds.append("swap_sur_given")
        elif k == "ocr" and not raw_cyr:
            for _ in range(2):
                sur, t = typo(rng, sur, "lat")
            kinds.append("sur_double_slip")
        elif k == "mdy" and dfmt in ("dmy_dot", "dmy_slash", "d_mon_y", "iso"):
            dfmt_used = "mdy_slash"; kinds.append("dob_mdy")
        elif k == "birth_missing":
            birth = None; kinds.append("birth_missing")
        elif k == "year_only" and birth:
            dfmt_used = "year"; kinds.append("dob_year_only")
        elif k == "sex":
            sex = rng.choice(["", "f" if sex == "m" else "m"]); kinds.append("sex_wrong_or_empty")
        elif k == "bp_missing":
            bp = None; kinds.append("birthplace_missing")
        elif k == "layout" and not raw_cyr:
            sur, t = lat_layout_slip(rng, sur); kinds.append(t)
        elif k == "onefield":
            sur, giv = sur + " " + giv, ""; kinds.append("name_in_one_cell")
    if birth is None:
        bs = ""
    elif dfmt_used == "year":
        bs = str(birth.year)
    else:
        bs = fmt_date(birth, dfmt_used)
    rep = D(2022, 4, 1) + dt.timedelta(days=rng.randrange(1000))
    if rng.random() < 0.12 and not raw_cyr:
        sur = sur.upper()
        sv["surname_upper"] += 1
    kinds = [k for k in kinds if not k.endswith("_none")]
    for k in kinds:
        kinds_out[k] += 1
    return dict(sur=sur, giv=giv, pat=pat, sex={"m": rng.choice(["M", "m", "male"]), "f": rng.choice(["F", "f", "female"]), "": ""}[sex],
                dob=bs, bp=lat_place(rng, bp, scheme, rng.random() < 0.4) if bp else "",
                home=lat_place(rng, home, scheme, rng.random() < 0.5) if rng.random() > 0.08 else "",
                office=office, rep=rep, scheme=scheme, nerr=len(kinds))


def intl_tracing(pop, rng, members):
    L = ListBuilder("intl_tracing_latin.csv", TR_HEADER, rng)
    recs = []
    used = set()
    for c, copies in members:
        for _ in range(copies):
            r = latin_record(pop, rng, c, L.sysv, L.kinds, [62, 27, 9, 2])
            while True:
                rid = "TR-%s-%05d" % (r["rep"].strftime("%y"), rng.randrange(100000))
                if rid not in used:
                    used.add(rid)
                    break
            row = [rid, r["sur"], r["giv"], r["pat"], r["sex"], r["dob"], r["bp"], r["home"],
                   r["office"], r["rep"].isoformat()]
            recs.append((rng.random(), row, c.cid, r["nerr"]))
    recs.sort(key=lambda r: r[0])
    for _, row, cid, ne in recs:
        L.add(row[0], row, cid, ne)
    return L


# ---------------------------------------------------------------- latin mode
LM_HEADER = ["Record ID", "Surname", "Given names", "Middle name", "Sex", "Born", "Birthplace",
             "Home town", "Source", "Reported"]


def latin_merged(pop, rng):
    L = ListBuilder("tracing_merged_latin.csv", LM_HEADER, rng)
    recs = []
    for c in pop.children:
        copies = rng.choices([1, 2, 3, 4], [68, 24, 7, 1])[0]
        for _ in range(copies):
            r = latin_record(pop, rng, c, L.sysv, L.kinds, [60, 28, 10, 2], allow_onefield=True)
            row = [None, r["sur"], r["giv"], r["pat"], r["sex"], r["dob"], r["bp"], r["home"],
                   "%s office" % r["office"], fmt_date(r["rep"], "dmy_slash")]
            recs.append((rng.random(), row, c.cid, r["nerr"]))
    recs.sort(key=lambda r: r[0])
    used = set()
    for _, row, cid, ne in recs:
        while True:
            rid = "%d" % rng.randrange(10 ** 7, 10 ** 8)
            if rid not in used:
                used.add(rid)
                break
        row[0] = rid
        L.add(rid, row, cid, ne)
    return L


# ---------------------------------------------------------------- output
# per file: (delimiter, encoding, bom, line terminator, quoting)
FORMATS = {
    "ru_msz_placed.csv": (";", "utf-8", True, "\r\n", csv.QUOTE_MINIMAL),
    "ua_school_roll.csv": (";", "cp1251", False, "\r\n", csv.QUOTE_NONNUMERIC),
    "by_camp_arrivals.tsv": ("\t", "utf-8", False, "\n", csv.QUOTE_MINIMAL),
    "intl_tracing_latin.csv": (",", "utf-8", False, "\n", csv.QUOTE_MINIMAL),
    "tracing_merged_latin.csv": (",", "utf-8", True, "\r\n", csv.QUOTE_ALL),
}


def cp1251_safe(s):
    return s.replace("ʼ", "’")


def write_list(out, L):
    delim, enc, bom, term, quoting = FORMATS[L.name]
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, lineterminator=term, quoting=quoting)
    w.writerow(L.header)
    for _, row, _ in L.rows:
        if quoting == csv.QUOTE_NONNUMERIC:
            # every text cell quoted, the running number bare (a LibreOffice export)
            row = [int(x) if j == 0 else x for j, x in enumerate(row)]
        w.writerow(row)
    text = buf.getvalue()
    if enc == "cp1251":
        text = cp1251_safe(text)
    data = text.encode(enc)
    if bom:
        data = b"\xef\xbb\xbf" + data
    with open(os.path.join(out, L.name), "wb") as f:
        f.write(data)


def self_check(out, lists):
    errs = []
    truth = {}
    with open(os.path.join(out, "truth.csv"), newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        head = next(r)
        if head != ["file", "record_id", "child_id"]:
            errs.append("truth header")
        for row in r:
            if len(row) != 3:
                errs.append("truth row %r" % row)
                continue
            key = (row[0], row[1])
            if key in truth:
                errs.append("truth duplicate %r" % (key,))
            truth[key] = row[2]
    seen = set()
    for L in lists:
        delim, enc, bom, term, quoting = FORMATS[L.name]
        data = open(os.path.join(out, L.name), "rb").read()
        if data.startswith(b"\xef\xbb\xbf") != bom:
            errs.append("%s: BOM" % L.name)
        if bom:
            data = data[3:]
        if enc == "cp1251":
            try:
                data.decode("utf-8")
                errs.append("%s: decodes as UTF-8 although meant as cp1251" % L.name)
            except UnicodeDecodeError:
                pass
        text = data.decode(enc)
        n_crlf = text.count("\r\n")
        n_lf = text.count("\n")
        if term == "\r\n" and n_crlf != n_lf:
            errs.append("%s: not all CRLF" % L.name)
        if term == "\n" and n_crlf:
            errs.append("%s: CR found" % L.name)
        rd = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
        head = next(rd)
        if head != L.header:
            errs.append("%s: header %r" % (L.name, head))
        ids = set()
        nrows = 0
        for row in rd:
            nrows += 1
            if len(row) != len(L.header):
                errs.append("%s: ragged row %r" % (L.name, row[:3]))
                continue
            rid = row[0]
            if rid in ids:
                errs.append("%s: duplicate id %s" % (L.name, rid))
            ids.add(rid)
            if (L.name, rid) not in truth:
                errs.append("%s: record %s without truth" % (L.name, rid))
            seen.add((L.name, rid))
        if nrows != len(L.rows):
            errs.append("%s: %d rows read, %d written" % (L.name, nrows, len(L.rows)))
    for k in truth:
        if k not in seen:
            errs.append("truth row without record %r" % (k,))
    return errs


def stats(pop, lists, mode):
    print("population: %d children, %d households, %d relative households, twin births %d (triplets %d), "
          "double-surname households %d" % (len(pop.children), pop.hh_count, pop.relatives, pop.twins,
                                           pop.triplets, pop.double_sur))
    print("injected hard negatives:", dict(pop.injected))
    g = Counter(c.group for c in pop.children)
    print("ethnic groups:", ", ".join("%s %.1f%%" % (k, 100 * v / len(pop.children)) for k, v in g.most_common()))
    byhh = defaultdict(list)
    for c in pop.children:
        byhh[c.hh].append(c)
    sib = sum(len(v) * (len(v) - 1) // 2 for v in byhh.values())
    twins = sum(1 for v in byhh.values() for i in range(len(v)) for j in range(i) if v[i].birth == v[j].birth)
    key = defaultdict(list)
    for c in pop.children:
        key[(c.sur_ru, c.g_ru)].append(c)
    same = sum(len(v) * (len(v) - 1) // 2 for v in key.values())
    same_y = same_yt = same_d = 0
    for v in key.values():
        for i in range(len(v)):
            for j in range(i):
                a, b = v[i], v[j]
                if a.birth.year == b.birth.year:
                    same_y += 1
                    if a.home == b.home:
                        same_yt += 1
                if abs((a.birth - b.birth).days) <= 1:
                    same_d += 1
    print("hard negatives (pairs of different children): sibling pairs %d, twin pairs %d, same Russian "
          "surname+given %d, ...same birth year %d, ...same year and home %d, ...born <=1 day apart %d"
          % (sib, twins, same, same_y, same_yt, same_d))
    where = defaultdict(Counter)
    for L in lists:
        cnt = Counter(cid for _, _, cid in L.rows)
        dup = sum(v * (v - 1) // 2 for v in cnt.values())
        tot = sum(L.ndist.values())
        dist = " / ".join("%.1f" % (100 * L.ndist[i] / tot) for i in range(4))
        print("\n== %s: %d records, %d distinct children, %d in-list duplicate pairs, errors 0/1/2/3 = %s%%"
              % (L.name, len(L.rows), len(cnt), dup, dist))
        print("   error kinds:", ", ".join("%s %d" % kv for kv in sorted(L.kinds.items(), key=lambda x: -x[1])))
        print("   systematic:", ", ".join("%s %.1f%%" % (k, 100 * v / len(L.rows)) for k, v in sorted(L.sysv.items(), key=lambda x: -x[1])))
        for cid, v in cnt.items():
            where[cid][L.name] = v
    if mode == "cross":
        names = [L.name for L in lists]
        print("\ntrue cross-list pairs:")
        for i in range(len(names)):
            for j in range(i + 1, len(names)):
                p = sum(w[names[i]] * w[names[j]] for w in where.values())
                print("   %s x %s: %d" % (names[i], names[j], p))
        on = Counter(len(where.get(c.cid, {})) for c in pop.children)
        print("children on 0/1/2/3/4 lists:", " / ".join(str(on[k]) for k in range(5)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--children", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--mode", choices=["cross", "latin"], default="cross")
    a = ap.parse_args()
    rng = random.Random(a.seed * 1000003 + (0 if a.mode == "cross" else 7))
    pop = Pop(rng, a.children)
    os.makedirs(a.out, exist_ok=True)
    if a.mode == "cross":
        # membership: household fate, 72% of children follow it
        fate = {}
        mem = {"ru": [], "ua": [], "by": [], "tr": []}
        probs = {"ru": 0.42, "ua": 0.45, "by": 0.16, "tr": 0.30}
        dups = {"ru": [0.02, 0.002], "ua": [0.015, 0.0], "by": [0.05, 0.005], "tr": [0.09, 0.012]}
        for c in pop.children:
            if c.hh not in fate:
                fate[c.hh] = {k: rng.random() < p for k, p in probs.items()}
            own = rng.random() < 0.28
            for k, p in probs.items():
                on = (rng.random() < p) if own else fate[c.hh][k]
                if k == "ua" and not (1 <= school_class(c.birth) <= 11):
                    on = False
                if k == "by" and not any(6 <= age_on(c.birth, D(y, 7, 1)) <= 15 for y in (2022, 2023, 2024)):
                    on = False
                if on:
                    r = rng.random()
                    copies = 3 if r < dups[k][1] else 2 if r < dups[k][0] + dups[k][1] else 1
                    mem[k].append((c, copies))
        lists = [ru_ministry(pop, rng, mem["ru"]), ua_school(pop, rng, mem["ua"]),
                 by_camp(pop, rng, mem["by"]), intl_tracing(pop, rng, mem["tr"])]
    else:
        lists = [latin_merged(pop, rng)]
    for L in lists:
        write_list(a.out, L)
    with open(os.path.join(a.out, "truth.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["file", "record_id", "child_id"])
        for L in lists:
            for rid, _, cid in L.rows:
                w.writerow([L.name, rid, cid])
    errs = self_check(a.out, lists)
    if errs:
        for e in errs[:30]:
            print("SELF-CHECK FAIL:", e)
        sys.exit(1)
    print("SELF-CHECK OK")
    stats(pop, lists, a.mode)


if __name__ == "__main__":
    main()
