//! Where the SVG map writes each circle's count, so that no two labels overlap.
//!
//! Greedy placement, largest circle first: a count goes inside its circle when it fits,
//! and no other circle cuts into it, otherwise beside it (to the end side, the start side, above, below, then the diagonals),
//! then the same directions a line or two further out with a leader line back to the circle.
//! A position must lie inside the view and clear every label already placed; positions that
//! also keep clear of other circles are tried first. A count with no room is dropped from the
//! map: the table under the map lists every place and its count, so nothing is only on the map.
//!
//! Everything here is in SVG user units; the caller sizes the text for the width at which
//! the labels are shown.

/// An axis-aligned box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// The box of size `w` × `h` centred on (`cx`, `cy`).
    pub fn centred(cx: f64, cy: f64, w: f64, h: f64) -> Self {
        Self {
            x: cx - w / 2.0,
            y: cy - h / 2.0,
            w,
            h,
        }
    }

    /// Right edge.
    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    /// Horizontal centre.
    pub fn cx(&self) -> f64 {
        self.x + self.w / 2.0
    }

    /// Vertical centre.
    pub fn cy(&self) -> f64 {
        self.y + self.h / 2.0
    }

    /// Whether the two boxes share any area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }

    /// Whether `other` lies wholly inside this box.
    pub fn contains(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.right() <= self.right()
            && other.bottom() <= self.bottom()
    }

    /// The box grown by `by` on every side.
    fn grown(&self, by: f64) -> Rect {
        Rect {
            x: self.x - by,
            y: self.y - by,
            w: self.w + 2.0 * by,
            h: self.h + 2.0 * by,
        }
    }

    /// The point of the box nearest to (`px`, `py`).
    fn nearest(&self, px: f64, py: f64) -> (f64, f64) {
        (
            px.clamp(self.x, self.right()),
            py.clamp(self.y, self.bottom()),
        )
    }

    /// Whether the box cuts into the circle at (`cx`, `cy`) of radius `r`.
    fn cuts_circle(&self, cx: f64, cy: f64, r: f64) -> bool {
        let (nx, ny) = self.nearest(cx, cy);
        (nx - cx).powi(2) + (ny - cy).powi(2) < r * r
    }
}

/// A circle to label, and the size of its label's text box; a circle with no text (width
/// 0) gets no label but is kept clear of the others where possible.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    /// Centre.
    pub cx: f64,
    /// Centre.
    pub cy: f64,
    /// Radius.
    pub r: f64,
    /// Width of the text.
    pub w: f64,
    /// Height of the text's box (as a browser measures it, ascent to descent).
    pub h: f64,
    /// Height of the ink of the text, to decide whether it fits inside the circle.
    pub ink: f64,
}

/// Where one label went.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// The box the label takes (for a label beside its circle, its background included).
    pub rect: Rect,
    /// Written inside its circle (light on the circle's colour) rather than beside it.
    pub inside: bool,
    /// A line from the circle's edge to a label set further out: x1 y1 x2 y2.
    pub leader: Option<[f64; 4]>,
}

/// How far out labels are tried, in lines of text beyond the circle's edge.
const RINGS: usize = 3;
/// Directions tried, in order: end side, start side, above, below, then the diagonals.
const DIRECTIONS: [(f64, f64); 8] = [
    (1.0, 0.0),
    (-1.0, 0.0),
    (0.0, -1.0),
    (0.0, 1.0),
    (1.0, -1.0),
    (-1.0, -1.0),
    (1.0, 1.0),
    (-1.0, 1.0),
];

/// Places the labels of `marks` (in order of priority: largest first) inside `view`.
/// `pad` is the room kept around a label beside its circle (its background) and between
/// labels. `None` for a label that found no room.
pub fn place(marks: &[Mark], view: Rect, pad: f64) -> Vec<Option<Placed>> {
    let mut taken: Vec<Rect> = Vec::with_capacity(marks.len());
    let mut out = Vec::with_capacity(marks.len());
    for (i, m) in marks.iter().enumerate() {
        if m.w <= 0.0 {
            out.push(None);
            continue;
        }
        let clear = |rect: &Rect, avoid_circles: bool| {
            view.contains(rect)
                && !taken.iter().any(|t| t.grown(pad / 2.0).overlaps(rect))
                && (!avoid_circles
                    || marks
                        .iter()
                        .enumerate()
                        .all(|(j, o)| j == i || !rect.cuts_circle(o.cx, o.cy, o.r)))
        };
        let inside = fits_inside(m).then(|| Placed {
            rect: Rect::centred(m.cx, m.cy, m.w, m.h),
            inside: true,
            leader: None,
        });
        // Light text inside needs its own circle behind it, not another drawn over it.
        let chosen = inside.filter(|p| clear(&p.rect, true)).or_else(|| {
            [true, false]
                .into_iter()
                .find_map(|strict| beside(m, pad).find(|p| clear(&p.rect, strict)))
        });
        if let Some(p) = chosen {
            taken.push(p.rect);
        }
        out.push(chosen);
    }
    out
}

/// Whether the text fits in its circle with a little room.
fn fits_inside(m: &Mark) -> bool {
    (m.w / 2.0).powi(2) + (m.ink / 2.0).powi(2) <= (0.9 * m.r).powi(2)
}

/// The positions beside the circle, nearest first.
fn beside(m: &Mark, pad: f64) -> impl Iterator<Item = Placed> + '_ {
    let (w, h) = (m.w + 2.0 * pad, m.h);
    let gap = pad;
    (0..RINGS).flat_map(move |ring| {
        let off = m.r + gap + ring as f64 * m.h;
        DIRECTIONS.into_iter().map(move |(dx, dy)| {
            let (cx, cy) = if dx != 0.0 && dy != 0.0 {
                // The box's nearest corner sits on the diagonal, `off` from the centre.
                let d = off * std::f64::consts::FRAC_1_SQRT_2;
                (m.cx + dx * (d + w / 2.0), m.cy + dy * (d + h / 2.0))
            } else {
                (m.cx + dx * (off + w / 2.0), m.cy + dy * (off + h / 2.0))
            };
            let rect = Rect::centred(cx, cy, w, h);
            Placed {
                rect,
                inside: false,
                leader: (ring > 0).then(|| leader(m, &rect)),
            }
        })
    })
}

/// A line from the circle's edge to the nearest point of the label's box.
fn leader(m: &Mark, rect: &Rect) -> [f64; 4] {
    let (nx, ny) = rect.nearest(m.cx, m.cy);
    let (dx, dy) = (nx - m.cx, ny - m.cy);
    let len = (dx * dx + dy * dy).sqrt().max(f64::EPSILON);
    [m.cx + dx / len * m.r, m.cy + dy / len * m.r, nx, ny]
}

#[cfg(test)]
mod tests {
    use super::*;

    const VIEW: Rect = Rect {
        x: 0.0,
        y: 0.0,
        w: 1000.0,
        h: 800.0,
    };

    fn mark(cx: f64, cy: f64, r: f64, chars: usize) -> Mark {
        Mark {
            cx,
            cy,
            r,
            w: 12.0 * chars as f64,
            h: 28.0,
            ink: 16.0,
        }
    }

    fn no_two_overlap(placed: &[Option<Placed>]) {
        let rects: Vec<Rect> = placed.iter().flatten().map(|p| p.rect).collect();
        for (i, a) in rects.iter().enumerate() {
            for b in &rects[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn a_count_that_fits_goes_inside_its_circle() {
        let placed = place(&[mark(500.0, 400.0, 40.0, 2)], VIEW, 4.0);
        let p = placed[0].unwrap();
        assert!(p.inside && p.leader.is_none());
        assert_eq!((p.rect.cx(), p.rect.cy()), (500.0, 400.0));
    }

    #[test]
    fn a_count_too_wide_for_its_circle_goes_beside_it_clear_of_the_circle() {
        let m = mark(500.0, 400.0, 10.0, 12);
        let p = place(&[m], VIEW, 4.0)[0].unwrap();
        assert!(!p.inside);
        assert!(!p.rect.cuts_circle(m.cx, m.cy, m.r));
        assert!(p.rect.x > m.cx, "first choice is the end side: {p:?}");
    }

    #[test]
    fn crowded_circles_get_labels_that_never_overlap_or_are_dropped() {
        // Twenty circles in a tight cluster, as around Lahore.
        let marks: Vec<Mark> = (0..20)
            .map(|i| {
                let a = i as f64 * 0.9;
                mark(
                    500.0 + 30.0 * a.cos() * (i % 3) as f64,
                    400.0 + 30.0 * a.sin() * (i % 4) as f64,
                    if i == 0 { 50.0 } else { 12.0 },
                    if i % 2 == 0 { 2 } else { 12 },
                )
            })
            .collect();
        let placed = place(&marks, VIEW, 4.0);
        no_two_overlap(&placed);
        assert!(placed[0].is_some(), "the largest is labelled");
        let shown = placed.iter().flatten().count();
        assert!(shown > 5 && shown <= 20, "{shown} labelled");
        for p in placed.iter().flatten() {
            assert!(VIEW.contains(&p.rect));
        }
    }

    #[test]
    fn labels_further_out_get_a_leader_line_from_the_circle_edge() {
        // Six places at one spot (districts drawn at one point), each too small for its
        // label: the nearest positions fill up and the rest move out.
        let marks = vec![mark(500.0, 400.0, 10.0, 12); 6];
        let placed = place(&marks, VIEW, 4.0);
        no_two_overlap(&placed);
        let with_leader: Vec<(&Mark, Placed)> = marks
            .iter()
            .zip(&placed)
            .filter_map(|(m, p)| Some((m, (*p)?)))
            .filter(|(_, p)| p.leader.is_some())
            .collect();
        assert!(!with_leader.is_empty(), "{placed:?}");
        for (m, p) in with_leader {
            let [x1, y1, x2, y2] = p.leader.unwrap();
            let from_centre = ((x1 - m.cx).powi(2) + (y1 - m.cy).powi(2)).sqrt();
            assert!((from_centre - m.r).abs() < 1e-6, "starts on the circle");
            assert_eq!(p.rect.nearest(x2, y2), (x2, y2), "ends on the label");
        }
    }

    #[test]
    fn a_label_with_no_room_in_the_view_is_dropped() {
        let tiny = Rect {
            x: 0.0,
            y: 0.0,
            w: 40.0,
            h: 40.0,
        };
        let placed = place(&[mark(20.0, 20.0, 5.0, 12)], tiny, 4.0);
        assert_eq!(placed, [None]);
    }

    #[test]
    fn a_circle_without_text_is_kept_clear_but_not_labelled() {
        let quiet = Mark {
            w: 0.0,
            ..mark(530.0, 400.0, 20.0, 0)
        };
        let placed = place(&[mark(500.0, 400.0, 10.0, 4), quiet], VIEW, 4.0);
        assert_eq!(placed[1], None);
        let p = placed[0].unwrap();
        assert!(
            !p.rect.cuts_circle(530.0, 400.0, 20.0),
            "{p:?} covers the other circle"
        );
    }

    #[test]
    fn a_count_is_not_written_inside_where_another_circle_covers_it() {
        let m = mark(500.0, 400.0, 30.0, 2);
        let alone = place(&[m], VIEW, 4.0);
        assert!(alone[0].unwrap().inside);
        let placed = place(&[m, m], VIEW, 4.0);
        no_two_overlap(&placed);
        assert!(
            placed.iter().all(|p| p.is_some_and(|p| !p.inside)),
            "both beside: {placed:?}"
        );
    }
}
