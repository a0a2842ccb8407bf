//! Prints the comparison of two names with its explanation (for debugging the rules).
//! `explain [--kind person|place|organization] NAME_A NAME_B`.
fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut kind = casefile_names::NameKind::Person;
    if args.first().map(String::as_str) == Some("--kind") && args.len() > 1 {
        match args[1].parse() {
            Ok(k) => kind = k,
            Err(e) => {
                eprintln!("{e}");
                return;
            }
        }
        args.drain(..2);
    }
    if args.len() < 2 {
        eprintln!("usage: explain [--kind KIND] NAME_A NAME_B");
        return;
    }
    let c = casefile_names::compare_kind(kind, &args[0], &args[1]);
    println!("score {:.3} same {}", c.score, c.same);
    for s in &c.explanation {
        println!("  {}: {}", s.rule, s.detail);
    }
}
