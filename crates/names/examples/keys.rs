//! Prints the keys of each argument and how it parses as a whole name (for debugging keys).
fn main() {
    for name in std::env::args().skip(1) {
        println!(
            "{name}\tkey={}\tsound={}\tgroups={:?}\tstem={}\tsurname={:.3}",
            casefile_names::latin_key(&name),
            casefile_names::surname_sound_key(&name),
            casefile_names::given_name_group_ids(&name),
            casefile_names::surname_stem_key(&name),
            casefile_names::compare_surname(&name, "Шевцов"),
        );
        let parsed = casefile_names::parse_name(&name);
        println!(
            "\tparsed: given={:?} surname={:?} patronymic={:?}",
            parsed.given(),
            parsed.surname(),
            parsed.patronymic()
        );
    }
}
