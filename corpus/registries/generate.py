# Generates the three fictional child registries + TRUTH.csv for casefile's sample corpus.
import random, csv, datetime as dt, io
R = random.Random(20231117)
import os
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '')

# (uk, ru, latin national-2010, latin from-russian, informal/english)
BOYS = [
 ("Олександр","Александр","Oleksandr","Aleksandr","Alexander"),
 ("Олексій","Алексей","Oleksii","Aleksey","Alexei"),
 ("Микола","Николай","Mykola","Nikolay","Nikolai"),
 ("Андрій","Андрей","Andrii","Andrey","Andriy"),
 ("Дмитро","Дмитрий","Dmytro","Dmitriy","Dmitry"),
 ("Іван","Иван","Ivan","Ivan","Ivan"),
 ("Максим","Максим","Maksym","Maksim","Maxim"),
 ("Артем","Артём","Artem","Artyom","Artem"),
 ("Богдан","Богдан","Bohdan","Bogdan","Bogdan"),
 ("Владислав","Владислав","Vladyslav","Vladislav","Vlad"),
 ("Данило","Даниил","Danylo","Daniil","Danil"),
 ("Кирило","Кирилл","Kyrylo","Kirill","Kiril"),
 ("Матвій","Матвей","Matvii","Matvey","Matvei"),
 ("Назар","Назар","Nazar","Nazar","Nazar"),
 ("Тимофій","Тимофей","Tymofii","Timofey","Timothy"),
 ("Євген","Евгений","Yevhen","Evgeniy","Eugene"),
 ("Юрій","Юрий","Yurii","Yuriy","Yuri"),
 ("Михайло","Михаил","Mykhailo","Mikhail","Michael"),
 ("Сергій","Сергей","Serhii","Sergey","Sergei"),
 ("Ярослав","Ярослав","Yaroslav","Yaroslav","Jaroslav"),
 ("Георгій","Георгий","Heorhii","Georgiy","George"),
 ("Ілля","Илья","Illia","Ilya","Ilya"),
]
GIRLS = [
 ("Олена","Елена","Olena","Elena","Helen"),
 ("Анна","Анна","Anna","Anna","Anna"),
 ("Марія","Мария","Mariia","Mariya","Maria"),
 ("Софія","София","Sofiia","Sofiya","Sophia"),
 ("Вікторія","Виктория","Viktoriia","Viktoriya","Victoria"),
 ("Дарина","Дарина","Daryna","Darina","Darina"),
 ("Анастасія","Анастасия","Anastasiia","Anastasiya","Anastasia"),
 ("Поліна","Полина","Polina","Polina","Polina"),
 ("Катерина","Екатерина","Kateryna","Ekaterina","Katerina"),
 ("Ірина","Ирина","Iryna","Irina","Irina"),
 ("Юлія","Юлия","Yuliia","Yuliya","Julia"),
 ("Аліна","Алина","Alina","Alina","Alina"),
 ("Валерія","Валерия","Valeriia","Valeriya","Valeria"),
 ("Ольга","Ольга","Olha","Olga","Olga"),
 ("Тетяна","Татьяна","Tetiana","Tatyana","Tatiana"),
 ("Христина","Кристина","Khrystyna","Kristina","Christina"),
 ("Злата","Злата","Zlata","Zlata","Zlata"),
 ("Вероніка","Вероника","Veronika","Veronika","Veronica"),
 ("Мар'яна","Марьяна","Mariana","Maryana","Marianna"),
 ("Єлизавета","Елизавета","Yelyzaveta","Elizaveta","Elizabeth"),
]
# father names -> (uk masc patr, uk fem patr, ru masc, ru fem)
FATHERS = [
 ("Олександрович","Олександрівна","Александрович","Александровна"),
 ("Миколайович","Миколаївна","Николаевич","Николаевна"),
 ("Іванович","Іванівна","Иванович","Ивановна"),
 ("Сергійович","Сергіївна","Сергеевич","Сергеевна"),
 ("Вікторович","Вікторівна","Викторович","Викторовна"),
 ("Андрійович","Андріївна","Андреевич","Андреевна"),
 ("Юрійович","Юріївна","Юрьевич","Юрьевна"),
 ("Володимирович","Володимирівна","Владимирович","Владимировна"),
 ("Олегович","Олегівна","Олегович","Олеговна"),
 ("Петрович","Петрівна","Петрович","Петровна"),
 ("Віталійович","Віталіївна","Витальевич","Витальевна"),
 ("Романович","Романівна","Романович","Романовна"),
]
# surname: (uk masc, uk fem, ru masc, ru fem, latin national, latin from-russian, informal)
SURN = [
 ("Коваленко","Коваленко","Коваленко","Коваленко","Kovalenko","Kovalenko","Kowalenko"),
 ("Шевчук","Шевчук","Шевчук","Шевчук","Shevchuk","Shevchuk","Schewtschuk"),
 ("Мельник","Мельник","Мельник","Мельник","Melnyk","Melnik","Melnik"),
 ("Бондаренко","Бондаренко","Бондаренко","Бондаренко","Bondarenko","Bondarenko","Bondarenko"),
 ("Ткаченко","Ткаченко","Ткаченко","Ткаченко","Tkachenko","Tkachenko","Tkatchenko"),
 ("Кравченко","Кравченко","Кравченко","Кравченко","Kravchenko","Kravchenko","Krawtschenko"),
 ("Олійник","Олійник","Олейник","Олейник","Oliinyk","Oleynik","Oleinik"),
 ("Лисенко","Лисенко","Лысенко","Лысенко","Lysenko","Lysenko","Lissenko"),
 ("Гриценко","Гриценко","Гриценко","Гриценко","Hrytsenko","Gritsenko","Gritsenko"),
 ("Савчук","Савчук","Савчук","Савчук","Savchuk","Savchuk","Sawtschuk"),
 ("Руденко","Руденко","Руденко","Руденко","Rudenko","Rudenko","Rudenko"),
 ("Мороз","Мороз","Мороз","Мороз","Moroz","Moroz","Moroz"),
 ("Павленко","Павленко","Павленко","Павленко","Pavlenko","Pavlenko","Pawlenko"),
 ("Білоус","Білоус","Белоус","Белоус","Bilous","Belous","Bilous"),
 ("Левченко","Левченко","Левченко","Левченко","Levchenko","Levchenko","Lewtschenko"),
 ("Ковальчук","Ковальчук","Ковальчук","Ковальчук","Kovalchuk","Kovalchuk","Kowalczuk"),
 ("Поліщук","Поліщук","Полищук","Полищук","Polishchuk","Polishchuk","Polischuk"),
 ("Гончаренко","Гончаренко","Гончаренко","Гончаренко","Honcharenko","Goncharenko","Gontcharenko"),
 ("Сидоренко","Сидоренко","Сидоренко","Сидоренко","Sydorenko","Sidorenko","Sidorenko"),
 ("Литвиненко","Литвиненко","Литвиненко","Литвиненко","Lytvynenko","Litvinenko","Litvinenko"),
 ("Марченко","Марченко","Марченко","Марченко","Marchenko","Marchenko","Martchenko"),
 ("Приходько","Приходько","Приходько","Приходько","Prykhodko","Prikhodko","Prichodko"),
 ("Кузьменко","Кузьменко","Кузьменко","Кузьменко","Kuzmenko","Kuzmenko","Kusmenko"),
 ("Зінченко","Зінченко","Зинченко","Зинченко","Zinchenko","Zinchenko","Sintschenko"),
 ("Семенюк","Семенюк","Семенюк","Семенюк","Semeniuk","Semenyuk","Semenuik"),
 ("Пономаренко","Пономаренко","Пономаренко","Пономаренко","Ponomarenko","Ponomarenko","Ponomarenko"),
 ("Костенко","Костенко","Костенко","Костенко","Kostenko","Kostenko","Kostenko"),
 ("Юрченко","Юрченко","Юрченко","Юрченко","Yurchenko","Yurchenko","Jurtschenko"),
 ("Демченко","Демченко","Демченко","Демченко","Demchenko","Demchenko","Demtchenko"),
 ("Клименко","Клименко","Клименко","Клименко","Klymenko","Klimenko","Klimenko"),
 ("Вовк","Вовк","Вовк","Вовк","Vovk","Vovk","Wowk"),
 ("Білик","Білик","Белик","Белик","Bilyk","Belik","Bilik"),
 ("Гуменюк","Гуменюк","Гуменюк","Гуменюк","Humeniuk","Gumenyuk","Gumeniuk"),
 ("Соловйов","Соловйова","Соловьёв","Соловьёва","Soloviov","Solovyov","Soloviev"),
 ("Ігнатенко","Ігнатенко","Игнатенко","Игнатенко","Ihnatenko","Ignatenko","Ignatenko"),
 ("Осадчий","Осадча","Осадчий","Осадчая","Osadchyi","Osadchiy","Osadchy"),
 ("Кириленко","Кириленко","Кириленко","Кириленко","Kyrylenko","Kirilenko","Kirilenko"),
 ("Дячук","Дячук","Дьячук","Дьячук","Diachuk","Dyachuk","Dyachuk"),
 ("Заїка","Заїка","Заика","Заика","Zaika","Zaika","Zaika"),
 ("Лозовий","Лозова","Лозовой","Лозовая","Lozovyi","Lozovoy","Lozovy"),
 ("Яковенко","Яковенко","Яковенко","Яковенко","Yakovenko","Yakovenko","Jakowenko"),
 ("Харченко","Харченко","Харченко","Харченко","Kharchenko","Kharchenko","Charchenko"),
 ("Тимошенко","Тимошенко","Тимошенко","Тимошенко","Tymoshenko","Timoshenko","Timoschenko"),
 ("Петренко","Петренко","Петренко","Петренко","Petrenko","Petrenko","Petrenko"),
 ("Ничипорук","Ничипорук","Нечипорук","Нечипорук","Nychyporuk","Nechiporuk","Nichiporuk"),
 ("Кравець","Кравець","Кравец","Кравец","Kravets","Kravets","Krawetz"),
 ("Головко","Головко","Головко","Головко","Holovko","Golovko","Golowko"),
 ("Гребенюк","Гребенюк","Гребенюк","Гребенюк","Hrebeniuk","Grebenyuk","Grebeniuk"),
]
# (uk, ru, latin variants...)
PLACES = [
 ("м. Херсон","Херсон",["Kherson"]),
 ("м. Нова Каховка, Херсонська обл.","Новая Каховка",["Nova Kakhovka","Novaya Kakhovka"]),
 ("м. Каховка, Херсонська обл.","Каховка",["Kakhovka"]),
 ("м. Олешки, Херсонська обл.","Алешки",["Oleshky","Aleshki"]),
 ("м. Скадовськ","Скадовск",["Skadovsk"]),
 ("м. Маріуполь","Мариуполь",["Mariupol"]),
 ("м. Лисичанськ, Луганська обл.","Лисичанск",["Lysychansk","Lisichansk"]),
 ("м. Сєвєродонецьк","Северодонецк",["Sievierodonetsk","Severodonetsk"]),
 ("м. Рубіжне","Рубежное",["Rubizhne","Rubezhnoye"]),
 ("м. Мелітополь, Запорізька обл.","Мелитополь",["Melitopol"]),
 ("м. Бердянськ","Бердянск",["Berdiansk","Berdyansk"]),
 ("м. Енергодар","Энергодар",["Enerhodar","Energodar"]),
 ("м. Донецьк","Донецк",["Donetsk"]),
 ("м. Макіївка, Донецька обл.","Макеевка",["Makiivka","Makeyevka"]),
 ("м. Горлівка","Горловка",["Horlivka","Gorlovka"]),
 ("м. Антрацит, Луганська обл.","Антрацит",["Antratsyt","Antratsit"]),
 ("м. Ровеньки","Ровеньки",["Rovenky","Roven'ki"]),
 ("м. Старобільськ","Старобельск",["Starobilsk","Starobelsk"]),
 ("м. Василівка, Запорізька обл.","Васильевка",["Vasylivka","Vasilyevka"]),
 ("м. Ізюм, Харківська обл.","Изюм",["Izium","Izyum"]),
]
CIRC = ["вивезено на «оздоровлення» до Криму, не повернуто","вивезено з інтернатного закладу окупаційною владою",
        "розлучено з батьками під час фільтрації","вивезено до Білорусі, зв'язок втрачено","зв'язок втрачено після евакуації",
        "вивезено до табору в Росії","перебував(ла) у лікарні, вивезено разом з персоналом", ""]
CAMPS = [("ДОЛ «Берёзка», Солнечногорский г.о., Московская обл.","15.10.2022"),
         ("ДРОЦ «Дубрава», Жлобинский р-н, Гомельская обл.","20.07.2023"),
         ("ДОЛ «Солнечный берег», г. Евпатория","03.09.2022"),
         ("ДОЛ «Юность», г. Анапа","11.11.2022"),
         ("Санаторий «Подмосковье», Рузский г.о.","25.05.2022")]

def rdate(y0,y1):
    d0=dt.date(y0,1,1); d1=dt.date(y1,12,31)
    return d0+dt.timedelta(days=R.randrange((d1-d0).days))

def rdate2(d0,d1):
    return d0+dt.timedelta(days=R.randrange((d1-d0).days))

children=[]
used=set()
def new_child(sex=None, surname=None, place=None, dob=None, given=None, father=None):
    sex = sex or R.choice("MF")
    pool = BOYS if sex=="M" else GIRLS
    while True:
        g = given or R.choice(pool)
        s = surname or R.choice(SURN)
        if (g[0],s[0]) not in used or given: break
    used.add((g[0],s[0]))
    c = dict(sex=sex, given=g, sur=s, father=father or R.choice(FATHERS),
             dob=dob or rdate(2005,2017), place=place or R.choice(PLACES))
    c['note']=''
    children.append(c); return c

for _ in range(92): new_child()
# hard negatives: siblings (same surname, father, place, different given/dob)
for _ in range(3):
    ai = R.randrange(len(children)); a = children[ai]
    b = new_child(sex=R.choice("MF"), surname=a['sur'], place=a['place'], father=a['father']); b['note']='sibling of C%03d'%(ai+1)
# twins: same dob, surname, father, place; different given
a = children[5]; b = new_child(sex="F" if a['sex']=="M" else "M", surname=a['sur'], place=a['place'], father=a['father'], dob=a['dob']); b['note']='twin of C006'
a = children[11]; b = new_child(sex=a['sex'], surname=a['sur'], place=a['place'], father=a['father'], dob=a['dob'],
                            given=[g for g in (BOYS if a['sex']=="M" else GIRLS) if g!=a['given']][0]); b['note']='twin of C012'
# namesakes: same given+surname, different dob/place
a = children[20]; b = new_child(sex=a['sex'], surname=a['sur'], given=a['given']); b['note']='namesake of C021 (different child)'
a = children[33]; b = new_child(sex=a['sex'], surname=a['sur'], given=a['given'], father=a['father']); b['note']='namesake of C034, same patronymic (different child)'
assert len(children)>=98
N=len(children)
for i,c in enumerate(children): c['cid']="C%03d"%(i+1)

idx=list(range(N)); R.shuffle(idx)
# make sure the hard-negative extras (last 7) land in some lists
groups = dict(all3=idx[:20], uaru=idx[20:35], ualat=idx[35:45], rulat=idx[45:50],
              ua=idx[50:75], ru=idx[75:90], lat=idx[90:N])
in_ua = groups['all3']+groups['uaru']+groups['ualat']+groups['ua']
in_ru = groups['all3']+groups['uaru']+groups['rulat']+groups['ru']
in_lat= groups['all3']+groups['ualat']+groups['rulat']+groups['lat']

def typo_cyr(s):
    ops = R.choice(["swap","drop","sub","dup"])
    if len(s)<4: return s
    i = R.randrange(1,len(s)-1)
    if ops=="swap": return s[:i]+s[i+1]+s[i]+s[i+2:]
    if ops=="drop": return s[:i]+s[i+1:]
    if ops=="dup": return s[:i]+s[i]+s[i:]
    subs = {"е":"и","и":"е","о":"а","а":"о","і":"и","к":"г","н":"м","л":"п","т":"г","e":"a","a":"e","i":"y","y":"i","o":"a","k":"c","n":"m"}
    ch=s[i]; return s[:i]+subs.get(ch,ch)+s[i+1:]

def apostrophe(s):
    return s.replace("'", R.choice(["'","’","ʼ"]))

truth=[]
# --- Ukrainian list ---
ua_rows=[]
ua_ids=R.sample(range(1200,4999), 80)
for k,i in enumerate(in_ua):
    c=children[i]
    sur = c['sur'][0] if c['sex']=="M" else c['sur'][1]
    patr = c['father'][0] if c['sex']=="M" else c['father'][1]
    name = f"{sur} {c['given'][0]} {patr}"
    if R.random()<0.12: name = f"{sur} {c['given'][0]}"  # patronymic unknown
    name = apostrophe(name)
    dob = c['dob'].strftime("%d.%m.%Y")
    if R.random()<0.05: dob = ""
    rid="DV-%05d"%ua_ids[k]
    ua_rows.append([rid,name,dob,"ч" if c['sex']=="M" else "ж",c['place'][0],R.choice(CIRC),rdate2(dt.date(2022,3,15),dt.date(2024,2,28)).strftime("%d.%m.%Y")])
    truth.append((c['cid'],c['note'],"ua_missing",rid))
# within-list duplicates: two children reported twice (by different relatives) with slight differences
for i in [groups['ua'][0], groups['all3'][1]]:
    c=children[i]
    sur = c['sur'][0] if c['sex']=="M" else c['sur'][1]
    name = f"{sur} {c['given'][0]}"
    rid="DV-%05d"%ua_ids[len(ua_rows)]
    d=c['dob']; dob=f"{d.month:02d}.{d.day:02d}.{d.year}" if d.day<=12 else d.strftime("%d.%m.%Y")  # day/month swapped by operator
    ua_rows.append([rid,name,dob,"ч" if c['sex']=="M" else "ж",c['place'][0].replace("м. ",""),"повторне звернення (бабуся)",rdate2(dt.date(2023,1,10),dt.date(2024,2,28)).strftime("%d.%m.%Y")])
    truth.append((c['cid'],c['note'],"ua_missing",rid))
R.shuffle(ua_rows)

# --- Russian camp list ---
ru_rows=[]
ru_ids=R.sample(range(100,1500), 70)
def age_on(dob, on):
    return on.year-dob.year-((on.month,on.day)<(dob.month,dob.day))
for k,i in enumerate(in_ru):
    c=children[i]
    camp,listdate=R.choice(CAMPS)
    ld=dt.datetime.strptime(listdate,"%d.%m.%Y").date()
    if c['dob']>=ld - dt.timedelta(days=365*3): c['dob']=c['dob']  # young children fine
    age=age_on(c['dob'],ld)
    if age<3: age=3
    if R.random()<0.12: age += R.choice([-1,1])  # carer's estimate
    sur = c['sur'][2] if c['sex']=="M" else c['sur'][3]
    given = c['given'][1]
    if R.random()<0.18: sur=typo_cyr(sur)
    elif R.random()<0.08: given=typo_cyr(given)
    if given=="Артём" and R.random()<0.5: given="Артем"
    patr = (c['father'][2] if c['sex']=="M" else c['father'][3]) if R.random()<0.7 else ""
    place = c['place'][1]
    if R.random()<0.15: place = "ДНР" if "Донец" in c['place'][0] or c['place'][1] in ("Мариуполь","Макеевка","Горловка") else ("ЛНР" if c['place'][1] in ("Лисичанск","Северодонецк","Рубежное","Антрацит","Ровеньки","Старобельск") else place)
    rid="RU-%04d"%ru_ids[k]
    ru_rows.append([rid,sur,given,patr,str(age),"м" if c['sex']=="M" else "ж",place,camp,listdate])
    truth.append((c['cid'],c['note'],"ru_camp",rid))
# within-list duplicate: a child listed at two camps
c=children[groups['all3'][2]]
camp,listdate=[x for x in CAMPS if x[0]!=[r for r in ru_rows if r[0] in [tr[3] for tr in truth if tr[0]==c['cid']]][0][7]][0]
ld=dt.datetime.strptime(listdate,"%d.%m.%Y").date()
rid="RU-%04d"%ru_ids[len(ru_rows)]
ru_rows.append([rid,c['sur'][2] if c['sex']=="M" else c['sur'][3],c['given'][1],"",str(age_on(c['dob'],ld)),"м" if c['sex']=="M" else "ж",c['place'][1],camp,listdate])
truth.append((c['cid'],c['note'],"ru_camp",rid))
R.shuffle(ru_rows)
for n,r in enumerate(ru_rows): r.insert(0,str(n+1))

# --- Latin list ---
lat_rows=[]
lat_ids=R.sample(range(1,400), 60)
SOURCES=["adoption portal listing","news photo caption","volunteer report","social media post","camp photo album"]
for k,i in enumerate(in_lat):
    c=children[i]
    style=R.random()
    if style<0.45: g,s=c['given'][2],c['sur'][4]
    elif style<0.8: g,s=c['given'][3],c['sur'][5]
    else: g,s=c['given'][4],c['sur'][6]
    if c['sex']=="F" and c['sur'][1]!=c['sur'][0]:
        s={"Osadchyi":"Osadcha","Osadchiy":"Osadchaya","Osadchy":"Osadchaya","Lozovyi":"Lozova","Lozovoy":"Lozovaya","Lozovy":"Lozova",
           "Soloviov":"Soloviova","Solovyov":"Solovyova","Soloviev":"Solovieva"}.get(s,s)
    if R.random()<0.15: s=typo_cyr(s)
    r=R.random()
    if r<0.55: name=f"{g} {s}"
    elif r<0.8: name=f"{s.upper()} {g}"
    else: name=f"{s}, {g}"
    d=c['dob']; fr=R.random()
    if fr<0.4: dob=d.isoformat()
    elif fr<0.7: dob=d.strftime("%m/%d/%Y")
    elif fr<0.78 and d.day<=12: dob=f"{d.year}-{d.day:02d}-{d.month:02d}"  # transposed
    else: dob=""
    cap=rdate2(dt.date(2022,4,1),dt.date(2024,3,31))
    age = str(age_on(d,cap)) if (dob=="" and R.random()<0.7) else ""
    sex = "" if R.random()<0.2 else c['sex']
    loc = R.choice(c['place'][2])
    if R.random()<0.2: loc = R.choice(["Crimea","Moscow region","Belarus","Yevpatoria","Russia","Gomel region"])
    rid="web-%03d"%lat_ids[k]
    lat_rows.append([rid,name,dob,age,sex,loc,R.choice(SOURCES),cap.isoformat()])
    truth.append((c['cid'],c['note'],"latin_web",rid))
R.shuffle(lat_rows)

def w(path, header, rows, enc='utf-8'):
    with open(OUT+path,'w',encoding=enc,newline='') as f:
        wr=csv.writer(f); wr.writerow(header); wr.writerows(rows)
w('ua_missing_children.csv',["Номер запису","ПІБ","Дата народження","Стать","Останнє місце перебування","Обставини","Дата звернення"],ua_rows)
w('ru_camp_list.csv',["№","ID","Фамилия","Имя","Отчество","Возраст","Пол","Откуда прибыл","Учреждение","Дата списка"],ru_rows)
w('latin_web_list.csv',["record_id","name","dob","age","sex","location","source","captured"],lat_rows)
truth.sort()
w('TRUTH.csv',["child_id","registry","record_id","note"],[(a,r,i,n) for (a,n,r,i) in truth])
from collections import Counter
cnt=Counter(t[0] for t in truth)
print("rows ua",len(ua_rows),"ru",len(ru_rows),"lat",len(lat_rows),"children",len(cnt),"in>=2 lists",sum(1 for v in cnt.values() if v>=2))
