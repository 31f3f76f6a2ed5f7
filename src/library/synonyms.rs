//! English words fact-checks say in several ways, brought to one term
//! after stemming, so that a rewording with "jab" finds a check of a
//! "vaccine", "picture" a "photograph", "killed" "died". Only words whose
//! sense in claims is the same either way are here; stems are Snowball's.

/// The one term for the English stem `stem`, when it is one of several.
pub fn common_stem(stem: &str) -> Option<&'static str> {
    let common = match stem {
        "jab" | "vaccin" | "inocul" | "immunis" | "immuniz" => "vaccin",
        "photograph" | "pictur" | "imag" | "pic" | "photo" | "snapshot" => "photo",
        "footag" | "clip" | "video" => "video",
        "kill" | "dead" | "death" | "die" | "fatal" => "die",
        "ton" | "tonn" | "tonnag" => "ton",
        "kid" | "children" | "child" => "child",
        "danger" | "risk" | "threat" => "risk",
        "prohibit" | "forbid" | "forbidden" | "ban" => "ban",
        "quit" | "resign" => "resign",
        "undercount" | "understat" | "underestim" => "understat",
        "mandatori" | "compulsori" | "mandat" => "mandatori",
        "jail" | "imprison" | "prison" => "prison",
        "arrest" | "detain" => "arrest",
        "doctor" | "physician" => "doctor",
        "purchas" | "bought" | "buy" => "buy",
        "sold" | "sell" => "sell",
        _ => return None,
    };
    Some(common)
}

#[cfg(test)]
mod tests {
    use crate::library::Analyzer;

    #[test]
    fn rewordings_share_their_terms() {
        let mut analyzer = Analyzer::new();
        let mut terms = |text: &str| analyzer.analyze(text).terms;
        assert_eq!(terms("jabs"), terms("vaccines"));
        assert_eq!(terms("vaccinated"), terms("vaccine"));
        assert_eq!(terms("pictures"), terms("photographs"));
        assert_eq!(terms("killed"), terms("died"));
        assert_eq!(terms("tonnes"), terms("tons"));
    }
}
