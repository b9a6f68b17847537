//! A `WHERE` clause built from optional filters: static SQL fragments with numbered
//! parameters, the values always bound, never spliced into the text.

use sqlx::Any;
use sqlx::any::AnyArguments;
use sqlx::query::Query;

/// One bound value.
enum Arg {
    Text(String),
    Int(i64),
}

/// Conditions joined by `AND`, and their values in parameter order.
#[derive(Default)]
pub(super) struct Conditions {
    parts: Vec<String>,
    args: Vec<Arg>,
}

impl Conditions {
    /// Adds `fragment`, whose every `?` is the next parameter taking `value`.
    pub(super) fn text(&mut self, fragment: &'static str, value: String) {
        let fragment = self.number(fragment);
        self.parts.push(fragment);
        self.args.push(Arg::Text(value));
    }

    /// Adds `fragment` with one integer parameter.
    pub(super) fn int(&mut self, fragment: &'static str, value: i64) {
        let fragment = self.number(fragment);
        self.parts.push(fragment);
        self.args.push(Arg::Int(value));
    }

    /// Adds `column IN ($n, $n+1, …)` with one text parameter per value; nothing when
    /// `values` is empty (no restriction).
    pub(super) fn text_in(&mut self, column: &'static str, values: Vec<String>) {
        self.list(column, "IN", values);
    }

    /// Adds `column NOT IN (…)`; nothing when `values` is empty.
    pub(super) fn text_not_in(&mut self, column: &'static str, values: Vec<String>) {
        self.list(column, "NOT IN", values);
    }

    fn list(&mut self, column: &'static str, op: &'static str, values: Vec<String>) {
        if values.is_empty() {
            return;
        }
        let first = self.args.len() + 1;
        let params: Vec<String> = (first..first + values.len())
            .map(|n| format!("${n}"))
            .collect();
        self.parts
            .push(format!("{column} {op} ({})", params.join(", ")));
        self.args.extend(values.into_iter().map(Arg::Text));
    }

    /// Adds a fragment without parameters.
    pub(super) fn plain(&mut self, fragment: &'static str) {
        self.parts.push(fragment.to_owned());
    }

    /// The next free parameter number (for `LIMIT`/`OFFSET` after the conditions).
    pub(super) fn next_param(&self) -> usize {
        self.args.len() + 1
    }

    /// ` WHERE a AND b`, or nothing.
    pub(super) fn where_clause(&self) -> String {
        if self.parts.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.parts.join(" AND "))
        }
    }

    /// Binds the values, in order, to `query`.
    pub(super) fn bind<'q>(
        &self,
        mut query: Query<'q, Any, AnyArguments>,
    ) -> Query<'q, Any, AnyArguments> {
        for arg in &self.args {
            query = match arg {
                Arg::Text(t) => query.bind(t.clone()),
                Arg::Int(i) => query.bind(*i),
            };
        }
        query
    }

    /// Replaces each `?` of `fragment` with `$n` for the next parameter (one parameter may
    /// appear several times).
    fn number(&self, fragment: &str) -> String {
        fragment.replace('?', &format!("${}", self.args.len() + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_numbered_in_order() {
        let mut c = Conditions::default();
        assert_eq!(c.where_clause(), "");
        c.text("status = ?", "new".into());
        c.plain("assigned_to IS NULL");
        c.int("flagged = ?", 1);
        c.text("(a = ? OR b = ?)", "x".into());
        assert_eq!(
            c.where_clause(),
            " WHERE status = $1 AND assigned_to IS NULL AND flagged = $2 AND (a = $3 OR b = $3)"
        );
        assert_eq!(c.next_param(), 4);
    }
}
