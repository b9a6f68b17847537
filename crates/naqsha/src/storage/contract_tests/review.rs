//! Storage contracts of the review (being written).
