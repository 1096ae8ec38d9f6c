//! The first-run page, shown while the store has no account and no mail:
//! add a POP3 account, import a mailbox, or try the demo (popmail's own small
//! POP3 server on 127.0.0.1 with sample mail, in a separate data directory).

use egui::{RichText, Ui};

use super::intents::Intent;

/// The welcome page.
pub fn welcome_ui(ui: &mut Ui, demo_error: Option<&str>, out: &mut Vec<Intent>) {
    ui.vertical_centered(|ui| {
        ui.add_space((ui.available_height() * 0.18).max(12.0));
        ui.label(
            RichText::new("Welcome to popmail")
                .size(ui.text_style_height(&egui::TextStyle::Heading) * 1.4)
                .strong(),
        );
        ui.add_space(8.0);
        ui.label("popmail downloads your mail with POP3 and keeps it on this computer,");
        ui.label("so you can read and search it offline.");
        ui.add_space(24.0);
        let size = [280.0, 34.0];
        if ui
            .add_sized(size, egui::Button::new("Add a POP3 account…"))
            .on_hover_text("Enter the server and login of your mail account")
            .clicked()
        {
            out.push(Intent::AddAccount);
        }
        ui.add_space(8.0);
        if ui
            .add_sized(size, egui::Button::new("Import a mailbox…"))
            .on_hover_text("Read mail from an mbox file, a Maildir or .eml files")
            .clicked()
        {
            out.push(Intent::ImportMailbox);
        }
        ui.add_space(8.0);
        if ui
            .add_sized(size, egui::Button::new("Try the demo"))
            .on_hover_text(
                "Start a small mail server on this computer with sample mail and sync it",
            )
            .clicked()
        {
            out.push(Intent::StartDemo);
        }
        ui.add_space(10.0);
        ui.weak("The demo keeps its mail in a separate folder; your own mail is never touched.");
        if let Some(e) = demo_error {
            ui.add_space(10.0);
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("The demo could not start: {e}"),
            );
        }
    });
}

/// The window when the mail store cannot be opened: why, in words.
pub fn no_store_ui(ui: &mut Ui, error: Option<&str>) {
    ui.heading("popmail cannot open its mail store");
    ui.label(error.unwrap_or("no data directory"));
}
