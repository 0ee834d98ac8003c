//! The Facts view: every fact in a table (verdict, what is measured, the figures as written,
//! the interval they span, sources, dates); the selected fact's reason, its members with
//! their sentences, and a timeline of its values by report date and source.

use std::ops::Range;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph, Wrap};

use super::text::paint;
use super::theme::Theme;
use super::{View, fit, mark_sign, pad, pane_block};
use crate::app::AppState;
use crate::app::state::{FactsAreas, Loading, fact_rows, facts_areas, member_rows, sentence_rows};
use crate::index::facts::FactDate;
use crate::index::{Fact, Index, Verdict};
use crate::lexicon::Lexicon;
use crate::report::figures::{
    Scale, first_last, fmt_value, normalised, scale, span_text, stated, values_compact,
};
use crate::text::display_safe;

pub fn render(frame: &mut Frame, area: Rect, s: &AppState, index: &Index, view: &View) {
    let fa = facts_areas(area.width, area.height);
    let t = view.theme;
    if !index.linked {
        let msg = match s.loading {
            Some(Loading::Linking) => format!(
                "Linking the figures of {} claims into facts: they appear here when it is done.",
                index.claims.len()
            ),
            _ => format!(
                "Still loading: figures are linked into facts once every article is in ({} claims so far).",
                index.claims.len()
            ),
        };
        let block = pane_block(Line::styled(" Facts ", t.title), true, t);
        frame.render_widget(
            Paragraph::new(msg).wrap(Wrap { trim: true }).block(block),
            fa.table,
        );
        return;
    }
    table(frame, &fa, s, index, view);
    let Some(f) = s.selected_fact(index) else {
        let msg = if index.facts.is_empty() {
            "No figures were found in these articles."
        } else {
            "No fact is listed: v, M or s change what the table shows."
        };
        frame.render_widget(Paragraph::new(Span::styled(msg, t.dim)), fa.reason);
        return;
    };
    reason(frame, fa.reason, f, s, index, view);
    members(frame, fa.members, f, s, index, view);
    timeline(frame, fa.chart, f, index, view);
}

/// "1 figure", "3 figures".
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// A verdict as a fixed-width word.
fn verdict_word(v: Verdict) -> String {
    format!("{:<9}", v.as_str().to_uppercase())
}

/// A date in a narrow column, without its year: a day as month-day ("11-23"), a month by
/// its name ("Apr"), since "04" alone would read as a day.
fn short_date(d: FactDate) -> String {
    match d {
        FactDate::Day(day) => day.format("%m-%d").to_string(),
        FactDate::Month(y, m) => chrono::NaiveDate::from_ymd_opt(y, m, 1)
            .map_or_else(|| d.to_string(), |first| first.format("%b").to_string()),
    }
}

/// The first and last dates of a fact: "2024-11-11 → 2024-11-23", or [`short_date`]s when
/// `short`.
fn dates(f: &Fact, short: bool) -> String {
    let show = |d: FactDate| if short { short_date(d) } else { d.to_string() };
    match first_last(f) {
        None => "undated".into(),
        Some((a, b)) if a == b => show(a),
        Some((a, b)) if short => format!("{}→{}", show(a), show(b)),
        Some((a, b)) => format!("{} → {}", show(a), show(b)),
    }
}

fn table(frame: &mut Frame, fa: &FactsAreas, s: &AppState, index: &Index, view: &View) {
    let t = view.theme;
    let mut scope = vec![s.fact_sort.label().to_string()];
    if let Some(v) = s.verdict_filter {
        scope.push(format!("{} only", v.as_str()));
    }
    if let Some(m) = s.mark_filter.label() {
        scope.push(m);
    }
    let listed = if s.facts_order.len() == index.facts.len() {
        super::count(index.facts.len(), "fact")
    } else {
        format!("{} of {} facts", s.facts_order.len(), index.facts.len())
    };
    let title = Line::from(vec![
        Span::styled(" Facts ", t.title),
        Span::styled(
            format!(
                "({listed} · {} · {}) ",
                super::conflicts(index.conflicts_among(&[])),
                scope.join(" · ")
            ),
            t.dim,
        ),
    ]);
    let block = pane_block(title, !s.members_focused, t);
    let inner = block.inner(fa.table);
    frame.render_widget(block, fa.table);
    let w = inner.width as usize;
    let wide = w >= 110;
    let (src_w, date_w) = (6, if wide { 23 } else { 11 });
    let span_w = if wide { 24 } else { 0 };
    let fixed = 2 + 9 + src_w + 1 + date_w + if wide { span_w + 1 } else { 0 } + 2;
    let flexible = w.saturating_sub(fixed);
    let label_w = (flexible * 2 / 5).max(8);
    let values_w = flexible.saturating_sub(label_w);
    let header = {
        let mut h = format!(
            "  {}{} {}",
            pad("verdict", 9),
            pad("what is measured", label_w),
            pad("values", values_w)
        );
        if wide {
            h.push_str(&format!(" {}", pad("span", span_w)));
        }
        h.push_str(&format!(" {} {}", pad("src", src_w), pad("dates", date_w)));
        h
    };
    let mut lines = vec![Line::styled(pad(&header, w), t.dim)];
    let rows = fact_rows(fa);
    for (pos, &i) in s
        .facts_order
        .iter()
        .enumerate()
        .skip(s.facts_offset)
        .take(rows)
    {
        let f = &index.facts[i];
        let selected = pos == s.facts_sel;
        let base = if selected {
            t.selected
        } else {
            Style::default()
        };
        let mut spans = vec![
            match s.marks.fact(f.id) {
                Some(_) => mark_sign(s.marks.fact(f.id), t),
                None => Span::raw("  "),
            },
            Span::styled(verdict_word(f.verdict), base.patch(t.verdict(f.verdict))),
            Span::styled(pad(&f.label, label_w), base.patch(t.title)),
            Span::styled(" ", base),
            Span::styled(pad(&values_compact(f, &index.articles), values_w), base),
        ];
        if wide {
            let shown = span_text(f, &index.articles).unwrap_or_default();
            spans.push(Span::styled(format!(" {}", pad(&shown, span_w)), base));
        }
        spans.push(Span::styled(
            format!(
                " {} {}",
                pad(&format!("{} ({})", f.sources, f.independent_sources), src_w),
                pad(&dates(f, !wide), date_w)
            ),
            base.patch(t.dim),
        ));
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The selected fact's verdict, its reason, the interval its values span, and its mark.
fn reason(frame: &mut Frame, area: Rect, f: &Fact, s: &AppState, index: &Index, view: &View) {
    let t = view.theme;
    let mut spans = vec![
        Span::styled(
            format!(" {} ", f.verdict.as_str().to_uppercase()),
            t.verdict(f.verdict),
        ),
        Span::styled(format!("{}: ", display_safe(&f.label)), t.title),
        Span::raw(display_safe(&f.reason()).into_owned()),
    ];
    if let Some(m) = s.marks.fact(f.id) {
        spans.push(Span::raw(" · review: "));
        spans.push(Span::styled(
            format!("{} {}", m.rating.sign(), m.rating),
            t.rating(m.rating),
        ));
        if !m.note.is_empty() {
            spans.push(Span::raw(format!(": {}", display_safe(&m.note))));
        }
    }
    if let Some(sp) = span_text(f, &index.articles) {
        spans.push(Span::styled(format!(" · values span {sp}"), t.dim));
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).wrap(Wrap { trim: true }),
        area,
    );
}

/// Lines of `text` at most `width` columns wide, as byte ranges, broken between words.
fn wrap_ranges(text: &str, width: usize) -> Vec<Range<usize>> {
    use unicode_width::UnicodeWidthStr;
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut line: Option<Range<usize>> = None;
    let mut used = 0;
    for (off, word) in crate::text::split_words_with_offsets(text) {
        let w = display_safe(word).width();
        match &mut line {
            Some(l) if used + 1 + w <= width => {
                l.end = off + word.len();
                used += 1 + w;
            }
            _ => {
                out.extend(line.take());
                line = Some(off..off + word.len());
                used = w;
            }
        }
    }
    out.extend(line);
    out
}

fn members(frame: &mut Frame, area: Rect, f: &Fact, s: &AppState, index: &Index, view: &View) {
    let t = view.theme;
    let title = Line::from(vec![
        Span::styled(" Figures ", t.title),
        Span::styled(
            format!(
                "({} from {} · Enter: Reader) ",
                f.members.len(),
                plural(f.sources, "source")
            ),
            t.dim,
        ),
    ]);
    let block = pane_block(title, s.members_focused, t);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = inner.width as usize;
    let wide = w >= 80;
    let rows = member_rows(&facts_areas(s.width, s.height));
    let sc = scale(f, &index.articles);
    let offset = s.member_sel.saturating_sub(rows.saturating_sub(1));
    let tag_w = f
        .members
        .iter()
        .map(|m| super::tag(index, m.at.article as usize).chars().count())
        .max()
        .unwrap_or(3)
        .clamp(3, 16)
        + 1;
    let cols = MemberLayout {
        width: w,
        wide,
        tag_w,
        date_w: if wide { 11 } else { 6 },
        sentence_rows: sentence_rows(area),
    };
    let mut lines: Vec<Line> = (offset..f.members.len().min(offset + rows))
        .map(|i| member_row(f, i, s, index, &sc, &cols, t))
        .collect();
    while lines.len() < rows {
        lines.push(Line::raw(""));
    }
    let sel = s.member_sel.min(f.members.len().saturating_sub(1));
    if f.members.get(sel).is_some() {
        lines.extend(member_sentence(f, sel, s, index, &sc, &cols, t));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// How the Figures pane is laid out: column widths, and the rows under the table.
struct MemberLayout {
    /// The pane's inner width.
    width: usize,
    /// Wide enough for the value, hedge and speaker columns.
    wide: bool,
    tag_w: usize,
    date_w: usize,
    /// Rows the selected member's sentence may take.
    sentence_rows: usize,
}

/// Member `i` of a fact as a table row: mark, source, date, the figure as written, and when
/// wide its value in the fact's scale, its hedge and its speaker.
fn member_row(
    f: &Fact,
    i: usize,
    s: &AppState,
    index: &Index,
    sc: &Scale,
    cols: &MemberLayout,
    t: &Theme,
) -> Line<'static> {
    let m = &f.members[i];
    let conversion = f.reason_detail.conversions.iter().find(|c| c.member == i);
    let (w, wide, tag_w, date_w) = (cols.width, cols.wide, cols.tag_w, cols.date_w);
    let q = m.quantity(&index.articles);
    let selected = s.members_focused && i == s.member_sel;
    let base = if selected {
        t.selected
    } else {
        Style::default()
    };
    let date = match m.date {
        Some(d) if !wide => short_date(d),
        Some(d) => d.to_string(),
        None if !wide => "—".into(),
        None => "undated".into(),
    };
    let figure_style = if q.approx.is_some() {
        t.figure_hedged
    } else {
        t.figure_exact
    };
    let mut spans = vec![
        match s.marks.claim(m.at) {
            Some(_) => mark_sign(s.marks.claim(m.at), t),
            None => Span::raw("  "),
        },
        Span::styled(
            pad(&super::tag(index, m.at.article as usize), tag_w),
            base.patch(t.dim),
        ),
        Span::styled(format!(" {} ", pad(&date, date_w)), base.patch(t.dim)),
    ];
    let used = 2 + tag_w + date_w + 2;
    if wide {
        let rest = w.saturating_sub(used);
        let (fig_w, val_w, hedge_w) = (22, 17, 10);
        let speaker_w = rest.saturating_sub(fig_w + val_w + hedge_w + 3);
        spans.extend([
            Span::styled(pad(&q.text, fig_w), base.patch(figure_style)),
            Span::styled(
                format!(" {}", pad(&normalised(q, sc, conversion), val_w)),
                base,
            ),
            Span::styled(
                format!(
                    " {}",
                    pad(q.approx.map_or("exact", |a| a.as_str()), hedge_w)
                ),
                base.patch(t.dim),
            ),
            Span::styled(
                format!(
                    " {}",
                    pad(
                        &index.attribution(m.at).map_or("".into(), |a| a.label()),
                        speaker_w
                    )
                ),
                base.patch(t.speaker),
            ),
        ]);
    } else {
        spans.push(Span::styled(
            pad(&q.text, w.saturating_sub(used)),
            base.patch(figure_style),
        ));
    }
    Line::from(spans)
}

/// The selected member `sel` below the table: its source, date, figure and value (hedge and
/// speaker when the table is narrow), its review mark, then its sentence in at most
/// `cols.sentence_rows` rows with the figure highlighted.
fn member_sentence<'a>(
    f: &Fact,
    sel: usize,
    s: &AppState,
    index: &'a Index,
    sc: &Scale,
    cols: &MemberLayout,
    t: &Theme,
) -> Vec<Line<'a>> {
    let m = &f.members[sel];
    let conversion = f.reason_detail.conversions.iter().find(|c| c.member == sel);
    let q = m.quantity(&index.articles);
    let claim = m.claim(&index.articles);
    let mut lines = Vec::new();
    let mut about = vec![
        Span::styled(
            fit(&super::source_name(index, m.at.article as usize), 32),
            t.title,
        ),
        Span::styled(format!(" · {} · ", m.date_label()), t.dim),
        Span::styled(display_safe(&q.text).into_owned(), t.figure_exact),
        Span::raw(format!(" = {}", normalised(q, sc, conversion))),
    ];
    if !cols.wide {
        if let Some(h) = q.approx {
            about.push(Span::styled(format!(" · {h}"), t.dim));
        }
        if let Some(sp) = index.attribution(m.at) {
            about.push(Span::styled(
                format!(" · {}", display_safe(&sp.label())),
                t.speaker,
            ));
        }
    }
    if let Some(mk) = s.marks.claim(m.at) {
        about.push(Span::raw(" · "));
        about.push(Span::styled(
            format!("{} {}", mk.rating.sign(), mk.rating),
            t.rating(mk.rating),
        ));
    }
    lines.push(Line::from(about));
    let text = &*claim.text;
    let figure = q.start().saturating_sub(claim.start())..q.end().saturating_sub(claim.start());
    let figure_style = if q.approx.is_some() {
        t.figure_hedged
    } else {
        t.figure_exact
    };
    let budget = cols.sentence_rows;
    let wrapped = wrap_ranges(text, cols.width.saturating_sub(2));
    let cut = wrapped.len() > budget;
    for (k, r) in wrapped.into_iter().take(budget).enumerate() {
        let ranges = [(
            figure.start.max(r.start).saturating_sub(r.start)
                ..figure.end.min(r.end).saturating_sub(r.start),
            figure_style.patch(t.target),
        )];
        let mut spans = vec![Span::styled("│ ", t.dim)];
        spans.extend(paint(
            &text[r.clone()],
            Style::default(),
            &ranges,
            &[],
            Style::default(),
        ));
        if cut && k + 1 == budget {
            spans.push(Span::styled("…", t.dim));
        }
        lines.push(Line::from(spans));
    }
    lines
}

/// Where a member sits on the timeline: its day, or the first of its month.
fn day_of(d: FactDate) -> Option<NaiveDate> {
    match d {
        FactDate::Day(d) => Some(d),
        FactDate::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
    }
}

/// The timeline draws at most this many distinct figures (a fact of thousands of figures
/// would take a frame's time to draw and read as a smear).
const MAX_POINTS: usize = 400;

/// One figure on the timeline: x, the values it allows, its source's series.
struct Point {
    x: f64,
    lo: f64,
    hi: f64,
    series: usize,
}

/// A fact's members placed on the timeline.
struct Placed {
    points: Vec<Point>,
    /// The articles of the series, in the order their first member comes.
    sources: Vec<usize>,
    /// The earliest member's day: x counts days from it. `None`: no member is dated, and x
    /// is the member's series.
    first: Option<NaiveDate>,
    /// Members left out for having no date when others have one.
    undated: usize,
    /// Members left out past [`MAX_POINTS`].
    undrawn: usize,
}

/// Places each member of a fact at its day (or its source, when none is dated) and its
/// values in the scale `sc`; a figure at a place already drawn is drawn once.
fn place_members(f: &Fact, index: &Index, sc: &Scale, lex: &Lexicon) -> Placed {
    let mut sources: Vec<usize> = Vec::new();
    let mut series_of: rustc_hash::FxHashMap<usize, usize> = Default::default();
    let first = f
        .members
        .iter()
        .filter_map(|m| m.date.and_then(day_of))
        .min();
    let mut points: Vec<Point> = Vec::new();
    // Figures at one place are drawn once.
    let mut drawn = rustc_hash::FxHashSet::default();
    let mut undrawn = 0;
    let mut undated = 0;
    for m in &f.members {
        let a = m.at.article as usize;
        let series = *series_of.entry(a).or_insert_with(|| {
            sources.push(a);
            sources.len() - 1
        });
        let q = m.quantity(&index.articles);
        let values = if q.approx.is_some() {
            q.interval(lex)
        } else {
            stated(q)
        };
        let Some((lo, hi)) = values
            .map(|(a, b)| (a / sc.factor, b / sc.factor))
            .filter(|(a, b)| a.is_finite() && b.is_finite())
        else {
            continue;
        };
        let x = match (first, m.date.and_then(day_of)) {
            (Some(origin), Some(d)) => (d - origin).num_days() as f64,
            (Some(_), None) => {
                undated += 1;
                continue;
            }
            (None, _) => series as f64,
        };
        if drawn.insert((x.to_bits(), lo.to_bits(), hi.to_bits(), series)) {
            if points.len() == MAX_POINTS {
                undrawn += 1;
                continue;
            }
            points.push(Point { x, lo, hi, series });
        }
    }
    Placed {
        points,
        sources,
        first,
        undated,
        undrawn,
    }
}

fn timeline(frame: &mut Frame, area: Rect, f: &Fact, index: &Index, view: &View) {
    let t = view.theme;
    let sc = scale(f, &index.articles);
    let unit = sc.unit.clone();
    let placed = place_members(f, index, &sc, view.lex);
    let (points, sources, first) = (&placed.points, &placed.sources, placed.first);
    let title = Line::from(vec![
        Span::styled(" Timeline ", t.title),
        Span::styled(
            format!(
                "({}; a bar is a hedged range) ",
                if unit.is_empty() {
                    "values".to_string()
                } else {
                    unit.clone()
                }
            ),
            t.dim,
        ),
    ]);
    let block = pane_block(title, false, t);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if points.is_empty() || inner.height < 4 {
        frame.render_widget(
            Paragraph::new(Span::styled("no figure to place on a timeline", t.dim)),
            inner,
        );
        return;
    }
    let chart_area = Rect::new(inner.x, inner.y, inner.width, inner.height - 1);
    let legend_area = Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1);
    let (x0, x1) = points
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.x), b.max(p.x)));
    let (y0, y1) = points
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.lo), b.max(p.hi)));
    let x_pad = ((x1 - x0) * 0.08).max(1.0);
    let y_pad = ((y1 - y0) * 0.1).max(y1.abs() * 0.05).max(1.0);
    let y_floor = if y0 >= 0.0 {
        (y0 - y_pad).max(0.0)
    } else {
        y0 - y_pad
    };
    let series_style = |i: usize| t.series[i % t.series.len()];
    // One dataset of dots (values) and one of bars (ranges) per colour: a bar is a column of
    // points, one per braille dot of the chart's height.
    let colours = t.series.len();
    let mut dots: Vec<Vec<(f64, f64)>> = vec![Vec::new(); colours];
    let mut bars: Vec<Vec<(f64, f64)>> = vec![Vec::new(); colours];
    let steps = (chart_area.height as usize * 4).max(2);
    let y_span = (y1 + y_pad - y_floor).max(f64::MIN_POSITIVE);
    for p in points {
        let c = p.series % colours;
        if p.hi > p.lo {
            let n = (((p.hi - p.lo) / y_span) * steps as f64).ceil().max(1.0) as usize;
            bars[c].extend((0..=n).map(|k| (p.x, p.lo + (p.hi - p.lo) * k as f64 / n as f64)));
        } else {
            dots[c].push((p.x, p.lo));
        }
    }
    let datasets: Vec<Dataset> = (0..colours)
        .flat_map(|c| {
            [
                Dataset::default()
                    .data(&bars[c])
                    .style(series_style(c))
                    .marker(Marker::Braille)
                    .graph_type(GraphType::Scatter),
                Dataset::default()
                    .data(&dots[c])
                    .style(series_style(c))
                    .marker(Marker::Dot)
                    .graph_type(GraphType::Scatter),
            ]
        })
        .collect();
    let x_labels: Vec<Span> = match first {
        Some(origin) => {
            let day = |x: f64| {
                origin
                    .checked_add_signed(chrono::Duration::days(x as i64))
                    .map_or(String::new(), |d| d.format("%b %-d").to_string())
            };
            if x1 > x0 {
                vec![Span::raw(day(x0)), Span::raw(day(x1))]
            } else {
                vec![Span::raw(""), Span::raw(day(x0)), Span::raw("")]
            }
        }
        None => {
            let first = sources
                .first()
                .map_or(Default::default(), |&a| super::tag(index, a));
            let last = sources
                .last()
                .map_or(Default::default(), |&a| super::tag(index, a));
            if sources.len() > 1 {
                vec![Span::raw(first.to_string()), Span::raw(last.to_string())]
            } else {
                vec![Span::raw(""), Span::raw(first.to_string()), Span::raw("")]
            }
        }
    };
    let chart = Chart::new(datasets)
        .x_axis(
            Axis::default()
                .style(t.dim)
                .bounds([x0 - x_pad, x1 + x_pad])
                .labels(x_labels),
        )
        .y_axis(
            Axis::default()
                .style(t.dim)
                .bounds([y_floor, y1 + y_pad])
                .labels(vec![
                    Span::raw(fmt_value(y_floor)),
                    Span::raw(fmt_value(y1 + y_pad)),
                ]),
        )
        .legend_position(None);
    frame.render_widget(chart, chart_area);
    let legend = legend(&placed, index, legend_area.width as usize, t);
    frame.render_widget(Paragraph::new(legend), legend_area);
}

/// The timeline's legend in `width` columns: each source's colour and tag, and what was left
/// off the chart.
fn legend(placed: &Placed, index: &Index, width: usize, t: &Theme) -> Line<'static> {
    let sources = &placed.sources;
    let mut legend: Vec<Span> = Vec::new();
    let mut used = 0;
    for (i, &a) in sources.iter().enumerate() {
        let tag = super::tag(index, a);
        used += tag.chars().count() + 2;
        if used > width {
            legend.push(Span::styled(format!("+{} ", sources.len() - i), t.dim));
            break;
        }
        legend.push(Span::styled("■", t.series[i % t.series.len()]));
        legend.push(Span::styled(format!("{tag} "), t.dim));
    }
    if placed.first.is_none() {
        legend.push(Span::styled("(undated: by source)", t.dim));
    } else if placed.undated > 0 {
        legend.push(Span::styled(format!("+{} undated ", placed.undated), t.dim));
    }
    if placed.undrawn > 0 {
        legend.push(Span::styled(
            format!("+{} not drawn", placed.undrawn),
            t.dim,
        ));
    }
    Line::from(legend)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_narrow_date_names_a_month_and_numbers_a_day() {
        let day = chrono::NaiveDate::from_ymd_opt(2024, 11, 23).expect("a real day");
        assert_eq!(short_date(FactDate::Day(day)), "11-23");
        assert_eq!(short_date(FactDate::Month(2018, 4)), "Apr");
    }
}
