//! Verdict scales: the ordered ratings a fact-checker picks from, with the
//! default scale and the PolitiFact, Snopes-style and FEVER presets.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A colour written in the file as `"#RRGGBB"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Relative luminance (0 = black, 1 = white), for choosing readable text on top.
    pub fn luminance(self) -> f32 {
        fn channel(c: u8) -> f32 {
            let c = f32::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// Whether dark text reads better than light text on this colour.
    pub fn wants_dark_text(self) -> bool {
        self.luminance() > 0.18
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

impl FromStr for Rgb {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let hex = s
            .strip_prefix('#')
            .filter(|h| h.len() == 6 && h.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| format!("colour {s:?} is not of the form \"#RRGGBB\""))?;
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|e| e.to_string());
        Ok(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }
}

impl Serialize for Rgb {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Rgb {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// One verdict of a scale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verdict {
    /// Stable key stored in claims (`"mostly-false"`).
    pub key: String,
    /// What readers see (`"Mostly false"`).
    pub label: String,
    pub colour: Rgb,
    /// Position on the truth axis, 1 = worst; `None` for verdicts off the
    /// axis such as "Unverifiable".
    pub rating: Option<u8>,
    pub description: String,
}

/// An ordered list of verdicts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerdictScale {
    pub name: String,
    pub verdicts: Vec<Verdict>,
}

/// Colour-blind-safe palette (Okabe & Ito); every verdict is also shown by label.
mod palette {
    use super::Rgb;
    pub const BLUE: Rgb = Rgb(0x00, 0x72, 0xb2);
    pub const SKY: Rgb = Rgb(0x56, 0xb4, 0xe9);
    pub const GREEN: Rgb = Rgb(0x00, 0x9e, 0x73);
    pub const YELLOW: Rgb = Rgb(0xf0, 0xe4, 0x42);
    pub const ORANGE: Rgb = Rgb(0xe6, 0x9f, 0x00);
    pub const VERMILLION: Rgb = Rgb(0xd5, 0x5e, 0x00);
    pub const PURPLE: Rgb = Rgb(0xcc, 0x79, 0xa7);
    pub const GREY: Rgb = Rgb(0x99, 0x99, 0x99);
    pub const DARK_RED: Rgb = Rgb(0x8b, 0x1a, 0x1a);
}

fn verdict(key: &str, label: &str, colour: Rgb, rating: Option<u8>, description: &str) -> Verdict {
    Verdict {
        key: key.to_owned(),
        label: label.to_owned(),
        colour,
        rating,
        description: description.to_owned(),
    }
}

impl VerdictScale {
    /// Factbench's default: True … False on the truth axis, plus Misleading and Unverifiable.
    pub fn default_scale() -> Self {
        use palette::*;
        VerdictScale {
            name: "Factbench default".into(),
            verdicts: vec![
                verdict(
                    "true",
                    "True",
                    BLUE,
                    Some(5),
                    "Accurate, with nothing significant missing.",
                ),
                verdict(
                    "mostly-true",
                    "Mostly true",
                    SKY,
                    Some(4),
                    "Accurate but needs clarification or additional information.",
                ),
                verdict(
                    "mixed",
                    "Mixed",
                    YELLOW,
                    Some(3),
                    "Partly accurate, partly inaccurate.",
                ),
                verdict(
                    "mostly-false",
                    "Mostly false",
                    ORANGE,
                    Some(2),
                    "Contains an element of truth but ignores critical facts.",
                ),
                verdict("false", "False", VERMILLION, Some(1), "Not accurate."),
                verdict(
                    "misleading",
                    "Misleading",
                    PURPLE,
                    None,
                    "Uses accurate facts in a way that leaves a false impression.",
                ),
                verdict(
                    "unverifiable",
                    "Unverifiable",
                    GREY,
                    None,
                    "Cannot be proven or disproven with the evidence available.",
                ),
            ],
        }
    }

    /// The PolitiFact Truth-O-Meter.
    pub fn politifact() -> Self {
        use palette::*;
        VerdictScale {
            name: "PolitiFact".into(),
            verdicts: vec![
                verdict(
                    "true",
                    "True",
                    BLUE,
                    Some(6),
                    "The statement is accurate and there's nothing significant missing.",
                ),
                verdict(
                    "mostly-true",
                    "Mostly True",
                    SKY,
                    Some(5),
                    "The statement is accurate but needs clarification or additional information.",
                ),
                verdict(
                    "half-true",
                    "Half True",
                    YELLOW,
                    Some(4),
                    "The statement is partially accurate but leaves out important details or takes things out of context.",
                ),
                verdict(
                    "mostly-false",
                    "Mostly False",
                    ORANGE,
                    Some(3),
                    "The statement contains an element of truth but ignores critical facts that would give a different impression.",
                ),
                verdict(
                    "false",
                    "False",
                    VERMILLION,
                    Some(2),
                    "The statement is not accurate.",
                ),
                verdict(
                    "pants-on-fire",
                    "Pants on Fire",
                    DARK_RED,
                    Some(1),
                    "The statement is not accurate and makes a ridiculous claim.",
                ),
            ],
        }
    }

    /// Ratings in the style of Snopes.
    pub fn snopes_style() -> Self {
        use palette::*;
        VerdictScale {
            name: "Snopes-style".into(),
            verdicts: vec![
                verdict(
                    "true",
                    "True",
                    BLUE,
                    Some(5),
                    "The primary elements of the claim are demonstrably true.",
                ),
                verdict(
                    "mostly-true",
                    "Mostly True",
                    SKY,
                    Some(4),
                    "The primary elements are true, but some details are inaccurate.",
                ),
                verdict(
                    "mixture",
                    "Mixture",
                    YELLOW,
                    Some(3),
                    "The claim has significant elements of both truth and falsity.",
                ),
                verdict(
                    "mostly-false",
                    "Mostly False",
                    ORANGE,
                    Some(2),
                    "The primary elements are false, but some details are accurate.",
                ),
                verdict(
                    "false",
                    "False",
                    VERMILLION,
                    Some(1),
                    "The primary elements of the claim are demonstrably false.",
                ),
                verdict(
                    "unproven",
                    "Unproven",
                    GREY,
                    None,
                    "Insufficient evidence exists to establish the claim as true or false.",
                ),
                verdict(
                    "miscaptioned",
                    "Miscaptioned",
                    PURPLE,
                    None,
                    "Real material presented with an inaccurate description of its origin or meaning.",
                ),
                verdict(
                    "misattributed",
                    "Misattributed",
                    PURPLE,
                    None,
                    "The quote or material is attributed to the wrong person or group.",
                ),
                verdict(
                    "outdated",
                    "Outdated",
                    GREEN,
                    None,
                    "Was true or false once, but events have since changed the situation.",
                ),
                verdict(
                    "satire",
                    "Satire",
                    GREY,
                    None,
                    "Material from a satirical source, taken as fact.",
                ),
            ],
        }
    }

    /// The FEVER shared-task labels.
    pub fn fever() -> Self {
        use palette::*;
        VerdictScale {
            name: "FEVER".into(),
            verdicts: vec![
                verdict(
                    "supported",
                    "Supported",
                    BLUE,
                    Some(2),
                    "The evidence supports the claim.",
                ),
                verdict(
                    "refuted",
                    "Refuted",
                    VERMILLION,
                    Some(1),
                    "The evidence refutes the claim.",
                ),
                verdict(
                    "not-enough-info",
                    "Not enough info",
                    GREY,
                    None,
                    "The evidence available is not enough to decide.",
                ),
            ],
        }
    }

    /// All presets offered when creating a workspace, default first.
    pub fn presets() -> Vec<VerdictScale> {
        vec![
            Self::default_scale(),
            Self::politifact(),
            Self::snopes_style(),
            Self::fever(),
        ]
    }

    /// The verdict with this key, if the scale has one.
    pub fn get(&self, key: &str) -> Option<&Verdict> {
        self.verdicts.iter().find(|v| v.key == key)
    }

    /// The label of the verdict `key` names, "Unrated" for none (or a key
    /// the scale lacks).
    pub fn label_of(&self, key: Option<&str>) -> &str {
        key.and_then(|k| self.get(k))
            .map_or("Unrated", |v| v.label.as_str())
    }

    /// The highest rating on the scale (ClaimReview `bestRating`).
    pub fn best_rating(&self) -> Option<u8> {
        self.verdicts.iter().filter_map(|v| v.rating).max()
    }

    /// The lowest rating on the scale (ClaimReview `worstRating`).
    pub fn worst_rating(&self) -> Option<u8> {
        self.verdicts.iter().filter_map(|v| v.rating).min()
    }
}

impl Default for VerdictScale {
    fn default() -> Self {
        Self::default_scale()
    }
}

#[cfg(test)]
mod label_tests {
    use super::VerdictScale;

    #[test]
    fn a_verdict_key_reads_as_its_label_and_none_as_unrated() {
        let scale = VerdictScale::default_scale();
        let first = &scale.verdicts[0];
        assert_eq!(scale.label_of(Some(&first.key)), first.label);
        assert_eq!(scale.label_of(None), "Unrated");
        assert_eq!(scale.label_of(Some("no-such-verdict")), "Unrated");
    }
}
