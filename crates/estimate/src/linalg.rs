//! Cholesky factorisation of the small symmetric positive-definite systems of
//! iteratively reweighted least squares (at most 16 × 16: intercept, 5 main
//! effects, 10 interactions). Written here rather than pulling in `nalgebra`:
//! twenty lines against a dependency that costs minutes to compile on the
//! shared two-core machine, for one operation.

/// A lower-triangular factor `L` with `A = L Lᵀ`, stored row-major.
pub(crate) struct Cholesky {
    n: usize,
    l: Vec<f64>,
}

impl Cholesky {
    /// Factors the row-major `n × n` matrix `a`; `None` when it is not
    /// numerically positive definite (a parameter the data cannot identify).
    pub(crate) fn factor(a: &[f64], n: usize) -> Option<Self> {
        let mut l = vec![0.0; n * n];
        for i in 0..n {
            for j in 0..=i {
                let dot: f64 = (0..j).map(|k| l[i * n + k] * l[j * n + k]).sum();
                let value = a[i * n + j] - dot;
                if i == j {
                    // Relative pivot floor: a column that is (nearly) a
                    // combination of earlier ones is unidentifiable.
                    if value.is_nan() || value <= 1e-12 * a[i * n + i].abs().max(1e-300) {
                        return None;
                    }
                    l[i * n + i] = value.sqrt();
                } else {
                    l[i * n + j] = value / l[j * n + j];
                }
            }
        }
        Some(Self { n, l })
    }

    /// Solves `A x = b`.
    pub(crate) fn solve(&self, b: &[f64]) -> Vec<f64> {
        let n = self.n;
        let mut y = vec![0.0; n];
        for i in 0..n {
            let dot: f64 = (0..i).map(|k| self.l[i * n + k] * y[k]).sum();
            y[i] = (b[i] - dot) / self.l[i * n + i];
        }
        let mut x = vec![0.0; n];
        for i in (0..n).rev() {
            let dot: f64 = (i + 1..n).map(|k| self.l[k * n + i] * x[k]).sum();
            x[i] = (y[i] - dot) / self.l[i * n + i];
        }
        x
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solves_a_known_system_and_refuses_a_singular_one() {
        let a = [4.0, 2.0, 2.0, 3.0];
        let x = Cholesky::factor(&a, 2).unwrap().solve(&[2.0, 1.0]);
        // 4x + 2y = 2, 2x + 3y = 1 → x = 0.5, y = 0
        assert!((x[0] - 0.5).abs() < 1e-12 && x[1].abs() < 1e-12, "{x:?}");
        assert!(Cholesky::factor(&[1.0, 1.0, 1.0, 1.0], 2).is_none());
    }
}
