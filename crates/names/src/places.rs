//! Place names: the Ukrainian, Russian and Belarusian forms of settlements
//! and regions that matter to the cases (Київ / Киев / Kyiv / Kiev), the
//! modifiers that distinguish places (Нова Каховка is not Каховка), and the
//! administrative words that do not (місто, г., city).
//!
//! Sources: official Ukrainian names (national 2010 romanisation, as in the
//! State Register of geographical names), their Russian forms as used in
//! Russian-language reporting, Belarusian official names (national 2007
//! romanisation) and established English exonyms; compiled by hand.

use crate::key::primary_key;
use std::collections::HashMap;
use std::sync::OnceLock;

/// `label|forms` per line; forms in any script, separated by spaces
/// (multi-word forms use '_' for the space). The adjectival forms of the
/// oblast names (Запорізька / Запорожская) are listed with their city so
/// that "Запорожская область" matches "Zaporizhzhia oblast"; alone such an
/// adjective does not occur as a place name.
const PLACES: &str = "\
Kyiv|Київ Киев Кіеў Kiev Kijów Kiew Kiyv Київська Киевская Kyivska Kievskaya
Kharkiv|Харків Харьков Харкаў Kharkov Charkow Charkiw Харківська Харьковская Kharkivska Kharkovskaya
Lviv|Львів Львов Львоў Lvov Lwów Lemberg Lvіv Lwiw Львівська Львовская Lvivska Lvovskaya
Odesa|Одеса Одесса Адэса Odessa Одеська Одесская Odeska Odesskaya
Dnipro|Дніпро Днепр Днипро Dnepr Дніпропетровська Днепропетровская Dnipropetrovska Dnepropetrovskaya
Zaporizhzhia|Запоріжжя Запорожье Запарожжа Zaporozhye Saporischschja Zaporizhia Запорізька Запорожская Zaporizka Zaporozhskaya
Mykolaiv|Миколаїв Николаев Мікалаеў Nikolaev Nikolayev Миколаївська Николаевская Mykolaivska Nikolaevskaya
Kherson|Херсон Chersson Херсонська Херсонская Khersonska Khersonskaya
Mariupol|Маріуполь Мариуполь Марыупаль
Donetsk|Донецьк Донецк Данецк Донецька Донецкая Donetska Donetskaya
Luhansk|Луганськ Луганск Луганск Lugansk Луганська Луганская Luhanska Luganskaya
Melitopol|Мелітополь Мелитополь
Berdiansk|Бердянськ Бердянск Berdyansk
Sevastopol|Севастополь Севастопаль Sewastopol
Simferopol|Сімферополь Симферополь
Crimea|Крим Крым Krym Krim Krym
Chernihiv|Чернігів Чернигов Чарнігаў Chernigov Чернігівська Черниговская Chernihivska Chernigovskaya
Sumy|Суми Сумы Сумська Сумская Sumska Sumskaya
Poltava|Полтава Палтава Полтавська Полтавская Poltavska Poltavskaya
Vinnytsia|Вінниця Винница Вінніца Vinnitsa Вінницька Винницкая Vinnytska Vinnitskaya
Zhytomyr|Житомир Жытомір Zhitomir Житомирська Житомирская Zhytomyrska Zhitomirskaya
Rivne|Рівне Ровно Ровна Rovno Рівненська Ровенская Rivnenska Rovenskaya
Lutsk|Луцьк Луцк Луцк
Ternopil|Тернопіль Тернополь Тарнопаль Ternopol Тернопільська Тернопольская Ternopilska Ternopolskaya
Khmelnytskyi|Хмельницький Хмельницкий Хмяльніцкі Khmelnitsky Хмельницька Хмельницкая Khmelnytska Khmelnitskaya
Chernivtsi|Чернівці Черновцы Чарнаўцы Chernovtsy Czernowitz Чернівецька Черновицкая Chernivetska Chernovitskaya
Uzhhorod|Ужгород Ужгарад Uzhgorod
Ivano-Frankivsk|Івано-Франківськ Ивано-Франковск Івана-Франкоўск Ivano-Frankovsk Івано-Франківська Ивано-Франковская Ivano-Frankivska Ivano-Frankovskaya
Kropyvnytskyi|Кропивницький Кропивницкий Kropyvnytskyy Кіровоградська Кировоградская Kirovohradska Kirovogradskaya
Cherkasy|Черкаси Черкассы Чэркасы Cherkassy Черкаська Черкасская Cherkaska Cherkasskaya
Kramatorsk|Краматорськ Краматорск
Sloviansk|Слов'янськ Славянск Slavyansk
Bakhmut|Бахмут Артемовск Artemovsk
Severodonetsk|Сєвєродонецьк Северодонецк Sievierodonetsk
Lysychansk|Лисичанськ Лисичанск Lisichansk
Horlivka|Горлівка Горловка Gorlovka
Makiivka|Макіївка Макеевка Makeyevka
Yenakiieve|Єнакієве Енакиево Yenakiyevo
Alchevsk|Алчевськ Алчевск
Izium|Ізюм Изюм Izyum
Kupiansk|Куп'янськ Купянск Kupyansk
Enerhodar|Енергодар Энергодар Energodar
Tokmak|Токмак
Henichesk|Генічеськ Геническ Genichesk
Skadovsk|Скадовськ Скадовск
Oleshky|Олешки Алешки Aleshki
Hola Prystan|Гола_Пристань Голая_Пристань Gola_Pristan
Kakhovka|Каховка Каховка
Yevpatoriia|Євпаторія Евпатория Yevpatoria Eupatoria
Yalta|Ялта
Kerch|Керч Керчь
Feodosiia|Феодосія Феодосия Feodosia
Dzhankoi|Джанкой Dzhankoy
Volnovakha|Волноваха Вольноваха
Avdiivka|Авдіївка Авдеевка Avdeevka
Bucha|Буча
Irpin|Ірпінь Ирпень Irpen
Hostomel|Гостомель
Borodianka|Бородянка Borodyanka
Chornobyl|Чорнобиль Чернобыль Чарнобыль Chernobyl
Minsk|Мінськ Минск Мінск Miensk Мінська Минская Мінская Minskaya
Homiel|Гомель Homel Gomel Гомельська Гомельская Homielskaja Gomelskaya
Mahiliou|Могильов Могилёв Магілёў Mogilev Mahilyow
Vitsebsk|Вітебськ Витебск Віцебск Vitebsk
Hrodna|Гродно Гродна Grodno
Brest|Брест Берестя
Babruisk|Бобруйськ Бобруйск Бабруйск Bobruisk
Baranavichy|Барановичі Барановичи Баранавічы Baranovichi
Barysau|Борисов Барысаў Borisov
Zhlobin|Жлобин Жлобін
Moscow|Москва Масква Moskva Moskau Moscou
Saint Petersburg|Санкт-Петербург Санкт-Пецярбург Sankt-Peterburg St_Petersburg Saint_Petersburg
Rostov-on-Don|Ростов-на-Дону Rostov-na-Donu Rostov-on-Don
Taganrog|Таганрог
Anapa|Анапа
Yevpatoria|Евпатория
Krasnodar|Краснодар
Voronezh|Воронеж
Belgorod|Бєлгород Белгород Бялгарад
Kursk|Курськ Курск
Bryansk|Брянськ Брянск
Yeysk|Єйськ Ейск Yeisk
Ukraine|Україна Украина Украіна Ukraina Ukraine
Russia|Росія Россия Расія Rossiya Russia
Belarus|Білорусь Беларусь Belarus Byelorussia
";

/// Modifier words that are part of a place's name and distinguish it from
/// the bare name ("Nova Kakhovka" is a different town from "Kakhovka"). Each
/// line lists one modifier's uk/ru/be forms; they match each other only.
const MODIFIERS: &str = "\
nova|нова новий нове новая новый новое новы новае нова novo novaya novyi novyy novy novoe novoye nove novi nowa
stara|стара старий старе старая старый старое стары staraya staryi stary staroye stare
velyka|велика великий велике великая великий великое вялікая vialikaia velikaya velykyi velikiy velyke velikoe
mala|мала малий мале малая малый малое малая malaya malyi maly maloe male
novi нові новые новыя novi novye novyye novyie
stari старі старые staryie staryye stari
velyki великі великие вялікія velyki velikiye velikie
mali малі малые malі maly malyie malyye mali
verkhni верхні верхние verkhni verkhniye verkhnie
nyzhni нижні нижние nyzhni nizhniye nizhnie
verkhnii|верхній верхня верхнє верхний верхняя верхнее verkhnia verkhnyaya verkhniy verkhneye
nyzhnii|нижній нижня нижнє нижний нижняя нижнее nizhniy nizhnyaya nizhneye nyzhnia
pivdenne|південне южное yuzhnoye yuzhne pivdennyi
pivnichne|північне северное severnoye
zakhidna|західна западная zapadnaya
skhidna|східна восточная vostochnaya
";

/// Administrative and generic words that can be dropped from a place name
/// without changing which place it is (the region words are *not* here:
/// "Luhansk oblast" is not the city of Luhansk).
const IGNORABLE: &str = "м. г. с. смт місто город горад город. село вёска деревня селище посёлок пос. city town village settlement urban-type of the";

/// Region words: normalised to one token so that "область", "obl." and
/// "oblast" match each other. Session 28: "voblast" (the English and the national Belarusian romanisation of вобласць, beside BGN/PCGN "voblasts").
const REGION_WORDS: &str =
    "область обл обл. oblast oblast' region voblasts voblast voblasć вобласць регіон регион";
const DISTRICT_WORDS: &str = "район р-н raion rayon district раён rajon";

pub(crate) struct PlaceTable {
    pub labels: Vec<String>,
    pub by_key: HashMap<String, usize>,
    pub modifier_by_key: HashMap<String, usize>,
}

fn multiword_key(form: &str) -> String {
    form.split(['_', ' ', '-'])
        .map(primary_key)
        .collect::<Vec<_>>()
        .join(" ")
}

fn build() -> PlaceTable {
    let mut labels = Vec::new();
    let mut by_key = HashMap::new();
    for line in PLACES.lines().filter(|l| !l.trim().is_empty()) {
        let mut parts = line.split('|');
        let label = parts.next().unwrap_or_default().to_string();
        let idx = labels.len();
        let forms = parts.next().unwrap_or_default();
        for f in forms
            .split_whitespace()
            .chain(std::iter::once(label.as_str()))
        {
            by_key.entry(multiword_key(f)).or_insert(idx);
        }
        labels.push(label);
    }
    let mut modifier_by_key = HashMap::new();
    for (idx, line) in MODIFIERS.lines().enumerate() {
        for f in line
            .split(|c: char| c.is_whitespace() || c == '|')
            .filter(|f| !f.is_empty())
        {
            modifier_by_key.entry(primary_key(f)).or_insert(idx);
        }
    }
    PlaceTable {
        labels,
        by_key,
        modifier_by_key,
    }
}

pub(crate) fn table() -> &'static PlaceTable {
    static TABLE: OnceLock<PlaceTable> = OnceLock::new();
    TABLE.get_or_init(build)
}

/// The known place a (whole) name denotes, by its label.
pub(crate) fn lookup_place(tokens: &[String]) -> Option<&'static str> {
    let key = tokens
        .iter()
        .map(|t| primary_key(t))
        .collect::<Vec<_>>()
        .join(" ");
    let t = table();
    t.by_key
        .get(&key)
        .and_then(|i| t.labels.get(*i))
        .map(String::as_str)
}

/// The known place a single word's key denotes.
pub(crate) fn lookup_place_key(key: &str) -> Option<&'static str> {
    let t = table();
    t.by_key
        .get(key)
        .and_then(|i| t.labels.get(*i))
        .map(String::as_str)
}

/// Which modifier (by index) a word is, if any.
pub(crate) fn modifier_of(word: &str) -> Option<usize> {
    table().modifier_by_key.get(&primary_key(word)).copied()
}

/// The kind of an administrative word in a place name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AdminWord {
    /// Can be dropped (city, village, м.).
    Ignorable,
    /// Region (oblast).
    Region,
    /// District (raion).
    District,
}

pub(crate) fn admin_word(word: &str) -> Option<AdminWord> {
    let w = word.to_lowercase();
    let w = w.trim_end_matches(',');
    let hit = |list: &str| list.split_whitespace().any(|x| x == w);
    if hit(IGNORABLE) {
        Some(AdminWord::Ignorable)
    } else if hit(REGION_WORDS) {
        Some(AdminWord::Region)
    } else if hit(DISTRICT_WORDS) {
        Some(AdminWord::District)
    } else {
        None
    }
}

/// True if the whole string is a known place name.
pub(crate) fn is_known_place(name: &str) -> bool {
    let tokens: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect();
    lookup_place(&tokens).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || c == '-')
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn forms_of_a_city_share_a_label() {
        for f in ["Київ", "Киев", "Kyiv", "Kiev"] {
            assert_eq!(lookup_place(&t(f)), Some("Kyiv"), "{f}");
        }
        assert_eq!(lookup_place(&t("Ивано-Франковск")), Some("Ivano-Frankivsk"));
        assert_eq!(lookup_place(&t("Луганск")), Some("Luhansk"));
        assert_eq!(lookup_place(&t("Lutsk")), Some("Lutsk"));
    }

    #[test]
    fn modifiers_and_admin_words() {
        assert_eq!(modifier_of("Nova"), modifier_of("Новая"));
        assert_ne!(modifier_of("Nova"), modifier_of("Stara"));
        assert_eq!(modifier_of("Kakhovka"), None);
        assert_eq!(admin_word("oblast"), Some(AdminWord::Region));
        assert_eq!(admin_word("область"), Some(AdminWord::Region));
        assert_eq!(admin_word("м."), Some(AdminWord::Ignorable));
    }
}
