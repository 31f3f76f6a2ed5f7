//! Markdown: the report's content for pasting into a CMS.
//!
//! Title, publisher and date, methodology and verdict scale, a summary
//! table, then each article with its metadata and its text — the whole
//! text, or in a public export of an article not marked *publish full
//! text* the sentences holding each claim — in which every claim's quote is
//! **bold** and followed by its number as a footnote-style reference link
//! to its section (`**quote**[¹][claim-…]`, with the link definitions
//! `[claim-…]: #claim-…` at the end, the ids the HTML report and
//! ClaimReview use); each claim's section heading carries that id as a
//! `{#claim-…}` attribute, which Pandoc, kramdown, Hugo and markdown-it
//! make the heading's id. Then the corrections log and the sources.
//!
//! The public export holds published claims only and no internal text; the
//! internal copy holds everything and says *Draft — not for publication*
//! at its top.
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
use super::segments::{Segment, segments, segments_between};
use std::fmt::Write as _;
use std::io;

/// Writes the plan as Markdown.
pub(super) fn write(plan: &Plan<'_>, out: &mut dyn io::Write) -> Result<(), ExportError> {
    let mut md = String::with_capacity(16 * 1024);
    if !plan.audience.is_public() {
        md.push_str("**Draft — not for publication** (internal review copy)\n\n");
    }
    header(plan, &mut md);
    methodology(plan, &mut md);
    summary(plan, &mut md);
    for article in &plan.articles {
        article_section(plan, article, &mut md);
    }
    orphans(plan, &mut md);
    corrections_log(plan, &mut md);
    sources(plan, &mut md);
    super::markdown_archived::custody_log(plan, &mut md);
    link_definitions(plan, &mut md);
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
    let _ = writeln!(md, "Updated {}\n", plan.updated().strftime("%-d %B %Y"));
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
    let articles = plan.articles.len();
    if plan.audience.is_public() {
        let _ = writeln!(
            md,
            "## Verdict summary\n\n{total} published {} in {articles} {}.\n",
            plural(total, "claim", "claims"),
            plural(articles, "article", "articles"),
        );
    } else {
        let _ = writeln!(
            md,
            "## Verdict summary\n\n{total} {} in {articles} {}; {} rated, {unrated} not yet rated.\n",
            plural(total, "claim", "claims"),
            plural(articles, "article", "articles"),
            total - unrated,
        );
    }
    md.push_str("| Verdict | Claims |\n| --- | ---: |\n");
    for (verdict, count) in plan.workspace.scale.verdicts.iter().zip(counts) {
        let _ = writeln!(md, "| {} | {count} |", markdown_inline(&verdict.label));
    }
    if unknown > 0 {
        let _ = writeln!(md, "| Unknown verdict | {unknown} |");
    }
    if !plan.audience.is_public() || unrated > 0 {
        let _ = writeln!(md, "| Not yet rated | {unrated} |");
    }
    md.push('\n');
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
    if !plan.audience.is_public() && !article.notes.trim().is_empty() {
        md.push_str("*Internal note:* ");
        push_markdown_inline(md, &article.notes.replace('\n', " "), false);
        md.push_str("\n\n");
    }
    match &planned.excerpts {
        None => article_text(plan, segments(plan, planned), md),
        Some(excerpts) => {
            if !excerpts.is_empty() {
                md.push_str("### The claims in context\n\n");
            }
            for &(from, to) in excerpts {
                let mut quoted = String::new();
                article_text(plan, segments_between(plan, planned, from, to), &mut quoted);
                for line in quoted.trim_end().lines() {
                    md.push_str(if line.is_empty() { ">" } else { "> " });
                    md.push_str(line);
                    md.push('\n');
                }
                md.push('\n');
            }
            if !article.url.trim().is_empty() {
                let _ = writeln!(
                    md,
                    "Read the whole article: {}\n",
                    markdown_link(title, &article.url)
                );
            }
        }
    }
    let claims: Vec<&PlannedClaim<'_>> = plan.claims_of(planned).collect();
    if !claims.is_empty() {
        let _ = writeln!(md, "### Claims in this article\n");
        for claim in claims {
            claim_section(plan, claim, md);
        }
    }
}

/// Article text as paragraphs (one per line), each claim's quote bold and
/// followed by its footnote-style number linking to its section. Bold runs
/// over nested and overlapping claims as one run; a claim ending inside
/// another has its number inside the run.
fn article_text(plan: &Plan<'_>, segments: Vec<Segment<'_>>, md: &mut String) {
    let mut line_start = true;
    let mut bold = false;
    for segment in segments {
        let depth = segment.covering.len();
        if depth == 0 && bold {
            md.push_str("**");
            bold = false;
        }
        for &i in &segment.closes {
            let claim = &plan.claims[i];
            let _ = write!(md, "[{}][{}]", superscript(claim.number), claim.fragment);
            line_start = false;
        }
        let mut lines = segment.text.split('\n').peekable();
        while let Some(line) = lines.next() {
            if depth > 0 && !bold && !line.trim().is_empty() {
                // `**` cannot start a block, so the line needs no guard.
                let text = if line_start { line.trim_start() } else { line };
                md.push_str("**");
                bold = true;
                push_markdown_inline(md, text, false);
            } else {
                push_markdown_inline(md, line, line_start);
            }
            line_start = line_start && line.trim().is_empty();
            if lines.peek().is_some() {
                if bold {
                    md.push_str("**");
                    bold = false;
                }
                if !line_start {
                    md.push_str("\n\n");
                }
                line_start = true;
            }
        }
    }
    if bold {
        md.push_str("**");
    }
    md.push_str("\n\n");
}

/// A claim number in superscript digits, as footnote marks are shown.
fn superscript(number: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    number
        .to_string()
        .bytes()
        .map(|d| DIGITS[usize::from(d - b'0')])
        .collect()
}

/// The reference link definitions of every claim number used in the text.
fn link_definitions(plan: &Plan<'_>, md: &mut String) {
    let placed: Vec<&PlannedClaim<'_>> = plan.claims.iter().filter(|c| c.span.is_some()).collect();
    if placed.is_empty() {
        return;
    }
    for claim in placed {
        let _ = writeln!(md, "[{}]: #{}", claim.fragment, claim.fragment);
    }
    md.push('\n');
}

fn claim_section(plan: &Plan<'_>, planned: &PlannedClaim<'_>, md: &mut String) {
    claim_heading(plan, planned, md);
    quote_notes(planned, md);
    let facts = claim_facts(plan, planned.claim);
    for fact in &facts {
        let _ = writeln!(md, "- {fact}");
    }
    if !facts.is_empty() {
        md.push('\n');
    }
    if !planned.claim.rationale.trim().is_empty() {
        push_markdown_paragraphs(md, &planned.claim.rationale);
        md.push_str("\n\n");
    }
    evidence(plan, planned, md);
    corrections(plan, planned, md);
}

/// The claim's number and statement, its verdict, its quote and when it
/// was said.
fn claim_heading(plan: &Plan<'_>, planned: &PlannedClaim<'_>, md: &mut String) {
    let statement = planned.heading();
    let _ = writeln!(
        md,
        "#### {}. {} {{#{}}}\n",
        planned.number,
        markdown_inline(&statement),
        planned.fragment
    );
    let _ = writeln!(md, "**Verdict:** {}\n", verdict_text(plan, planned.verdict));
    if !planned.quote().trim().is_empty() {
        let _ = writeln!(md, "> {}\n", markdown_inline(planned.quote()));
    }
    if let Some(location) = super::pages::location_of(planned) {
        let _ = writeln!(md, "*{}*\n", markdown_inline(&location.label()));
    }
    if let Some(line) = moment_line(planned) {
        let _ = writeln!(md, "{line}\n");
    }
    if let Some(media) = &planned.claim.media {
        let _ = writeln!(md, "{}\n", media_line(media));
    }
}

/// `*About the video at 12:03–12:19:* [https://…](<https://…#t=723,739>)`
/// for a claim about media: the link opens it at its time range.
fn media_line(media: &crate::model::MediaTarget) -> String {
    let url = media.url.trim();
    let target = match super::moment::media_target_link(media) {
        Some(link) => super::escape::markdown_link(url, &link),
        None => markdown_inline(url),
    };
    format!("*{}:* {target}", markdown_inline(&media.about()))
}

/// What the reader must know about the quote: not found at its place, or
/// the article changed after the check.
fn quote_notes(planned: &PlannedClaim<'_>, md: &mut String) {
    if planned.fault.is_some() {
        md.push_str(
            "*This quote could not be found at its place in the current text of the article.*\n\n",
        );
    }
    match planned.quote_change {
        Some(crate::model::QuoteChange::Changed(when)) => {
            let _ = writeln!(
                md,
                "*The article was changed on {}, after this check; the quote above is from the changed text.*\n",
                when.strftime("%-d %B %Y")
            );
            if let Some(checked) = &planned.quote_as_checked {
                let _ = writeln!(md, "As checked:\n\n> {}\n", markdown_inline(checked));
            }
        }
        Some(crate::model::QuoteChange::Removed(when)) => {
            let _ = writeln!(
                md,
                "*The article was changed on {}, after this check, and no longer holds this quote.*\n",
                when.strftime("%-d %B %Y")
            );
        }
        None => {}
    }
}

/// The claim's facts as list items: claimant, reporter, tags, dates, and
/// for the internal copy its workflow.
fn claim_facts(plan: &Plan<'_>, claim: &crate::model::Claim) -> Vec<String> {
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
    if let Some(first) = claim.first_published().filter(|_| claim.is_published()) {
        facts.push(format!("**Published:** {}", first.strftime("%-d %B %Y")));
    }
    if let Some(corrected) = claim.last_corrected() {
        facts.push(format!(
            "**Corrected:** {}",
            corrected.strftime("%-d %B %Y")
        ));
    }
    if !plan.audience.is_public() {
        facts.extend(internal_facts(claim));
    }
    facts
}

/// `*Said 12:03–12:19, Speaker* · [Watch at 12:03](…)` for a claim of a
/// transcript.
fn moment_line(planned: &PlannedClaim<'_>) -> Option<String> {
    use super::moment::{label, moment_of, watch_label, watch_link};
    let moment = moment_of(planned)?;
    let mut line = format!("*Said {}*", markdown_inline(&label(&moment)));
    if let Some(url) = planned.article.and_then(|a| watch_link(a, &moment)) {
        line.push_str(" · ");
        line.push_str(&super::escape::markdown_link(&watch_label(&moment), &url));
    }
    Some(line)
}

/// Status, priority, publication log, reviews and internal note, for the
/// internal copy.
fn internal_facts(claim: &crate::model::Claim) -> Vec<String> {
    use crate::model::{PublicationAction, ReviewOutcome};
    let mut facts = vec![
        format!("**Status:** {}", claim.status.label()),
        format!("**Priority:** {}", claim.priority.label()),
    ];
    let publication: Vec<String> = claim
        .publication
        .iter()
        .map(|e| {
            let action = match e.action {
                PublicationAction::Published => "published",
                PublicationAction::Unpublished => "withdrawn",
            };
            format!(
                "{action} {} by {}",
                e.date.strftime("%-d %B %Y"),
                markdown_inline(&e.by)
            )
        })
        .collect();
    facts.push(if publication.is_empty() {
        "**Publication:** draft, never published".to_owned()
    } else {
        format!("**Publication:** {}", publication.join("; "))
    });
    for review in &claim.reviews {
        let outcome = match review.outcome {
            ReviewOutcome::Approved => "approved",
            ReviewOutcome::SentBack => "sent back",
        };
        let mut line = format!(
            "**Review:** {outcome} {} by {}",
            review.date.strftime("%-d %B %Y"),
            markdown_inline(&review.by)
        );
        if !review.note.trim().is_empty() {
            let _ = write!(line, ": {}", markdown_inline(&review.note));
        }
        facts.push(line);
    }
    if !claim.internal_note.trim().is_empty() {
        facts.push(format!(
            "**Internal note:** {}",
            markdown_inline(&claim.internal_note)
        ));
    }
    facts
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
            super::markdown_archived::excerpt_place_of(plan, item, md);
        }
        if !item.note.trim().is_empty() {
            let _ = write!(md, " — {}", markdown_inline(&item.note));
        }
        md.push('\n');
    }
    md.push('\n');
}

fn corrections(plan: &Plan<'_>, planned: &PlannedClaim<'_>, md: &mut String) {
    let corrections = &planned.claim.corrections;
    if corrections.is_empty() {
        return;
    }
    md.push_str("**Corrections**\n\n");
    for correction in corrections {
        let _ = writeln!(md, "- {}", correction_text(plan, correction));
    }
    md.push('\n');
}

/// A correction's date, what it changed, and its note.
fn correction_text(plan: &Plan<'_>, correction: &crate::model::Correction) -> String {
    let label = |key: Option<&str>| match key {
        Some(key) => plan
            .workspace
            .scale
            .get(key)
            .map_or_else(|| markdown_inline(key), |v| markdown_inline(&v.label)),
        None => "no verdict".to_owned(),
    };
    let mut text = format!("{}: ", correction.date.strftime("%-d %B %Y"));
    for change in &correction.changes {
        if let Some((old, new)) = change.reported_values() {
            let _ = write!(
                text,
                "{} changed from “{}” to “{}”. ",
                change.field.label(),
                markdown_inline(old),
                markdown_inline(new)
            );
        } else if let Some(phrase) = change.reported_phrase() {
            let _ = write!(text, "{phrase}. ");
        }
    }
    if let Some((old, new)) = correction.verdict_change() {
        let _ = write!(
            text,
            "verdict changed from “{}” to “{}”. ",
            label(old),
            label(new)
        );
    }
    text.push_str(&markdown_inline(&correction.note));
    text
}

/// Every correction of the exported claims, oldest first.
fn corrections_log(plan: &Plan<'_>, md: &mut String) {
    let mut entries: Vec<(&PlannedClaim<'_>, &crate::model::Correction)> = plan
        .claims
        .iter()
        .flat_map(|c| c.claim.corrections.iter().map(move |k| (c, k)))
        .collect();
    if entries.is_empty() {
        return;
    }
    entries.sort_by_key(|(c, k)| (k.date, c.number));
    md.push_str("## Corrections\n\n");
    for (claim, correction) in entries {
        let _ = writeln!(
            md,
            "- Claim {}, {}",
            claim.number,
            correction_text(plan, correction)
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
        if source.snapshots.is_empty() && !source.archive_url.trim().is_empty() {
            let _ = write!(
                md,
                ", {}",
                markdown_link("archived copy", &source.archive_url)
            );
        }
        super::markdown_archived::archived(plan, source, k + 1, md);
        if !plan.audience.is_public() && !source.notes.trim().is_empty() {
            let _ = write!(md, ". Internal note: {}", markdown_inline(&source.notes));
        }
        md.push('\n');
    }
    super::markdown_archived::footnotes(plan, md);
}

fn plural<'s>(n: usize, one: &'s str, many: &'s str) -> &'s str {
    if n == 1 { one } else { many }
}
