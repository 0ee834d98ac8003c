//! Bytes to clean text: BOMs, UTF-16, invalid UTF-8, line endings, and characters that must
//! never reach a terminal.

/// Why a file's bytes cannot be read as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty file")]
    Empty,
    #[error("binary file (not text)")]
    Binary,
}

/// Text decoded from a file, with what had to be repaired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Human-readable notes on repairs (invalid bytes replaced, and so on).
    pub warnings: Vec<String>,
}

/// Decodes a file's bytes to text with normalised line endings and no control characters.
///
/// The encoding is, in order: the byte order mark; UTF-16 without a mark when every other
/// byte is NUL; UTF-8 when the bytes are valid UTF-8 (a page saved as UTF-8 often keeps its
/// old declaration); the charset an HTML page or XML prolog declares; else the legacy
/// encoding `chardetng` finds most likely (windows-1251, windows-1252, ISO-8859-x, KOI8-R,
/// Shift_JIS, GBK...). A page read in a legacy encoding says so in a warning.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let mut warnings = Vec::new();
    let raw: std::borrow::Cow<'_, str> = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF])
    {
        utf8(rest, &mut warnings).into()
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes, &mut warnings).into()
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes, &mut warnings).into()
    } else if let Some(little_endian) = utf16_without_mark(bytes) {
        let unit = if little_endian {
            u16::from_le_bytes
        } else {
            u16::from_be_bytes
        };
        utf16(bytes, unit, &mut warnings).into()
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        if looks_binary(bytes) {
            return Err(DecodeError::Binary);
        }
        s.into()
    } else {
        if looks_binary(bytes) {
            return Err(DecodeError::Binary);
        }
        legacy(bytes, &mut warnings).into()
    };
    let text = clean_text(&raw);
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(Decoded { text, warnings })
}

/// Decodes bytes whose encoding their container declares (an MHTML part's charset); a byte
/// order mark still wins, and without a declaration this is [`decode`].
pub fn decode_declared(
    bytes: &[u8],
    declared: Option<&'static encoding_rs::Encoding>,
) -> Result<Decoded, DecodeError> {
    let Some(encoding) = declared.filter(usable_declaration) else {
        return decode(bytes);
    };
    if encoding_rs::Encoding::for_bom(bytes).is_some() {
        return decode(bytes);
    }
    let mut warnings = Vec::new();
    let raw = in_encoding(bytes, encoding, None, &mut warnings);
    let text = clean_text(&raw);
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(Decoded { text, warnings })
}

/// A declaration of UTF-16 on bytes without a mark, or of UTF-8 on bytes that are not, is
/// wrong; detection does better.
fn usable_declaration(e: &&'static encoding_rs::Encoding) -> bool {
    *e != encoding_rs::UTF_8 && *e != encoding_rs::UTF_16LE && *e != encoding_rs::UTF_16BE
}

/// Bytes that are not UTF-8: in the encoding the page declares, else the one detected (which
/// a warning names, as it may be wrong).
fn legacy(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    match declared_charset(bytes).filter(usable_declaration) {
        Some(e) => in_encoding(bytes, e, None, warnings),
        None => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let e = detector.guess(None, chardetng::Utf8Detection::Deny);
            in_encoding(bytes, e, Some("detected"), warnings)
        }
    }
}

/// Bytes in one encoding, with a note when `how` says the encoding was guessed or when bytes
/// had to be replaced.
fn in_encoding(
    bytes: &[u8],
    encoding: &'static encoding_rs::Encoding,
    how: Option<&str>,
    warnings: &mut Vec<String>,
) -> String {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let mut notes = Vec::new();
    if let Some(how) = how {
        notes.push(format!("not UTF-8: read as {} ({how})", encoding.name()));
    }
    if had_errors {
        let n = text
            .chars()
            .filter(|&c| c == char::REPLACEMENT_CHARACTER)
            .count();
        notes.push(format!(
            "not valid {}: {n} invalid byte sequence(s) replaced",
            encoding.name()
        ));
    }
    if !notes.is_empty() {
        warnings.push(notes.join("; "));
    }
    text.into_owned()
}

/// How far into a page its charset declaration is looked for.
const DECLARATION_WINDOW: usize = 8192;

/// The encoding a page declares in its first bytes: `<meta charset="...">`,
/// `<meta http-equiv="Content-Type" content="text/html; charset=...">`, or an XML prolog's
/// `encoding="..."`.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(DECLARATION_WINDOW)];
    let lower = head.to_ascii_lowercase();
    if lower.starts_with(b"<?xml")
        && let Some(end) = memchr::memchr(b'>', &lower)
        && let Some(at) = memchr::memmem::find(&lower[..end], b"encoding=")
        && let Some(e) = label_at(&lower[..end], at + "encoding=".len())
    {
        return Some(e);
    }
    let mut from = 0;
    while let Some(p) = memchr::memmem::find(&lower[from..], b"<meta") {
        let start = from + p;
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(at) = memchr::memmem::find(tag, b"charset")
            && let Some(eq) = tag[at + 7..].iter().position(|&b| b != b' ')
            && tag[at + 7 + eq] == b'='
            && let Some(e) = label_at(tag, at + 7 + eq + 1)
        {
            return Some(e);
        }
        from = end;
    }
    None
}

/// The encoding named by the label starting at `at` (after spaces and a quote).
fn label_at(s: &[u8], at: usize) -> Option<&'static encoding_rs::Encoding> {
    let rest = &s[at.min(s.len())..];
    let skip = rest
        .iter()
        .position(|&b| !matches!(b, b' ' | b'"' | b'\'' | b'\t'))
        .unwrap_or(rest.len());
    let rest = &rest[skip..];
    let len = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')))
        .unwrap_or(rest.len());
    encoding_rs::Encoding::for_label(&rest[..len])
}

/// UTF-16 without a byte order mark: in the first bytes, NUL in nearly every other byte and
/// text in the others (so Latin-script text only). `Some(true)` for little-endian.
fn utf16_without_mark(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    // Nine in ten bytes of one parity must be zeros: a head without any (most text) is not
    // UTF-16, found without counting.
    if head.len() < 8 || !head.contains(&0) {
        return None;
    }
    let pairs = head.len() / 2;
    let zeros_at = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    // The other bytes are text: few of them controls.
    let controls_at = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t'))
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 10 >= pairs * 9 && controls_at(0) * 20 < pairs {
        Some(true)
    } else if even * 10 >= pairs * 9 && controls_at(1) * 20 < pairs {
        Some(false)
    } else {
        None
    }
}

fn utf8(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let s = String::from_utf8_lossy(bytes).into_owned();
            let n = s
                .chars()
                .filter(|&c| c == char::REPLACEMENT_CHARACTER)
                .count();
            warnings.push(format!(
                "not valid UTF-8: {n} invalid byte sequence(s) replaced"
            ));
            s
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, warnings: &mut Vec<String>) -> String {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    let mut bad = bytes.len() % 2;
    let s: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                bad += 1;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    if bad > 0 {
        warnings.push(format!("invalid UTF-16: {bad} unit(s) replaced"));
    }
    s
}

/// NUL bytes, or many C0 controls, in the first 8 KiB mean the file is not text.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    !head.is_empty() && controls * 20 > head.len()
}

/// Normalises line endings to LF and removes every character that could act on a terminal or
/// hide text: C0 and C1 controls (tab and newline kept), bidirectional overrides and isolates,
/// and invisible format characters. A whole escape sequence (ESC and its parameters) goes, not
/// just the ESC byte.
pub fn clean_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    loop {
        // Printable ASCII, newlines and tabs stay as they are: copied a run at a time.
        let rest = chars.as_str();
        let plain = rest
            .bytes()
            .position(|b| !matches!(b, b'\n' | b'\t' | b' '..=b'~'))
            .unwrap_or(rest.len());
        out.push_str(&rest[..plain]);
        chars = rest[plain..].chars();
        let Some(c) = chars.next() else {
            break;
        };
        match c {
            '\r' => {
                out.push('\n');
                if chars.as_str().starts_with('\n') {
                    chars.next();
                }
            }
            '\u{1b}' => skip_escape(&mut chars),
            '\u{0C}' | '\u{0B}' | '\u{2028}' | '\u{2029}' | '\u{85}' => out.push('\n'),
            c if crate::text::is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Skips the rest of an escape sequence after ESC: CSI (`ESC [ ... final`), OSC/DCS/APC/PM/SOS
/// strings (to BEL or ST), or a single following character.
fn skip_escape(chars: &mut std::str::Chars<'_>) {
    match chars.clone().next() {
        Some('[') => {
            chars.next();
            for c in chars.by_ref() {
                if ('\u{40}'..='\u{7e}').contains(&c) {
                    break;
                }
            }
        }
        Some(']' | 'P' | '_' | '^' | 'X') => {
            chars.next();
            while let Some(c) = chars.next() {
                if c == '\u{7}' {
                    break;
                }
                if c == '\u{1b}' {
                    if chars.as_str().starts_with('\\') {
                        chars.next();
                    }
                    break;
                }
            }
        }
        Some(_) => {
            chars.next();
        }
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_normalises_line_endings() {
        let d = decode(b"\xEF\xBB\xBFone\r\ntwo\rthree\n").unwrap();
        assert_eq!(d.text, "one\ntwo\nthree\n");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn decodes_utf16_both_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Kyiv\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Kyiv\n".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le).unwrap().text, "Kyiv\n");
        assert_eq!(decode(&be).unwrap().text, "Kyiv\n");
    }

    #[test]
    fn invalid_utf8_after_a_utf8_mark_is_replaced_with_a_warning() {
        let d = decode(b"\xEF\xBB\xBFcaf\xE9 au lait").unwrap();
        assert_eq!(d.text, "caf\u{FFFD} au lait");
        assert_eq!(d.warnings.len(), 1);
    }

    fn encoded(text: &str, encoding: &'static encoding_rs::Encoding) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "{text} in {}", encoding.name());
        bytes.into_owned()
    }

    #[test]
    fn legacy_encodings_are_detected() {
        // The encoding written in, and the one detected: KOI8-U is the superset of KOI8-R.
        let cases = [
            (
                "Київ. Уряд заявив, що понад 300 будинків залишилися без світла після обстрілу в понеділок. Ремонтні бригади працюють цілодобово.",
                encoding_rs::WINDOWS_1251,
                "windows-1251",
            ),
            (
                "Москва. Власти заявили, что более 300 домов остались без света после бури в понедельник. Ремонтные бригады работают круглосуточно.",
                encoding_rs::KOI8_R,
                "KOI8-U",
            ),
            (
                "Le café du coin a fermé ses portes après 40 années; les habitués regrettent déjà l'ambiance et le thé à la menthe.",
                encoding_rs::WINDOWS_1252,
                "windows-1252",
            ),
            (
                "Wrocław: władze podały, że ponad 300 domów zostało bez prądu po burzy w poniedziałek. Ekipy pracują całą dobę.",
                encoding_rs::ISO_8859_2,
                "ISO-8859-2",
            ),
        ];
        for (text, encoding, detected) in cases {
            let d = decode(&encoded(text, encoding)).unwrap();
            assert_eq!(d.text, text, "{}", encoding.name());
            assert_eq!(
                d.warnings,
                [format!("not UTF-8: read as {detected} (detected)")]
            );
        }
    }

    #[test]
    fn a_page_s_declared_charset_is_honoured() {
        // Short and all in one script, this text alone could be read in several encodings.
        let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=KOI8-R\"></head><body><p>Привет</p></body></html>";
        let d = decode(&encoded(page, encoding_rs::KOI8_R)).unwrap();
        assert_eq!(d.text, page);
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        let page = "<!DOCTYPE html><meta charset='windows-1251'><p>Привет</p>";
        assert_eq!(
            decode(&encoded(page, encoding_rs::WINDOWS_1251))
                .unwrap()
                .text,
            page
        );
        let xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-5\"?><html><p>Привет</p></html>";
        assert_eq!(
            decode(&encoded(xml, encoding_rs::ISO_8859_5)).unwrap().text,
            xml
        );
    }

    #[test]
    fn valid_utf8_wins_over_an_old_declaration() {
        let page = "<meta charset=\"windows-1252\"><p>Café — déjà</p>";
        let d = decode(page.as_bytes()).unwrap();
        assert_eq!(d.text, page);
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn a_container_s_declared_charset_is_used() {
        let text = "Привет";
        let bytes = encoded(text, encoding_rs::WINDOWS_1251);
        let d = decode_declared(&bytes, Some(encoding_rs::WINDOWS_1251)).unwrap();
        assert_eq!(d.text, text);
        assert!(d.warnings.is_empty());
        assert_eq!(decode_declared(b"plain", None).unwrap().text, "plain");
    }

    #[test]
    fn utf16_without_a_mark() {
        let text = "Kyiv: the council met on Monday.\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le).unwrap().text, text);
        assert_eq!(decode(&be).unwrap().text, text);
    }

    #[test]
    fn refuses_binary_and_empty() {
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0"), Err(DecodeError::Binary));
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t\n"), Err(DecodeError::Empty));
    }

    #[test]
    fn removes_escape_sequences_whole() {
        let hostile = "a\x1b[31mred\x1b[0m b\x1b]52;c;ZXZpbA==\x07c\x1bP1;2|x\x1b\\d\u{202E}e\u{200B}f\u{9b}g";
        assert_eq!(clean_text(hostile), "ared bcdefg");
    }
}
