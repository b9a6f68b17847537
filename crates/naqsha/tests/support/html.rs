//! Reading pages as a person sees them: the text and attributes of the elements a CSS
//! selector finds, and the values of the form fields the tests send back.

use scraper::{Html, Selector};

/// The text of every element matching `selector`: its text nodes joined by spaces, whitespace
/// collapsed.
pub fn texts(html: &Html, selector: &str) -> Vec<String> {
    let sel = Selector::parse(selector).expect("selector");
    html.select(&sel)
        .map(|e| e.text().collect::<Vec<_>>().join(" "))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// The value of `attr` on every element matching `selector`.
pub fn attrs(html: &Html, selector: &str, attr: &str) -> Vec<String> {
    let sel = Selector::parse(selector).expect("selector");
    html.select(&sel)
        .filter_map(|e| e.value().attr(attr).map(str::to_owned))
        .collect()
}

/// How many elements match `selector`.
pub fn count(html: &Html, selector: &str) -> usize {
    let sel = Selector::parse(selector).expect("selector");
    html.select(&sel).count()
}

/// The raw text inside the report form's textarea (what a browser would show in it).
pub fn textarea(html: &Html, name: &str) -> String {
    let sel = Selector::parse(&format!("textarea[name={name}]")).expect("selector");
    let found: Vec<String> = html
        .select(&sel)
        .map(|e| e.text().collect::<String>())
        .collect();
    assert_eq!(found.len(), 1, "one textarea named {name}");
    found[0].clone()
}

/// The value of the form's hidden token field.
pub fn form_token(html: &Html) -> String {
    let tokens = attrs(html, "input[type=hidden][name=form_token]", "value");
    assert_eq!(tokens.len(), 1, "one form token on the page");
    assert!(!tokens[0].is_empty(), "form token is filled in");
    tokens[0].clone()
}
