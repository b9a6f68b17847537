//! Reports by email.
