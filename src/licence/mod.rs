//! Licences: what a text is, what a project declares, what its dependencies carry, and
//! which files say under which licence they are.

pub mod declared;
pub mod dependencies;
pub mod normalise;
pub mod reuse;
pub mod text;
