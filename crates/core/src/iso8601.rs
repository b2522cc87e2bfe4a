//! ISO 8601 dates and date-times, as RAM's date operators compare them and `acs:CurrentTime`
//! carries them: one reader for the linter (is the value a date?) and the evaluator (which
//! instant is it?).

/// An ISO 8601 date or date-time, such as `2019-08-12T12:00:00+08:00` or
/// `2012-11-11T23:59:59Z`. The date alone (`2026-01-31`) is accepted too.
pub fn is_valid(text: &str) -> bool {
    let (date, time) = match text.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (text, None),
    };
    if !valid_date(date) {
        return false;
    }
    match time {
        None => true,
        Some(time) => valid_time(time),
    }
}

fn digits(text: &str, count: usize) -> Option<u32> {
    if text.len() == count && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

fn valid_date(date: &str) -> bool {
    let mut parts = date.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let (Some(year), Some(month), Some(day)) = (digits(y, 4), digits(m, 2), digits(d, 2)) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

fn valid_time(time: &str) -> bool {
    // Split off the zone: `Z`, `+hh:mm`, `-hh:mm`, `+hhmm`.
    let (clock, zone) = if let Some(clock) = time.strip_suffix('Z') {
        (clock, None)
    } else if let Some(at) = time.rfind(['+', '-']) {
        (time.get(..at).unwrap_or_default(), time.get(at + 1..))
    } else {
        (time, None)
    };
    if let Some(zone) = zone {
        let compact: String = zone.chars().filter(|&c| c != ':').collect();
        let ok = compact.len() == 4
            && digits(compact.get(..2).unwrap_or_default(), 2).is_some_and(|h| h <= 14)
            && digits(compact.get(2..).unwrap_or_default(), 2).is_some_and(|m| m < 60);
        if !ok {
            return false;
        }
    }
    let (clock, fraction) = match clock.split_once('.') {
        Some((c, f)) => (c, Some(f)),
        None => (clock, None),
    };
    if fraction.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    let fields: Vec<&str> = clock.split(':').collect();
    let limits = [23, 59, 60];
    (2..=3).contains(&fields.len())
        && fields
            .iter()
            .zip(limits)
            .all(|(field, max)| digits(field, 2).is_some_and(|v| v <= max))
}

/// An instant as seconds and nanoseconds since 1970-01-01T00:00:00Z, ordered.
pub type Instant = (i64, u32);

/// Reads an ISO 8601 date as [`is_valid`] accepts it. A date alone is midnight
/// UTC; a time without a zone is UTC.
pub fn parse(text: &str) -> Option<Instant> {
    if !is_valid(text) {
        return None;
    }
    let (date, time) = match text.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (text, None),
    };
    let mut parts = date.split('-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next()?.parse().ok()?;
    let day: i64 = parts.next()?.parse().ok()?;
    let days = days_from_civil(year, month, day);
    let Some(time) = time else {
        return Some((days * 86_400, 0));
    };
    let (clock, offset_seconds) = if let Some(clock) = time.strip_suffix('Z') {
        (clock, 0)
    } else if let Some(at) = time.rfind(['+', '-']) {
        let zone = time.get(at + 1..)?;
        let compact: String = zone.chars().filter(|&c| c != ':').collect();
        let hours: i64 = compact.get(..2)?.parse().ok()?;
        let minutes: i64 = compact.get(2..)?.parse().ok()?;
        let sign = if time.get(at..at + 1) == Some("-") {
            -1
        } else {
            1
        };
        (time.get(..at)?, sign * (hours * 3600 + minutes * 60))
    } else {
        (time, 0)
    };
    let (clock, fraction) = match clock.split_once('.') {
        Some((c, f)) => (c, Some(f)),
        None => (clock, None),
    };
    let mut fields = clock.split(':');
    let hours: i64 = fields.next()?.parse().ok()?;
    let minutes: i64 = fields.next()?.parse().ok()?;
    let seconds: i64 = match fields.next() {
        Some(s) => s.parse().ok()?,
        None => 0,
    };
    let nanos = match fraction {
        Some(f) => {
            let digits: String = f.chars().chain(std::iter::repeat('0')).take(9).collect();
            digits.parse().ok()?
        }
        None => 0,
    };
    let total = days * 86_400 + hours * 3600 + minutes * 60 + seconds - offset_seconds;
    Some((total, nanos))
}

/// An instant written back as ISO 8601 in UTC (`2026-01-01T00:00:01Z`, with a fraction
/// when it has one), the form [`parse`] reads; `None` outside the years 0000-9999.
pub fn format(instant: Instant) -> Option<String> {
    let (seconds, nanos) = instant;
    let days = seconds.div_euclid(86_400);
    let of_day = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    if !(0..=9999).contains(&year) {
        return None;
    }
    let (h, m, s) = (of_day / 3600, of_day % 3600 / 60, of_day % 60);
    let fraction = if nanos == 0 {
        String::new()
    } else {
        format!(".{nanos:09}")
    };
    Some(format!(
        "{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}{fraction}Z"
    ))
}

/// The proleptic Gregorian date of a day counted from 1970-01-01 (the inverse of
/// `days_from_civil`, also Howard Hinnant's).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let shifted_month = (month + 9) % 12;
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn instants_format_back_to_what_parse_reads() {
        for text in [
            "1970-01-01T00:00:00Z",
            "2026-01-01T00:00:01Z",
            "2024-02-29T23:59:59Z",
            "1969-12-31T23:59:59Z",
            "2000-03-01T12:30:00.500000000Z",
            "0001-01-01T00:00:00Z",
        ] {
            let instant = parse(text).unwrap();
            assert_eq!(format(instant).as_deref(), Some(text));
        }
        let shifted = parse("2019-08-12T12:00:00+08:00").unwrap();
        assert_eq!(format(shifted).as_deref(), Some("2019-08-12T04:00:00Z"));
    }
}
