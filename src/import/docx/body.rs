//! The text of a Word document's body (or of its notes), walked as a
//! stream: paragraphs apart by a blank line, line breaks and tabs kept,
//! list paragraphs with their markers, table rows as lines with cells
//! apart by tabs, tracked changes as accepted (insertions in, deletions
//! out), field codes, comments and fallback copies of drawings left out.
//! Footnote and endnote references become `[1]` / `[i]` markers, and the
//! page breaks Word recorded (hard breaks, and where it last laid out a
//! new page) split the text into pages.

use super::numbering::Numbering;
use super::xml::{XmlEvent, attr};

/// A note referred to from the text: footnote or endnote, its id in the
/// notes part, and the marker shown for it.
#[derive(Clone, Debug, PartialEq)]
pub struct NoteRef {
    pub endnote: bool,
    pub id: String,
    pub marker: String,
}

#[derive(Debug, Default)]
struct Table {
    rows: Vec<String>,
    cells: Vec<String>,
    cell: String,
}

/// The walk's state; feed it events with [`Walk::event`].
#[derive(Debug, Default)]
pub struct Walk {
    pub pages: Vec<String>,
    page: String,
    paragraph: String,
    marker: Option<String>,
    num: (Option<String>, usize),
    /// Inside deleted text, or text never shown (field codes, fallbacks).
    hidden: usize,
    in_text: bool,
    tables: Vec<Table>,
    pub notes: Vec<NoteRef>,
    /// Paragraphs open around the current one (text boxes nest them).
    depth: usize,
    outer: Vec<(String, Option<String>)>,
    footnotes: usize,
    endnotes: usize,
}

/// Elements whose content is never part of the text.
const HIDDEN: &[&str] = &[
    "del",
    "moveFrom",
    "delText",
    "instrText",
    "delInstrText",
    "Fallback",
    "commentReference",
    "annotationRef",
    "footnoteRef",
    "endnoteRef",
    "pPrChange",
    "rPrChange",
    "tabs",
];

impl Walk {
    pub fn event(&mut self, event: XmlEvent, numbering: &mut Numbering) {
        match event {
            XmlEvent::Start(name, attrs) => {
                if HIDDEN.contains(&name) {
                    self.hidden += 1;
                } else if self.hidden == 0 {
                    self.start(name, attrs);
                }
            }
            XmlEvent::End(name) => {
                if HIDDEN.contains(&name) {
                    self.hidden = self.hidden.saturating_sub(1);
                } else if self.hidden == 0 {
                    self.end(name, numbering);
                }
            }
            XmlEvent::Text(text) if self.in_text && self.hidden == 0 => {
                self.paragraph.push_str(text)
            }
            XmlEvent::Text(_) => {}
        }
    }

    fn start(&mut self, name: &str, attrs: &[(String, String)]) {
        match name {
            "t" => self.in_text = true,
            "tab" => self.paragraph.push('\t'),
            "br" if attr(attrs, "type").as_deref() == Some("page") => self.page_break(),
            "br" => self.paragraph.push('\n'),
            "cr" => self.paragraph.push('\n'),
            "noBreakHyphen" => self.paragraph.push('-'),
            "sym" => {
                if let Some(c) = attr(attrs, "char")
                    .and_then(|h| u32::from_str_radix(&h, 16).ok())
                    .and_then(char::from_u32)
                    .filter(|c| !matches!(*c as u32, 0xE000..=0xF8FF))
                {
                    self.paragraph.push(c);
                }
            }
            "lastRenderedPageBreak" => self.page_break(),
            "numId" => self.num.0 = attr(attrs, "val").filter(|v| v != "0"),
            "ilvl" => self.num.1 = attr(attrs, "val").and_then(|v| v.parse().ok()).unwrap_or(0),
            "footnoteReference" | "endnoteReference" => self.note_ref(name, attrs),
            "p" => {
                // A paragraph inside a paragraph (a text box): the outer
                // one is put aside and goes on after it.
                if self.depth > 0 {
                    let outer = (std::mem::take(&mut self.paragraph), self.marker.take());
                    self.outer.push(outer);
                }
                self.depth += 1;
                self.paragraph.clear();
                self.num = (None, 0);
                self.marker = None;
            }
            "tbl" => self.tables.push(Table::default()),
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.cells.clear();
                }
            }
            "tc" => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell.clear();
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str, numbering: &mut Numbering) {
        match name {
            "t" => self.in_text = false,
            "pPr" => {
                if let Some(num) = self.num.0.take() {
                    self.marker = numbering.marker(&num, self.num.1);
                }
            }
            "p" => {
                self.end_paragraph();
                self.depth = self.depth.saturating_sub(1);
                if let Some((text, marker)) = self.outer.pop() {
                    self.paragraph = text;
                    self.marker = marker;
                }
            }
            "tc" => {
                if let Some(t) = self.tables.last_mut() {
                    let cell = std::mem::take(&mut t.cell);
                    t.cells
                        .push(cell.split_whitespace().collect::<Vec<_>>().join(" "));
                }
            }
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    let row = t.cells.join("\t");
                    if !row.trim().is_empty() {
                        t.rows.push(row);
                    }
                    t.cells.clear();
                }
            }
            "tbl" => {
                let Some(table) = self.tables.pop() else {
                    return;
                };
                match self.tables.last_mut() {
                    Some(outer) => {
                        push_spaced(&mut outer.cell, &table.rows.join("; "));
                    }
                    None => self.push_block(&table.rows.join("\n")),
                }
            }
            _ => {}
        }
    }

    fn end_paragraph(&mut self) {
        let text = std::mem::take(&mut self.paragraph);
        let text = text.trim_end();
        let text = match self.marker.take() {
            Some(marker) if !text.trim().is_empty() => format!("{marker}{text}"),
            _ => text.to_owned(),
        };
        match self.tables.last_mut() {
            Some(table) => push_spaced(&mut table.cell, &text),
            None => self.push_block(&text),
        }
    }

    fn push_block(&mut self, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        if !self.page.is_empty() {
            self.page.push_str("\n\n");
        }
        self.page.push_str(text);
    }

    /// Ends the page here (a paragraph broken by it goes on on the next
    /// page); a break with no text before it on the page is ignored, as
    /// Word records a hard break and then the new page's start.
    fn page_break(&mut self) {
        if !self.tables.is_empty() {
            return;
        }
        let before = std::mem::take(&mut self.paragraph);
        let marker = self.marker.take();
        if !before.trim().is_empty() {
            let first = marker.map(|m| format!("{m}{}", before.trim_end()));
            self.push_block(first.as_deref().unwrap_or(before.trim_end()));
        } else {
            self.marker = marker;
        }
        if !self.page.trim().is_empty() {
            self.pages.push(std::mem::take(&mut self.page));
        }
    }

    fn note_ref(&mut self, name: &str, attrs: &[(String, String)]) {
        let Some(id) = attr(attrs, "id") else {
            return;
        };
        let endnote = name == "endnoteReference";
        let marker = if endnote {
            self.endnotes += 1;
            format!("[{}]", crate::import::numerals::roman(self.endnotes))
        } else {
            self.footnotes += 1;
            format!("[{}]", self.footnotes)
        };
        self.paragraph.push_str(&marker);
        self.notes.push(NoteRef {
            endnote,
            id,
            marker,
        });
    }

    /// The pages, the last one included.
    pub fn finish(mut self) -> (Vec<String>, Vec<NoteRef>) {
        if !self.paragraph.trim().is_empty() {
            self.end_paragraph();
        }
        if !self.page.trim().is_empty() || self.pages.is_empty() {
            self.pages.push(std::mem::take(&mut self.page));
        }
        (self.pages, self.notes)
    }
}

fn push_spaced(into: &mut String, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    if !into.is_empty() {
        into.push(' ');
    }
    into.push_str(text.trim());
}
