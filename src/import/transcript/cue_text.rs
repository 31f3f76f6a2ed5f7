//! WebVTT cue text to plain text: the cue text tokenizer of the WebVTT
//! specification (tags, class names, annotations, timestamps, character
//! references), with the tree kept only as far as a transcript needs it:
//! the words said, and the speaker of the first voice span `<v Name>`.
//!
//! Class, italic, bold, underline, ruby, language and voice spans are
//! stripped to their text; ruby text (`<rt>`, a reading aid repeating its
//! base) and timestamp tags are left out; unknown tags are ignored with
//! their text kept, as browsers do.

/// What a cue says and who says it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CueText {
    pub text: String,
    /// The annotation of the first voice span, whitespace collapsed.
    pub voice: Option<String>,
}

enum Token {
    Text(String),
    Start { name: String, annotation: String },
    End(String),
}

/// The plain text and voice of a cue's text.
pub fn flatten(raw: &str) -> CueText {
    let mut out = CueText::default();
    let mut open: Vec<String> = Vec::new();
    let mut tokens = Tokenizer { rest: raw };
    while let Some(token) = tokens.next_token() {
        match token {
            Token::Text(text) => {
                if !open.iter().any(|n| n == "rt") {
                    out.text.push_str(&text);
                }
            }
            Token::Start { name, annotation } => {
                if name == "v" && out.voice.is_none() {
                    let voice = collapse(&annotation);
                    out.voice = (!voice.is_empty()).then_some(voice);
                }
                let known = matches!(name.as_str(), "c" | "i" | "b" | "u" | "ruby" | "v" | "lang")
                    || (name == "rt" && open.last().is_some_and(|n| n == "ruby"));
                if known {
                    open.push(name);
                }
            }
            Token::End(name) => close(&mut open, &name),
        }
    }
    out
}

/// An end tag closes the current element when it names it; `</ruby>`
/// also closes an open `<rt>` inside it; otherwise it is ignored.
fn close(open: &mut Vec<String>, name: &str) {
    match open.last().map(String::as_str) {
        Some(current) if current == name => {
            open.pop();
        }
        Some("rt") if name == "ruby" => {
            open.pop();
            open.pop();
        }
        _ => {}
    }
}

/// Spaces, tabs, line ends and form feeds collapsed to one space, trimmed.
fn collapse(text: &str) -> String {
    text.split([' ', '\t', '\n', '\x0c', '\r'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

struct Tokenizer<'a> {
    rest: &'a str,
}

impl Tokenizer<'_> {
    fn next_token(&mut self) -> Option<Token> {
        if self.rest.is_empty() {
            return None;
        }
        if let Some(tag) = self.rest.strip_prefix('<') {
            let end = tag.find('>').unwrap_or(tag.len());
            self.rest = tag.get(end + 1..).unwrap_or("");
            return Some(tag_token(&tag[..end]));
        }
        let end = self.rest.find('<').unwrap_or(self.rest.len());
        let (text, rest) = self.rest.split_at(end);
        self.rest = rest;
        Some(Token::Text(decode_references(text)))
    }
}

/// The token of the text between `<` and `>` (or the end of the cue).
fn tag_token(tag: &str) -> Token {
    if let Some(name) = tag.strip_prefix('/') {
        return Token::End(name.to_owned());
    }
    if tag.starts_with(|c: char| c.is_ascii_digit()) {
        // A timestamp tag: no text of its own.
        return Token::Text(String::new());
    }
    // The name runs to a space, tab, form feed, line feed or a dot (a
    // class); the annotation follows the first whitespace.
    let name_end = tag
        .find([' ', '\t', '\x0c', '\n', '.'])
        .unwrap_or(tag.len());
    let annotation = match tag.find([' ', '\t', '\x0c', '\n']) {
        Some(at) => tag[at..].to_owned(),
        None => String::new(),
    };
    Token::Start {
        name: tag[..name_end].to_owned(),
        annotation: decode_references(&annotation),
    }
}

/// HTML character references (`&amp;`, `&lt;`, `&nbsp;`, `&#x2014;`, …),
/// as the cue text tokenizer decodes them.
fn decode_references(text: &str) -> String {
    if text.contains('&') {
        html_escape::decode_html_entities(text).into_owned()
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_stripped_to_their_text() {
        let cue = flatten(
            "<c.yellow.bg_blue>This</c> <i>is</i> <b>bold</b> <u>and</u> <lang en-GB>so</lang>",
        );
        assert_eq!(cue.text, "This is bold and so");
        assert_eq!(cue.voice, None);
    }

    #[test]
    fn the_first_voice_names_the_speaker() {
        let cue = flatten("<v.loud   Мария  Петрова>Никогда!</v> <v Bob>No</v>");
        assert_eq!(cue.voice.as_deref(), Some("Мария Петрова"));
        assert_eq!(cue.text, "Никогда! No");
        assert_eq!(flatten("<v>hi").voice, None);
    }

    #[test]
    fn ruby_text_and_timestamps_are_left_out() {
        let cue = flatten("<ruby>漢<rt>かん</rt>字<rt>じ</ruby>です<00:00:01.000> はい");
        assert_eq!(cue.text, "漢字です はい");
    }

    #[test]
    fn references_are_decoded_and_unknown_tags_ignored() {
        let cue = flatten("Fish &amp; chips &lt;3 &#x1F600;&nbsp;<blink>ok</blink> a&b");
        assert_eq!(cue.text, "Fish & chips <3 😀\u{a0}ok a&b");
        assert_eq!(flatten("unclosed <i").text, "unclosed ");
    }
}
