//! Turns the built-in checklists into JSON at build time: reading YAML costs a few
//! milliseconds at every run, JSON a tenth of one. The loader reads the YAML itself for
//! files given on the command line, with line and column in every error; the built-in
//! checklists are checked by the test suite through that same path.

use std::path::Path;

fn main() {
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo::rerun-if-changed=checklists");
    for entry in std::fs::read_dir("checklists").expect("checklists/ exists") {
        let path = entry.expect("readable checklists/").path();
        if path.extension().and_then(|e| e.to_str()) != Some("yaml") {
            continue;
        }
        println!("cargo::rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("readable checklist");
        let value: serde_json::Value = serde_saphyr::from_str(&text)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let name = path.file_stem().expect("a file name").to_string_lossy();
        let target = Path::new(&out).join(format!("{name}.json"));
        std::fs::write(target, value.to_string()).expect("writable OUT_DIR");
    }
}
