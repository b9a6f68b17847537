//! A receipt as a survivor reads it off the receipt page (its words and its digits), or off
//! a reply message.

use scraper::Html;

use super::html::texts;

/// A receipt as its page showed it.
#[derive(Debug, Clone)]
pub struct ShownReceipt {
    pub words: String,
    pub digits: String,
}

impl ShownReceipt {
    /// The digits form typed with Urdu (Extended Arabic-Indic) digits.
    pub fn urdu_digits(&self) -> String {
        self.digits
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(0x06F0 + d).expect("Urdu digit"),
                None => c,
            })
            .collect()
    }
}

/// Reads the receipt's words and digits from a receipt page.
pub fn receipt_on_page(html: &Html) -> ShownReceipt {
    let words = texts(html, ".receipt__words code");
    let digits = texts(html, ".receipt__digits code");
    assert_eq!(words.len(), 1, "one words form on the page");
    assert_eq!(digits.len(), 1, "one digits form on the page");
    ShownReceipt {
        words: words[0].clone(),
        digits: digits[0].clone(),
    }
}

/// The receipt (seven groups of five dice digits) in a reply message (SMS, WhatsApp,
/// Telegram).
pub fn receipt_in(text: &str) -> String {
    let groups: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|t| t.len() == 5 && t.chars().all(|c| ('1'..='6').contains(&c)))
        .collect();
    assert_eq!(groups.len(), 7, "a receipt of seven groups in {text:?}");
    groups.join(" ")
}
