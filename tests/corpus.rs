//! Scores speechtree's outlines on the real documents in `../shared/corpus`
//! (every document with a gold `.outline`, whatever its kind: .txt, .md,
//! .html, .docx, read as the command line reads them) with
//! `../shared/eval/score.py`, as written and, for plain text and Markdown,
//! with every line break removed or turned into a space, and fails when a total drops below the floor recorded in
//! `tests/corpus-floor.txt`; the same for the documents of
//! `tests/fixtures/written` (texts written for testing, each with its
//! expected outline). Skipped, with a notice, when `../shared` or `python3`
//! is absent.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    dir.join("eval/score.py").is_file().then_some(dir)
}

fn python() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The kinds of document scored (the command line's folder extensions).
const EXTENSIONS: [&str; 6] = ["txt", "md", "markdown", "html", "htm", "docx"];

/// `(gold outline, document)` for every document of the corpus.
fn documents(shared: &Path) -> Vec<(PathBuf, PathBuf)> {
    let corpus = shared.join("corpus");
    scored_in(&[corpus.join("seed"), corpus.join("public")])
}

/// `(expected outline, document)` for every text of `tests/fixtures/written`.
fn written() -> Vec<(PathBuf, PathBuf)> {
    scored_in(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/written")])
}

/// `(outline, document)` for every document with an outline beside it in
/// `dirs`, sorted.
fn scored_in(dirs: &[PathBuf]) -> Vec<(PathBuf, PathBuf)> {
    let mut out = Vec::new();
    for dir in dirs {
        let Ok(entries) = fs::read_dir(dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            let known = p
                .extension()
                .is_some_and(|x| EXTENSIONS.iter().any(|e| x.eq_ignore_ascii_case(e)));
            if known && p.with_extension("outline").is_file() {
                out.push((p.with_extension("outline"), p));
            }
        }
    }
    out.sort();
    out
}

/// The documents scored: the shared corpus, the written texts, or the
/// Markdown documents of both (whose flattened copies stay Markdown).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Set {
    Corpus,
    Written,
    Markdown,
}

/// How the corpus's texts are scored: as written, with every line break
/// removed, or with each one turned into a space (as a page collapses
/// white space).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Form {
    AsWritten,
    Flat,
    Spaced,
}

impl Form {
    /// The name of its floors in `tests/corpus-floor.txt` for `set`.
    fn name(self, set: Set) -> &'static str {
        match (self, set) {
            (Form::AsWritten, Set::Corpus) => "corpus",
            (Form::Flat, Set::Corpus) => "flat",
            (Form::Spaced, Set::Corpus) => "spaced",
            (Form::AsWritten, Set::Written) => "written",
            (Form::Flat, Set::Written) => "written-flat",
            (Form::Spaced, Set::Written) => "written-spaced",
            (Form::AsWritten, Set::Markdown) => "markdown",
            (Form::Flat, Set::Markdown) => "markdown-flat",
            (Form::Spaced, Set::Markdown) => "markdown-spaced",
        }
    }
}

/// Scores `docs` (of `set`) in `form` and returns score.py's output.
fn score(shared: &Path, docs: Vec<(PathBuf, PathBuf)>, form: Form, set: Set) -> String {
    let flat = form != Form::AsWritten;
    let tmp = std::env::temp_dir().join(format!(
        "speechtree-corpus-{}-{form:?}-{set:?}",
        std::process::id()
    ));
    fs::create_dir_all(&tmp).expect("temp dir");
    let mut args = vec![shared.join("eval/score.py").display().to_string()];
    for (gold, txt) in docs {
        // Flattened: the file's bytes without line breaks, read as a file of
        // the same name would be.
        let opts = speechtree::input::ReadOptions::default();
        let read = if flat {
            let mut bytes = fs::read(&txt).expect("corpus documents are readable");
            if form == Form::Spaced {
                for b in &mut bytes {
                    if *b == b'\r' || *b == b'\n' {
                        *b = b' ';
                    }
                }
            } else {
                bytes.retain(|&b| b != b'\r' && b != b'\n');
            }
            let kind = speechtree::input::InputKind::detect(Some(&txt), &bytes);
            speechtree::input::read_bytes(&bytes, kind, &opts)
        } else {
            speechtree::input::read_path_with_hints(&txt, &opts)
        }
        .expect("corpus documents are readable");
        let doc = read.parse(&speechtree::Options::default());
        let rebuilt: String = doc.leaves().map(|(_, t)| t).collect();
        assert_eq!(
            rebuilt,
            read.text,
            "{}: the tree should rebuild the source",
            txt.display()
        );
        let stem = txt.file_stem().and_then(|s| s.to_str()).unwrap_or("doc");
        let out = tmp.join(format!("{stem}.outline"));
        fs::write(&out, speechtree::outline(&doc)).expect("write outline");
        args.push(gold.display().to_string());
        args.push(out.display().to_string());
    }
    let output = Command::new("python3")
        .args(&args)
        .output()
        .expect("python3 runs score.py");
    let _ = fs::remove_dir_all(&tmp);
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A figure from a score.py line: the number after `label`.
fn figure(line: &str, label: &str) -> f64 {
    line.split(label)
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0.0)
}

fn floor(key: &str) -> f64 {
    let text = include_str!("corpus-floor.txt");
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .find_map(|l| l.strip_prefix(key)?.trim().strip_prefix('=')?.trim().parse().ok())
        .unwrap_or(1.0)
}

fn check(form: Form, set: Set) {
    let Some(shared) = shared() else {
        println!("skipped: ../shared is absent");
        return;
    };
    if !python() {
        println!("skipped: python3 is absent");
        return;
    }
    let has = |doc: &Path, ext: &str| doc.extension().is_some_and(|x| x == ext);
    let docs: Vec<_> = match set {
        Set::Corpus => documents(&shared),
        Set::Written => written(),
        Set::Markdown => documents(&shared).into_iter().chain(written()).collect(),
    }
    .into_iter()
    // Flattening is what happens to plain text, and to Markdown kept as
    // files: each is flattened with its own kind (HTML and Word are not).
    .filter(|(_, doc)| match (set, form) {
        (Set::Markdown, _) => has(doc, "md") || has(doc, "markdown"),
        (_, Form::AsWritten) => true,
        _ => has(doc, "txt"),
    })
    .collect();
    let report = score(&shared, docs, form, set);
    println!("{report}");
    let total = report
        .lines()
        .find(|l| l.starts_with("total:"))
        .expect("score.py prints a total");
    let name = form.name(set);
    let (f1, parents) = (figure(total, "headings F1"), figure(total, "parents"));
    assert!(
        f1 >= floor(&format!("{name}.headings")),
        "{name} headings F1 {f1} fell below its floor"
    );
    assert!(
        parents >= floor(&format!("{name}.parents")),
        "{name} parents {parents} fell below its floor"
    );
    if form == Form::AsWritten && set == Set::Corpus {
        let worst = floor("corpus.per-document");
        for line in report.lines().filter(|l| !l.starts_with("total:")) {
            let f = figure(line, "headings F1");
            assert!(
                f >= worst,
                "a document fell below the per-document floor {worst}: {line}"
            );
        }
        let seed = report
            .lines()
            .find(|l| l.starts_with("000_"))
            .expect("the seed is scored");
        assert!(
            figure(seed, "headings F1") >= 0.95,
            "seed headings F1 should be at least 0.95: {seed}"
        );
        assert!(
            figure(seed, "parents") >= 0.95,
            "seed parents should be at least 0.95: {seed}"
        );
    }
}

/// `../shared/eval/flatcheck.py` on the corpus's texts and on
/// `tests/fixtures/flatcheck`: each parsed as written and with its line
/// breaks removed, the second scored against the first. Its total stays at
/// or above `flatcheck.*` in `tests/corpus-floor.txt`.
#[test]
fn flattened_texts_keep_their_outline() {
    let Some(shared) = shared() else {
        println!("skipped: ../shared is absent");
        return;
    };
    if !python() {
        println!("skipped: python3 is absent");
        return;
    }
    // The command line is built with the tests unless its feature is off.
    let Some(bin) = option_env!("CARGO_BIN_EXE_speechtree") else {
        println!("skipped: the speechtree binary is not built (feature cli off)");
        return;
    };
    // Plain text only: a Markdown source without its line breaks is no longer
    // Markdown (its `##` headings run into the text), so it says nothing of
    // text that lost its breaks.
    let mut files: Vec<String> = documents(&shared)
        .into_iter()
        .filter(|(_, doc)| doc.extension().is_some_and(|x| x == "txt"))
        .map(|(_, txt)| txt.display().to_string())
        .collect();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/flatcheck");
    let mut own: Vec<String> = fs::read_dir(&fixtures)
        .expect("tests/fixtures/flatcheck is readable")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.display().to_string())
        .collect();
    own.sort();
    files.extend(own);
    let output = Command::new("python3")
        .arg(shared.join("eval/flatcheck.py"))
        .arg(bin)
        .args(&files)
        .output()
        .expect("python3 runs flatcheck.py");
    let report = String::from_utf8_lossy(&output.stdout);
    println!("{report}");
    let total = report
        .lines()
        .find(|l| l.starts_with("total:"))
        .expect("flatcheck.py prints a total");
    let (f1, parents) = (figure(total, "headings F1"), figure(total, "parents"));
    assert!(
        f1 >= floor("flatcheck.headings"),
        "flatcheck headings F1 {f1} fell below its floor"
    );
    assert!(
        parents >= floor("flatcheck.parents"),
        "flatcheck parents {parents} fell below its floor"
    );
}

#[test]
fn corpus_scores_stay_above_the_floor() {
    check(Form::AsWritten, Set::Corpus);
}

#[test]
fn flattened_corpus_scores_stay_above_the_floor() {
    check(Form::Flat, Set::Corpus);
}

#[test]
fn spaced_corpus_scores_stay_above_the_floor() {
    check(Form::Spaced, Set::Corpus);
}

#[test]
fn written_texts_score_above_their_floor() {
    check(Form::AsWritten, Set::Written);
}

#[test]
fn flattened_written_texts_score_above_their_floor() {
    check(Form::Flat, Set::Written);
}

#[test]
fn spaced_written_texts_score_above_their_floor() {
    check(Form::Spaced, Set::Written);
}

/// The Markdown documents of the corpus and the written texts run into one
/// line and with their line breaks turned into spaces, read as Markdown
/// (their headings' `#`s then stand inside the text).
#[test]
fn flattened_markdown_scores_above_its_floor() {
    check(Form::Flat, Set::Markdown);
}

#[test]
fn spaced_markdown_scores_above_its_floor() {
    check(Form::Spaced, Set::Markdown);
}

/// The seed speech, when `../shared` is there.
fn seed_text() -> Option<String> {
    let path = shared()?.join("corpus/seed/000_3ed04c813e91ed7f.txt");
    Some(fs::read_to_string(path).expect("the seed is UTF-8"))
}

/// Every span in the JSON of the seed speech points at exactly the text it claims.
#[test]
fn seed_json_spans_point_at_their_text() {
    let Some(text) = seed_text() else {
        println!("skipped: ../shared is absent");
        return;
    };
    let doc = speechtree::parse(&text);
    let json = serde_json::to_value(&doc).expect("serialises");
    let mut checked = 0;
    let mut stack = vec![&json];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(map) => {
                if let (Some(span), Some(serde_json::Value::String(t))) = (map.get("span"), map.get("text")) {
                    let start = span["start"].as_u64().expect("start") as usize;
                    let end = span["end"].as_u64().expect("end") as usize;
                    assert_eq!(
                        text.get(start..end),
                        Some(t.as_str()),
                        "span {start}..{end} should cover its text"
                    );
                    checked += 1;
                }
                stack.extend(map.values());
            }
            serde_json::Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    assert!(
        checked > 50,
        "the seed's JSON should have many spans with text, found {checked}"
    );
}

/// The seed speech's furniture: its title and salutation are found inside the
/// scraped page, and the page's boilerplate before them is noise.
#[test]
fn seed_furniture_is_recognised() {
    let Some(text) = seed_text() else {
        println!("skipped: ../shared is absent");
        return;
    };
    let doc = speechtree::parse(&text);
    assert_eq!(
        doc.title(),
        Some("市长在2023年全市依法行政工作会议上的讲话"),
        "the seed's title"
    );
    assert_eq!(doc.salutation(), Some("同志们"), "the seed's salutation");
    let first = doc.children().next().expect("a first node");
    assert!(
        matches!(first, speechtree::Node::Furniture(f) if f.kind == speechtree::FurnitureKind::Noise),
        "the page boilerplate before the speech should be noise, not content: {first:?}"
    );
    let headings: Vec<_> = doc
        .sections()
        .filter(|s| s.marker().is_some())
        .map(|s| s.heading().title)
        .collect();
    assert!(
        headings.iter().all(|h| !h.contains("下载") && !h.contains("PDF")),
        "no heading should come from the page boilerplate: {headings:?}"
    );
}
