//! Knowing when a page's text is not its article: the doubts and the
//! choice among candidate blocks.

use super::*;

fn candidate(source: &'static str, text: &str) -> Candidate {
    Candidate {
        source,
        text: text.to_owned(),
    }
}

const ARTICLE: &str = "Der Stadtrat hat am Dienstag den Haushalt für das kommende Jahr \
    beschlossen. Die Opposition kritisierte die hohen Ausgaben für den Straßenbau, die \
    Verwaltung verwies auf den Sanierungsstau bei Brücken und Schulen in der Stadt.";

#[test]
fn a_cookie_notice_is_doubted_and_the_article_element_taken() {
    let notice = "Wir verwenden Cookies. Mit „Alle akzeptieren“ stimmen Sie der \
        Verarbeitung zu. Datenschutz | Einstellungen";
    assert!(!doubts(notice, 0).is_empty());
    assert!(doubts(ARTICLE, 0).is_empty());
    let candidates = [
        candidate("main text", notice),
        candidate("<article>", ARTICLE),
    ];
    let (chosen, warnings) = choose(&candidates, 0, "", Vec::new());
    assert_eq!(chosen, 1);
    assert!(
        warnings[0].contains("imported the page's <article> instead"),
        "{warnings:?}"
    );
}

#[test]
fn when_nothing_better_is_found_the_text_is_kept_with_a_warning() {
    let login = "Log in to your account. Password: Forgot your password? Sign in with Google";
    let (chosen, warnings) = choose(&[candidate("main text", login)], 0, "", Vec::new());
    assert_eq!(chosen, 0);
    assert!(
        warnings[0].starts_with("the text may not be the article"),
        "{warnings:?}"
    );
}

#[test]
fn a_table_of_addresses_and_a_sliver_of_a_long_page_are_doubted() {
    let addresses: String = (0..10)
        .map(|i| format!("Büro {i} buero{i}@example.org "))
        .collect();
    assert!(doubts(&addresses, 0)[0].contains("e-mail addresses"));
    assert!(doubts(ARTICLE, 50_000)[0].contains("of the page's 50000 characters"));
    assert!(doubts(ARTICLE, 1_000).is_empty());
}

#[test]
fn candidates_come_from_json_ld_article_and_main() {
    let page = format!(
        "<main><p>{ARTICLE}</p><p>Mehr.</p></main><article><h2>Titel</h2><p>{ARTICLE}</p></article>"
    );
    let document = Document::from(page.as_str());
    let candidates = other_candidates(&document, Some(ARTICLE));
    let sources: Vec<&str> = candidates.iter().map(|c| c.source).collect();
    assert_eq!(sources, ["JSON-LD articleBody", "<article>", "<main>"]);
    assert_eq!(candidates[1].first_line(), "Titel");
}

#[test]
fn an_escaped_html_article_body_is_read_as_text() {
    let body = format!(
        "&lt;p&gt;&lt;b&gt;BERLIN.-&lt;/b&gt; {ARTICLE}&lt;/p&gt;&lt;p&gt;Mehr &amp;amp; mehr.&lt;/p&gt;"
    );
    let document = Document::from("<p>x</p>");
    let candidates = other_candidates(&document, Some(&body));
    assert!(
        candidates[0].text.starts_with("BERLIN.- Der Stadtrat"),
        "{candidates:?}"
    );
    assert!(
        candidates[0].text.ends_with("Mehr & mehr."),
        "{candidates:?}"
    );
}

#[test]
fn a_list_of_names_is_doubted_and_prose_lyrics_and_uncased_scripts_are_not() {
    // harpers.org's "A Letter on Justice and Open Debate": Readability
    // took the 150 signatories, the letter was in <article>.
    let signatories = "Elliot Ackerman\nSaladin Ambar, Rutgers University\nMartin Amis\n\
        Anne Applebaum\nMarie Arana, author\nMia Bay, historian\nLouis Begley, writer\n\
        Paul Berman, writer\nReginald Dwayne Betts, poet\nNeil Blair, agent\n\
        Jennifer Finney Boylan, author\nDavid Brooks, columnist\nNoam Chomsky, MIT (emeritus)\n\
        Roger Cohen, writer\nAmbassador Frances D. Cook, ret.\nMeghan Daum, writer\n\
        Jeffrey Eugenides, writer\nDavid Frum, journalist\nMichelle Goldberg, columnist\n\
        Rebecca Goldstein, writer\nRinne B. Groff, playwright\nSarah Haider, activist";
    let doubted = doubts(signatories, 0);
    assert!(
        doubted
            .iter()
            .any(|d| d.contains("list of names (22 of its 22 lines)")),
        "{doubted:?}"
    );
    let candidates = [
        candidate("main text", signatories),
        candidate("<article>", ARTICLE),
    ];
    assert_eq!(choose(&candidates, 0, "", Vec::new()).0, 1);
    // Song lines, a Japanese list and prose are not names.
    let lyrics = "I'm pretty sure I don't need anything else\n".repeat(25);
    assert!(doubts(&lyrics, 0).is_empty());
    let japanese = "新製品のお知らせ\n".repeat(25);
    assert!(doubts(&japanese, 0).is_empty());
    assert!(doubts(&format!("{ARTICLE}\n").repeat(25), 0).is_empty());
}

#[test]
fn a_text_short_beside_its_page_gives_way_only_to_a_block_that_holds_it() {
    // A forum's first post on a long thread page (linustechtips.com):
    // the page's <main> is its list of featured topics.
    let post = "Hi guys, long time watcher, new forum member. Today I'm trying to \
        crack the code on a solid long-term, multi-use workhorse PC for editing. \
        AfterEffects is locked to a single core, so single core speed matters.";
    let topics = "Featured Topics BOINC Crunchathon 2026 (March 9th - 30th) TheLANguy \
        February 10 142\n\nFeatured Topics Recent Status Updates Popular Topics This \
        Week Member Spotlight Forum Rules Leaderboard Staff Online Users";
    let topics = [topics; 3].join("\n\n");
    let page_chars = 4_000;
    let candidates = [candidate("main text", post), candidate("<main>", &topics)];
    let (chosen, warnings) = choose(&candidates, page_chars, "", Vec::new());
    assert_eq!(chosen, 0, "the post stays");
    assert!(
        warnings[0].contains("may not be the article"),
        "{warnings:?}"
    );
    // The post and the rest of its article: taken.
    let more = format!("{post}\n\n{ARTICLE}");
    let candidates = [candidate("main text", post), candidate("<main>", &more)];
    assert_eq!(choose(&candidates, page_chars, "", Vec::new()).0, 1);
}

#[test]
fn a_main_text_sharing_nothing_with_the_article_body_is_doubted() {
    let reply = "Meiner schleppt bedingt durch das lange Fell schon so einiges von \
        draußen rein, besonders dreckig ist er aber nicht in letzter Zeit.";
    let candidates = [
        candidate("main text", reply),
        candidate("JSON-LD articleBody", ARTICLE),
    ];
    let (chosen, warnings) = choose(&candidates, 0, "", Vec::new());
    assert_eq!(chosen, 1);
    assert!(warnings[0].contains("shares no passage"), "{warnings:?}");
    // The same article, whatever its punctuation: no doubt.
    let same = ARTICLE.replace(',', " ,");
    let candidates = [
        candidate("main text", &same),
        candidate("JSON-LD articleBody", ARTICLE),
    ];
    assert_eq!(choose(&candidates, 0, "", Vec::new()), (0, Vec::new()));
}

#[test]
fn a_list_of_the_page_s_links_is_doubted() {
    let threads: Vec<String> = (0..10)
        .map(|i| format!("Thema Nummer {i} im Forum"))
        .collect();
    let links: std::collections::HashSet<String> =
        threads.iter().map(|t| format!("{t} (Teil 2)")).collect();
    let text: String = threads
        .iter()
        .map(|t| format!("{t} (Teil 2)(12)\n\n"))
        .collect();
    assert!(
        link_list(&text, &links)
            .unwrap()
            .contains("list of the page's links")
    );
    assert_eq!(link_list(ARTICLE, &links), None);
}

#[test]
fn navigation_related_links_and_comments_are_not_part_of_a_block() {
    let page = format!(
        "<article><p>{ARTICLE}</p><nav><li>Start</li></nav>\
         <div class=\"related-posts\"><p>Lesen Sie auch</p></div>\
         <ul><li><a href=/a>Ein verlinkter Artikel</a></li></ul>\
         <section id=\"comments\"><p>Toller Beitrag!</p></section></article>"
    );
    let document = Document::from(page.as_str());
    let text = paragraphs_in(&document.select("article"));
    assert_eq!(
        text,
        ARTICLE.split_whitespace().collect::<Vec<_>>().join(" ")
    );
}

#[test]
fn another_story_of_the_page_is_doubted_when_a_block_carries_the_title() {
    let sidebar = "El fiscal general colombiano llegó al país y mantuvo un encuentro con su par \
        paraguaya para ratificar la cooperación jurídica internacional entre ambas \
        instituciones en la lucha contra el terrorismo transnacional. "
        .repeat(2);
    let story = "Los sacerdotes darán la bendición a los vehículos este sábado frente a la \
        parroquia; los conductores podrán acercarse desde temprano con sus autos. "
        .repeat(3);
    let title = "Darán bendición a vehículos este sábado";
    let candidates = [
        candidate("main text", &sidebar),
        candidate("<article>", &story),
    ];
    let (chosen, warnings) = choose(&candidates, 0, title, Vec::new());
    assert_eq!(chosen, 1, "{warnings:?}");
    assert!(warnings[0].contains("bendición"), "{warnings:?}");
    // No block carries the title's words: the title alone proves nothing.
    let (chosen, warnings) = choose(&candidates[..1], 0, title, Vec::new());
    assert_eq!((chosen, warnings.len()), (0, 0));
    // Inflected words still count, and CJK titles are not judged.
    assert!(title_absent("Die Löhne steigen", "Gute Löhne allein reichen nicht").is_none());
    assert!(title_absent("别的文章", "中国 向 俄罗斯 出售 无人机 的 报道").is_none());
}
