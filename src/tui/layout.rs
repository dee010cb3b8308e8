//! Where each part of the study screen goes. `App::update` uses the same
//! layout as drawing to know how wide to wrap text and how far the body
//! can scroll, so the two never disagree.

use ratatui::layout::{Rect, Size};

/// Below this the screen says it is too small.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;
/// The card's text is never wrapped wider than this: long lines are hard
/// to read, and on a wide terminal the card and its buttons stay
/// together, centred.
pub const MAX_TEXT_WIDTH: u16 = 100;
/// Narrower than this, the grade bar takes two rows.
pub const WIDE_GRADE_BAR: u16 = 60;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    pub too_small: bool,
    /// Title and counts.
    pub header: Rect,
    /// Session progress.
    pub gauge: Rect,
    /// The card's question and answer (text), with the scrollbar beside it.
    pub body: Rect,
    pub scrollbar: Rect,
    /// Grade buttons, or the reveal prompt before the answer.
    pub grade: Rect,
    pub status: Rect,
    pub footer: Rect,
}

impl Areas {
    pub fn compute(area: Rect, status: bool) -> Areas {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return Areas {
                too_small: true,
                body: area,
                ..Areas::default()
            };
        }
        let x = area.x;
        let w = area.width;
        let mut top = area.y;
        let mut bottom = area.y + area.height;
        let row = |y: u16, h: u16| Rect::new(x, y, w, h);

        let header = row(top, 1);
        let gauge = row(top + 1, 1);
        top += 2;
        if area.height >= 16 {
            top += 1; // breathing room under the gauge
        }
        bottom -= 1;
        let footer = row(bottom, 1);
        let status_area = if status {
            bottom -= 1;
            row(bottom, 1)
        } else {
            Rect::default()
        };
        let grade_rows = if w >= WIDE_GRADE_BAR { 1 } else { 2 };
        bottom -= grade_rows;
        // The card's column: all of it, or centred at most
        // MAX_TEXT_WIDTH wide (plus its margin and scrollbar).
        let column = w.min(MAX_TEXT_WIDTH + 4);
        let cx = x + (w - column) / 2;
        let grade = Rect::new(cx, bottom, column, grade_rows);
        if area.height >= 16 {
            bottom -= 1; // a blank line between the card and the buttons
        }
        let body_height = bottom.saturating_sub(top);
        // One column of margin on the left, the scrollbar on the right with
        // one column between it and the text.
        let body = Rect::new(cx + 1, top, column.saturating_sub(4), body_height);
        let scrollbar = Rect::new(cx + column - 1, top, 1, body_height);
        Areas {
            too_small: false,
            header,
            gauge,
            body,
            scrollbar,
            grade,
            status: status_area,
            footer,
        }
    }

    /// The width the card's text is wrapped to.
    pub fn text_width(&self) -> usize {
        self.body.width as usize
    }
}

// The browser.

/// Side by side from this width.
const SPLIT_WIDTH: u16 = 80;

pub struct BrowseAreas {
    pub search: Rect,
    pub rule: Rect,
    pub list: Rect,
    /// The column between the panes (side by side) or the rule between them.
    pub divider: Rect,
    pub preview: Rect,
    pub status: Rect,
    pub footer: Rect,
}

pub fn browse_areas(size: Size) -> BrowseAreas {
    let (w, h) = (size.width, size.height);
    let body_top = 2;
    let body_h = h.saturating_sub(4);
    let status = Rect::new(0, h.saturating_sub(2), w, 1);
    let footer = Rect::new(0, h.saturating_sub(1), w, 1);
    let (list, divider, preview) = if w >= SPLIT_WIDTH {
        let list_w = w * 9 / 20;
        (
            Rect::new(0, body_top, list_w, body_h),
            Rect::new(list_w, body_top, 1, body_h),
            Rect::new(list_w + 2, body_top, w.saturating_sub(list_w + 3), body_h),
        )
    } else {
        let list_h = (body_h / 2).max(1);
        (
            Rect::new(0, body_top, w, list_h),
            Rect::new(0, body_top + list_h, w, 1),
            Rect::new(
                1,
                body_top + list_h + 1,
                w.saturating_sub(2),
                body_h.saturating_sub(list_h + 1),
            ),
        )
    };
    BrowseAreas {
        search: Rect::new(0, 0, w, 1),
        rule: Rect::new(0, 1, w, 1),
        list,
        divider,
        preview,
        status,
        footer,
    }
}

/// Rows of the list (a page for PgUp/PgDn).
pub fn browse_list_rows(size: Size) -> usize {
    browse_areas(size).list.height as usize
}

/// Width the preview is rendered for.
pub fn browse_preview_width(size: Size) -> usize {
    (browse_areas(size).preview.width as usize).max(10)
}

/// The statistics screen's body: below the title row and its rule, above
/// the status line and the footer.
pub fn stats_body(area: Rect) -> Rect {
    Rect::new(
        area.x + 1,
        area.y + 2,
        area.width.saturating_sub(2),
        area.height.saturating_sub(3),
    )
}

/// Rows of the help overlay's list that fit on a screen `height` rows
/// high (inside its border).
pub fn help_rows(entries: usize, height: u16) -> usize {
    (entries as u16 + 2).min(height).saturating_sub(2) as usize
}

/// The body and the grade rows together, for a screen with no card (the
/// summary, the empty day, the interview report).
pub fn message_area(areas: &Areas) -> Rect {
    let top = areas.body.y;
    let bottom = areas.grade.bottom().max(areas.body.bottom());
    Rect::new(areas.header.x, top, areas.header.width, bottom - top)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_tile_the_screen_without_overlap() {
        for (w, h, status) in [
            (80, 24, false),
            (80, 24, true),
            (40, 12, true),
            (120, 50, false),
        ] {
            let a = Areas::compute(Rect::new(0, 0, w, h), status);
            assert!(!a.too_small);
            let rows = [a.header, a.gauge, a.body, a.grade, a.status, a.footer];
            let used: u16 = rows.iter().map(|r| r.height).sum();
            assert!(used <= h, "{w}x{h}: {used} rows");
            for pair in rows.windows(2) {
                if pair[1].height > 0 && pair[0].height > 0 {
                    assert!(pair[0].bottom() <= pair[1].y, "{w}x{h}: {pair:?}");
                }
            }
            assert!(a.body.height >= 6, "{w}x{h}: body {}", a.body.height);
            assert_eq!(a.footer.bottom(), h);
            assert!(a.scrollbar.x > a.body.right());
        }
        assert!(Areas::compute(Rect::new(0, 0, 39, 24), false).too_small);
        assert!(Areas::compute(Rect::new(0, 0, 80, 11), false).too_small);
    }

    #[test]
    fn on_a_wide_terminal_the_card_is_a_centred_column() {
        let a = Areas::compute(Rect::new(0, 0, 200, 50), false);
        assert_eq!(a.text_width(), MAX_TEXT_WIDTH as usize);
        assert_eq!(a.grade.width, MAX_TEXT_WIDTH + 4);
        // Centred: as much room on the left as on the right.
        assert_eq!(a.grade.x, 200 - a.grade.right());
        assert_eq!(a.scrollbar.x, a.grade.right() - 1);
        // The header and footer keep the whole width.
        assert_eq!((a.header.width, a.footer.width), (200, 200));
        // Up to 104 columns nothing changes.
        let b = Areas::compute(Rect::new(0, 0, 104, 30), false);
        assert_eq!((b.body.x, b.text_width()), (1, 100));
    }
}
