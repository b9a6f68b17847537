//! Storage contracts of the inbox (being written).
