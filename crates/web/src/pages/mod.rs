//! One folder per page, each with its components, state and strings; what several pages
//! use is in `widgets`.

pub mod builder;
pub mod checker;
pub mod doctor;
pub mod generate;
pub mod home;
pub mod scenario;
