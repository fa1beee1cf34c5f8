//! [`marketplace_core::conformance::FarSide`] for [`Sandbox`](super::Sandbox) (lands next).
