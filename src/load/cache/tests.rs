//! The cache told of paths, or listing the folder, gives the site a fresh
//! load gives.

use super::*;

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

#[test]
fn only_changed_files_are_read_again() {
    let tmp = tempfile::tempdir().unwrap();
    let c = tmp.path().join("content");
    write(&c, "site.yaml", "title: T\n");
    write(&c, "about.md", "---\ntitle: About\n---\nHello\n");
    write(&c, "guide.md", "---\ntitle: Guide\n---\nText\n");
    let mut cache = LoadCache::default();
    let (first, changes) = cache.load(&c, &mut Diagnostics::default()).unwrap();
    assert_eq!(first.documents.len(), 2);
    assert!(changes.everything);
    let (_, changes) = cache.load(&c, &mut Diagnostics::default()).unwrap();
    let nothing = Changes {
        checked: 3,
        ..Changes::default()
    };
    assert_eq!(changes, nothing, "nothing changed, each file checked");
    write(&c, "guide.md", "---\ntitle: The guide, longer\n---\nText\n");
    let (again, changes) = cache.load(&c, &mut Diagnostics::default()).unwrap();
    let name = format!("{}/guide.md", c.display());
    assert_eq!(changes.changed, BTreeSet::from([name]));
    assert_eq!(changes.documents, BTreeSet::from(["guide".to_string()]));
    assert!(!changes.everything);
    let guide = again.documents.iter().find(|d| d.id == "guide").unwrap();
    assert_eq!(guide.common.title, "The guide, longer");
    std::fs::remove_file(c.join("about.md")).unwrap();
    let (_, changes) = cache.load(&c, &mut Diagnostics::default()).unwrap();
    assert!(changes.everything, "a file was removed");
    write(&c, "site.yaml", "title: Another title\n");
    let (_, changes) = cache.load(&c, &mut Diagnostics::default()).unwrap();
    assert!(changes.everything, "site.yaml changed");
    // A page that attaches a file shows its size: a new version of
    // the file may change any page.
    write(&c, "report.pdf", "first");
    cache.load(&c, &mut Diagnostics::default()).unwrap();
    write(&c, "report.pdf", "second, longer");
    let (_, changes) = cache.load(&c, &mut Diagnostics::default()).unwrap();
    assert!(changes.everything, "a copied file changed");
}

/// What a load gives, as text: to compare the site two loads made.
fn shown(loaded: &Loaded, diags: &Diagnostics) -> String {
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        loaded.documents, loaded.assets, loaded.sources, loaded.unreadable, diags
    )
}

/// Loads `c` through `cache` told of `paths`, and fresh; checks both
/// give the same site. Returns the changes and the load.
fn told(cache: &mut LoadCache, c: &Path, paths: &[&str]) -> (Changes, Loaded) {
    let paths: BTreeSet<String> = paths.iter().map(|p| p.to_string()).collect();
    cache.changed(Some(&paths));
    let mut d = Diagnostics::default();
    let (ours, changes) = cache.load(c, &mut d).unwrap();
    let mut fresh_d = Diagnostics::default();
    let fresh = crate::load::load(c, &mut fresh_d).unwrap();
    assert_eq!(shown(&ours, &d), shown(&fresh, &fresh_d), "as a fresh load");
    (changes, ours)
}

fn site(c: &Path) -> LoadCache {
    write(c, "site.yaml", "title: T\n");
    write(c, "about.md", "---\ntitle: About\n---\nHello\n");
    write(c, "a/index.md", "---\ntitle: A\n---\nText\n");
    write(c, "a-b/index.md", "---\ntitle: A-B\n---\nText\n");
    let mut cache = LoadCache::default();
    cache.load(c, &mut Diagnostics::default()).unwrap();
    cache
}

#[test]
fn told_paths_alone_are_looked_at() {
    let tmp = tempfile::tempdir().unwrap();
    let c = tmp.path().join("content");
    let mut cache = site(&c);
    write(&c, "about.md", "---\ntitle: About us\n---\nHello\n");
    let (changes, loaded) = told(&mut cache, &c, &["about.md"]);
    assert_eq!(changes.checked, 2, "about.md and site.yaml");
    assert_eq!(changes.documents, BTreeSet::from(["about".to_string()]));
    assert!(!changes.everything);
    assert_eq!(loaded.documents[2].common.title, "About us");
    // A change the watcher did not tell of is not seen until the
    // folder is listed again.
    write(&c, "a/index.md", "---\ntitle: A, retitled\n---\nText\n");
    cache.changed(Some(&BTreeSet::new()));
    let (untold, _) = cache.load(&c, &mut Diagnostics::default()).unwrap();
    assert_eq!(untold.documents[0].common.title, "A");
    cache.changed(None);
    let (listed, changes) = cache.load(&c, &mut Diagnostics::default()).unwrap();
    assert_eq!(listed.documents[0].common.title, "A, retitled");
    assert_eq!(changes.checked, 4, "every file");
}

#[test]
fn new_removed_and_renamed_files_and_folders_are_found() {
    let tmp = tempfile::tempdir().unwrap();
    let c = tmp.path().join("content");
    let mut cache = site(&c);
    write(&c, "guide.md", "---\ntitle: Guide\n---\nText\n");
    let (changes, _) = told(&mut cache, &c, &["guide.md"]);
    assert!(changes.everything, "a file added");
    std::fs::remove_file(c.join("guide.md")).unwrap();
    let (changes, _) = told(&mut cache, &c, &["guide.md"]);
    assert!(changes.everything, "a file removed");
    // Both ends of a rename.
    std::fs::rename(c.join("about.md"), c.join("about-us.md")).unwrap();
    let (changes, loaded) = told(&mut cache, &c, &["about.md", "about-us.md"]);
    assert!(changes.everything, "a file renamed");
    assert!(loaded.documents.iter().any(|d| d.id == "about-us"));
    // A new folder is listed, though only the folder was told of.
    write(&c, "n/deep/index.md", "---\ntitle: Deep\n---\nText\n");
    let (changes, loaded) = told(&mut cache, &c, &["n"]);
    assert!(changes.everything, "a folder added");
    assert!(loaded.documents.iter().any(|d| d.id == "n/deep"));
    // A folder renamed: its old name gone, its new one listed.
    std::fs::rename(c.join("n"), c.join("m")).unwrap();
    let (_, loaded) = told(&mut cache, &c, &["n", "m"]);
    assert!(loaded.documents.iter().any(|d| d.id == "m/deep"));
    assert!(!loaded.documents.iter().any(|d| d.id == "n/deep"));
    // A folder removed, told by its name alone; `a` is not `a-b`.
    std::fs::remove_dir_all(c.join("a")).unwrap();
    let (_, loaded) = told(&mut cache, &c, &["a"]);
    assert!(loaded.documents.iter().any(|d| d.id == "a-b"));
    assert!(!loaded.documents.iter().any(|d| d.id == "a"));
    // Hidden files and folders are not read, told of or not.
    write(&c, ".git/x.md", "not a document");
    write(&c, ".notes.md", "not a document");
    told(&mut cache, &c, &[".git", ".git/x.md", ".notes.md"]);
}

#[test]
fn site_yaml_told_reads_every_file_again() {
    let tmp = tempfile::tempdir().unwrap();
    let c = tmp.path().join("content");
    let mut cache = site(&c);
    write(&c, "site.yaml", "title: Another title\n");
    let (changes, _) = told(&mut cache, &c, &["site.yaml"]);
    assert!(changes.everything);
    assert_eq!(changes.checked, 4, "every file read again");
    assert_eq!(changes.changed.len(), 4);
}

#[test]
fn the_folder_itself_told_lists_it_all() {
    let tmp = tempfile::tempdir().unwrap();
    let c = tmp.path().join("content");
    let mut cache = site(&c);
    write(&c, "a/index.md", "---\ntitle: A, retitled\n---\nText\n");
    let (changes, loaded) = told(&mut cache, &c, &[""]);
    assert_eq!(changes.checked, 4);
    assert_eq!(loaded.documents[0].common.title, "A, retitled");
}

#[test]
fn files_are_in_the_order_the_walk_lists_them() {
    let mut keys = [Key("a-b/x".into()), Key("a/x".into()), Key("a.md".into())];
    keys.sort();
    let names: Vec<&str> = keys.iter().map(|k| k.0.as_str()).collect();
    assert_eq!(names, ["a/x", "a-b/x", "a.md"]);
    assert!(Key("a/x".into()).within("a"));
    assert!(!Key("a-b/x".into()).within("a"));
}
