//! Workspaces for benchmarks, tests and the first start: the bundled sample
//! investigation, and generated workspaces of any size in mixed scripts;
//! also a tiny static embedding model for the claim library's re-ranker
//! ([`write_synonym_embedding_model`]).

use crate::anchor::CharIndex;
use crate::model::{
    Article, Claim, Evidence, Priority, Source, SourceKind, Stance, Status, Workspace,
};

/// The bundled sample workspace file, embedded so the app opens it from any folder.
pub const SAMPLE_WORKSPACE_RON: &str = include_str!("../workspaces/xi-moscow-victory-day.ron");

/// The file name the sample is known by.
pub const SAMPLE_WORKSPACE_NAME: &str = "xi-moscow-victory-day.ron";

/// The publisher the sample is published under: a report still carrying
/// it was made from the sample and would go out under a desk that does
/// not exist.
pub const SAMPLE_PUBLISHER: &str = "Example Fact-Check Desk";

/// The bundled sample investigation.
pub fn sample_workspace() -> Workspace {
    crate::store::parse(
        SAMPLE_WORKSPACE_RON,
        std::path::Path::new(SAMPLE_WORKSPACE_NAME),
    )
    .map(|loaded| loaded.workspace)
    .unwrap_or_else(|_| Workspace::new("Untitled"))
}

const PARAGRAPHS: [&str; 4] = [
    "The ministry said exports of machine tools rose by 38 per cent last year, a figure analysts dispute. \"We have seen no evidence of that,\" one trade economist said on Tuesday.",
    "Министр заявил, что объём торговли вырос на 26 процентов, а поставки товаров двойного назначения прекращены ещё в прошлом году. Эксперты называют эти данные неполными.",
    "外交部发言人表示，双边贸易额去年增长了百分之二十六，并强调中方在冲突中始终保持中立立场。分析人士对此数据提出质疑。",
    "Officials called the claim \"completely unfounded\" 🚫 while a café owner in Kyiv 🇺🇦 said prices had doubled; the report cited nai\u{308}ve estimates and a 👩‍👩‍👧 family of five.",
];

/// Arabic news paragraphs (written for these benches), with numbers, a
/// Latin name, a lam-alef ligature, Persian letters and a Hebrew line, as
/// right-to-left articles mix them.
const RTL_PARAGRAPHS: [&str; 4] = [
    "قال المتحدث باسم وزارة الخارجية إن صادرات الآلات ارتفعت بنسبة 38 في المئة العام الماضي، وهو رقم يشكك فيه المحللون. وأضاف أن الوفد سيلتقي Joe Biden يوم الثلاثاء.",
    "وذكر التقرير أن عدد الضحايا بلغ ١٢٣ شخصاً، وأن المساعدات لم تصل إلى المناطق الشمالية منذ أسبوعين (بحسب الأمم المتحدة). ولا توجد أدلة على ذلك حتى الآن.",
    "سخنگوی وزارت خارجه گفت که حجم تجارت دوجانبه ۲۶ درصد افزایش یافته است و کارشناسان این آمار را ناقص می‌دانند.",
    "ראש הממשלה אמר כי 42 אחוז מהציבור תומכים בהצעה, אך הסקרים מראים תמונה אחרת.",
];

/// Like [`generated_workspace`] with one right-to-left article of about
/// `chars` chars: Arabic paragraphs (with Persian and Hebrew ones among
/// them) for the reader's bidi step.
pub fn generated_rtl_workspace(chars: usize, claims: usize) -> Workspace {
    generated_from(1, chars, claims, "\n\n", &RTL_PARAGRAPHS)
}

/// A workspace of `articles` articles of about `chars_per_article` chars each,
/// with `claims` claims spread evenly over them (every tenth one overlapping
/// its neighbour), one source per ten claims, and verdicts cycling through
/// the scale with every fourth claim unrated.
pub fn generated_workspace(articles: usize, chars_per_article: usize, claims: usize) -> Workspace {
    generated_with_breaks(articles, chars_per_article, claims, "\n\n")
}

/// Like [`generated_workspace`] with one article that is a single
/// paragraph (a transcript, a pasted PDF): the same sentences, run on.
pub fn generated_one_paragraph_workspace(chars: usize, claims: usize) -> Workspace {
    generated_with_breaks(1, chars, claims, " ")
}

fn generated_with_breaks(
    articles: usize,
    chars_per_article: usize,
    claims: usize,
    paragraph_break: &str,
) -> Workspace {
    generated_from(
        articles,
        chars_per_article,
        claims,
        paragraph_break,
        &PARAGRAPHS,
    )
}

fn generated_from(
    articles: usize,
    chars_per_article: usize,
    claims: usize,
    paragraph_break: &str,
    paragraphs: &[&str],
) -> Workspace {
    let mut workspace = Workspace::new("Generated workspace");
    workspace.publisher.name = SAMPLE_PUBLISHER.into();
    workspace.report_url = "https://factcheck.example.org/reports/generated".into();
    for n in 0..articles {
        let mut article = Article::new(
            format!("Generated article {}", n + 1),
            article_text(chars_per_article, paragraph_break, paragraphs),
        );
        article.outlet = "Example Outlet".into();
        article.url = format!("https://news.example.org/articles/{}", n + 1);
        workspace.articles.push(article);
    }
    workspace.sources = (0..claims.div_ceil(10))
        .map(|n| {
            let mut source = Source::new(
                format!("Source document {}", n + 1),
                format!("https://data.example.org/documents/{}", n + 1),
                SourceKind::ALL[n % SourceKind::ALL.len()],
            );
            source.publisher = "Example Statistics Office".into();
            source
        })
        .collect();
    if articles == 0 {
        return workspace;
    }
    let per_article = claims.div_ceil(articles);
    let mut made = 0;
    for article in &workspace.articles {
        let index = CharIndex::new(&article.text);
        let wanted = per_article.min(claims - made);
        workspace
            .claims
            .extend(spread_claims(article, &index, wanted, made, &workspace));
        made += wanted;
    }
    workspace
}

fn article_text(chars: usize, paragraph_break: &str, paragraphs: &[&str]) -> String {
    let mut text = String::new();
    let mut count = 0;
    let mut n = 0;
    while count < chars {
        let paragraph = paragraphs[n % paragraphs.len()];
        if !text.is_empty() {
            text.push_str(paragraph_break);
            count += paragraph_break.chars().count();
        }
        text.push_str(paragraph);
        count += paragraph.chars().count();
        n += 1;
    }
    text
}

fn spread_claims(
    article: &Article,
    index: &CharIndex<'_>,
    wanted: usize,
    first_number: usize,
    workspace: &Workspace,
) -> Vec<Claim> {
    let len = index.char_len();
    if wanted == 0 || len < 2 {
        return Vec::new();
    }
    let step = (len / wanted).max(1);
    let verdicts = &workspace.scale.verdicts;
    (0..wanted)
        .filter_map(|i| {
            let number = first_number + i;
            let start = (i * step).min(len - 1);
            let span = if number % 10 == 9 {
                step + step / 2
            } else {
                step * 2 / 3
            };
            let end = (start + span.clamp(1, 80)).min(len);
            // Whole characters only, as the window and `mark` would quote.
            let (start, end) = crate::text::widen_to_clusters(index, start, end);
            let anchor = index.capture(start, end).ok()?;
            let mut claim = Claim::new(article.id, anchor, &article.outlet);
            claim.claimant = ["Ministry", "Министр", "发言人", "Officials"][number % 4].into();
            claim.tags = vec![["trade", "exports", "neutrality"][number % 3].into()];
            claim.priority = Priority::ALL[number % Priority::ALL.len()];
            claim.status = Status::ALL[number % Status::ALL.len()];
            if number % 4 != 3 && !verdicts.is_empty() {
                claim.verdict = Some(verdicts[number % verdicts.len()].key.clone());
                claim.rationale = format!(
                    "Generated rationale for claim {number}, compared with the published figures."
                );
            }
            if let Some(source) = workspace.sources.get(number / 10) {
                claim.evidence.push(Evidence::new(
                    source.id,
                    Stance::ALL[number % Stance::ALL.len()],
                    "The reported figure was 26 per cent.",
                ));
            }
            Some(claim)
        })
        .collect()
}

/// Two copies of `base`, each with `changes` changes of its own, for the
/// merge benchmark: per side, six in ten are claim edits (rationale, status,
/// a tag, a verdict), two new claims, one a deleted claim and one an edited
/// source. Our changes are on even-numbered claims and sources, theirs on
/// odd ones, except that one change in a hundred sets the verdict of a claim
/// the other side also rated, differently: a conflict.
pub fn merge_sides(base: &Workspace, changes: usize) -> [Workspace; 2] {
    [0, 1].map(|side| side_with_changes(base, changes, side))
}

/// A merge no line diff can finish in time: base, ours and theirs of a
/// one-article workspace of `lines` lines of about a hundred chars (mixed
/// scripts), which ours rewrites line by line and theirs fixes in one line
/// in the middle.
pub fn rewrite_against_fix(lines: usize) -> [Workspace; 3] {
    let text = |line: &dyn Fn(usize) -> String| (0..lines).map(line).collect::<Vec<_>>().join("\n");
    let paragraph = |n: usize| format!("{n:06} {}", PARAGRAPHS[n % PARAGRAPHS.len()]);
    let original = text(&|n| paragraph(n).chars().take(100).collect());
    let mut base = Workspace::new("A rewrite against a fix");
    base.articles.push(Article::new("Rewritten", original));
    let mut ours = base.clone();
    ours.articles[0].text = text(&|n| format!("Rewritten line {} — переписано 改写 ✍🏽", n * 7 + 3));
    let mut theirs = base.clone();
    let fixed = format!("{:06} ", lines / 2);
    theirs.articles[0].text = theirs.articles[0].text.replacen(&fixed, "FIXED ", 1);
    [base, ours, theirs]
}

fn side_with_changes(base: &Workspace, changes: usize, side: usize) -> Workspace {
    let mut ws = base.clone();
    let claims = ws.claims.len();
    let keys: Vec<String> = ws.scale.verdicts.iter().map(|v| v.key.clone()).collect();
    if claims < 4 || keys.len() < 2 {
        return ws;
    }
    let slot = |k: usize| (2 * k + side) % claims;
    let mut deleted = Vec::new();
    for k in 0..changes {
        let at = slot(k);
        match k % 10 {
            _ if k % 100 == 99 => {
                let shared = (k * 2) % claims;
                ws.claims[shared].verdict = Some(keys[side].clone());
            }
            0 | 1 => ws.claims[at].rationale = format!("Side {side} rechecked this ({k})."),
            2 => ws.claims[at].status = Status::ALL[(side + k) % Status::ALL.len()],
            3 => ws.claims[at].tags.push(format!("side-{side}")),
            4 | 5 => ws.claims[at].verdict = Some(keys[(k / 10 + side) % keys.len()].clone()),
            6 | 7 => {
                let template = &ws.claims[at];
                let mut claim = Claim::new(template.article, template.anchor.clone(), "");
                claim.statement = format!("New claim {k} from side {side}");
                ws.claims.push(claim);
            }
            8 => deleted.push(ws.claims[at].id),
            _ => {
                let sources = ws.sources.len();
                if sources > 0 {
                    ws.sources[(2 * k + side) % sources].notes = format!("Checked by side {side}.");
                }
            }
        }
    }
    ws.claims.retain(|c| !deleted.contains(&c.id));
    ws
}

/// `text` as a newer version might change it, about 1 % of it: every
/// 10,000 chars, one of an insertion, a deletion or a rewrite of 100 chars
/// (in mixed scripts). The re-anchoring bench and the update budget use it.
pub fn edited_about_one_percent(text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let inserted: Vec<char> = "UPDATED: officials later revised this figure, and the ministry gave a new total of 2448 people. "
        .chars()
        .collect();
    let rewritten: Vec<char> = "Правительство уточнило данные; 新的数字 was published on Tuesday evening by the statistics office ok"
        .chars()
        .collect();
    let edits = chars.len() / 10_000;
    for n in (0..edits).rev() {
        let at = n * 10_000 + 5_000;
        if at + 100 > chars.len() {
            continue;
        }
        match n % 3 {
            0 => drop(chars.splice(at..at, inserted.iter().copied())),
            1 => drop(chars.drain(at..at + 100)),
            _ => drop(chars.splice(at..at + 100, rewritten.iter().copied())),
        }
    }
    chars.into_iter().collect()
}

/// Writes `reviews.jsonl` into `folder`: one published ClaimReview per
/// claim of `claims`, rated "False", its URL `https://checks.example/N`
/// for the claim's position N.
pub fn write_review_lines(folder: &std::path::Path, claims: &[&str]) -> std::io::Result<()> {
    let lines: Vec<String> = claims
        .iter()
        .enumerate()
        .map(|(n, claim)| {
            serde_json::json!({
                "@type": "ClaimReview",
                "claimReviewed": claim,
                "url": format!("https://checks.example/{n}"),
                "reviewRating": {"alternateName": "False"},
            })
            .to_string()
        })
        .collect();
    std::fs::write(folder.join("reviews.jsonl"), lines.join("\n"))
}

/// Writes a tiny static embedding model into `folder`, as the claim
/// library's re-ranker reads one (`crate::library::EmbeddingModel`): a
/// `tokenizer.json` (a word-level vocabulary over lower-cased words split
/// at spaces and punctuation, `[UNK]` for the rest) and a
/// `model.safetensors` whose `embeddings` matrix gives every word of group
/// `g` of `groups` the unit vector along dimension `g` — so the words of
/// one group are synonyms to the model and those of two groups unrelated.
pub fn write_synonym_embedding_model(
    folder: &std::path::Path,
    groups: &[&[&str]],
) -> Result<(), String> {
    let dim = groups.len().max(1);
    let mut vocab = serde_json::Map::new();
    vocab.insert("[UNK]".to_owned(), 0.into());
    let mut rows: Vec<f32> = vec![0.0; dim];
    for (g, words) in groups.iter().enumerate() {
        for word in *words {
            let word = word.to_lowercase();
            if vocab.contains_key(&word) {
                continue;
            }
            vocab.insert(word, vocab.len().into());
            rows.extend((0..dim).map(|d| if d == g { 1.0 } else { 0.0 }));
        }
    }
    let tokenizer = serde_json::json!({
        "version": "1.0",
        "truncation": null,
        "padding": null,
        "added_tokens": [{"id": 0, "content": "[UNK]", "single_word": false,
            "lstrip": false, "rstrip": false, "normalized": false, "special": true}],
        "normalizer": {"type": "Lowercase"},
        "pre_tokenizer": {"type": "Whitespace"},
        "post_processor": null,
        "decoder": null,
        "model": {"type": "WordLevel", "vocab": vocab, "unk_token": "[UNK]"},
    });
    let bytes: Vec<u8> = rows.iter().flat_map(|v| v.to_le_bytes()).collect();
    let shape = vec![rows.len() / dim, dim];
    let view = safetensors::tensor::TensorView::new(safetensors::Dtype::F32, shape, &bytes)
        .map_err(|e| e.to_string())?;
    let weights =
        safetensors::serialize([("embeddings", view)], None).map_err(|e| e.to_string())?;
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(folder.join(name), bytes)
            .map_err(|e| format!("{}: {e}", folder.join(name).display()))
    };
    write("tokenizer.json", tokenizer.to_string().as_bytes())?;
    write("model.safetensors", &weights)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_sample_loads_clean() {
        let loaded =
            crate::store::parse(SAMPLE_WORKSPACE_RON, SAMPLE_WORKSPACE_NAME.as_ref()).unwrap();
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert!(loaded.workspace.claims.len() >= 10);
    }

    #[test]
    fn generated_workspace_has_what_was_asked_and_no_problems() {
        let ws = generated_workspace(3, 20_000, 300);
        assert_eq!(ws.articles.len(), 3);
        assert_eq!(ws.claims.len(), 300);
        assert_eq!(ws.sources.len(), 30);
        assert!(ws.articles.iter().all(|a| a.char_len() >= 20_000));
        assert_eq!(ws.problems(), vec![]);
        assert_eq!(ws.claims.iter().filter(|c| c.verdict.is_none()).count(), 75);
    }
}
