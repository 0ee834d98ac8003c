//! The event loop: draw, read an event, map it through the keymap, update, carry out effects.
//! Loading and searching run on worker threads and report through a channel, so the screen
//! stays responsive; nothing is redrawn while nothing happens.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseEventKind,
};
use crossterm::execute;
use ratatui::layout::Position;

use crosscheck::LoadEvent;
use crosscheck::app::state::{ReviewTarget, areas};
use crosscheck::app::{Action, AppState, Effect, Keymap, Pane, update};
use crosscheck::corpus::Problem;
use crosscheck::corpus::load::LoadOptions;
use crosscheck::extract::Extracted;
use crosscheck::index::{Index, Links, Query, Searcher, SkimMatcher};
use crosscheck::lexicon::Lexicon;
use crosscheck::report::{self, ReportFormat, ReportOptions};
use crosscheck::ui::{self, Theme, View};
use crosscheck::workspace::{
    ClaimKey, FactKey, Mark, Marks, MemberKey, Workspace, article_keys, sha256_hex,
};

/// Most search results kept (the list shows the best first).
const SEARCH_LIMIT: usize = 250;

enum Msg {
    Read {
        problems: Vec<Problem>,
        total: usize,
    },
    Articles(Vec<Extracted>),
    /// Files their time budget stopped; `dropped` articles will not come.
    Stopped {
        problems: Vec<Problem>,
        dropped: usize,
    },
    Linked(Links),
    /// A reply from the workspace worker or a report writer.
    Done(Action),
}

struct SearchJob {
    generation: u64,
    query: Query,
    index: Arc<Index>,
}

/// Work for the workspace worker, which owns the database connection.
enum WorkspaceJob {
    /// Match the stored marks to the linked index; reply with `MarksLoaded`.
    Resolve(Arc<Index>),
    /// Write a mark; reply with `MarkSaved`.
    Save {
        target: SaveTarget,
        mark: Option<Mark>,
        replaces: Vec<String>,
    },
}

/// What a mark is saved on, with the article texts its content key is made of.
enum SaveTarget {
    Claim {
        article: (usize, Arc<str>),
        text: String,
        path: String,
    },
    Fact {
        /// Each figure: its article, its claim's text, the figure as written.
        members: Vec<((usize, Arc<str>), String, String)>,
        label: String,
    },
}

/// Opens the workspace and serves its jobs on a thread of its own, so the database (and
/// the hashing its keys take) never holds up the screen.
fn spawn_workspace(path: Option<PathBuf>, tx: Sender<Msg>) -> Sender<WorkspaceJob> {
    let (jobs_tx, jobs_rx) = mpsc::channel::<WorkspaceJob>();
    std::thread::spawn(move || {
        let mut ws = path.as_deref().map(Workspace::open);
        let notice = match &ws {
            None => Some("marks are not saved: no folder for a workspace".to_string()),
            Some(w) => w.notice().map(|n| format!("marks are not saved: {n}")),
        };
        if let Some(n) = notice {
            let _ = tx.send(Msg::Done(Action::WorkspaceNotice(n)));
        }
        let mut keys: Vec<Option<String>> = Vec::new();
        let key_of = |keys: &mut Vec<Option<String>>, (i, text): &(usize, Arc<str>)| {
            if keys.len() <= *i {
                keys.resize(i + 1, None);
            }
            keys[*i]
                .get_or_insert_with(|| sha256_hex(text.as_bytes()))
                .clone()
        };
        while let Ok(job) = jobs_rx.recv() {
            let reply = match job {
                WorkspaceJob::Resolve(index) => {
                    let all = article_keys(&index);
                    keys = all.iter().cloned().map(Some).collect();
                    let stored = ws.as_ref().map(|w| w.stored());
                    let marks = match stored {
                        Some(Ok(stored)) => Marks::resolve(&index, &all, &stored),
                        Some(Err(e)) => {
                            let _ = tx.send(Msg::Done(Action::WorkspaceNotice(format!(
                                "marks could not be read: {e}"
                            ))));
                            Marks::default()
                        }
                        None => Marks::default(),
                    };
                    drop(index);
                    Action::MarksLoaded(marks)
                }
                WorkspaceJob::Save {
                    target,
                    mark,
                    replaces,
                } => {
                    let Some(w) = ws.as_mut() else {
                        let _ = tx.send(Msg::Done(Action::MarkSaved(Err(
                            "no folder for a workspace".into(),
                        ))));
                        continue;
                    };
                    let result = match target {
                        SaveTarget::Claim {
                            article,
                            text,
                            path,
                        } => {
                            let key = ClaimKey {
                                article: key_of(&mut keys, &article),
                                text,
                            };
                            w.set_claim_mark(&key, &replaces, &path, mark.as_ref())
                        }
                        SaveTarget::Fact { members, label } => {
                            let key = FactKey::new(
                                members
                                    .iter()
                                    .map(|(a, claim, figure)| MemberKey {
                                        article: key_of(&mut keys, a),
                                        claim: claim.clone(),
                                        figure: figure.clone(),
                                    })
                                    .collect(),
                            );
                            w.set_fact_mark(&key, &replaces, &label, mark.as_ref())
                        }
                    };
                    Action::MarkSaved(
                        result
                            .map(|()| w.path().display().to_string())
                            .map_err(|e| e.to_string()),
                    )
                }
            };
            if tx.send(Msg::Done(reply)).is_err() {
                break;
            }
        }
    });
    jobs_tx
}

/// Builds and writes a report on a thread of its own: it reads every quoted file.
fn spawn_report(
    index: Arc<Index>,
    marks: Marks,
    paths: &[String],
    path: String,
    format: ReportFormat,
    workspace: Option<PathBuf>,
    tx: Sender<Msg>,
) {
    let seeds = paths.is_empty();
    std::thread::spawn(move || {
        let disk = report::read_from_disk(crosscheck::corpus::load::DEFAULT_MAX_FILE_BYTES);
        let read = move |p: &str| {
            if seeds { report::read_seed(p) } else { disk(p) }
        };
        let opts = ReportOptions {
            workspace: workspace.map(|w| w.display().to_string()),
            ..ReportOptions::default()
        };
        let r = report::build(&index, &marks, &read, &opts);
        drop(index);
        let result = report::write_atomic(std::path::Path::new(&path), &r.render(format))
            .map(|()| {
                format!(
                    "report written to {path}: {} facts, {} marked",
                    r.facts.len(),
                    r.marks()
                )
            })
            .map_err(|e| format!("{path}: {e}"));
        let _ = tx.send(Msg::Done(Action::ReportWritten(result)));
    });
}

/// Runs the TUI on the given paths until the user quits; marks are kept in the workspace
/// database at `workspace` (none: marks last for the session only).
pub fn run(
    paths: Vec<String>,
    opts: LoadOptions,
    keymap: Keymap,
    theme: Theme,
    workspace: Option<PathBuf>,
) -> anyhow::Result<()> {
    keep_large_buffers_mapped();
    let (tx, rx) = mpsc::channel::<Msg>();
    let loader_tx = tx.clone();
    let corpus = Corpus {
        paths: paths.clone(),
        workspace: workspace.clone(),
        jobs: spawn_workspace(workspace, tx.clone()),
    };
    std::thread::spawn(move || {
        crosscheck::load_streaming(&paths, &opts, &mut |event| {
            let _ = loader_tx.send(match event {
                LoadEvent::Read { problems, articles } => Msg::Read {
                    problems,
                    total: articles,
                },
                LoadEvent::Articles(batch) => Msg::Articles(batch),
                LoadEvent::Stopped { problems, dropped } => Msg::Stopped { problems, dropped },
            });
        });
    });

    exit_on_termination_signals()?;
    let mut terminal = ratatui::init();
    let _ = execute!(std::io::stdout(), EnableMouseCapture);
    let result = event_loop(&mut terminal, rx, tx, keymap, theme, corpus);
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
            let found = searcher.search(&job.index, &job.query, &matcher, SEARCH_LIMIT);
            let micros = started.elapsed().as_micros();
            // The index is shared only while a search runs, so the UI can add to it between.
            drop(job.index);
            if tx
                .send(Msg::Done(Action::SearchDone {
                    generation: job.generation,
                    found,
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

/// What the session knows about where its corpus came from and where its marks go.
struct Corpus {
    paths: Vec<String>,
    workspace: Option<PathBuf>,
    jobs: Sender<WorkspaceJob>,
}

/// The app once the corpus's files are read: the index (growing while articles are
/// extracted, then linked), the state, and the work still to be written into the index.
struct Session {
    index: Arc<Index>,
    state: AppState,
    searcher: Sender<SearchJob>,
    corpus: Corpus,
    tx: Sender<Msg>,
    total: usize,
    pending: Vec<Extracted>,
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
                Effect::SaveMark {
                    target,
                    mark,
                    replaces,
                } => {
                    let index = &self.index;
                    let article = |a: usize| (a, index.articles[a].text.clone());
                    let target = match target {
                        ReviewTarget::Claim(r) => SaveTarget::Claim {
                            article: article(r.article as usize),
                            text: index.claim(r).text.to_string(),
                            path: index.article_of(r).path.clone(),
                        },
                        ReviewTarget::Fact(id) => {
                            let Some(f) = index.fact(id) else { continue };
                            SaveTarget::Fact {
                                members: f
                                    .members
                                    .iter()
                                    .map(|m| {
                                        (
                                            article(m.at.article as usize),
                                            m.claim(&index.articles).text.to_string(),
                                            m.quantity(&index.articles).text.to_string(),
                                        )
                                    })
                                    .collect(),
                                label: f.label.to_string(),
                            }
                        }
                    };
                    let _ = self.corpus.jobs.send(WorkspaceJob::Save {
                        target,
                        mark,
                        replaces,
                    });
                }
                Effect::WriteReport { path, format } => spawn_report(
                    self.index.clone(),
                    self.state.marks.clone(),
                    &self.corpus.paths,
                    path,
                    format,
                    self.corpus.workspace.clone(),
                    self.tx.clone(),
                ),
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
            release_free_memory();
            let (index, tx) = (self.index.clone(), tx.clone());
            std::thread::spawn(move || {
                let links =
                    Links::compute_releasing(&index, Lexicon::global(), &release_free_memory);
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
            release_free_memory();
            self.act(Action::Linked);
            let _ = self
                .corpus
                .jobs
                .send(WorkspaceJob::Resolve(self.index.clone()));
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
    corpus: Corpus,
) -> anyhow::Result<()> {
    let mut corpus = Some(corpus);
    // Replies that arrive before the files are read (a workspace notice) wait for the app.
    let mut early: Vec<Action> = Vec::new();
    let matcher = SkimMatcher::default();
    let view = View {
        theme: &theme,
        keymap: &keymap,
        matcher: &matcher,
        lex: Lexicon::global(),
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
                    state.help = crosscheck::app::help::entries(&keymap);
                    let Some(corpus) = corpus.take() else {
                        continue;
                    };
                    app = Some(Session {
                        index,
                        state,
                        searcher: spawn_searcher(tx.clone()),
                        corpus,
                        tx: tx.clone(),
                        total,
                        pending: Vec::new(),
                        links: None,
                        linking: false,
                    });
                    if let Some(app) = &mut app {
                        app.act(Action::Read {
                            total,
                            unreadable: problems.iter().filter(|p| p.fatal).count(),
                            first_problem: problems.first().map(ToString::to_string),
                        });
                        for action in early.drain(..) {
                            app.act(action);
                        }
                    }
                }
                Msg::Articles(batch) => {
                    if let Some(app) = &mut app {
                        app.pending.extend(batch);
                    }
                }
                Msg::Stopped { problems, dropped } => {
                    if let Some(app) = &mut app {
                        app.total = app.total.saturating_sub(dropped);
                        if let Some(first) = problems.first() {
                            app.act(Action::LoadNotice(format!(
                                "{} file(s) stopped by the time budget: {first}",
                                problems.len()
                            )));
                        }
                    }
                }
                Msg::Linked(links) => {
                    if let Some(app) = &mut app {
                        app.links = Some(links);
                    }
                }
                Msg::Done(action) => match &mut app {
                    Some(app) => app.act(action),
                    None => early.push(action),
                },
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

/// Gives every buffer of a mebibyte or more its own mapping, returned to the system when
/// freed. glibc starts at 128 KiB but raises that threshold to the size of each such buffer
/// freed, up to 32 MiB, and then places the large buffers that loading and linking grow and
/// drop inside its heaps, between small blocks that outlive them, where the space is never
/// returned. Fixing the threshold took the TUI on 10,000 generated articles from 242 to
/// 199 MB once linked, in the same time.
fn keep_large_buffers_mapped() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets the allocator's policy for later allocations; it is called
    // before any other thread is started.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

/// Hands the memory that loading or linking used and freed back to the system. glibc's
/// allocator keeps freed pages of its heaps for reuse, so without this the TUI would stay at
/// the peak that linking reached, about half again what it holds afterwards. Called before
/// linking and between its stages too: a stage's threads do not always reuse what an
/// earlier stage or the loading threads freed (on 10,000 generated articles the peak while
/// linking fell from 176.6 to about 164 MB).
fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages of the allocator's own heaps to the system;
    // it touches no memory the program holds.
    unsafe {
        libc::malloc_trim(0);
    }
}
