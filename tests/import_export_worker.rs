//! The job worker's command/event protocol: a job runs on the `popmail-jobs`
//! thread, reports Started → Progress → Finished, cancel stops an import with
//! whole batches committed, a failure is a sentence, and shutdown ends with Stopped.

use std::time::Duration;

use popmail::jobs::{
    ExportRequest, ExportSource, ImportRequest, JobCommand, JobEvent, JobKind, JobSummary, Target,
};
use popmail::mailbox::{Format, MboxVariant, MboxWriter};
use popmail::store::{Scope, Store, StoreConfig};

fn events_until_done(rx: &crossbeam_channel::Receiver<JobEvent>) -> Vec<JobEvent> {
    let mut out = Vec::new();
    loop {
        let e = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("the worker answers");
        let done = matches!(
            e,
            JobEvent::Finished(_)
                | JobEvent::Failed(_)
                | JobEvent::Cancelled(_)
                | JobEvent::Stopped { .. }
        );
        out.push(e);
        if done {
            return out;
        }
    }
}

fn write_mbox(path: &std::path::Path, n: u64) {
    let mut w = MboxWriter::new(std::fs::File::create(path).unwrap(), MboxVariant::Mboxrd);
    for i in 0..n {
        w.write_message(&crate::support::mail_corpus::message(i), 0)
            .unwrap();
    }
    w.finish().unwrap();
}

#[test]
fn import_export_backup_and_shutdown_through_the_worker() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("popmail.sqlite3");
    let src = dir.path().join("In.mbox");
    write_mbox(&src, 40);
    let repaints = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let r = repaints.clone();
    let mut tx = popmail::jobs::spawn(
        StoreConfig::new(&db),
        std::sync::Arc::new(move || {
            r.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }),
    )
    .unwrap();
    let rx = tx.events().clone();

    tx.send(JobCommand::Import(ImportRequest::new(
        &src,
        Format::Auto,
        Target::New,
    )))
    .unwrap();
    let ev = events_until_done(&rx);
    assert!(
        matches!(ev[0], JobEvent::Started(JobKind::Import)),
        "{ev:?}"
    );
    assert!(
        ev.iter()
            .any(|e| matches!(e, JobEvent::Progress(p) if p.messages == 40))
    );
    let Some(JobEvent::Finished(JobSummary::Import(s))) = ev.last() else {
        panic!("{ev:?}")
    };
    assert_eq!(s.imported, 40);
    let folder = s.root.unwrap();

    let out = dir.path().join("out.mbox");
    let export = ExportRequest {
        source: ExportSource::Folder {
            folder,
            subfolders: false,
        },
        dest: out.clone(),
        format: Format::Mboxrd,
        force: false,
    };
    tx.send(JobCommand::Export(export.clone())).unwrap();
    let ev = events_until_done(&rx);
    assert!(
        matches!(ev.last(), Some(JobEvent::Finished(JobSummary::Export(e))) if e.messages == 40),
        "{ev:?}"
    );
    // The same export again fails with a sentence: the file exists.
    tx.send(JobCommand::Export(export)).unwrap();
    let ev = events_until_done(&rx);
    assert!(
        matches!(ev.last(), Some(JobEvent::Failed(m)) if m.contains("already exists")),
        "{ev:?}"
    );

    let backup = dir.path().join("backup.sqlite3");
    tx.send(JobCommand::Backup { to: backup.clone() }).unwrap();
    let ev = events_until_done(&rx);
    assert!(
        matches!(ev.last(), Some(JobEvent::Finished(JobSummary::Backup(_)))),
        "{ev:?}"
    );
    assert_eq!(
        Store::open(&popmail::store::StoreConfig::new(&backup))
            .unwrap()
            .count(Scope::Folder(folder))
            .unwrap(),
        40
    );

    tx.shutdown();
    let ev = events_until_done(&rx);
    assert!(
        matches!(ev.last(), Some(JobEvent::Stopped { .. })),
        "{ev:?}"
    );
    assert!(repaints.load(std::sync::atomic::Ordering::SeqCst) >= ev.len());
}

#[test]
fn cancel_stops_an_import_with_a_consistent_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("popmail.sqlite3");
    let src = dir.path().join("Big.mbox");
    write_mbox(&src, 6000);
    let tx = popmail::jobs::spawn(StoreConfig::new(&db), popmail::worker::no_repaint()).unwrap();
    let rx = tx.events().clone();
    tx.send(JobCommand::Import(ImportRequest::new(
        &src,
        Format::Auto,
        Target::New,
    )))
    .unwrap();
    // Cancel as soon as the job has started: the reader needs far longer than
    // this to prepare its first batch of 1000 messages.
    assert!(matches!(
        rx.recv().unwrap(),
        JobEvent::Started(JobKind::Import)
    ));
    tx.cancel();
    let ev = events_until_done(&rx);
    let Some(JobEvent::Finished(JobSummary::Import(s))) = ev.last() else {
        panic!("{ev:?}")
    };
    assert!(s.cancelled);
    assert!(s.imported < 6000);
    drop(tx);
    let ev = events_until_done(&rx);
    assert!(matches!(ev.last(), Some(JobEvent::Stopped { .. })));
    let store = Store::open(&popmail::store::StoreConfig::new(&db)).unwrap();
    store.integrity_check().unwrap();
    assert_eq!(
        store.count(Scope::Folder(s.root.unwrap())).unwrap(),
        s.imported
    );
}
