/// SPDX ids a working group is likely to choose for a sheet; others are accepted with a warning,
/// since the SPDX list is long and grows.
public enum SPDXLicenses {
    public static let known = [
        "CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC-BY-NC-SA-4.0", "CC-BY-ND-4.0", "CC-BY-NC-ND-4.0",
        "CC0-1.0", "CC-BY-3.0", "CC-BY-SA-3.0", "CC-BY-2.0", "CC-PDDC", "MIT", "Apache-2.0", "BSD-2-Clause",
        "BSD-3-Clause", "GPL-3.0-or-later", "GPL-3.0-only", "LGPL-3.0-or-later", "MPL-2.0", "ODbL-1.0",
        "ODC-By-1.0", "PDDL-1.0", "GFDL-1.3-or-later", "Unlicense", "LicenseRef-proprietary",
    ]

    /// Letters, digits, `.`, `-` and `+`, as SPDX short ids are written.
    public static func isWellFormed(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-.+".unicodeScalars.contains($0)
        }
    }
}
