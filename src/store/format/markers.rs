//! Keeping git's conflict markers out of the file Factbench writes.
//!
//! Long texts are written as multi-line strings, so a line of an article
//! or a rationale is a line of the file. A text quoting a git conflict
//! block (`<<<<<<<`, `=======`, `>>>>>>>` or `|||||||` at the start of a
//! line) would then make the file look conflicted to git and to a person.
//! Such a string is rewritten as an escaped string whose marker lines start
//! with a `\u{..}` escape instead of the marker's first character: the text
//! reads back the same, the file has no marker at column 1, and every other
//! line of the string is still a line of its own.

/// The characters git repeats seven times to mark a conflict.
const MARKER_CHARS: [char; 4] = ['<', '=', '>', '|'];
/// How many of them make a marker (git's `conflict-marker-size`).
const MARKER_LEN: usize = 7;

/// Whether `line` starts with a git conflict marker.
fn starts_with_marker(line: &str) -> bool {
    let mut chars = line.chars();
    chars.next().is_some_and(|first| {
        MARKER_CHARS.contains(&first)
            && chars.take(MARKER_LEN - 1).filter(|&c| c == first).count() == MARKER_LEN - 1
    })
}

/// Whether any line of `text` after its first starts with a marker (the
/// first line of a string never starts a line of the file).
fn has_marker_line(text: &str) -> bool {
    text.split('\n').skip(1).any(starts_with_marker)
}

/// `ron` as written by the serializer (strings unescaped, or raw when they
/// hold `"` or `\`), with every string holding a marker line rewritten as
/// an escaped string. Returns `ron` itself when there is none (the usual
/// case, checked first without parsing anything).
pub(super) fn escape_marker_lines(ron: String) -> String {
    if !ron.split('\n').any(starts_with_marker) {
        return ron;
    }
    let mut out = String::with_capacity(ron.len() + 64);
    let mut rest = ron.as_str();
    while let Some((before, token, after)) = next_string(rest) {
        out.push_str(before);
        match token.content {
            content if has_marker_line(content) => push_escaped(&mut out, content),
            _ => out.push_str(token.whole),
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// A string literal in the serializer's output.
struct StringToken<'a> {
    /// The literal as written, quotes (and `r#`) included.
    whole: &'a str,
    /// The text it holds.
    content: &'a str,
}

/// The text before the next string literal of `ron`, the literal, and the
/// text after it. Outside strings the serializer writes only identifiers,
/// numbers, punctuation and whitespace, so a `"` or an `r#…"` starts one.
fn next_string(ron: &str) -> Option<(&str, StringToken<'_>, &str)> {
    let start = ron.find(['"', '#'])?;
    let bytes = ron.as_bytes();
    if bytes[start] == b'"' {
        let end = start + 1 + ron[start + 1..].find('"')?;
        let token = StringToken {
            whole: &ron[start..=end],
            content: &ron[start + 1..end],
        };
        return Some((&ron[..start], token, &ron[end + 1..]));
    }
    // A raw string: `r`, one or more `#`, `"`, the text, `"`, as many `#`.
    let open = start.checked_sub(1).filter(|&r| bytes[r] == b'r')?;
    let hashes = ron[start..].bytes().take_while(|&b| b == b'#').count();
    let quote = start + hashes;
    if bytes.get(quote) != Some(&b'"') {
        return None;
    }
    let closing = format!("\"{}", "#".repeat(hashes));
    let content_start = quote + 1;
    let content_end = content_start + ron[content_start..].find(&closing)?;
    let end = content_end + closing.len();
    let token = StringToken {
        whole: &ron[open..end],
        content: &ron[content_start..content_end],
    };
    Some((&ron[..open], token, &ron[end..]))
}

/// Writes `content` as an escaped string: `\` and `"` escaped, newlines
/// kept as they are, and the first character of each marker line written
/// as a Unicode escape.
fn push_escaped(out: &mut String, content: &str) {
    out.push('"');
    for (n, line) in content.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let mut chars = line.chars();
        if n > 0
            && starts_with_marker(line)
            && let Some(first) = chars.next()
        {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(first)));
        }
        for c in chars {
            match c {
                '\\' => out.push_str("\\\\"),
                '"' => out.push_str("\\\""),
                c => out.push(c),
            }
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_seven_of_one_character() {
        assert!(starts_with_marker("<<<<<<< HEAD"));
        assert!(starts_with_marker("======="));
        assert!(starts_with_marker(">>>>>>> theirs"));
        assert!(starts_with_marker("||||||| base"));
        assert!(!starts_with_marker("<<<<<< six"));
        assert!(!starts_with_marker("<<<<<<=="));
        assert!(!starts_with_marker(" <<<<<<< indented"));
    }

    #[test]
    fn a_file_without_markers_is_returned_as_it_is() {
        let ron = "W(\n    a: \"x\ny\",\n    b: r#\"q\"\"#,\n)\n".to_owned();
        assert_eq!(escape_marker_lines(ron.clone()), ron);
    }

    #[test]
    fn marker_lines_of_plain_and_raw_strings_are_escaped() {
        let ron = "W(\n    a: \"x\n<<<<<<< HEAD\ny\",\n    b: r##\"\"q\"\\\n=======\n\"##,\n    c: \"\n>>>>>>>\",\n)\n";
        let escaped = escape_marker_lines(ron.to_owned());
        assert_eq!(
            escaped,
            "W(\n    a: \"x\n\\u{3c}<<<<<< HEAD\ny\",\n    b: \"\\\"q\\\"\\\\\n\\u{3d}======\n\",\n    c: \"\n\\u{3e}>>>>>>\",\n)\n"
        );
        assert!(!escaped.split('\n').any(starts_with_marker));
    }
}
