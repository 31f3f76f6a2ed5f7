//! Checks made before the interpreter sees a PDF, for what would make it
//! run out of memory or stack rather than fail:
//! - **decompression bombs**: every zlib stream after a `stream` keyword
//!   is inflated into a counter (nothing kept); one stream inflating past
//!   [`MAX_STREAM_BYTES`], or all past [`MAX_TOTAL_BYTES`], is refused;
//! - **recursive drawings**: a form XObject that draws itself, directly or
//!   through others (the interpreter would recurse until the stack ends),
//!   or forms nested deeper than [`MAX_FORM_DEPTH`];
//! - **page parents in a loop** (`/Parent` chains, followed for inherited
//!   page attributes).

use pdf_extract::{Dictionary, Document, Object, ObjectId};
use std::collections::{HashMap, HashSet};
use std::io::Read;

/// Most bytes one stream may inflate to.
pub const MAX_STREAM_BYTES: u64 = 256 * 1024 * 1024;
/// Most bytes all streams together may inflate to.
pub const MAX_TOTAL_BYTES: u64 = 1024 * 1024 * 1024;
/// Deepest nesting of form XObjects drawn.
pub const MAX_FORM_DEPTH: usize = 64;

/// Refuses a file whose streams inflate past the limits; the message
/// says why.
pub fn check_streams(bytes: &[u8]) -> Result<(), String> {
    check_streams_within(bytes, MAX_STREAM_BYTES, MAX_TOTAL_BYTES)
}

/// [`check_streams`] with other limits.
pub fn check_streams_within(bytes: &[u8], per_stream: u64, all: u64) -> Result<(), String> {
    let mut total: u64 = 0;
    let mut at = 0;
    while let Some(found) = memchr::memmem::find(&bytes[at..], b"stream") {
        let start = at + found + b"stream".len();
        at = start;
        if bytes[..start - 6].ends_with(b"end") {
            continue;
        }
        let data = skip_eol(&bytes[start..]);
        if data.len() < 2 || !looks_like_zlib(data[0], data[1]) {
            continue;
        }
        let limit = per_stream.min(all - total) + 1;
        let mut inflater = flate2::read::ZlibDecoder::new(data).take(limit);
        // Counted as it comes: a stream whose end is damaged still counts
        // for what it unpacked before.
        let mut counter = Counter(0);
        let _ = std::io::copy(&mut inflater, &mut counter);
        let size = counter.0;
        let consumed = inflater.into_inner().total_in();
        total += size;
        if size > per_stream {
            return Err(format!(
                "a compressed stream at byte {start} unpacks to more than {} MB (a decompression bomb)",
                per_stream >> 20
            ));
        }
        if total > all {
            return Err(format!(
                "its compressed streams unpack to more than {} MB in all (a decompression bomb)",
                all >> 20
            ));
        }
        at = start
            + usize::try_from(consumed)
                .unwrap_or(0)
                .min(bytes.len() - start);
    }
    Ok(())
}

struct Counter(u64);

impl std::io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn skip_eol(data: &[u8]) -> &[u8] {
    data.strip_prefix(b"\r\n")
        .or_else(|| data.strip_prefix(b"\n"))
        .or_else(|| data.strip_prefix(b"\r"))
        .unwrap_or(data)
}

/// A zlib header: deflate method, and the check bits right.
fn looks_like_zlib(cmf: u8, flg: u8) -> bool {
    cmf & 0x0f == 8 && (u16::from(cmf) * 256 + u16::from(flg)) % 31 == 0
}

/// Refuses a document whose forms draw themselves or nest too deep, or
/// whose pages' parents form a loop.
pub fn check_structure(doc: &Document) -> Result<(), String> {
    let pages = doc.get_pages();
    for (&number, &id) in &pages {
        if parent_loop(doc, id) {
            return Err(format!("page {number}'s parents form a loop"));
        }
    }
    let mut edges: HashMap<ObjectId, HashSet<ObjectId>> = HashMap::new();
    let mut containers: Vec<(Option<ObjectId>, &Dictionary)> = Vec::new();
    for &id in pages.values() {
        let (own, inherited) = doc.get_page_resources(id).unwrap_or((None, Vec::new()));
        containers.extend(own.map(|d| (None, d)));
        for rid in inherited {
            containers.extend(doc.get_dictionary(rid).ok().map(|d| (None, d)));
        }
    }
    for (&id, object) in &doc.objects {
        if let Object::Stream(stream) = object
            && is_form(&stream.dict)
            && let Some(resources) = deref_dict(doc, stream.dict.get(b"Resources").ok())
        {
            containers.push((Some(id), resources));
        }
    }
    for (owner, resources) in containers {
        let forms = forms_in(doc, resources);
        for &form in &forms {
            if let Some(owner) = owner {
                edges.entry(owner).or_default().insert(form);
            }
            // A form without resources of its own draws with these.
            if !has_own_resources(doc, form) {
                edges.entry(form).or_default().extend(forms.iter().copied());
            }
        }
    }
    match deepest(&edges) {
        Depth::Cycle => Err("it has a drawing that includes itself (a recursive form)".to_owned()),
        Depth::Deeper => Err(format!(
            "its drawings are nested more than {MAX_FORM_DEPTH} levels deep"
        )),
        Depth::Fine => Ok(()),
    }
}

fn parent_loop(doc: &Document, page: ObjectId) -> bool {
    let mut seen = HashSet::new();
    let mut at = page;
    while seen.insert(at) {
        match doc
            .get_dictionary(at)
            .ok()
            .and_then(|d| d.get(b"Parent").ok())
            .and_then(|p| p.as_reference().ok())
        {
            Some(parent) => at = parent,
            None => return false,
        }
        if seen.len() > 4096 {
            return true;
        }
    }
    true
}

fn deref_dict<'a>(doc: &'a Document, object: Option<&'a Object>) -> Option<&'a Dictionary> {
    doc.dereference(object?)
        .ok()
        .and_then(|(_, o)| o.as_dict().ok())
}

fn is_form(dict: &Dictionary) -> bool {
    dict.get(b"Subtype")
        .and_then(Object::as_name)
        .is_ok_and(|n| n == b"Form")
}

fn has_own_resources(doc: &Document, form: ObjectId) -> bool {
    doc.get_object(form)
        .ok()
        .and_then(|o| o.as_stream().ok())
        .is_some_and(|s| deref_dict(doc, s.dict.get(b"Resources").ok()).is_some())
}

/// The form XObjects named in a resource dictionary.
fn forms_in(doc: &Document, resources: &Dictionary) -> Vec<ObjectId> {
    let Some(xobjects) = deref_dict(doc, resources.get(b"XObject").ok()) else {
        return Vec::new();
    };
    xobjects
        .iter()
        .filter_map(|(_, o)| o.as_reference().ok())
        .filter(|id| {
            doc.get_object(*id)
                .ok()
                .and_then(|o| o.as_stream().ok())
                .is_some_and(|s| is_form(&s.dict))
        })
        .collect()
}

enum Depth {
    Fine,
    Deeper,
    Cycle,
}

/// Whether the graph has a cycle or a path longer than the limit, by an
/// iterative depth-first search (no recursion of our own).
fn deepest(edges: &HashMap<ObjectId, HashSet<ObjectId>>) -> Depth {
    let mut state: HashMap<ObjectId, u8> = HashMap::new(); // 1 on the path, 2 done
    let mut longest: HashMap<ObjectId, usize> = HashMap::new();
    for &start in edges.keys() {
        if state.contains_key(&start) {
            continue;
        }
        let mut stack: Vec<(ObjectId, Vec<ObjectId>)> = vec![(start, children(edges, start))];
        state.insert(start, 1);
        while let Some((node, pending)) = stack.last_mut() {
            let node = *node;
            match pending.pop() {
                Some(next) => match state.get(&next) {
                    Some(1) => return Depth::Cycle,
                    Some(_) => {}
                    None => {
                        state.insert(next, 1);
                        stack.push((next, children(edges, next)));
                    }
                },
                None => {
                    let depth = edges
                        .get(&node)
                        .into_iter()
                        .flatten()
                        .map(|c| longest.get(c).copied().unwrap_or(0) + 1)
                        .max()
                        .unwrap_or(0);
                    if depth > MAX_FORM_DEPTH {
                        return Depth::Deeper;
                    }
                    longest.insert(node, depth);
                    state.insert(node, 2);
                    stack.pop();
                }
            }
        }
    }
    Depth::Fine
}

fn children(edges: &HashMap<ObjectId, HashSet<ObjectId>>, node: ObjectId) -> Vec<ObjectId> {
    edges
        .get(&node)
        .map(|c| c.iter().copied().collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn deflated(data: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn a_stream_that_unpacks_past_the_limit_is_refused() {
        let bomb = deflated(&vec![0u8; 3 << 20]);
        let mut pdf = b"%PDF-1.4\n1 0 obj <</Filter/FlateDecode>> stream\n".to_vec();
        pdf.extend_from_slice(&bomb);
        pdf.extend_from_slice(b"\nendstream endobj");
        let refusal = check_streams_within(&pdf, 2 << 20, 8 << 20).unwrap_err();
        assert!(refusal.contains("more than 2 MB"), "{refusal}");
        assert_eq!(check_streams_within(&pdf, 4 << 20, 8 << 20), Ok(()));
        let all = check_streams_within(&pdf.repeat(3), 4 << 20, 8 << 20).unwrap_err();
        assert!(all.contains("8 MB in all"), "{all}");
        let mut fine = b"1 0 obj <<>> stream\r\n".to_vec();
        fine.extend_from_slice(&deflated(b"BT (Hello) Tj ET"));
        assert_eq!(check_streams(&fine), Ok(()));
    }

    #[test]
    fn a_cycle_is_found_and_a_chain_is_measured() {
        let id = |n: u32| (n, 0);
        let mut edges: HashMap<ObjectId, HashSet<ObjectId>> = HashMap::new();
        edges.entry(id(1)).or_default().insert(id(2));
        edges.entry(id(2)).or_default().insert(id(3));
        assert!(matches!(deepest(&edges), Depth::Fine));
        edges.entry(id(3)).or_default().insert(id(1));
        assert!(matches!(deepest(&edges), Depth::Cycle));
        let chain: HashMap<ObjectId, HashSet<ObjectId>> = (0..100)
            .map(|n| (id(n), HashSet::from([id(n + 1)])))
            .collect();
        assert!(matches!(deepest(&chain), Depth::Deeper));
    }
}
