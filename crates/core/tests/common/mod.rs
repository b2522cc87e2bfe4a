//! What several core test files share: the real-policy corpus and a small deterministic
//! generator for never-panic and generated-input tests. Each file uses a subset.

#![allow(dead_code, clippy::unwrap_used, clippy::indexing_slicing)]

use std::fs;
use std::path::{Path, PathBuf};

use ramplan_core::plan::existing::{DocumentKind, ExistingDocument};

/// The corpus of real policies (`tests/fixtures/corpus/*.json`), in file-name order.
pub fn corpus() -> Vec<(PathBuf, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/corpus");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    ramplan_core::sort::sort(&mut files);
    files
        .into_iter()
        .map(|p| {
            let text = fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect()
}

/// Every scenario input fixture, `tests/fixtures/scenarios/<id>/<case>.input.json`, as
/// (scenario id, path), in path order.
pub fn scenario_inputs() -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/scenarios");
    let mut out = Vec::new();
    for dir in sorted_entries(&root) {
        let id = dir.file_name().unwrap().to_string_lossy().into_owned();
        for path in sorted_entries(&dir) {
            if path.to_string_lossy().ends_with(".input.json") {
                out.push((id.clone(), path));
            }
        }
    }
    out
}

fn existing_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/existing")
}

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    ramplan_core::sort::sort(&mut entries);
    entries
}

/// One case of `tests/fixtures/existing/<scenario>/<case>/`: the inputs and the documents.
pub struct ExistingCase {
    pub scenario: String,
    pub name: String,
    pub dir: PathBuf,
    pub input: String,
    pub documents: Vec<ExistingDocument>,
}

/// Every existing-setup case, in folder order.
pub fn existing_cases() -> Vec<ExistingCase> {
    let mut out = Vec::new();
    for scenario_dir in sorted_entries(&existing_root()) {
        let scenario = scenario_dir
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        for dir in sorted_entries(&scenario_dir) {
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            let input = fs::read_to_string(dir.join("input.json")).unwrap();
            let documents = sorted_entries(&dir)
                .into_iter()
                .filter_map(|path| {
                    let file = path.file_name()?.to_string_lossy().into_owned();
                    if file == "input.json" || file.starts_with("expected.") {
                        return None;
                    }
                    let text = fs::read_to_string(&path).unwrap();
                    let document = ExistingDocument::new(file.clone(), text);
                    Some(if file.ends_with(".trust.json") {
                        document.with_kind(DocumentKind::Trust)
                    } else if file.ends_with(".permission.json") {
                        document.with_kind(DocumentKind::Permission)
                    } else {
                        document
                    })
                })
                .collect();
            out.push(ExistingCase {
                scenario: scenario.clone(),
                name,
                dir,
                input,
                documents,
            });
        }
    }
    out
}

/// A small deterministic generator (a 64-bit LCG), so failures reproduce from the seed.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    /// A number below `n` (which must not be zero).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() as usize) % n
    }

    /// Any item of a non-empty slice.
    pub fn item<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() as usize) % items.len()]
    }

    pub fn word(&mut self, alphabet: &str, min: usize, max: usize) -> String {
        let chars: Vec<char> = alphabet.chars().collect();
        let len = min + (self.next() as usize) % (max - min + 1);
        (0..len)
            .map(|_| chars[(self.next() as usize) % chars.len()])
            .collect()
    }

    /// The text with one to four random edits: a piece inserted, or as many bytes removed,
    /// always at character boundaries.
    pub fn splice(&mut self, text: &str, pieces: &[&str]) -> String {
        let mut mutated = text.to_owned();
        for _ in 0..(1 + self.next() % 4) {
            let mut at = (self.next() as usize) % (mutated.len() + 1);
            while !mutated.is_char_boundary(at) {
                at -= 1;
            }
            let piece = self.pick(pieces);
            if self.next().is_multiple_of(2) {
                mutated.insert_str(at, piece);
            } else {
                let mut end = (at + piece.len()).min(mutated.len());
                while !mutated.is_char_boundary(end) {
                    end -= 1;
                }
                mutated.replace_range(at..end, "");
            }
        }
        mutated
    }
}
