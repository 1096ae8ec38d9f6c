//! Raw message bytes → list columns and reader view.
