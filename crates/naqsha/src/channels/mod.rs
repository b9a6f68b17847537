//! Channels: the ways reports arrive besides the web form and the API.

pub mod import;
