//! Probabilistic record linkage (Fellegi-Sunter, EM) of child registries.
