//! "Download everything": a plan's artifacts in one ZIP archive. Stored, not compressed (the
//! files are small text), with a fixed timestamp so the same plan always gives the same bytes.

use crate::export::{self, Format};
use crate::plan::Plan;

/// One file of the archive.
pub struct File<'a> {
    pub name: &'a str,
    pub content: &'a [u8],
}

/// The plan's artifacts as a ZIP archive, in artifact order, then its exports (aliyun CLI
/// script, Terraform, ROS template), inside a folder named after the scenario. A plan with
/// errors has neither, and gives an empty archive.
pub fn plan_zip(plan: &Plan) -> Vec<u8> {
    let exports: Vec<(Format, String)> = Format::ALL
        .into_iter()
        .filter_map(|f| export::plan_export(plan, f).map(|text| (f, text)))
        .collect();
    let entries: Vec<(String, &[u8])> = plan
        .artifacts
        .iter()
        .map(|a| (a.filename.as_str(), a.content.as_bytes()))
        .chain(
            exports
                .iter()
                .map(|(f, text)| (f.filename(), text.as_bytes())),
        )
        .map(|(filename, content)| (format!("{}/{filename}", plan.scenario), content))
        .collect();
    let files: Vec<File<'_>> = entries
        .iter()
        .map(|(name, content)| File { name, content })
        .collect();
    zip(&files)
}

/// 1980-01-01 00:00, the earliest time a ZIP entry can carry.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;

/// Writes a ZIP archive of stored (uncompressed) entries.
pub fn zip(files: &[File<'_>]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for file in files {
        let offset = out.len() as u32;
        let crc = crc32(file.content);
        let size = file.content.len() as u32;
        let name = file.name.as_bytes();
        // Local file header.
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&20u16.to_le_bytes()); // version needed
        out.extend_from_slice(&(1u16 << 11).to_le_bytes()); // flags: UTF-8 names
        out.extend_from_slice(&0u16.to_le_bytes()); // method: stored
        out.extend_from_slice(&DOS_TIME.to_le_bytes());
        out.extend_from_slice(&DOS_DATE.to_le_bytes());
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes()); // extra length
        out.extend_from_slice(name);
        out.extend_from_slice(file.content);
        // Central directory record.
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes()); // version made by
        central.extend_from_slice(&20u16.to_le_bytes()); // version needed
        central.extend_from_slice(&(1u16 << 11).to_le_bytes());
        central.extend_from_slice(&0u16.to_le_bytes());
        central.extend_from_slice(&DOS_TIME.to_le_bytes());
        central.extend_from_slice(&DOS_DATE.to_le_bytes());
        central.extend_from_slice(&crc.to_le_bytes());
        central.extend_from_slice(&size.to_le_bytes());
        central.extend_from_slice(&size.to_le_bytes());
        central.extend_from_slice(&(name.len() as u16).to_le_bytes());
        central.extend_from_slice(&[0; 8]); // extra, comment, disk, internal attributes
        central.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name);
    }
    let central_offset = out.len() as u32;
    let central_size = central.len() as u32;
    out.extend_from_slice(&central);
    // End of central directory.
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]); // disk numbers
    out.extend_from_slice(&(files.len() as u16).to_le_bytes());
    out.extend_from_slice(&(files.len() as u16).to_le_bytes());
    out.extend_from_slice(&central_size.to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment length
    out
}

/// CRC-32 (IEEE), as ZIP uses it.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xedb8_8320 & mask);
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn python_reads_the_archive_back() {
        let files = [
            File {
                name: "a/trust-policy.json",
                content: b"{\"Version\": \"1\"}\n",
            },
            File {
                name: "a/runbook.md",
                content: "# 操作手册\n".as_bytes(),
            },
        ];
        let bytes = zip(&files);
        golden("two-files.zip", &bytes);
        let path = std::env::temp_dir().join(format!("ramplan-zip-{}.zip", std::process::id()));
        std::fs::write(&path, &bytes).unwrap();
        let script = "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nfor i in z.infolist():\n    print(i.filename, len(z.read(i)))\n";
        let output = std::process::Command::new("python3")
            .args(["-c", script, &path.to_string_lossy()])
            .output()
            .expect("python3 is on this machine kind");
        let _ = std::fs::remove_file(&path);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&output.stdout),
            "a/trust-policy.json 17\na/runbook.md 15\n"
        );
    }

    #[test]
    fn plans_bundle_their_artifacts() {
        let plan = crate::plan::plan(
            "emr-ecs-role",
            r#"{"emr_version": "V5.16.0", "oss_buckets": [{"bucket": "examplebucket"}]}"#,
            crate::Lang::En,
        )
        .unwrap();
        let bytes = plan_zip(&plan);
        let text = String::from_utf8_lossy(&bytes);
        for artifact in &plan.artifacts {
            assert!(text.contains(&format!("emr-ecs-role/{}", artifact.filename)));
        }
        for format in Format::ALL {
            assert!(text.contains(&format!("emr-ecs-role/{}", format.filename())));
            let export = export::plan_export(&plan, format).unwrap();
            assert!(text.contains(&export), "{format:?} is stored whole");
        }
    }

    /// The same input gives the same bytes as the committed archive, built on another day
    /// and machine: nothing in it depends on the clock or the environment.
    fn golden(name: &str, bytes: &[u8]) {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/bundle")
            .join(name);
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::write(&path, bytes).unwrap();
            return;
        }
        let expected = std::fs::read(&path).unwrap();
        assert!(
            expected == bytes,
            "{name} differs from the committed archive"
        );
    }

    #[test]
    fn a_plan_bundle_equals_the_committed_archive() {
        let input = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../tests/fixtures/scenarios/dataworks-emr/valid-basic-hadoop.input.json"),
        )
        .unwrap();
        let plan = crate::plan::plan("dataworks-emr", &input, crate::Lang::En).unwrap();
        golden("dataworks-emr-valid-basic-hadoop.zip", &plan_zip(&plan));
    }

    #[test]
    fn plans_with_errors_bundle_nothing() {
        let plan = crate::plan::plan("emr-ecs-role", "{}", crate::Lang::En).unwrap();
        assert!(plan.has_errors());
        assert_eq!(plan_zip(&plan), zip(&[]));
    }
}
