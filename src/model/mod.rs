//! The domain model of a fact-checking investigation.
//!
//! Plain data, serde-derived, with no knowledge of the window. Invariants
//! (anchors inside their text, unique ids, references that resolve) are
//! checked by [`Workspace::problems`] and reported as values; a
//! [`ProblemIndex`] keeps them up to date change by change.

mod article;
mod claim;
mod claimant_kind;
mod conflict;
mod ids;
mod media;
mod pages;
mod problem_index;
mod problems;
mod public_fields;
mod public_numbers;
mod quote_change;
pub mod readiness;
mod scale;
mod snapshot;
mod source;
mod transcript;
mod workspace;

pub use crate::anchor::Anchor;
pub use article::{Article, ArticleVersion};
pub use claim::{
    Claim, ClaimantKind, Correction, Priority, PublicationAction, PublicationEvent, Review,
    ReviewOutcome, Status,
};
pub use conflict::{Conflict, ConflictItem, Resolution, Side};
pub use ids::{ArticleId, ClaimId, CustodyId, EvidenceId, SourceId};
pub use media::{MediaFault, MediaKind, MediaTarget};
pub use pages::{
    Location, PageFault, PageStart, location as pages_location, page_at, page_faults,
    splice as splice_pages,
};
pub use problem_index::{ProblemIndex, Touched};
pub use problems::{Problem, UrlOwner, url_lacks_scheme, url_opens_in_browser};
pub use public_fields::{FieldChange, PublicField};
pub use quote_change::{QuoteChange, checked_at, quote_change_after_check};
pub use scale::{Rgb, Verdict, VerdictScale};
pub use snapshot::{
    ByteCheck, CaptureMethod, CapturedFrom, CustodyEntry, CustodyEvent, ExcerptAnchor,
    ExcerptCheck, GeoPoint, ImageMeta, Snapshot, is_sha256, short_hash,
};
pub use source::{Evidence, Source, SourceKind, Stance};
pub use transcript::{
    Cue, CueFault, Moment, Speaker, Transcript, TranscriptFormat, clock, seconds,
};
pub use workspace::{FORMAT_VERSION, Publisher, Workspace};

/// Today's date in UTC (the `retrieved` date of a text got now).
pub fn today() -> jiff::civil::Date {
    now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date()
}

/// The current time, to the second (sub-second digits only add noise to files).
pub fn now() -> jiff::Timestamp {
    let now = jiff::Timestamp::now();
    jiff::Timestamp::from_second(now.as_second()).unwrap_or(now)
}
