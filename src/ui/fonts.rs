//! Fonts: egui's defaults (which cover Latin, Greek and Cyrillic) plus
//! bundled fallbacks for Arabic (with Persian and Urdu letters), Hebrew and
//! CJK, so such articles render with real glyphs on any machine, in tests
//! too.
//!
//! Why bundled rather than system fonts: a fresh machine (or a CI runner,
//! or the Xvfb session the window is judged in) may have no CJK font at
//! all, and finding one portably needs a font-discovery library per
//! platform. Droid Sans Fallback (Apache-2.0, from Debian's
//! `fonts-droid-fallback`) covers Simplified and Traditional Chinese,
//! Japanese kana and Korean in one 4 MB file; its licence sits next to it
//! in `assets/fonts/`. Emoji quoted in articles use egui's monochrome emoji
//! fonts (the `monochrome_emoji_fonts` feature of egui), so they show as
//! glyphs rather than boxes too.
//!
//! Noto Sans Arabic and Noto Sans Hebrew (SIL Open Font License 1.1, from
//! Debian's `fonts-noto-core`, licence in `assets/fonts/`) come after the
//! default fonts and before the CJK one: Latin letters, digits and spaces
//! keep egui's own font, and Arabic letters take Noto's, including its
//! Arabic Presentation Forms, which the reader's right-to-left layout
//! draws (see `docs/rtl.md`).

use egui::{FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

/// The bundled CJK fallback font.
pub const CJK_FALLBACK: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf");

const CJK_FALLBACK_NAME: &str = "DroidSansFallbackFull";

/// The bundled Arabic font (Arabic, Persian and Urdu letters, Arabic-Indic
/// and Persian digits, the Arabic Presentation Forms).
pub const ARABIC_FALLBACK: &[u8] = include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf");

/// The bundled Hebrew font (letters, points and cantillation marks).
pub const HEBREW_FALLBACK: &[u8] = include_bytes!("../../assets/fonts/NotoSansHebrew-Regular.ttf");

/// The fallbacks, in the order they are tried after egui's own fonts.
const FALLBACKS: [(&str, &[u8]); 3] = [
    ("NotoSansArabic-Regular", ARABIC_FALLBACK),
    ("NotoSansHebrew-Regular", HEBREW_FALLBACK),
    (CJK_FALLBACK_NAME, CJK_FALLBACK),
];

/// egui's default fonts with the Arabic, Hebrew and CJK fallbacks after
/// them in every family.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    for (name, data) in FALLBACKS {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(data)));
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            fonts
                .families
                .entry(family)
                .or_default()
                .push(name.to_owned());
        }
    }
    fonts
}

/// Installs the fonts in a context.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn missing(text: &str) -> Vec<char> {
        let ctx = egui::Context::default();
        install(&ctx);
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .drop_without_applying_deltas();
        let font = egui::FontId::proportional(14.0);
        ctx.fonts_mut(|f| text.chars().filter(|c| !f.has_glyph(&font, *c)).collect())
    }

    #[test]
    fn cyrillic_and_chinese_have_glyphs() {
        let text = "Зеленский обвинил Китай. Україна. 外交部发言人表示中方始终保持中立。習近平訪問莫斯科，國際關係。";
        assert_eq!(missing(text), Vec::<char>::new());
    }

    #[test]
    fn arabic_persian_and_hebrew_have_glyphs() {
        let arabic = "قال المتحدث إن عدد الضحايا بلغ ١٢٣ شخصاً، وفقاً للأمم المتحدة؟ لا";
        let persian = "سخنگوی وزارت خارجه گفت که ژاپن و چین می‌خواهند ۱۴۰۲ پیمان ببندند";
        let hebrew = "ראש הממשלה אמר כי 42 אחוז מהציבור תומכים; שָׁלוֹם";
        for text in [arabic, persian, hebrew] {
            assert_eq!(missing(text), Vec::<char>::new(), "{text}");
        }
    }

    #[test]
    fn the_presentation_forms_the_reader_draws_have_glyphs() {
        let mut forms = String::new();
        for c in ('\u{0621}'..='\u{064A}').chain("پچژکگیٹڈڑںہھےۀ".chars()) {
            for form in crate::text::ALL_FORMS {
                if let Some(shaped) = crate::text::presentation_form(c, form) {
                    forms.push(shaped);
                }
            }
        }
        forms.extend(['\u{FEF5}', '\u{FEF7}', '\u{FEF9}', '\u{FEFB}', '\u{FEFC}']);
        assert!(forms.chars().count() > 150, "{forms}");
        assert_eq!(missing(&forms), Vec::<char>::new());
    }

    #[test]
    fn symbols_used_in_the_window_have_glyphs() {
        assert_eq!(missing("•…“”—–·›×＋⚠✔🚫👩⏴⏵⏶⏷"), Vec::<char>::new());
    }
}
