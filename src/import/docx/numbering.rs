//! List numbering of a Word document (`word/numbering.xml`): each list
//! level's format and label template, and the counters that give each list
//! paragraph its marker ("1.", "a)", "•").

use super::xml::{XmlEvent, attr, for_each_event};
use crate::import::numerals::{letters, roman};
use std::collections::HashMap;

/// One level of a list: how its number is written and the label around
/// it (`%1.`, `(%2)`).
#[derive(Clone, Debug, Default, PartialEq)]
struct Level {
    format: String,
    text: String,
    start: u32,
}

/// The lists of a document and their counters so far.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    nums: HashMap<String, String>,
    counters: HashMap<String, [u32; 9]>,
}

impl Numbering {
    /// Reads `numbering.xml`; an unreadable part gives no numbering.
    pub fn parse(xml: &[u8]) -> Numbering {
        let mut numbering = Numbering::default();
        let mut abstract_id: Option<String> = None;
        let mut level: Option<(usize, Level)> = None;
        let mut num_id: Option<String> = None;
        let _ = for_each_event(xml, |event| {
            match event {
                XmlEvent::Start(name, attrs) => match name {
                    "abstractNum" => abstract_id = attr(attrs, "abstractNumId"),
                    "lvl" => {
                        let index = attr(attrs, "ilvl")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(0);
                        level = Some((
                            index,
                            Level {
                                start: 1,
                                ..Level::default()
                            },
                        ));
                    }
                    "start" | "numFmt" | "lvlText" => {
                        if let (Some((_, level)), Some(value)) =
                            (level.as_mut(), attr(attrs, "val"))
                        {
                            match name {
                                "start" => level.start = value.parse().unwrap_or(1),
                                "numFmt" => level.format = value,
                                _ => level.text = value,
                            }
                        }
                    }
                    "num" => num_id = attr(attrs, "numId"),
                    "abstractNumId" => {
                        if let (Some(num), Some(value)) = (num_id.as_ref(), attr(attrs, "val")) {
                            numbering.nums.insert(num.clone(), value);
                        }
                    }
                    _ => {}
                },
                XmlEvent::End(name) => match name {
                    "lvl" => {
                        if let (Some(id), Some((index, done))) =
                            (abstract_id.as_ref(), level.take())
                        {
                            let levels = numbering.abstracts.entry(id.clone()).or_default();
                            if index < 9 {
                                if levels.len() <= index {
                                    levels.resize(index + 1, Level::default());
                                }
                                levels[index] = done;
                            }
                        }
                    }
                    "abstractNum" => abstract_id = None,
                    "num" => num_id = None,
                    _ => {}
                },
                XmlEvent::Text(_) => {}
            }
            Ok(())
        });
        numbering
    }

    /// The marker of the next paragraph of list `num_id` at `level`, with
    /// a space after it; counting it.
    pub fn marker(&mut self, num_id: &str, level: usize) -> Option<String> {
        let levels = self.abstracts.get(self.nums.get(num_id)?)?;
        let level = level.min(8);
        let this = levels.get(level)?;
        let counters = self.counters.entry(num_id.to_owned()).or_insert_with(|| {
            let mut start = [0u32; 9];
            for (i, l) in levels.iter().enumerate().take(9) {
                start[i] = l.start.saturating_sub(1);
            }
            start
        });
        counters[level] += 1;
        for (i, counter) in counters.iter_mut().enumerate().skip(level + 1) {
            *counter = levels.get(i).map_or(0, |l| l.start.saturating_sub(1));
        }
        let label = match this.format.as_str() {
            "bullet" => "•".to_owned(),
            "none" => return None,
            _ => {
                let mut label = this.text.clone();
                for (i, l) in levels.iter().enumerate().take(9) {
                    let placeholder = format!("%{}", i + 1);
                    if label.contains(&placeholder) {
                        label = label.replace(&placeholder, &number(counters[i].max(1), &l.format));
                    }
                }
                label
            }
        };
        (!label.trim().is_empty()).then(|| format!("{label} "))
    }
}

fn number(n: u32, format: &str) -> String {
    match format {
        "lowerLetter" => letters(n as usize),
        "upperLetter" => letters(n as usize).to_uppercase(),
        "lowerRoman" => roman(n as usize),
        "upperRoman" => roman(n as usize).to_uppercase(),
        "decimalZero" if n < 10 => format!("0{n}"),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%2)"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num>
    </w:numbering>"#;

    #[test]
    fn list_paragraphs_are_counted_by_level() {
        let mut n = Numbering::parse(XML.as_bytes());
        assert_eq!(n.marker("5", 0).as_deref(), Some("1. "));
        assert_eq!(n.marker("5", 1).as_deref(), Some("1.a) "));
        assert_eq!(n.marker("5", 1).as_deref(), Some("1.b) "));
        assert_eq!(n.marker("5", 0).as_deref(), Some("2. "));
        assert_eq!(n.marker("5", 1).as_deref(), Some("2.a) "));
        assert_eq!(n.marker("6", 0).as_deref(), Some("• "));
        assert_eq!(n.marker("9", 0), None);
    }
}
