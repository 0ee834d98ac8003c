//! The event loop: draw, read an event, map it through the keymap, update, carry out effects.
//! Loading and searching run on worker threads and report through a channel, so the screen
//! stays responsive; nothing is redrawn while nothing happens.

use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseEventKind,
};
use crossterm::execute;
use ratatui::layout::Position;

use crosscheck::app::state::areas;
use crosscheck::app::{Action, AppState, Effect, Keymap, Pane, update};
use crosscheck::corpus::load::LoadOptions;
use crosscheck::index::{Index, Query, Searcher, SkimMatcher};
use crosscheck::ui::{self, Theme, View};

/// Most search results kept (the list shows the best first).
const SEARCH_LIMIT: usize = 250;

enum Msg {
    Progress(usize, usize),
    Loaded(Box<Index>, Vec<crosscheck::corpus::Problem>),
    Searched(Action),
}

struct SearchJob {
    generation: u64,
    query: Query,
}

/// Runs the TUI on the given paths until the user quits.
pub fn run(
    paths: Vec<String>,
    opts: LoadOptions,
    keymap: Keymap,
    theme: Theme,
) -> anyhow::Result<()> {
    let (tx, rx) = mpsc::channel::<Msg>();
    let loader_tx = tx.clone();
    std::thread::spawn(move || {
        let progress_tx = loader_tx.clone();
        let loaded = crosscheck::load_with_progress(&paths, &opts, &mut |done, total| {
            let _ = progress_tx.send(Msg::Progress(done, total));
        });
        let problems = loaded.problems;
        let index = Index::build(loaded.articles);
        let _ = loader_tx.send(Msg::Loaded(Box::new(index), problems));
    });

    exit_on_termination_signals()?;
    let mut terminal = ratatui::init();
    let _ = execute!(std::io::stdout(), EnableMouseCapture);
    let result = event_loop(&mut terminal, rx, tx, keymap, theme);
    let _ = execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

/// On SIGTERM, SIGHUP or SIGINT, restores the terminal and exits. A thread waits for them,
/// because the event loop may be inside crossterm (which spins on a closed terminal) and
/// never see a flag.
fn exit_on_termination_signals() -> anyhow::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let _ = execute!(std::io::stdout(), DisableMouseCapture);
            ratatui::restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

fn spawn_searcher(index: std::sync::Arc<Index>, tx: Sender<Msg>) -> Sender<SearchJob> {
    let (jobs_tx, jobs_rx) = mpsc::channel::<SearchJob>();
    std::thread::spawn(move || {
        let matcher = SkimMatcher::default();
        let mut searcher = Searcher::default();
        while let Ok(mut job) = jobs_rx.recv() {
            while let Ok(newer) = jobs_rx.try_recv() {
                job = newer;
            }
            let started = Instant::now();
            let hits = searcher.search(&index, &job.query, &matcher, SEARCH_LIMIT);
            let micros = started.elapsed().as_micros();
            if tx
                .send(Msg::Searched(Action::SearchDone {
                    generation: job.generation,
                    hits,
                    micros,
                }))
                .is_err()
            {
                break;
            }
        }
    });
    jobs_tx
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    rx: Receiver<Msg>,
    tx: Sender<Msg>,
    keymap: Keymap,
    theme: Theme,
) -> anyhow::Result<()> {
    let matcher = SkimMatcher::default();
    let view = View {
        theme: &theme,
        keymap: &keymap,
        matcher: &matcher,
    };
    let mut progress = (0usize, 0usize);
    let mut app: Option<(std::sync::Arc<Index>, AppState, Sender<SearchJob>)> = None;
    let mut dirty = true;
    loop {
        if dirty {
            terminal.draw(|f| match &app {
                Some((index, state, _)) => ui::render(f, state, index, &view),
                None => ui::render_loading(f, progress.0, progress.1, "reading articles"),
            })?;
            dirty = false;
        }
        while let Ok(msg) = rx.try_recv() {
            dirty = true;
            match msg {
                Msg::Progress(d, t) => progress = (d, t),
                Msg::Loaded(index, problems) => {
                    let size = terminal.size()?;
                    let index = std::sync::Arc::new(*index);
                    let mut state = AppState::new(&index, size.width, size.height);
                    let fatal = problems.iter().filter(|p| p.fatal).count();
                    if fatal > 0 {
                        state.status = Some(format!(
                            "{fatal} file(s) could not be loaded: {}",
                            problems[0]
                        ));
                    }
                    if index.articles.is_empty() {
                        state.status = Some("nothing could be loaded: press q to quit".into());
                    }
                    let searcher = spawn_searcher(index.clone(), tx.clone());
                    app = Some((index, state, searcher));
                }
                Msg::Searched(action) => {
                    if let Some((index, state, _)) = &mut app {
                        update(state, index, action);
                    }
                }
            }
        }
        if !event::poll(Duration::from_millis(50))? {
            continue;
        }
        let ev = event::read()?;
        let Some((index, state, searcher)) = &mut app else {
            if let Event::Key(k) = ev
                && k.kind == KeyEventKind::Press
                && matches!(k.code, event::KeyCode::Char('q') | event::KeyCode::Esc)
            {
                return Ok(());
            }
            dirty |= matches!(ev, Event::Resize(..));
            continue;
        };
        let action = match ev {
            Event::Key(k) if k.kind == KeyEventKind::Press => keymap.action(state.mode, &k),
            Event::Resize(w, h) => Some(Action::Resize {
                width: w,
                height: h,
            }),
            Event::Mouse(m) => mouse_action(state, m),
            _ => None,
        };
        let Some(action) = action else { continue };
        for effect in update(state, index, action) {
            match effect {
                Effect::Search { generation, query } => {
                    let _ = searcher.send(SearchJob { generation, query });
                }
            }
        }
        dirty = true;
        if state.quit {
            return Ok(());
        }
    }
}

fn mouse_action(state: &AppState, m: event::MouseEvent) -> Option<Action> {
    let a = areas(state.width, state.height);
    let pos = Position::new(m.column, m.row);
    let pane = [
        (Pane::Sources, a.sources),
        (Pane::Claims, a.claims),
        (Pane::Reader, a.reader),
    ]
    .into_iter()
    .find(|(_, r)| r.contains(pos))?;
    let row = m.row.saturating_sub(pane.1.y + 1) as usize;
    let row = if pane.0 == Pane::Claims
        && (state.search_results.is_some() || state.mode == crosscheck::app::Mode::Search)
    {
        row.checked_sub(1)?
    } else {
        row
    };
    match m.kind {
        MouseEventKind::Down(_) => Some(Action::Click { pane: pane.0, row }),
        MouseEventKind::ScrollDown => Some(Action::Scroll {
            pane: pane.0,
            lines: 3,
        }),
        MouseEventKind::ScrollUp => Some(Action::Scroll {
            pane: pane.0,
            lines: -3,
        }),
        _ => None,
    }
}
