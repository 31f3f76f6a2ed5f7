//! A streaming walk over an XML part with quick-xml: elements by local
//! name (the `w:` prefix dropped), attributes by local name, text with
//! entity and character references resolved. An empty element gives a
//! start and an end. No DTD is read, so no entity can expand.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// One step of the walk.
#[derive(Debug)]
pub enum XmlEvent<'a> {
    Start(&'a str, &'a [(String, String)]),
    End(&'a str),
    Text(&'a str),
}

/// The value of attribute `name` (local name) among `attrs`.
pub fn attr(attrs: &[(String, String)], name: &str) -> Option<String> {
    attrs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
}

fn local(name: &[u8]) -> String {
    let name = String::from_utf8_lossy(name);
    match name.rsplit_once(':') {
        Some((_, local)) => local.to_owned(),
        None => name.into_owned(),
    }
}

fn attributes(start: &BytesStart) -> Vec<(String, String)> {
    start
        .attributes()
        .with_checks(false)
        .flatten()
        .map(|a| {
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned());
            (local(a.key.as_ref()), value)
        })
        .collect()
}

/// Calls `visit` for each element start and end and each piece of text
/// of `xml`; stops at the first error (of the XML or of `visit`).
pub fn for_each_event(
    xml: &[u8],
    mut visit: impl FnMut(XmlEvent) -> Result<(), String>,
) -> Result<(), String> {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().check_end_names = false;
    loop {
        let event = reader.read_event().map_err(|e| {
            format!(
                "not well-formed XML at byte {} ({e})",
                reader.buffer_position()
            )
        })?;
        match event {
            Event::Start(start) => {
                let name = local(start.name().as_ref());
                visit(XmlEvent::Start(&name, &attributes(&start)))?;
            }
            Event::Empty(start) => {
                let name = local(start.name().as_ref());
                visit(XmlEvent::Start(&name, &attributes(&start)))?;
                visit(XmlEvent::End(&name))?;
            }
            Event::End(end) => visit(XmlEvent::End(&local(end.name().as_ref())))?,
            Event::Text(text) => {
                let text = text
                    .decode()
                    .map_err(|e| format!("text that is not UTF-8 ({e})"))?;
                visit(XmlEvent::Text(&text))?;
            }
            Event::CData(data) => visit(XmlEvent::Text(&String::from_utf8_lossy(&data)))?,
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    _ => {
                        let name = String::from_utf8_lossy(&reference);
                        quick_xml::escape::resolve_xml_entity(&name).map(str::to_owned)
                    }
                };
                if let Some(text) = resolved {
                    visit(XmlEvent::Text(&text))?;
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_their_prefix_and_references_are_resolved() {
        let xml = br#"<w:p a:x="1"><w:t>Tom &amp; &#1046;erry</w:t><w:br/></w:p>"#;
        let mut seen = Vec::new();
        for_each_event(xml, |e| {
            seen.push(match e {
                XmlEvent::Start(n, attrs) => format!("<{n} {:?}>", attrs),
                XmlEvent::End(n) => format!("</{n}>"),
                XmlEvent::Text(t) => t.to_owned(),
            });
            Ok(())
        })
        .unwrap();
        assert_eq!(
            seen.concat(),
            "<p [(\"x\", \"1\")]><t []>Tom & Жerry</t><br []></br></p>"
        );
        assert!(for_each_event(b"<a><!-- unclosed", |_| Ok(())).is_err());
    }
}
