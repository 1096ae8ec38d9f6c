//! The password field of the account form: typed text that never shows in
//! `Debug` and leaves the form only as a [`crate::secret::Secret`].

/// The password being typed. Its `Debug` never shows it; it becomes a
/// [`crate::secret::Secret`] as soon as it leaves the form.
#[derive(Default, Clone)]
pub struct PasswordField(String);

impl std::fmt::Debug for PasswordField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordField(***)")
    }
}

impl PasswordField {
    /// Whether nothing was typed.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The typed password.
    pub fn secret(&self) -> crate::secret::Secret {
        crate::secret::Secret::new(self.0.clone())
    }
}

impl egui::TextBuffer for PasswordField {
    fn is_mutable(&self) -> bool {
        true
    }
    fn as_str(&self) -> &str {
        &self.0
    }
    fn insert_text(&mut self, text: &str, char_index: egui::text::CharIndex) -> usize {
        egui::TextBuffer::insert_text(&mut self.0, text, char_index)
    }
    fn delete_char_range(&mut self, char_range: std::ops::Range<egui::text::CharIndex>) {
        egui::TextBuffer::delete_char_range(&mut self.0, char_range);
    }
    fn type_id(&self) -> std::any::TypeId {
        std::any::TypeId::of::<Self>()
    }
}

#[cfg(test)]
impl PasswordField {
    /// Replaces the text (tests, and nothing else).
    pub fn set(&mut self, text: &str) {
        self.0 = text.to_string();
    }
}
