//! E-MapReduce versions as the seeds write them: `V3.38.3`, `EMR-3.38.3`, `3.38.3`.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EmrVersion {
    pub major: u32,
    pub minor: u32,
    pub patch: u32,
}

impl EmrVersion {
    pub const fn new(major: u32, minor: u32, patch: u32) -> Self {
        EmrVersion {
            major,
            minor,
            patch,
        }
    }

    /// Reads `V3.38.3`, `v3.38.3`, `EMR-3.38.3`, `emr-3.38.3` or `3.38.3`. A missing patch
    /// (`V5.8`) reads as `.0`, as the console lists minor versions.
    pub fn parse(text: &str) -> Option<EmrVersion> {
        let text = text.trim();
        let lower = text.to_ascii_lowercase();
        let body = lower
            .strip_prefix("emr-")
            .or_else(|| lower.strip_prefix('v'))
            .unwrap_or(&lower);
        let mut parts = body.split('.');
        let number = |part: Option<&str>| -> Option<u32> {
            let part = part?;
            if part.is_empty() || part.len() > 4 || !part.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            part.parse().ok()
        };
        let major = number(parts.next())?;
        let minor = number(parts.next())?;
        let patch = match parts.next() {
            None => 0,
            some => number(some)?,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(EmrVersion::new(major, minor, patch))
    }
}

impl fmt::Display for EmrVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "V{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// Which ECS application role a version uses (seed 003), and whether the custom role's
/// trusted service must change from ECS to EMR (seed 004). Both documents draw the line at
/// the same place: V3.32.0 and V4.5.0 and earlier are "old"; later 3.x and 4.x minor versions
/// and every 5.x are "new".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generation {
    /// V3.32.0 / V4.5.0 or earlier.
    Old,
    /// Later than V3.32.0 / V4.5.0, and V5.x or later.
    New,
    /// A major version the seeds do not cover (1.x, 2.x).
    Unknown,
}

pub fn generation(version: EmrVersion) -> Generation {
    match version.major {
        3 if version <= EmrVersion::new(3, 32, 0) => Generation::Old,
        3 => Generation::New,
        4 if version <= EmrVersion::new(4, 5, 0) => Generation::Old,
        4 => Generation::New,
        m if m >= 5 => Generation::New,
        _ => Generation::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_spellings() {
        for text in [
            "V3.38.3",
            "v3.38.3",
            "EMR-3.38.3",
            "emr-3.38.3",
            "3.38.3",
            " 3.38.3 ",
        ] {
            assert_eq!(
                EmrVersion::parse(text),
                Some(EmrVersion::new(3, 38, 3)),
                "{text}"
            );
        }
        assert_eq!(EmrVersion::parse("V5.8"), Some(EmrVersion::new(5, 8, 0)));
        for bad in [
            "",
            "V",
            "3",
            "3.x.1",
            "3.38.3.1",
            "EMR 3.38.3",
            "-3.38.3",
            "3..1",
        ] {
            assert_eq!(EmrVersion::parse(bad), None, "{bad}");
        }
        assert_eq!(EmrVersion::new(3, 38, 3).to_string(), "V3.38.3");
    }

    #[test]
    fn generation_boundaries_follow_the_seeds() {
        let g = |text: &str| generation(EmrVersion::parse(text).unwrap());
        assert_eq!(g("V3.32.0"), Generation::Old);
        assert_eq!(g("V3.32.1"), Generation::New);
        assert_eq!(g("V3.31.9"), Generation::Old);
        assert_eq!(g("V4.5.0"), Generation::Old);
        assert_eq!(g("V4.5.1"), Generation::New);
        assert_eq!(g("V4.10.0"), Generation::New);
        assert_eq!(g("V5.0.0"), Generation::New);
        assert_eq!(g("V5.16.0"), Generation::New);
        assert_eq!(g("V2.4.0"), Generation::Unknown);
    }
}
