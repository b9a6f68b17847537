//! How many SMS a text costs. A text in the GSM 7-bit alphabet (3GPP TS 23.038) fits 160
//! characters in one SMS and 153 in each part of a longer one; the characters of its
//! extension table (`{ } [ ] ~ \ | ^ €`) count twice. Any other character (Urdu, most
//! accents) sends the whole text as UCS-2: 70 UTF-16 units in one SMS, 67 in each part.

/// The GSM 7-bit basic alphabet, as Unicode.
const BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
                     ¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/// The characters of the extension table, each sent as two septets.
const EXTENSION: &str = "^{}\\[~]|€\u{c}";

/// How a text travels, and how long it is in the units of that encoding.
fn units(text: &str) -> (bool, usize) {
    let mut septets = 0;
    for c in text.chars() {
        if BASIC.contains(c) {
            septets += 1;
        } else if EXTENSION.contains(c) {
            septets += 2;
        } else {
            return (false, text.encode_utf16().count());
        }
    }
    (true, septets)
}

/// The number of SMS `text` is sent as (0 for an empty text).
pub fn segments(text: &str) -> usize {
    let (gsm, n) = units(text);
    let (single, part) = if gsm { (160, 153) } else { (70, 67) };
    match n {
        0 => 0,
        n if n <= single => 1,
        n => n.div_ceil(part),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gsm_and_ucs2_texts_are_counted_in_their_own_units() {
        assert_eq!(segments(""), 0);
        assert_eq!(segments(&"a".repeat(160)), 1);
        assert_eq!(segments(&"a".repeat(161)), 2);
        assert_eq!(segments(&"a".repeat(306)), 2);
        assert_eq!(segments(&"a".repeat(307)), 3);
        // Extension characters count twice.
        assert_eq!(segments(&"{".repeat(80)), 1);
        assert_eq!(segments(&"{".repeat(81)), 2);
        // One Urdu letter makes the whole text UCS-2.
        assert_eq!(segments(&format!("{}ک", "a".repeat(69))), 1);
        assert_eq!(segments(&format!("{}ک", "a".repeat(70))), 2);
        assert_eq!(segments(&"ک".repeat(134)), 2);
        assert_eq!(segments(&"ک".repeat(135)), 3);
        // A character outside the BMP is two UTF-16 units.
        assert_eq!(segments(&"😀".repeat(35)), 1);
        assert_eq!(segments(&"😀".repeat(36)), 2);
    }
}
