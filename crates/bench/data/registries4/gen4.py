#!/usr/bin/env python3
"""gen4: a fourth, independent generator of child registries (see README.md).

python3 gen4.py --children N --seed S --out DIR [--mode cross|latin]

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

# --------------------------------------------------------------------------
# Name pools (own, from general knowledge). Weights are rough frequencies.
# --------------------------------------------------------------------------

# Surnames: Ukrainian form | Russian form (empty: derived by rule) ; weight.
SURNAMES = """
Мельник||30 Шевченко||28 Коваленко||27 Бондаренко||25 Бойко||24 Ткаченко||23
Кравченко||22 Ковальчук||20 Коваль||19 Олійник|Олейник|18 Шевчук||17 Поліщук|Полищук|16
Іваненко||15 Ткачук||15 Савченко||14 Руденко||14 Лисенко|Лысенко|13 Марченко||13
Петренко||13 Мороз||12 Клименко||12 Павленко||12 Кравчук||11 Кузьменко||11
Левченко||10 Харченко||10 Гончаренко||10 Кириленко||9 Романенко||9 Литвиненко|Литвиненко|9
Сидоренко||9 Мазур||9 Гриценко||8 Федоренко||8 Демченко||8 Пономаренко||8
Литвин||8 Яковенко||7 Приходько||7 Власенко||7 Тимошенко||7 Данильченко||6
Костенко||6 Кучер||6 Гуменюк||6 Дмитренко||6 Бабенко||6 Зінченко|Зинченко|6
Онищенко||5 Панченко||5 Назаренко||5 Остапенко||5 Гордієнко|Гордиенко|5 Білик|Билык|5
Кушнір|Кушнир|5 Степаненко||5 Бурлака||4 Вакуленко||4 Грищенко||4 Захарченко||4
Чорновол|Черновол|4 Швець|Швец|4 Гнатюк||4 Осадчий||4 Якименко||4 Бережний|Бережной|4
Андрієнко|Андриенко|4 Сергієнко|Сергиенко|4 Юрченко||4 Головко||4 Лук'яненко|Лукьяненко|3
Сіренко|Сиренко|3 Нестеренко||3 Чумак||3 Жук||3 Тарасенко||3 Гребенюк||3
Кузнєцов|Кузнецов|6 Попов||5 Іванов|Иванов|6 Смирнов||3 Соловйов|Соловьёв|3 Ковальов|Ковалёв|4
Морозов||3 Волков||3 Лебедєв|Лебедев|2 Новіков|Новиков|3 Бєлов|Белов|2 Зайцев||3
Сєдов|Седов|2 Гусєв|Гусев|2 Воронін|Воронин|2 Ільїн|Ильин|2 Кисельов|Киселёв|2 Медведєв|Медведев|2
Ковальський|Ковальский|4 Вишневський|Вишневский|3 Яворський|Яворский|3 Садовський|Садовский|3
Заїка|Заика|2 Дорошенко||3 Хоменко||4 Мірошниченко|Мирошниченко|4 Гаврилюк||3 Пилипенко||3
Білий|Белый|3 Чорний|Черный|3 Сухий|Сухой|2 Костюк||3 Семенюк||3 Шаповал||3
"""

# Russian adopters' surnames (used when an adoption changed the surname).
ADOPTER_SURNAMES = ("Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов "
                    "Новиков Федоров Морозов Волков Алексеев Лебедев Семенов Егоров "
                    "Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин "
                    "Захаров Зайцев Соловьев Борисов Яковлев Григорьев Романов Воробьев "
                    "Сергеев Кузьмин Фролов Александров Дмитриев Королев Гусев Киселев "
                    "Ильин Максимов Поляков Сорокин Виноградов Ковалев Белов Медведев "
                    "Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев "
                    "Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов "
                    "Крылов Куликов Карпов Власов Мельников Денисов Гаврилов Тихонов").split()

# Fathers: UA name, UA patr m/f, RU name, RU patr m/f, BY patr m/f ; weight
FATHERS = [
    ("Олександр", "Олександрович", "Олександрівна", "Александр", "Александрович", "Александровна", "Аляксандравіч", "Аляксандраўна", 14),
    ("Сергій", "Сергійович", "Сергіївна", "Сергей", "Сергеевич", "Сергеевна", "Сяргеевіч", "Сяргееўна", 13),
    ("Андрій", "Андрійович", "Андріївна", "Андрей", "Андреевич", "Андреевна", "Андрэевіч", "Андрэеўна", 11),
    ("Володимир", "Володимирович", "Володимирівна", "Владимир", "Владимирович", "Владимировна", "Уладзіміравіч", "Уладзіміраўна", 10),
    ("Віталій", "Віталійович", "Віталіївна", "Виталий", "Витальевич", "Витальевна", "Віталевіч", "Віталеўна", 7),
    ("Дмитро", "Дмитрович", "Дмитрівна", "Дмитрий", "Дмитриевич", "Дмитриевна", "Дзмітрыевіч", "Дзмітрыеўна", 9),
    ("Микола", "Миколайович", "Миколаївна", "Николай", "Николаевич", "Николаевна", "Мікалаевіч", "Мікалаеўна", 8),
    ("Юрій", "Юрійович", "Юріївна", "Юрий", "Юрьевич", "Юрьевна", "Юр'евіч", "Юр'еўна", 8),
    ("Олег", "Олегович", "Олегівна", "Олег", "Олегович", "Олеговна", "Алегавіч", "Алегаўна", 7),
    ("Іван", "Іванович", "Іванівна", "Иван", "Иванович", "Ивановна", "Іванавіч", "Іванаўна", 8),
    ("Віктор", "Вікторович", "Вікторівна", "Виктор", "Викторович", "Викторовна", "Віктаравіч", "Віктараўна", 7),
    ("Ігор", "Ігорович", "Ігорівна", "Игорь", "Игоревич", "Игоревна", "Ігаравіч", "Ігараўна", 7),
    ("Євген", "Євгенович", "Євгенівна", "Евгений", "Евгеньевич", "Евгеньевна", "Яўгенавіч", "Яўгенаўна", 6),
    ("Максим", "Максимович", "Максимівна", "Максим", "Максимович", "Максимовна", "Максімавіч", "Максімаўна", 6),
    ("Роман", "Романович", "Романівна", "Роман", "Романович", "Романовна", "Раманавіч", "Раманаўна", 5),
    ("Павло", "Павлович", "Павлівна", "Павел", "Павлович", "Павловна", "Паўлавіч", "Паўлаўна", 5),
    ("Петро", "Петрович", "Петрівна", "Пётр", "Петрович", "Петровна", "Пятровіч", "Пятроўна", 4),
    ("Василь", "Васильович", "Василівна", "Василий", "Васильевич", "Васильевна", "Васілевіч", "Васілеўна", 5),
    ("Анатолій", "Анатолійович", "Анатоліївна", "Анатолий", "Анатольевич", "Анатольевна", "Анатолевіч", "Анатолеўна", 4),
    ("Валерій", "Валерійович", "Валеріївна", "Валерий", "Валерьевич", "Валерьевна", "Валер'евіч", "Валер'еўна", 4),
    ("Руслан", "Русланович", "Русланівна", "Руслан", "Русланович", "Руслановна", "Русланавіч", "Русланаўна", 5),
    ("Артем", "Артемович", "Артемівна", "Артём", "Артёмович", "Артёмовна", "Арцёмавіч", "Арцёмаўна", 4),
    ("Денис", "Денисович", "Денисівна", "Денис", "Денисович", "Денисовна", "Дзянісавіч", "Дзянісаўна", 5),
    ("Вадим", "Вадимович", "Вадимівна", "Вадим", "Вадимович", "Вадимовна", "Вадзімавіч", "Вадзімаўна", 4),
    ("Ілля", "Ілліч", "Іллівна", "Илья", "Ильич", "Ильинична", "Ільіч", "Ільінічна", 2),
    ("Михайло", "Михайлович", "Михайлівна", "Михаил", "Михайлович", "Михайловна", "Міхайлавіч", "Міхайлаўна", 5),
    ("Олексій", "Олексійович", "Олексіївна", "Алексей", "Алексеевич", "Алексеевна", "Аляксеевіч", "Аляксееўна", 6),
    ("Ярослав", "Ярославович", "Ярославівна", "Ярослав", "Ярославович", "Ярославовна", "Яраслававіч", "Яраславаўна", 3),
    ("Богдан", "Богданович", "Богданівна", "Богдан", "Богданович", "Богдановна", "Багданавіч", "Багданаўна", 3),
    ("Костянтин", "Костянтинович", "Костянтинівна", "Константин", "Константинович", "Константиновна", "Канстанцінавіч", "Канстанцінаўна", 4),
]

# Children's given names: UA, RU, BY, RU diminutive, UA diminutive, English ; weight
BOYS = [
    ("Олександр", "Александр", "Аляксандр", "Саша", "Сашко", "Alexander", 14),
    ("Максим", "Максим", "Максім", "Макс", "Максимко", "Maxim", 12),
    ("Артем", "Артём", "Арцём", "Тёма", "Тема", "Artem", 11),
    ("Дмитро", "Дмитрий", "Дзмітрый", "Дима", "Дмитрик", "Dmitry", 10),
    ("Данило", "Даниил", "Данііл", "Даня", "Данилко", "Daniel", 9),
    ("Іван", "Иван", "Іван", "Ваня", "Івасик", "John", 8),
    ("Кирило", "Кирилл", "Кірыл", "Кирюша", "Кирилко", "Cyril", 8),
    ("Андрій", "Андрей", "Андрэй", "Андрюша", "Андрійко", "Andrew", 8),
    ("Михайло", "Михаил", "Міхаіл", "Миша", "Михайлик", "Michael", 7),
    ("Микита", "Никита", "Мікіта", "Никитка", "Микитка", "", 8),
    ("Назар", "Назар", "Назар", "Назарчик", "Назарчик", "", 6),
    ("Богдан", "Богдан", "Багдан", "Богдаша", "Богданчик", "", 5),
    ("Єгор", "Егор", "Ягор", "Егорка", "Єгорчик", "", 7),
    ("Матвій", "Матвей", "Мацвей", "Матвейка", "Матвійко", "Matthew", 6),
    ("Владислав", "Владислав", "Уладзіслаў", "Влад", "Владик", "", 6),
    ("Денис", "Денис", "Дзяніс", "Дениска", "Дениско", "Dennis", 4),
    ("Ярослав", "Ярослав", "Яраслаў", "Слава", "Ярко", "", 4),
    ("Тимофій", "Тимофей", "Цімафей", "Тима", "Тимко", "Timothy", 5),
    ("Роман", "Роман", "Раман", "Рома", "Ромчик", "Roman", 5),
    ("Євген", "Евгений", "Яўген", "Женя", "Женя", "Eugene", 4),
    ("Віктор", "Виктор", "Віктар", "Витя", "Вітя", "Victor", 3),
    ("Ілля", "Илья", "Ілья", "Илюша", "Іллюша", "Elijah", 5),
    ("Олексій", "Алексей", "Аляксей", "Лёша", "Льоша", "Alexis", 5),
    ("Владислав", "Владислав", "Уладзіслаў", "Владик", "Влад", "", 0),
    ("Вадим", "Вадим", "Вадзім", "Вадик", "Вадик", "", 2),
    ("Святослав", "Святослав", "Святаслаў", "Свят", "Святик", "", 3),
    ("Марк", "Марк", "Марк", "Марик", "Марчик", "Mark", 4),
    ("Тарас", "Тарас", "Тарас", "Тарасик", "Тарасик", "", 2),
    ("Сергій", "Сергей", "Сяргей", "Серёжа", "Сергійко", "Sergius", 4),
    ("Ростислав", "Ростислав", "Расціслаў", "Ростик", "Ростик", "", 3),
    ("Давид", "Давид", "Давід", "Дава", "Давидко", "David", 3),
    ("Степан", "Степан", "Сцяпан", "Стёпа", "Стьопа", "Stephen", 2),
]
GIRLS = [
    ("Анастасія", "Анастасия", "Анастасія", "Настя", "Настуся", "Anastasia", 13),
    ("Софія", "София", "Сафія", "Соня", "Софійка", "Sophia", 12),
    ("Марія", "Мария", "Марыя", "Маша", "Марійка", "Mary", 10),
    ("Дарина", "Дарина", "Дарына", "Даша", "Даринка", "", 6),
    ("Дар'я", "Дарья", "Дар'я", "Даша", "Дарця", "", 8),
    ("Вікторія", "Виктория", "Вікторыя", "Вика", "Віка", "Victoria", 9),
    ("Анна", "Анна", "Ганна", "Аня", "Аня", "Anna", 7),
    ("Ганна", "Анна", "Ганна", "Аня", "Ганнуся", "Hannah", 3),
    ("Катерина", "Екатерина", "Кацярына", "Катя", "Катруся", "Catherine", 8),
    ("Єлизавета", "Елизавета", "Лізавета", "Лиза", "Ліза", "Elizabeth", 8),
    ("Поліна", "Полина", "Паліна", "Поля", "Поліночка", "Pauline", 6),
    ("Аліна", "Алина", "Аліна", "Алинка", "Алінка", "Alina", 6),
    ("Юлія", "Юлия", "Юлія", "Юля", "Юлька", "Julia", 5),
    ("Олександра", "Александра", "Аляксандра", "Саша", "Сашуня", "Alexandra", 5),
    ("Ангеліна", "Ангелина", "Ангеліна", "Геля", "Ліна", "Angelina", 5),
    ("Вероніка", "Вероника", "Вераніка", "Ника", "Ніка", "Veronica", 5),
    ("Злата", "Злата", "Злата", "Златка", "Златуся", "", 4),
    ("Мілана", "Милана", "Мілана", "Мила", "Міла", "", 5),
    ("Соломія", "Соломия", "Саламея", "Соля", "Соломійка", "", 3),
    ("Ксенія", "Ксения", "Ксенія", "Ксюша", "Ксеня", "Xenia", 4),
    ("Ірина", "Ирина", "Ірына", "Ира", "Ірця", "Irene", 3),
    ("Олена", "Елена", "Алена", "Лена", "Оленка", "Helen", 3),
    ("Ольга", "Ольга", "Вольга", "Оля", "Олечка", "Olga", 3),
    ("Тетяна", "Татьяна", "Таццяна", "Таня", "Тетянка", "Tatiana", 3),
    ("Валерія", "Валерия", "Валерыя", "Лера", "Лера", "Valeria", 4),
    ("Уляна", "Ульяна", "Ульяна", "Уля", "Уляночка", "Juliana", 4),
    ("Христина", "Кристина", "Крысціна", "Кристя", "Христя", "Christina", 4),
    ("Яна", "Яна", "Яна", "Яночка", "Яночка", "", 3),
    ("Діана", "Диана", "Дзіяна", "Диана", "Діанка", "Diana", 3),
    ("Євгенія", "Евгения", "Яўгенія", "Женя", "Женя", "Eugenia", 2),
    ("Наталія", "Наталья", "Наталля", "Наташа", "Наталочка", "Natalie", 2),
    ("Олеся", "Олеся", "Алеся", "Леся", "Леся", "", 3),
    ("Карина", "Карина", "Карына", "Каринка", "Каринка", "Karina", 3),
    ("Варвара", "Варвара", "Варвара", "Варя", "Варя", "Barbara", 3),
]
BOYS = [b for b in BOYS if b[6] > 0]

# Settlements: UA name, RU name (occupation usage), UA oblast (gen.), RU "subject", BY name, weight
PLACES = [
    ("Маріуполь", "Мариуполь", "Донецька", "ДНР", "Марыупаль", 40),
    ("Донецьк", "Донецк", "Донецька", "ДНР", "Данецк", 22),
    ("Макіївка", "Макеевка", "Донецька", "ДНР", "Макееўка", 10),
    ("Горлівка", "Горловка", "Донецька", "ДНР", "Горлаўка", 9),
    ("Єнакієве", "Енакиево", "Донецька", "ДНР", "Енакіева", 4),
    ("Харцизьк", "Харцызск", "Донецька", "ДНР", "Харцызск", 3),
    ("Шахтарськ", "Шахтерск", "Донецька", "ДНР", "Шахцёрск", 3),
    ("Сніжне", "Снежное", "Донецька", "ДНР", "Снежнае", 3),
    ("Волноваха", "Волноваха", "Донецька", "ДНР", "Волнаваха", 3),
    ("Бахмут", "Артёмовск", "Донецька", "ДНР", "Арцёмаўск", 4),
    ("Мангуш", "Первомайское", "Донецька", "ДНР", "Першамайскае", 2),
    ("Луганськ", "Луганск", "Луганська", "ЛНР", "Луганск", 18),
    ("Алчевськ", "Алчевск", "Луганська", "ЛНР", "Алчэўск", 6),
    ("Сєвєродонецьк", "Северодонецк", "Луганська", "ЛНР", "Северадонецк", 6),
    ("Лисичанськ", "Лисичанск", "Луганська", "ЛНР", "Лісічанск", 6),
    ("Рубіжне", "Рубежное", "Луганська", "ЛНР", "Рубежнае", 4),
    ("Кадіївка", "Стаханов", "Луганська", "ЛНР", "Стаханаў", 4),
    ("Антрацит", "Антрацит", "Луганська", "ЛНР", "Антрацыт", 3),
    ("Ровеньки", "Ровеньки", "Луганська", "ЛНР", "Равенькі", 3),
    ("Старобільськ", "Старобельск", "Луганська", "ЛНР", "Старабельск", 2),
    ("Сватове", "Сватово", "Луганська", "ЛНР", "Сватава", 2),
    ("Мелітополь", "Мелитополь", "Запорізька", "Запорожская обл.", "Мелітопаль", 14),
    ("Бердянськ", "Бердянск", "Запорізька", "Запорожская обл.", "Бярдзянск", 8),
    ("Енергодар", "Энергодар", "Запорізька", "Запорожская обл.", "Энергадар", 5),
    ("Токмак", "Токмак", "Запорізька", "Запорожская обл.", "Такмак", 3),
    ("Василівка", "Васильевка", "Запорізька", "Запорожская обл.", "Васільеўка", 2),
    ("Пологи", "Пологи", "Запорізька", "Запорожская обл.", "Полагі", 2),
    ("Генічеськ", "Геническ", "Херсонська", "Херсонская обл.", "Генічаск", 4),
    ("Нова Каховка", "Новая Каховка", "Херсонська", "Херсонская обл.", "Новая Кахоўка", 5),
    ("Херсон", "Херсон", "Херсонська", "Херсонская обл.", "Херсон", 14),
    ("Олешки", "Алешки", "Херсонська", "Херсонская обл.", "Алешкі", 3),
    ("Скадовськ", "Скадовск", "Херсонська", "Херсонская обл.", "Скадоўск", 3),
    ("Каховка", "Каховка", "Херсонська", "Херсонская обл.", "Кахоўка", 3),
    ("Куп'янськ", "Купянск", "Харківська", "Харьковская обл.", "Куп'янск", 4),
    ("Ізюм", "Изюм", "Харківська", "Харьковская обл.", "Ізюм", 4),
    ("Балаклія", "Балаклея", "Харківська", "Харьковская обл.", "Балаклея", 2),
    ("Вовчанськ", "Волчанск", "Харківська", "Харьковская обл.", "Ваўчанск", 2),
    ("Сімферополь", "Симферополь", "АР Крим", "Республика Крым", "Сімферопаль", 6),
    ("Севастополь", "Севастополь", "м. Севастополь", "Севастополь", "Севастопаль", 4),
    ("Джанкой", "Джанкой", "АР Крим", "Республика Крым", "Джанкой", 2),
    ("Керч", "Керчь", "АР Крим", "Республика Крым", "Керч", 2),
]
OBL_CENTRE = {"Донецька": "Донецьк", "Луганська": "Луганськ", "Запорізька": "Мелітополь",
              "Херсонська": "Херсон", "Харківська": "Ізюм", "АР Крим": "Сімферополь",
              "м. Севастополь": "Севастополь"}
PLACE_BY_UA = {p[0]: p for p in PLACES}
OBL_RU = {"Донецька": "Донецкая", "Луганська": "Луганская", "Запорізька": "Запорожская",
          "Херсонська": "Херсонская", "Харківська": "Харьковская", "АР Крим": "Крым",
          "м. Севастополь": "Севастополь"}
OBL_LAT = {"Донецька": "Donetsk", "Луганська": "Luhansk", "Запорізька": "Zaporizhzhia",
           "Херсонська": "Kherson", "Харківська": "Kharkiv", "АР Крим": "Crimea",
           "м. Севастополь": "Sevastopol"}

RU_REGIONS = [("Московская обл.", "Москва"), ("г. Москва", "Москва"), ("Ростовская обл.", "Ростов-на-Дону"),
              ("Ростовская обл.", "Таганрог"), ("Краснодарский край", "Краснодар"),
              ("Воронежская обл.", "Воронеж"), ("Белгородская обл.", "Белгород"),
              ("Курская обл.", "Курск"), ("Нижегородская обл.", "Нижний Новгород"),
              ("Тюменская обл.", "Тюмень"), ("Омская обл.", "Омск"), ("Новосибирская обл.", "Новосибирск"),
              ("Кемеровская обл.", "Кемерово"), ("Ленинградская обл.", "Гатчина"),
              ("Республика Башкортостан", "Уфа"), ("Ставропольский край", "Ставрополь")]

BY_SANATORIA = ["Дуброва", "Ждановічы", "Надзея", "Лясныя далі", "Ракета", "Журавушка"]

# --------------------------------------------------------------------------
# Script conversions
# --------------------------------------------------------------------------

def ua_to_ru_default(s):
    """Russian spelling of a Ukrainian surname where no explicit form is given."""
    out = s.replace("'", "ь").replace("ї", "и").replace("є", "е").replace("і", "и").replace("Є", "Е").replace("І", "И")
    if out.endswith("ський"):
        out = out[:-2] + "ий"
    return out


BY_SOFT = "еёіюяь"


def ru_to_by(s):
    """Rough Belarusian spelling of a Russian-form name (a Belarusian clerk's habits)."""
    w = s.lower()
    w = w.replace("щ", "шч").replace("ъ", "'")
    r = []
    for i, c in enumerate(w):
        nxt = w[i + 1] if i + 1 < len(w) else ""
        prev = r[-1] if r else ""
        if c == "и":
            c = "ы" if prev and prev[-1] in "жшчрц" else "і"
        elif c == "д" and nxt in BY_SOFT + "и":
            c = "дз"
        elif c == "т" and nxt in BY_SOFT + "и":
            c = "ц"
        elif c == "е" and prev and prev[-1] in "жшчрц":
            c = "э"
        elif c == "у" and prev and prev[-1] in "аоэеёяюі" and nxt and nxt not in "аоэеёяюіуы":
            c = "ў"
        elif c == "в" and prev and prev[-1] in "аоэеёяюі" and (not nxt or nxt not in "аоэеёяюіуы"):
            c = "ў"
        r.append(c)
    w = "".join(r)
    for a, b in (("енко", "енка"), ("скій", "скі"), ("цкій", "цкі"), ("ый", "ы"), ("ой", "ы"), ("ій", "і")):
        if w.endswith(a):
            w = w[: -len(a)] + b
    if w.endswith("ко") and not w.endswith("енка"):
        w = w[:-1] + "а"
    return w[:1].upper() + w[1:]


def _caps(word):
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))


VOWELS_CYR = set("аеєиіїоуюяыэёў'ьъ")


def translit(s, scheme):
    """Transliterate a Cyrillic name by one of the schemes below (lower-case core)."""
    t = TABLES[scheme]
    base, initial, after_cons, soft = t["base"], t.get("initial", {}), t.get("after_cons", {}), t.get("soft", {})
    out_words = []
    for word in s.split(" "):
        w = word.lower()
        res = []
        i = 0
        while i < len(w):
            c = w[i]
            prev = w[i - 1] if i > 0 else ""
            nxt = w[i + 1] if i + 1 < len(w) else ""
            start = i == 0 or prev in " -"
            if c + nxt in soft:
                res.append(soft[c + nxt]); i += 2; continue
            if c == "л" and "soft_l" in t:
                res.append("l" if nxt and nxt in t["soft_l"] else "ł"); i += 1; continue
            if c == "з" and nxt == "г" and "zgh" in t:
                res.append("zgh"); i += 2; continue
            if start and c in initial:
                res.append(initial[c])
            elif not start and prev not in VOWELS_CYR and c in after_cons and prev not in t.get("hard", ""):
                res.append(after_cons[c])
            elif not start and prev in VOWELS_CYR and c in t.get("after_vowel", {}):
                res.append(t["after_vowel"][c])
            else:
                res.append(base.get(c, c if c.isascii() else ""))
            i += 1
        out_words.append(_caps("".join(res)))
    return " ".join(out_words)


def _tab(pairs):
    d = {}
    for p in pairs.split():
        k, v = p.split("=")
        d[k] = v.replace("_", "")
    return d


UA_COMMON = "а=a б=b в=v д=d е=e ж=zh з=z и=y і=i к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ф=f х=kh ц=ts ч=ch ш=sh щ=shch '=_ ’=_"
TABLES = {
    # Ukrainian national (KMU 2010)
    "kmu": {"base": {**_tab(UA_COMMON), **_tab("г=h ґ=g є=ie ї=i й=i ю=iu я=ia ь=_")},
            "initial": _tab("є=ye ї=yi й=y ю=yu я=ya"), "zgh": True},
    # BGN/PCGN Ukrainian, soft sign as '
    "bgn_ua": {"base": {**_tab(UA_COMMON), **_tab("г=h ґ=g є=ye ї=yi й=y ю=yu я=ya ь='")}},
    # older Ukrainian passport habit (г→g, й→y, ї→yi)
    "old_ua": {"base": {**_tab(UA_COMMON), **_tab("г=g ґ=g є=ye ї=yi й=y ю=yu я=ya ь=_ х=kh")}},
    # Polish transcription of Ukrainian
    "pl_ua": {"base": _tab("а=a б=b в=w г=h ґ=g д=d е=e ж=ż з=z и=y і=i ї=ji й=j к=k м=m н=n о=o п=p р=r с=s т=t у=u ф=f х=ch ц=c ч=cz ш=sz щ=szcz ь=_ '=_ є=je ю=ju я=ja"),
              "after_cons": _tab("є=ie ю=iu я=ia"), "soft_l": "іьяюєї",
              "soft": _tab("нь=ń сь=ś ць=ć зь=ź ль=l")},
    # German (Duden-like) of the Ukrainian form
    "de_ua": {"base": _tab("а=a б=b в=w г=h ґ=g д=d е=e ж=sch з=s и=y і=i ї=ji й=j к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ф=f х=ch ц=z ч=tsch ш=sch щ=schtsch ь=_ '=_ є=je ю=ju я=ja"),
              "soft": _tab("кс=x")},
    # French of the Ukrainian form
    "fr_ua": {"base": _tab("а=a б=b в=v г=h ґ=g д=d е=e ж=j з=z и=y і=i ї=ï й=ï к=k л=l м=m н=n о=o п=p р=r с=s т=t у=ou ф=f х=kh ц=ts ч=tch ш=ch щ=chtch ь=_ '=_ є=ie ю=iou я=ia")},
    # Czech of the Ukrainian form
    "cz_ua": {"base": _tab("а=a б=b в=v г=h ґ=g д=d е=e ж=ž з=z и=y і=i ї=ji й=j к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ф=f х=ch ц=c ч=č ш=š щ=šč ь=_ '=_ є=je ю=ju я=ja")},
    # Russian ICAO (passports since 2013)
    "icao_ru": {"base": _tab("а=a б=b в=v г=g д=d е=e ё=e ж=zh з=z и=i й=i к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ф=f х=kh ц=ts ч=ch ш=sh щ=shch ъ=ie ы=y ь=_ э=e ю=iu я=ia")},
    # BGN/PCGN Russian
    "bgn_ru": {"base": _tab("а=a б=b в=v г=g д=d е=e ё=ë ж=zh з=z и=i й=y к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ф=f х=kh ц=ts ч=ch ш=sh щ=shch ъ=” ы=y ь=' э=e ю=yu я=ya"),
               "initial": _tab("е=ye ё=yë")},
    # popular English of the Russian form
    "en_ru": {"base": _tab("а=a б=b в=v г=g д=d е=e ё=yo ж=zh з=z и=i й=y к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ф=f х=kh ц=ts ч=ch ш=sh щ=shch ъ=_ ы=y ь=_ э=e ю=yu я=ya"),
              "soft": _tab("ий=y ия=ia ья=ya ье=ie")},
    # French of the Russian form
    "fr_ru": {"base": _tab("а=a б=b в=v г=g д=d е=e ё=io ж=j з=z и=i й=ï к=k л=l м=m н=n о=o п=p р=r с=s т=t у=ou ф=f х=kh ц=ts ч=tch ш=ch щ=chtch ъ=_ ы=y ь=_ э=e ю=iou я=ia"),
              "soft": _tab("ий=i ей=eï")},
    # Polish transcription of the Russian form
    "pl_ru": {"base": _tab("а=a б=b в=w г=g д=d е=e ё=io ж=ż з=z и=i й=j к=k м=m н=n о=o п=p р=r с=s т=t у=u ф=f х=ch ц=c ч=cz ш=sz щ=szcz ъ=_ ы=y ь=_ э=e ю=ju я=ja"),
              "after_cons": _tab("е=ie ю=iu я=ia ё=io"), "after_vowel": _tab("е=je"), "initial": _tab("е=je"),
              "soft_l": "ьяюеёи", "hard": "лжшчщцр",
              "soft": _tab("нь=ń сь=ś ць=ć зь=ź ль=l ье=je ьё=jo ья=ja ью=ju")},
    # Belarusian Łacinka (of the Belarusian form)
    "lacinka": {"base": _tab("а=a б=b в=v г=h д=d е=je ё=jo ж=ž з=z і=i й=j к=k м=m н=n о=o п=p р=r с=s т=t у=u ў=ŭ ф=f х=ch ц=c ч=č ш=š ы=y ь=_ э=e ю=ju я=ja '=_ и=i"),
                "after_cons": _tab("е=ie ё=io ю=iu я=ia"), "soft_l": "іьяюеё",
                "soft": _tab("нь=ń сь=ś ць=ć зь=ź ль=l ля=la лю=lu ле=le лё=lo")},
    # Belarusian passport (national 2007 instruction, simplified)
    "by_pass": {"base": _tab("а=a б=b в=v г=h д=d е=ie ё=io ж=zh з=z і=i й=i к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ў=u ф=f х=kh ц=ts ч=ch ш=sh ы=y ь=_ э=e ю=iu я=ia '=_ и=i"),
                "initial": _tab("е=ye")},
}

# --------------------------------------------------------------------------
# Keyboard neighbours for typos
# --------------------------------------------------------------------------
def _neigh(rows):
    n = defaultdict(set)
    for r in rows:
        for i, c in enumerate(r):
            if i > 0:
                n[c].add(r[i - 1])
            if i + 1 < len(r):
                n[c].add(r[i + 1])
    for a in range(len(rows) - 1):
        for i, c in enumerate(rows[a]):
            for j in (i, i + 1, i - 1):
                if 0 <= j < len(rows[a + 1]):
                    n[c].add(rows[a + 1][j]); n[rows[a + 1][j]].add(c)
    return {k: sorted(v) for k, v in n.items()}


KB_UA = _neigh(["йцукенгшщзхї", "фівапролджє", "ячсмитьбю"])
KB_RU = _neigh(["йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"])
KB_LAT = _neigh(["qwertyuiop", "asdfghjkl", "zxcvbnm"])
CONF_UA = [("и", "і"), ("е", "є"), ("і", "ї"), ("и", "е"), ("г", "ґ"), ("о", "а")]
CONF_RU = [("и", "ы"), ("о", "а"), ("е", "и"), ("е", "э"), ("ё", "е"), ("ц", "тс")]
CONF_BY = [("і", "ы"), ("а", "о"), ("ў", "в"), ("э", "е"), ("дз", "д"), ("ц", "т")]
CONF_LAT = [("y", "i"), ("k", "c"), ("v", "w"), ("kh", "h"), ("ii", "iy"), ("ia", "ya"), ("ts", "tz")]


def typo(rng, s, kb, conf):
    if len(s) < 3:
        return s
    r = rng.random()
    if r < 0.25:
        pairs = [(a, b) for a, b in conf if a in s[1:].lower()] + [(b, a) for a, b in conf if b in s[1:].lower()]
        if pairs:
            a, b = rng.choice(pairs)
            pos = s.lower().find(a, 1)
            return s[:pos] + b + s[pos + len(a):]
    i = rng.randrange(1, len(s))
    c = s[i]
    if r < 0.6:
        nb = kb.get(c.lower())
        if nb:
            return s[:i] + rng.choice(nb) + s[i + 1:]
    if r < 0.8:
        return s[:i] + s[i + 1:]
    if r < 0.9:
        return s[:i] + c + s[i:]
    if i + 1 < len(s):
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    return s[:i] + s[i + 1:]


def wchoice(rng, items, weights):
    return rng.choices(items, weights=weights, k=1)[0]


def age_at(b, d):
    return d.year - b.year - ((d.month, d.day) < (b.month, b.day))


def rdate(rng, a, b):
    return a + dt.timedelta(days=rng.randrange((b - a).days + 1))


# --------------------------------------------------------------------------
# Population
# --------------------------------------------------------------------------
def parse_surnames():
    out = []
    for tok in SURNAMES.split():
        ua, ru, w = tok.split("|")
        out.append((ua, ru or ua_to_ru_default(ua), int(w)))
    return out


def fem(sur, lang):
    if lang == "ua":
        if sur.endswith("ський") or sur.endswith("цький"):
            return sur[:-2] + "ка"
        if sur.endswith("ий") or sur.endswith("ій"):
            return sur[:-2] + "а"
        if sur.endswith(("ов", "ев", "єв", "ін", "ин", "ьов", "йов")):
            return sur + "а"
        return sur
    if lang == "ru":
        if sur.endswith("ский") or sur.endswith("цкий"):
            return sur[:-2] + "ая"
        if sur.endswith("ый") or sur.endswith("ой") or sur.endswith("ий"):
            return sur[:-2] + "ая"
        if sur.endswith(("ов", "ев", "ёв", "ин", "ын")):
            return sur + "а"
        return sur
    return sur


def by_fem(by_m, ru_f):
    if ru_f.endswith("ая"):
        return ru_to_by(ru_f)
    if ru_f.endswith("а") and not by_m.endswith("а"):
        return (by_m[:-1] + "ва") if by_m.endswith("ў") else by_m + "а"
    return by_m


class Child:
    __slots__ = ("cid", "hh", "sex", "gi", "father", "sur_ua", "sur_ru", "birth", "home", "bplace", "twin_of", "namesake_of")


def build_population(rng, n):
    surs = parse_surnames()
    sw = [s[2] for s in surs]
    fw = [f[-1] for f in FATHERS]
    pw = [p[-1] for p in PLACES]
    bw = [b[-1] for b in BOYS]
    gw = [g[-1] for g in GIRLS]
    lo, hi = D(2005, 9, 1), D(2022, 8, 31)
    children = []
    households = []
    hh = 0
    while len(children) < n:
        hh += 1
        if households and rng.random() < 0.12:
            # a relatives' household: same surname and town, another father
            base = rng.choice(households)
            sur, home = base[0], base[1]
        else:
            sur = wchoice(rng, surs, sw)
            home = wchoice(rng, PLACES, pw)
        father = wchoice(rng, FATHERS, fw)
        households.append((sur, home))
        k = wchoice(rng, [1, 2, 3, 4, 5, 6], [42, 33, 15, 6, 3, 1])
        first = rdate(rng, lo, hi)
        births = []
        d = first
        used = set()
        for j in range(k):
            if j > 0:
                r = rng.random()
                if r < 0.03:
                    pass  # twin: same date
                else:
                    d = d + dt.timedelta(days=rng.randint(330, 2300))
            if d > hi:
                break
            births.append(d)
        prev = None
        for j, bd in enumerate(births):
            if len(children) >= n:
                break
            c = Child()
            c.cid = "C%06d" % (len(children) + 1)
            c.hh = hh
            c.sex = "m" if rng.random() < 0.51 else "f"
            pool, w = (BOYS, bw) if c.sex == "m" else (GIRLS, gw)
            for _ in range(20):
                gi = wchoice(rng, pool, w)
                if gi[1] not in used:
                    break
            used.add(gi[1])
            c.gi = gi
            c.father = father
            c.sur_ua, c.sur_ru = sur[0], sur[1]
            c.birth = bd
            c.home = home
            r = rng.random()
            if r < 0.72:
                c.bplace = home
            elif r < 0.92:
                c.bplace = PLACE_BY_UA.get(OBL_CENTRE[home[2]], home)
            else:
                c.bplace = wchoice(rng, PLACES, pw)
            c.twin_of = prev.cid if prev is not None and prev.birth == bd else None
            c.namesake_of = None
            children.append(c)
            prev = c
    # explicit namesakes: another household in the same town, same surname and
    # given name, born the same year (hard negatives)
    extra = int(n * 0.015)
    for j in range(extra):
        if not children:
            break
        src = rng.choice(children[: n - extra]) if n > extra else children[0]
        c = Child()
        hh += 1
        c.hh = hh
        c.sex, c.gi, c.sur_ua, c.sur_ru, c.home = src.sex, src.gi, src.sur_ua, src.sur_ru, src.home
        c.father = wchoice(rng, FATHERS, fw)
        c.birth = max(D(src.birth.year, 1, 1), min(D(src.birth.year, 12, 28), src.birth + dt.timedelta(days=rng.randint(-200, 200))))
        if c.birth > hi:
            c.birth = hi
        c.bplace = src.bplace if rng.random() < 0.8 else src.home
        c.twin_of = None
        c.namesake_of = src.cid
        # replace the last non-namesake child to keep N
        idx = n - 1 - j
        c.cid = children[idx].cid
        children[idx] = c
    for i, c in enumerate(children):
        if c.namesake_of is None:
            c.twin_of = None
            if i > 0 and children[i - 1].hh == c.hh and children[i - 1].birth == c.birth:
                c.twin_of = children[i - 1].cid
    return children


# --------------------------------------------------------------------------
# Name forms per child
# --------------------------------------------------------------------------
def forms(c, lang):
    """(surname, given, patronymic) in a language's form: ua, ru, by."""
    f = c.father
    if lang == "ua":
        s = c.sur_ua if c.sex == "m" else fem(c.sur_ua, "ua")
        return s, c.gi[0], f[1] if c.sex == "m" else f[2]
    if lang == "ru":
        s = c.sur_ru if c.sex == "m" else fem(c.sur_ru, "ru")
        return s, c.gi[1], f[4] if c.sex == "m" else f[5]
    bym = ru_to_by(c.sur_ru)
    s = bym if c.sex == "m" else by_fem(bym, fem(c.sur_ru, "ru"))
    return s, c.gi[2], f[6] if c.sex == "m" else f[7]


# --------------------------------------------------------------------------
# Date formatting and errors
# --------------------------------------------------------------------------
def fmt_date(d, style):
    if style == "dmy.":
        return "%02d.%02d.%d" % (d.day, d.month, d.year)
    if style == "dmy/":
        return "%02d/%02d/%d" % (d.day, d.month, d.year)
    if style == "mdy/":
        return "%02d/%02d/%d" % (d.month, d.day, d.year)
    if style == "iso":
        return d.isoformat()
    if style == "cz":
        return "%d. %d. %d" % (d.day, d.month, d.year)
    raise ValueError(style)


def date_error(rng, d):
    """A wrong but valid date, or None when the error can't apply."""
    r = rng.random()
    if r < 0.4 and d.day <= 12 and d.day != d.month:
        return D(d.year, d.day, d.month), "dm_swap"
    if r < 0.6:
        try:
            return d.replace(year=d.year + rng.choice([-1, 1])), "year"
        except ValueError:
            return d + dt.timedelta(days=365), "year"
    if r < 0.8:
        # a digit of the day mistyped
        nd = d.day + rng.choice([-10, -1, 1, 10])
        if 1 <= nd <= 28:
            return d.replace(day=nd), "day"
        return d + dt.timedelta(days=1), "day"
    nm = d.month + rng.choice([-1, 1])
    if 1 <= nm <= 12:
        try:
            return d.replace(month=nm), "month"
        except ValueError:
            pass
    return d + dt.timedelta(days=30), "month"


class Stats:
    def __init__(self):
        self.errors = defaultdict(Counter)     # file -> n errors -> count
        self.kinds = defaultdict(Counter)      # file -> kind -> count
        self.sys = defaultdict(Counter)        # file -> systematic variation -> count

    def nerr(self, rng, probs):
        return wchoice(rng, [0, 1, 2, 3], probs)


# --------------------------------------------------------------------------
# List 1: Ukrainian regional children's service (separate columns)
# --------------------------------------------------------------------------
CATEGORIES = ["дитина, депортована/примусово переміщена", "дитина-сирота", "дитина, позбавлена батьківського піклування",
              "дитина, розлучена з сім'єю", "зникла безвісти", "дитина, депортована/примусово переміщена"]
SERVICES = ["ССД Донецької ОВА", "ССД Луганської ОВА", "ССД Запорізької ОВА", "ССД Херсонської ОВА",
            "ССД Харківської ОВА", "Нацсоцслужба", "ССД м. Маріуполь", "ССД м. Мелітополь"]


def ua_place(rng, p, full=True):
    r = rng.random()
    if p[2] in ("АР Крим", "м. Севастополь"):
        obl = "АР Крим" if p[2] == "АР Крим" else ""
    else:
        obl = p[2] + " обл."
    if r < 0.35 and full and obl:
        return "%s, м. %s" % (obl, p[0])
    if r < 0.55 and obl:
        return "м. %s, %s" % (p[0], obl)
    if r < 0.8:
        return "м. " + p[0]
    return p[0]


def make_ua(rng, kids, st, fname):
    rows = []
    for c, dup in kids:
        sur, giv, pat = forms(c, "ua")
        kinds = []
        if rng.random() < 0.03:
            giv = c.gi[1] if c.gi[1] != giv else giv  # Russian form of the given name
            st.sys[fname]["given: Russian form"] += 1
        if rng.random() < 0.02:
            giv = c.gi[4]
            st.sys[fname]["given: diminutive as name"] += 1
        apos = rng.choice(["'", "’", "ʼ", "'"])
        sur, giv, pat = (x.replace("'", apos) for x in (sur, giv, pat))
        if rng.random() < 0.06:
            pat = ""
            st.sys[fname]["patronymic empty"] += 1
        bd = c.birth
        bds = fmt_date(bd, "dmy.")
        sex = "ч" if c.sex == "m" else "ж"
        bp = ua_place(rng, c.bplace)
        home = ua_place(rng, c.home)
        if rng.random() < 0.1:
            bp = ""
            st.sys[fname]["birth place empty"] += 1
        ne = st.nerr(rng, [82, 14, 3.5, 0.5])
        for _ in range(ne):
            k = wchoice(rng, ["sur", "giv", "pat", "date", "swapcols", "place", "yearonly"], [30, 18, 8, 26, 4, 8, 6])
            if k == "sur":
                sur = typo(rng, sur, KB_UA, CONF_UA)
            elif k == "giv":
                giv = typo(rng, giv, KB_UA, CONF_UA)
            elif k == "pat":
                pat = typo(rng, pat, KB_UA, CONF_UA) if pat else pat
            elif k == "date":
                bd, sub = date_error(rng, bd)
                bds = fmt_date(bd, "dmy.")
                k = "date:" + sub
            elif k == "swapcols":
                sur, giv = giv, sur
            elif k == "place":
                home = ua_place(rng, wchoice(rng, PLACES, [p[-1] for p in PLACES]))
            elif k == "yearonly":
                bds = str(bd.year)
            kinds.append(k)
        st.errors[fname][len(kinds)] += 1
        for k in kinds:
            st.kinds[fname][k] += 1
        entered = rdate(rng, D(2022, 3, 1), D(2024, 11, 30))
        rows.append([c.cid, sur, giv, pat, bds, sex, bp, home, rng.choice(CATEGORIES),
                     fmt_date(entered, "dmy."), rng.choice(SERVICES)])
    rows.sort(key=lambda r: (r[1], r[2], r[3]))
    ids = rng.sample(range(10000, 99999), len(rows))
    out, truth = [], []
    for r, i in zip(rows, ids):
        rid = "%s-%05d" % (rng.choice(["ДН", "ЛГ", "ЗП", "ХС", "ХК"]), i)
        truth.append(r[0])
        out.append([rid] + r[1:])
    # ids are unique: the five-digit numbers are drawn without replacement
    header = ["Номер запису", "Прізвище", "Ім'я", "По батькові", "Дата народження", "Стать",
              "Місце народження", "Місце проживання", "Категорія", "Дата внесення", "Служба"]
    return header, out, truth


# --------------------------------------------------------------------------
# List 2: Russian-installed administration's placement / adoption list
# --------------------------------------------------------------------------
FORMS = [("опека (попечительство)", 50), ("приемная семья", 20), ("усыновление", 22), ("организация для детей-сирот", 8)]


def make_ru(rng, kids, st, fname):
    rows = []
    for c, dup in kids:
        sur, giv, pat = forms(c, "ru")
        form = wchoice(rng, [f[0] for f in FORMS], [f[1] for f in FORMS])
        region, city = rng.choice(RU_REGIONS)
        bd = c.birth
        bplace_ru = PLACE_BY_UA[c.bplace[0]] if c.bplace[0] in PLACE_BY_UA else c.bplace
        bp = bplace_ru[1]
        subj = bplace_ru[3]
        notes = []
        if rng.random() < 0.04:
            # clerk copied the Ukrainian document letter by letter
            u = forms(c, "ua")
            sur, giv, pat = (x.replace("і", "и").replace("ї", "и").replace("є", "е").replace("'", "") for x in u)
            st.sys[fname]["Ukrainian spelling copied"] += 1
        if form == "усыновление":
            if rng.random() < 0.6:
                old = sur
                sur = rng.choice(ADOPTER_SURNAMES)
                if c.sex == "f":
                    sur = fem(sur, "ru")
                st.sys[fname]["adoption: new surname"] += 1
                if rng.random() < 0.35:
                    notes.append("прежняя фамилия — " + old)
                    st.sys[fname]["adoption: old surname noted"] += 1
            if rng.random() < 0.45:
                f = rng.choice(FATHERS)
                pat = f[4] if c.sex == "m" else f[5]
                st.sys[fname]["adoption: new patronymic"] += 1
            if rng.random() < 0.3:
                bp = city
                subj = ""
                st.sys[fname]["adoption: birth place changed"] += 1
            if rng.random() < 0.06:
                bd = bd + dt.timedelta(days=rng.randint(-120, 120))
                if bd > D(2022, 8, 31):
                    bd = D(2022, 8, 31)
                st.sys[fname]["adoption: birth date changed"] += 1
            if rng.random() < 0.05:
                pool = BOYS if c.sex == "m" else GIRLS
                giv = rng.choice(pool)[1]
                st.sys[fname]["adoption: given name changed"] += 1
        if rng.random() < 0.05:
            giv = c.gi[3]
            st.sys[fname]["given: diminutive as name"] += 1
        if rng.random() < 0.08:
            pat = ""
            st.sys[fname]["patronymic empty"] += 1
        if rng.random() < 0.5:
            sur, giv, pat = (x.replace("ё", "е") for x in (sur, giv, pat))
        bds = fmt_date(bd, "dmy.")
        kinds = []
        ne = st.nerr(rng, [74, 20, 5, 1])
        order = "sgp"
        for _ in range(ne):
            k = wchoice(rng, ["sur", "giv", "pat", "date", "order", "yearonly", "place", "sex"], [28, 16, 8, 26, 8, 5, 6, 3])
            if k == "sur":
                sur = typo(rng, sur, KB_RU, CONF_RU)
            elif k == "giv":
                giv = typo(rng, giv, KB_RU, CONF_RU)
            elif k == "pat":
                pat = typo(rng, pat, KB_RU, CONF_RU) if pat else pat
            elif k == "date":
                bd, sub = date_error(rng, bd)
                bds = fmt_date(bd, "dmy.")
                k = "date:" + sub
            elif k == "order":
                order = rng.choice(["gps", "gs"])
            elif k == "yearonly":
                bds = "%d г.р." % bd.year
            elif k == "place":
                bp = typo(rng, bp, KB_RU, CONF_RU)
            elif k == "sex":
                pass
            kinds.append(k)
        st.errors[fname][len(kinds)] += 1
        for k in kinds:
            st.kinds[fname][k] += 1
        if order == "sgp":
            fio = " ".join(x for x in (sur, giv, pat) if x)
        elif order == "gps":
            fio = " ".join(x for x in (giv, pat, sur) if x)
        else:
            fio = giv + " " + sur
        sex = "муж" if c.sex == "m" else "жен"
        if "sex" in kinds:
            sex = "жен" if sex == "муж" else "муж"
        r = rng.random()
        if subj and r < 0.4:
            bplace_s = "г. %s, %s" % (bp, subj)
        elif subj and r < 0.55:
            bplace_s = "%s, г. %s" % (subj, bp)
        elif r < 0.85:
            bplace_s = "г. " + bp
        else:
            bplace_s = bp
        home = PLACE_BY_UA[c.home[0]]
        from_s = "%s, %s" % (home[3], home[1]) if rng.random() < 0.5 else "г. " + home[1]
        placed = rdate(rng, D(2022, 5, 1), D(2024, 12, 20))
        rows.append([c.cid, fio, bds, sex, bplace_s, from_s, form, region, fmt_date(placed, "dmy."), "; ".join(notes)])
    rng.shuffle(rows)
    rows.sort(key=lambda r: r[7])
    header = ["№ п/п", "ФИО ребенка", "Дата рождения", "Пол", "Место рождения", "Откуда прибыл",
              "Форма устройства", "Субъект РФ", "Дата устройства", "Примечание"]
    out, truth = [], []
    for i, r in enumerate(rows, 1):
        truth.append(r[0])
        out.append([str(i)] + r[1:])
    return header, out, truth


# --------------------------------------------------------------------------
# List 3: Belarusian sanatorium list (Belarusian or Russian per clerk)
# --------------------------------------------------------------------------
def make_by(rng, kids, st, fname):
    rows = []
    for c, dup in kids:
        arrival = rdate(rng, D(2022, 6, 1), D(2023, 10, 31))
        by_clerk = rng.random() < 0.65
        if by_clerk:
            sur, giv, pat = forms(c, "by")
            st.sys[fname]["Belarusian spelling"] += 1
            pl = PLACE_BY_UA[c.home[0]][4]
        else:
            sur, giv, pat = forms(c, "ru")
            pl = PLACE_BY_UA[c.home[0]][1]
        if rng.random() < 0.07:
            giv = c.gi[3]
            st.sys[fname]["given: diminutive as name"] += 1
        if rng.random() < 0.25:
            pat = ""
            st.sys[fname]["patronymic empty"] += 1
        bd = c.birth
        r = rng.random()
        age = str(age_at(bd, arrival))
        if r < 0.55:
            bds = fmt_date(bd, "dmy.")
        elif r < 0.85:
            bds = str(bd.year)
            st.sys[fname]["birth: year only"] += 1
        else:
            bds = ""
            st.sys[fname]["birth: empty, age only"] += 1
        kinds = []
        ne = st.nerr(rng, [72, 21, 6, 1])
        for _ in range(ne):
            k = wchoice(rng, ["sur", "giv", "date", "age", "swapcols", "place"], [30, 18, 20, 12, 6, 8])
            if k == "sur":
                sur = typo(rng, sur, KB_RU, CONF_BY)
            elif k == "giv":
                giv = typo(rng, giv, KB_RU, CONF_BY)
            elif k == "date":
                if len(bds) == 10:
                    nbd, sub = date_error(rng, bd)
                    bds = fmt_date(nbd, "dmy.")
                    k = "date:" + sub
                elif bds:
                    bds = str(bd.year + rng.choice([-1, 1]))
                    k = "date:year"
                else:
                    k = "age"
            if k == "age":
                age = str(max(0, int(age) + rng.choice([-1, 1])))
            elif k == "swapcols":
                sur, giv = giv, sur
            elif k == "place":
                pl = ""
            kinds.append(k)
        st.errors[fname][len(kinds)] += 1
        for k in kinds:
            st.kinds[fname][k] += 1
        lnr = PLACE_BY_UA[c.home[0]][3]
        if pl:
            pl = "г. " + pl + (", " + lnr if rng.random() < 0.5 else "")
        note = "%s, заезд %d" % (rng.choice(BY_SANATORIA), rng.randint(1, 14))
        rows.append([c.cid, sur, giv, pat, bds, age, pl, fmt_date(arrival, "dmy."), note])
    rows.sort(key=lambda r: (r[7][6:], r[7][3:5], r[7][:2], r[8]))
    header = ["№", "Прозвішча", "Імя", "Імя па бацьку", "Дата нараджэння", "Узрост",
              "Адкуль прыбыў", "Дата заезду", "Заўвагі"]
    out, truth = [], []
    for i, r in enumerate(rows, 1):
        truth.append(r[0])
        out.append([str(i)] + r[1:])
    return header, out, truth


# --------------------------------------------------------------------------
# List 4 / latin mode: NGO intake, per-caseworker transliteration
# --------------------------------------------------------------------------
# name, language of the source form, scheme for surname, scheme for given,
# name order, DOB format, English given name?, diminutive rate, weight
CASEWORKERS = [
    ("O. Kovalenko (Lviv)", "ua", "kmu", "kmu", "S G P", "dmy.", False, 0.02, 20),
    ("M. Nowak (Przemyśl)", "ua", "pl_ua", "pl_ua", "G S", "dmy.", False, 0.05, 14),
    ("A. Wiśniewska (Warszawa)", "ru", "pl_ru", "pl_ru", "S G", "dmy.", False, 0.05, 8),
    ("K. Wagner (Berlin)", "ua", "de_ua", "de_ua", "S, G", "dmy.", False, 0.03, 9),
    ("J. Miller (Geneva)", "ru", "en_ru", "en_ru", "G S", "mdy/", True, 0.10, 10),
    ("A. Dupont (Paris)", "ru", "fr_ru", "fr_ru", "SURNAME G", "dmy/", False, 0.05, 5),
    ("C. Martin (Lyon)", "ua", "fr_ua", "fr_ua", "SURNAME G", "dmy/", False, 0.03, 3),
    ("P. Novák (Praha)", "ua", "cz_ua", "cz_ua", "S G", "cz", False, 0.03, 6),
    ("I. Popescu (Chișinău)", "ru", "icao_ru", "icao_ru", "SURNAME G P", "iso", False, 0.02, 8),
    ("T. Smith (Kyiv)", "ua", "bgn_ua", "bgn_ua", "G P S", "mdy/", True, 0.08, 8),
    ("R. Hrytsenko (Dnipro)", "ua", "old_ua", "old_ua", "S G P", "dmy.", False, 0.02, 6),
    ("L. Brown (London)", "ru", "bgn_ru", "bgn_ru", "G S", "dmy/", False, 0.04, 4),
    ("A. Kalinoŭski (Vilnius)", "by", "lacinka", "lacinka", "S G", "iso", False, 0.02, 4),
    ("V. Hlebka (Warszawa)", "by", "by_pass", "by_pass", "S G P", "dmy.", False, 0.03, 3),
]
CW_W = [c[-1] for c in CASEWORKERS]
COUNTRIES = ["Poland", "Germany", "Ukraine (Kyiv)", "Moldova", "Lithuania", "Czechia", "France", "Russia (unknown)",
             "Belarus (unknown)", "Georgia", "Estonia"]


def place_latin(c_place, cw):
    p = PLACE_BY_UA[c_place[0]]
    lang, scheme = cw[1], cw[2]
    name = p[0] if lang == "ua" else (p[1] if lang == "ru" else p[4])
    return translit(name, scheme), p


def latin_record(rng, c, cw, st, fname, probs, place_of="home"):
    lang = cw[1]
    sur, giv, pat = forms(c, lang)
    if rng.random() < cw[7]:
        giv = c.gi[3] if lang != "ua" else c.gi[4]
        st.sys[fname]["given: diminutive as name"] += 1
    S = translit(sur, cw[2])
    G = translit(giv, cw[3])
    P = translit(pat, cw[2])
    if cw[6] and c.gi[5] and rng.random() < 0.35:
        G = c.gi[5]
        st.sys[fname]["given: English equivalent"] += 1
    bd = c.birth
    kinds = []
    drop = set()
    ne = st.nerr(rng, probs)
    dstyle = cw[5]
    for _ in range(ne):
        k = wchoice(rng, ["sur", "giv", "date", "dm_reader", "yearonly", "nodob", "swap", "place", "drop_pat"],
                    [30, 20, 16, 6, 5, 6, 6, 6, 5])
        if k == "sur":
            S = typo(rng, S, KB_LAT, CONF_LAT)
        elif k == "giv":
            G = typo(rng, G, KB_LAT, CONF_LAT)
        elif k == "date":
            bd, sub = date_error(rng, bd)
            k = "date:" + sub
        elif k == "dm_reader":
            # the caseworker wrote the other day/month order than the usual one
            dstyle = {"dmy.": "mdy/", "dmy/": "mdy/", "mdy/": "dmy/", "iso": "dmy/", "cz": "mdy/"}[dstyle]
        elif k in ("yearonly", "nodob", "place", "drop_pat"):
            drop.add(k)
        elif k == "swap":
            drop.add("swap")
        kinds.append(k)
    st.errors[fname][len(kinds)] += 1
    for k in kinds:
        st.kinds[fname][k] += 1
    if "drop_pat" in drop:
        P = ""
    intake = rdate(rng, D(2022, 4, 1), D(2025, 6, 30))
    age = ""
    if "nodob" in drop:
        dobs = ""
        age = str(age_at(c.birth, intake))
    elif "yearonly" in drop:
        dobs = str(bd.year)
    else:
        dobs = fmt_date(bd, dstyle)
    place, p = place_latin(c.home if place_of == "home" else c.bplace, cw)
    if "place" in drop:
        place = ""
    elif rng.random() < 0.3:
        place += ", " + OBL_LAT[p[2]] + (" Oblast" if rng.random() < 0.6 else " region")
    sex = ("M" if c.sex == "m" else "F") if rng.random() < 0.92 else ""
    return S, G, P, dobs, age, intake, place, sex, ("swap" in drop)


def full_name(rng, order, S, G, P, swapped):
    with_p = "P" in order and P
    if swapped:
        S, G = G, S
    if order == "S G P":
        return " ".join(x for x in (S, G, P if with_p else "") if x)
    if order == "G P S":
        return " ".join(x for x in (G, P if with_p else "", S) if x)
    if order == "S, G":
        return "%s, %s" % (S, G)
    if order == "G S":
        return "%s %s" % (G, S)
    if order == "S G":
        return "%s %s" % (S, G)
    if order.startswith("SURNAME"):
        return " ".join(x for x in (S.upper(), G, P if with_p else "") if x)
    raise ValueError(order)


def make_ngo(rng, kids, st, fname):
    rows = []
    for c, dup in kids:
        cw = wchoice(rng, CASEWORKERS, CW_W)
        S, G, P, dobs, age, intake, place, sex, swapped = latin_record(rng, c, cw, st, fname, [64, 26, 8, 2])
        if rng.random() < 0.5:
            P = ""
        name = full_name(rng, cw[4], S, G, P, swapped)
        notes = ""
        if rng.random() < 0.3:
            notes = rng.choice(["with sibling", "returned via Belarus", "via Poland, with grandmother",
                                "name as told by the child", "no documents", "documents: birth certificate (copy)",
                                "mother deceased", "brought by aunt, %s" % rng.choice(COUNTRIES)])
        rows.append([c.cid, cw[0], name, sex, dobs, age, intake.isoformat(), place, rng.choice(COUNTRIES), notes])
    rng.shuffle(rows)
    header = ["Child ID", "Caseworker", "Full name", "Sex", "DOB", "Age", "Registration date",
              "Place of origin", "Current location", "Notes"]
    ids = rng.sample(range(100000, 999999), len(rows))
    out, truth = [], []
    for r, i in zip(rows, ids):
        truth.append(r[0])
        out.append(["UA-%d-%06d" % (2022 + i % 4, i)] + r[1:])
    return header, out, truth


def make_latin(rng, kids, st, fname):
    rows = []
    for c, dup in kids:
        cw = wchoice(rng, CASEWORKERS, CW_W)
        S, G, P, dobs, age, intake, place, sex, swapped = latin_record(rng, c, cw, st, fname, [66, 25, 8, 1], "birth")
        if rng.random() < 0.4:
            P = ""
        if swapped:
            S, G = G, S
        if rng.random() < 0.04:
            # whole name typed into the surname column
            S = full_name(rng, rng.choice(["S G", "G S", "SURNAME G"]), S, G, "", False)
            G = ""
            st.sys[fname]["full name in surname column"] += 1
        elif rng.random() < 0.15:
            S = S.upper()
        if not dobs and age:
            dobs = "age %s" % age if rng.random() < 0.5 else ""
            if not dobs:
                st.sys[fname]["no DOB, no age"] += 1
        if place and rng.random() < 0.12:
            place = ""
            st.sys[fname]["place of birth empty"] += 1
        rows.append([c.cid, S, G, P, sex, dobs, place, cw[0].split("(")[1].rstrip(")"),
                     fmt_date(intake, "dmy.")])
    rng.shuffle(rows)
    header = ["No", "Last name", "First name", "Middle name", "Sex", "Date of birth", "Place of birth",
              "Office", "Registration date"]
    out, truth = [], []
    for i, r in enumerate(rows, 1):
        truth.append(r[0])
        out.append([str(i)] + r[1:])
    return header, out, truth


# --------------------------------------------------------------------------
# Writing and checking
# --------------------------------------------------------------------------
FORMATS = {
    # file name: (delimiter, BOM, line terminator, quoting)
    "ua_children_service.csv": (",", False, "\r\n", csv.QUOTE_MINIMAL),
    "ru_placement.csv": (";", True, "\r\n", csv.QUOTE_MINIMAL),
    "by_sanatorium.tsv": ("\t", False, "\n", csv.QUOTE_MINIMAL),
    "ngo_intake.csv": (",", False, "\n", csv.QUOTE_ALL),
    "intake_offices.csv": (";", True, "\r\n", csv.QUOTE_MINIMAL),
}


def write_list(out, fname, header, rows):
    delim, bom, term, quoting = FORMATS[fname]
    with open(os.path.join(out, fname), "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        w = csv.writer(f, delimiter=delim, lineterminator=term, quoting=quoting)
        w.writerow(header)
        w.writerows(rows)


def read_back(out, fname):
    delim, bom, term, quoting = FORMATS[fname]
    with open(os.path.join(out, fname), encoding="utf-8-sig", newline="") as f:
        raw = f.read()
    if bom:
        with open(os.path.join(out, fname), "rb") as fb:
            assert fb.read(3) == b"\xef\xbb\xbf", fname + ": BOM missing"
    rows = list(csv.reader(io.StringIO(raw), delimiter=delim))
    return rows[0], rows[1:]


def pick(rng, children, p_of, dup_p):
    """Children on a list with in-list duplicate records: [(child, dup_index)]."""
    kids = []
    for c in children:
        if p_of(c):
            kids.append((c, 0))
            r = rng.random()
            if r < dup_p[0]:
                kids.append((c, 1))
            if r < dup_p[1]:
                kids.append((c, 2))
    return kids


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--children", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--mode", choices=["cross", "latin"], default="cross")
    a = ap.parse_args()
    rng = random.Random(a.seed * 7919 + (1 if a.mode == "latin" else 0))
    os.makedirs(a.out, exist_ok=True)
    children = build_population(rng, a.children)
    st = Stats()
    lists = {}
    if a.mode == "cross":
        # household fates: a household is mostly on lists together
        hh_fate = {}
        fates = {}
        for c in children:
            if c.hh not in hh_fate:
                luh = c.home[2] in ("Луганська",)
                hh_fate[c.hh] = (rng.random() < 0.55, rng.random() < 0.32,
                                 rng.random() < (0.24 if luh else 0.10), rng.random() < 0.25)
        for c in children:
            f = hh_fate[c.hh]
            if rng.random() < 0.25:
                luh = c.home[2] == "Луганська"
                f = (rng.random() < 0.55, rng.random() < 0.32, rng.random() < (0.24 if luh else 0.10), rng.random() < 0.25)
            fates[c.cid] = f
        specs = [
            ("ua_children_service.csv", make_ua, 0, (0.025, 0.003)),
            ("ru_placement.csv", make_ru, 1, (0.01, 0.0)),
            ("by_sanatorium.tsv", make_by, 2, (0.02, 0.0)),
            ("ngo_intake.csv", make_ngo, 3, (0.07, 0.01)),
        ]
        for fname, fn, idx, dup in specs:
            kids = pick(rng, children, lambda c, idx=idx: fates[c.cid][idx], dup)
            lists[fname] = fn(rng, kids, st, fname)
    else:
        kids = pick(rng, children, lambda c: True, (0.19, 0.04))
        lists["intake_offices.csv"] = make_latin(rng, kids, st, "intake_offices.csv")

    truth_rows = []
    for fname, (header, rows, truth) in lists.items():
        write_list(a.out, fname, header, rows)
        for r, t in zip(rows, truth):
            truth_rows.append((fname, r[0], t))
    with open(os.path.join(a.out, "truth.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["file", "record_id", "child_id"])
        w.writerows(truth_rows)

    # ---- read back and check
    with open(os.path.join(a.out, "truth.csv"), encoding="utf-8", newline="") as f:
        tr = list(csv.reader(f))[1:]
    tmap = {}
    for fi, rid, cid in tr:
        assert (fi, rid) not in tmap, "duplicate truth row %s %s" % (fi, rid)
        tmap[(fi, rid)] = cid
    per_file_child = defaultdict(lambda: defaultdict(int))
    for fname in lists:
        header, rows = read_back(a.out, fname)
        assert header == lists[fname][0], fname + ": header changed"
        seen = set()
        for r in rows:
            assert len(r) == len(header), "%s: ragged row %r" % (fname, r)
            assert r[0] not in seen, "%s: duplicate id %s" % (fname, r[0])
            seen.add(r[0])
            assert (fname, r[0]) in tmap, "%s: record %s has no truth row" % (fname, r[0])
            per_file_child[fname][tmap[(fname, r[0])]] += 1
        assert len(seen) == sum(1 for k in tmap if k[0] == fname), fname + ": truth rows without a record"
    assert len(tmap) == sum(len(v[1]) for v in lists.values())

    # ---- report
    print("gen4 mode=%s seed=%d children=%d out=%s" % (a.mode, a.seed, a.children, a.out))
    hh = defaultdict(list)
    for c in children:
        hh[c.hh].append(c)
    sib = sum(len(v) * (len(v) - 1) // 2 for v in hh.values())
    twins = sum(1 for c in children if c.twin_of)
    nsk = sum(1 for c in children if c.namesake_of)
    by_sg = defaultdict(list)
    for c in children:
        by_sg[(c.sur_ua, c.sex, c.gi[0])].append(c)
    same_name = sum(len(v) * (len(v) - 1) // 2 for v in by_sg.values())
    same_name_year = 0
    same_name_year_town = 0
    for v in by_sg.values():
        cy = Counter(c.birth.year for c in v)
        same_name_year += sum(k * (k - 1) // 2 for k in cy.values())
        ct = Counter((c.birth.year, c.home[0]) for c in v)
        same_name_year_town += sum(k * (k - 1) // 2 for k in ct.values())
    print("population: %d households, %d sibling pairs, %d twin pairs, %d injected namesakes, "
          "%d same-surname-and-given pairs, %d of them born the same year, %d same year and town"
          % (len(hh), sib, twins, nsk, same_name, same_name_year, same_name_year_town))
    for fname in lists:
        n = sum(st.errors[fname].values())
        kids = per_file_child[fname]
        dpairs = sum(k * (k - 1) // 2 for k in kids.values())
        e = st.errors[fname]
        print("%-24s records %6d  children %6d  in-list dup pairs %5d  errors 0/1/2/3: %s"
              % (fname, n, len(kids), dpairs, " / ".join("%.1f%%" % (100.0 * e[i] / max(n, 1)) for i in range(4))))
        print("    error kinds: " + ", ".join("%s %d" % kv for kv in sorted(st.kinds[fname].items())))
        if st.sys[fname]:
            print("    systematic: " + ", ".join("%s %d (%.1f%%)" % (k, v, 100.0 * v / n) for k, v in sorted(st.sys[fname].items())))
    files = list(lists)
    if len(files) > 1:
        for i in range(len(files)):
            for j in range(i + 1, len(files)):
                a1, b1 = per_file_child[files[i]], per_file_child[files[j]]
                pairs = sum(a1[c] * b1[c] for c in a1 if c in b1)
                print("true pairs %s x %s: %d" % (files[i], files[j], pairs))
        on = Counter(sum(1 for f in files if c.cid in per_file_child[f]) for c in children)
        print("children on 0/1/2/3/4 lists: " + " / ".join(str(on[k]) for k in range(5)))


if __name__ == "__main__":
    main()
