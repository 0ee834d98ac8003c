//! The event loop: draw, read an event, map it through the keymap, update, carry out effects.
//! Loading and searching run on worker threads and report through a channel, so the screen
//! stays responsive; nothing is redrawn while nothing happens.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseEventKind,
};
use crossterm::execute;
use ratatui::layout::Position;

use crosscheck::LoadEvent;
use crosscheck::app::state::Loading;
use crosscheck::app::state::areas;
use crosscheck::app::{Action, AppState, Effect, Keymap, Pane, update};
use crosscheck::corpus::load::LoadOptions;
use crosscheck::corpus::{Article, Problem};
use crosscheck::index::{Index, Links, Query, Searcher, SkimMatcher};
use crosscheck::ui::{self, Theme, View};

/// Most search results kept (the list shows the best first).
const SEARCH_LIMIT: usize = 250;

enum Msg {
    Read {
        problems: Vec<Problem>,
        total: usize,
    },
    Articles(Vec<Article>),
    Linked(Links),
    Searched(Action),
}

struct SearchJob {
    generation: u64,
    query: Query,
    index: Arc<Index>,
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
        crosscheck::load_streaming(&paths, &opts, &mut |event| {
            let _ = loader_tx.send(match event {
                LoadEvent::Read { problems, articles } => Msg::Read {
                    problems,
                    total: articles,
                },
                LoadEvent::Articles(batch) => Msg::Articles(batch),
            });
        });
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

fn spawn_searcher(tx: Sender<Msg>) -> Sender<SearchJob> {
    let (jobs_tx, jobs_rx) = mpsc::channel::<SearchJob>();
    std::thread::spawn(move || {
        let matcher = SkimMatcher::default();
        let mut searcher = Searcher::default();
        while let Ok(mut job) = jobs_rx.recv() {
            while let Ok(newer) = jobs_rx.try_recv() {
                job = newer;
            }
            let started = Instant::now();
            let hits = searcher.search(&job.index, &job.query, &matcher, SEARCH_LIMIT);
            let micros = started.elapsed().as_micros();
            // The index is shared only while a search runs, so the UI can add to it between.
            drop(job.index);
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

/// The app once the corpus's files are read: the index (growing while articles are
/// extracted, then linked), the state, and the work still to be written into the index.
struct Session {
    index: Arc<Index>,
    state: AppState,
    searcher: Sender<SearchJob>,
    total: usize,
    pending: Vec<Article>,
    links: Option<Links>,
    linking: bool,
}

impl Session {
    fn act(&mut self, action: Action) {
        for effect in update(&mut self.state, &self.index, action) {
            match effect {
                Effect::Search { generation, query } => {
                    let _ = self.searcher.send(SearchJob {
                        generation,
                        query,
                        index: self.index.clone(),
                    });
                }
            }
        }
    }

    /// Writes waiting articles and links into the index when no search is reading it (else
    /// on a later turn), and starts linking once every article is in. True when it changed.
    fn settle(&mut self, tx: &Sender<Msg>) -> bool {
        let mut changed = false;
        if !self.pending.is_empty()
            && let Some(index) = Arc::get_mut(&mut self.index)
        {
            index.push_articles(std::mem::take(&mut self.pending));
            let done = index.articles.len();
            self.act(Action::Grew {
                done,
                total: self.total,
            });
            changed = true;
        }
        if !self.linking && self.pending.is_empty() && self.index.articles.len() == self.total {
            self.linking = true;
            self.act(Action::Linking);
            let (index, tx) = (self.index.clone(), tx.clone());
            std::thread::spawn(move || {
                let links = Links::compute(&index);
                drop(index);
                let _ = tx.send(Msg::Linked(links));
            });
            changed = true;
        }
        if self.links.is_some()
            && let Some(index) = Arc::get_mut(&mut self.index)
            && let Some(links) = self.links.take()
        {
            links.apply(index);
            self.act(Action::Linked);
            changed = true;
        }
        changed
    }
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
    let mut app: Option<Session> = None;
    let mut dirty = true;
    loop {
        if dirty {
            terminal.draw(|f| match &app {
                Some(app) => ui::render(f, &app.state, &app.index, &view),
                None => ui::render_loading(f, "reading the articles…"),
            })?;
            dirty = false;
        }
        while let Ok(msg) = rx.try_recv() {
            dirty = true;
            match msg {
                Msg::Read { problems, total } => {
                    let size = terminal.size()?;
                    let index = Arc::new(Index::default());
                    let mut state = AppState::new(&index, size.width, size.height);
                    state.loading = Some(Loading::Extracting { done: 0, total });
                    let fatal = problems.iter().filter(|p| p.fatal).count();
                    if fatal > 0 {
                        state.status = Some(format!(
                            "{fatal} file(s) could not be loaded: {}",
                            problems[0]
                        ));
                    }
                    if total == 0 {
                        state.status = Some("nothing could be loaded: press q to quit".into());
                    }
                    app = Some(Session {
                        index,
                        state,
                        searcher: spawn_searcher(tx.clone()),
                        total,
                        pending: Vec::new(),
                        links: None,
                        linking: false,
                    });
                }
                Msg::Articles(batch) => {
                    if let Some(app) = &mut app {
                        app.pending.extend(batch);
                    }
                }
                Msg::Linked(links) => {
                    if let Some(app) = &mut app {
                        app.links = Some(links);
                    }
                }
                Msg::Searched(action) => {
                    if let Some(app) = &mut app {
                        app.act(action);
                    }
                }
            }
        }
        if let Some(app) = &mut app {
            dirty |= app.settle(&tx);
        }
        if !event::poll(Duration::from_millis(50))? {
            continue;
        }
        let ev = event::read()?;
        let Some(app) = &mut app else {
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
            Event::Key(k) if k.kind == KeyEventKind::Press => keymap.action(app.state.mode, &k),
            Event::Resize(w, h) => Some(Action::Resize {
                width: w,
                height: h,
            }),
            Event::Mouse(m) => mouse_action(&app.state, m),
            _ => None,
        };
        let Some(action) = action else { continue };
        app.act(action);
        dirty = true;
        if app.state.quit {
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
