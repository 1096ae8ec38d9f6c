//! Helpers shared by the integration tests.
#![allow(dead_code)]

<<<<<<< HEAD
pub mod store;
=======
pub mod certs;
pub mod dovecot;
pub mod scripted_server;
>>>>>>> pop3
