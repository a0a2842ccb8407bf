//! Prints the comparison of two names with its explanation (for debugging the rules).
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: explain NAME_A NAME_B");
        return;
    }
    let c = casefile_names::compare(&args[0], &args[1]);
    println!("score {:.3} same {}", c.score, c.same);
    for s in &c.explanation {
        println!("  {}: {}", s.rule, s.detail);
    }
}
