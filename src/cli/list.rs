//! `factbench list WORKSPACE`: each article's id and title, with its claims
//! and earlier versions, one article per line.

use super::FAILURE;
use crate::store;
use std::io::Write;
use std::path::Path;

/// `ID<TAB>TITLE<TAB>N claims (M orphaned)<TAB>V earlier versions`.
pub fn run(path: &Path, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let ws = match store::load(path) {
        Ok(loaded) => loaded.workspace,
        Err(error) => {
            let _ = writeln!(err, "error: {error}");
            return FAILURE;
        }
    };
    for article in &ws.articles {
        let claims = ws.claims_in(article.id).count();
        let orphaned = ws.claims_in(article.id).filter(|c| c.is_orphaned()).count();
        let _ = writeln!(
            out,
            "{}\t{}\t{claims} claim{}{}\t{} earlier version{}",
            article.id,
            crate::text::one_line(&article.title, 120),
            if claims == 1 { "" } else { "s" },
            if orphaned > 0 {
                format!(" ({orphaned} orphaned)")
            } else {
                String::new()
            },
            article.versions.len(),
            if article.versions.len() == 1 { "" } else { "s" },
        );
    }
    0
}
