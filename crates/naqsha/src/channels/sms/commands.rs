//! What an incoming SMS asks for: a report (the default), or one of the follow-up commands
//! the automatic reply tells the reporter about.

use naqsha_core::script::is_arabic_letter;

use crate::intake::receipt::{Receipt, ReceiptError};

/// A parsed incoming SMS.
pub enum Command {
    /// `STATUS <receipt>`: the status of the report with that receipt.
    Status(Result<Receipt, ReceiptError>),
    /// `STOP`: send nothing more to this number.
    Stop,
    /// `START`: messages to this number may be sent again.
    Start,
    /// `RECEIPT`: the receipt of her report, sent again (or sent at all, when receipts are
    /// sent only on request), while its join window is open.
    Receipt,
    /// Anything else is (part of) a report.
    Report,
}

const STATUS_WORDS: &[&str] = &["status", "حالت"];
const STOP_WORDS: &[&str] = &["stop", "بند"];
const START_WORDS: &[&str] = &["start", "شروع"];
const RECEIPT_WORDS: &[&str] = &["receipt", "رسید"];

/// Reads what a message asks for. A keyword counts only when it is the whole message (STOP,
/// START, RECEIPT) or the first word followed by a receipt (STATUS), so a story that begins with
/// "stop" is still a story. An English `STATUS` with a mistyped receipt is still the
/// command, to answer with the right hint; the Urdu word only with a receipt in English words
/// or digits: seven common Urdu words after `حالت` are far more likely the start of a story
/// than a receipt in its Urdu form, and a story must never be answered as a status request.
pub fn parse(text: &str) -> Command {
    let trimmed = text.trim().trim_end_matches(['.', '!', '۔']);
    let lower = trimmed.to_lowercase();
    if STOP_WORDS.contains(&lower.as_str()) {
        return Command::Stop;
    }
    if START_WORDS.contains(&lower.as_str()) {
        return Command::Start;
    }
    if RECEIPT_WORDS.contains(&lower.as_str()) {
        return Command::Receipt;
    }
    let (first, rest) = lower
        .split_once(char::is_whitespace)
        .unwrap_or((lower.as_str(), ""));
    if STATUS_WORDS.contains(&first) {
        let receipt = Receipt::parse(rest);
        let urdu_words = rest.chars().any(is_arabic_letter);
        if (receipt.is_ok() && !urdu_words) || first == "status" {
            return Command::Status(receipt);
        }
    }
    Command::Report
}

pub use crate::channels::language_of;

#[cfg(test)]
mod tests {
    use naqsha_core::lang::Lang;

    use super::*;

    #[test]
    fn keywords_only_as_the_whole_message_or_with_a_receipt() {
        assert!(matches!(parse(" Stop. "), Command::Stop));
        assert!(matches!(parse("بند"), Command::Stop));
        assert!(matches!(parse("START"), Command::Start));
        assert!(matches!(parse("stop him from calling me"), Command::Report));
        assert!(matches!(parse("Receipt"), Command::Receipt));
        assert!(matches!(parse("رسید۔"), Command::Receipt));
        assert!(matches!(
            parse("receipt of the payment he sent"),
            Command::Report
        ));
        let r = Receipt::generate();
        match parse(&format!("STATUS {}", r.digits())) {
            Command::Status(Ok(parsed)) => assert_eq!(parsed, r),
            _ => panic!("STATUS with digits"),
        }
        assert!(matches!(
            parse(&format!("حالت {}", r.words())),
            Command::Status(Ok(_))
        ));
        assert!(matches!(parse("status 123"), Command::Status(Err(_))));
        assert!(matches!(parse("حالت خراب ہے"), Command::Report));
        // Urdu receipt words count after the English keyword; after the Urdu one, seven
        // common Urdu words stay a story.
        let urdu = r.urdu_words().join(" ");
        match parse(&format!("status {urdu}")) {
            Command::Status(Ok(parsed)) => assert_eq!(parsed, r),
            _ => panic!("STATUS with Urdu words"),
        }
        assert!(matches!(parse(&format!("حالت {urdu}")), Command::Report));
    }

    #[test]
    fn arabic_script_means_urdu_unless_it_shows_sindhi_pashto_or_punjabi() {
        assert_eq!(language_of("mujhe blackmail kar raha hai"), Lang::EN);
        assert_eq!(language_of("مجھے بلیک میل کیا جا رہا ہے"), Lang::UR);
        assert_eq!(language_of("he said: ٹھیک"), Lang::UR);
        let code = |text| language_of(text).code();
        assert_eq!(code("مون کي هڪ ماڻهو فون تي ڌمڪيون ڏئي رهيو آهي"), "sd");
        assert_eq!(code("یو سړی ما ته په ټیلیفون ګواښونه کوي"), "ps");
        assert_eq!(code("اک بندہ مینوں فون تے دھمکیاں دیندا اے"), "pa");
        // one Sindhi word decides nothing: Urdu, which Sindhi falls back to
        assert_eq!(code("مدد ڪريو"), "ur");
    }
}
