//! Web pages saved as MHTML (`.mhtml`, `.mht`): a MIME message (RFC 2557) whose first HTML
//! part is the page, usually quoted-printable, with the page's images and styles in the other
//! parts.

use encoding_rs::Encoding;

/// Why a file is not a readable MHTML page.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MhtmlError {
    #[error("MHTML file without MIME headers")]
    NoHeaders,
    #[error("MHTML file without an HTML part")]
    NoHtml,
}

/// The page inside an MHTML file: its bytes, transfer encoding undone, and the charset its
/// part declares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub html: Vec<u8>,
    pub charset: Option<&'static Encoding>,
}

/// Whether bytes look like a MIME message holding a web page: headers first, one of them a
/// multipart or HTML content type.
pub fn sniff(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(2048)];
    let lower = head.to_ascii_lowercase();
    let starts_with_header = lower.starts_with(b"from:")
        || lower.starts_with(b"mime-version:")
        || lower.starts_with(b"content-type:")
        || lower.starts_with(b"subject:")
        || lower.starts_with(b"snapshot-content-location:")
        || lower.starts_with(b"date:");
    starts_with_header
        && (memchr::memmem::find(&lower, b"multipart/related").is_some()
            || memchr::memmem::find(&lower, b"content-type: text/html").is_some())
}

/// The HTML page of an MHTML file.
pub fn page(bytes: &[u8]) -> Result<Page, MhtmlError> {
    let (headers, body) = split_headers(bytes).ok_or(MhtmlError::NoHeaders)?;
    let content_type = header(&headers, "content-type").unwrap_or_default();
    let (media, params) = parse_content_type(&content_type);
    if !media.starts_with("multipart/") {
        return if media == "text/html" {
            Ok(decode_part(&headers, body))
        } else {
            Err(MhtmlError::NoHtml)
        };
    }
    let boundary = param(&params, "boundary").ok_or(MhtmlError::NoHtml)?;
    let delimiter = format!("--{boundary}");
    parts(body, delimiter.as_bytes())
        .into_iter()
        .filter_map(|part| {
            let (headers, body) = split_headers(part)?;
            let ct = header(&headers, "content-type").unwrap_or_default();
            (parse_content_type(&ct).0 == "text/html").then(|| decode_part(&headers, body))
        })
        .next()
        .ok_or(MhtmlError::NoHtml)
}

/// A part's body with its transfer encoding undone, and its charset.
fn decode_part(headers: &Headers, body: &[u8]) -> Page {
    let ct = header(headers, "content-type").unwrap_or_default();
    let charset = param(&parse_content_type(&ct).1, "charset")
        .and_then(|c| Encoding::for_label(c.as_bytes()));
    let encoding = header(headers, "content-transfer-encoding")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let html = match encoding.trim() {
        "quoted-printable" => quoted_printable(body),
        "base64" => base64(body),
        _ => body.to_vec(),
    };
    Page { html, charset }
}

/// A part's headers: names lowercased, values with folded lines joined.
type Headers = Vec<(String, String)>;

/// Headers (names lowercased, folded lines joined) and what follows the blank line after them.
fn split_headers(bytes: &[u8]) -> Option<(Headers, &[u8])> {
    let mut headers: Headers = Vec::new();
    let mut pos = 0;
    // Leading blank lines (after a boundary) are not the end of the headers.
    while bytes[pos..].starts_with(b"\r\n") || bytes[pos..].starts_with(b"\n") {
        pos += if bytes[pos] == b'\r' { 2 } else { 1 };
    }
    loop {
        let end = memchr::memchr(b'\n', &bytes[pos..]).map(|p| pos + p);
        let line_end = end.unwrap_or(bytes.len());
        let line = &bytes[pos..line_end];
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let next = end.map_or(bytes.len(), |e| e + 1);
        if line.is_empty() {
            return (!headers.is_empty()).then_some((headers, &bytes[next..]));
        }
        let text = String::from_utf8_lossy(line);
        if line[0] == b' ' || line[0] == b'\t' {
            let (_, value) = headers.last_mut()?;
            value.push(' ');
            value.push_str(text.trim());
        } else {
            let (name, value) = text.split_once(':')?;
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
        if end.is_none() {
            return Some((headers, &[]));
        }
        pos = next;
    }
}

fn header(headers: &Headers, name: &str) -> Option<String> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
}

/// `text/html; charset="utf-8"` to the media type (lowercased) and its parameters (names
/// lowercased, quotes removed).
fn parse_content_type(value: &str) -> (String, Vec<(String, String)>) {
    let mut pieces = value.split(';');
    let media = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
    let params = pieces
        .filter_map(|p| {
            let (k, v) = p.split_once('=')?;
            Some((
                k.trim().to_ascii_lowercase(),
                v.trim().trim_matches('"').to_string(),
            ))
        })
        .collect();
    (media, params)
}

fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// The parts of a multipart body: what lies between lines starting with the delimiter, up to
/// the closing one.
fn parts<'a>(body: &'a [u8], delimiter: &[u8]) -> Vec<&'a [u8]> {
    let finder = memchr::memmem::Finder::new(delimiter);
    // Each delimiter line: where it starts and where its delimiter ends.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    while let Some(p) = finder.find(&body[from..]) {
        let at = from + p;
        let after = at + delimiter.len();
        if at == 0 || body[at - 1] == b'\n' {
            lines.push((at, after));
            if body[after..].starts_with(b"--") {
                break;
            }
        }
        from = after;
    }
    lines
        .windows(2)
        .map(|w| {
            let content = &body[w[0].1..w[1].0];
            // Past the rest of the delimiter line; the line break before the next delimiter
            // belongs to it.
            let content = match memchr::memchr(b'\n', content) {
                Some(p) => &content[p + 1..],
                None => &[],
            };
            let content = content.strip_suffix(b"\n").unwrap_or(content);
            content.strip_suffix(b"\r").unwrap_or(content)
        })
        .collect()
}

/// Quoted-printable to bytes: `=XX` is a byte, `=` at a line's end joins it to the next.
pub fn quoted_printable(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        let b = body[i];
        if b != b'=' {
            out.push(b);
            i += 1;
            continue;
        }
        match (body.get(i + 1), body.get(i + 2)) {
            (Some(b'\r'), Some(b'\n')) => i += 3,
            (Some(b'\n'), _) => i += 2,
            (Some(&h), Some(&l)) if h.is_ascii_hexdigit() && l.is_ascii_hexdigit() => {
                out.push(hex(h) << 4 | hex(l));
                i += 3;
            }
            _ => {
                out.push(b'=');
                i += 1;
            }
        }
    }
    out
}

fn hex(b: u8) -> u8 {
    match b {
        b'0'..=b'9' => b - b'0',
        b'a'..=b'f' => b - b'a' + 10,
        _ => b.to_ascii_uppercase() - b'A' + 10,
    }
}

/// Base64 to bytes, skipping line breaks and anything else outside the alphabet.
pub fn base64(body: &[u8]) -> Vec<u8> {
    let value = |b: u8| -> Option<u32> {
        Some(match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(body.len() / 4 * 3);
    let mut acc = 0u32;
    let mut bits = 0;
    for &b in body {
        if b == b'=' {
            break;
        }
        let Some(v) = value(b) else { continue };
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_printable_and_base64_decode() {
        assert_eq!(
            quoted_printable(b"caf=C3=A9 =\r\nau lait=3D good=\nness ="),
            "café au lait= goodness =".as_bytes()
        );
        assert_eq!(
            base64(b"Q2Fmw6kg\r\nYXUgbGFpdA=="),
            "Café au lait".as_bytes()
        );
    }

    #[test]
    fn the_html_part_of_a_saved_page() {
        let file = "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example/a\r\nSubject: Storm\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc\"\r\n\r\n\r\n------MultipartBoundary--abc\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://news.example/a\r\n\r\n<html><head><meta http-equiv=3D\"Content-Type\" content=3D\"text/html; charset=3DUTF-8\"></head><body><p>Caf=C3=A9s re=\r\nopen.</p></body></html>\r\n------MultipartBoundary--abc\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n------MultipartBoundary--abc--\r\n";
        assert!(sniff(file.as_bytes()));
        let p = page(file.as_bytes()).unwrap();
        let html = String::from_utf8(p.html).unwrap();
        assert!(
            html.ends_with("<p>Cafés reopen.</p></body></html>"),
            "{html}"
        );
        assert_eq!(p.charset, None);
    }

    #[test]
    fn a_part_s_charset_is_kept() {
        let file = "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b1\n\n--b1\nContent-Type: text/html; charset=\"windows-1251\"\nContent-Transfer-Encoding: quoted-printable\n\n<p>=CA=E8=E5=E2</p>\n--b1--\n";
        let p = page(file.as_bytes()).unwrap();
        assert_eq!(p.charset, Some(encoding_rs::WINDOWS_1251));
        assert_eq!(p.html, b"<p>\xCA\xE8\xE5\xE2</p>");
    }

    #[test]
    fn broken_files_are_refused_without_panic() {
        assert_eq!(page(b""), Err(MhtmlError::NoHeaders));
        assert_eq!(
            page(b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=x\n\n--x\nContent-Type: image/png\n\nabc\n--x--"),
            Err(MhtmlError::NoHtml)
        );
        for junk in [
            &b"Content-Type: multipart/related; boundary=\n\n--"[..],
            b"From: x\n",
            b"=",
            b"\n\n\n",
        ] {
            let _ = page(junk);
        }
    }
}
