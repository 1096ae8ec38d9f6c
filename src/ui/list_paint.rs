//! Drawing the message list: a header with sortable, resizable columns (star,
//! attachment, From, Subject, Date, Size), the rows on screen, and a
//! scrollbar of its own that maps its track onto row indices (egui's f32
//! scroll offsets lose whole rows beyond a few million). Rows are widgets with
//! AccessKit labels ("sender — subject"), click to open, Ctrl/Shift+click to
//! select, drag onto a folder to move, right-click for a menu.

use egui::{Align2, Color32, CursorIcon, FontId, Rect, Role, Sense, Ui, WidgetInfo, pos2, vec2};

use super::intents::{DragMessages, Intent};
use super::message_list::MessageList;
use super::prefs::ColumnWidths;
use crate::fmt as format;
use crate::store::{Flags, MessageRow, SortKey};
use crate::t;

const ICON_COL: f32 = 22.0;
const SCROLLBAR: f32 = 12.0;
const MIN_SUBJECT: f32 = 80.0;

/// Where each column sits in a row.
struct Columns {
    star: Rect,
    attach: Rect,
    junk: Rect,
    from: Rect,
    subject: Rect,
    date: Rect,
    size: Rect,
}

fn columns(row: Rect, w: &ColumnWidths) -> Columns {
    // On a narrow list, Size goes first, then Date; From shrinks last.
    let room = row.width() - 3.0 * ICON_COL - MIN_SUBJECT;
    let size_w = if w.from.min(room * 0.4) + w.date + w.size <= room {
        w.size
    } else {
        0.0
    };
    let date_w = if w.from.min(room * 0.4) + w.date + size_w <= room {
        w.date
    } else {
        0.0
    };
    let from_w = w
        .from
        .min((room - date_w - size_w).max(room * 0.4))
        .max(0.0);
    let x0 = row.left();
    let star = Rect::from_min_size(pos2(x0, row.top()), vec2(ICON_COL, row.height()));
    let attach = star.translate(vec2(ICON_COL, 0.0));
    let junk = attach.translate(vec2(ICON_COL, 0.0));
    let from = Rect::from_min_size(pos2(junk.right(), row.top()), vec2(from_w, row.height()));
    let size = Rect::from_min_max(pos2(row.right() - size_w, row.top()), row.right_bottom());
    let date = Rect::from_min_max(
        pos2(size.left() - date_w, row.top()),
        pos2(size.left(), row.bottom()),
    );
    let subject = Rect::from_min_max(
        pos2(from.right(), row.top()),
        pos2(date.left().max(from.right()), row.bottom()),
    );
    Columns {
        star,
        attach,
        junk,
        from,
        subject,
        date,
        size,
    }
}

/// Draws the list and collects what the user did; returns the read of
/// rows the list needs next (for the rows thread).
pub fn list_ui(
    list: &mut MessageList,
    ui: &mut Ui,
    widths: &mut ColumnWidths,
    now: i64,
    out: &mut Vec<Intent>,
) -> Option<super::background::Job> {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let row_h = (font.size * 1.55).round();
    let full = ui.available_rect_before_wrap();
    ui.allocate_rect(full, Sense::hover());
    let header = Rect::from_min_size(full.min, vec2(full.width() - SCROLLBAR, row_h + 2.0));
    let body = Rect::from_min_max(
        pos2(full.left(), header.bottom()),
        pos2(full.right() - SCROLLBAR, full.bottom()),
    );
    let track = Rect::from_min_max(pos2(body.right(), body.top()), full.right_bottom());

    header_ui(list, ui, header, widths, &font, out);

    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let fits = (body.height() / row_h).floor().max(1.0) as u64;
    list.visible = fits;
    list.scroll_by(0);

    // Wheel and touchpad scrolling over the rows.
    let body_resp = ui.interact(body, ui.scope_id().with("list-body"), Sense::hover());
    if body_resp.hovered() {
        let dy = ui.input(|i| i.smooth_scroll_delta.y);
        if dy != 0.0 {
            let acc_id = ui.scope_id().with("list-scroll-acc");
            let acc: f32 = ui.data(|d| d.get_temp(acc_id)).unwrap_or(0.0) - dy / row_h;
            let whole = acc.trunc();
            ui.data_mut(|d| d.insert_temp(acc_id, acc - whole));
            #[allow(clippy::cast_possible_truncation)]
            list.scroll_by(whole as i64);
        }
    }

    let rows_job = list.prepare();
    let painter = ui.painter_at(body);
    let visuals = ui.visuals().clone();
    if list.is_empty() {
        let text = if list.scope.is_none() {
            t!("window-list-choose-folder")
        } else if list.loading() {
            t!("window-list-loading")
        } else {
            t!("window-list-empty")
        };
        painter.text(
            body.center(),
            Align2::CENTER_CENTER,
            text,
            font.clone(),
            visuals.weak_text_color(),
        );
    }
    let modifiers = ui.input(|i| i.modifiers);
    for k in 0..=fits {
        let i = list.top + k;
        if i >= list.len() {
            break;
        }
        #[allow(clippy::cast_precision_loss)]
        let y = body.top() + k as f32 * row_h;
        let rect = Rect::from_min_size(pos2(body.left(), y), vec2(body.width(), row_h));
        let Some(row) = list.row_at(i).cloned() else {
            painter.text(
                rect.left_center() + vec2(8.0, 0.0),
                Align2::LEFT_CENTER,
                "…",
                font.clone(),
                visuals.weak_text_color(),
            );
            continue;
        };
        let selected = list.is_selected(row.id);
        let resp = ui.interact(
            rect.intersect(body),
            ui.scope_id().with(("row", i)),
            Sense::click_and_drag(),
        );
        let mut label = format!("{} — {}", row.sender(), row.subject);
        if row.flags.contains(Flags::JUNK) {
            label.push(' ');
            label.push_str(&t!("window-list-junk-suffix"));
        }
        resp.widget_info(|| WidgetInfo::selected(Role::Row, true, selected, &label));
        paint_row(
            &painter,
            &visuals,
            rect,
            &row,
            widths,
            &font,
            selected,
            resp.hovered(),
            list.is_reply(i),
            list.cursor() == Some(i),
            now,
        );
        let cols = columns(rect, widths);
        if resp.has_focus() {
            // Rows never keep keyboard focus: the list's keys (j/k, Delete…) act instead.
            resp.surrender_focus();
        }
        if resp.clicked() {
            let on_star = resp
                .interact_pointer_pos()
                .is_some_and(|p| cols.star.contains(p));
            if on_star {
                out.push(Intent::SetFlag(
                    vec![row.id],
                    Flags::FLAGGED,
                    !row.flags.contains(Flags::FLAGGED),
                ));
            } else if modifiers.command {
                list.toggle(i);
            } else if modifiers.shift {
                list.extend_to(i);
            } else if list.select_only(i).is_some() {
                out.push(Intent::Open(row.id));
            }
        }
        if resp.drag_started() {
            if !selected {
                list.select_only(i);
            }
            resp.dnd_set_drag_payload(DragMessages(list.selection()));
        }
        if resp.dragged() {
            let n = list.selection().len();
            if let Some(p) = ui.ctx().pointer_interact_pos() {
                egui::Area::new(ui.scope_id().with("drag-ghost"))
                    .fixed_pos(p + vec2(12.0, 4.0))
                    .order(egui::Order::Tooltip)
                    .show(ui.ctx(), |ui| {
                        egui::Frame::popup(ui.style()).show(ui, |ui| {
                            ui.label(format::messages(n as u64));
                        });
                    });
            }
        }
        resp.context_menu(|ui| {
            if !selected {
                list.select_only(i);
            }
            super::row_menu::row_menu_ui(ui, list.selection(), &row, out);
        });
    }
    scrollbar_ui(list, ui, track);
    rows_job
}

#[allow(clippy::too_many_arguments)]
fn paint_row(
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    rect: Rect,
    row: &MessageRow,
    widths: &ColumnWidths,
    font: &FontId,
    selected: bool,
    hovered: bool,
    reply: bool,
    cursor: bool,
    now: i64,
) {
    if selected {
        painter.rect_filled(rect, 0.0, visuals.selection.bg_fill);
    } else if hovered {
        painter.rect_filled(rect, 0.0, visuals.widgets.hovered.weak_bg_fill);
    }
    if cursor {
        painter.rect_stroke(
            rect.shrink(0.5),
            0.0,
            visuals.selection.stroke,
            egui::StrokeKind::Inside,
        );
    }
    let unread = !row.flags.contains(Flags::SEEN);
    let color = if selected {
        visuals.selection.stroke.color
    } else if unread {
        visuals.strong_text_color()
    } else {
        visuals.text_color()
    };
    let cols = columns(rect, widths);
    let starred = row.flags.contains(Flags::FLAGGED);
    let star_color = if starred {
        Color32::from_rgb(230, 170, 20)
    } else {
        visuals.weak_text_color().gamma_multiply(0.5)
    };
    painter.text(
        cols.star.center(),
        Align2::CENTER_CENTER,
        if starred { "★" } else { "☆" },
        font.clone(),
        star_color,
    );
    if row.has_attachments {
        painter.text(
            cols.attach.center(),
            Align2::CENTER_CENTER,
            "📎",
            font.clone(),
            color,
        );
    }
    if row.flags.contains(Flags::JUNK) {
        painter.text(
            cols.junk.center(),
            Align2::CENTER_CENTER,
            "⚠",
            font.clone(),
            visuals.warn_fg_color,
        );
    }
    let mut subject = String::new();
    if reply {
        subject.push_str("    ↪ ");
    }
    if row.partial {
        subject.push_str(&t!("window-list-headers-only"));
        subject.push(' ');
    }
    if row.subject.is_empty() {
        subject.push_str(&t!("window-no-subject"));
    } else {
        subject.push_str(&row.subject);
    }
    cell(
        painter,
        cols.from,
        row.sender(),
        font,
        color,
        unread,
        Align2::LEFT_CENTER,
    );
    cell(
        painter,
        cols.subject,
        &subject,
        font,
        color,
        unread,
        Align2::LEFT_CENTER,
    );
    cell(
        painter,
        cols.date,
        &format::list_date(row.date, now),
        font,
        color,
        unread,
        Align2::RIGHT_CENTER,
    );
    cell(
        painter,
        cols.size,
        &format::size(row.size),
        font,
        color,
        false,
        Align2::RIGHT_CENTER,
    );
}

/// One cell's text, clipped to its column; unread text is drawn twice, a
/// hair apart, as egui's default fonts have no bold face.
fn cell(
    painter: &egui::Painter,
    rect: Rect,
    text: &str,
    font: &FontId,
    color: Color32,
    bold: bool,
    align: Align2,
) {
    if rect.width() < 12.0 {
        return;
    }
    let inner = rect.shrink2(vec2(5.0, 0.0));
    let clip = painter.with_clip_rect(inner.intersect(painter.clip_rect()));
    let pos = if align == Align2::RIGHT_CENTER {
        inner.right_center()
    } else {
        inner.left_center()
    };
    clip.text(pos, align, text, font.clone(), color);
    if bold {
        clip.text(pos + vec2(0.6, 0.0), align, text, font.clone(), color);
    }
}

fn header_ui(
    list: &MessageList,
    ui: &mut Ui,
    rect: Rect,
    widths: &mut ColumnWidths,
    font: &FontId,
    out: &mut Vec<Intent>,
) {
    let visuals = ui.visuals().clone();
    ui.painter().rect_filled(rect, 0.0, visuals.faint_bg_color);
    ui.painter().hline(
        rect.x_range(),
        rect.bottom(),
        visuals.widgets.noninteractive.bg_stroke,
    );
    let cols = columns(rect, widths);
    let specs: [(Rect, &str, Option<SortKey>); 7] = [
        (cols.star, "★", None),
        (cols.attach, "📎", None),
        (cols.junk, "⚠", None),
        (cols.from, "from", Some(SortKey::From)),
        (cols.subject, "subject", Some(SortKey::Subject)),
        (cols.date, "date", Some(SortKey::Date)),
        (cols.size, "size", Some(SortKey::Size)),
    ];
    for (r, name, key) in specs {
        let Some(key) = key else {
            let hint = match name {
                "★" => t!("window-col-starred"),
                "⚠" => t!("window-col-junk"),
                _ => t!("window-col-attachments"),
            };
            let resp = ui
                .interact(r, ui.scope_id().with(("col", name)), Sense::hover())
                .on_hover_text(&hint);
            resp.widget_info(|| WidgetInfo::labeled(Role::ColumnHeader, true, &hint));
            ui.painter().text(
                r.center(),
                Align2::CENTER_CENTER,
                name,
                font.clone(),
                visuals.weak_text_color(),
            );
            continue;
        };
        if r.width() < 12.0 {
            // Hidden on a narrow list.
            continue;
        }
        let resp = ui.interact(r, ui.scope_id().with(("col", name)), Sense::click());
        let active = list.sort.key == key && !list.conversations;
        let name = column_name(key);
        let label = t!("window-sort-by", column = &name);
        resp.widget_info(|| WidgetInfo::selected(Role::Button, true, active, &label));
        if resp.hovered() {
            ui.painter()
                .rect_filled(r, 0.0, visuals.widgets.hovered.weak_bg_fill);
        }
        let arrow = if active {
            if list.sort.descending { " ⏷" } else { " ⏶" }
        } else {
            ""
        };
        let text = format!("{name}{arrow}");
        let align = if matches!(key, SortKey::Date | SortKey::Size) {
            Align2::RIGHT_CENTER
        } else {
            Align2::LEFT_CENTER
        };
        cell(
            ui.painter(),
            r,
            &text,
            font,
            visuals.strong_text_color(),
            false,
            align,
        );
        if resp.clicked() {
            out.push(Intent::Sort(key));
        }
    }
    // Resize handles: right edge of From, left edges of Date and Size.
    let handles: [(f32, String, i8); 3] = [
        (
            cols.from.right(),
            t!("window-resize-column", column = column_name(SortKey::From)),
            1,
        ),
        (
            cols.date.left(),
            t!("window-resize-column", column = column_name(SortKey::Date)),
            -1,
        ),
        (
            cols.size.left(),
            t!("window-resize-column", column = column_name(SortKey::Size)),
            -2,
        ),
    ];
    for (x, label, which) in handles {
        if (which == -1 && cols.date.width() < 12.0) || (which == -2 && cols.size.width() < 12.0) {
            continue;
        }
        let r = Rect::from_center_size(pos2(x, rect.center().y), vec2(6.0, rect.height()));
        let resp = ui.interact(r, ui.scope_id().with(("resize", which)), Sense::drag());
        resp.widget_info(|| WidgetInfo::labeled(Role::Splitter, true, &label));
        let resp = resp.on_hover_cursor(CursorIcon::ResizeHorizontal);
        let stroke = if resp.hovered() || resp.dragged() {
            visuals.widgets.hovered.fg_stroke
        } else {
            visuals.widgets.noninteractive.bg_stroke
        };
        ui.painter().vline(x, rect.y_range(), stroke);
        let dx = resp.drag_delta().x;
        if dx != 0.0 {
            match which {
                1 => widths.from = (widths.from + dx).clamp(40.0, 600.0),
                -1 => widths.date = (widths.date - dx).clamp(40.0, 600.0),
                _ => widths.size = (widths.size - dx).clamp(40.0, 600.0),
            }
        }
    }
}

/// A sortable column's title.
fn column_name(key: SortKey) -> String {
    match key {
        SortKey::From => t!("window-col-from"),
        SortKey::Subject => t!("window-col-subject"),
        SortKey::Date => t!("window-col-date"),
        SortKey::Size => t!("window-col-size"),
    }
}

fn scrollbar_ui(list: &mut MessageList, ui: &mut Ui, track: Rect) {
    let visuals = ui.visuals().clone();
    let n = list.len();
    let v = list.visible.max(1);
    let resp = ui.interact(
        track,
        ui.scope_id().with("list-scrollbar"),
        Sense::click_and_drag(),
    );
    #[allow(clippy::cast_precision_loss)]
    let (frac_visible, pos) = if n <= v {
        (1.0_f64, 0.0_f64)
    } else {
        (v as f64 / n as f64, list.top as f64 / (n - v) as f64)
    };
    resp.widget_info(|| {
        let mut info = WidgetInfo::labeled(Role::ScrollBar, true, t!("window-list-position"));
        info.value = Some(pos * 100.0);
        info
    });
    ui.painter()
        .rect_filled(track, 0.0, visuals.extreme_bg_color);
    #[allow(clippy::cast_possible_truncation)]
    let thumb_h =
        (track.height() * frac_visible as f32).clamp(24.0_f32.min(track.height()), track.height());
    let span = (track.height() - thumb_h).max(0.0);
    #[allow(clippy::cast_possible_truncation)]
    let thumb = Rect::from_min_size(
        pos2(track.left() + 2.0, track.top() + span * pos as f32),
        vec2(track.width() - 4.0, thumb_h),
    );
    let color = if resp.dragged() || resp.hovered() {
        visuals.widgets.active.bg_fill
    } else {
        visuals.widgets.inactive.bg_fill
    };
    ui.painter().rect_filled(thumb, 4.0, color);
    if (resp.dragged() || resp.clicked())
        && n > v
        && let Some(p) = resp.interact_pointer_pos()
    {
        let f = if span > 0.0 {
            (p.y - track.top() - thumb_h / 2.0) / span
        } else {
            0.0
        };
        list.scroll_to_fraction(f64::from(f));
    }
}
