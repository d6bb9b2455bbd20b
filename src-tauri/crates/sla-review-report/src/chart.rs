//! Small charts drawn with printpdf's own operations (no images): a metric's figure per period
//! as a line with markers against its target as a dashed line, with labelled axes and a legend;
//! and the helpers the summary's status bar shares.

use sla_compliance::{MetricCompliance, Period};
use sla_pdf::kit::printpdf::{
    Color, Line, LineDashPattern, LinePoint, Op, PaintMode, Point, Pt, Rect, Rgb,
};
use sla_pdf::kit::{face, Composer, Face, Style, Words, CELL};

use crate::text;

/// The figure's line and markers.
pub const ACTUAL: (f32, f32, f32) = (0.12, 0.33, 0.60);
/// The target's dashed line: the agreement's alert red.
pub const TARGET: (f32, f32, f32) = (0.70, 0.09, 0.09);
const AXIS_GREY: f32 = 0.35;
const GRID_GREY: f32 = 0.86;

const TITLE: Style = CELL.bold();
const AXIS: Style = Style::new(Face::Sans, 6.0, 7.6).muted();
const LEGEND: Style = Style::new(Face::Sans, 6.5, 8.4).muted();

/// A title longer than this many lines is cut with an ellipsis.
const MAX_TITLE_LINES: usize = 2;
const PLOT_HEIGHT: f32 = 72.0;
/// Between the title and the top of the plot, where the highest value label reaches.
const TITLE_GAP: f32 = 10.0;

/// How many lines a chart's title takes at `width`.
pub fn title_lines(title: &str, width: f32) -> usize {
    Composer::wrap(TITLE, title, width)
        .len()
        .clamp(1, MAX_TITLE_LINES)
}

/// Height of a chart whose title takes `title_lines`: title, plot, period labels and legend.
pub fn height(title_lines: usize) -> f32 {
    title_lines as f32 * TITLE.leading + TITLE_GAP + PLOT_HEIGHT + 4.0 + AXIS.leading * 2.0
}

pub fn rgb((r, g, b): (f32, f32, f32)) -> Color {
    Color::Rgb(Rgb::new(r, g, b, None))
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    }
}

/// A stroked open line through `points`, dashed when `dash` is given.
pub fn stroke(
    points: &[(f32, f32)],
    thickness: f32,
    color: Color,
    dash: Option<&[f32]>,
) -> Vec<Op> {
    let mut ops = vec![
        Op::SaveGraphicsState,
        Op::SetOutlineColor { col: color },
        Op::SetOutlineThickness { pt: Pt(thickness) },
    ];
    if let Some(pattern) = dash {
        ops.push(Op::SetLineDashPattern {
            dash: LineDashPattern::new(0.0, pattern),
        });
    }
    ops.push(Op::DrawLine {
        line: Line {
            points: points.iter().map(|&(x, y)| point(x, y)).collect(),
            is_closed: false,
        },
    });
    ops.push(Op::RestoreGraphicsState);
    ops
}

/// A rectangle filled with `fill` and, when given, outlined.
pub fn rect(
    x: f32,
    y: f32,
    width: f32,
    height: f32,
    fill: Color,
    outline: Option<(Color, f32)>,
) -> Vec<Op> {
    let mut ops = vec![Op::SaveGraphicsState, Op::SetFillColor { col: fill }];
    let mode = match outline {
        Some((color, thickness)) => {
            ops.push(Op::SetOutlineColor { col: color });
            ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
            PaintMode::FillStroke
        }
        None => PaintMode::Fill,
    };
    ops.push(Op::DrawRectangle {
        rectangle: Rect {
            x: Pt(x),
            y: Pt(y),
            width: Pt(width),
            height: Pt(height),
            mode: Some(mode),
            winding_order: None,
        },
    });
    ops.push(Op::RestoreGraphicsState);
    ops
}

fn grey(level: f32) -> Color {
    rgb((level, level, level))
}

/// `text` cut to one line of `width`, with an ellipsis when cut.
pub fn one_line(style: Style, text: &str, width: f32) -> String {
    let lines = Composer::wrap(style, text, width);
    match lines.as_slice() {
        [] => String::new(),
        [only] => only.text.clone(),
        [first, ..] => {
            let f = face(style.face);
            let mut shown = first.text.clone();
            while !shown.is_empty() && f.width(&format!("{shown}\u{2026}"), style.size) > width {
                shown.pop();
            }
            format!("{}\u{2026}", shown.trim_end())
        }
    }
}

/// The value axis: a step of 1, 2, 2.5 or 5 times a power of ten, and the fewest such steps (at
/// most five) that reach `max`.
fn scale(max: f64) -> (f64, usize) {
    if max.is_nan() || max <= 0.0 {
        return (0.25, 4);
    }
    let magnitude = 10f64.powf((max / 5.0).log10().floor());
    for factor in [1.0, 2.0, 2.5, 5.0, 10.0] {
        let step = factor * magnitude;
        let steps = (max / step - 1e-9).ceil().max(1.0);
        if steps <= 5.0 {
            return (step, steps as usize);
        }
    }
    (magnitude * 10.0, 5)
}

/// One metric's chart with its top-left corner at (`x`, `top`); the plot starts below
/// `title_lines` (the most its row's titles take, so that plots side by side line up).
#[allow(clippy::too_many_arguments)]
pub fn draw(
    c: &mut Composer,
    w: &Words,
    metric: &MetricCompliance,
    title: &str,
    title_lines: usize,
    x: f32,
    top: f32,
    width: f32,
) {
    let mut lines: Vec<String> = Composer::wrap(TITLE, title, width)
        .into_iter()
        .map(|l| l.text)
        .collect();
    if lines.len() > MAX_TITLE_LINES {
        let rest = lines[MAX_TITLE_LINES - 1..].join(" ");
        lines.truncate(MAX_TITLE_LINES - 1);
        lines.push(one_line(TITLE, &rest, width));
    }
    let mut y = top;
    for line in &lines {
        c.show(x, Composer::baseline(TITLE, y), TITLE, line);
        y -= TITLE.leading;
    }
    let plot_top = top - title_lines as f32 * TITLE.leading - TITLE_GAP;
    let plot_bottom = plot_top - PLOT_HEIGHT;

    let points: &[(Period, Option<f64>)] = &metric.trend;
    let finite = |v: &Option<f64>| v.filter(|v| v.is_finite());
    let highest = points
        .iter()
        .filter_map(|(_, v)| finite(v))
        .fold(metric.target.max(0.0), f64::max);
    let (step, steps) = scale(highest * 1.05);
    let axis_top = step * steps as f64;
    let axis = |v: f64| plot_bottom + (v / axis_top).clamp(-0.05, 1.05) as f32 * PLOT_HEIGHT;

    // Value axis labels and grid.
    let labels: Vec<String> = (0..=steps).map(|i| w.number(step * i as f64)).collect();
    let label_width = labels
        .iter()
        .map(|l| face(AXIS.face).width(l, AXIS.size))
        .fold(0.0, f32::max);
    let plot_left = x + label_width + 4.0;
    let plot_right = x + width - 2.0;
    for (i, label) in labels.iter().enumerate() {
        let at = axis(step * i as f64);
        if i > 0 {
            c.draw(stroke(
                &[(plot_left, at), (plot_right, at)],
                0.3,
                grey(GRID_GREY),
                None,
            ));
        }
        let label_w = face(AXIS.face).width(label, AXIS.size);
        c.show(
            plot_left - 3.0 - label_w,
            at - AXIS.size * 0.35,
            AXIS,
            label,
        );
    }
    c.draw(stroke(
        &[
            (plot_left, plot_top),
            (plot_left, plot_bottom),
            (plot_right, plot_bottom),
        ],
        0.6,
        grey(AXIS_GREY),
        None,
    ));

    // Periods along the bottom, every one while they fit, else every other ending at the last.
    let n = points.len().max(1);
    let slot = (plot_right - plot_left) / n as f32;
    let centre = |i: usize| plot_left + slot * (i as f32 + 0.5);
    let every = if n <= 6 { 1 } else { 2 };
    for (i, (period, _)) in points.iter().enumerate() {
        if !(n - 1 - i).is_multiple_of(every) {
            continue;
        }
        let label = text::short_month(w, *period);
        let label_w = face(AXIS.face).width(label, AXIS.size);
        c.show(
            centre(i) - label_w / 2.0,
            Composer::baseline(AXIS, plot_bottom - 2.0),
            AXIS,
            label,
        );
    }

    // The target.
    let target_y = axis(metric.target);
    c.draw(stroke(
        &[(plot_left, target_y), (plot_right, target_y)],
        0.9,
        rgb(TARGET),
        Some(&[3.0, 2.0]),
    ));

    // The figure: a line through consecutive periods with data, broken where one has none.
    let mut run: Vec<(f32, f32)> = Vec::new();
    let mut runs = Vec::new();
    for (i, (_, value)) in points.iter().enumerate() {
        match finite(value) {
            Some(v) => run.push((centre(i), axis(v))),
            None => runs.push(std::mem::take(&mut run)),
        }
    }
    runs.push(run);
    for run in runs.iter().filter(|r| r.len() > 1) {
        c.draw(stroke(run, 1.3, rgb(ACTUAL), None));
    }
    // Markers: filled where the period met the target, hollow where it missed.
    for (i, (_, value)) in points.iter().enumerate() {
        let cx = centre(i);
        match finite(value) {
            Some(v) => {
                let cy = axis(v);
                let met = text::meets(metric.comparator, metric.target, v);
                let fill = if met { rgb(ACTUAL) } else { grey(1.0) };
                c.draw(rect(
                    cx - 2.0,
                    cy - 2.0,
                    4.0,
                    4.0,
                    fill,
                    Some((rgb(ACTUAL), 0.9)),
                ));
            }
            None => {
                let label = w.t("report-chart-no-data");
                let label_w = face(AXIS.face).width(&label, AXIS.size);
                c.show(cx - label_w / 2.0, plot_bottom + 3.0, AXIS, &label);
            }
        }
    }

    // Legend: a sample of each line and what it is.
    let legend_baseline = Composer::baseline(LEGEND, plot_bottom - 2.0 - AXIS.leading);
    let sample_y = legend_baseline + LEGEND.size * 0.3;
    let mut lx = plot_left;
    c.draw(stroke(
        &[(lx, sample_y), (lx + 12.0, sample_y)],
        1.3,
        rgb(ACTUAL),
        None,
    ));
    lx += 15.0;
    let actual = w.t("report-chart-actual");
    c.show(lx, legend_baseline, LEGEND, &actual);
    lx += face(LEGEND.face).width(&actual, LEGEND.size) + 10.0;
    c.draw(stroke(
        &[(lx, sample_y), (lx + 12.0, sample_y)],
        0.9,
        rgb(TARGET),
        Some(&[3.0, 2.0]),
    ));
    lx += 15.0;
    let target = w.f(
        "report-chart-target",
        &[(
            "value",
            w.target(metric.comparator, metric.target, metric.unit)
                .into(),
        )],
    );
    c.show(
        lx,
        legend_baseline,
        LEGEND,
        &one_line(LEGEND, &target, plot_right - lx),
    );
}

#[cfg(test)]
mod tests {
    use super::scale;

    #[test]
    fn the_value_axis_takes_round_steps() {
        assert_eq!(scale(76.0), (20.0, 4));
        assert_eq!(scale(108.0), (25.0, 5));
        assert_eq!(scale(9.0), (2.0, 5));
        assert_eq!(scale(1.3), (0.5, 3));
        assert_eq!(scale(0.0), (0.25, 4));
    }
}
