//! The system packages the suite runs for real: Dovecot and the libraries of
//! Courier's pop3d (two POP3 servers; Courier is GPL: run by tests only,
//! never linked or shipped; its binary is fetched by `support::courier`),
//! openssl (its test certificates), python3 (the `mailbox`/`poplib`
//! interop checks), Pigeonhole's `sievec` (the Sieve export), and a private
//! D-Bus session bus with gnome-keyring's Secret Service on it (the system
//! keychain, `support::dbus`). `cargo test` needs nothing else.
//!
//! The first test that needs one of them calls [`ensure`]. When something is
//! missing and the suite runs as root on Debian (a fresh CI or developer
//! machine), it is installed once with `apt-get`, with a `policy-rc.d` in
//! place so the packages start no system-wide service. Otherwise the test
//! fails loudly, naming the packages to install. Set `POPMAIL_NO_INSTALL=1`
//! to forbid the install.

use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

/// A program the suite runs, and the Debian package that provides it.
struct Need {
    programs: &'static [&'static str],
    package: &'static str,
}

const NEEDS: &[Need] = &[
    Need {
        programs: &["/usr/sbin/dovecot", "/usr/lib/dovecot/pop3"],
        package: "dovecot-pop3d",
    },
    // Courier's pop3d itself comes from `apt-get download courier-pop`
    // (support::courier): installing courier-pop would remove dovecot-pop3d
    // (both provide pop3-server). These are the libraries it runs on.
    Need {
        programs: &["/usr/lib/libcourierauth.so.0"],
        package: "courier-authlib",
    },
    Need {
        programs: &["/usr/lib/x86_64-linux-gnu/libcourier-unicode.so.4"],
        package: "libcourier-unicode4",
    },
    Need {
        programs: &["/usr/lib/x86_64-linux-gnu/libidn.so.12"],
        package: "libidn12",
    },
    Need {
        programs: &["openssl"],
        package: "openssl",
    },
    Need {
        programs: &["python3"],
        package: "python3",
    },
    Need {
        programs: &["dbus-daemon"],
        package: "dbus-daemon",
    },
    Need {
        programs: &["dbus-send"],
        package: "dbus-bin",
    },
    Need {
        programs: &["gnome-keyring-daemon"],
        package: "gnome-keyring",
    },
    // `sievec` compiles the script of `popmail rule export --sieve`.
    Need {
        programs: &["sievec"],
        package: "dovecot-sieve",
    },
];

fn present(program: &str) -> bool {
    if program.contains('/') {
        return Path::new(program).exists();
    }
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

fn missing() -> Vec<&'static str> {
    NEEDS
        .iter()
        .filter(|n| !n.programs.iter().all(|p| present(p)))
        .map(|n| n.package)
        .collect()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

/// Makes sure every package the suite needs is installed (at most one install
/// per test run), or says which are missing and how to install them.
pub fn ensure() -> Result<(), String> {
    static DONE: OnceLock<Result<(), String>> = OnceLock::new();
    DONE.get_or_init(install_missing).clone()
}

fn install_missing() -> Result<(), String> {
    let need = missing();
    if need.is_empty() {
        return Ok(());
    }
    let names = need.join(" ");
    let how = format!("install them with `apt-get install {names}`");
    if std::env::var_os("POPMAIL_NO_INSTALL").is_some() {
        return Err(format!(
            "the tests need {names}; {how} (POPMAIL_NO_INSTALL forbids installing them here)"
        ));
    }
    if !is_root() || !present("apt-get") {
        return Err(format!(
            "the tests need {names}; {how} (as root on Debian, `cargo test` installs them itself)"
        ));
    }
    eprintln!("popmail tests: installing {names} with apt-get (once; starts no service)");
    let policy = Path::new("/usr/sbin/policy-rc.d");
    let own_policy = !policy.exists();
    if own_policy {
        std::fs::write(
            policy,
            "#!/bin/sh\n# popmail tests: start no service\nexit 101\n",
        )
        .and_then(|()| {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(policy, std::fs::Permissions::from_mode(0o755))
        })
        .map_err(|e| format!("cannot write {}: {e}; {how}", policy.display()))?;
    }
    let apt = |args: &[&str]| {
        Command::new("apt-get")
            .args(args)
            .env("DEBIAN_FRONTEND", "noninteractive")
            .status()
            .map_err(|e| format!("cannot run apt-get: {e}"))
            .and_then(|s| {
                s.success()
                    .then_some(())
                    .ok_or_else(|| format!("apt-get {} failed ({s})", args.join(" ")))
            })
    };
    let mut install = vec!["install", "-y", "-qq", "--no-install-recommends"];
    install.extend(need.iter().copied());
    let result = apt(&["update", "-qq"]).and_then(|()| apt(&install));
    if own_policy {
        // Leaving it would keep stopping services the machine's owner installs later.
        std::fs::remove_file(policy)
            .map_err(|e| format!("cannot remove {}: {e}", policy.display()))?;
    }
    result.map_err(|e| format!("{e}; {how}"))?;
    let still = missing();
    if still.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} still missing after apt-get; {how}",
            still.join(" ")
        ))
    }
}
