#!/usr/bin/env python3
"""Score a labelled name-pair set with peer tools and print one table beside
casefile-names' own figures.

Usage: compare_peers.py PAIRS.tsv CASEFILE_EVAL_JSON
(called by compare_peers.sh, which builds `eval-names` and passes its --json).

Scorers (each gives a similarity in [0, 1] per pair):
- rigour: `analyze_names(PER, ...)` on both names (normalisation,
  transliteration, name symbols from rigour's Wikidata-derived tables), then
  every `pair_symbols` pairing plus `compare_parts` on the residue; score =
  weighted mean of the alignment scores (extras count 0), best pairing.
- nomenklatura: the `logic-v2` matching algorithm (OpenSanctions' default)
  on two FollowTheMoney entities that carry only the name (Person for person
  pairs, LegalEntity for place pairs), default config.
- nomenklatura-v1: the older `logic-v1` algorithm, same entities.
- unidecode+rapidfuzz: `fuzz.token_sort_ratio(unidecode(a).lower(),
  unidecode(b).lower()) / 100`.

For each: accuracy at the best threshold chosen on the even-numbered pairs,
that threshold's accuracy on the odd (held-out) pairs, and the best
threshold over all pairs.
"""
import json
import sys
import time

from rapidfuzz import fuzz
from unidecode import unidecode


def read_pairs(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 4:
                rows.append((cols[0], cols[1], cols[2].strip() == "1", cols[3].strip()))
    return rows


def accuracy(scores, labels, t):
    ok = sum(1 for s, l in zip(scores, labels) if (s >= t) == l)
    return ok / len(labels) if labels else 0.0


def best_threshold(scores, labels):
    cands = sorted(set(scores))
    ts = [0.0, 1.0 + 1e-9] + [(a + b) / 2 for a, b in zip(cands, cands[1:])]
    best = (0.5, -1.0)
    for t in ts:
        acc = accuracy(scores, labels, t)
        if acc > best[1]:
            best = (t, acc)
    return best


def rapidfuzz_scorer():
    def score(a, b, _cat):
        return fuzz.token_sort_ratio(unidecode(a).lower(), unidecode(b).lower()) / 100.0
    return score


def rigour_scorer():
    from rigour.names import NameTypeTag, analyze_names, compare_parts, pair_symbols

    def weighted(alignments):
        num = sum(a.score * a.weight for a in alignments)
        den = sum(a.weight for a in alignments)
        return num / den if den else 0.0

    def score(a, b, _cat):
        na = analyze_names(NameTypeTag.PER, [a])
        nb = analyze_names(NameTypeTag.PER, [b])
        best = 0.0
        for x in na:
            for y in nb:
                best = max(best, weighted(compare_parts(list(x.parts), list(y.parts))))
                for edges in pair_symbols(x, y):
                    used_q = {p for e in edges for p in e.qps}
                    used_r = {p for e in edges for p in e.rps}
                    rest_q = [p for p in x.parts if p not in used_q]
                    rest_r = [p for p in y.parts if p not in used_r]
                    als = list(edges)
                    if rest_q or rest_r:
                        als += compare_parts(rest_q, rest_r)
                    best = max(best, weighted(als))
        return best
    return score


def nomenklatura_scorer(name):
    from followthemoney import model
    from nomenklatura.matching import get_algorithm

    algo = get_algorithm(name)
    if algo is None:
        raise RuntimeError(f"nomenklatura has no algorithm {name}")
    config = algo.default_config()

    counter = [0]

    def entity(n, schema):
        # Unique ids: nomenklatura caches name analysis per entity id.
        counter[0] += 1
        e = model.make_entity(schema)
        e.id = f"e{counter[0]}"
        e.add("name", n)
        return e

    def score(a, b, cat):
        schema = "LegalEntity" if "place" in cat else "Person"
        res = algo.compare(entity(a, schema), entity(b, schema), config)
        return float(res.score)
    return score


def main():
    pairs_path, casefile_json = sys.argv[1], sys.argv[2]
    rows = read_pairs(pairs_path)
    labels = [r[2] for r in rows]
    even = list(range(0, len(rows), 2))
    odd = list(range(1, len(rows), 2))
    cf = json.loads(casefile_json)
    table = [(
        "casefile-names",
        cf["best_threshold_even"], cf["accuracy_at_even_best_even"], cf["accuracy_at_even_best_odd_heldout"],
        cf["best_threshold_all"], cf["accuracy_best_all"], cf["accuracy_default_all"], cf.get("seconds"),
    )]
    scorers = [
        ("rigour", rigour_scorer),
        ("nomenklatura logic-v2", lambda: nomenklatura_scorer("logic-v2")),
        ("nomenklatura logic-v1", lambda: nomenklatura_scorer("logic-v1")),
        ("unidecode+rapidfuzz", rapidfuzz_scorer),
    ]
    for name, make in scorers:
        try:
            fn = make()
            t0 = time.perf_counter()
            scores = [fn(a, b, cat) for a, b, _, cat in rows]
            dt = time.perf_counter() - t0
        except Exception as exc:  # a peer that fails to load is reported, not fatal
            print(f"{name}: failed: {exc!r}", file=sys.stderr)
            continue
        t_even, acc_even = best_threshold([scores[i] for i in even], [labels[i] for i in even])
        acc_odd = accuracy([scores[i] for i in odd], [labels[i] for i in odd], t_even)
        t_all, acc_all = best_threshold(scores, labels)
        table.append((name, t_even, acc_even, acc_odd, t_all, acc_all, None, dt))
    print(f"pairs: {pairs_path} ({len(rows)} pairs)")
    hdr = f"{'scorer':24} {'thr(even)':>9} {'acc even':>8} {'acc odd':>8} {'thr(all)':>8} {'acc all':>8} {'acc@default':>11} {'time s':>7}"
    print(hdr)
    print("-" * len(hdr))
    for name, te, ae, ao, ta, aa, ad, dt in table:
        ad_s = f"{ad:11.4f}" if ad is not None else f"{'-':>11}"
        dt_s = f"{dt:7.2f}" if dt is not None else f"{'-':>7}"
        print(f"{name:24} {te:9.3f} {ae:8.4f} {ao:8.4f} {ta:8.3f} {aa:8.4f} {ad_s} {dt_s}")
    print("acc even: tuned on even pairs; acc odd: same threshold on held-out odd pairs;"
          " acc all: threshold tuned on all pairs (optimistic).")


if __name__ == "__main__":
    main()
