//! Text from workspaces and imported pages, made safe to print on a
//! terminal. A title can hold escape sequences (ESC `]0;…` sets the
//! window title, ESC `[2J` clears the screen) or bidi overrides that make
//! the rest of a line read backwards; printed raw, they act on the
//! terminal instead of being read. Every such character is shown as a
//! `\uXXXX` escape instead.
//!
//! What is escaped, and why:
//! - C0 controls except tab and newline (which keep multi-line output,
//!   such as a diff or git's textconv, as it is), DEL, and C1 controls
//!   (U+0080–U+009F; U+009B is a one-char CSI on some terminals);
//! - the bidi embeddings and overrides (U+202A–U+202E) and isolates
//!   (U+2066–U+2069): they reorder what follows them on the line, so a
//!   title could make a path or a verdict printed after it read otherwise
//!   ("Trojan Source"). The plain marks LRM, RLM and ALM stay: they only
//!   nudge neutral characters and Arabic and Hebrew text uses them.
//!
//! The escape is JSON's own `\u` form (four hex digits), so inside a JSON
//! string (`similar --json`) it still decodes to the original character.

use std::borrow::Cow;
use std::io::{self, Write};

/// Whether `c` would act on a terminal rather than be shown (see the
/// module documentation for the list and the reasons).
pub fn acts_on_terminal(c: char) -> bool {
    match c {
        '\t' | '\n' => false,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        _ => is_bidi_control(c),
    }
}

/// The bidi embeddings, overrides and isolates (not the plain marks).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every character that would act on a terminal written as
/// `\uXXXX`; borrowed when there is none.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(acts_on_terminal) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if acts_on_terminal(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A writer that passes everything through [`for_terminal`], for a
/// command's standard output and error. A UTF-8 sequence split between two
/// writes is held back until it is whole; bytes that are not UTF-8 are
/// shown as `\xNN`.
pub struct TerminalWriter<'w> {
    inner: &'w mut dyn Write,
    /// The start of a UTF-8 sequence whose end has not been written yet.
    pending: Vec<u8>,
}

impl<'w> TerminalWriter<'w> {
    pub fn new(inner: &'w mut dyn Write) -> Self {
        TerminalWriter {
            inner,
            pending: Vec::new(),
        }
    }

    /// Writes `bytes` escaped, keeping an unfinished UTF-8 sequence at
    /// their end for the next write.
    fn write_escaped(&mut self, mut bytes: &[u8]) -> io::Result<()> {
        while !bytes.is_empty() {
            match std::str::from_utf8(bytes) {
                Ok(text) => return self.inner.write_all(for_terminal(text).as_bytes()),
                Err(error) => {
                    let (valid, rest) = bytes.split_at(error.valid_up_to());
                    let text = std::str::from_utf8(valid).unwrap_or_default();
                    self.inner.write_all(for_terminal(text).as_bytes())?;
                    match error.error_len() {
                        None => {
                            self.pending.extend_from_slice(rest);
                            return Ok(());
                        }
                        Some(len) => {
                            self.write_raw_bytes(&rest[..len])?;
                            bytes = &rest[len..];
                        }
                    }
                }
            }
        }
        Ok(())
    }

    fn write_raw_bytes(&mut self, bytes: &[u8]) -> io::Result<()> {
        for byte in bytes {
            write!(self.inner, "\\x{byte:02x}")?;
        }
        Ok(())
    }

    /// Writes out a sequence that never got its end.
    fn finish_pending(&mut self) -> io::Result<()> {
        let pending = std::mem::take(&mut self.pending);
        self.write_raw_bytes(&pending)
    }
}

impl Write for TerminalWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.pending.is_empty() {
            self.write_escaped(buf)?;
        } else {
            let mut joined = std::mem::take(&mut self.pending);
            joined.extend_from_slice(buf);
            self.write_escaped(&joined)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl Drop for TerminalWriter<'_> {
    fn drop(&mut self) {
        let _ = self.finish_pending();
        let _ = self.inner.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_overrides_are_shown_not_obeyed() {
        assert_eq!(
            for_terminal("\u{1b}]0;owned\u{7}Title\u{1b}[2J"),
            "\\u001b]0;owned\\u0007Title\\u001b[2J"
        );
        assert_eq!(for_terminal("a\u{9b}31mb"), "a\\u009b31mb");
        assert_eq!(for_terminal("x\u{202e}gnp.exe"), "x\\u202egnp.exe");
        assert_eq!(for_terminal("\u{2067}שלום\u{2069}"), "\\u2067שלום\\u2069");
        assert_eq!(for_terminal("a\rb\u{7f}"), "a\\u000db\\u007f");
    }

    #[test]
    fn ordinary_text_of_every_script_is_left_alone() {
        for text in [
            "Путин ответил\tна вопрос\n",
            "习近平访问莫斯科",
            "قال \u{200f}الرئيس",
            "cafe\u{301} 👩\u{200d}👩\u{200d}👧 🇺🇦",
            "",
        ] {
            assert!(matches!(for_terminal(text), Cow::Borrowed(t) if t == text));
        }
    }

    #[test]
    fn the_writer_escapes_across_split_writes() {
        let mut out = Vec::new();
        {
            let mut writer = TerminalWriter::new(&mut out);
            let bytes = "Ж\u{1b}[2J\u{202e}é".as_bytes();
            for byte in bytes {
                writer.write_all(std::slice::from_ref(byte)).unwrap();
            }
            writer.write_all(b"\xff!").unwrap();
        }
        assert_eq!(String::from_utf8(out).unwrap(), "Ж\\u001b[2J\\u202eé\\xff!");
    }

    #[test]
    fn an_unfinished_sequence_is_shown_at_the_end() {
        let mut out = Vec::new();
        {
            let mut writer = TerminalWriter::new(&mut out);
            writer.write_all(&"Ж".as_bytes()[..1]).unwrap();
        }
        assert_eq!(String::from_utf8(out).unwrap(), "\\xd0");
    }

    #[test]
    fn escapes_stay_valid_json() {
        let json = serde_json::to_string("\u{9b}\u{202e}").unwrap();
        let escaped = for_terminal(&json).into_owned();
        let back: String = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, "\u{9b}\u{202e}");
    }
}
