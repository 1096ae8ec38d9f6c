//! The `popmail` binary: parse the command line, run the GUI or a subcommand,
//! and turn errors into exit codes.

fn main() -> std::process::ExitCode {
    popmail::cli::main()
}
