//! The newsroom facts file: a publication date and people's dates of birth.
//!
//! ```toml
//! published = 2025-07-11
//! [[person]]
//! name = "Marco Rubio"
//! aliases = ["Marco Antonio Rubio"]
//! born = 1971-05-28     # or a bare year: born = 1971
//! ```

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// A calendar date (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Self { year, month, day })
    }

    /// `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Self> {
        let mut parts = s.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.get(..2)?.parse().ok()?;
        Self::new(year, month, day)
    }

    /// Completed years from `born` to `self`.
    pub fn years_since(self, born: Date) -> i32 {
        let mut age = self.year - born.year;
        if (self.month, self.day) < (born.month, born.day) {
            age -= 1;
        }
        age
    }

    /// Today's date (UTC) from the system clock.
    pub fn today() -> Self {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Self::from_days_since_epoch(i64::try_from(secs / 86_400).unwrap_or(0))
    }

    /// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    fn from_days_since_epoch(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A date of birth: exact, or only the year (then two ages are possible on any date).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Born {
    Date(Date),
    Year(i32),
}

impl Born {
    /// The ages this birth allows on `on`: one for a full date, two for a bare year.
    pub fn ages_on(self, on: Date) -> Vec<i32> {
        match self {
            Born::Date(born) => vec![on.years_since(born)],
            Born::Year(year) => vec![on.year - year - 1, on.year - year],
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub aliases: Vec<String>,
    pub born: Option<Born>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Facts {
    pub published: Option<Date>,
    pub people: Vec<Person>,
    pub source: Option<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
pub enum FactsError {
    #[error("{path}: cannot read facts file: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFacts {
    published: Option<toml::value::Datetime>,
    #[serde(default)]
    person: Vec<RawPerson>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    born: Option<toml::Value>,
}

impl Facts {
    pub fn load(path: &Path) -> Result<Facts, FactsError> {
        let text = std::fs::read_to_string(path).map_err(|source| FactsError::Read {
            path: path.to_owned(),
            source,
        })?;
        Self::parse(&text, path)
    }

    pub fn parse(text: &str, path: &Path) -> Result<Facts, FactsError> {
        let error = |offset: usize, message: String| {
            let (line, column) = crate::config::line_col(text, offset);
            FactsError::Parse {
                path: path.to_owned(),
                line,
                column,
                message,
            }
        };
        let raw: RawFacts = toml::from_str(text).map_err(|e| {
            error(
                e.span().map_or(0, |s| s.start),
                e.message().trim().to_string(),
            )
        })?;
        let published = match raw.published {
            None => None,
            Some(dt) => Some(
                toml_date(&dt)
                    .ok_or_else(|| error(0, format!("`published` must be a date, found {dt}")))?,
            ),
        };
        let mut people = Vec::new();
        for p in raw.person {
            let born = match &p.born {
                None => None,
                Some(toml::Value::Datetime(dt)) => {
                    Some(Born::Date(toml_date(dt).ok_or_else(|| {
                        error(0, format!("{}: `born` must be a date", p.name))
                    })?))
                }
                Some(toml::Value::Integer(year)) => {
                    Some(Born::Year(i32::try_from(*year).map_err(|_| {
                        error(0, format!("{}: `born` year out of range", p.name))
                    })?))
                }
                Some(other) => {
                    return Err(error(
                        0,
                        format!("{}: `born` must be a date or a year, found {other}", p.name),
                    ));
                }
            };
            people.push(Person {
                name: p.name,
                aliases: p.aliases,
                born,
            });
        }
        Ok(Facts {
            published,
            people,
            source: Some(path.to_owned()),
        })
    }
}

fn toml_date(dt: &toml::value::Datetime) -> Option<Date> {
    let d = dt.date?;
    Date::new(i32::from(d.year), d.month, d.day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates_and_years() {
        let facts = Facts::parse(
            "published = 2025-07-11\n[[person]]\nname = \"Marco Rubio\"\nborn = 1971-05-28\n[[person]]\nname = \"X Y\"\naliases = [\"Z\"]\nborn = 1950\n",
            Path::new("f.toml"),
        )
        .unwrap();
        let on = facts.published.unwrap();
        assert_eq!(facts.people[0].born.unwrap().ages_on(on), vec![54]);
        assert_eq!(facts.people[1].born.unwrap().ages_on(on), vec![74, 75]);
    }

    #[test]
    fn bad_born_names_the_person() {
        let err = Facts::parse(
            "[[person]]\nname = \"A B\"\nborn = \"soon\"\n",
            Path::new("f.toml"),
        )
        .unwrap_err();
        assert!(err.to_string().contains("A B"), "{err}");
    }

    #[test]
    fn age_in_completed_years() {
        let born = Date::new(1980, 3, 3).unwrap();
        assert_eq!(Date::new(2025, 3, 2).unwrap().years_since(born), 44);
        assert_eq!(Date::new(2025, 3, 3).unwrap().years_since(born), 45);
    }

    #[test]
    fn epoch_days_to_civil() {
        assert_eq!(
            Date::from_days_since_epoch(0),
            Date::new(1970, 1, 1).unwrap()
        );
        assert_eq!(
            Date::from_days_since_epoch(20_280),
            Date::new(2025, 7, 11).unwrap()
        );
    }
}
