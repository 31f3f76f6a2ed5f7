//! WebVTT file parsing as browsers do it: cases ported from the Web
//! Platform Tests (`webvtt/parsing/file-parsing/support/*.test`, 3-Clause
//! BSD License, see `tests/fixtures/transcripts/README.md`), each with the
//! cues the WPT expects: their count, identifiers, times and text.

use factbench::import::transcript::webvtt::{VttCue, parse};

fn cues(text: &str) -> Vec<VttCue> {
    parse(text).expect("a WebVTT signature")
}

fn texts(cues: &[VttCue]) -> Vec<&str> {
    cues.iter().map(|c| c.text.as_str()).collect()
}

/// WPT `arrows.test`: a line holding `-->` starts a cue only as the first
/// or second line of a block; malformed arrows are no timing.
#[test]
fn wpt_arrows() {
    let vtt = "WEBVTT\n\n-->\n00:00:00.000 --> 00:00:01.000\ntext1\nfoo-->\n00:00:00.000 --> 00:00:01.000\ntext2\n-->foo\n00:00:00.000 --> 00:00:01.000\ntext3\n--->\n00:00:00.000 --> 00:00:01.000\ntext4\n-->-->\n00:00:00.000 --> 00:00:01.000\ntext5\n00:00:00.000 --> 00:00:01.000\ntext6\n\n00:00:00.000 -a -->\n\n00:00:00.000 --a -->\n\n00:00:00.000 - -->\n\n00:00:00.000 -- -->\n";
    let cues = cues(vtt);
    assert_eq!(cues.len(), 6);
    assert_eq!(
        texts(&cues),
        ["text1", "text2", "text3", "text4", "text5", "text6"]
    );
}

/// WPT `ids.test`: the identifier is the block's line before the timing,
/// spaces and arrow-like text kept.
#[test]
fn wpt_ids() {
    let vtt = "WEBVTT\n\n leading space\n00:00:00.000 --> 00:00:01.000\ntext1\n\ntrailing space \n00:00:00.000 --> 00:00:01.000\ntext2\n\n-- >\n00:00:00.000 --> 00:00:01.000\ntext3\n\n->\n00:00:00.000 --> 00:00:01.000\ntext4\n\n \n00:00:00.000 --> 00:00:01.000\ntext5";
    let ids: Vec<String> = cues(vtt).into_iter().map(|c| c.id).collect();
    assert_eq!(
        ids,
        [" leading space", "trailing space ", "-- >", "->", " "]
    );
}

/// WPT `timings-too-short.test`: every component has its exact width.
#[test]
fn wpt_timings_too_short() {
    let mut vtt = String::from("WEBVTT\n\n0:00:00.000 --> 00:00:01.000\ntext1\n\n");
    for bad in [
        "0000:00.000 --> 00:00:01.000",
        "00:0:00.000 --> 00:00:01.000",
        "00:0000.000 --> 00:00:01.000",
        "00:00:0.000 --> 00:00:01.000",
        "00:00:00000 --> 00:00:01.000",
        "00:00:00.00 --> 00:00:01.000",
        "00:00:00.0 --> 00:00:01.000",
        "00:00:00. --> 00:00:01.000",
        "00:00:00 --> 00:00:01.000",
        "00:00 --> 00:00:01.000",
        "00 --> 00:00:01.000",
        " --> 00:00:01.000",
        "0:00.000 --> 00:01.000",
        "00:0.000 --> 00:01.000",
        "00:00.00 --> 00:01.000",
        "00:00. --> 00:01.000",
        ". --> 00:01.000",
        "00:00.000 --> 0:01.000",
    ] {
        vtt.push_str(&format!("{bad}\ninvalid\n\n"));
    }
    vtt.push_str("00:00:00.000 --> 0:00:01.000\ntext2\n");
    let cues = cues(&vtt);
    assert_eq!(texts(&cues), ["text1", "text2"]);
    assert!(cues.iter().all(|c| (c.from_ms, c.to_ms) == (0, 1000)));
}

/// WPT `timings-too-long.test`: hours may be longer, nothing else.
#[test]
fn wpt_timings_too_long() {
    let mut vtt = String::from("WEBVTT\n\n000:00:00.000 --> 00:00:01.000\ntext1\n\n");
    for bad in [
        "00::00:00.000 --> 00:00:01.000",
        "00:000:00.000 --> 00:00:01.000",
        "00:00::00.000 --> 00:00:01.000",
        "00:00:000.000 --> 00:00:01.000",
        "00:00:00..000 --> 00:00:01.000",
        "00:00:00.0000 --> 00:00:01.000",
        "00:00.0000 --> 00:00:01.000",
        "000:00.000 --> 00:01.000",
        "00::00.000 --> 00:01.000",
        "00:000.000 --> 00:01.000",
        "00:00..000 --> 00:01.000",
        "00:00.0000 --> 00:01.000",
        "00:00.000 --> 000:01.000",
    ] {
        vtt.push_str(&format!("{bad}\ninvalid\n\n"));
    }
    vtt.push_str("00:00:00.000 --> 000:00:01.000\ntext2\n");
    let cues = cues(&vtt);
    assert_eq!(texts(&cues), ["text1", "text2"]);
    assert!(cues.iter().all(|c| (c.from_ms, c.to_ms) == (0, 1000)));
}

/// WPT `timings-omitted-hours.test`.
#[test]
fn wpt_timings_omitted_hours() {
    let vtt = "WEBVTT\n\n00:00.000 --> 00:00:01.000\ntext1\n\n00:00:00.000 --> 00:01.000\ntext2\n\n00:00.000 --> 00:01.000\ntext3\n";
    let cues = cues(vtt);
    assert_eq!(texts(&cues), ["text1", "text2", "text3"]);
    assert!(cues.iter().all(|c| (c.from_ms, c.to_ms) == (0, 1000)));
}

/// WPT `timings-negative.test`: a cue ending before it starts is kept.
#[test]
fn wpt_timings_negative() {
    let vtt = "WEBVTT\n\n00:00:00.000 --> 00:00:00.000\ntext1\n\n00:00:01.000 --> 00:00:00.999\ntext2\n\n00:01:00.000 --> 00:00:59.999\ntext3\n\n01:00:00.000 --> 00:59:59.999\ntext4\n";
    let times: Vec<(u64, u64)> = cues(vtt).iter().map(|c| (c.from_ms, c.to_ms)).collect();
    assert_eq!(
        times,
        [
            (0, 0),
            (1000, 999),
            (60_000, 59_999),
            (3_600_000, 3_599_999)
        ]
    );
}

/// WPT `whitespace-chars.test`: spaces, tabs and form feeds around the
/// timing are skipped; a vertical tab is not whitespace.
#[test]
fn wpt_whitespace_chars() {
    let vtt = "WEBVTT\n\nspaces\n   00:00:00.000    -->  00:00:01.000 \n   text1\n\ntabs\n\t\t\t00:00:00.000\t\t\t\t-->\t\t00:00:01.000\t\ntext2\n\nform feed\n\x0c\x0c\x0c00:00:00.000\x0c\x0c\x0c\x0c-->\x0c\x0c00:00:01.000\x0c\ntext3\n\nvertical tab\n\x0b\x0b\x0b00:00:00.000\x0b\x0b\x0b\x0b-->\x0b\x0b00:00:01.000\x0b\ntext4\n";
    let cues = cues(vtt);
    let got: Vec<(&str, &str)> = cues
        .iter()
        .map(|c| (c.id.as_str(), c.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("spaces", "   text1"),
            ("tabs", "text2"),
            ("form feed", "text3")
        ]
    );
}

/// WPT `nulls.test`: NUL becomes U+FFFD; a NUL in the header line keeps the
/// next line in the header; a NUL inside a timestamp drops the cue.
#[test]
fn wpt_nulls() {
    let mut vtt = String::from(
        "WEBVTT\n\u{0}\n(null in previous line should make this line also part of the header)\n00:00:00.000 --> 00:00:01.000\ntext1\n\n\u{0} (null in id)\n00:00:00.000 --> 00:00:01.000\ntext2\n\n\u{fffd} (null in cue data)\n00:00:00.000 --> 00:00:01.000\n\u{fffd}text\u{0}3\n\n00:00:00.000 --> 00:00:01.000 align\u{0}:end\ntext4\n\n00:00:00.000 --> 00:00:01.000 align:end\u{0}\ntext5\n\n00:00:00.000 --> 00:00:01.000\u{0}align:end\ntext6\n\n00:00:00.000 --> 00:00:01.000\u{0} align:end\ntext7\n\n",
    );
    for bad in [
        "00:00:00.000\u{0} --> 00:00:01.000",
        "0\u{0}0:00:00.000 --> 00:00:01.000",
        "00:00:00.0\u{0}00 --> 00:00:01.000",
        "00:00:00.000 -\u{0}-> 00:00:01.000",
        "00:00:00.000 --> 00:00:01.00\u{0}0",
    ] {
        vtt.push_str(&format!("{bad}\n\"FAIL\"\n\n"));
    }
    let cues = cues(&vtt);
    assert_eq!(cues.len(), 7);
    assert_eq!(cues[1].id, "\u{fffd} (null in id)");
    assert_eq!(cues[2].text, "\u{fffd}text\u{fffd}3");
    assert_eq!(
        texts(&cues),
        [
            "text1",
            "text2",
            "\u{fffd}text\u{fffd}3",
            "text4",
            "text5",
            "text6",
            "text7"
        ]
    );
}

/// The signature: `WEBVTT` alone, or followed by a space, tab or line end
/// (WPT `signature-*`); a BOM before it is skipped.
#[test]
fn signatures() {
    for ok in [
        "WEBVTT",
        "WEBVTT\n",
        "WEBVTT foo\n",
        "WEBVTT\tfoo",
        "\u{feff}WEBVTT\n",
    ] {
        assert!(parse(ok).is_ok(), "{ok:?}");
    }
    for bad in ["WEBVT", "WEBVTTfoo", "webvtt\n", " WEBVTT", "FOO\nWEBVTT"] {
        assert!(parse(bad).is_err(), "{bad:?}");
    }
    let cues = cues("WEBVTT header garbage\nmore garbage\n\n00:00.000 --> 00:01.000\ntext");
    assert_eq!(texts(&cues), ["text"]);
}

/// Line ends: CR, LF and CRLF all end a line; a cue may also end where the
/// next block's timing line starts.
#[test]
fn line_ends_and_missing_blank_lines() {
    let vtt = "WEBVTT\r\rcr\r00:00:00.000 --> 00:00:01.000\rtext1\r\rcrlf\r\n00:00:01.000 --> 00:00:02.000\r\ntext2\r\n00:00:02.000 --> 00:00:03.000\ntext3";
    let cues = cues(vtt);
    let got: Vec<(&str, &str, u64)> = cues
        .iter()
        .map(|c| (c.id.as_str(), c.text.as_str(), c.from_ms))
        .collect();
    assert_eq!(
        got,
        [
            ("cr", "text1", 0),
            ("crlf", "text2", 1000),
            ("", "text3", 2000)
        ]
    );
    assert_eq!(cues[2].line, 10, "the timing line of the third cue");
}
