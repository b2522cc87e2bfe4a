//! Text helpers shared by the linter, the plans, the builder and the simulator: the closest
//! spelling for a "did you mean", and values shortened for one-line messages.

/// The closest candidate by edit distance, ignoring case, when it is close enough to be a
/// plausible typo.
pub fn did_you_mean<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    let word_lower = word.to_ascii_lowercase();
    let limit = (word.chars().count() / 3).clamp(1, 4);
    let length = word_lower.chars().count();
    // One scratch table and one lowercase buffer for every candidate: a service has hundreds
    // of actions and a policy may hold thousands of unknown ones.
    let mut table = Table::default();
    let mut lowered = String::new();
    candidates
        .into_iter()
        // The length difference bounds the distance from below: skip what cannot be close.
        .filter(|c| c.chars().count().abs_diff(length) <= limit)
        .filter_map(|c| {
            lowered.clear();
            lowered.extend(c.chars().map(|ch| ch.to_ascii_lowercase()));
            let d = table.distance(&word_lower, &lowered, limit);
            (d <= limit).then_some((d, c))
        })
        .min_by_key(|&(d, c)| (d, c))
        .map(|(_, c)| c)
}

/// The edit distance when it is at most `limit`, stopping as soon as it cannot be: a whole row
/// of the table over the limit means every later row is too.
pub fn distance_within(a: &str, b: &str, limit: usize) -> Option<usize> {
    let d = Table::default().distance(a, b, limit);
    (d <= limit).then_some(d)
}

/// Edit distance over chars where swapping two neighbours counts as one edit (optimal string
/// alignment): `sbl` is one edit from `slb`, as a typist would count it.
pub fn edit_distance(a: &str, b: &str) -> usize {
    Table::default().distance(a, b, usize::MAX)
}

/// The rows of an edit-distance table, kept between comparisons so that comparing one word
/// with many allocates once.
#[derive(Default)]
struct Table {
    a: Vec<char>,
    b: Vec<char>,
    /// Two rows back (for transpositions), one back, and the current one.
    before: Vec<usize>,
    previous: Vec<usize>,
    current: Vec<usize>,
}

impl Table {
    /// [`edit_distance`], or some value over `cap` as soon as the distance must exceed it.
    fn distance(&mut self, a: &str, b: &str, cap: usize) -> usize {
        self.a.clear();
        self.a.extend(a.chars());
        self.b.clear();
        self.b.extend(b.chars());
        let (a, b) = (&self.a, &self.b);
        let width = b.len() + 1;
        let (before, previous, current) = (&mut self.before, &mut self.previous, &mut self.current);
        before.clear();
        before.resize(width, 0);
        previous.clear();
        previous.extend(0..width);
        current.clear();
        current.resize(width, 0);
        for (i, &ca) in a.iter().enumerate() {
            if let Some(first) = current.first_mut() {
                *first = i + 1;
            }
            for (j, &cb) in b.iter().enumerate() {
                let substitution = previous.get(j).copied().unwrap_or(0) + usize::from(ca != cb);
                let deletion = previous.get(j + 1).copied().unwrap_or(0) + 1;
                let insertion = current.get(j).copied().unwrap_or(0) + 1;
                let mut best = substitution.min(deletion).min(insertion);
                let swapped = i > 0
                    && j > 0
                    && a.get(i - 1) == Some(&cb)
                    && b.get(j - 1) == Some(&ca)
                    && ca != cb;
                if swapped {
                    best = best.min(before.get(j - 1).copied().unwrap_or(0) + 1);
                }
                if let Some(cell) = current.get_mut(j + 1) {
                    *cell = best;
                }
            }
            if current.iter().min().is_some_and(|&m| m > cap) {
                return cap.saturating_add(1);
            }
            std::mem::swap(before, previous);
            std::mem::swap(previous, current);
        }
        previous.last().copied().unwrap_or(0)
    }
}

/// The first word of a CamelCase name: `Get` in `GetObjectAcl`.
pub fn leading_word(name: &str) -> &str {
    let end = name
        .char_indices()
        .skip(1)
        .find(|(_, c)| c.is_ascii_uppercase())
        .map_or(name.len(), |(i, _)| i);
    name.get(..end).unwrap_or(name)
}

/// Splits `service:name` at the first colon.
pub fn split_action(action: &str) -> Option<(&str, &str)> {
    action.split_once(':')
}

/// Shortens a long user value for a one-line message.
pub fn clip(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let head: String = text.chars().take(MAX - 1).collect();
        format!("{head}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_words_only() {
        assert_eq!(did_you_mean("Efect", ["Effect", "Action"]), Some("Effect"));
        assert_eq!(
            did_you_mean("GetObjekt", ["GetObject", "PutObject"]),
            Some("GetObject")
        );
        assert_eq!(did_you_mean("Zebra", ["Effect", "Action"]), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("sbl", "slb"), 1);
        assert_eq!(edit_distance("ca", "abc"), 3);
        assert_eq!(did_you_mean("sbl", ["slb", "alb"]), Some("slb"));
    }
}
