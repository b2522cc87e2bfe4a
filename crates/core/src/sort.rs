//! Stable sorting that costs the browser's download one sort, not one per element type.
//!
//! The standard library's stable sort is generic over the element and the comparison, so each
//! `sort_by` call site compiled a copy of it of 3 to 4 KB in the page's WebAssembly; 24 of them
//! weighed 93 KB before gzip (twiggy, 2026-12-06). On `wasm32` these functions sort a list of
//! positions once, through one comparison type, and then move the elements into that order;
//! native builds, which are tuned for speed, call the standard sort directly. Both are stable,
//! so the order of equal elements, and with it every output, is the same on both.
//!
//! `clippy.toml` forbids the standard stable sorts in the workspace, so new code goes through
//! here.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal elements in their order.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    #[cfg(target_arch = "wasm32")]
    {
        let order = {
            let items: &[T] = items;
            sorted_positions(items.len(), &|a, b| match (items.get(a), items.get(b)) {
                (Some(a), Some(b)) => compare(a, b),
                _ => Ordering::Equal,
            })
        };
        permute(items, order);
    }
    #[cfg(not(target_arch = "wasm32"))]
    #[allow(clippy::disallowed_methods)]
    items.sort_by(compare);
}

/// Sorts `items` by the key `key` gives each, keeping equal elements in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, keeping equal elements in their order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Sorts `items` by a key computed once per element, keeping equal elements in their order.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    #[cfg(target_arch = "wasm32")]
    {
        let keys: Vec<K> = items.iter().map(key).collect();
        let order = sorted_positions(keys.len(), &|a, b| match (keys.get(a), keys.get(b)) {
            (Some(a), Some(b)) => a.cmp(b),
            _ => Ordering::Equal,
        });
        permute(items, order);
    }
    #[cfg(not(target_arch = "wasm32"))]
    #[allow(clippy::disallowed_methods)]
    items.sort_by_cached_key(key);
}

/// The positions `0..len` ordered by `compare`, ties in position order: the one instance of the
/// standard stable sort the page carries for all these functions.
#[cfg(any(target_arch = "wasm32", test))]
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    #[allow(clippy::disallowed_methods)]
    positions.sort_by(|&a, &b| compare(a, b));
    positions
}

/// Rearranges `items` so that the element at `order[i]` ends at `i`, by swaps along each cycle
/// of the permutation. `order` must hold each position of `items` exactly once.
#[cfg(any(target_arch = "wasm32", test))]
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        // Each position is marked done by pointing it at itself once its element is in place.
        while let Some(&from) = order.get(at) {
            if from == at {
                break;
            }
            if let Some(slot) = order.get_mut(at) {
                *slot = at;
            }
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the test needs no crate and fails the same way twice.
    fn numbers(seed: u64, len: usize, range: u64) -> Vec<u64> {
        let mut state = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (0..len)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (state >> 33) % range
            })
            .collect()
    }

    /// The wasm path (positions, then the permutation) agrees with the standard stable sort on
    /// keys with many ties, where only a stable sort gives one answer.
    #[test]
    fn the_browser_path_is_the_standard_stable_sort() {
        for seed in 0..300 {
            let len = (seed % 40) as usize;
            let keys = numbers(seed, len, 1 + seed % 7);
            // Tag each element with where it started, so a reordering of ties shows.
            let items: Vec<(u64, usize)> = keys.into_iter().zip(0..).collect();
            let mut expected = items.clone();
            #[allow(clippy::disallowed_methods)]
            expected.sort_by_key(|a| a.0);
            let mut got = items.clone();
            let order = sorted_positions(got.len(), &|a, b| items[a].0.cmp(&items[b].0));
            permute(&mut got, order);
            assert_eq!(got, expected, "seed {seed}");
        }
    }

    /// The permutation puts the element at `order[i]` at `i` for every ordering of up to six
    /// elements, including the identity and long cycles.
    #[test]
    fn permute_applies_every_permutation() {
        fn all(n: usize) -> Vec<Vec<usize>> {
            if n == 0 {
                return vec![vec![]];
            }
            let mut out = Vec::new();
            for rest in all(n - 1) {
                for at in 0..n {
                    let mut p = rest.clone();
                    p.insert(at, n - 1);
                    out.push(p);
                }
            }
            out
        }
        for n in 0..=6 {
            for order in all(n) {
                let items: Vec<char> = "abcdef".chars().take(n).collect();
                let expected: Vec<char> = order.iter().map(|&i| items[i]).collect();
                let mut got = items.clone();
                permute(&mut got, order.clone());
                assert_eq!(got, expected, "order {order:?}");
            }
        }
    }

    #[test]
    fn the_public_functions_sort_stably() {
        let mut words = vec!["bb", "a", "cc", "b", "aa"];
        sort_by_key(&mut words, |w| w.len());
        assert_eq!(words, ["a", "b", "bb", "cc", "aa"]);
        sort(&mut words);
        assert_eq!(words, ["a", "aa", "b", "bb", "cc"]);
        sort_by(&mut words, |a, b| b.cmp(a));
        assert_eq!(words, ["cc", "bb", "b", "aa", "a"]);
    }
}
