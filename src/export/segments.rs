//! Splitting an article's text at every claim boundary, so that overlapping
//! and nested claims render correctly: each segment knows which claims
//! start and end at its start and which claims cover it.
//!
//! Offsets are chars; the text is sliced only at byte offsets that
//! [`CharIndex`](crate::anchor::CharIndex) gives for them, so never inside a
//! char. Only claims whose anchor matches the text (a `span`) take part.

use super::plan::{Plan, PlannedArticle};

/// A run of text with the same covering claims.
#[derive(Debug, PartialEq, Eq)]
pub struct Segment<'t> {
    /// Claims (indices into `Plan::claims`) ending where this segment starts,
    /// innermost first.
    pub closes: Vec<usize>,
    /// Claims starting where this segment starts, outermost first.
    pub opens: Vec<usize>,
    /// Claims covering this segment's text, outermost first.
    pub covering: Vec<usize>,
    /// The text; empty only for the last segment, which carries the claims
    /// ending at the end of the text.
    pub text: &'t str,
}

/// The segments of `article`'s text, in order; their texts concatenate to
/// the whole text.
pub fn segments<'t>(plan: &Plan<'_>, article: &PlannedArticle<'t>) -> Vec<Segment<'t>> {
    segments_between(plan, article, 0, article.index.char_len())
}

/// The segments of the chars `from..to` of `article`'s text, holding only
/// the claims whose quote lies inside that range (an excerpt of
/// [`super::plan::context_ranges`] holds its claims whole).
pub fn segments_between<'t>(
    plan: &Plan<'_>,
    article: &PlannedArticle<'t>,
    from: usize,
    to: usize,
) -> Vec<Segment<'t>> {
    let spans: Vec<(usize, usize, usize)> = plan
        .claims_of(article)
        .zip(&article.claims)
        .filter_map(|(c, &i)| c.span.map(|(s, e)| (s, e, i)))
        .filter(|&(s, e, _)| from <= s && e <= to)
        .collect();
    // Report order is by start, outer first: the order in which claims open.
    let mut ends: Vec<(usize, usize, usize)> = spans.clone();
    ends.sort_by_key(|&(start, end, i)| (end, usize::MAX - start, usize::MAX - i));
    let mut bounds: Vec<usize> = spans.iter().flat_map(|&(s, e, _)| [s, e]).collect();
    bounds.push(from);
    bounds.push(to);
    bounds.sort_unstable();
    bounds.dedup();

    let mut out = Vec::with_capacity(bounds.len());
    let mut covering: Vec<usize> = Vec::new();
    let (mut next_open, mut next_close) = (0, 0);
    for (k, &at) in bounds.iter().enumerate() {
        let mut closes = Vec::new();
        while next_close < ends.len() && ends[next_close].1 == at {
            closes.push(ends[next_close].2);
            next_close += 1;
        }
        covering.retain(|i| !closes.contains(i));
        let mut opens = Vec::new();
        while next_open < spans.len() && spans[next_open].0 == at {
            opens.push(spans[next_open].2);
            next_open += 1;
        }
        covering.extend_from_slice(&opens);
        let until = bounds.get(k + 1).copied().unwrap_or(at);
        let text = article.index.slice(at, until).unwrap_or_default();
        out.push(Segment {
            closes,
            opens,
            covering: covering.clone(),
            text,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor::find_quote;
    use crate::export::ExportOptions;
    use crate::model::{Article, Claim, Workspace};

    fn workspace_with(text: &str, quotes: &[&str]) -> Workspace {
        let mut ws = Workspace::new("t");
        let article = Article::new("a", text);
        for quote in quotes {
            let anchor = find_quote(text, quote, 0).unwrap();
            ws.claims.push(Claim::new(article.id, anchor, ""));
        }
        ws.articles.push(article);
        ws
    }

    #[test]
    fn overlapping_and_nested_claims_split_the_text_at_every_boundary() {
        // Claims: "b c d" (outer), "c" (nested), "d e" (overlapping the outer one).
        let ws = workspace_with("a b c d e f", &["b c d", "c", "d e"]);
        let plan = Plan::new(&ws, &ExportOptions::default()).unwrap();
        let segs = segments(&plan, &plan.articles[0]);
        let texts: Vec<&str> = segs.iter().map(|s| s.text).collect();
        assert_eq!(texts, ["a ", "b ", "c", " ", "d", " e", " f", ""]);
        assert_eq!(texts.concat(), "a b c d e f");
        // Plan order: "b c d" (0), "c" (1), "d e" (2).
        let covering: Vec<&[usize]> = segs.iter().map(|s| s.covering.as_slice()).collect();
        assert_eq!(
            covering,
            [&[][..], &[0], &[0, 1], &[0], &[0, 2], &[2], &[], &[]]
        );
        assert_eq!(segs[1].opens, [0]);
        assert_eq!(segs[3].closes, [1]);
        assert_eq!(segs[5].closes, [0]);
        assert_eq!(segs[6].closes, [2]);
    }

    #[test]
    fn claims_sharing_a_start_open_outer_first_and_close_inner_first() {
        let ws = workspace_with("один два три", &["один", "один два"]);
        let plan = Plan::new(&ws, &ExportOptions::default()).unwrap();
        let segs = segments(&plan, &plan.articles[0]);
        assert_eq!(plan.claims[0].claim.anchor.exact, "один два");
        assert_eq!(segs[0].opens, [0, 1]);
        assert_eq!(segs[1].closes, [1]);
        assert_eq!(segs[1].text, " два");
        assert_eq!(segs[2].closes, [0]);
    }

    #[test]
    fn broken_anchors_are_left_out_of_the_segments() {
        let mut ws = workspace_with("短文本很短", &["文本"]);
        ws.claims[0].anchor.end = 99;
        let plan = Plan::new(&ws, &ExportOptions::default()).unwrap();
        let segs = segments(&plan, &plan.articles[0]);
        assert_eq!(segs.len(), 2);
        assert_eq!(segs[0].text, "短文本很短");
        assert!(segs.iter().all(|s| s.covering.is_empty()));
    }
}
