//! Prints the spellings `variants` considers equivalent to a name.
fn main() {
    let name: String = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    for v in casefile_names::variants(&name) {
        println!("{v}");
    }
    println!("latin_key: {}", casefile_names::latin_key(&name));
}
