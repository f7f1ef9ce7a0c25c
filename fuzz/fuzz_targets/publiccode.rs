#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let validation = ospo::metadata::publiccode::validate(data);
    common::check_findings(&validation.findings, validation.is_valid());
});
