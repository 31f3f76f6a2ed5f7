//! When a report says it was last updated. The workspace's `modified` time
//! counts any change, including drafts and internal notes a public report
//! leaves out; a public report is as new as the latest publication or
//! correction of a claim it carries (or the workspace, when it carries
//! none). The internal copy shows everything, so it takes the workspace's.

use super::plan::Plan;
use jiff::Timestamp;

impl Plan<'_> {
    /// The report's "Updated" time.
    pub(crate) fn updated(&self) -> Timestamp {
        if !self.audience.is_public() {
            return self.workspace.modified;
        }
        self.claims
            .iter()
            .flat_map(|planned| {
                let claim = planned.claim;
                let published = claim.publication.iter().map(|event| event.date);
                published.chain(claim.corrections.iter().map(|c| c.date))
            })
            .max()
            .unwrap_or(self.workspace.modified)
    }
}

#[cfg(test)]
mod tests {
    use crate::export::{Audience, ExportOptions, Format};

    #[test]
    fn a_public_report_is_as_new_as_its_latest_publication_or_correction() {
        let mut ws = crate::sample::sample_workspace();
        // Saved long after: drafts and notes changed, nothing public.
        ws.modified = "2030-01-01T00:00:00Z".parse().unwrap();
        let latest = ws
            .claims
            .iter()
            .filter(|c| c.is_published())
            .flat_map(|c| {
                let published = c.publication.iter().map(|e| e.date);
                published.chain(c.corrections.iter().map(|x| x.date))
            })
            .max()
            .expect("the sample publishes claims");
        let public = ExportOptions::public();
        let mut md = Vec::new();
        crate::export::write(Format::Markdown, &ws, &public, &mut md).unwrap();
        let md = String::from_utf8(md).unwrap();
        let day = latest.strftime("%-d %B %Y").to_string();
        assert!(
            md.contains(&format!("Updated {day}")),
            "{day} in:\n{}",
            &md[..400.min(md.len())]
        );
        let internal = ExportOptions {
            audience: Audience::Internal,
            ..ExportOptions::public()
        };
        let mut md = Vec::new();
        crate::export::write(Format::Markdown, &ws, &internal, &mut md).unwrap();
        let md = String::from_utf8(md).unwrap();
        assert!(
            md.contains("Updated 1 January 2030"),
            "the internal copy: everything"
        );
    }
}
