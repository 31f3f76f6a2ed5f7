//! Frame time of the window, headless: `egui::Context::run_ui` plus
//! tessellation, no renderer. The sample workspace, and a generated 1 MB
//! article with 5,000 claims: a steady frame, a frame while scrolling, a
//! frame after a width change, the first frame after opening, and a frame
//! after one keystroke in the inspector. The same for a 1.2 MB article that
//! is one paragraph (a transcript) with 3,000 claims, and for a 1 MB
//! right-to-left article (Arabic, some Persian and Hebrew) with 3,000
//! claims, every paragraph of which goes through the reader's bidi step.
//!
//! Also the 1 MB article with AccessKit on (a screen reader reading it:
//! the whole text goes into the accessibility tree each frame).
//!
//! Budgets (docs/budgets.md): sample steady frame ≤ 1 ms; 1 MB steady and
//! scrolling ≤ 2 ms; width change ≤ 16 ms; first frame after opening
//! ≤ 50 ms; a keystroke in the inspector ≤ 2 ms a frame on the 1 MB /
//! 5,000-claim workspace. The one-paragraph and the Arabic articles: the
//! same budgets as the 1 MB one.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use egui::{Event, MouseWheelUnit, Pos2, RawInput, Rect, vec2};
use factbench::Workspace;
use factbench::edit::{ClaimText, Command};
use factbench::sample::{
    generated_one_paragraph_workspace, generated_rtl_workspace, generated_workspace,
    sample_workspace,
};
use factbench::ui::FactbenchApp;
use factbench::ui::ScriptedPicker;
use std::hint::black_box;
use std::time::Duration;

const WIDTH: f32 = 1400.0;
const HEIGHT: f32 = 900.0;

/// A running window: a context with the real fonts and the app in it.
struct Window {
    ctx: egui::Context,
    app: FactbenchApp,
    width: f32,
    /// Frames run so far; the clock advances 1/60 s per frame, as at 60 Hz.
    frames: u64,
}

impl Window {
    fn new(workspace: Workspace) -> Self {
        Self::with_context(workspace, egui::Context::default())
    }

    /// A window a screen reader is reading: AccessKit on, so each frame
    /// also builds the accessibility tree (the article's whole text).
    fn with_screen_reader(workspace: Workspace) -> Self {
        let ctx = egui::Context::default();
        ctx.enable_accesskit();
        Self::with_context(workspace, ctx)
    }

    fn with_context(workspace: Workspace, ctx: egui::Context) -> Self {
        factbench::ui::install_fonts(&ctx);
        let app = FactbenchApp::new(workspace, Box::new(ScriptedPicker::default()));
        let mut window = Window {
            ctx,
            app,
            width: WIDTH,
            frames: 0,
        };
        for _ in 0..5 {
            window.frame(Vec::new());
        }
        window
    }

    /// One frame: run the ui, then tessellate what it painted.
    fn frame(&mut self, events: Vec<Event>) -> usize {
        self.frames += 1;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(self.width, HEIGHT))),
            time: Some(self.frames as f64 / 60.0),
            events,
            ..Default::default()
        };
        let app = &mut self.app;
        let output = self.ctx.run_ui(input, |ui| app.show(ui));
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        primitives.len()
    }
}

/// Mouse over the article, wheel down a few lines.
fn scroll_events(down: bool) -> Vec<Event> {
    let over_text = Pos2::new(WIDTH / 2.0, HEIGHT / 2.0);
    let delta = if down { -60.0 } else { 60.0 };
    vec![
        Event::PointerMoved(over_text),
        Event::MouseWheel {
            unit: MouseWheelUnit::Point,
            delta: vec2(0.0, delta),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        },
    ]
}

fn bench_workspace(c: &mut Criterion, name: &str, workspace: &Workspace) {
    let mut group = c.benchmark_group(name);
    group
        .sample_size(40)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));

    let mut window = Window::new(workspace.clone());
    group.bench_function("steady frame", |b| {
        b.iter(|| black_box(window.frame(Vec::new())))
    });

    let mut window = Window::new(workspace.clone());
    let mut frames = 0u32;
    group.bench_function("frame while scrolling", |b| {
        b.iter(|| {
            // Down for a long stretch (new paragraphs come into view), then back up.
            frames += 1;
            let down = frames % 4000 < 2000;
            black_box(window.frame(scroll_events(down)))
        })
    });

    let mut window = Window::new(workspace.clone());
    group.bench_function("frame after a width change", |b| {
        b.iter(|| {
            window.width = if window.width == WIDTH {
                WIDTH - 40.0
            } else {
                WIDTH
            };
            black_box(window.frame(Vec::new()))
        })
    });

    let mut window = Window::new(workspace.clone());
    let typed_in = workspace.claims[0].id;
    let mut keystrokes = 0u64;
    group.bench_function("frame after typing in the inspector", |b| {
        b.iter(|| {
            // One keystroke in the rationale: a command, undo bookkeeping,
            // then a frame that refreshes highlights, list and problems.
            keystrokes += 1;
            let text = if keystrokes.is_multiple_of(2) {
                "a"
            } else {
                "ab"
            };
            let ctx = window.ctx.clone();
            window.app.execute(
                &ctx,
                Command::set_claim_text(typed_in, ClaimText::Rationale, text),
            );
            black_box(window.frame(Vec::new()))
        })
    });

    let mut window = Window::new(workspace.clone());
    group.bench_function("first frame after opening", |b| {
        b.iter_batched(
            || workspace.clone(),
            |ws| {
                window.app.open_workspace(ws, None);
                black_box(window.frame(Vec::new()))
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

fn frames(c: &mut Criterion) {
    bench_workspace(c, "sample", &sample_workspace());
    bench_workspace(
        c,
        "1MB-5000-claims",
        &generated_workspace(1, 1_000_000, 5_000),
    );
    bench_workspace(
        c,
        "1.2MB-one-paragraph-3000-claims",
        &generated_one_paragraph_workspace(1_200_000, 3_000),
    );
    bench_workspace(
        c,
        "1MB-arabic-3000-claims",
        &generated_rtl_workspace(1_000_000, 3_000),
    );
}

/// The 1 MB article while a screen reader reads it.
fn frames_with_a_screen_reader(c: &mut Criterion) {
    let mut group = c.benchmark_group("1MB-5000-claims-screen-reader");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1));
    let mut window = Window::with_screen_reader(generated_workspace(1, 1_000_000, 5_000));
    group.bench_function("steady frame", |b| {
        b.iter(|| black_box(window.frame(Vec::new())));
    });
    group.bench_function("frame while scrolling", |b| {
        let mut down = true;
        b.iter(|| {
            down = !down;
            black_box(window.frame(scroll_events(down)))
        });
    });
    group.finish();
}

criterion_group!(benches, frames, frames_with_a_screen_reader);
criterion_main!(benches);
