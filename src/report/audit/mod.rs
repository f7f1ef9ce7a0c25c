//! The formats of `ospo audit`, one file each, over the one [`Audit`](crate::audit::Audit)
//! model.

pub mod csv;
pub mod html;
pub mod json;
pub mod terminal;

/// The part of the rows' paths they all share, up to a `/`: tables show the rest.
pub(crate) fn common_prefix<'a>(paths: impl Iterator<Item = &'a str>) -> String {
    let mut prefix: Option<&str> = None;
    for path in paths {
        prefix = Some(match prefix {
            None => path,
            Some(known) => {
                let shared = known
                    .char_indices()
                    .zip(path.chars())
                    .take_while(|((_, a), b)| a == b)
                    .last()
                    .map_or(0, |((at, c), _)| at + c.len_utf8());
                &known[..shared]
            }
        });
    }
    let prefix = prefix.unwrap_or_default();
    match prefix.rfind('/') {
        Some(slash) => prefix[..=slash].to_owned(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_prefix_stops_at_a_slash() {
        let paths = ["/srv/org/alpha", "/srv/org/alps.git", "/srv/org/beta"];
        assert_eq!(common_prefix(paths.into_iter()), "/srv/org/");
        assert_eq!(common_prefix(["/srv/org/alpha"].into_iter()), "/srv/org/");
        assert_eq!(common_prefix(["a", "b"].into_iter()), "");
        assert_eq!(common_prefix(std::iter::empty()), "");
    }
}
