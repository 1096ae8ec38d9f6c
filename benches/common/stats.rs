//! Median and p99 of timing samples, printed as `metric: value unit`.
#![allow(dead_code)]

use std::time::Duration;

/// The `q`-quantile (0..=1) of sorted samples.
pub fn quantile(sorted: &[Duration], q: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let idx = ((sorted.len() - 1) as f64 * q).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

/// Prints `NAME_median_ms` and `NAME_p99_ms`.
pub fn print(name: &str, samples: &mut [Duration]) {
    samples.sort();
    println!(
        "{name}_median: {:.3} ms",
        quantile(samples, 0.5).as_secs_f64() * 1e3
    );
    println!(
        "{name}_p99: {:.3} ms",
        quantile(samples, 0.99).as_secs_f64() * 1e3
    );
}
