//! Examples for pazaryeri.
