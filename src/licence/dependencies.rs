//! Dependency licences, read offline from lockfiles and installed metadata.
