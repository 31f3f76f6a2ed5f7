//! Markdown articles: the markup is dropped, the prose kept, with a
//! paragraph break after every block; a leading heading becomes the title.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// Markdown as readable prose, and the text of a first-level heading that
/// opens the document (if any), which is left out of the prose.
pub fn markdown_to_prose(markdown: &str) -> (Option<String>, String) {
    let mut prose = String::new();
    let mut title = None;
    let mut in_opening_heading = false;
    let mut heading = String::new();
    let mut blocks_seen = 0;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) if blocks_seen == 0 => {
                in_opening_heading = true;
            }
            Event::End(TagEnd::Heading(_)) if in_opening_heading => {
                in_opening_heading = false;
                title = Some(heading.trim().to_owned());
                blocks_seen += 1;
            }
            Event::Text(text) | Event::Code(text) if in_opening_heading => heading.push_str(&text),
            Event::Text(text) | Event::Code(text) => prose.push_str(&text),
            Event::SoftBreak => prose.push(' '),
            Event::HardBreak => prose.push('\n'),
            Event::Start(Tag::Item) => prose.push_str("• "),
            Event::End(TagEnd::Item) => prose.push('\n'),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::List(_)
                | TagEnd::Table
                | TagEnd::TableRow,
            ) => {
                prose.push_str("\n\n");
                blocks_seen += 1;
            }
            Event::End(TagEnd::TableCell) => prose.push('\t'),
            Event::Rule => prose.push_str("\n\n"),
            _ => {}
        }
    }
    (title.filter(|t| !t.is_empty()), prose)
}

#[cfg(test)]
mod tests {
    use super::markdown_to_prose;

    #[test]
    fn keeps_prose_and_drops_markup() {
        let (title, prose) = markdown_to_prose(
            "# Визит в Москву\n\nОн *приедет* 7 мая,\nсказал [Кремль](https://kremlin.example).\n\n- one\n- two\n\n> quoted `code`\n",
        );
        assert_eq!(title.as_deref(), Some("Визит в Москву"));
        assert_eq!(
            prose,
            "Он приедет 7 мая, сказал Кремль.\n\n• one\n• two\n\n\nquoted code\n\n\n\n"
        );
    }

    #[test]
    fn a_later_heading_is_prose() {
        let (title, prose) = markdown_to_prose("Intro.\n\n# Later\n\nText.");
        assert_eq!(title, None);
        assert_eq!(prose, "Intro.\n\nLater\n\nText.\n\n");
    }
}
