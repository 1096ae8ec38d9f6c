//! Diagnosis in the account form: "Test connection" and "Preview server
//! clean-up".
//!
//! The test runs on the sync worker (`Command::TestConnection`) with the
//! settings as typed, and its steps arrive one by one as `Event::TestStep`s:
//! resolve, connect, TLS (RFC 8314) or STLS (RFC 2595) with the server
//! certificate, greeting and capabilities (CAPA, RFC 2449), login (RFC 1939,
//! RFC 5034), and the mailbox's size (STAT). A failed step carries a
//! sentence with a suggestion. An untrusted certificate is shown with its
//! SHA-256 fingerprint, which the user may pin.
//!
//! The preview is the worker's dry run (`Command::DryRun`) of the saved
//! account: what the next sync would delete on the server, in words.

use egui::{RichText, Ui};

use super::account_form::{AccountForm, grouped};
use crate::store::AccountId;
use crate::sync::{CertSummary, DryRunReport, Event, TestStep};
use crate::t;

/// What the diagnosis buttons ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// Test the settings as typed.
    Test,
    /// Preview what the next sync of the saved account deletes.
    DryRun(AccountId),
}

/// The preview's state.
#[derive(Debug, Clone, Default)]
enum Preview {
    /// Not asked.
    #[default]
    Idle,
    /// Asked for this account.
    Running(AccountId),
    /// The answer.
    Done(Result<DryRunReport, String>),
}

/// Test steps and preview of the account being edited.
#[derive(Debug, Default)]
pub struct Diagnosis {
    next_request: u64,
    current: Option<u64>,
    running: bool,
    steps: Vec<TestStep>,
    certificate: Option<CertSummary>,
    untrusted: bool,
    preview: Preview,
    /// Lines drawn last frame: new ones are scrolled into view.
    drawn: usize,
}

impl Diagnosis {
    /// Forgets everything (another account is being edited).
    pub fn reset(&mut self) {
        let next = self.next_request;
        *self = Diagnosis::default();
        self.next_request = next;
    }

    /// A new test starts: its request id.
    pub fn start_test(&mut self) -> u64 {
        self.next_request += 1;
        self.current = Some(self.next_request);
        self.running = true;
        self.steps.clear();
        self.certificate = None;
        self.untrusted = false;
        self.next_request
    }

    /// A test could not be sent (no password): say why as a failed step.
    pub fn fail_now(&mut self, why: String) {
        self.running = false;
        self.steps = vec![TestStep {
            name: t!("settings-test-start"),
            outcome: Err(why),
        }];
    }

    /// A preview starts.
    pub fn start_dry_run(&mut self, account: AccountId) {
        self.preview = Preview::Running(account);
    }

    /// Whether a test or preview is waiting for the worker.
    pub fn busy(&self) -> bool {
        self.running || matches!(self.preview, Preview::Running(_))
    }

    /// Takes in a sync event (others' test steps and previews are ignored).
    pub fn on_event(&mut self, e: &Event) {
        match e {
            Event::TestStep {
                request,
                step,
                certificate,
                last,
            } if Some(*request) == self.current => {
                if let Some(c) = certificate {
                    self.certificate = Some(c.clone());
                    self.untrusted = step.outcome.is_err();
                }
                self.steps.push(step.clone());
                if *last {
                    self.running = false;
                }
            }
            Event::DryRun { account, report } => {
                if matches!(self.preview, Preview::Running(a) if a == *account) {
                    self.preview = Preview::Done(report.clone());
                }
            }
            _ => {}
        }
    }

    /// The two buttons and what they found.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        form: &mut AccountForm,
        can_test: bool,
        can_sync: bool,
    ) -> Option<Ask> {
        let mut ask = None;
        ui.label(RichText::new(t!("settings-diagnosis")).strong());
        ui.horizontal(|ui| {
            let why_not = if !can_sync {
                Some(t!("settings-test-no-sync"))
            } else if !can_test {
                Some(t!("settings-test-fill-in"))
            } else {
                None
            };
            if ui
                .add_enabled(
                    why_not.is_none() && !self.running,
                    egui::Button::new(t!("settings-test")),
                )
                .on_hover_text(t!("settings-test-hint"))
                .on_disabled_hover_text(why_not.unwrap_or_else(|| t!("settings-test-running")))
                .clicked()
            {
                ask = Some(Ask::Test);
            }
            let saved = form.editing.filter(|_| can_sync);
            let running = matches!(self.preview, Preview::Running(_));
            if ui
                .add_enabled(
                    saved.is_some() && !running,
                    egui::Button::new(t!("settings-preview")),
                )
                .on_hover_text(t!("settings-preview-hint"))
                .on_disabled_hover_text(t!("settings-preview-save-first"))
                .clicked()
                && let Some(id) = saved
            {
                ask = Some(Ask::DryRun(id));
            }
            if self.busy() {
                ui.spinner();
            }
        });
        self.steps_ui(ui, form);
        match &self.preview {
            Preview::Idle => {}
            Preview::Running(_) => {
                ui.weak(t!("settings-preview-running"));
            }
            Preview::Done(Ok(r)) => {
                ui.add_space(4.0);
                ui.add(egui::Label::new(r.describe()).wrap());
            }
            Preview::Done(Err(e)) => {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    t!("settings-preview-failed", error = e.to_string()),
                );
            }
        }
        // Something new arrived: keep the end in view in a scrolled form.
        let state = self.steps.len() * 8
            + usize::from(self.running) * 4
            + match self.preview {
                Preview::Idle => 0,
                Preview::Running(_) => 1,
                Preview::Done(_) => 2,
            };
        if state != self.drawn {
            self.drawn = state;
            ui.allocate_response(egui::Vec2::ZERO, egui::Sense::hover())
                .scroll_to_me(Some(egui::Align::Max));
        }
        ask
    }

    fn steps_ui(&mut self, ui: &mut Ui, form: &mut AccountForm) {
        for step in &self.steps {
            let text = match &step.outcome {
                Ok(text) => RichText::new(format!("✔ {} — {text}", step.name)),
                Err(text) => RichText::new(format!("✖ {} — {text}", step.name))
                    .color(ui.visuals().error_fg_color),
            };
            ui.add(egui::Label::new(text).wrap());
        }
        if self.running {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.weak(t!("settings-testing"));
            });
        } else if !self.steps.is_empty() && self.steps.iter().all(|s| s.outcome.is_ok()) {
            ui.label(RichText::new(t!("settings-test-works")).strong());
        }
        let Some(cert) = &self.certificate else {
            return;
        };
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new(t!("settings-cert")).strong());
            egui::Grid::new("server-certificate")
                .num_columns(2)
                .show(ui, |ui| {
                    ui.label(t!("settings-cert-subject"));
                    ui.label(&cert.subject);
                    ui.end_row();
                    ui.label(t!("settings-cert-issuer"));
                    ui.label(&cert.issuer);
                    ui.end_row();
                    ui.label("SHA-256");
                    ui.label(RichText::new(grouped(&cert.sha256)).monospace().small());
                    ui.end_row();
                    if !cert.not_after.is_empty() {
                        ui.label(t!("settings-cert-expires"));
                        ui.label(&cert.not_after);
                        ui.end_row();
                    }
                });
            if !self.untrusted {
                return;
            }
            let pinned = form
                .pinned
                .as_deref()
                .is_some_and(|p| p.eq_ignore_ascii_case(&cert.sha256));
            if pinned {
                ui.label(t!("settings-cert-pinned"));
            } else {
                ui.add(egui::Label::new(t!("settings-cert-trust-if")).wrap());
                if ui.button(t!("settings-cert-trust")).clicked() {
                    form.pinned = Some(cert.sha256.to_ascii_lowercase());
                }
            }
        });
    }
}
