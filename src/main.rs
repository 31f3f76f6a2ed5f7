//! The `factbench` binary: parses the command line and hands over to the library.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = factbench::cli::Cli::parse();
    factbench::cli::run(cli, &mut std::io::stdout(), &mut std::io::stderr())
}
