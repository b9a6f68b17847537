//! ISO 3166-1 alpha-2 country codes, and the question a feed's points must answer.

use std::fmt;
use std::str::FromStr;

/// A country as ISO 3166-1 alpha-2, upper case (`PK`, `NP`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 2]);

/// Text that is not two Latin letters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a country is two letters of ISO 3166-1 (PK, NP, BD)")]
pub struct CountryCodeError;

impl CountryCode {
    /// The code as text.
    pub fn as_str(&self) -> &str {
        // Built only from two ASCII capitals, so always UTF-8.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl FromStr for CountryCode {
    type Err = CountryCodeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().as_bytes() {
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                Ok(Self([a.to_ascii_uppercase(), b.to_ascii_uppercase()]))
            }
            _ => Err(CountryCodeError),
        }
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for CountryCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for CountryCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Country outlines, asked whether a point lies in a country: `None` when the country is
/// not known to them. The world outlines (`places::world`) answer it; a feed case whose point
/// is outside its country is refused.
pub trait CountryShapes {
    /// Whether (`lat`, `lon`) lies in `country`, allowing for simplified borders and coasts.
    fn contains(&self, country: CountryCode, lat: f64, lon: f64) -> Option<bool>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_two_letters_in_capitals() {
        assert_eq!("pk".parse::<CountryCode>().unwrap().as_str(), "PK");
        assert!("PAK".parse::<CountryCode>().is_err());
        assert!("P1".parse::<CountryCode>().is_err());
        assert!("".parse::<CountryCode>().is_err());
    }
}
