//! The first-run page, shown while the store has no account and no mail:
//! add a POP3 account, import a mailbox, or try the demo (popmail's own small
//! POP3 server on 127.0.0.1 with sample mail, in a separate data directory).

use egui::{RichText, Ui};

use super::intents::Intent;
use crate::t;

/// The welcome page.
pub fn welcome_ui(ui: &mut Ui, demo_error: Option<&str>, out: &mut Vec<Intent>) {
    ui.vertical_centered(|ui| {
        ui.add_space((ui.available_height() * 0.18).max(12.0));
        ui.label(
            RichText::new(t!("window-welcome-title"))
                .size(ui.text_style_height(&egui::TextStyle::Heading) * 1.4)
                .strong(),
        );
        ui.add_space(8.0);
        ui.label(t!("window-welcome-line1"));
        ui.label(t!("window-welcome-line2"));
        ui.add_space(24.0);
        let size = [280.0, 34.0];
        if ui
            .add_sized(size, egui::Button::new(t!("window-add-account")))
            .on_hover_text(t!("window-welcome-add-hint"))
            .clicked()
        {
            out.push(Intent::AddAccount);
        }
        ui.add_space(8.0);
        if ui
            .add_sized(size, egui::Button::new(t!("window-welcome-import")))
            .on_hover_text(t!("window-welcome-import-hint"))
            .clicked()
        {
            out.push(Intent::ImportMailbox);
        }
        ui.add_space(8.0);
        if ui
            .add_sized(size, egui::Button::new(t!("window-try-demo")))
            .on_hover_text(t!("window-welcome-demo-hint"))
            .clicked()
        {
            out.push(Intent::StartDemo);
        }
        ui.add_space(10.0);
        ui.weak(t!("window-welcome-demo-note"));
        if let Some(e) = demo_error {
            ui.add_space(10.0);
            ui.colored_label(
                ui.visuals().error_fg_color,
                t!("window-demo-failed", error = e),
            );
        }
    });
}

/// The window when the mail store cannot be opened: why, in words.
pub fn no_store_ui(ui: &mut Ui, error: Option<&str>) {
    ui.heading(t!("window-no-store-title"));
    ui.label(error.map_or_else(|| t!("window-no-store-no-dir"), str::to_owned));
}
