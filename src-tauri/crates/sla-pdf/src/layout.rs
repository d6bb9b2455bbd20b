//! The page composer: places headings, paragraphs and tables top to bottom on A4 pages, breaks
//! pages (repeating table headers, splitting tall rows), and afterwards adds what every page
//! carries: the running header, the draft mark and the footer with "page X of Y".

use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Pt, Rect, Rgb,
    TextItem, TextMatrix,
};

use crate::fonts::{face, Face};
use crate::wrap::{wrap, WrappedLine};

const MM: f32 = 72.0 / 25.4;
pub const PAGE_WIDTH: f32 = 210.0 * MM;
pub const PAGE_HEIGHT: f32 = 297.0 * MM;
pub const MARGIN_LEFT: f32 = 25.0 * MM;
pub const MARGIN_RIGHT: f32 = 18.0 * MM;
pub const MARGIN_TOP: f32 = 22.0 * MM;
pub const MARGIN_BOTTOM: f32 = 24.0 * MM;
pub const CONTENT_LEFT: f32 = MARGIN_LEFT;
pub const CONTENT_RIGHT: f32 = PAGE_WIDTH - MARGIN_RIGHT;
pub const CONTENT_WIDTH: f32 = CONTENT_RIGHT - CONTENT_LEFT;
const CONTENT_TOP: f32 = PAGE_HEIGHT - MARGIN_TOP;
const CONTENT_BOTTOM: f32 = MARGIN_BOTTOM;
/// Height available for content on a page.
pub const BODY_HEIGHT: f32 = CONTENT_TOP - CONTENT_BOTTOM;

/// Colours, all dark enough to print and photocopy.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tone {
    Ink,
    Muted,
    Alert,
    Watermark,
}

impl Tone {
    pub fn color(self) -> Color {
        match self {
            Tone::Ink => Color::Greyscale(Greyscale::new(0.07, None)),
            Tone::Muted => Color::Greyscale(Greyscale::new(0.36, None)),
            Tone::Alert => Color::Rgb(Rgb::new(0.70, 0.09, 0.09, None)),
            Tone::Watermark => Color::Rgb(Rgb::new(0.96, 0.86, 0.86, None)),
        }
    }
}

/// A face, size, line height and colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub face: Face,
    pub size: f32,
    pub leading: f32,
    pub tone: Tone,
}

impl Style {
    pub const fn new(face: Face, size: f32, leading: f32) -> Style {
        Style {
            face,
            size,
            leading,
            tone: Tone::Ink,
        }
    }
    pub const fn muted(self) -> Style {
        Style {
            tone: Tone::Muted,
            ..self
        }
    }
    pub const fn bold(self) -> Style {
        let face = match self.face {
            Face::Serif | Face::SerifBold => Face::SerifBold,
            Face::Sans | Face::SansBold => Face::SansBold,
        };
        Style { face, ..self }
    }
}

pub const BODY: Style = Style::new(Face::Serif, 9.5, 13.6);
pub const CELL: Style = Style::new(Face::Sans, 8.0, 10.6);
pub const CELL_SMALL: Style = Style::new(Face::Sans, 7.0, 9.2).muted();
pub const HEAD_CELL: Style = Style::new(Face::SansBold, 7.6, 10.0);
pub const LABEL: Style = Style::new(Face::Sans, 8.0, 13.6).muted();
pub const H1: Style = Style::new(Face::SansBold, 11.5, 15.0);
pub const H2: Style = Style::new(Face::SansBold, 9.5, 13.0);
pub const TITLE: Style = Style::new(Face::SerifBold, 17.0, 21.5);
const RUNNING: Style = Style::new(Face::Sans, 7.0, 9.0).muted();
const FOOTER: Style = Style::new(Face::Sans, 6.5, 8.4).muted();

/// Text of one style in a table cell; a cell stacks several.
#[derive(Debug, Clone)]
pub struct Cell {
    pub parts: Vec<(Style, String)>,
}

impl Cell {
    pub fn new(style: Style, text: impl Into<String>) -> Cell {
        Cell {
            parts: vec![(style, text.into())],
        }
    }
    pub fn and(mut self, style: Style, text: impl Into<String>) -> Cell {
        self.parts.push((style, text.into()));
        self
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// Ruled grid with a shaded header row, repeated on every page the table continues on.
    Grid,
    /// Label and value rows separated by hairlines: parties, term, calendar.
    Fields,
}

pub struct Table {
    pub kind: TableKind,
    /// Column widths as fractions of the text width.
    pub widths: Vec<f32>,
    pub header: Option<Vec<Cell>>,
    pub rows: Vec<Vec<Cell>>,
}

/// A line of a laid-out cell.
#[derive(Debug, Clone)]
struct CellLine {
    style: Style,
    text: String,
    /// Extra space above the line (between the parts of a cell).
    gap: f32,
}

impl CellLine {
    fn height(&self) -> f32 {
        self.gap + self.style.leading
    }
}

/// A bookmark: a numbered heading and where it is.
#[derive(Debug, Clone)]
pub struct OutlineEntry {
    pub level: u8,
    pub title: String,
    pub page: usize,
    pub top: f32,
}

/// Where a signatory's blank signature area is.
#[derive(Debug, Clone, Copy)]
pub struct SignatureArea {
    pub page: usize,
    /// Lower-left x, lower-left y, upper-right x, upper-right y, in points.
    pub rect: [f32; 4],
}

/// What every page carries besides its content.
pub struct PageDecor {
    pub running_title: String,
    pub draft_mark: Option<String>,
    pub draft_banner: Option<String>,
    pub footer_left: Vec<String>,
    /// Formats "page X of Y".
    pub page_label: Box<dyn Fn(usize, usize) -> String>,
}

pub struct Composer {
    fonts: [FontId; 4],
    pages: Vec<Vec<Op>>,
    ops: Vec<Op>,
    y: f32,
    pub outline: Vec<OutlineEntry>,
    pub signature_areas: Vec<SignatureArea>,
    /// Headings (and the space between them) not yet placed: each goes on the page where the
    /// start of what follows it fits, so that no heading is left alone at the foot of a page.
    pending: Vec<Pending>,
}

/// A heading waiting for what follows it, or space between two such headings.
enum Pending {
    Heading {
        level: u8,
        style: Style,
        number: String,
        title: String,
        lines: Vec<WrappedLine>,
        /// The space between number and title, and the indent of the title's further lines.
        gap: f32,
        hang: f32,
        after: f32,
    },
    Space(f32),
}

impl Pending {
    fn height(&self) -> f32 {
        match self {
            Pending::Heading {
                style,
                lines,
                after,
                ..
            } => lines.len().max(1) as f32 * style.leading + after,
            Pending::Space(height) => *height,
        }
    }
}

const CELL_PAD_X: f32 = 4.0;
const CELL_PAD_Y: f32 = 3.2;
const FIELD_PAD_Y: f32 = 2.2;
const PART_GAP: f32 = 1.8;
/// A table row taller than this is split across pages rather than moved whole to the next one.
const SPLITTABLE_ROW: f32 = (CONTENT_TOP - CONTENT_BOTTOM) * 0.4;
/// The least of a split row left at the foot of a page: two lines and the cell's padding.
const MIN_ROW_PIECE: f32 = CELL_PAD_Y * 2.0 + 2.0 * CELL.leading;

impl Composer {
    pub fn new(fonts: [FontId; 4]) -> Composer {
        Composer {
            fonts,
            pages: Vec::new(),
            ops: Vec::new(),
            y: CONTENT_TOP,
            outline: Vec::new(),
            signature_areas: Vec::new(),
            pending: Vec::new(),
        }
    }

    pub fn page_index(&self) -> usize {
        self.pages.len()
    }

    pub fn y(&self) -> f32 {
        self.y
    }

    pub fn space_left(&self) -> f32 {
        self.y - CONTENT_BOTTOM
    }

    pub fn at_page_top(&self) -> bool {
        self.y >= CONTENT_TOP - 0.01
    }

    pub fn page_break(&mut self) {
        self.pages.push(std::mem::take(&mut self.ops));
        self.y = CONTENT_TOP;
    }

    /// Starts a new page unless `height`, and the headings waiting for it, still fit on this one;
    /// then places those headings.
    pub fn ensure(&mut self, height: f32) {
        let headings: f32 = self.pending.iter().map(Pending::height).sum();
        if self.space_left() < headings + height && !self.at_page_top() {
            self.page_break();
        }
        self.place_pending();
    }

    /// Vertical space; dropped at the top of a page.
    pub fn gap(&mut self, height: f32) {
        if !self.pending.is_empty() {
            self.pending.push(Pending::Space(height));
            return;
        }
        if self.at_page_top() {
            return;
        }
        if self.space_left() <= height {
            self.page_break();
        } else {
            self.y -= height;
        }
    }

    // ---- drawing primitives ----

    /// Draws one line of text that was already wrapped (and so made printable) for `style`.
    pub fn show(&mut self, x: f32, baseline: f32, style: Style, text: &str) {
        self.place_pending();
        if text.is_empty() {
            return;
        }
        self.ops
            .extend(text_ops(&self.fonts, x, baseline, style, text));
    }

    /// Drawing operations of the caller's own (a chart), placed like any other content: after
    /// the headings waiting for it.
    pub fn draw(&mut self, ops: impl IntoIterator<Item = Op>) {
        self.place_pending();
        self.ops.extend(ops);
    }

    pub fn fill_rect(&mut self, x: f32, y: f32, width: f32, height: f32, grey: f32) {
        self.place_pending();
        self.ops.push(Op::SetFillColor {
            col: Color::Greyscale(Greyscale::new(grey, None)),
        });
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(y),
                width: Pt(width),
                height: Pt(height),
                mode: Some(PaintMode::Fill),
                winding_order: None,
            },
        });
    }

    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), thickness: f32, grey: f32) {
        self.place_pending();
        self.ops.extend(line_ops(from, to, thickness, grey));
    }

    /// Baseline of a line of `style` whose line box starts at `top`: the glyphs sit centred in
    /// the line height.
    pub fn baseline(style: Style, top: f32) -> f32 {
        let f = face(style.face);
        let glyph_height = (f.ascent + f.descent) * style.size;
        top - (style.leading - glyph_height) / 2.0 - f.ascent * style.size
    }

    pub fn wrap(style: Style, text: &str, width: f32) -> Vec<WrappedLine> {
        wrap(face(style.face), style.size, text, width)
    }

    pub fn stroke_rect(
        &mut self,
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        thickness: f32,
        grey: f32,
    ) {
        self.place_pending();
        self.ops.push(Op::SetOutlineColor {
            col: Color::Greyscale(Greyscale::new(grey, None)),
        });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(y),
                width: Pt(width),
                height: Pt(height),
                mode: Some(PaintMode::Stroke),
                winding_order: None,
            },
        });
    }

    /// Moves the cursor down by `height` without any page-break check; the caller has ensured
    /// the space.
    pub fn advance(&mut self, height: f32) {
        self.place_pending();
        self.y -= height;
    }

    /// A full-width rule at the cursor.
    pub fn rule(&mut self, thickness: f32, grey: f32) {
        self.line(
            (CONTENT_LEFT, self.y),
            (CONTENT_RIGHT, self.y),
            thickness,
            grey,
        );
    }

    /// Text on the left and right of one line, each wrapped in its share of the width.
    pub fn left_right(&mut self, style: Style, left: &str, right: &str) {
        let right_lines = Self::wrap(style, right, CONTENT_WIDTH * 0.42);
        let right_width = right_lines.iter().map(|l| l.width).fold(0.0, f32::max);
        let left_lines = Self::wrap(style, left, CONTENT_WIDTH - right_width - 18.0);
        let rows = left_lines.len().max(right_lines.len());
        for i in 0..rows {
            self.ensure(style.leading);
            let baseline = Self::baseline(style, self.y);
            if let Some(line) = left_lines.get(i) {
                self.show(CONTENT_LEFT, baseline, style, &line.text);
            }
            if let Some(line) = right_lines.get(i) {
                self.show(CONTENT_RIGHT - line.width, baseline, style, &line.text);
            }
            self.y -= style.leading;
        }
    }

    // ---- blocks ----

    /// A paragraph at `indent` from the left margin, breaking across pages between lines, never
    /// after its first line.
    pub fn paragraph(&mut self, style: Style, text: &str, indent: f32) {
        let lines = Self::wrap(style, text, CONTENT_WIDTH - indent);
        let first = lines.len().min(2) as f32 * style.leading;
        for (i, line) in lines.into_iter().enumerate() {
            self.ensure(if i == 0 { first } else { style.leading });
            let baseline = Self::baseline(style, self.y);
            self.show(CONTENT_LEFT + indent, baseline, style, &line.text);
            self.y -= style.leading;
        }
    }

    /// A paragraph centred on the text width.
    pub fn centered(&mut self, style: Style, text: &str) {
        for line in Self::wrap(style, text, CONTENT_WIDTH) {
            self.ensure(style.leading);
            let baseline = Self::baseline(style, self.y);
            self.show(
                CONTENT_LEFT + (CONTENT_WIDTH - line.width) / 2.0,
                baseline,
                style,
                &line.text,
            );
            self.y -= style.leading;
        }
    }

    /// A numbered heading with a hanging number, kept with what follows and entered in the
    /// outline.
    pub fn heading(&mut self, level: u8, number: &str, title: &str) {
        let (style, before, after) = match level {
            1 => (H1, 16.0, 5.0),
            _ => (H2, 9.0, 3.0),
        };
        // A gap a little wider than a space: wide enough to set the number off, narrow enough
        // that text extraction still reads number and title as one line.
        let f = face(style.face);
        let number_shown = f.printable(number);
        // An unnumbered heading (an annex) starts at the margin.
        let gap = if number_shown.is_empty() {
            0.0
        } else {
            f.char_width(' ', style.size) + 0.3 * style.size
        };
        let hang = f.width(&number_shown, style.size) + gap;
        let lines = Self::wrap(style, title, CONTENT_WIDTH - hang);
        self.gap(before);
        self.pending.push(Pending::Heading {
            level,
            style,
            number: number_shown,
            title: title.to_string(),
            lines,
            gap,
            hang,
            after,
        });
    }

    /// Places the headings waiting for what follows them, from the cursor down.
    fn place_pending(&mut self) {
        for pending in std::mem::take(&mut self.pending) {
            let Pending::Heading {
                level,
                style,
                number,
                title,
                lines,
                gap,
                hang,
                after,
            } = pending
            else {
                // Space between headings, unless they start a page.
                if !self.at_page_top() {
                    self.y -= pending.height();
                }
                continue;
            };
            self.outline.push(OutlineEntry {
                level,
                title: format!("{number} {title}"),
                page: self.page_index(),
                top: self.y,
            });
            for (i, line) in lines.iter().enumerate() {
                let baseline = Self::baseline(style, self.y);
                if i == 0 {
                    // Number and title in one text object, the hang as a kerning offset, so that
                    // text extraction reads "1. Parties" as one line.
                    let items = vec![
                        TextItem::Text(number.clone()),
                        TextItem::Offset(-gap * 1000.0 / style.size),
                        TextItem::Text(line.text.clone()),
                    ];
                    self.ops.extend(text_item_ops(
                        &self.fonts,
                        CONTENT_LEFT,
                        baseline,
                        style,
                        items,
                    ));
                } else {
                    self.show(CONTENT_LEFT + hang, baseline, style, &line.text);
                }
                self.y -= style.leading;
            }
            self.y -= after;
        }
    }

    /// A table, broken across pages between rows and, for rows taller than what is left of the
    /// page, inside rows; a grid's header row is repeated on every page.
    pub fn table(&mut self, table: &Table) {
        let widths = column_widths(table);
        let pad_y = match table.kind {
            TableKind::Grid => CELL_PAD_Y,
            TableKind::Fields => FIELD_PAD_Y,
        };
        let header = table
            .header
            .as_ref()
            .map(|cells| lay_out_row(cells, &widths));
        let header_height = header.as_ref().map_or(0.0, |h| row_height(h, pad_y));
        let rows: Vec<Vec<Vec<CellLine>>> =
            table.rows.iter().map(|r| lay_out_row(r, &widths)).collect();

        // Keep the header with as much of the first row as the loop below would put beside it:
        // the whole row, unless the row is tall enough to be split, then its first piece.
        let first = rows.first().map_or(0.0, |r| {
            let height = row_height(r, pad_y);
            if height > SPLITTABLE_ROW {
                MIN_ROW_PIECE.min(height)
            } else {
                height
            }
        });
        self.ensure(header_height + first);
        if let Some(h) = &header {
            self.draw_row(table.kind, &widths, h, pad_y, true);
        }
        for row in rows {
            let mut rest = row;
            loop {
                let height = row_height(&rest, pad_y);
                if height <= self.space_left() {
                    self.draw_row(table.kind, &widths, &rest, pad_y, false);
                    break;
                }
                // Only a row too tall to move whole to the next page is split; the piece left on
                // this page must carry at least two lines.
                let (taken, remaining) =
                    if height > SPLITTABLE_ROW && self.space_left() >= MIN_ROW_PIECE {
                        split_row(&rest, self.space_left() - 2.0 * pad_y)
                    } else {
                        (Vec::new(), rest.clone())
                    };
                if taken.iter().any(|c| !c.is_empty()) {
                    self.draw_row(table.kind, &widths, &taken, pad_y, false);
                    rest = remaining;
                }
                self.page_break();
                if let Some(h) = &header {
                    self.draw_row(table.kind, &widths, h, pad_y, true);
                }
                if rest.iter().all(|c| c.is_empty()) {
                    break;
                }
            }
        }
    }

    fn draw_row(
        &mut self,
        kind: TableKind,
        widths: &[f32],
        cells: &[Vec<CellLine>],
        pad_y: f32,
        header: bool,
    ) {
        let height = row_height(cells, pad_y);
        let top = self.y;
        let bottom = top - height;
        if header {
            self.fill_rect(CONTENT_LEFT, bottom, CONTENT_WIDTH, height, 0.91);
        }
        let mut x = CONTENT_LEFT;
        for (cell, width) in cells.iter().zip(widths) {
            let mut line_top = top - pad_y;
            for line in cell {
                line_top -= line.gap;
                let baseline = Self::baseline(line.style, line_top);
                self.show(x + CELL_PAD_X, baseline, line.style, &line.text);
                line_top -= line.style.leading;
            }
            x += width;
        }
        match kind {
            TableKind::Grid => {
                let grey = 0.55;
                self.line((CONTENT_LEFT, top), (CONTENT_RIGHT, top), 0.5, grey);
                self.line((CONTENT_LEFT, bottom), (CONTENT_RIGHT, bottom), 0.5, grey);
                let mut x = CONTENT_LEFT;
                self.line((x, top), (x, bottom), 0.5, grey);
                for width in widths {
                    x += width;
                    self.line((x, top), (x, bottom), 0.5, grey);
                }
            }
            TableKind::Fields => {
                self.line((CONTENT_LEFT, bottom), (CONTENT_RIGHT, bottom), 0.3, 0.78);
            }
        }
        self.y = bottom;
    }

    /// Closes the last page and adds each page's header, footer and draft mark.
    pub fn finish(
        mut self,
        decor: &PageDecor,
    ) -> (Vec<Vec<Op>>, Vec<OutlineEntry>, Vec<SignatureArea>) {
        self.place_pending();
        if !self.ops.is_empty() || self.pages.is_empty() {
            self.page_break();
        }
        let total = self.pages.len();
        let fonts = self.fonts.clone();
        let pages = self
            .pages
            .into_iter()
            .enumerate()
            .map(|(index, content)| {
                let mut ops = Vec::with_capacity(content.len() + 64);
                if let Some(mark) = &decor.draft_mark {
                    // Under the content, in a pale colour, so it never hides the text.
                    ops.extend(watermark_ops(&fonts, mark));
                }
                ops.extend(content);
                ops.extend(decoration_ops(&fonts, decor, index, total));
                ops
            })
            .collect();
        (pages, self.outline, self.signature_areas)
    }
}

/// Column widths in points: the table's shares of the text width, except that a column narrower
/// than its longest word (a header such as "Периодичность", a long name) is widened to fit it,
/// taking the room from the columns that have more than their own longest word needs. A word
/// wider than a column could be made without squeezing the others below their own longest words
/// (a URL, a code) breaks whatever the widths, so it claims no room.
fn column_widths(table: &Table) -> Vec<f32> {
    let total: f32 = table.widths.iter().sum();
    let preferred: Vec<f32> = table
        .widths
        .iter()
        .map(|w| w / total * CONTENT_WIDTH)
        .collect();
    let mut words: Vec<Vec<f32>> = vec![Vec::new(); preferred.len()];
    for row in table.header.iter().chain(&table.rows) {
        for (cell, column) in row.iter().zip(words.iter_mut()) {
            for (style, text) in &cell.parts {
                let f = face(style.face);
                column.extend(
                    word_widths(f, style.size, text)
                        // The cell's padding, and a hair so the word fits after rounding.
                        .map(|w| w + 2.0 * CELL_PAD_X + 0.01),
                );
            }
        }
    }
    allocate(&preferred, &words)
}

/// The width of each word of `text` as the line breaker sees it (split at spaces and line breaks,
/// with characters the face lacks replaced).
fn word_widths<'a>(
    f: &'a crate::fonts::FaceData,
    size: f32,
    text: &'a str,
) -> impl Iterator<Item = f32> + 'a {
    text.split(['\n', '\r', ' '])
        .filter(|w| !w.is_empty())
        .map(move |w| f.width(&f.printable(w), size))
}

/// Shares out the widths `preferred` (which fill the text width) so that each column is at least
/// the widest of its `words` where that is possible, changing the preferred widths as little as
/// it can: the columns that need more get exactly what they need, and the others give it up in
/// proportion to what they can spare. A column spares what it has beyond its own widest word,
/// but always keeps at least half its preferred width. When the spare room is not enough, every
/// column that can spare room gives all of it and the others share it in proportion to what they
/// lack.
fn allocate(preferred: &[f32], words: &[Vec<f32>]) -> Vec<f32> {
    let widest = |column: &[f32], limit: f32| {
        column
            .iter()
            .copied()
            .filter(|&w| w <= limit)
            .fold(0.0f32, f32::max)
    };
    let spare_of = |needs: &[f32]| -> Vec<f32> {
        preferred
            .iter()
            .zip(needs)
            .map(|(p, n)| (p - n.max(p / 2.0)).max(0.0))
            .collect()
    };
    let mut needs: Vec<f32> = words.iter().map(|w| widest(w, f32::INFINITY)).collect();
    // Leave out the words no allocation can fit: wider than the column's preferred width plus
    // all the room the other columns can spare. Needs only shrink, so this ends.
    loop {
        let spare = spare_of(&needs);
        let all_spare: f32 = spare.iter().sum();
        let mut changed = false;
        for i in 0..needs.len() {
            let limit = preferred[i] + all_spare - spare[i];
            if needs[i] > limit {
                needs[i] = widest(&words[i], limit).min(needs[i]);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let lacking: Vec<f32> = preferred
        .iter()
        .zip(&needs)
        .map(|(p, n)| (n - p).max(0.0))
        .collect();
    let spare = spare_of(&needs);
    let (lack, room): (f32, f32) = (lacking.iter().sum(), spare.iter().sum());
    if lack <= 0.0 {
        return preferred.to_vec();
    }
    preferred
        .iter()
        .zip(lacking.iter().zip(&spare))
        .map(|(p, (l, s))| {
            if lack <= room {
                p + l - s * lack / room
            } else {
                p + l * room / lack - s
            }
        })
        .collect()
}

fn lay_out_row(cells: &[Cell], widths: &[f32]) -> Vec<Vec<CellLine>> {
    cells
        .iter()
        .zip(widths)
        .map(|(cell, width)| {
            let inner = width - 2.0 * CELL_PAD_X;
            let mut lines = Vec::new();
            for (i, (style, text)) in cell.parts.iter().enumerate() {
                let mut gap = if i > 0 { PART_GAP } else { 0.0 };
                for wrapped in Composer::wrap(*style, text, inner) {
                    lines.push(CellLine {
                        style: *style,
                        text: wrapped.text,
                        gap,
                    });
                    gap = 0.0;
                }
            }
            lines
        })
        .collect()
}

fn row_height(cells: &[Vec<CellLine>], pad_y: f32) -> f32 {
    let content = cells
        .iter()
        .map(|c| c.iter().map(CellLine::height).sum::<f32>())
        .fold(0.0f32, f32::max);
    content.max(CELL.leading) + 2.0 * pad_y
}

/// Splits each cell after the lines that fit in `height`.
type SplitRow = (Vec<Vec<CellLine>>, Vec<Vec<CellLine>>);
fn split_row(cells: &[Vec<CellLine>], height: f32) -> SplitRow {
    let mut taken = Vec::new();
    let mut rest = Vec::new();
    for cell in cells {
        let mut used = 0.0;
        let mut n = 0;
        for line in cell {
            if used + line.height() > height {
                break;
            }
            used += line.height();
            n += 1;
        }
        taken.push(cell[..n].to_vec());
        let mut remaining = cell[n..].to_vec();
        if let Some(first) = remaining.first_mut() {
            first.gap = 0.0;
        }
        rest.push(remaining);
    }
    (taken, rest)
}

fn text_ops(fonts: &[FontId; 4], x: f32, baseline: f32, style: Style, text: &str) -> [Op; 6] {
    text_item_ops(
        fonts,
        x,
        baseline,
        style,
        vec![TextItem::Text(text.to_string())],
    )
}

fn text_item_ops(
    fonts: &[FontId; 4],
    x: f32,
    baseline: f32,
    style: Style,
    items: Vec<TextItem>,
) -> [Op; 6] {
    [
        Op::StartTextSection,
        Op::SetFont {
            font: PdfFontHandle::External(fonts[style.face.index()].clone()),
            size: Pt(style.size),
        },
        Op::SetFillColor {
            col: style.tone.color(),
        },
        Op::SetTextCursor {
            pos: Point {
                x: Pt(x),
                y: Pt(baseline),
            },
        },
        Op::ShowText { items },
        Op::EndTextSection,
    ]
}

fn line_ops(from: (f32, f32), to: (f32, f32), thickness: f32, grey: f32) -> [Op; 3] {
    let point = |(x, y): (f32, f32)| LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    };
    [
        Op::SetOutlineColor {
            col: Color::Greyscale(Greyscale::new(grey, None)),
        },
        Op::SetOutlineThickness { pt: Pt(thickness) },
        Op::DrawLine {
            line: Line {
                points: vec![point(from), point(to)],
                is_closed: false,
            },
        },
    ]
}

/// The draft word across the page diagonal.
fn watermark_ops(fonts: &[FontId; 4], mark: &str) -> Vec<Op> {
    let style = Style {
        face: Face::SansBold,
        size: 110.0,
        leading: 110.0,
        tone: Tone::Watermark,
    };
    let f = face(style.face);
    let text = f.printable(mark);
    let mut size = style.size;
    // Fit long words (ПРОЕКТ) into the diagonal.
    let diagonal = (PAGE_WIDTH.powi(2) + PAGE_HEIGHT.powi(2)).sqrt();
    let width = f.width(&text, size);
    if width > diagonal * 0.62 {
        size *= diagonal * 0.62 / width;
    }
    let width = f.width(&text, size);
    let angle = (PAGE_HEIGHT / PAGE_WIDTH).atan();
    let (sin, cos) = angle.sin_cos();
    let middle = 0.35 * size;
    let x = PAGE_WIDTH / 2.0 - cos * width / 2.0 + sin * middle;
    let y = PAGE_HEIGHT / 2.0 - sin * width / 2.0 - cos * middle;
    vec![
        Op::SaveGraphicsState,
        Op::StartTextSection,
        Op::SetFont {
            font: PdfFontHandle::External(fonts[style.face.index()].clone()),
            size: Pt(size),
        },
        Op::SetFillColor {
            col: style.tone.color(),
        },
        Op::SetTextMatrix {
            matrix: TextMatrix::Raw([cos, sin, -sin, cos, x, y]),
        },
        Op::ShowText {
            items: vec![TextItem::Text(text)],
        },
        Op::EndTextSection,
        Op::RestoreGraphicsState,
    ]
}

/// Running header (from page 2), draft banner, footer rule, agreement id, hash and page number.
fn decoration_ops(fonts: &[FontId; 4], decor: &PageDecor, index: usize, total: usize) -> Vec<Op> {
    let mut ops = Vec::new();
    let header_baseline = PAGE_HEIGHT - 13.0 * MM;
    let mut header_right = CONTENT_RIGHT;
    if let Some(banner) = &decor.draft_banner {
        let style = Style {
            tone: Tone::Alert,
            ..RUNNING.bold()
        };
        let text = fit(style, banner, CONTENT_WIDTH * 0.55);
        let width = face(style.face).width(&text, style.size);
        ops.extend(text_ops(
            fonts,
            CONTENT_RIGHT - width,
            header_baseline,
            style,
            &text,
        ));
        header_right = CONTENT_RIGHT - width - 12.0;
    }
    if index > 0 {
        let text = fit(RUNNING, &decor.running_title, header_right - CONTENT_LEFT);
        ops.extend(text_ops(
            fonts,
            CONTENT_LEFT,
            header_baseline,
            RUNNING,
            &text,
        ));
        let rule = header_baseline - 4.0;
        ops.extend(line_ops(
            (CONTENT_LEFT, rule),
            (CONTENT_RIGHT, rule),
            0.4,
            0.7,
        ));
    }
    let rule = MARGIN_BOTTOM - 7.0 * MM;
    ops.extend(line_ops(
        (CONTENT_LEFT, rule),
        (CONTENT_RIGHT, rule),
        0.4,
        0.7,
    ));
    let page = (decor.page_label)(index + 1, total);
    let page_width = face(FOOTER.face).width(&page, FOOTER.size);
    let first_baseline = rule - 9.0;
    ops.extend(text_ops(
        fonts,
        CONTENT_RIGHT - page_width,
        first_baseline,
        FOOTER,
        &page,
    ));
    let left_width = CONTENT_WIDTH - page_width - 16.0;
    for (i, line) in decor.footer_left.iter().enumerate() {
        let text = fit(FOOTER, line, left_width);
        ops.extend(text_ops(
            fonts,
            CONTENT_LEFT,
            first_baseline - i as f32 * FOOTER.leading,
            FOOTER,
            &text,
        ));
    }
    ops
}

/// The text shortened with an ellipsis to fit one line of `width`.
fn fit(style: Style, text: &str, width: f32) -> String {
    let f = face(style.face);
    let single_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let shown = f.printable(&single_line);
    if f.width(&shown, style.size) <= width {
        return shown;
    }
    let ellipsis = '\u{2026}';
    let mut out = String::new();
    let mut used = f.char_width(ellipsis, style.size);
    for c in shown.chars() {
        let w = f.char_width(c, style.size);
        if used + w > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.trim_end().to_string() + &ellipsis.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: &[f32], expected: &[f32]) -> bool {
        actual.len() == expected.len()
            && actual
                .iter()
                .zip(expected)
                .all(|(a, e)| (a - e).abs() < 1e-3)
    }

    #[test]
    fn a_column_narrower_than_its_longest_word_takes_room_from_the_others() {
        let widths = allocate(&[100.0, 50.0], &[vec![30.0, 20.0], vec![70.0]]);
        assert!(close(&widths, &[80.0, 70.0]), "{widths:?}");
        // Two columns with room to spare give it in proportion to what they can spare.
        let widths = allocate(&[100.0, 100.0, 50.0], &[vec![60.0], vec![80.0], vec![80.0]]);
        assert!(close(&widths, &[80.0, 90.0, 80.0]), "{widths:?}");
        // Nothing changes when every word fits.
        let widths = allocate(&[100.0, 50.0], &[vec![90.0], vec![50.0]]);
        assert!(close(&widths, &[100.0, 50.0]), "{widths:?}");
    }

    #[test]
    fn a_word_no_width_could_fit_claims_no_room() {
        // A URL wider than the whole table breaks anyway: the other column keeps its width.
        let widths = allocate(&[100.0, 50.0], &[vec![30.0], vec![40.0, 500.0]]);
        assert!(close(&widths, &[100.0, 50.0]), "{widths:?}");
        // A column keeps at least half its share however short its words.
        let widths = allocate(&[100.0, 100.0], &[vec![10.0], vec![180.0]]);
        assert!(close(&widths, &[100.0, 100.0]), "{widths:?}");
        let widths = allocate(&[100.0, 100.0], &[vec![10.0], vec![150.0]]);
        assert!(close(&widths, &[50.0, 150.0]), "{widths:?}");
    }

    #[test]
    fn columns_that_all_lack_room_share_what_there_is() {
        // 10 to spare, 20 lacking: each of the two gets half of what it lacks.
        let widths = allocate(&[100.0, 60.0, 40.0], &[vec![90.0], vec![70.0], vec![50.0]]);
        assert!(close(&widths, &[90.0, 65.0, 45.0]), "{widths:?}");
        assert!((widths.iter().sum::<f32>() - 200.0).abs() < 1e-3);
    }

    #[test]
    fn the_russian_reports_header_fits_its_column_unbroken() {
        let header = ["Отчёт", "Содержание", "Готовит", "Периодичность"];
        let table = Table {
            kind: TableKind::Grid,
            widths: vec![0.24, 0.40, 0.20, 0.16],
            header: Some(header.iter().map(|h| Cell::new(HEAD_CELL, *h)).collect()),
            rows: vec![vec![
                Cell::new(CELL.bold(), "Ежемесячный отчёт по SLA"),
                Cell::new(
                    CELL,
                    "Итоги месяца, динамика, невыполненные цели с причинами",
                ),
                Cell::new(CELL, "Отдел RevOps"),
                Cell::new(CELL, "ежемесячно"),
            ]],
        };
        let widths = column_widths(&table);
        assert!((widths.iter().sum::<f32>() - CONTENT_WIDTH).abs() < 1e-2);
        let header = lay_out_row(table.header.as_ref().unwrap(), &widths);
        let lines: Vec<usize> = header.iter().map(Vec::len).collect();
        assert_eq!(lines, [1, 1, 1, 1], "{widths:?}");
        // The shares a table asks for stay close: only the room the word needs moved.
        for (width, share) in widths.iter().zip(&table.widths) {
            assert!((width - share * CONTENT_WIDTH).abs() < 8.0, "{widths:?}");
        }
    }

    #[test]
    fn a_table_header_moves_with_a_first_row_that_has_to_move() {
        let table = Table {
            kind: TableKind::Grid,
            widths: vec![0.3, 0.7],
            header: Some(vec![
                Cell::new(HEAD_CELL, "HEADER"),
                Cell::new(HEAD_CELL, "Value"),
            ]),
            rows: vec![vec![
                Cell::new(CELL, "FIRSTROW"),
                Cell::new(CELL, "a sentence long enough to wrap ".repeat(12)),
            ]],
        };
        let widths = column_widths(&table);
        let header = row_height(
            &lay_out_row(table.header.as_ref().unwrap(), &widths),
            CELL_PAD_Y,
        );
        let row = row_height(&lay_out_row(&table.rows[0], &widths), CELL_PAD_Y);
        assert!(
            row > CELL_PAD_Y * 2.0 + 4.0 * CELL.leading && row < SPLITTABLE_ROW,
            "the row is several lines tall, yet short enough to move whole: {row}"
        );
        let text_on = |ops: &[Op], text: &str| format!("{ops:?}").contains(text);

        // Room for the header and three of the row's lines, not for the whole row: both move.
        let mut composer = Composer::new(std::array::from_fn(|_| FontId::new()));
        composer.show(CONTENT_LEFT, CONTENT_TOP - 10.0, CELL, "EARLIER");
        composer.y = CONTENT_BOTTOM + header + CELL_PAD_Y * 2.0 + 3.0 * CELL.leading;
        composer.table(&table);
        assert_eq!(composer.page_index(), 1);
        assert!(!text_on(&composer.pages[0], "HEADER"), "header left alone");
        assert!(text_on(&composer.ops, "HEADER") && text_on(&composer.ops, "FIRSTROW"));

        // Room for both: they stay.
        let mut composer = Composer::new(std::array::from_fn(|_| FontId::new()));
        composer.show(CONTENT_LEFT, CONTENT_TOP - 10.0, CELL, "EARLIER");
        composer.y = CONTENT_BOTTOM + header + row + 1.0;
        composer.table(&table);
        assert_eq!(composer.page_index(), 0);
        assert!(text_on(&composer.ops, "HEADER") && text_on(&composer.ops, "FIRSTROW"));
    }
}
