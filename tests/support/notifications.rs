//! A small fake notification server (the freedesktop Desktop Notifications
//! interface, `org.freedesktop.Notifications`) on a private session bus
//! ([`super::dbus::SessionBus`]), written with zbus. It answers as a real
//! server does and records every notification it receives.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::dbus::SessionBus;

/// One notification as the server received it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    /// The application name.
    pub app_name: String,
    /// The title.
    pub summary: String,
    /// The body.
    pub body: String,
    /// The actions offered (identifier, label, …).
    pub actions: Vec<String>,
}

struct Server {
    seen: Arc<Mutex<Vec<Received>>>,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Server {
    fn get_capabilities(&self) -> Vec<String> {
        vec!["body".into(), "actions".into()]
    }

    #[allow(clippy::too_many_arguments)]
    fn notify(
        &self,
        app_name: String,
        _replaces_id: u32,
        _app_icon: String,
        summary: String,
        body: String,
        actions: Vec<String>,
        _hints: HashMap<String, zbus::zvariant::OwnedValue>,
        _expire_timeout: i32,
    ) -> u32 {
        let mut seen = self.seen.lock().expect("records");
        seen.push(Received {
            app_name,
            summary,
            body,
            actions,
        });
        seen.len() as u32
    }

    fn close_notification(&self, _id: u32) {}

    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "popmail-test".into(),
            "popmail".into(),
            "1".into(),
            "1.2".into(),
        )
    }
}

/// The fake server and the bus it serves on.
pub struct NotificationServer {
    _conn: zbus::blocking::Connection,
    seen: Arc<Mutex<Vec<Received>>>,
    bus: SessionBus,
}

impl NotificationServer {
    /// Starts a private bus and the server on it.
    pub fn start() -> Self {
        let bus = SessionBus::start();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let server = Server {
            seen: Arc::clone(&seen),
        };
        let conn = zbus::blocking::connection::Builder::address(bus.address())
            .expect("the bus address")
            .name("org.freedesktop.Notifications")
            .expect("the name")
            .serve_at("/org/freedesktop/Notifications", server)
            .expect("serve")
            .build()
            .expect("connect the fake notification server");
        bus.wait_for("org.freedesktop.Notifications");
        NotificationServer {
            _conn: conn,
            seen,
            bus,
        }
    }

    /// The bus (`DBUS_SESSION_BUS_ADDRESS` for the program under test).
    pub fn bus(&self) -> &SessionBus {
        &self.bus
    }

    /// Everything received so far.
    pub fn received(&self) -> Vec<Received> {
        self.seen.lock().expect("records").clone()
    }

    /// Waits (at most 10 s) until `n` notifications arrived; returns them.
    pub fn wait_for(&self, n: usize) -> Vec<Received> {
        let start = Instant::now();
        loop {
            let got = self.received();
            if got.len() >= n {
                return got;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "{n} notifications expected, got {got:?}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// A small message for the notification tests.
pub fn mail(n: usize, from: &str, subject: &str, extra: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: alice@example.org\r\nSubject: {subject}\r\n\
         Message-ID: <notify{n}@example.org>\r\nDate: Mon, 2 Dec 2024 10:0{n}:00 +0000\r\n\
         {extra}\r\nHello {n}.\r\n"
    )
    .into_bytes()
}

/// Puts into alice's Dovecot mailbox two messages the user hears about
/// ("Alice Example: Quarterly report", "Bob: Lunch on Friday?") and one the
/// provider flagged as spam ("Cheap pills").
pub fn news_and_junk(d: &super::dovecot::Dovecot) {
    d.add_message(
        "alice",
        &mail(
            1,
            "Alice Example <alice@example.org>",
            "Quarterly report",
            "",
        ),
    );
    d.add_message(
        "alice",
        &mail(2, "Bob <bob@example.org>", "Lunch on Friday?", ""),
    );
    d.add_message(
        "alice",
        &mail(
            3,
            "Pills <p@example.com>",
            "Cheap pills",
            "X-Spam-Flag: YES\r\n",
        ),
    );
}
