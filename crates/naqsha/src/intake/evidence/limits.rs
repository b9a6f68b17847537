//! How many files, how big, how many pixels.

use super::EvidenceError;

const MIB: usize = 1024 * 1024;

/// Limits on evidence files; the defaults suit a cheap phone on 3G and a small server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceLimits {
    /// Files per report.
    pub max_files: usize,
    /// Bytes per file.
    pub max_file_bytes: usize,
    /// Bytes of all files of one report together.
    pub max_total_bytes: usize,
    /// Pixels per image (width × height).
    pub max_pixels: u64,
    /// Pixels on the longest side of an image.
    pub max_dimension: u32,
    /// Bytes the decoder may allocate for one image.
    pub max_decode_alloc: u64,
}

impl Default for EvidenceLimits {
    fn default() -> Self {
        Self {
            max_files: 5,
            max_file_bytes: 10 * MIB,
            max_total_bytes: 25 * MIB,
            max_pixels: 40_000_000,
            max_dimension: 12_000,
            max_decode_alloc: 160 * 1024 * 1024,
        }
    }
}

impl EvidenceLimits {
    pub(super) fn too_many_pixels(&self) -> EvidenceError {
        EvidenceError::TooManyPixels {
            max_pixels: self.max_pixels,
            max_dimension: self.max_dimension,
        }
    }

    /// Refuses an image whose header announces more than the limits allow.
    pub(super) fn check_dimensions(&self, width: u32, height: u32) -> Result<(), EvidenceError> {
        if width == 0 || height == 0 {
            return Err(EvidenceError::Corrupt);
        }
        if width > self.max_dimension
            || height > self.max_dimension
            || u64::from(width) * u64::from(height) > self.max_pixels
        {
            return Err(self.too_many_pixels());
        }
        Ok(())
    }
}

/// Checks the count and sizes of a report's files before any of them is decoded.
pub fn check_batch(sizes: &[usize], limits: &EvidenceLimits) -> Result<(), EvidenceError> {
    if sizes.len() > limits.max_files {
        return Err(EvidenceError::TooManyFiles {
            max_files: limits.max_files,
        });
    }
    if sizes.contains(&0) {
        return Err(EvidenceError::Empty);
    }
    if sizes.iter().any(|&size| size > limits.max_file_bytes) {
        return Err(EvidenceError::TooLarge {
            max_bytes: limits.max_file_bytes,
        });
    }
    let total = sizes
        .iter()
        .try_fold(0usize, |sum, &size| sum.checked_add(size));
    if total.is_none_or(|total| total > limits.max_total_bytes) {
        return Err(EvidenceError::TotalTooLarge {
            max_total_bytes: limits.max_total_bytes,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const MB: usize = 1024 * 1024;

    #[test]
    fn a_report_within_every_limit_passes() {
        let limits = EvidenceLimits::default();
        assert_eq!(check_batch(&[], &limits), Ok(()));
        assert_eq!(
            check_batch(&[5 * MB, 5 * MB, 5 * MB, 5 * MB, 5 * MB], &limits),
            Ok(())
        );
    }

    #[test]
    fn a_sixth_file_is_refused() {
        let limits = EvidenceLimits::default();
        assert_eq!(
            check_batch(&[1; 6], &limits).map_err(|e| e.message_key()),
            Err("evidence.too_many_files")
        );
    }

    #[test]
    fn one_file_over_ten_mib_is_refused_even_if_the_total_fits() {
        let limits = EvidenceLimits::default();
        let err = check_batch(&[1, 10 * MB + 1], &limits).unwrap_err();
        assert_eq!(err.message_key(), "evidence.too_large");
        assert_eq!(check_batch(&[10 * MB], &limits), Ok(()));
    }

    #[test]
    fn files_each_allowed_but_together_over_the_total_are_refused() {
        let limits = EvidenceLimits::default();
        let err = check_batch(&[9 * MB, 9 * MB, 8 * MB], &limits).unwrap_err();
        assert_eq!(err.message_key(), "evidence.total_too_large");
    }

    #[test]
    fn an_empty_file_in_the_batch_is_refused() {
        let limits = EvidenceLimits::default();
        assert_eq!(check_batch(&[10, 0], &limits), Err(EvidenceError::Empty));
    }

    #[test]
    fn sizes_that_overflow_when_summed_are_refused_not_wrapped() {
        let limits = EvidenceLimits {
            max_file_bytes: usize::MAX,
            max_total_bytes: usize::MAX,
            ..EvidenceLimits::default()
        };
        let err = check_batch(&[usize::MAX, 2], &limits).unwrap_err();
        assert_eq!(err.message_key(), "evidence.total_too_large");
    }

    #[test]
    fn dimensions_are_checked_per_side_and_in_total() {
        let limits = EvidenceLimits::default();
        assert!(limits.check_dimensions(8000, 5000).is_ok());
        assert!(limits.check_dimensions(12_001, 10).is_err());
        assert!(limits.check_dimensions(10, 12_001).is_err());
        assert!(limits.check_dimensions(7000, 6000).is_err());
        assert_eq!(limits.check_dimensions(0, 10), Err(EvidenceError::Corrupt));
    }
}
