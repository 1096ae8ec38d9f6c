//! Rebuild when a translation changes: `static_loader!` (src/i18n) compiles
//! every `locales/*/*.ftl` file into the binary, and cargo only sees a new
//! file through this.
fn main() {
    println!("cargo:rerun-if-changed=locales");
    println!("cargo:rerun-if-changed=build.rs");
}
