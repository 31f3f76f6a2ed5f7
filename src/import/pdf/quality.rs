//! What looked wrong in the pages read, page by page: no text layer (a
//! scanned page), a page that could not be read, text that looks garbled
//! (replacement characters, controls, private-use glyphs a font did not
//! map to letters).

/// A page is garbled when more than this share of its non-space chars is
/// unmapped.
const GARBLED_SHARE: f64 = 0.10;

/// The pages seen so far, sorted by what was wrong.
#[derive(Debug, Default)]
pub struct Report {
    no_text: Vec<usize>,
    failed: Vec<(usize, String)>,
    garbled: Vec<(usize, usize)>,
    without_layout: Vec<usize>,
}

impl Report {
    /// Notes page `number` (from 1), its text and why it failed, if it did.
    pub fn page(&mut self, number: usize, text: &str, failure: Option<&str>) {
        if let Some(why) = failure {
            self.failed.push((number, why.to_owned()));
        } else if text.trim().is_empty() {
            self.no_text.push(number);
        } else if let Some(percent) = garbled_percent(text) {
            self.garbled.push((number, percent));
        }
    }

    /// Notes page `number`, read by the simpler reader, without positions.
    pub fn read_without_layout(&mut self, number: usize) {
        self.without_layout.push(number);
    }

    /// The warnings, one sentence each: failures, pages without text,
    /// garbled pages.
    pub fn warnings(self) -> Vec<String> {
        let mut out = Vec::new();
        for (number, why) in self.failed.iter().take(20) {
            out.push(format!("page {number} was left out: {why}"));
        }
        if self.failed.len() > 20 {
            let more = self.failed.len() - 20;
            out.push(format!(
                "{more} more page{} were left out",
                if more == 1 { "" } else { "s" }
            ));
        }
        match self.no_text.as_slice() {
            [] => {}
            [one] => out.push(format!(
                "page {one} has no text layer (a scanned image?); its text is not in the article"
            )),
            many => out.push(format!(
                "pages {} have no text layer (scanned images?); their text is not in the article",
                ranges(many)
            )),
        }
        match self.garbled.as_slice() {
            [] => {}
            few @ ([_] | [_, _] | [_, _, _]) => {
                for (number, percent) in few {
                    out.push(format!(
                        "page {number}: its text looks garbled ({percent}% of its characters are unmapped glyphs); check it against the PDF"
                    ));
                }
            }
            many => {
                let numbers: Vec<usize> = many.iter().map(|(n, _)| *n).collect();
                let worst = many.iter().map(|(_, p)| *p).max().unwrap_or(0);
                out.push(format!(
                    "pages {} look garbled (up to {worst}% of their characters are unmapped glyphs); check them against the PDF",
                    ranges(&numbers)
                ));
            }
        }
        if !self.without_layout.is_empty() {
            let (s, numbers) = match self.without_layout.as_slice() {
                [one] => ("", one.to_string()),
                many => ("s", ranges(many)),
            };
            out.push(format!(
                "page{s} {numbers}: fonts the layout reader could not decode; read without positions, so columns and line order may be off"
            ));
        }
        out
    }
}

/// The share (in percent) of unmapped chars in `text`, when it is over
/// the limit and the text is long enough to tell.
pub fn garbled_percent(text: &str) -> Option<usize> {
    let (mut all, mut bad) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        all += 1;
        if is_unmapped(c) {
            bad += 1;
        }
    }
    let share = bad as f64 / all.max(1) as f64;
    (all >= 20 && share > GARBLED_SHARE).then(|| (share * 100.0).round() as usize)
}

fn is_unmapped(c: char) -> bool {
    c == '\u{fffd}' || c.is_control() || matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..)
}

/// `3–5, 9, 12–14`
pub fn ranges(numbers: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < numbers.len() {
        let mut j = i;
        while j + 1 < numbers.len() && numbers[j + 1] == numbers[j] + 1 {
            j += 1;
        }
        parts.push(if i == j {
            numbers[i].to_string()
        } else {
            format!("{}–{}", numbers[i], numbers[j])
        });
        i = j + 1;
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_reported_by_what_was_wrong() {
        let mut report = Report::default();
        report.page(1, "Plain readable text on the first page.", None);
        report.page(2, "", None);
        report.page(3, " \n", None);
        report.page(4, &"\u{fffd}\u{e001}ab".repeat(10), None);
        report.page(5, "", Some("its reader failed (x)"));
        report.read_without_layout(6);
        let warnings = report.warnings();
        assert_eq!(warnings.len(), 4, "{warnings:?}");
        assert!(warnings[3].starts_with("page 6: fonts the layout reader could not decode"));
        assert_eq!(warnings[0], "page 5 was left out: its reader failed (x)");
        assert!(warnings[1].starts_with("pages 2–3 have no text layer"));
        assert!(warnings[2].starts_with("page 4: its text looks garbled (50%"));
    }

    #[test]
    fn one_page_without_text_is_named_alone() {
        let mut report = Report::default();
        report.page(3, "", None);
        assert!(report.warnings()[0].starts_with("page 3 has no text layer"));
        assert_eq!(ranges(&[1, 2, 3, 7, 9, 10]), "1–3, 7, 9–10");
        assert_eq!(garbled_percent("short \u{fffd}"), None);
        let mut many = Report::default();
        for page in 1..=5 {
            many.page(page, &"\u{fffd}ab".repeat(10), None);
        }
        assert_eq!(
            many.warnings(),
            [
                "pages 1–5 look garbled (up to 33% of their characters are unmapped glyphs); check them against the PDF"
            ]
        );
    }
}
