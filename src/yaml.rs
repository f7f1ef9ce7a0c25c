//! YAML documents that remember where each value came from.
//!
//! A document is parsed once (serde-saphyr, with its limits against aliases bombs and deep
//! nesting) into a [`Node`] tree that keeps the line and column of every key and value.
//! Typed structs are then deserialised from parts of that tree, so one bad item does not
//! hide the next one, and every error — a serde error or a later validation — is located
//! by its path in the document.

use std::fmt;

use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

/// A position in a YAML document, 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Position {
    pub line: u64,
    pub column: u64,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// A YAML value with its position.
#[derive(Debug, Clone)]
pub struct Node {
    pub value: Value,
    pub position: Position,
}

#[derive(Debug, Clone)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    String(String),
    Sequence(Vec<Node>),
    /// Keys in document order, each with the position of the key itself.
    Mapping(Vec<(String, Position, Node)>),
}

/// One step of a path into a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// A path into a document, such as `items[3].probe.pattern`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Path(pub Vec<Step>);

impl Path {
    pub fn key(&self, key: &str) -> Path {
        let mut steps = self.0.clone();
        steps.push(Step::Key(key.to_owned()));
        Path(steps)
    }

    pub fn index(&self, index: usize) -> Path {
        let mut steps = self.0.clone();
        steps.push(Step::Index(index));
        Path(steps)
    }

    /// Appends the path of a serde error found below this one.
    fn join_serde(&self, inner: &serde_path_to_error::Path) -> Path {
        let mut steps = self.0.clone();
        for segment in inner {
            match segment {
                serde_path_to_error::Segment::Seq { index } => steps.push(Step::Index(*index)),
                serde_path_to_error::Segment::Map { key } => steps.push(Step::Key(key.clone())),
                serde_path_to_error::Segment::Enum { variant } => {
                    steps.push(Step::Key(variant.clone()))
                }
                serde_path_to_error::Segment::Unknown => {}
            }
        }
        Path(steps)
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for step in &self.0 {
            match step {
                Step::Key(key) if first => write!(f, "{key}")?,
                Step::Key(key) => write!(f, ".{key}")?,
                Step::Index(index) => write!(f, "[{index}]")?,
            }
            first = false;
        }
        Ok(())
    }
}

/// A syntax error, or a document too large or too deeply nested to accept.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    pub position: Position,
    pub message: String,
}

/// A typed value could not be read from a node.
#[derive(Debug, Clone)]
pub struct ShapeError {
    pub path: Path,
    pub position: Position,
    pub message: String,
}

/// The deepest nesting of sequences and mappings a document may have.
pub const MAX_DEPTH: usize = 24;

/// Parses a whole document. An empty document is an empty mapping.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    if text.trim().is_empty() {
        return Ok(Node {
            value: Value::Mapping(Vec::new()),
            position: Position { line: 1, column: 1 },
        });
    }
    let mut budget = serde_saphyr::Budget::default();
    // Reading a node recurses once per level: 64 levels, the library's default, overflow a
    // 2 MiB thread stack in a debug build. No checklist or metadata file nests deeper than
    // a dozen levels.
    budget.max_depth = MAX_DEPTH;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    serde_saphyr::from_str_with_options::<Node>(text, options).map_err(|error| {
        let position = error
            .location()
            .map(|l| Position {
                line: l.line(),
                column: l.column(),
            })
            .unwrap_or_default();
        SyntaxError {
            position,
            message: bare_message(&error.without_snippet().to_string()),
        }
    })
}

/// A tree from JSON, without positions: for documents known to be valid, such as the
/// built-in checklists converted at build time.
pub fn from_json(value: &serde_json::Value) -> Node {
    use serde_json::Value as J;
    let value = match value {
        J::Null => Value::Null,
        J::Bool(b) => Value::Bool(*b),
        J::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        J::String(s) => Value::String(s.clone()),
        J::Array(elements) => Value::Sequence(elements.iter().map(from_json).collect()),
        J::Object(entries) => Value::Mapping(
            entries
                .iter()
                .map(|(k, v)| (k.clone(), Position::default(), from_json(v)))
                .collect(),
        ),
    };
    Node {
        value,
        position: Position::default(),
    }
}

/// [`Node::deserialize`] of `value`, JSON that sits at `path` in the document `root`: for
/// a document made from JSON ([`from_json`]), the same result without turning the tree
/// back into JSON.
pub fn deserialize_json<T: DeserializeOwned>(
    value: &serde_json::Value,
    root: &Node,
    path: &Path,
) -> Result<T, ShapeError> {
    serde_path_to_error::deserialize(value).map_err(|error| {
        let path = path.join_serde(error.path());
        ShapeError {
            position: root.locate(&path),
            message: error.into_inner().to_string(),
            path,
        }
    })
}

/// serde-saphyr prefixes its messages with `error: line L column C: `; the caller prints
/// the position its own way.
fn bare_message(rendered: &str) -> String {
    let first_line = rendered.lines().next().unwrap_or(rendered);
    let rest = first_line.strip_prefix("error: ").unwrap_or(first_line);
    match rest.split_once(": ") {
        Some((head, tail)) if head.starts_with("line ") && head.contains(" column ") => {
            tail.to_owned()
        }
        _ => rest.to_owned(),
    }
}

impl Node {
    /// The value at `key` of a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Mapping(entries) => entries.iter().find(|(k, _, _)| k == key).map(|e| &e.2),
            _ => None,
        }
    }

    /// The value at `key` of a mapping, to change it.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Node> {
        match &mut self.value {
            Value::Mapping(entries) => entries
                .iter_mut()
                .find(|(k, _, _)| k == key)
                .map(|e| &mut e.2),
            _ => None,
        }
    }

    /// The text of a plain scalar as written in `source`: YAML reads `1.10` as the number
    /// 1.1, but a version is text.
    pub fn scalar_text(&self, source: &str) -> Option<String> {
        let line = source
            .lines()
            .nth(usize::try_from(self.position.line).ok()?.checked_sub(1)?)?;
        let text: String = line
            .chars()
            .skip(usize::try_from(self.position.column).ok()?.checked_sub(1)?)
            .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ']' | '}' | '#'))
            .collect();
        (!text.is_empty()).then_some(text)
    }

    /// The elements of a sequence; nothing for any other value.
    pub fn elements(&self) -> &[Node] {
        match &self.value {
            Value::Sequence(elements) => elements,
            _ => &[],
        }
    }

    /// The position of what `path` names, or of the nearest ancestor that exists: an error
    /// about a missing key points at the mapping that lacks it. A path ending at a key
    /// points at the key, so `stage: nope` is reported where `stage` is written.
    pub fn locate(&self, path: &Path) -> Position {
        let mut node = self;
        let mut position = self.position;
        for step in &path.0 {
            let next = match (step, &node.value) {
                (Step::Key(key), Value::Mapping(entries)) => entries
                    .iter()
                    .find(|(k, _, _)| k == key)
                    .map(|(_, key_position, value)| (*key_position, value)),
                (Step::Index(index), Value::Sequence(elements)) => {
                    elements.get(*index).map(|value| (value.position, value))
                }
                _ => None,
            };
            match next {
                Some((step_position, value)) => {
                    position = step_position;
                    node = value;
                }
                None => break,
            }
        }
        position
    }

    /// Deserialises a typed value from this node. `path` is where the node sits in its
    /// document, so errors carry their full path and position.
    pub fn deserialize<T: DeserializeOwned>(
        &self,
        root: &Node,
        path: &Path,
    ) -> Result<T, ShapeError> {
        deserialize_json(&self.to_json(), root, path)
    }

    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => J::from(*i),
            Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
            Value::String(s) => J::String(s.clone()),
            Value::Sequence(elements) => J::Array(elements.iter().map(Node::to_json).collect()),
            Value::Mapping(entries) => J::Object(
                entries
                    .iter()
                    .map(|(k, _, v)| (k.clone(), v.to_json()))
                    .collect(),
            ),
        }
    }
}

impl<'de> de::Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<Value>::deserialize(deserializer)?;
        Ok(Node {
            value: spanned.value,
            position: Position {
                line: spanned.referenced.line(),
                column: spanned.referenced.column(),
            },
        })
    }
}

impl<'de> de::Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        i64::try_from(v)
            .map(Value::Int)
            .map_err(|_| E::custom("integer too large"))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut elements = Vec::new();
        while let Some(node) = seq.next_element::<Node>()? {
            elements.push(node);
        }
        Ok(Value::Sequence(elements))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<KeyText>>()? {
            let value = map.next_value::<Node>()?;
            let position = Position {
                line: key.referenced.line(),
                column: key.referenced.column(),
            };
            entries.push((key.value.0, position, value));
        }
        Ok(Value::Mapping(entries))
    }
}

/// A mapping key as text, whatever scalar type YAML gave it (`1:` or `yes:`).
struct KeyText(String);

impl<'de> de::Deserialize<'de> for KeyText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Value::deserialize(deserializer)? {
            Value::String(s) => Ok(KeyText(s)),
            Value::Int(i) => Ok(KeyText(i.to_string())),
            Value::Bool(b) => Ok(KeyText(b.to_string())),
            Value::Float(f) => Ok(KeyText(f.to_string())),
            Value::Null => Ok(KeyText("null".to_owned())),
            _ => Err(de::Error::custom("a mapping key must be a plain scalar")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_positions_of_keys_and_values() {
        let doc = parse("a: 1\nlist:\n  - x: yes\n  - [2, 3]\n").unwrap();
        let path = Path::default().key("list").index(0).key("x");
        assert_eq!(doc.locate(&path), Position { line: 3, column: 5 });
        assert_eq!(
            doc.locate(&Path::default().key("list").index(1)),
            Position { line: 4, column: 5 }
        );
        // A missing key points at the nearest ancestor.
        assert_eq!(
            doc.locate(&Path::default().key("list").index(0).key("nope")),
            Position { line: 3, column: 5 }
        );
    }

    #[test]
    fn syntax_errors_have_a_position_and_a_bare_message() {
        let error = parse("a: [1\nb: 2\n").unwrap_err();
        assert!(error.position.line >= 1);
        assert!(!error.message.starts_with("error:"), "{}", error.message);
        let error = parse("a: 1\na: 2\n").unwrap_err();
        assert_eq!(error.position, Position { line: 2, column: 1 });
        assert!(error.message.contains("duplicate"), "{}", error.message);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        // Run on a thread with the smallest stack tests get, in block and flow styles.
        let block: String = (0..200)
            .map(|depth| format!("{}k:\n", "  ".repeat(depth)))
            .collect();
        let flow = format!("a: {}{}\n", "[".repeat(5_000), "]".repeat(5_000));
        let mixed = format!("a: {}\n", "- ".repeat(5_000));
        let worker = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || [block, flow, mixed].map(|doc| parse(&doc).is_err()))
            .unwrap();
        assert_eq!(worker.join().unwrap(), [true, true, true]);
        let ok: String = (0..MAX_DEPTH - 1)
            .map(|depth| format!("{}k:\n", "  ".repeat(depth)))
            .collect();
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn typed_errors_carry_path_and_position() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Item {
            id: String,
            weight: u32,
        }
        let doc = parse("items:\n  - id: a\n    weight: 1\n  - id: b\n    weihgt: 2\n").unwrap();
        let items = doc.get("items").unwrap().elements();
        let base = Path::default().key("items");
        assert!(items[0].deserialize::<Item>(&doc, &base.index(0)).is_ok());
        let error = items[1]
            .deserialize::<Item>(&doc, &base.index(1))
            .unwrap_err();
        assert_eq!(error.position, Position { line: 5, column: 5 });
        assert!(
            error.message.contains("unknown field `weihgt`"),
            "{}",
            error.message
        );
        assert!(error.message.contains("`weight`"), "{}", error.message);
    }
}
