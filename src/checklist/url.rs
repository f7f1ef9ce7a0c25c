//! Help URLs: where a checklist item is documented. Reports put them where only an absolute
//! URI will do (SARIF's `helpUri`, links in Markdown), so the loader accepts `https://` and
//! `http://` URLs with a host and nothing a URI cannot hold unescaped.

/// What `{id}` stands for in a checklist's `help-url` template.
pub const ID_PLACEHOLDER: &str = "{id}";

/// Why `text` is not an absolute `https://` or `http://` URL, as the end of a sentence
/// that starts with the URL; `None` when it is one.
pub fn problem(text: &str) -> Option<String> {
    if text.is_empty() {
        return Some("is empty".into());
    }
    if let Some(c) = text.chars().find(|c| c.is_whitespace()) {
        return Some(match c {
            ' ' => "contains a space; write it %20".into(),
            _ => "contains whitespace".into(),
        });
    }
    let Some(rest) = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
    else {
        return Some(match scheme(text) {
            Some(scheme)
                if scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http") =>
            {
                format!(
                    "must start with `{}://`, in lowercase",
                    scheme.to_ascii_lowercase()
                )
            }
            Some(scheme) => {
                format!("uses the `{scheme}:` scheme; only https:// and http:// URLs are accepted")
            }
            None => "is not absolute: give the whole URL, starting with https://".into(),
        });
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    if let Some(problem) = authority_problem(authority) {
        return Some(problem);
    }
    tail_problem(tail)
}

/// The scheme of a URL written with one (`mailto:`, `ftp://`, `HTTPS://`), if any.
fn scheme(text: &str) -> Option<&str> {
    let (scheme, _) = text.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(scheme)
}

/// A host name or IP address, with an optional port; no user name or password.
fn authority_problem(authority: &str) -> Option<String> {
    if authority.contains('@') {
        return Some("holds a user name or password before its host".into());
    }
    let port = if let Some(inner) = authority.strip_prefix('[') {
        // An IPv6 address: `[2001:db8::1]:8080`.
        let Some((address, after)) = inner.split_once(']') else {
            return Some(format!("has an unclosed `[` in its host `{authority}`"));
        };
        let hex = |c: char| c.is_ascii_hexdigit() || c == ':' || c == '.';
        if address.is_empty() || !address.chars().all(hex) {
            return Some(format!("has an invalid IPv6 host `[{address}]`"));
        }
        match after {
            "" => None,
            _ => match after.strip_prefix(':') {
                Some(port) => Some(port),
                None => return Some(format!("has an invalid host `{authority}`")),
            },
        }
    } else {
        let (host, port) = match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        };
        if host.is_empty() {
            return Some("has no host".into());
        }
        let label = |label: &str| {
            !label.is_empty()
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        };
        if !host.split('.').all(label) {
            return Some(format!(
                "has an invalid host `{host}`: ASCII letters, digits and dashes between dots (punycode for other letters)"
            ));
        }
        port
    };
    match port {
        Some("") => Some("has an empty port after `:`".into()),
        Some(port)
            if !port.bytes().all(|b| b.is_ascii_digit())
                || !matches!(port.parse::<u16>(), Ok(1..)) =>
        {
            Some(format!("has an invalid port `{port}`"))
        }
        _ => None,
    }
}

/// The path, query and fragment: only what RFC 3986 allows, `%` starting an escape.
fn tail_problem(tail: &str) -> Option<String> {
    let bytes = tail.as_bytes();
    let mut fragment = false;
    for (index, c) in tail.char_indices() {
        match c {
            '%' => {
                let escape = bytes.get(index + 1..index + 3);
                if !escape.is_some_and(|pair| pair.iter().all(u8::is_ascii_hexdigit)) {
                    return Some("has a `%` that does not start an escape such as %20".into());
                }
            }
            '#' if fragment => return Some("has a second `#`; write it %23".into()),
            '#' => fragment = true,
            c if c.is_ascii_alphanumeric() || "-._~:/?[]@!$&'()*+,;=".contains(c) => {}
            c if !c.is_ascii() => {
                return Some(format!(
                    "contains `{c}`, which must be percent-encoded (as UTF-8 bytes, %C3%A9 for é)"
                ));
            }
            c if c.is_ascii_control() => return Some("contains a control character".into()),
            c => return Some(format!("contains `{c}`, which must be percent-encoded")),
        }
    }
    None
}

/// Why a checklist's `help-url` template is not one; `None` when it is.
pub fn template_problem(template: &str) -> Option<String> {
    if !template.contains(ID_PLACEHOLDER) {
        return Some(format!(
            "has no `{ID_PLACEHOLDER}`, which each item's id replaces (give one link per item with the items' own `help-url`)"
        ));
    }
    problem(&fill(template, "needs.example"))
}

/// The link a template gives the item `id`.
pub fn fill(template: &str, id: &str) -> String {
    template.replace(ID_PLACEHOLDER, id)
}

#[cfg(test)]
mod tests {
    use super::{problem, template_problem};

    #[test]
    fn absolute_http_urls_are_accepted() {
        for url in [
            "https://opensource.guide/starting-a-project/",
            "http://example.org",
            "https://example.org:8443/a/b?c=d&e=f#g",
            "https://docs.github.com/en/communities/setting-up-your-project-for-healthy-contributions/adding-a-license-to-a-repository",
            "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000044480598",
            "https://example.org/caf%C3%A9",
            "https://[2001:db8::1]:8080/x",
            "https://127.0.0.1/",
            "https://example.org/~user/(a)",
        ] {
            assert_eq!(problem(url), None, "{url}");
        }
    }

    #[test]
    fn anything_else_is_refused_with_its_reason() {
        for (url, reason) in [
            ("", "is empty"),
            ("docs/licence.md", "is not absolute"),
            ("/checks/legal", "is not absolute"),
            ("//example.org/x", "is not absolute"),
            ("example.org/x", "is not absolute"),
            ("ftp://example.org/x", "uses the `ftp:` scheme"),
            ("mailto:team@example.org", "uses the `mailto:` scheme"),
            ("file:///etc/passwd", "uses the `file:` scheme"),
            ("javascript:alert(1)", "uses the `javascript:` scheme"),
            (
                "HTTPS://example.org/",
                "must start with `https://`, in lowercase",
            ),
            ("https://", "has no host"),
            ("https:///path", "has no host"),
            ("https://:8080/", "has no host"),
            ("https://example.org/a b", "contains a space"),
            ("https://example.org/a\tb", "contains whitespace"),
            ("https://user:secret@example.org/", "user name or password"),
            ("https://exa_mple.org/", "invalid host `exa_mple.org`"),
            ("https://example..org/", "invalid host"),
            ("https://café.example/", "invalid host"),
            ("https://example.org:0/", "invalid port `0`"),
            ("https://example.org:99999/", "invalid port"),
            ("https://example.org:/", "empty port"),
            ("https://example.org/caf\u{e9}", "must be percent-encoded"),
            ("https://example.org/{id}", "contains `{`"),
            ("https://example.org/a%2", "does not start an escape"),
            ("https://example.org/a#b#c", "second `#`"),
            ("https://[::1/", "unclosed `[`"),
        ] {
            let found = problem(url).unwrap_or_else(|| panic!("{url:?} accepted"));
            assert!(found.contains(reason), "{url:?}: {found}");
        }
    }

    #[test]
    fn a_template_needs_its_placeholder_and_fills_into_a_url() {
        assert_eq!(template_problem("https://example.org/checks/{id}"), None);
        assert_eq!(template_problem("https://example.org/checks#{id}"), None);
        assert!(
            template_problem("https://example.org/checks/")
                .unwrap()
                .contains("has no `{id}`")
        );
        assert!(
            template_problem("checks/{id}")
                .unwrap()
                .contains("is not absolute")
        );
        assert!(
            template_problem("https://example.org/{id}/{slug}")
                .unwrap()
                .contains("contains `{`")
        );
        assert_eq!(
            super::fill("https://example.org/{id}.html", "legal.reuse"),
            "https://example.org/legal.reuse.html"
        );
    }
}
