//! Naqsha, the application: storage, web, intake channels, jobs and the command line.
#![forbid(unsafe_code)]

pub mod abuse;
pub mod allocator;
pub mod bidi;
pub mod channels;
pub mod cli;
mod commands;
pub mod config;
pub mod demo;
pub mod i18n;
pub mod intake;
pub mod keyring;
pub mod logging;
pub mod public;
pub mod staff;
pub mod startup;
pub mod state;
pub mod storage;
pub mod web;
