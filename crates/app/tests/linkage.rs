//! Registries that grow: `registry append`, then link and dedupe runs whose
//! clusters keep stable ids, with the lineage of merges and splits and the
//! human decisions kept. Each case runs on SQLite and on PostgreSQL
//! (`DATABASE_URL`; a missing PostgreSQL fails under `CI` and is skipped
//! otherwise).
//!
//! `tests/data/growing_list_{a,b}.csv` are made-up records (invented names
//! and dates): 40 children in the first list, some twice; the second adds
//! records of children already listed (some joining a record that was
//! alone, some a pair) and ten children not listed before.

use casefile_app::linkage::{self, LinkRun};
use casefile_app::registries::{self, LinkOptions, Verdict};
use casefile_app::{sources, Actor, AppError, Backends, ClusterOrigin, Project};
use casefile_store::testing::PgTestSchema;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

const MAP: &str =
    "id=id,surname=surname,given=given,sex=sex,birth_date=birth_date,last_place=last_place";

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn admin() -> Actor {
    Actor::local("tracer")
}

/// A fresh project on each backend (PostgreSQL only when reachable).
fn backends(dir: &Path) -> Vec<(&'static str, Project, Option<PgTestSchema>)> {
    let mut out = vec![(
        "sqlite",
        sources::init(&dir.join("sqlite"), &admin()).unwrap(),
        None,
    )];
    if let Some(schema) = PgTestSchema::create() {
        let backends = Backends {
            postgres: Some(schema.store()),
            blobs: None,
        };
        let project = sources::init_with(&dir.join("pg"), &admin(), &backends).unwrap();
        out.push(("postgres", project, Some(schema)));
    }
    out
}

fn dedupe(project: &mut Project) -> LinkRun {
    linkage::run(project, &admin(), "list", None, &LinkOptions::default()).unwrap()
}

/// The clusters of a run as sets of record ids, by stable id.
fn clusters(run: &LinkRun) -> HashMap<i64, BTreeSet<String>> {
    run.result
        .clusters()
        .into_iter()
        .zip(&run.summary.ids)
        .map(|(members, id)| (*id, members.into_iter().collect()))
        .collect()
}

/// The live clusters of the list's dedupe as stored, by id.
fn stored(project: &Project) -> HashMap<i64, BTreeSet<String>> {
    let mut stored: HashMap<i64, BTreeSet<String>> = HashMap::new();
    for (id, m) in project
        .store()
        .live_cluster_members(&linkage::scope("list", None))
        .unwrap()
    {
        stored.entry(id).or_default().insert(m.record);
    }
    stored
}

fn memberships(run: &LinkRun) -> BTreeSet<BTreeSet<String>> {
    clusters(run).into_values().collect()
}

fn both_lists(dir: &Path) -> PathBuf {
    let a = std::fs::read_to_string(data("growing_list_a.csv")).unwrap();
    let b = std::fs::read_to_string(data("growing_list_b.csv")).unwrap();
    let path = dir.join("both.csv");
    let rows_of_b = b.split_once('\n').unwrap().1;
    std::fs::write(&path, format!("{a}{rows_of_b}")).unwrap();
    path
}

#[test]
fn an_incremental_run_gives_the_clusters_of_a_full_run_and_keeps_ids() {
    let dir = tempfile::tempdir().unwrap();
    for (backend, mut project, _schema) in backends(dir.path()) {
        let a = data("growing_list_a.csv");
        registries::import(&mut project, &admin(), "list", &a, Some(MAP)).unwrap();
        let first = dedupe(&mut project);
        let before = clusters(&first);
        assert!(before.len() >= 10, "{backend}: {} clusters", before.len());
        assert_eq!(first.summary.new, before.len());

        assert!(first.summary.model_fitted);
        assert!(!first.summary.model_replaced);
        assert_eq!(first.summary.model_records, 54);

        let appended =
            registries::append(&mut project, &admin(), "list", &data("growing_list_b.csv"))
                .unwrap();
        assert_eq!(appended.append.part, 1);
        assert!(appended.row_errors.is_empty(), "{:?}", appended.row_errors);
        assert_eq!(appended.total_records, 54 + 28);
        let second = dedupe(&mut project);
        let after = clusters(&second);
        // The list grew by half, more than the pairs the first run kept
        // allow for (see `casefile_link::KeptPairs`): every pair is
        // compared again.
        assert!(first.summary.kept_pairs > 0 && first.summary.kept_bytes > 0);
        assert_eq!(first.summary.new_records, None, "{backend}");
        assert_eq!(second.summary.new_records, None, "{backend}");
        // The second run scores with the model the first fitted and kept.
        assert!(!second.summary.model_fitted, "{backend}");
        assert!(second.result.stats.frozen_model);
        assert_eq!(second.result.model, first.result.model, "{backend}");
        // No earlier cluster falls apart: the records added can only join
        // clusters or bridge them.
        assert_eq!(second.summary.split, 0, "{backend}: {:?}", second.summary);

        // The same clusters as a run on both lists at once with that model.
        let kept_model = project
            .store()
            .linkage_model(&linkage::scope("list", None))
            .unwrap()
            .unwrap();
        let full_dir = tempfile::tempdir().unwrap();
        let mut full = sources::init(&full_dir.path().join("p"), &admin()).unwrap();
        registries::import(
            &mut full,
            &admin(),
            "list",
            &both_lists(full_dir.path()),
            Some(MAP),
        )
        .unwrap();
        let given = LinkOptions {
            model: Some(kept_model),
            ..LinkOptions::default()
        };
        let whole = linkage::run(&mut full, &admin(), "list", None, &given).unwrap();
        assert!(whole.result.stats.frozen_model);
        assert_eq!(whole.summary.new_records, None);
        assert_eq!(memberships(&second), memberships(&whole), "{backend}");
        // Pair by pair, with the same weights.
        let pairs = |run: &LinkRun| run.result.pairs().collect::<Vec<_>>();
        assert_eq!(pairs(&second), pairs(&whole), "{backend}");
        // The model given is kept for the copy's later runs.
        let again = dedupe(&mut full);
        assert!(!again.summary.model_fitted);
        assert_eq!(memberships(&again), memberships(&whole), "{backend}");

        // Every earlier cluster whose members all stay together, with no
        // member of another earlier cluster, keeps its id.
        let cluster_of: HashMap<&String, i64> = before
            .iter()
            .flat_map(|(id, members)| members.iter().map(move |m| (m, *id)))
            .collect();
        let (mut kept, mut grew) = (0, 0);
        for (old_id, old_members) in &before {
            let holder = after
                .iter()
                .find(|(_, members)| members.is_superset(old_members));
            let Some((new_id, members)) = holder else {
                continue;
            };
            let others = members
                .iter()
                .any(|m| cluster_of.get(m).is_some_and(|id| id != old_id));
            if !others {
                assert_eq!(
                    new_id, old_id,
                    "{backend}: a cluster that only grew got a new id"
                );
                kept += 1;
                if members.len() > old_members.len() {
                    grew += 1;
                }
            } else {
                assert_ne!(new_id, old_id);
            }
        }
        assert!(kept >= 5, "{backend}: {kept} clusters kept their id");
        assert!(grew >= 3, "{backend}: {grew} clusters grew");
        assert_eq!(second.summary.grown, grew);
        // Records that were alone and joined: new clusters with no parent.
        assert!(second.summary.new >= 5, "{backend}: {:?}", second.summary);

        // The history of a grown cluster names the run that added its member.
        let grown_id = second
            .summary
            .ids
            .iter()
            .find(|id| after[*id].len() > before.get(*id).map_or(usize::MAX, BTreeSet::len))
            .copied()
            .unwrap();
        let history = linkage::history(&project, &admin(), grown_id).unwrap();
        assert_eq!(history.cluster.origin, ClusterOrigin::New);
        assert_eq!(history.cluster.created_run, first.summary.run);
        assert_eq!(
            history.grown_in.iter().map(|r| r.id).collect::<Vec<_>>(),
            [second.summary.run]
        );
        assert!(history.retired.is_none());

        // A third run on the same records changes nothing.
        let third = dedupe(&mut project);
        assert_eq!(third.summary.new_records, Some(0), "{backend}");
        assert!(third.summary.clusters_from_kept, "{backend}");
        assert_eq!(stored(&project), after, "{backend}");
        assert_eq!(clusters(&third), after);
        assert_eq!(third.summary.kept, after.len());
        assert_eq!(
            (
                third.summary.grown,
                third.summary.new,
                third.summary.retired
            ),
            (0, 0, 0)
        );

        // --refit fits the model again on every record and keeps it.
        let refit = LinkOptions {
            refit: true,
            ..LinkOptions::default()
        };
        let fourth = linkage::run(&mut project, &admin(), "list", None, &refit).unwrap();
        assert!(fourth.summary.model_fitted, "{backend}");
        assert_eq!(fourth.summary.new_records, None, "{backend}");
        assert!(!fourth.summary.model_replaced);
        assert_eq!(fourth.summary.model_records, 54 + 28);
        assert_ne!(fourth.result.model, first.result.model);
        let fifth = dedupe(&mut project);
        assert!(!fifth.summary.model_fitted);
        assert_eq!(fifth.summary.new_records, Some(0), "{backend}");
        assert_eq!(fifth.result.model, fourth.result.model, "{backend}");
        assert_eq!(clusters(&fifth), clusters(&fourth), "{backend}");
    }
}

/// `tests/data/growing_list_c.csv`: six made-up records, four of children
/// listed before (with slips) and a new child twice: the run compares only
/// them, with the pairs the run before kept.
#[test]
fn a_small_append_compares_only_the_new_records_with_the_result_of_a_full_run() {
    let dir = tempfile::tempdir().unwrap();
    let all = both_lists(dir.path());
    let c = data("growing_list_c.csv");
    for (backend, mut project, _schema) in backends(dir.path()) {
        registries::import(&mut project, &admin(), "list", &all, Some(MAP)).unwrap();
        let first = dedupe(&mut project);
        registries::append(&mut project, &admin(), "list", &c).unwrap();
        let second = dedupe(&mut project);
        assert_eq!(second.summary.new_records, Some(6), "{backend}");
        assert!(!second.summary.model_fitted);
        // The live clusters came from what the first run kept, and what
        // was stored is the run's clusters under the ids it reports.
        assert!(!first.summary.clusters_from_kept);
        assert!(second.summary.clusters_from_kept, "{backend}");
        assert_eq!(stored(&project), clusters(&second), "{backend}");
        // Records that were alone find their new duplicates; every earlier
        // cluster keeps its id.
        assert!(second.summary.new >= 3, "{backend}: {:?}", second.summary);
        assert_eq!(second.summary.kept, clusters(&first).len(), "{backend}");

        // A project given every record at once and the kept model.
        let kept_model = project
            .store()
            .linkage_model(&linkage::scope("list", None))
            .unwrap()
            .unwrap();
        assert_eq!(
            casefile_link::Model::from_stored(&kept_model).unwrap(),
            first.result.model
        );
        let full_dir = tempfile::tempdir().unwrap();
        let mut full = sources::init(&full_dir.path().join("p"), &admin()).unwrap();
        let whole = full_dir.path().join("whole.csv");
        let rows_of_c = std::fs::read_to_string(&c).unwrap();
        let rows_of_c = rows_of_c.split_once('\n').unwrap().1;
        std::fs::write(
            &whole,
            format!("{}{rows_of_c}", std::fs::read_to_string(&all).unwrap()),
        )
        .unwrap();
        registries::import(&mut full, &admin(), "list", &whole, Some(MAP)).unwrap();
        let given = LinkOptions {
            model: Some(kept_model),
            ..LinkOptions::default()
        };
        let once = linkage::run(&mut full, &admin(), "list", None, &given).unwrap();
        assert_eq!(once.summary.new_records, None);
        let pairs = |run: &LinkRun| run.result.pairs().collect::<Vec<_>>();
        assert_eq!(pairs(&second), pairs(&once), "{backend}");
        assert_eq!(memberships(&second), memberships(&once), "{backend}");
    }
}

/// Clusters of exactly two records, by id, as (id, [record ids]).
fn pairs_of(clusters: &HashMap<i64, BTreeSet<String>>) -> Vec<(i64, Vec<String>)> {
    let mut pairs: Vec<(i64, Vec<String>)> = clusters
        .iter()
        .filter(|(_, m)| m.len() == 2)
        .map(|(id, m)| (*id, m.iter().cloned().collect()))
        .collect();
    pairs.sort();
    pairs
}

#[test]
fn decisions_survive_appends_and_merges_and_splits_record_lineage() {
    let dir = tempfile::tempdir().unwrap();
    for (backend, mut project, _schema) in backends(dir.path()) {
        let a = data("growing_list_a.csv");
        registries::import(&mut project, &admin(), "list", &a, Some(MAP)).unwrap();
        let first = dedupe(&mut project);
        let z = pairs_of(&clusters(&first)).remove(0);
        let decide = |project: &mut Project, l: &str, r: &str, verdict| {
            registries::decide(project, &admin(), "list", None, l, r, verdict, None).unwrap()
        };
        // A person says the two records of z are two children; then the list grows.
        decide(&mut project, &z.1[0], &z.1[1], Verdict::Reject);
        registries::append(&mut project, &admin(), "list", &data("growing_list_b.csv")).unwrap();
        let second = dedupe(&mut project);
        let after = clusters(&second);
        assert_eq!(stored(&project), after, "{backend}");
        assert!(
            after
                .values()
                .all(|m| !(m.contains(&z.1[0]) && m.contains(&z.1[1]))),
            "{backend}: the rejected pair is in one cluster"
        );
        let old_z = linkage::history(&project, &admin(), z.0).unwrap();
        assert_eq!(old_z.retired.as_ref().unwrap().id, second.summary.run);
        // A record of z that joined another is in a split of z.
        for child in &old_z.children {
            let c = linkage::history(&project, &admin(), child.id).unwrap();
            assert_eq!(c.cluster.parents, [z.0]);
            assert_eq!(c.cluster.origin, ClusterOrigin::Split);
        }

        // Then that two pairs of records are one child: their clusters merge.
        let pairs: Vec<(i64, Vec<String>)> = pairs_of(&after)
            .into_iter()
            .filter(|(_, m)| !m.iter().any(|r| z.1.contains(r)))
            .collect();
        assert!(pairs.len() >= 2, "{backend}");
        let (x, y) = (&pairs[0], &pairs[1]);
        for l in &x.1 {
            for r in &y.1 {
                decide(&mut project, l, r, Verdict::Accept);
            }
        }
        let third = dedupe(&mut project);
        let merged_clusters = clusters(&third);
        assert_eq!(stored(&project), merged_clusters, "{backend}");
        let merged = merged_clusters
            .iter()
            .find(|(_, m)| m.contains(&x.1[0]) && m.contains(&y.1[0]))
            .map(|(id, _)| *id)
            .unwrap_or_else(|| panic!("{backend}: the accepted pairs are not in one cluster"));
        let history = linkage::history(&project, &admin(), merged).unwrap();
        assert_eq!(history.cluster.origin, ClusterOrigin::Merge);
        assert_eq!(history.cluster.parents, {
            let mut p = vec![x.0, y.0];
            p.sort();
            p
        });
        assert_eq!(history.created.as_ref().unwrap().id, third.summary.run);
        let old_x = linkage::history(&project, &admin(), x.0).unwrap();
        assert_eq!(old_x.retired.as_ref().unwrap().id, third.summary.run);
        assert_eq!(
            old_x.children.iter().map(|c| c.id).collect::<Vec<_>>(),
            [merged]
        );
        assert_eq!((third.summary.merged, third.summary.retired), (1, 2));
        // Every other cluster kept its id.
        assert_eq!(third.summary.kept, merged_clusters.len() - 1);

        // The decisions are still there, and never asked again.
        let queue = registries::review_queue(
            &mut project,
            &admin(),
            "list",
            None,
            &LinkOptions::default(),
            usize::MAX,
        )
        .unwrap();
        let asked = |l: &str, r: &str| {
            queue.items.iter().any(|i| {
                (i.pair.left == l && i.pair.right == r) || (i.pair.left == r && i.pair.right == l)
            })
        };
        assert!(!asked(&x.1[0], &y.1[0]) && !asked(&z.1[0], &z.1[1]));
        let fourth = dedupe(&mut project);
        assert_eq!(clusters(&fourth), merged_clusters, "{backend}");
        assert_eq!(stored(&project), merged_clusters, "{backend}");
        assert!(fourth
            .result
            .pairs()
            .any(|p| p.decision == Some("rejected")));
    }
}

#[test]
fn an_append_refuses_bad_rows_one_by_one_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    for (backend, mut project, _schema) in backends(dir.path()) {
        let a = data("growing_list_a.csv");
        registries::import(&mut project, &admin(), "list", &a, Some(MAP)).unwrap();
        let bad = dir.path().join(format!("{backend}-bad.csv"));
        std::fs::write(
            &bad,
            "id,surname,given,sex,birth_date,last_place\n\
             R1001,Overwritten,Name,M,2010-01-01,Nowhere\n\
             ,Noid,Name,M,2010-01-01,Nowhere\n\
             N1,Fresh,Name,M,2011-02-03,Izium\n\
             N1,Twice,Name,M,2011-02-03,Izium\n",
        )
        .unwrap();
        let appended = registries::append(&mut project, &admin(), "list", &bad).unwrap();
        assert_eq!(appended.append.records, 1, "{backend}");
        assert_eq!(appended.row_errors.len(), 3, "{:?}", appended.row_errors);
        assert!(appended.row_errors[0].starts_with("line 2"));
        assert!(appended.row_errors[0].contains("already in the registry"));
        // Errors name lines and columns, never a value.
        assert!(appended
            .row_errors
            .iter()
            .all(|e| !e.contains("Overwritten")));
        // R1001 is one record still, and N1 one more.
        let run = dedupe(&mut project);
        let ids = run.result.ids();
        assert_eq!(ids.len(), 54 + 1, "{backend}");
        assert_eq!(ids.iter().filter(|id| *id == "R1001").count(), 1);
        // A file adding nothing is refused and writes nothing.
        let head = project.store().audit_head().unwrap();
        let nothing = dir.path().join(format!("{backend}-nothing.csv"));
        std::fs::write(
            &nothing,
            "id,surname,given,sex,birth_date,last_place\nR1001,X,Y,M,2010-01-01,Z\n",
        )
        .unwrap();
        let err = registries::append(&mut project, &admin(), "list", &nothing).unwrap_err();
        assert!(matches!(err, AppError::Input { .. }), "{err}");
        // The read of the registry to find its ids is audited; nothing else is written.
        let entries = project.store().audit_entries().unwrap();
        assert!(entries[head as usize..]
            .iter()
            .all(|e| e.record.action == "registry.read"));
        assert_eq!(
            project.store().registry_appends("list").unwrap().len(),
            1,
            "{backend}"
        );
        // An unknown registry, and a reader who may not append.
        assert!(matches!(
            registries::append(&mut project, &admin(), "nowhere", &bad),
            Err(AppError::NotFound(_))
        ));
        let viewer = Actor::new("v", casefile_app::Role::Viewer);
        assert!(matches!(
            registries::append(&mut project, &viewer, "list", &bad),
            Err(AppError::Forbidden { .. })
        ));
    }
}

/// A list that gains a field (a column empty until now is filled in the
/// rows appended) no longer fits the kept model: the run fits a new one,
/// says so, and keeps it.
#[test]
fn a_list_that_gains_a_field_gets_a_new_model() {
    let dir = tempfile::tempdir().unwrap();
    for (backend, mut project, _schema) in backends(dir.path()) {
        // List a without its places: every last_place cell empty.
        let a = std::fs::read_to_string(data("growing_list_a.csv")).unwrap();
        let placeless: String = a
            .lines()
            .enumerate()
            .map(|(i, line)| {
                if i == 0 {
                    format!("{line}\n")
                } else {
                    let cells: Vec<&str> = line.split(',').collect();
                    format!("{},\n", cells[..cells.len() - 1].join(","))
                }
            })
            .collect();
        let path = dir.path().join(format!("{backend}-placeless.csv"));
        std::fs::write(&path, placeless).unwrap();
        registries::import(&mut project, &admin(), "list", &path, Some(MAP)).unwrap();
        let first = dedupe(&mut project);
        assert!(first.summary.model_fitted);
        assert!(first
            .result
            .model
            .fields
            .iter()
            .all(|f| f.field != "last_place"));
        registries::append(&mut project, &admin(), "list", &data("growing_list_b.csv")).unwrap();
        let second = dedupe(&mut project);
        assert!(second.summary.model_fitted, "{backend}");
        assert!(second.summary.model_replaced, "{backend}");
        assert!(second
            .result
            .model
            .fields
            .iter()
            .any(|f| f.field == "last_place"));
        // The new model is kept: the next run scores with it.
        let third = dedupe(&mut project);
        assert!(!third.summary.model_fitted && !third.summary.model_replaced);
        assert_eq!(third.result.model, second.result.model, "{backend}");
    }
}

/// `link A B --with C`: every two of the registries are linked and the links
/// are read together; each link still joins its own two registries, its
/// pairs now list what the other lists added, and a registry named twice is
/// refused by name.
#[test]
fn three_registries_are_linked_together() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = sources::init(&dir.path().join("p"), &admin()).unwrap();
    for (name, file) in [
        ("a", "growing_list_a.csv"),
        ("b", "growing_list_b.csv"),
        ("c", "growing_list_c.csv"),
    ] {
        registries::import(&mut project, &admin(), name, &data(file), Some(MAP)).unwrap();
    }
    let names: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
    let joint =
        registries::link_together(&mut project, &admin(), &names, &LinkOptions::default()).unwrap();
    let ends: Vec<(&str, &str)> = joint
        .iter()
        .map(|j| (j.left.as_str(), j.right.as_str()))
        .collect();
    assert_eq!(ends, [("a", "b"), ("a", "c"), ("b", "c")]);
    for j in &joint {
        assert!(
            j.result.contribution_names().contains(&"other lists"),
            "{}-{}: {:?}",
            j.left,
            j.right,
            j.result.contribution_names()
        );
        let alone = registries::link(
            &mut project,
            &admin(),
            &j.left,
            &j.right,
            &LinkOptions::default(),
        )
        .unwrap();
        assert!(!alone.contribution_names().contains(&"other lists"));
        assert_eq!(
            j.result.pair_count(),
            alone.pair_count(),
            "{}-{}",
            j.left,
            j.right
        );
    }
    let twice: Vec<String> = ["a", "b", "a"].map(String::from).to_vec();
    let err = registries::link_together(&mut project, &admin(), &twice, &LinkOptions::default())
        .unwrap_err();
    assert!(
        err.to_string().contains("registry a is named twice"),
        "{err}"
    );
}
