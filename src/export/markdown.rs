//! Markdown: the report's content for pasting into a CMS.
//!
//! Title, publisher and date, methodology and verdict scale, a summary
//! table, then each article with its metadata and text, in which every
//! claim is marked `⟦n⟧ … ⟦/n⟧` (so nested and overlapping claims stay
//! readable), followed by a section per claim; then the sources.
//!
//! All user text is escaped for Markdown (no raw HTML, no links or emphasis
//! can form, no line can turn into a heading or list); bidirectional
//! overrides become visible placeholders; only `http`, `https` and `mailto`
//! URLs become links (see [`super::escape`]). CommonMark with GFM tables.

use super::ExportError;
use super::escape::{
    markdown_inline, markdown_link, push_markdown_inline, push_markdown_paragraphs,
};
use super::plan::{Plan, PlannedArticle, PlannedClaim, VerdictState};
use super::segments::segments;
use std::fmt::Write as _;
use std::io;

/// Writes the plan as Markdown.
pub(super) fn write(plan: &Plan<'_>, out: &mut dyn io::Write) -> Result<(), ExportError> {
    let mut md = String::with_capacity(16 * 1024);
    header(plan, &mut md);
    methodology(plan, &mut md);
    summary(plan, &mut md);
    for article in &plan.articles {
        article_section(plan, article, &mut md);
    }
    orphans(plan, &mut md);
    sources(plan, &mut md);
    out.write_all(md.as_bytes())?;
    Ok(())
}

fn header(plan: &Plan<'_>, md: &mut String) {
    let ws = plan.workspace;
    let title = if ws.title.trim().is_empty() {
        "Untitled"
    } else {
        &ws.title
    };
    let _ = writeln!(md, "# {}\n", markdown_inline(title));
    if !ws.description.trim().is_empty() {
        push_markdown_paragraphs(md, &ws.description);
        md.push_str("\n\n");
    }
    if !ws.publisher.name.trim().is_empty() || !ws.publisher.url.trim().is_empty() {
        let _ = write!(
            md,
            "Published by {} · ",
            markdown_link(&ws.publisher.name, &ws.publisher.url)
        );
    }
    let _ = writeln!(md, "Updated {}\n", ws.modified.strftime("%-d %B %Y"));
}

fn methodology(plan: &Plan<'_>, md: &mut String) {
    let ws = plan.workspace;
    md.push_str("## Methodology\n\n");
    if ws.methodology.trim().is_empty() {
        md.push_str("Each claim below was checked against the sources listed with it.");
    } else {
        push_markdown_paragraphs(md, &ws.methodology);
    }
    md.push_str("\n\n**Verdict scale**\n\n");
    for verdict in &ws.scale.verdicts {
        let _ = writeln!(
            md,
            "- **{}**: {}",
            markdown_inline(&verdict.label),
            markdown_inline(&verdict.description)
        );
    }
    md.push('\n');
}

fn summary(plan: &Plan<'_>, md: &mut String) {
    let (counts, unrated, unknown) = plan.verdict_counts();
    let total = plan.claims.len();
    let _ = writeln!(
        md,
        "## Verdict summary\n\n{total} {} in {} {}; {} rated, {unrated} not yet rated.\n",
        plural(total, "claim", "claims"),
        plan.articles.len(),
        plural(plan.articles.len(), "article", "articles"),
        total - unrated,
    );
    md.push_str("| Verdict | Claims |\n| --- | ---: |\n");
    for (verdict, count) in plan.workspace.scale.verdicts.iter().zip(counts) {
        let _ = writeln!(md, "| {} | {count} |", markdown_inline(&verdict.label));
    }
    if unknown > 0 {
        let _ = writeln!(md, "| Unknown verdict | {unknown} |");
    }
    let _ = writeln!(md, "| Not yet rated | {unrated} |\n");
}

fn article_section(plan: &Plan<'_>, planned: &PlannedArticle<'_>, md: &mut String) {
    let article = planned.article;
    let title = if article.title.trim().is_empty() {
        "Untitled"
    } else {
        &article.title
    };
    let _ = writeln!(md, "## {}\n", markdown_inline(title));
    let mut meta = Vec::new();
    if !article.outlet.trim().is_empty() {
        meta.push(format!("**Outlet:** {}", markdown_inline(&article.outlet)));
    }
    if !article.author.trim().is_empty() {
        meta.push(format!("**Author:** {}", markdown_inline(&article.author)));
    }
    if let Some(date) = article.published {
        meta.push(format!("**Published:** {}", date.strftime("%-d %B %Y")));
    }
    if !article.url.trim().is_empty() {
        meta.push(format!(
            "**Address:** {}",
            markdown_link(&article.url, &article.url)
        ));
    }
    for line in &meta {
        let _ = writeln!(md, "- {line}");
    }
    if !meta.is_empty() {
        md.push('\n');
    }
    if !article.notes.trim().is_empty() {
        md.push_str("*Note:* ");
        push_markdown_inline(md, &article.notes.replace('\n', " "), false);
        md.push_str("\n\n");
    }
    article_text(plan, planned, md);
    let claims: Vec<&PlannedClaim<'_>> = plan.claims_of(planned).collect();
    if !claims.is_empty() {
        let _ = writeln!(md, "### Claims in this article\n");
        for claim in claims {
            claim_section(plan, claim, md);
        }
    }
}

/// The article text as paragraphs (one per line), with `⟦n⟧` before and
/// `⟦/n⟧` after each claim.
fn article_text(plan: &Plan<'_>, planned: &PlannedArticle<'_>, md: &mut String) {
    let mut line_start = true;
    for segment in segments(plan, planned) {
        for &i in &segment.closes {
            let _ = write!(md, "⟦/{}⟧", plan.claims[i].number);
            line_start = false;
        }
        for &i in &segment.opens {
            let _ = write!(md, "⟦{}⟧", plan.claims[i].number);
            line_start = false;
        }
        let mut lines = segment.text.split('\n').peekable();
        while let Some(line) = lines.next() {
            push_markdown_inline(md, line, line_start);
            line_start = line_start && line.trim().is_empty();
            if lines.peek().is_some() {
                if !line_start {
                    md.push_str("\n\n");
                }
                line_start = true;
            }
        }
    }
    md.push_str("\n\n");
}

fn claim_section(plan: &Plan<'_>, planned: &PlannedClaim<'_>, md: &mut String) {
    let claim = planned.claim;
    let statement = if claim.statement.trim().is_empty() {
        &claim.anchor.exact
    } else {
        &claim.statement
    };
    let _ = writeln!(
        md,
        "#### {}. {}\n",
        planned.number,
        markdown_inline(statement)
    );
    let _ = writeln!(md, "**Verdict:** {}\n", verdict_text(plan, planned.verdict));
    if !claim.anchor.exact.trim().is_empty() {
        let _ = writeln!(md, "> {}\n", markdown_inline(&claim.anchor.exact));
    }
    if planned.fault.is_some() {
        md.push_str(
            "*This quote could not be found at its place in the current text of the article.*\n\n",
        );
    }
    let mut facts = Vec::new();
    if !claim.claimant.trim().is_empty() {
        facts.push(format!(
            "**Claimant:** {}",
            markdown_inline(&claim.claimant)
        ));
    }
    if !claim.reported_by.trim().is_empty() {
        facts.push(format!(
            "**Reported by:** {}",
            markdown_inline(&claim.reported_by)
        ));
    }
    if !claim.tags.is_empty() {
        let tags: Vec<String> = claim.tags.iter().map(|t| markdown_inline(t)).collect();
        facts.push(format!("**Tags:** {}", tags.join(", ")));
    }
    if !claim.is_rated() {
        facts.push(format!("**Status:** {}", claim.status.label()));
    }
    for fact in &facts {
        let _ = writeln!(md, "- {fact}");
    }
    if !facts.is_empty() {
        md.push('\n');
    }
    if !claim.rationale.trim().is_empty() {
        push_markdown_paragraphs(md, &claim.rationale);
        md.push_str("\n\n");
    }
    evidence(plan, planned, md);
    corrections(planned, md);
}

fn verdict_text(plan: &Plan<'_>, verdict: VerdictState<'_>) -> String {
    match verdict {
        VerdictState::Rated(v) => match (v.rating, plan.workspace.scale.best_rating()) {
            (Some(rating), Some(best)) => {
                format!("{} ({rating} of {best})", markdown_inline(&v.label))
            }
            _ => markdown_inline(&v.label),
        },
        VerdictState::Unrated => "Not yet rated".to_owned(),
        VerdictState::Unknown(key) => format!("Unknown verdict “{}”", markdown_inline(key)),
    }
}

fn evidence(plan: &Plan<'_>, planned: &PlannedClaim<'_>, md: &mut String) {
    let evidence = &planned.claim.evidence;
    if evidence.is_empty() {
        return;
    }
    md.push_str("**Evidence**\n\n");
    for item in evidence {
        let _ = write!(md, "- *{}:* ", item.stance.label());
        match (plan.source(item.source), plan.source_number(item.source)) {
            (Some(source), Some(n)) => {
                md.push_str(&markdown_link(&source.title, &source.url));
                if !source.publisher.trim().is_empty() {
                    let _ = write!(md, ", {}", markdown_inline(&source.publisher));
                }
                let _ = write!(md, " \\[S{n}\\]");
            }
            _ => md.push_str("a source that is missing from the source library"),
        }
        if !item.excerpt.trim().is_empty() {
            let _ = write!(md, ": “{}”", markdown_inline(&item.excerpt));
        }
        if !item.note.trim().is_empty() {
            let _ = write!(md, " — {}", markdown_inline(&item.note));
        }
        md.push('\n');
    }
    md.push('\n');
}

fn corrections(planned: &PlannedClaim<'_>, md: &mut String) {
    let corrections = &planned.claim.corrections;
    if corrections.is_empty() {
        return;
    }
    md.push_str("**Corrections**\n\n");
    for correction in corrections {
        let _ = writeln!(
            md,
            "- {}: {}",
            correction.date.strftime("%-d %B %Y"),
            markdown_inline(&correction.note)
        );
    }
    md.push('\n');
}

fn orphans(plan: &Plan<'_>, md: &mut String) {
    if plan.orphans.is_empty() {
        return;
    }
    md.push_str("## Claims without an article\n\n");
    for &i in &plan.orphans {
        claim_section(plan, &plan.claims[i], md);
    }
}

fn sources(plan: &Plan<'_>, md: &mut String) {
    if plan.sources.is_empty() {
        return;
    }
    md.push_str("## Sources\n\n");
    for (k, source) in plan.sources.iter().enumerate() {
        let _ = write!(
            md,
            "{}. \\[S{}\\] {} ({})",
            k + 1,
            k + 1,
            markdown_link(&source.title, &source.url),
            source.kind.label()
        );
        if !source.publisher.trim().is_empty() {
            let _ = write!(md, ", {}", markdown_inline(&source.publisher));
        }
        if let Some(date) = source.published {
            let _ = write!(md, ", published {}", date.strftime("%-d %B %Y"));
        }
        if let Some(date) = source.accessed {
            let _ = write!(md, ", accessed {}", date.strftime("%-d %B %Y"));
        }
        if !source.archive_url.trim().is_empty() {
            let _ = write!(
                md,
                ", {}",
                markdown_link("archived copy", &source.archive_url)
            );
        }
        if !source.notes.trim().is_empty() {
            let _ = write!(md, ". {}", markdown_inline(&source.notes));
        }
        md.push('\n');
    }
}

fn plural<'s>(n: usize, one: &'s str, many: &'s str) -> &'s str {
    if n == 1 { one } else { many }
}
