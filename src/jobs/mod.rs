//! The background job worker: import, export and backup (filled in phase 2).
