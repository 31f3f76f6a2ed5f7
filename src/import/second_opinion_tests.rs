//! The second extractor's opinion. The German excerpts are from a page of
//! trafilatura's evaluation set (github adbar/trafilatura,
//! `tests/eval/journelles.de.westwing.html`, Apache-2.0): Readability took
//! the author's bio box, trafilatura the gift guide.

use super::*;

const GIFT_GUIDE: &str = "Geschenke für die Liebsten aussuchen, als würde man für sich \
    selbst schauen – so mache ich es besonders gern. Getreu dem Motto: Was mir gut gefällt, \
    mögen die Freundinnen und die Familie sicher auch.\n\nAuf den letzten Metern vor \
    Weihnachten habe ich mich mit meinem liebsten Metier beschäftigt: der Inneneinrichtung.\n\n\
    Ich bin ein großer Fan von hübschen Aufbewahrungsmöglichkeiten – auch als Geschenk. Ich mag \
    besonders das schlichte Design der Box.";

const BIO_BOX: &str = "Ich bin Jessie Weiß, 32 Jahre jung, lebe verheiratet in Berlin und bin \
    Gründerin von Journelles.\n\nAls alter Bloghase – 2007 habe ich LesMads mitbegründet – ging \
    im Oktober 2012 mein persönlicher Traum in Erfüllung: Ich habe mich mit \"Journelles\" \
    selbstständig gemacht.\n\nMein Credo: Mode muss Spaß machen, auf Augenhöhe funktionieren \
    und sollte sich nicht so ernst nehmen.";

fn main_text(text: &str) -> Vec<Candidate> {
    vec![Candidate {
        source: "main text",
        text: text.to_owned(),
    }]
}

#[test]
fn the_same_text_laid_out_otherwise_is_shared_and_another_block_is_not() {
    let reflowed = GIFT_GUIDE.replace("\n\n", " ").replace(", ", " , ");
    assert_eq!(shared_percent(GIFT_GUIDE, &reflowed), 100);
    assert!(shared_percent(GIFT_GUIDE, BIO_BOX) < DISAGREE_PERCENT);
    // A part of the text is held whole by it.
    let first = GIFT_GUIDE.split("\n\n").next().unwrap();
    assert_eq!(shared_percent(GIFT_GUIDE, first), 100);
    // Scripts without spaces and with combining marks compare the same way.
    let japanese =
        "政府は火曜日、来年度の予算案を閣議決定した。防衛費と社会保障費が過去最大となった。";
    assert_eq!(
        shared_percent(japanese, &japanese.replace('、', "、\n")),
        100
    );
    assert!(
        shared_percent(
            japanese,
            "東京の天気は明日晴れるでしょう。気温は二十度まで上がる見込みです。"
        ) < 5
    );
    assert_eq!(shared_percent("", GIFT_GUIDE), 0);
}

#[test]
fn an_undoubted_text_another_extractor_disagrees_with_is_kept_with_a_warning() {
    let mut candidates = main_text(BIO_BOX);
    let mut warnings = Vec::new();
    let chosen = weigh(&mut candidates, 0, &mut warnings, GIFT_GUIDE, 0, "");
    assert_eq!(chosen, 0);
    assert_eq!(candidates.last().unwrap().source, SOURCE);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("second extractor") && warnings[0].contains("“Geschenke für die"),
        "{warnings:?}"
    );
}

#[test]
fn a_doubted_text_gives_way_to_a_less_doubtful_one() {
    let title = "Cosy Home Gift Guide bei Westwing Collection: Geschenke für Interior-Liebhaber";
    let mut candidates = main_text(BIO_BOX);
    let mut warnings = vec!["the text may not be the article: it holds 400 of 9000".to_owned()];
    let chosen = weigh(&mut candidates, 0, &mut warnings, GIFT_GUIDE, 0, title);
    assert_eq!(candidates[chosen].text, GIFT_GUIDE);
    assert!(
        warnings[0].contains("imported that instead"),
        "{warnings:?}"
    );
    // The other as doubtful as the text: the text stays, with a warning.
    let mut candidates = main_text(GIFT_GUIDE);
    let mut warnings = vec!["doubted".to_owned()];
    let chosen = weigh(&mut candidates, 0, &mut warnings, BIO_BOX, 0, "");
    assert_eq!((chosen, warnings.len()), (0, 2), "{warnings:?}");
}

#[test]
fn agreement_a_fragment_or_a_short_text_raise_nothing() {
    let mut warnings = Vec::new();
    let reflowed = GIFT_GUIDE.replace("\n\n", "\n");
    let mut candidates = main_text(GIFT_GUIDE);
    assert_eq!(
        weigh(&mut candidates, 0, &mut warnings, &reflowed, 0, ""),
        0
    );
    // A fragment a third of the length of an undoubted text.
    let long = format!("{GIFT_GUIDE}\n\n{GIFT_GUIDE}\n\n{GIFT_GUIDE}\n\n{GIFT_GUIDE}");
    let mut candidates = main_text(&long);
    assert_eq!(weigh(&mut candidates, 0, &mut warnings, BIO_BOX, 0, ""), 0);
    // Too short to compare, and not offered as a candidate.
    let mut candidates = main_text(GIFT_GUIDE);
    assert_eq!(
        weigh(&mut candidates, 0, &mut warnings, "Kommentare (1)", 0, ""),
        0
    );
    assert_eq!(candidates.len(), 1);
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn the_second_extractor_reads_a_page_s_article_and_date() {
    let page = format!(
        "<html><head><title>Gift Guide</title>\
         <meta property=\"article:published_time\" content=\"2022-12-16T10:00:00+01:00\"></head>\
         <body><nav><ul><li><a href=/>Mode</a></li><li><a href=/b>Beauty</a></li></ul></nav>\
         <article><h1>Mein cosy Home Gift Guide</h1>{}</article>\
         <footer><p>Journelles ist das grösste unabhängige Mode-Blogazine in Deutschland.</p></footer>\
         </body></html>",
        GIFT_GUIDE
            .split("\n\n")
            .map(|p| format!("<p>{p}</p>"))
            .collect::<String>()
    );
    let opinion = second_opinion(&page);
    assert!(
        opinion
            .text
            .contains("Geschenke für die Liebsten aussuchen"),
        "{opinion:?}"
    );
    assert!(!opinion.text.contains("Beauty"), "{opinion:?}");
    assert_eq!(opinion.published, Some(Date::constant(2022, 12, 16)));
    assert_eq!(second_opinion("<p>x</p>").published, None);
}

#[test]
fn a_page_of_too_many_paragraphs_or_cells_is_left_to_the_first_extractor() {
    let paragraphs = |n: usize| {
        let body: String = (0..n)
            .map(|i| {
                format!(
                    "<P class=x>Absatz {i}: {}</p>",
                    GIFT_GUIDE.replace("\n\n", " ")
                )
            })
            .collect();
        format!("<html><body><article>{body}</article></body></html>")
    };
    assert_eq!(
        start_tags("<p>a</p><pre>b</pre><P\n>c<param><p>", &[b"p"]),
        3
    );
    assert_eq!(
        start_tags("<td>a</td><TH>b<tdx><thead><td\tclass=x>", &[b"td", b"th"]),
        3
    );
    assert!(!second_opinion(&paragraphs(3)).text.is_empty());
    assert_eq!(
        second_opinion(&paragraphs(MAX_PARAGRAPHS + 1)),
        SecondOpinion::default()
    );
    let cells = format!(
        "<table><tr>{}</tr></table>",
        "<td>x</td>".repeat(MAX_CELLS + 1)
    );
    let with_table = paragraphs(3).replace("<article>", &format!("{cells}<article>"));
    assert_eq!(second_opinion(&with_table), SecondOpinion::default());
    let one_line = format!("<p>{}</p>", "Wort ".repeat(MAX_BYTES / 5 + 1));
    assert_eq!(second_opinion(&one_line), SecondOpinion::default());
}

/// From a saved blog post (tiptopjaw/web-content-extraction-benchmark,
/// `release/html/0489.html.gz`, Apache-2.0): Readability took the last
/// step of a long how-to, trafilatura the whole post.
const LAST_STEP: &str = "In ESPHome Builder you should now see your device shown as \
    ONLINE.\n\n17. Once your ESP32 has booted and is on the network it should automatically \
    appear under Settings -> Device & services. Click on Add and be sure to assign it to the \
    room/area it will be placed in.";

const HOW_TO_START: &str = "Unlike general presence detection, room-based location detection \
    with Bluetooth can tell you who, or what, is in each room. This is great for highly \
    customized automations with Home Assistant, that could, for example, set room lighting or \
    the temperature based on who is in the room.\n\nAn alternative to Bermuda BLE \
    Trilateration is using ESPresense, which requires dedicated ESP32s. I found it much harder \
    to configure and tweak than Bermuda BLE. Plus, trying to get a floor plan into the app and \
    accurately translated into coordinates seemed like a monumental task.\n\nA Bluetooth proxy \
    is a device running ESPHome that acts as a Bluetooth listener for Home Assistant. Instead \
    of relying on your Home Assistant server’s built-in Bluetooth (which has limited range), \
    these proxies extend Bluetooth coverage throughout your home.\n\nEach proxy listens for \
    Bluetooth Low Energy (BLE) beacons transmitted by your phone, smart watch or tracking tags. \
    By measuring the signal strength (RSSI) of these beacons at multiple proxy locations, Home \
    Assistant can determine which room you’re in. The closer you are to a proxy, the stronger \
    the signal it receives.\n\nPlace one proxy in each room you want to track, assign it to the \
    corresponding area in Home Assistant, and the Bermuda will automatically detect which room \
    has the strongest signal from your device—telling you exactly where each person (or pet) \
    is in your home. This updates in real time, and with my configuration, recognizes which \
    room I’m in under 10 seconds.";

#[test]
fn a_part_of_the_article_gives_way_to_the_text_that_holds_it_and_much_more() {
    let whole = format!("{HOW_TO_START}\n\n{LAST_STEP}");
    assert!(whole.chars().count() >= LAST_STEP.chars().count() + PART_MISSING_CHARS);
    let mut candidates = main_text(LAST_STEP);
    let mut warnings = Vec::new();
    let chosen = weigh(&mut candidates, 0, &mut warnings, &whole, 0, "");
    assert_eq!(chosen, 1, "the whole post is imported");
    assert_eq!(candidates[chosen].source, SOURCE);
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn a_text_holding_the_part_and_a_little_more_or_more_doubts_is_not_taken() {
    // A paragraph more (an author box, a comment) after an article of
    // some length is not the rest of it: the chosen text stays.
    let one_more = format!("{HOW_TO_START}\n\n{}", BIO_BOX);
    let mut candidates = main_text(HOW_TO_START);
    let chosen = weigh(&mut candidates, 0, &mut Vec::new(), &one_more, 0, "");
    assert_eq!(chosen, 0);
    // Much more, but a staff directory: more doubtful than the part.
    let directory: String = (0..150).map(|i| format!("desk{i}@example.org ")).collect();
    let with_directory = format!("{LAST_STEP}\n\n{directory}");
    let mut candidates = main_text(LAST_STEP);
    let chosen = weigh(&mut candidates, 0, &mut Vec::new(), &with_directory, 0, "");
    assert_eq!(chosen, 0);
    // And the part is not judged a part of an unrelated long text.
    let mut candidates = main_text(LAST_STEP);
    let chosen = weigh(&mut candidates, 0, &mut Vec::new(), HOW_TO_START, 0, "");
    assert_eq!(chosen, 0);
}

#[test]
fn an_almost_empty_text_gives_way_to_the_second_extractor_s_with_a_warning() {
    // lesswrong.com: Readability kept a stray "x" and the page's title.
    let stray = "x\n\nScalable End-to-End Interpretability — LessWrong";
    let mut candidates = main_text(stray);
    let mut warnings = vec!["the text may not be the article: it holds 51 of 5680".to_owned()];
    let chosen = weigh(&mut candidates, 0, &mut warnings, HOW_TO_START, 5_680, "");
    assert_eq!(chosen, 1);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("almost empty (51 characters)"),
        "{warnings:?}"
    );
    // A second text no longer than a line is no better.
    let mut candidates = main_text(stray);
    let line = "Once your ESP32 has booted and is on the network it should automatically \
        appear under Settings -> Device & services.";
    let chosen = weigh(&mut candidates, 0, &mut Vec::new(), line, 5_680, "");
    assert_eq!(chosen, 0);
}

#[test]
fn a_short_author_box_gives_way_to_the_short_report_around_it() {
    // katapult-magazin.de (trafilatura's evaluation pages, Apache-2.0):
    // Readability took the author's box under a report of a few lines.
    let bio = "Geboren 1983, ist seit 2015 Redakteur bei KATAPULT und vor allem als \
        Layouter, Grafiker und Lektor tätig. Er hat Germanistik, Kunstgeschichte und Deutsch \
        als Fremdsprache studiert.";
    let report = format!(
        "Weil es zu viele sind und viele auch nur in wenigen Bundesländern mit einer \
         Landesliste antreten, haben wir die zugelassenen Parteien gezählt. Bei der \
         Bundestagswahl traten so viele Parteien an wie nie zuvor.\n\n{bio}"
    );
    let mut candidates = main_text(bio);
    let chosen = weigh(&mut candidates, 0, &mut Vec::new(), &report, 0, "");
    assert_eq!(chosen, 1, "the report with the box is imported");
    // A long text is not replaced by one only twice as long.
    let long = format!("{HOW_TO_START}\n\n{LAST_STEP}");
    let twice = format!("{long}\n\n{}", GIFT_GUIDE.repeat(3));
    let mut candidates = main_text(&long);
    assert_eq!(weigh(&mut candidates, 0, &mut Vec::new(), &twice, 0, ""), 0);
}
