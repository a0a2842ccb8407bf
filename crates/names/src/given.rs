//! Given-name groups: the Ukrainian, Russian and Belarusian forms of one
//! name (Олександр / Александр / Аляксандр), its common Latin and Western
//! forms (Alexander), and its diminutives (Саша, Сашко, Oleksa).
//!
//! Why a table: the three languages' forms of one name differ by more than
//! spelling (Микола / Николай / Мікалай), so no phonetic rule can equate
//! them, and a fuzzy string measure would equate names that differ
//! (Oleksandr / Oleksandra, Oleksandr / Oleksii).
//!
//! Sources: the standard correspondences of Ukrainian, Russian and
//! Belarusian calendar names (as listed in the Ukrainian orthographic
//! dictionaries of personal names and Belarusian name registers), compiled
//! by hand for this project. Each line is
//! `sex|label|full forms|diminutives`, forms separated by spaces, in any
//! script. A diminutive may belong to several groups (Саша is Oleksandr or
//! Oleksandra), which is why it only ever gives a weaker match.

use crate::key::{primary_key, token_keys};
use crate::translit::{transliterate, Scheme};
use casefile_core::Sex;
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

const GROUPS: &str = "\
m|Oleksandr|Олександр Александр Аляксандр Alexander Alexandre Aleksander Alexandr Alessandro Aleksandar Алесь Ales Aleś|Саша Сашко Сашка Шура Саня Олесь Олекса Sasha Sascha Oleksa Alex Alik Алик Алесік Sasza
m|Oleksii|Олексій Алексей Аляксей Alexei Alexey Alexis Aleksej Alexej|Льоша Лёша Альоша Алёша Лёха Олекса Oleksa Alex Lyosha Алёха
m|Mykola|Микола Николай Мікалай Nicholas Nikolaus Nicolas Nikolai Nicolai Nikolaj Mikołaj|Коля Колька Колюня Миколка Kolya Kolia Міколка Мікола
m|Andrii|Андрій Андрей Андрэй Andrew Andreas Andrzej André Andrea|Андрійко Андрюша Андрюха Andriyko Андрэйка Андрусь
m|Pavlo|Павло Павел Павал Paul Paweł Paolo Pablo|Павлик Паша Павлуша Pasha Паўлюк Паўлік
m|Dmytro|Дмитро Дмитрий Дзмітрый Dimitri Dimitrij Dmitrij Зміцер|Діма Дима Митя Дімон Митько Dima Дзіма Змітрок Міця Змітро Dzima Zmitser Zmicier Zmiter
m|Yurii|Юрій Юрий Юрый Jurij Youri|Юра Юрко Юрчик Yura Юрась Юрка Юрачка
m|Ivan|Іван Иван Johann John Jean Juan Giovanni|Ваня Іванко Иванко Ванько Ванечка Янка Vanya Ясь Янук Іванка
m|Serhii|Сергій Сергей Сяргей Serge Sergiusz Sergio|Серёжа Сережа Серьожа Сергійко Серж Seryozha Serezha Сярожа Сярога Сярожка
m|Viktor|Віктор Виктор Victor Wiktor|Вітя Витя Вітьок Vitya Віця
m|Volodymyr|Володимир Владимир Уладзімір Wladimir Włodzimierz|Володя Вова Вовчик Володька Volodya Vova Валодзя Валодзька Valodzia Valodzya Valodzja
m|Vasyl|Василь Василий Васіль Wassili Basil Vasile|Вася Васько Васильок Vasya Васілька Васька
m|Hryhorii|Григорій Григорий Рыгор Gregory Gregor Grzegorz|Гриша Грицько Гриць Grisha
m|Petro|Петро Пётр Петр Пятро Peter Piotr Pierre Pietro Pyotr|Петя Петрик Петрусь Petya Пятрусь Пеця
m|Mykhailo|Михайло Михаил Міхаіл Michael Michel Michał Michele|Миша Михась Мишко Misha Міхась Міша
m|Yevhen|Євген Евгений Яўген Євгеній Eugene Eugen Eugeniusz|Женя Женька Zhenya Женик Жэня
m|Anatolii|Анатолій Анатолий Анатоль Anatole|Толя Толик Tolya
m|Borys|Борис Барыс|Боря Борька Borya
m|Bohdan|Богдан Багдан|Богданчик Бодя
m|Vitalii|Віталій Виталий Віталь|Віталік Виталик Vitalik
m|Valerii|Валерій Валерий Валер|Валера Valera
m|Vadym|Вадим Вадзім|Вадик
m|Denys|Денис Дзяніс Denis|Дениска Деня
m|Maksym|Максим Максім Maxim Maximilian|Макс Максимко Max
m|Artem|Артем Артём Арцём|Тема Тёма Артемко
m|Yaroslav|Ярослав Яраслаў Jarosław|Ярик Ярко Слава
m|Viacheslav|В'ячеслав Вячеслав Вячаслаў Wiaczesław|Слава Славик Slava
m|Stanislav|Станіслав Станислав Станіслаў Stanisław|Стас Стасік Слава Stas
m|Vladyslav|Владислав Уладзіслаў Władysław|Влад Владик Слава Vlad
m|Rostyslav|Ростислав Расціслаў|Ростик Слава
m|Sviatoslav|Святослав Святаслаў|Свят Слава
m|Myroslav|Мирослав Міраслаў Mirosław|Мирось Слава
m|Taras|Тарас|Тарасик
m|Roman|Роман Раман|Рома Ромко Roma
m|Oleh|Олег Алег|Олежка Олежик
m|Ihor|Ігор Игорь Ігар|Ігорко Игорёк
m|Kostiantyn|Костянтин Константин Канстанцін Constantine Konstanty|Костя Костик Kostya Косця Кастусь
m|Stepan|Степан Сцяпан Stefan Stephen Stéphane|Стьопа Стёпа Степанко
m|Fedir|Федір Фёдор Федор Фёдар Theodor Theodore|Федя Федько Fedya
m|Heorhii|Георгій Георгий Георгій Юрась George Georg Jerzy|Жора Гоша Zhora Gosha
m|Leonid|Леонід Леонид Леанід|Льоня Лёня Lyonya
m|Mykyta|Микита Никита Мікіта|Микитка Никитка
m|Illia|Ілля Илья Ілья Elijah Ilja Eliasz|Іллюша Илюша Ilyusha
m|Kyrylo|Кирило Кирилл Кірыл Cyril Cyrille|Кирюша Кирюха
m|Danylo|Данило Даниил Данила Даніла Daniel Danil Daniil|Даня Данилко Danya
m|Matvii|Матвій Матвей Мацвей Matthew Matthias Mateusz|Мотя Матвійко
m|Tymofii|Тимофій Тимофей Цімафей Timothy Tymoteusz|Тимоша Тимофійко Тима
m|Tymur|Тимур Цімур|Тимурчик Тима
m|Nazar|Назар|Назарко Назарчик
m|Arsenii|Арсеній Арсений|Сеня Арсюша
m|Arsen|Арсен|Арсенчик
m|Semen|Семен Семён Сямён Simon Szymon|Сеня Семенко Senya
m|Yakiv|Яків Яков Якаў Jacob Jakob Jakub Jacques|Яша Yasha
m|Yosyp|Йосип Иосиф Язэп Joseph Josef Józef|Йося Ося
m|Mark|Марк Marc Marcus|Маркусь
m|Marko|Марко Marco|Марчик
m|Zakhar|Захар Захарый|Захарко
m|Tykhon|Тихон Ціхан|Тиша
m|Ostap|Остап Астап|Остапко
m|Orest|Орест Арэст|Орестко
m|Ruslan|Руслан|Русик Руся
m|Eduard|Едуард Эдуард Edward Édouard|Едик Эдик
m|Hennadii|Геннадій Геннадий Генадзь|Гена Геня Gena
m|Arkadii|Аркадій Аркадий Аркадзь|Аркаша
m|Valentyn|Валентин Валянцін Valentine Walenty|Валя Валік Валик
m|Vsevolod|Всеволод Усевалад|Сева Seva
m|Yulii|Юлій Юлий Julius|Юлько
m|Henrikh|Генріх Генрих Генрых Heinrich Henryk Henri|Heinz Хайнц Гайнц
m|Fridrikh|Фрідріх Фридрих Фрыдрых Friedrich Fryderyk Frédéric|Fritz Фріц Фриц
m|Yulian|Юліан Юлиан Julian Juliusz|Юлик
m|Lev|Лев Леў Leo Leon|Лёва Льова Левко
m|Anton|Антон Antoine Antonio Antoni|Антоша Тоша Антось
m|Artur|Артур Arthur|Артурчик
m|Rodion|Родіон Родион Радзівон|Родя
m|Herman|Герман Hermann|Гера
m|Hlib|Гліб Глеб|Глібко
m|Kuzma|Кузьма Кузьма Кузьмá|Кузя
m|Luka|Лука Luca Lukas Lucas Łukasz|Лукаш Лукасик
m|Makar|Макар|Макарко
m|Martyn|Мартин Марцін Martin Marcin|Мартинко
m|Nestor|Нестор|Несторко
m|Omelian|Омелян Емельян Емяльян|Омелько Емеля
m|Pylyp|Пилип Филипп Піліп Philip Philipp Filip Philippe|Пилипко Филя
m|Savelii|Савелій Савелий Савелій|Савушка
m|Trokhym|Трохим Трофим Трафім|Трохимко
m|Zinovii|Зіновій Зиновий Зіновій|Зінько
m|Demian|Дем'ян Демьян Дзям'ян Damian|Дема Демко
m|Yehor|Єгор Егор Ягор|Єгорко Егорка Гоша
m|Adam|Адам|Адась
m|Davyd|Давид Давыд David Dawid|Додик Давидко
m|Platon|Платон|Платоша
m|Sava|Сава Савва|Савка
m|Veniamin|Веніамін Вениамин Веньямін Benjamin Beniamin|Веня
m|Yakym|Яким Аким Якім Joachim|Якимко
m|Klym|Клим Клім Klemens Clement|Климко
m|Ihnat|Ігнат Игнат Ігнат Ignacy|Ігнась
m|Emil|Еміль Эмиль Emile|Емільчик
m|Feliks|Фелікс Феликс Felix|Фелик
m|Ilarion|Іларіон Илларион Іларыён Hilarion|Ларик
m|Prokhor|Прохор Прохар|Проша
m|Leontii|Леонтій Леонтий Лявонцій|Льоша
m|Vladlen|Владлен|Владик
m|Yevstakhii|Євстахій Евстахий Eustachy|Стах
m|Nykyfor|Никифор Никифор Нічыпар|Никифорко
m|Radym|Радим|Радик
m|Yan|Ян|Янек
m|Erik|Ерік Эрик Eric|Ерік
m|Robert|Роберт|Роб
m|Ernest|Ернест Эрнест|Ерні
m|Yarema|Ярема Єремія Еремей Ерёма Jeremiah|Яремко
m|Ustym|Устим Устім|Устимко
m|Ustyn|Устин Юстин Юстын Justin Justyn|Устинко
m|Myron|Мирон Мірон Miron|Мирось
m|Liubomyr|Любомир Любамір Lubomir Lubomír|Любко
m|Mstyslav|Мстислав Мсціслаў|Слава
m|Bohuslav|Богуслав Багуслаў Bogusław|Богусь
m|Zenon|Зенон Зянон|Зеник
m|Panas|Панас Афанасий Афанасій Апанас Athanasius|Панасик
m|Yukhym|Юхим Ефим Яўхім Efim|Юхимко
m|Hordii|Гордій Гордей Гардзей|Гордійко
m|Havrylo|Гаврило Гавриил Гаврила Гаўрыла Gabriel Gabriele|Гаврик Ганя
m|Lavrin|Лаврін Лаврентий Лаўрэн Laurence Lorenz|Лавро
m|Lukian|Лук'ян Лукьян Лук'ян|Лук'янчик
m|Marian|Мар'ян Марьян Marian|Мар'янко
m|Osyp|Осип Осіп|Осипко
m|Severyn|Северин Северын Seweryn|Северинко
m|Terentii|Терентій Терентий Цярэнцій|Терешко
m|Kharyton|Харитон Харытон|Харитоша
m|Onysym|Онисим Анісім|Онисько
m|Vlas|Влас Улас|Власик
m|Demyd|Демид Дземід|Демидко
m|Adrian|Адріан Адриан Адрыян Adrian|Адріанко
m|Albert|Альберт Альберт|Алик
m|Avhustyn|Августин Аўгусцін Augustine|Густь
m|Ambrosii|Амвросій Амвросий Амброжы|Амвросько
m|Pantelei|Пантелеймон Пантелей Панцялей|Пантюша
m|Sevastian|Севастян Севастьян Себастьян Sebastian|Сева
m|Dobromyr|Добромир Дабрамір|Добрик
m|Radomyr|Радомир Радамір|Радик
m|Vitold|Вітольд Витольд Вітольд Witold|Вітик
f|Oleksandra|Олександра Александра Аляксандра Alexandra Alessandra Aleksandra|Саша Шура Саня Sasha Sascha Sandra Леся
f|Mariia|Марія Мария Марыя Marie Mary Marija Maryja|Маша Марійка Марічка Маруся Маня Муся Masha Marusia Марыля Марылька
f|Hanna|Ганна Анна Anne Ann Anja|Аня Ганнуся Анечка Нюра Нюся Anya Ганулька Ганка
f|Kateryna|Катерина Екатерина Кацярына Catherine Katharina Katarzyna Katerina|Катя Катруся Катюша Katya Kate Каця Kacia
f|Olena|Олена Елена Алена Алёна Helena Hélène Helen|Лена Оленка Алёнка Ленуся Lena
f|Nataliia|Наталія Наталья Наталия Натальля Натала Natalie Nathalie Natalija|Наташа Наталка Ната Natasha
f|Iryna|Ірина Ирина Ірына Irene Irena|Іра Ира Ирка Ірочка Ira
f|Tetiana|Тетяна Татьяна Таццяна Tatjana|Таня Танюша Tanya Танька
f|Svitlana|Світлана Светлана Святлана|Света Свєта Світланка Лана Sveta Святланка
f|Liudmyla|Людмила Людміла Ludmila|Люда Люся Міла Lyuda
f|Larysa|Лариса Ларыса Larissa|Лара Лора Леся
f|Lesia|Леся Ляся|Лесюня
f|Halyna|Галина Галіна|Галя Галинка Galya
f|Valentyna|Валентина Валянціна Walentyna|Валя Valya
f|Nina|Ніна Нина|Ніночка Ниночка
f|Nadiia|Надія Надежда Надзея Nadzieja|Надя Надійка Nadya Nadia
f|Liubov|Любов Любовь Любоў|Люба Lyuba
f|Vira|Віра Вера|Віруся Верочка
f|Olha|Ольга Вольга Olga|Оля Олечка Ольгуся Olya Воля Волечка
f|Yuliia|Юлія Юлия Julia Julie Giulia|Юля Юлька Yulya
f|Anastasiia|Анастасія Анастасия Анастасія Anastazja|Настя Настуся Стася Nastya Наста Nasta
f|Dariia|Дарія Дарья Дар'я Daria Dorota|Даша Дарка Dasha
f|Daryna|Дарина Дарына|Даринка
f|Sofiia|Софія София Сафія Sophia Sophie Zofia|Соня Софійка Sonya
f|Yelyzaveta|Єлизавета Елизавета Елізавета Лізавета Elizabeth Elisabeth Elżbieta|Ліза Лиза Лізонька Liza
f|Viktoriia|Вікторія Виктория Вікторыя Victoria Wiktoria|Віка Вика Vika
f|Alina|Аліна Алина|Аля Алінка
f|Polina|Поліна Полина Паліна Pauline|Поля Polya
f|Kseniia|Ксенія Ксения Ксенія Xenia Ksenia|Ксюша Ksyusha
f|Oksana|Оксана Аксана|Оксанка Ксана
f|Yevheniia|Євгенія Евгения Яўгенія Eugenia|Женя Zhenya
f|Valeriia|Валерія Валерия Валерыя Valérie|Лера Lera
f|Khrystyna|Христина Кристина Крысціна Christina Kristina Christine Krystyna|Христя Кристя Тіна
f|Diana|Діана Диана Дзіяна|Діанка
f|Veronika|Вероніка Вероника Веранiка Véronique Weronika|Ніка Ника Nika
f|Marharyta|Маргарита Маргарыта Margaret Margarete Małgorzata|Рита Марго Rita
f|Alla|Алла|Аллочка
f|Antonina|Антоніна Антонина Антаніна|Тоня Tonya
f|Zoia|Зоя Zoe Zoé|Зоєчка
f|Raisa|Раїса Раиса Раіса|Рая
f|Tamara|Тамара|Тома
f|Zinaida|Зінаїда Зинаида Зінаіда|Зіна Зина
f|Lidiia|Лідія Лидия Лідзія Lydia|Ліда Лида
f|Inna|Інна Инна|Інночка
f|Karyna|Карина Карына|Каринка
f|Kira|Кіра Кира|Кірочка
f|Milana|Мілана Милана|Міла
f|Myroslava|Мирослава Міраслава Mirosława|Мирося Слава
f|Yaroslava|Ярослава Яраслава Jarosława|Ярося Слава
f|Stanislava|Станіслава Станислава Stanisława|Стася Слава
f|Vladyslava|Владислава Уладзіслава Władysława|Влада Слава
f|Solomiia|Соломія Соломея Саламея Salome|Соля
f|Uliana|Уляна Ульяна Juliana|Уля Ulya
f|Zlata|Злата|Златка
f|Yana|Яна Jana|Яночка
f|Maryna|Марина Марына Marina|Маринка
f|Liliia|Лілія Лилия Lilia Lily|Ліля Лиля
f|Alisa|Аліса Алиса Alice|Алісонька
f|Aryna|Аріна Арина Арына|Ариша
f|Ivanna|Іванна Иванна Joanna Johanna|Іванка Ivanka
f|Bohdana|Богдана Багдана|Богданка
f|Snizhana|Сніжана Снежана|Сніжанка
f|Emiliia|Емілія Эмилия Эмілія Emilia Emily|Еміля
f|Evelina|Евеліна Эвелина Эвеліна Evelyn|Ева
f|Anzhelika|Анжеліка Анжелика Angelika Angélique|Лика
f|Anhelina|Ангеліна Ангелина Angelina|Геля
f|Olesia|Олеся Алеся|Леся
f|Yevdokiia|Євдокія Евдокия Яўдокія|Дуся Докія
f|Stefaniia|Стефанія Стефания Stefania |Стефа Стефця
f|Melaniia|Меланія Мелания Меланья Melania Mélanie|Маланка
f|Varvara|Варвара Barbara|Варя Varya
f|Taisiia|Таїсія Таисия Таісія|Тася
f|Ruslana|Руслана|Русланка
f|Albina|Альбіна Альбина|Аля
f|Mariana|Мар'яна Марьяна Marianna Marianne|Марʼянка
f|Yeva|Єва Ева Eve Ewa|Євочка
f|Zhanna|Жанна Jeanne|Жанночка
f|Vasylyna|Василина Васіліна|Василинка
f|Rymma|Римма Рима|Римочка
f|Ella|Елла Элла|Еллочка
f|Lina|Ліна Лина|Лінка
f|Eleonora|Елеонора Элеонора|Нора
f|Lukiia|Лукія Лукия|Луша
f|Nonna|Нонна|Ноннуся
f|Yaryna|Ярина Ярына Jaryna|Яринка
f|Ustyna|Устина Юстина Юстына Justyna Justine|Устинка
f|Orysia|Орися Арыся|Орисенька
f|Yefrosyniia|Єфросинія Ефросинья Фросина Ефрасіння Euphrosyne|Фрося Frosia
f|Liubomyra|Любомира Любаміра|Люба
f|Zoriana|Зоряна Зарана|Зорянка
f|Marta|Марта Marta Martha Marthe|Мартуся
f|Marfa|Марфа Marfa|Марфуша Марфочка
f|Romana|Романа Рамана|Ромця
f|Tereza|Тереза Тэрэза Teresa Thérèse|Тереня
f|Adriana|Адріана Адриана Adriana|Адя
f|Yesenia|Єсенія Есения Jesenia|Єся
f|Emma|Емма Эмма|Еммочка
f|Ameliia|Амелія Амелия Amelia Amélie|Меля
f|Tamila|Таміла Тамила|Тамілка
f|Ahata|Агата Agata Agatha|Гатя
f|Ahniia|Агнія Агния Agnes|Агнійка
f|Anfisa|Анфіса Анфиса|Фіса
f|Dana|Дана|Данка
f|Dominika|Домініка Доминика Dominique|Ніка
f|Ilona|Ілона Илона|Ілонка
f|Inha|Інга Инга Inga|Інгуся
f|Kamilla|Камілла Камила Камилла Camilla Kamila|Каміла
f|Nelia|Неля Нелли Nelly|Нелюся
f|Rehina|Регіна Регина Regina|Гіна
f|Roksolana|Роксолана Раксалана|Роксоля
f|Sabina|Сабіна Сабина|Сабінка
f|Rostyslava|Ростислава Расціслава|Слава
f|Sviatoslava|Святослава Святаслава|Слава
f|Zoreslava|Зореслава Зараслава|Слава
f|Lada|Лада|Ладуся
f|Liana|Ліана Лиана|Ліанка
f|Mirra|Мірра Мирра|Мірочка
f|Nika|Ніка Ника|Нікуся
f|Vlada|Влада Улада|Владуся
f|Vasylysa|Василиса Васіліса|Вася
f|Dina|Діна Дина Дзіна Dina Dinah|Дінка Динка Дінуся
";

/// One given-name group.
#[derive(Debug)]
pub(crate) struct Group {
    pub label: String,
    pub sex: Sex,
    pub full_forms: Vec<String>,
    pub diminutives: Vec<String>,
}

/// A given name's membership in a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Membership {
    pub group: usize,
    pub diminutive: bool,
}

pub(crate) struct GivenTable {
    pub groups: Vec<Group>,
    pub by_key: HashMap<String, Vec<Membership>>,
}

/// The keys a table form is filed under: its own key and, for Cyrillic
/// forms, the key of each standard's romanisation (they normally coincide;
/// filing all of them guards against a scheme the skeleton merges badly).
fn form_keys(form: &str) -> Vec<String> {
    let mut keys = vec![primary_key(form)];
    if crate::key::is_cyrillic_text(form) {
        // The informal German/French styles are decoded on the input side
        // (see `key::token_keys`); filing them here would make Жанна
        // ("Janna" in French) collide with Яна. So is Łacinka, whose plain
        // l before a vowel is soft: Аля is "Ala", which would meet Алла.
        for s in Scheme::ALL.into_iter().filter(|s| {
            !matches!(
                s,
                Scheme::InformalGerman | Scheme::InformalFrench | Scheme::BeLacinka
            )
        }) {
            let k = primary_key(&transliterate(form, s));
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    keys
}

fn build() -> GivenTable {
    let mut groups = Vec::new();
    let mut by_key: HashMap<String, Vec<Membership>> = HashMap::default();
    for line in GROUPS.lines().filter(|l| !l.trim().is_empty()) {
        let mut parts = line.split('|');
        let sex = match parts.next() {
            Some("f") => Sex::Female,
            _ => Sex::Male,
        };
        let label = parts.next().unwrap_or_default().to_string();
        let mut full_forms: Vec<String> = parts
            .next()
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_string)
            .collect();
        // The label (the Ukrainian national romanisation) is itself a form.
        full_forms.push(label.clone());
        let diminutives: Vec<String> = parts
            .next()
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let idx = groups.len();
        for (forms, diminutive) in [(&full_forms, false), (&diminutives, true)] {
            for f in forms.iter() {
                for k in form_keys(f) {
                    let entry = by_key.entry(k).or_default();
                    let m = Membership {
                        group: idx,
                        diminutive,
                    };
                    if let Some(existing) = entry.iter_mut().find(|e| e.group == idx) {
                        existing.diminutive &= diminutive;
                    } else {
                        entry.push(m);
                    }
                }
            }
        }
        groups.push(Group {
            label,
            sex,
            full_forms,
            diminutives,
        });
    }
    GivenTable { groups, by_key }
}

pub(crate) fn table() -> &'static GivenTable {
    static TABLE: OnceLock<GivenTable> = OnceLock::new();
    TABLE.get_or_init(build)
}

/// The groups a token belongs to (over all its key readings), full-form
/// memberships first.
pub(crate) fn lookup(token: &str) -> Vec<Membership> {
    lookup_keys(&token_keys(token))
}

/// As [`lookup`], for keys already computed.
pub(crate) fn lookup_keys(keys: &[crate::key::KeyVariant]) -> Vec<Membership> {
    let t = table();
    let mut out: Vec<Membership> = Vec::new();
    for kv in keys {
        if let Some(ms) = t.by_key.get(&kv.key) {
            for m in ms {
                if let Some(e) = out.iter_mut().find(|e| e.group == m.group) {
                    e.diminutive &= m.diminutive;
                } else {
                    out.push(*m);
                }
            }
        }
    }
    out.sort_by_key(|m| (m.diminutive, m.group));
    out
}

/// True if the token is a known given name or diminutive.
pub(crate) fn is_given_name(token: &str) -> bool {
    !lookup(token).is_empty()
}

/// The sex of the token's name if all its groups agree.
pub(crate) fn sex_of(token: &str) -> Option<Sex> {
    let t = table();
    let ms = lookup(token);
    let first = t.groups.get(ms.first()?.group)?.sex;
    ms.iter()
        .all(|m| t.groups.get(m.group).is_some_and(|g| g.sex == first))
        .then_some(first)
}

/// Number of groups in the table (for documentation and tests).
pub fn group_count() -> usize {
    table().groups.len()
}

/// Every group as (sex, label, full forms in table order): Ukrainian form
/// first, then the Russian and Belarusian forms where they differ, then
/// Western forms. For synthetic-data generators and documentation.
pub fn groups() -> impl Iterator<Item = (Sex, &'static str, &'static [String])> {
    table()
        .groups
        .iter()
        .map(|g| (g.sex, g.label.as_str(), g.full_forms.as_slice()))
}

/// The diminutives and informal forms of the group labelled `label`
/// (Oleksandr → Саша, Сашко, Sasha, ...), in table order; empty for an
/// unknown label. For synthetic-data generators and documentation.
pub fn diminutives(label: &str) -> &'static [String] {
    table()
        .groups
        .iter()
        .find(|g| g.label == label)
        .map_or(&[], |g| g.diminutives.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_group(a: &str, b: &str) -> bool {
        let la = lookup(a);
        lookup(b)
            .iter()
            .any(|m| la.iter().any(|n| n.group == m.group))
    }

    #[test]
    fn full_forms_of_different_groups_do_not_collide() {
        let t = table();
        for (k, ms) in &t.by_key {
            let full: Vec<&str> = ms
                .iter()
                .filter(|m| !m.diminutive)
                .map(|m| t.groups[m.group].label.as_str())
                .collect();
            assert!(full.len() <= 1, "key {k} is a full form of {full:?}");
        }
    }

    #[test]
    fn table_is_large_enough() {
        assert!(group_count() >= 150, "{}", group_count());
    }

    #[test]
    fn uk_ru_be_forms_share_a_group() {
        for set in [
            ["Олександр", "Александр", "Аляксандр", "Alexander"],
            ["Микола", "Николай", "Мікалай", "Nikolai"],
            ["Олексій", "Алексей", "Аляксей", "Aleksey"],
            ["Андрій", "Андрей", "Андрэй", "Andrei"],
            ["Марія", "Мария", "Марыя", "Maria"],
            ["Дмитро", "Дмитрий", "Дзмітрый", "Dmitry"],
            ["Юрій", "Юрий", "Юрый", "Yuriy"],
            ["Володимир", "Владимир", "Уладзімір", "Uladzimir"],
            ["Сергій", "Сергей", "Сяргей", "Sergey"],
            ["Олена", "Елена", "Алена", "Yelena"],
        ] {
            for w in &set[1..] {
                assert!(same_group(set[0], w), "{} / {w}", set[0]);
            }
        }
        assert!(same_group("Ганна", "Анна"));
        assert!(same_group("Катерина", "Екатерина"));
        assert!(same_group("Наталія", "Наталья"));
        assert!(same_group("Павло", "Павел"));
        assert!(same_group("Mariia", "Maria"));
    }

    #[test]
    fn different_names_do_not_share_a_group() {
        assert!(!same_group("Oleksandr", "Oleksii"));
        assert!(!same_group("Oleksandr", "Oleksandra"));
        assert!(!same_group("Іван", "Ivanna"));
    }

    #[test]
    fn diminutives_are_marked_and_may_be_ambiguous() {
        let sasha = lookup("Sasha");
        assert!(sasha.len() >= 2);
        assert!(sasha.iter().all(|m| m.diminutive));
        assert!(same_group("Sasha", "Oleksandr") && same_group("Sasha", "Oleksandra"));
        assert!(same_group("Kolya", "Микола"));
        assert!(same_group("Masha", "Марія"));
        assert!(same_group("Dima", "Дмитрий"));
        assert!(same_group("Oleksa", "Олександр"));
        assert_eq!(sex_of("Sasha"), None);
        assert_eq!(sex_of("Олена"), Some(Sex::Female));
    }
}
