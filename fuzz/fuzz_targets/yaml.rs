#![no_main]

use libfuzzer_sys::fuzz_target;
use ospo::yaml::{Node, Value};

fuzz_target!(|data: &[u8]| {
    // The reader takes text; the metadata readers turn bytes into text before calling it.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(root) = ospo::yaml::parse(text) {
        // What the metadata readers do with a tree: walk it, read scalars back from the
        // source, convert parts to JSON for serde.
        walk(&root, text);
        let _ = root.to_json();
    }
});

fn walk(node: &Node, source: &str) {
    let _ = node.scalar_text(source);
    match &node.value {
        Value::Sequence(elements) => elements.iter().for_each(|n| walk(n, source)),
        Value::Mapping(entries) => entries.iter().for_each(|(_, _, n)| walk(n, source)),
        _ => {}
    }
}
