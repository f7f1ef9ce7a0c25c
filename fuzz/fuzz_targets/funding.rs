#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let validation = ospo::metadata::funding::validate(data);
    common::check_findings(&validation.findings, validation.is_valid());
    // Only platforms named with at least one value are listed.
    for platform in &validation.platforms {
        assert!(
            !platform.values.is_empty(),
            "platform listed without a value: {platform:#?}"
        );
    }
});
