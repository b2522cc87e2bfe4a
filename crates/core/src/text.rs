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
    // The best so far: a later candidate only matters if it is as close, so the cap shrinks.
    let mut best: Option<(usize, &'c str)> = None;
    for c in candidates {
        let cap = best.map_or(limit, |(d, _)| d);
        // The length difference bounds the distance from below: skip what cannot be close.
        if c.chars().count().abs_diff(length) > cap {
            continue;
        }
        lowered.clear();
        lowered.extend(c.chars().map(|ch| ch.to_ascii_lowercase()));
        let d = table.distance(&word_lower, &lowered, cap);
        if d <= cap && best.is_none_or(|b| (d, c) < b) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
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
    ///
    /// Only the band of cells within `cap` of the diagonal is computed (a cell further off
    /// needs more than `cap` insertions or deletions to reach); the cells just outside it hold
    /// `cap + 1`, which stands for "too far" and is all a neighbour needs to know.
    fn distance(&mut self, a: &str, b: &str, cap: usize) -> usize {
        self.a.clear();
        self.a.extend(a.chars());
        self.b.clear();
        self.b.extend(b.chars());
        let (a, b) = (&self.a, &self.b);
        if a.len().abs_diff(b.len()) > cap {
            return cap.saturating_add(1);
        }
        let far = cap.saturating_add(1);
        let width = b.len() + 1;
        let (before, previous, current) = (&mut self.before, &mut self.previous, &mut self.current);
        before.clear();
        before.resize(width, far);
        previous.clear();
        previous.extend((0..width).map(|j| if j <= cap { j } else { far }));
        current.clear();
        current.resize(width, far);
        for (i, &ca) in a.iter().enumerate() {
            // Row i + 1 covers columns lo..=hi of the table (column 0 is the empty prefix).
            let row = i + 1;
            let lo = row.saturating_sub(cap).max(1);
            let hi = row.saturating_add(cap).min(b.len());
            if let Some(first) = current.first_mut() {
                *first = if row <= cap { row } else { far };
            }
            if let Some(left) = current.get_mut(lo - 1).filter(|_| lo > 1) {
                *left = far;
            }
            let mut least = current.first().copied().unwrap_or(far);
            for j in lo - 1..hi {
                let Some(&cb) = b.get(j) else { break };
                let at = |row: &[usize], k: usize| row.get(k).copied().unwrap_or(far);
                let substitution = at(previous, j).saturating_add(usize::from(ca != cb));
                let deletion = at(previous, j + 1).saturating_add(1);
                let insertion = at(current, j).saturating_add(1);
                let mut best = substitution.min(deletion).min(insertion);
                let swapped = i > 0
                    && j > 0
                    && a.get(i - 1) == Some(&cb)
                    && b.get(j - 1) == Some(&ca)
                    && ca != cb;
                if swapped {
                    best = best.min(at(before, j - 1).saturating_add(1));
                }
                let best = best.min(far);
                least = least.min(best);
                if let Some(cell) = current.get_mut(j + 1) {
                    *cell = best;
                }
            }
            if let Some(right) = current.get_mut(hi + 1) {
                *right = far;
            }
            if least > cap {
                return far;
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

/// A finite number written the way Rust's `{}` writes an `f64`: the shortest digits that read
/// back as the same number, never an exponent (`100`, `0.5`, `0.0000001`, `-0`); `None` when it
/// is not finite.
///
/// The digits come from serde_json, which the page already carries, and only the notation is
/// rewritten here: formatting the `f64` with `{}` would add the standard library's two float
/// printers (10 kB) to the browser's WebAssembly. The one difference from `{}`: where two
/// shortest forms are equally near the number, which happens only at 16 or 17 digits, this
/// takes the one ending in an even digit (`1658206780088562.2` for ...562.25, where `{}` writes
/// `.3`); both read back as the same number.
pub fn plain_decimal(number: f64) -> Option<String> {
    let shortest = serde_json::Number::from_f64(number)?.to_string();
    let (negative, unsigned) = match shortest.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, shortest.as_str()),
    };
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, exponent.parse::<i64>().ok()?),
        None => (unsigned, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{whole}{fraction}");
    // The decimal point sits `point` digits into `digits`.
    let mut point = i64::try_from(whole.len()).ok()? + exponent;
    let significant = digits.trim_start_matches('0');
    point -= i64::try_from(digits.len() - significant.len()).ok()?;
    let significant = significant.trim_end_matches('0');
    let mut out = String::with_capacity(significant.len() + 8);
    if negative {
        out.push('-');
    }
    let count = i64::try_from(significant.len()).ok()?;
    if significant.is_empty() {
        out.push('0');
    } else if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', usize::try_from(-point).ok()?));
        out.push_str(significant);
    } else if point >= count {
        out.push_str(significant);
        out.extend(std::iter::repeat_n(
            '0',
            usize::try_from(point - count).ok()?,
        ));
    } else {
        let (head, tail) = significant.split_at(usize::try_from(point).ok()?);
        out.push_str(head);
        out.push('.');
        out.push_str(tail);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `plain_decimal` writes what `{}` writes, for the shapes the diff makes (integers, halves,
    /// neighbours of user values), the edges (zeros, the smallest and largest finite numbers,
    /// subnormals) and 50,000 bit patterns spread over every exponent.
    #[test]
    fn plain_decimal_is_rusts_display() {
        let mut samples: Vec<f64> = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            100.0,
            1e21,
            1e22,
            1e-7,
            123456789012345680000.0,
            0.1 + 0.2,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            5e-324,
            -5e-324,
            9007199254740993.0,
        ];
        for n in -1000..1000 {
            let n = f64::from(n);
            samples.extend([n, n / 2.0, n / 3.0, n * 1e15, n * 1e-15, n + 0.5]);
        }
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..50_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            samples.push(f64::from_bits(state));
        }
        for n in samples {
            let Some(ours) = plain_decimal(n) else {
                assert!(!n.is_finite(), "bits {:#x}", n.to_bits());
                continue;
            };
            let rusts = format!("{n}");
            let digits = |text: &str| {
                let all: String = text.chars().filter(char::is_ascii_digit).collect();
                all.trim_matches('0').len()
            };
            // It reads back as the same number, in plain notation, with as few digits.
            assert_eq!(
                ours.parse::<f64>().map(f64::to_bits),
                Ok(n.to_bits()),
                "{ours}"
            );
            assert!(!ours.contains(['e', 'E']), "{ours}");
            assert_eq!(digits(&ours), digits(&rusts), "{ours} {rusts}");
            // Two shortest forms can be equally near only at 16 or 17 digits; below that the
            // text is Rust's own.
            if digits(&rusts) < 16 {
                assert_eq!(ours, rusts, "bits {:#x}", n.to_bits());
            }
        }
    }

    /// The full table the banded one replaced, for the test below.
    fn full_distance(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        d[0] = (0..=b.len()).collect();
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut best = (d[i - 1][j - 1] + cost)
                    .min(d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1);
                if i > 1 && j > 1 && a[i - 2] == b[j - 1] && b[j - 2] == a[i - 1] && cost == 1 {
                    best = best.min(d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        d[a.len()][b.len()]
    }

    /// The banded table with a cap agrees with the full one: the distance itself when it is
    /// within the cap, something over the cap otherwise, for every pair of short words over a
    /// small alphabet (where edits, swaps and repeats are dense) and every cap.
    #[test]
    fn banded_distance_agrees_with_the_full_table() {
        let words: Vec<String> = (0..=5)
            .flat_map(|len| {
                (0..3usize.pow(len)).map(move |n| {
                    (0..len)
                        .map(|k| ['a', 'b', 'c'][n / 3usize.pow(k) % 3])
                        .collect::<String>()
                })
            })
            .collect();
        let mut table = Table::default();
        for a in &words {
            for b in &words {
                let full = full_distance(a, b);
                assert_eq!(edit_distance(a, b), full, "{a} {b}");
                for cap in 0..=6 {
                    let d = table.distance(a, b, cap);
                    if full <= cap {
                        assert_eq!(d, full, "{a} {b} cap {cap}");
                    } else {
                        assert!(d > cap, "{a} {b} cap {cap}: {d}");
                    }
                }
            }
        }
    }

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
