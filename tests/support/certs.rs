//! Test certificates made with the `openssl` command-line tool: a CA and a
//! server certificate signed by it (EC P-256), by default for `localhost` /
//! `127.0.0.1` ([`DEFAULT_SAN`]).
//! Used by the Dovecot launcher; includable from benches with `#[path]`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Paths and facts of a generated CA and server certificate.
#[derive(Debug, Clone)]
pub struct TestCerts {
    /// The CA certificate (PEM): trust this to verify the server.
    pub ca_pem: PathBuf,
    /// The server certificate (PEM).
    pub cert_pem: PathBuf,
    /// The server private key (PEM).
    pub key_pem: PathBuf,
    /// SHA-256 fingerprint of the server certificate, lowercase hex.
    pub sha256: String,
}

fn openssl(dir: &Path, args: &[&str]) -> Result<String, String> {
    super::system::ensure()?;
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .map_err(|e| format!("cannot run openssl ({e}); apt-get install openssl"))?;
    if !out.status.success() {
        return Err(format!(
            "openssl {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The server certificate's default subjectAltName.
pub const DEFAULT_SAN: &str = "DNS:localhost,IP:127.0.0.1";

impl TestCerts {
    /// Generates the CA and server certificate into `dir`.
    pub fn generate(dir: &Path) -> Result<TestCerts, String> {
        TestCerts::generate_for(dir, DEFAULT_SAN)
    }

    /// Generates the CA and a server certificate whose subjectAltName is
    /// `san` (openssl syntax, e.g. `DNS:localhost`).
    pub fn generate_for(dir: &Path, san: &str) -> Result<TestCerts, String> {
        let ec = [
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
        ];
        let mut ca = vec!["req", "-x509"];
        ca.extend(ec);
        ca.extend([
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-days",
            "30",
            "-subj",
            "/CN=popmail test CA",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
        ]);
        openssl(dir, &ca)?;
        let mut csr = vec!["req"];
        csr.extend(ec);
        csr.extend([
            "-keyout",
            "server.key",
            "-out",
            "server.csr",
            "-subj",
            "/CN=localhost/O=popmail tests",
        ]);
        openssl(dir, &csr)?;
        std::fs::write(
            dir.join("server.ext"),
            format!("basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName={san}\n"),
        )
        .map_err(|e| e.to_string())?;
        openssl(
            dir,
            &[
                "x509",
                "-req",
                "-in",
                "server.csr",
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-out",
                "server.pem",
                "-days",
                "30",
                "-extfile",
                "server.ext",
            ],
        )?;
        let fp = openssl(
            dir,
            &[
                "x509",
                "-in",
                "server.pem",
                "-noout",
                "-fingerprint",
                "-sha256",
            ],
        )?;
        let sha256: String = fp
            .split('=')
            .nth(1)
            .unwrap_or_default()
            .trim()
            .replace(':', "")
            .to_ascii_lowercase();
        if sha256.len() != 64 {
            return Err(format!("unexpected fingerprint output {fp:?}"));
        }
        Ok(TestCerts {
            ca_pem: dir.join("ca.pem"),
            cert_pem: dir.join("server.pem"),
            key_pem: dir.join("server.key"),
            sha256,
        })
    }
}
