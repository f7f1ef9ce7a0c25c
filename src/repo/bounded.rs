//! Files of a repository read without trusting them, by one reader: only regular files
//! are opened (a FIFO blocks a read forever, a device never ends), the open never blocks
//! even when the file was swapped for a FIFO since it was checked, and no more than a
//! cap is read, the size being checked before the first byte.

use std::fs;
use std::io::Read;
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub(crate) enum Unread {
    /// A FIFO, a device, a socket or a directory.
    NotRegular,
    /// A symlink, where none is followed.
    Symlink,
    /// Larger than the cap.
    TooLarge {
        size: u64,
        cap: u64,
    },
    Io(std::io::Error),
}

/// Whether the last component of a path may be a symlink to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Links {
    /// Followed, as git follows its own files.
    Follow,
    /// Refused, as git refuses a symlinked `.gitignore` or `.mailmap` in the worktree.
    Refuse,
}

/// `path`, opened for reading when it is a regular file of at most `cap` bytes, with its
/// size; `Ok(None)` when there is nothing there.
pub(crate) fn open(path: &Path, links: Links, cap: u64) -> Result<Option<(fs::File, u64)>, Unread> {
    // Checked before the open, so that a device is never opened at all…
    let meta = match links {
        Links::Follow => fs::metadata(path),
        Links::Refuse => fs::symlink_metadata(path),
    };
    match meta {
        Ok(meta) => regular(&meta, cap)?,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(Unread::Io(error)),
    };
    let file = match open_nonblocking(path, links) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(Unread::Io(error)),
    };
    // …and after, on the very file opened: it may have been replaced in between.
    let size = regular(&file.metadata().map_err(Unread::Io)?, cap)?;
    Ok(Some((file, size)))
}

/// The bytes of `path` when it is a regular file of at most `cap` bytes; `Ok(None)` when
/// there is nothing there.
pub(crate) fn read(path: &Path, links: Links, cap: u64) -> Result<Option<Vec<u8>>, Unread> {
    let Some((file, size)) = open(path, links, cap)? else {
        return Ok(None);
    };
    read_open(file, size, cap).map(Some)
}

/// The bytes of a file opened by [`open`], `size` bytes by its metadata: a file that grew
/// past the cap since is refused rather than read on.
pub(crate) fn read_open(file: fs::File, size: u64, cap: u64) -> Result<Vec<u8>, Unread> {
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Unread::Io)?;
    if bytes.len() as u64 > cap {
        return Err(Unread::TooLarge {
            size: bytes.len() as u64,
            cap,
        });
    }
    Ok(bytes)
}

/// The size of a regular file of at most `cap` bytes.
pub(crate) fn regular(meta: &fs::Metadata, cap: u64) -> Result<u64, Unread> {
    if meta.file_type().is_symlink() {
        return Err(Unread::Symlink);
    }
    if !meta.is_file() {
        return Err(Unread::NotRegular);
    }
    if meta.len() > cap {
        return Err(Unread::TooLarge {
            size: meta.len(),
            cap,
        });
    }
    Ok(meta.len())
}

/// Opens `path` read-only. On Unix the open does not wait for a writer should the file
/// be a FIFO, and does not follow a final symlink with [`Links::Refuse`].
fn open_nonblocking(path: &Path, links: Links) -> std::io::Result<fs::File> {
    #[cfg(unix)]
    {
        use rustix::fs::{Mode, OFlags};
        let mut flags = OFlags::RDONLY | OFlags::CLOEXEC | OFlags::NONBLOCK | OFlags::NOCTTY;
        if links == Links::Refuse {
            flags |= OFlags::NOFOLLOW;
        }
        rustix::fs::open(path, flags, Mode::empty())
            .map(fs::File::from)
            .map_err(std::io::Error::from)
    }
    #[cfg(not(unix))]
    {
        let _ = links;
        fs::File::open(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_within_the_cap_are_read() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let file = dir.path().join("file");
        fs::write(&file, b"twelve bytes").expect("written");
        assert_eq!(
            read(&file, Links::Refuse, 12).expect("read"),
            Some(b"twelve bytes".to_vec())
        );
        assert!(matches!(
            read(&file, Links::Refuse, 11),
            Err(Unread::TooLarge { size: 12, cap: 11 })
        ));
        assert!(matches!(
            read(dir.path(), Links::Follow, 1 << 20),
            Err(Unread::NotRegular)
        ));
        assert!(matches!(
            read(&dir.path().join("missing"), Links::Follow, 1),
            Ok(None)
        ));
        #[cfg(unix)]
        {
            let link = dir.path().join("link");
            std::os::unix::fs::symlink(&file, &link).expect("a symlink");
            assert!(matches!(
                read(&link, Links::Refuse, 100),
                Err(Unread::Symlink)
            ));
            assert!(read(&link, Links::Follow, 100).expect("read").is_some());
            assert!(matches!(
                read(Path::new("/dev/zero"), Links::Follow, 100),
                Err(Unread::NotRegular)
            ));
        }
    }
}
