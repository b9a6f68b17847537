//! Reading the open-data files as GIS software does, with GDAL's `ogrinfo` (Debian package
//! `gdal-bin`).

use std::path::Path;
use std::process::Command;

/// The feature count `ogrinfo` reports for `file`, read with `options`.
pub fn ogr_feature_count(file: &Path, options: &[&str]) -> usize {
    let output = Command::new("ogrinfo")
        .args(["-ro", "-al", "-so"])
        .args(options)
        .arg(file)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "ogrinfo could not be run ({e}): install GDAL's tools, e.g. \
                 `apt-get install gdal-bin`, to check the downloads as GIS software reads them"
            )
        });
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "ogrinfo failed on {}: {}{}",
        file.display(),
        stdout,
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
        .lines()
        .find_map(|l| l.trim().strip_prefix("Feature Count: "))
        .unwrap_or_else(|| panic!("no feature count in: {stdout}"))
        .trim()
        .parse()
        .expect("a count")
}
