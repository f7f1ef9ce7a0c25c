//! The `ospo` command: a thin shell over the library.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}

// See Cargo.toml for why this allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
