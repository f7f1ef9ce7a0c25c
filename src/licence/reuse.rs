//! REUSE: per-file licence information from headers, `.license` sidecars, `REUSE.toml`
//! and `.reuse/dep5`.
